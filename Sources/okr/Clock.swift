import Foundation
import OKRCore

/// Today's date for relative timeframes; `OKR_NOW=YYYY-MM-DD` freezes it for tests and transcripts.
enum Clock {
    static func today() throws(CLIError) -> CalendarDay {
        if let frozen = ProcessInfo.processInfo.environment["OKR_NOW"], !frozen.isEmpty {
            let parts = frozen.prefix(10).split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { throw .invalidDate(frozen) }
            return CalendarDay(year: parts[0], month: parts[1], day: parts[2])
        }
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDay(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1)
    }
}
