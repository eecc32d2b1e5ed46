import Foundation
import OKRCore

/// Reads the files okr is given (documents, rule files, configuration) within `Limits`: the size
/// is checked before anything is read into memory, and the lines (length, NUL) in one pass over
/// the bytes before any parser sees them, so no input can make okr hang or exhaust memory.
enum InputFile {
    /// `format` says how lines are checked: JSON may hold a whole document on one line, so only
    /// its text values are limited (by the reader).
    static func read(_ path: String, format: DocumentFormat = .yaml) throws(CLIError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw .unreadable(path: path, reason: !exists ? "no such file" : isDirectory.boolValue ? "it is a folder" : "permission denied")
        }
        defer { try? handle.close() }
        var status = stat()
        if fstat(handle.fileDescriptor, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, reason: "it is a folder") }
            if (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) > Limits.documentBytes { throw tooLarge(path, bytes: Int(status.st_size)) }
        }
        return try text(try bounded(handle, name: path), name: path, format: format)
    }

    static func standardInput(format: DocumentFormat) throws(CLIError) -> String {
        try text(try bounded(FileHandle.standardInput, name: "<stdin>"), name: "<stdin>", format: format)
    }

    /// Reads at most one byte more than the limit: a pipe or device has no size to check first.
    private static func bounded(_ handle: FileHandle, name: String) throws(CLIError) -> Data {
        var data = Data()
        do {
            while data.count <= Limits.documentBytes {
                guard let chunk = try handle.read(upToCount: min(1 << 20, Limits.documentBytes + 1 - data.count)), !chunk.isEmpty else { break }
                data.append(chunk)
            }
        } catch {
            throw .unreadable(path: name, reason: "\(error.localizedDescription)")
        }
        if data.count > Limits.documentBytes { throw tooLarge(name, bytes: nil) }
        return data
    }

    private static func tooLarge(_ name: String, bytes: Int?) -> CLIError {
        let size = bytes.map { "it is \($0) bytes" } ?? "it is larger than that"
        return .unreadable(path: name, reason: "okr reads files of up to \(Limits.describe(bytes: Limits.documentBytes)); \(size)")
    }

    static func text(_ data: Data, name: String, format: DocumentFormat) throws(CLIError) -> String {
        if let problem = data.withUnsafeBytes({ scanLines(UnsafeRawBufferPointer($0), limitLength: format != .json) }) {
            throw .document(DocumentError(file: name, line: problem.line, column: problem.column, problem: problem.message))
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(path: name, reason: "not UTF-8 text") }
        return text
    }

    struct LineProblem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first line that is too long or holds a NUL byte. CR LF, CR and LF each end a line, as
    /// in the readers; the column is counted in bytes, which is exact for the ASCII it matters for.
    static func scanLines(_ bytes: UnsafeRawBufferPointer, limitLength: Bool) -> LineProblem? {
        var line = 1, lineStart = 0, index = 0
        let count = bytes.count
        while index < count {
            // Eight bytes at a time past the plain ones: none is NUL, CR or LF.
            if index + 8 <= count, !mayEndLine(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                if limitLength, index - lineStart > Limits.lineBytes { return long(line) }
                if byte == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                lineStart = index + 1
            } else if byte == 0 {
                return LineProblem(line: line, column: index - lineStart + 1,
                                   message: "a NUL character (\\0) in the text; okr reads text files, and a store would cut the text at it")
            }
            index += 1
        }
        if limitLength, count - lineStart > Limits.lineBytes { return long(line) }
        return nil
    }

    /// Whether one of the eight bytes is NUL, LF or CR (a zero byte found after XOR with each, by
    /// the usual borrow trick: exact, no false answers for the bytes asked about).
    @inline(__always) private static func mayEndLine(_ word: UInt64) -> Bool {
        @inline(__always) func hasZero(_ x: UInt64) -> UInt64 { (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 }
        return hasZero(word) | hasZero(word ^ 0x0A0A_0A0A_0A0A_0A0A) | hasZero(word ^ 0x0D0D_0D0D_0D0D_0D0D) != 0
    }

    private static func long(_ line: Int) -> LineProblem {
        LineProblem(line: line, column: Limits.lineBytes + 1,
                    message: "the line is longer than \(Limits.describe(bytes: Limits.lineBytes)), the longest okr reads")
    }
}
