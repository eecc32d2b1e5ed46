import Foundation

/// The cycle after a cycle: Q4 2026 after Q3 2026, H1 2027 after H2 2026, 2027 after 2026.
public enum CycleCalendar {
    /// nil for a timeframe that is not a quarter, half or year (a deadline such as "by 2027-03-31"):
    /// the next one cannot be guessed and is asked for.
    public static func following(_ timeframe: Timeframe) -> Timeframe? {
        let start = timeframe.start, end = timeframe.end
        guard start.day == 1, end == .lastDay(ofMonth: end.month, year: end.year) else { return nil }
        let months = (end.year - start.year) * 12 + end.month - start.month + 1
        let label = timeframe.label
        switch months {
        case 3 where (start.month - 1) % 3 == 0 && label.hasPrefix("Q"):
            let q = start.quarter
            return q == 4 ? .quarter(1, of: start.year + 1) : .quarter(q + 1, of: start.year)
        case 6 where (start.month == 1 || start.month == 7) && label.hasPrefix("H"):
            return start.month == 1 ? .half(2, of: start.year) : .half(1, of: start.year + 1)
        case 12 where start.month == 1:
            return label.hasPrefix("FY") ? .fiscalYear(start.year + 1) : .year(start.year + 1)
        default:
            return nil
        }
    }

    /// `title` with the old cycle's label replaced by the new one ("Growth — Q3 2026" becomes
    /// "Growth — Q4 2026"); a title that does not name its cycle stays as it is.
    public static func retitle(_ title: String, from old: Timeframe?, to new: Timeframe) -> String {
        guard let old, let range = title.range(of: old.label) else { return title }
        return title.replacingCharacters(in: range, with: new.label)
    }
}
