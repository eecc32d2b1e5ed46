/// Why a piece of text is not a timeframe, in words a manager can act on.
public enum TimeframeError: Error, Equatable, CustomStringConvertible {
    case invalidQuarter(Int)
    case invalidHalf(Int)
    case invalidDate(String)
    case unrecognized(String)

    public var description: String {
        switch self {
        case .invalidQuarter(let q): return "there is no quarter Q\(q): a year has Q1 to Q4"
        case .invalidHalf(let h): return "there is no half H\(h): a year has H1 and H2"
        case .invalidDate(let text): return "'\(text)' is not a real date"
        case .unrecognized(let text):
            return "'\(text)' is not a timeframe I know; try 'Q3 2026', '2026-Q3', 'H2 2026', 'FY2027', '2027', 'by end of March 2027', 'by 2027-06-30' or 'this quarter'"
        }
    }
}
