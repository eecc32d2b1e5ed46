/// Bytes on their way out, handed on in large blocks: a report of any size streams through one
/// fixed buffer instead of being built as one string. Where the blocks go (standard output, a
/// file, a counter in a benchmark) is the caller's closure; the core itself does no I/O.
public final class ByteWriter {
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    private let sink: (UnsafeRawBufferPointer) -> Void

    public init(capacity: Int = 1 << 16, sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.capacity = max(capacity, 64)
        buffer = .allocate(capacity: self.capacity)
        self.sink = sink
    }

    deinit {
        flush()
        buffer.deallocate()
    }

    /// Hands everything written so far to the sink.
    public func flush() {
        guard count > 0 else { return }
        sink(UnsafeRawBufferPointer(start: buffer, count: count))
        count = 0
    }

    @inline(__always)
    public func write(_ byte: UInt8) {
        if count == capacity { flush() }
        buffer[count] = byte
        count += 1
    }

    @inline(__always)
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity {
            flush()
            // A block bigger than the buffer goes straight through.
            if bytes.count >= capacity {
                sink(UnsafeRawBufferPointer(bytes))
                return
            }
        }
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    @inline(__always)
    public func write(_ text: StaticString) {
        text.withUTF8Buffer { write($0) }
    }

    /// A decimal integer, without going through a String.
    public func write(_ number: Int) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            var position = raw.count
            // Work in the negative range so Int.min has no positive twin to overflow into.
            var value = number > 0 ? -number : number
            repeat {
                position -= 1
                raw[position] = UInt8(ascii: "0") + UInt8(-(value % 10))
                value /= 10
            } while value != 0
            if number < 0 {
                position -= 1
                raw[position] = UInt8(ascii: "-")
            }
            write(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[position...]))
        }
    }

    /// `count` copies of one byte (indentation).
    public func write(repeating byte: UInt8, count n: Int) {
        for _ in 0..<max(0, n) { write(byte) }
    }
}

extension ByteWriter {
    /// Collects everything written into one string: for small outputs and tests.
    public static func string(_ body: (ByteWriter) -> Void) -> String {
        var bytes: [UInt8] = []
        let writer = ByteWriter { bytes.append(contentsOf: $0) }
        body(writer)
        writer.flush()
        return String(decoding: bytes, as: UTF8.self)
    }
}
