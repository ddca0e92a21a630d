import Foundation

/// Converts instants to and from `DATETIME(6)` text in UTC (sessions run with `time_zone = '+00:00'`).
enum MariaDBDateTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// `YYYY-MM-DD HH:MM:SS.ffffff` for `date`, rounded to the microsecond.
    static func format(_ date: Date) -> String {
        var seconds = date.timeIntervalSince1970.rounded(.down)
        var micros = Int(((date.timeIntervalSince1970 - seconds) * 1_000_000).rounded())
        if micros >= 1_000_000 {
            seconds += 1
            micros -= 1_000_000
        }
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: seconds))
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d.%06d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, micros)
    }

    /// The instant in `text` (as the server prints DATETIME values), or nil when it is not one.
    static func parse(_ text: String) -> Date? {
        let halves = text.split(separator: " ")
        guard halves.count == 2 else { return nil }
        let day = halves[0].split(separator: "-").compactMap { Int($0) }
        let timeAndFraction = halves[1].split(separator: ".", maxSplits: 1)
        let time = timeAndFraction[0].split(separator: ":").compactMap { Int($0) }
        guard day.count == 3, time.count == 3 else { return nil }
        var fraction = 0.0
        if timeAndFraction.count == 2, let digits = Int(timeAndFraction[1]) {
            fraction = Double(digits) / pow(10, Double(timeAndFraction[1].count))
        }
        let components = DateComponents(
            year: day[0], month: day[1], day: day[2], hour: time[0], minute: time[1], second: time[2])
        guard let whole = calendar.date(from: components) else { return nil }
        return Date(timeIntervalSince1970: whole.timeIntervalSince1970 + fraction)
    }
}
