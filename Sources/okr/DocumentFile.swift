import Foundation

/// Reads a document (a file, or standard input for "-") as UTF-8 text with plain read(2) calls.
enum DocumentFile {
    static func text(_ path: String) throws(CLIError) -> String {
        let name = path == "-" ? "<stdin>" : path
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw .unreadable(path: name, reason: errno == ENOENT || errno == ENOTDIR ? "no such file" : "permission denied or not a file")
        }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var info = stat()
        let size = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        var bytes = [UInt8](repeating: 0, count: max(size, 1 << 16) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: name, reason: "permission denied or not a file")
            }
            count += n
        }
        // A byte order mark is not text (Foundation's decoding dropped it too).
        let start = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        guard let text = String(validating: bytes[start..<count], as: UTF8.self) else {
            throw .unreadable(path: name, reason: "not UTF-8 text")
        }
        return text
    }
}
