/// Text from a user, a file or a shared store is made safe to print on a terminal: escape and
/// control sequences (CSI, OSC, DCS and the C0/C1 controls) are removed, so one user of a shared
/// store cannot write escape codes onto another's screen. Tabs stay; other controls become nothing.
public enum TerminalSafe {
    public static func clean(_ text: String) -> String {
        // Fast path: nearly every line is plain printable text.
        if !text.unicodeScalars.contains(where: isControl) { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            switch s.value {
            case 0x1B:  // ESC: drop the whole sequence that follows
                guard let next = scalars.next() else { break }
                switch next {
                case "[": skipCSI(&scalars)
                case "]", "P", "X", "^", "_": skipString(&scalars)
                default: break  // a two-character escape: ESC and its letter are both gone
                }
            case 0x9B: skipCSI(&scalars)
            case 0x90, 0x9D, 0x98, 0x9E, 0x9F: skipString(&scalars)
            case 0x09: out.append(s)
            case 0x0A, 0x0D: out.append(" ")
            default:
                if !isControl(s) { out.append(s) }
            }
        }
        return String(out)
    }

    @inline(__always) static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0)
    }

    /// CSI: parameters and intermediates up to a final byte in @...~.
    private static func skipCSI(_ it: inout String.UnicodeScalarView.Iterator) {
        while let s = it.next() {
            if (0x40...0x7E).contains(s.value) { return }
        }
    }

    /// OSC/DCS/SOS/PM/APC: up to BEL or ST (ESC \ or 0x9C).
    private static func skipString(_ it: inout String.UnicodeScalarView.Iterator) {
        while let s = it.next() {
            if s.value == 0x07 || s.value == 0x9C { return }
            if s.value == 0x1B { _ = it.next(); return }
        }
    }
}
