/// Reads the capture time cameras and apps put in file names.
///
/// Recognises, anywhere in the name, a date as `YYYYMMDD` or `YYYY-MM-DD` (also `_` or `.`
/// between the fields), optionally followed — after `_`, `-`, `T`, a space or ` at ` — by a time
/// as `HHMMSS` or `HH.MM.SS` (also `-`, `_` or `:`), and an optional ` AM`/` PM`. That covers
/// `IMG_20210601_120000.jpg`, `PXL_20210601_120000123.jpg`, `20210601_120000.jpg`,
/// `2021-06-01 12.00.00.jpg`, `Screenshot_2021-06-01-12-00-00.png`, `IMG-20210601-WA0001.jpg`,
/// `WhatsApp Image 2021-06-01 at 12.00.00.jpeg` and `signal-2021-06-01-120000.jpg`.
/// A date without a time is placed at noon, so no time zone moves it to another day.
/// Digits glued to other digits (serial numbers) are not taken for dates.
public enum FileNameDate {
    /// The first plausible date and time in `fileName` (extension included or not), or nil.
    public static func parse(_ fileName: String) -> CaptureTime? {
        let characters = Array(fileName)
        var index = 0
        while index < characters.count {
            if characters[index].asciiDigit != nil, index == 0 || characters[index - 1].asciiDigit == nil,
                let found = match(characters, at: index)
            {
                return found
            }
            index += 1
        }
        return nil
    }

    private static func match(_ characters: [Character], at start: Int) -> CaptureTime? {
        var cursor = Cursor(characters: characters, position: start)
        guard let year = cursor.number(4) else { return nil }
        let separator = cursor.peek.flatMap { "-_.".contains($0) ? $0 : nil }
        if separator != nil { cursor.advance() }
        guard let month = cursor.number(2) else { return nil }
        if let separator { guard cursor.take(separator) else { return nil } }
        guard let day = cursor.number(2) else { return nil }
        let dateEnd = cursor.position

        var time = timeOfDay(&cursor, compactDate: separator == nil)
        if time == nil {
            // A date must not run on into more digits (e.g. a 12-digit serial number).
            guard dateEnd == characters.count || characters[dateEnd].asciiDigit == nil else { return nil }
            time = (12, 0, 0)
        }
        guard let time,
            let local = CaptureTime.wallClock(
                year: year, month: month, day: day, hour: time.0, minute: time.1, second: time.2)
        else { return nil }
        return CaptureTime(local: local, offset: nil)
    }

    /// A time after the date, or nil (leaving the cursor anywhere).
    private static func timeOfDay(_ cursor: inout Cursor, compactDate: Bool) -> (Int, Int, Int)? {
        let separated = cursor.take(" at ") || cursor.take("_") || cursor.take("-") || cursor.take("T") || cursor.take(" ")
        // Directly glued digits only count for the all-compact form (YYYYMMDDHHMMSS).
        guard separated || compactDate else { return nil }
        guard var hour = cursor.number(2) else { return nil }
        let separator = cursor.peek.flatMap { ".:-_".contains($0) ? $0 : nil }
        if separator != nil { cursor.advance() }
        guard let minute = cursor.number(2) else { return nil }
        if let separator { guard cursor.take(separator) else { return nil } }
        guard let second = cursor.number(2) else { return nil }
        if separator == nil {
            // PXL_…_HHMMSSmmm: milliseconds may follow; anything longer is not a time.
            var extra = 0
            while cursor.peek?.asciiDigit != nil { cursor.advance(); extra += 1 }
            guard extra == 0 || extra == 3 else { return nil }
        } else if cursor.peek?.asciiDigit != nil {
            return nil
        }
        if cursor.take(" PM") || cursor.take(" pm") {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + 12
        } else if cursor.take(" AM") || cursor.take(" am") {
            guard (1...12).contains(hour) else { return nil }
            hour %= 12
        }
        return (hour, minute, second)
    }

    /// A position in the name with fixed-width reads.
    private struct Cursor {
        let characters: [Character]
        var position: Int

        var peek: Character? { position < characters.count ? characters[position] : nil }

        mutating func advance() { position += 1 }

        mutating func number(_ digits: Int) -> Int? {
            guard position + digits <= characters.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                guard let digit = characters[position + offset].asciiDigit else { return nil }
                value = value * 10 + digit
            }
            position += digits
            return value
        }

        mutating func take(_ literal: String) -> Bool {
            let wanted = Array(literal)
            guard position + wanted.count <= characters.count,
                Array(characters[position..<(position + wanted.count)]) == wanted
            else { return false }
            position += wanted.count
            return true
        }

        mutating func take(_ character: Character) -> Bool {
            guard peek == character else { return false }
            position += 1
            return true
        }
    }
}
