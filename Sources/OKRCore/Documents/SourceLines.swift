/// One line of a text: where its bytes are, its line end left out, and its number from 1.
struct SourceLine {
    var start: Int
    var end: Int
    var number: Int
    /// Where the line's first NUL byte is, if it has one: text never holds one, so a reader
    /// refuses the line rather than let the NUL cut it short somewhere downstream.
    var nul: Int?
}

/// Splits UTF-8 text into lines in one pass over its bytes. CR LF, a lone CR and LF each end one
/// line, so line numbers are the ones an editor shows, whatever wrote the file (Swift's own
/// `split(separator: "\n")` sees CR LF as one character and would not split there at all). The
/// empty text after a final line end is not a line.
struct SourceLines: Sequence, IteratorProtocol {
    let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    private var number = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
        self.bytes = bytes
        position = start
    }

    mutating func next() -> SourceLine? {
        let count = bytes.count
        guard position < count else { return nil }
        number += 1
        let start = position
        var nul: Int?
        var i = position
        while i < count {
            let byte = bytes[i]
            // One compare keeps ordinary bytes on the fast path; LF, CR and NUL are all below 0x0E.
            if byte < 0x0E {
                if byte == 0x0A {
                    position = i + 1
                    return SourceLine(start: start, end: i, number: number, nul: nul)
                }
                if byte == 0x0D {
                    position = i + 1 < count && bytes[i + 1] == 0x0A ? i + 2 : i + 1
                    return SourceLine(start: start, end: i, number: number, nul: nul)
                }
                if byte == 0, nul == nil { nul = i }
            }
            i += 1
        }
        position = count
        return SourceLine(start: start, end: count, number: number, nul: nul)
    }
}
