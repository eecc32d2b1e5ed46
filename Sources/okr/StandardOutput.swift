import ArgumentParser
import Foundation
import OKRCore

/// Standard output as a `ByteWriter`: reports stream out in 64 KiB blocks through write(2)
/// instead of being built as one string and printed.
enum StandardOutput {
    /// Runs `body` with a writer on standard output and flushes it at the end. A report that
    /// cannot be written (a full disk) is an error, exit status 2; a reader that went away (a
    /// closed pipe, `okr check ... | head`) is not.
    static func stream(_ body: (ByteWriter) -> Void) throws {
        // Anything print() buffered must go out first, or it would land after the report.
        fflush(nil)
        var failure: Int32 = 0
        let writer = ByteWriter(capacity: 1 << 16) { block in
            guard failure == 0, var next = block.baseAddress else { return }
            var left = block.count
            while left > 0 {
                let written = write(STDOUT_FILENO, next, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                next += written
                left -= written
            }
        }
        body(writer)
        writer.flush()
        if failure != 0, failure != EPIPE {
            Terminal.standardError("okr: cannot write the report to standard output: \(String(cString: strerror(failure)))")
            throw ExitCode(2)
        }
    }
}

extension CheckReport {
    /// The text form as a string, coloured when standard output is a terminal (for `okr import`,
    /// which prints it before saving).
    func text() -> String {
        ByteWriter.string { writeText(to: $0, colour: Terminal.colour) }
    }
}
