public import struct Foundation.Date
public import struct Foundation.TimeZone

/// When a photo was taken: the wall-clock time where it was taken, and the UTC offset if known.
public struct CaptureTime: Sendable, Hashable {
    /// The wall-clock time, stored as if it were UTC (no zone attached).
    public let local: Date
    /// The offset from UTC in seconds (east positive) the file states; nil when it says nothing.
    public let offset: Int?

    /// Creates a capture time.
    public init(local: Date, offset: Int?) {
        self.local = local
        self.offset = offset
    }

    /// The moment in UTC: with the stated offset, else reading the wall clock in `fallbackZone`.
    public func instant(fallbackZone: TimeZone) -> Date {
        if let offset { return local.addingTimeInterval(-Double(offset)) }
        // Two steps find the zone's offset at that moment, also across a daylight-saving change.
        let guess = local.addingTimeInterval(-Double(fallbackZone.secondsFromGMT(for: local)))
        return local.addingTimeInterval(-Double(fallbackZone.secondsFromGMT(for: guess)))
    }

    /// A wall-clock time from calendar fields (proleptic Gregorian), or nil if any is out of range.
    ///
    /// Years are limited to 1800...2200: EXIF's "0000:00:00" placeholders and garbage fail here.
    public static func wallClock(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, fraction: Double = 0
    ) -> Date? {
        guard (1800...2200).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second), (0..<1).contains(fraction)
        else { return nil }
        let days = daysFromEpoch(year: year, month: month, day: day)
        // A leap second (60) is folded into the last second of the minute.
        let seconds = Double(days * 86_400 + hour * 3_600 + minute * 60 + min(second, 59)) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    /// Days from 1970-01-01 to the given civil date (Howard Hinnant's algorithm).
    static func daysFromEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
