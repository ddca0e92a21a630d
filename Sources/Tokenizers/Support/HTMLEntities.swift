/// Python's `html.unescape` for numeric references and the common named entities.
enum HTMLEntities {
    /// `text` with `&name;`, `&#N;` and `&#xH;` references decoded.
    static func unescape(_ text: String) -> String {
        guard text.unicodeScalars.contains("&") else { return text }
        let input = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < input.count {
            guard input[index] == "&", let (replacement, end) = reference(in: input, at: index) else {
                output.append(input[index])
                index += 1
                continue
            }
            output.append(contentsOf: replacement.unicodeScalars)
            index = end
        }
        return String(output)
    }

    private static func reference(in input: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var index = start + 1
        if index < input.count, input[index] == "#" {
            index += 1
            var hex = false
            if index < input.count, input[index] == "x" || input[index] == "X" {
                hex = true
                index += 1
            }
            let digitsStart = index
            while index < input.count, input[index].isASCII,
                hex ? input[index].properties.isASCIIHexDigit : ("0"..."9").contains(input[index])
            {
                index += 1
            }
            guard index > digitsStart,
                let value = UInt32(String(String.UnicodeScalarView(input[digitsStart..<index])), radix: hex ? 16 : 10)
            else { return nil }
            if index < input.count, input[index] == ";" { index += 1 }
            let scalar = replacedCodePoints[value].map { Unicode.Scalar($0) ?? "\u{FFFD}" }
                ?? (value == 0 || (0xD800...0xDFFF).contains(value) || value > 0x10FFFF
                    ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}")
            return (String(scalar), index)
        }
        let nameStart = index
        while index < input.count, input[index].isASCII, input[index].properties.isAlphabetic || ("0"..."9").contains(input[index]) {
            index += 1
        }
        let name = String(String.UnicodeScalarView(input[nameStart..<index]))
        if index < input.count, input[index] == ";", let value = named[name] { return (value, index + 1) }
        if let value = named[name], withoutSemicolon.contains(name) { return (value, index) }
        return nil
    }

    // HTML5 maps these numeric references to Windows-1252 characters.
    private static let replacedCodePoints: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    private static let withoutSemicolon: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "AMP", "LT", "GT", "QUOT"]

    private static let named: [String: String] = [
        "amp": "&", "AMP": "&", "lt": "<", "LT": "<", "gt": ">", "GT": ">", "quot": "\"", "QUOT": "\"", "apos": "'",
        "nbsp": "\u{A0}", "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–",
        "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«", "raquo": "»",
        "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "deg": "°", "times": "×", "divide": "÷", "middot": "·",
        "bull": "•", "para": "¶", "sect": "§", "iexcl": "¡", "iquest": "¿", "shy": "\u{AD}", "ensp": "\u{2002}",
        "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwj": "\u{200D}", "zwnj": "\u{200C}", "plusmn": "±", "micro": "µ",
        "frac12": "½", "frac14": "¼", "frac34": "¾", "sup2": "²", "sup3": "³", "hearts": "♥", "star": "☆",
    ]
}
