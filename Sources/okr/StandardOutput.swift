import Foundation
import OKRCore

/// Standard output as a `ByteWriter`: reports stream out in 64 KiB blocks through write(2)
/// instead of being built as one string and printed.
enum StandardOutput {
    /// Runs `body` with a writer on standard output and flushes it at the end.
    static func stream(_ body: (ByteWriter) -> Void) {
        // Anything print() buffered must go out first, or it would land after the report.
        fflush(nil)
        let writer = ByteWriter(capacity: 1 << 16) { block in
            guard var next = block.baseAddress else { return }
            var left = block.count
            while left > 0 {
                let written = write(STDOUT_FILENO, next, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // a closed pipe or a full disk: nothing more can be shown
                }
                next += written
                left -= written
            }
        }
        body(writer)
        writer.flush()
    }
}

extension CheckReport {
    /// The text form as a string, coloured when standard output is a terminal (for `okr import`,
    /// which prints it before saving).
    func text() -> String {
        ByteWriter.string { writeText(to: $0, colour: Terminal.colour) }
    }
}
