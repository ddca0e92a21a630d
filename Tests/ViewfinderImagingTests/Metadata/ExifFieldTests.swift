import Testing
import ViewfinderImaging

@Suite("ExifField: libvips EXIF strings")
struct ExifFieldTests {
    @Test("an ASCII date keeps its text")
    func asciiDate() {
        let field = ExifField(parsing: "2021:06:01 12:00:00 (2021:06:01 12:00:00, ASCII, 20 components, 20 bytes)")
        #expect(field.format == .ascii)
        #expect(field.components == 20)
        #expect(field.string == "2021:06:01 12:00:00")
    }

    @Test("rationals give numbers and fractions")
    func rationals() {
        let field = ExifField(parsing: "33/1 52/1 192/25 (33, 52, 7.68, Rational, 3 components, 24 bytes)")
        #expect(field.format == .rational)
        #expect(field.rationals == [33, 52, 7.68])
        #expect(field.fractions.map(\.denominator) == [1, 1, 25])
        #expect(field.text == "33, 52, 7.68")
    }

    @Test("signed rationals and zero denominators")
    func signedAndBroken() {
        #expect(ExifField(parsing: "-1/3 (-0.33 EV, SRational, 1 components, 8 bytes)").rationals == [-1.0 / 3.0])
        #expect(ExifField(parsing: "1/0 (inf, Rational, 1 components, 8 bytes)").rationals == [nil])
        #expect(ExifField(parsing: "1/0 (inf, Rational, 1 components, 8 bytes)").number == nil)
    }

    @Test("integers")
    func integers() {
        let iso = ExifField(parsing: "400 (400, Short, 1 components, 2 bytes)")
        #expect(iso.integers == [400])
        #expect(iso.number == 400)
        #expect(ExifField(parsing: "100 200 (100, 200, Short, 2 components, 4 bytes)").integers == [100, 200])
    }

    @Test("text containing \" (\" and commas splits where the text repeats")
    func trickyText() {
        let model = "COOLPIX P1000 (Edition 2), black"
        let field = ExifField(parsing: "\(model) (\(model), ASCII, 33 components, 33 bytes)")
        #expect(field.string == model)
        #expect(field.text == model)
    }

    @Test("byte entries carry libexif's text")
    func byteText() {
        let field = ExifField(parsing: "Sea level reference (Sea level reference, Byte, 1 components, 1 bytes)")
        #expect(field.format == .byte)
        #expect(field.string == "Sea level reference")
        #expect(field.integers.isEmpty)
    }

    @Test("NUL padding and plain values without libvips' suffix")
    func paddingAndPlain() {
        #expect(ExifField(parsing: "Canon\0\0 (Canon, ASCII, 8 components, 8 bytes)").string == "Canon")
        #expect(ExifField(parsing: "   (   , ASCII, 4 components, 4 bytes)").string == nil)
        let plain = ExifField(parsing: "12.5")
        #expect(plain.format == nil)
        #expect(plain.number == 12.5)
    }

    @Test("garbage never traps", arguments: [
        "", "(", ")", " (, , , bytes)", "x (y, Nope, z components, 1 bytes)", "/ (/, Rational, 1 components, 8 bytes)",
        "1/2/3 (x, Rational, 1 components, 8 bytes)", String(repeating: " (", count: 50) + "x bytes)",
    ])
    func garbage(_ text: String) {
        let field = ExifField(parsing: text)
        _ = (field.string, field.integers, field.rationals, field.number, field.fractions)
        #expect(field.rationals.allSatisfy { $0 == nil || $0!.isFinite })
    }
}
