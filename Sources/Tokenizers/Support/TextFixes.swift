import Foundation

/// The parts of ftfy's `fix_text` that apply to typed queries.
enum TextFixes {
    /// Terminal escapes removed, ligatures and full-width forms expanded, quotes straightened,
    /// line breaks unified, control characters removed, then NFC.
    static func fix(_ text: String) -> String {
        let input = Array(text.unicodeScalars)
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let scalar = input[index]
            // ANSI terminal escapes: ESC [ digits/semicolons letter.
            if scalar == "\u{1B}", index + 1 < input.count, input[index + 1] == "[" {
                var end = index + 2
                while end < input.count, input[end] == ";" || ("0"..."9").contains(input[end]) { end += 1 }
                if end < input.count, input[end].isASCII, input[end].properties.isAlphabetic {
                    index = end + 1
                    continue
                }
            }
            index += 1
            if let ligature = ligatures[scalar.value] {
                output.append(contentsOf: ligature.unicodeScalars)
            } else if (0xFF01...0xFFEF).contains(scalar.value) {
                let wide = String(scalar).precomposedStringWithCompatibilityMapping
                output.append(contentsOf: wide.unicodeScalars)
            } else if scalar == "\u{3000}" {
                output.append(" ")
            } else if scalar == "\u{02BC}" || (0x2018...0x201B).contains(scalar.value) {
                output.append("'")
            } else if (0x201C...0x201F).contains(scalar.value) {
                output.append("\"")
            } else if scalar == "\r" {
                output.append("\n")
                if index < input.count, input[index] == "\n" { index += 1 }
            } else if scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}" {
                output.append("\n")
            } else if !isRemovedControl(scalar) {
                output.append(scalar)
            }
        }
        return String(String.UnicodeScalarView(output)).precomposedStringWithCanonicalMapping
    }

    private static func isRemovedControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0B, 0x0E...0x1F, 0x7F, 0x206A...0x206F, 0xFEFF, 0xFFF9...0xFFFC, 0x1D173...0x1D17A,
            0xE0000...0xE007F:
            return true
        default:
            return false
        }
    }

    private static let ligatures: [UInt32: String] = [
        0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "\u{017F}t", 0xFB06: "st",
        0x0132: "IJ", 0x0133: "ij", 0x0149: "\u{02BC}n", 0x01C4: "D\u{017D}", 0x01C5: "D\u{017E}", 0x01C6: "d\u{017E}",
        0x01C7: "LJ", 0x01C8: "Lj", 0x01C9: "lj", 0x01CA: "NJ", 0x01CB: "Nj", 0x01CC: "nj", 0x01F1: "DZ",
        0x01F2: "Dz", 0x01F3: "dz",
    ]
}
