import Foundation

/// Parses the date and time formats of EXIF and XMP into ``CaptureTime`` values.
public enum CaptureDateParser {
    /// An EXIF date-time, `YYYY:MM:DD HH:MM:SS` (also with `-` in the date or `T` between),
    /// with the SubSecTime and OffsetTime companions when present.
    ///
    /// Returns nil for blank, all-zero or impossible dates.
    public static func exif(_ text: String, subseconds: String? = nil, offset: String? = nil) -> CaptureTime? {
        var scanner = DigitScanner(text.trimmingTrailingNULsAndSpaces())
        guard let year = scanner.number(digits: 4), scanner.skip(oneOf: ":-"),
            let month = scanner.number(digits: 2), scanner.skip(oneOf: ":-"),
            let day = scanner.number(digits: 2), scanner.skip(oneOf: " T"),
            let hour = scanner.number(digits: 2), scanner.skip(oneOf: ":"),
            let minute = scanner.number(digits: 2), scanner.skip(oneOf: ":"),
            let second = scanner.number(digits: 2)
        else { return nil }
        var fraction = 0.0
        if scanner.skip(oneOf: "."), let digits = scanner.digitRun() {
            fraction = Self.fraction(digits)
        } else if let subseconds, let digits = DigitScanner(subseconds.trimmingTrailingNULsAndSpaces()).wholeDigits() {
            fraction = Self.fraction(digits)
        }
        // Some writers append the offset to the date itself.
        let statedOffset = offset.flatMap(Self.offset) ?? Self.offset(String(scanner.rest))
        guard let local = CaptureTime.wallClock(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction)
        else { return nil }
        return CaptureTime(local: local, offset: statedOffset)
    }

    /// An XMP (ISO 8601) date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally `Thh:mm[:ss[.s…]]` and `Z` or `±hh:mm`.
    public static func xmp(_ text: String) -> CaptureTime? {
        var scanner = DigitScanner(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard let year = scanner.number(digits: 4) else { return nil }
        var month = 1, day = 1, hour = 0, minute = 0, second = 0
        var fraction = 0.0
        if scanner.skip(oneOf: "-") {
            guard let value = scanner.number(digits: 2) else { return nil }
            month = value
            if scanner.skip(oneOf: "-") {
                guard let value = scanner.number(digits: 2) else { return nil }
                day = value
            }
        }
        if scanner.skip(oneOf: "T ") {
            guard let h = scanner.number(digits: 2), scanner.skip(oneOf: ":"), let m = scanner.number(digits: 2) else {
                return nil
            }
            (hour, minute) = (h, m)
            if scanner.skip(oneOf: ":") {
                guard let s = scanner.number(digits: 2) else { return nil }
                second = s
                if scanner.skip(oneOf: "."), let digits = scanner.digitRun() { fraction = Self.fraction(digits) }
            }
        }
        let rest = scanner.rest
        let offset = Self.offset(String(rest))
        guard rest.isEmpty || offset != nil else { return nil }
        guard let local = CaptureTime.wallClock(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction)
        else { return nil }
        return CaptureTime(local: local, offset: offset)
    }

    /// A UTC offset, `+hh:mm`, `-hh:mm`, `+hhmm`, `+hh` or `Z`, in seconds east; nil if malformed or beyond ±14 h.
    public static func offset(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).trimmingTrailingNULsAndSpaces()
        if trimmed == "Z" { return 0 }
        guard let sign = trimmed.first, sign == "+" || sign == "-" else { return nil }
        var scanner = DigitScanner(String(trimmed.dropFirst()))
        guard let hours = scanner.number(digits: 2) else { return nil }
        var minutes = 0
        if !scanner.rest.isEmpty {
            _ = scanner.skip(oneOf: ":")
            guard let value = scanner.number(digits: 2), scanner.rest.isEmpty else { return nil }
            minutes = value
        }
        guard hours <= 14, minutes < 60 else { return nil }
        let seconds = hours * 3_600 + minutes * 60
        return sign == "-" ? -seconds : seconds
    }

    /// "123" → 0.123 (at most nine digits are used).
    static func fraction(_ digits: Substring) -> Double {
        let used = digits.prefix(9)
        guard let value = Double(used) else { return 0 }
        return value / pow(10, Double(used.count))
    }
}
