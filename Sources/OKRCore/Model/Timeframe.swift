/// The period an objective or set is meant to be reached in, with its first and last day.
public struct Timeframe: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The canonical spelling: `Q3 2026`, `H2 2026`, `FY2027`, `2027`, `by 2027-06-30`.
    public var label: String
    public var start: CalendarDay
    public var end: CalendarDay

    public init(label: String, start: CalendarDay, end: CalendarDay) {
        self.label = label
        self.start = start
        self.end = end
    }

    public var description: String { label }

    public static func quarter(_ q: Int, of year: Int) -> Timeframe {
        let first = (q - 1) * 3 + 1
        return Timeframe(label: "Q\(q) \(year)", start: CalendarDay(year: year, month: first, day: 1),
                         end: .lastDay(ofMonth: first + 2, year: year))
    }

    public static func half(_ h: Int, of year: Int) -> Timeframe {
        let first = h == 1 ? 1 : 7
        return Timeframe(label: "H\(h) \(year)", start: CalendarDay(year: year, month: first, day: 1),
                         end: .lastDay(ofMonth: first + 5, year: year))
    }

    public static func year(_ year: Int) -> Timeframe {
        Timeframe(label: "\(year)", start: CalendarDay(year: year, month: 1, day: 1), end: CalendarDay(year: year, month: 12, day: 31))
    }

    /// A fiscal year named after the calendar year it ends in; this assumes it matches the
    /// calendar year, which a team with another fiscal calendar can override by writing dates.
    public static func fiscalYear(_ year: Int) -> Timeframe {
        Timeframe(label: "FY\(year)", start: CalendarDay(year: year, month: 1, day: 1), end: CalendarDay(year: year, month: 12, day: 31))
    }

    public static func until(_ day: CalendarDay, reference: CalendarDay, label: String) -> Timeframe {
        Timeframe(label: label, start: min(reference, day), end: day)
    }
}
