import Testing
import ViewfinderCore
import ViewfinderImaging

@Suite("XMPPacket")
struct XMPPacketTests {
    static let packet = """
        <?xpacket begin='\u{FEFF}' id='W5M0MpCehiHzreSzNTczkc9d'?>
        <x:xmpmeta xmlns:x='adobe:ns:meta/'>
        <!-- a comment with <dc:title> inside -->
        <rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
         <rdf:Description rdf:about='' xmlns:d='http://purl.org/dc/elements/1.1/'
           xmlns:ps='http://ns.adobe.com/photoshop/1.0/' ps:DateCreated='1987-05-06T07:08:09-07:00'>
          <d:title><rdf:Alt><rdf:li xml:lang='de'>Grüße</rdf:li><rdf:li xml:lang='x-default'>Hafen &amp; Oper &lt;Nacht&gt;</rdf:li></rdf:Alt></d:title>
          <d:description><rdf:Alt><rdf:li xml:lang='en'><![CDATA[A <raw> caption]]></rdf:li></rdf:Alt></d:description>
          <d:subject><rdf:Bag><rdf:li>Köln</rdf:li><rdf:li>&#26085;&#x672C;</rdf:li><rdf:li>  </rdf:li></rdf:Bag></d:subject>
         </rdf:Description>
         <rdf:Description rdf:about='' xmlns:exif='http://ns.adobe.com/exif/1.0/'>
          <exif:GPSLatitude>33,51.40704S</exif:GPSLatitude>
          <exif:GPSLongitude>151,12.91782E</exif:GPSLongitude>
          <exif:GPSAltitude>125/10</exif:GPSAltitude>
          <exif:GPSAltitudeRef>1</exif:GPSAltitudeRef>
         </rdf:Description>
        </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end='w'?>
        """

    @Test("title, description, keywords, date and GPS with any namespace prefix")
    func fields() {
        let xmp = XMPPacket(parsing: Array(Self.packet.utf8))
        #expect(xmp.title == "Hafen & Oper <Nacht>")
        #expect(xmp.description == "A <raw> caption")
        #expect(xmp.keywords == ["Köln", "日本"])
        #expect(xmp.dateTaken == "1987-05-06T07:08:09-07:00")
        #expect(xmp.gpsLatitude == "33,51.40704S")
        #expect(xmp.gpsLongitude == "151,12.91782E")
        #expect(xmp.gpsAltitude == "125/10")
        #expect(xmp.gpsAltitudeReference == "1")
    }

    @Test("a DOCTYPE's entities are never expanded")
    func noEntityExpansion() {
        let bomb = """
            <!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/'>
            <dc:title><rdf:Alt><rdf:li>&b;</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF>
            """
        #expect(XMPPacket(parsing: Array(bomb.utf8)).title == "&b;")
    }

    @Test("malformed XML keeps what was read before the fault")
    func truncated() {
        let cut = String(Self.packet.prefix(Self.packet.count / 2))
        let xmp = XMPPacket(parsing: Array(cut.utf8))
        #expect(xmp.title == "Hafen & Oper <Nacht>")
        #expect(xmp.gpsLatitude == nil)
    }

    @Test("garbage never traps", arguments: [
        "", "<", "<<<>>>", "<a b='1", "<a b=1>", "</>", "<![CDATA[", "<!--", "&#xFFFFFFFF;", "<a>&#0;</a>",
        "<rdf:li>orphan</rdf:li>", String(repeating: "<a>", count: 10_000),
    ])
    func garbage(_ text: String) {
        let xmp = XMPPacket(parsing: Array(text.utf8))
        #expect(xmp.keywords.count <= 1)
    }
}

@Suite("IPTCRecord")
struct IPTCRecordTests {
    static func dataset(_ record: UInt8, _ number: UInt8, _ value: [UInt8]) -> [UInt8] {
        [0x1C, record, number, UInt8(value.count >> 8), UInt8(value.count & 0xFF)] + value
    }

    @Test("bare IIM with UTF-8 declared")
    func bare() {
        let bytes = Self.dataset(1, 90, [0x1B, 0x25, 0x47]) + Self.dataset(2, 5, Array("Sagarmāthā".utf8))
            + Self.dataset(2, 120, Array("Caption".utf8)) + Self.dataset(2, 25, Array("Nepal".utf8))
            + Self.dataset(2, 25, Array("Himālaya".utf8))
        let iptc = IPTCRecord(parsing: bytes)
        #expect(iptc.title == "Sagarmāthā")
        #expect(iptc.description == "Caption")
        #expect(iptc.keywords == ["Nepal", "Himālaya"])
    }

    @Test("inside a Photoshop resource block, Latin-1 text")
    func photoshop() {
        let iim = Self.dataset(2, 25, [0x4B, 0xF6, 0x6C, 0x6E])  // "Köln" in Latin-1
        var block = Array("Photoshop 3.0\0".utf8)
        block += Array("8BIM".utf8) + [0x03, 0xED, 0x00, 0x00] + [0, 0, 0, 2] + [1, 2]  // another resource first
        block += Array("8BIM".utf8) + [0x04, 0x04, 0x00, 0x00] + [0, 0, 0, UInt8(iim.count)] + iim
        #expect(IPTCRecord(parsing: block).keywords == ["Köln"])
    }

    @Test("truncated or lying lengths never trap", arguments: [
        [UInt8](), [0x1C], [0x1C, 2, 25, 0xFF, 0xFF, 1], [0x1C, 2, 25, 0x80, 0x04, 0, 0, 0, 1],
        Array("Photoshop 3.0\0".utf8) + Array("8BIM".utf8) + [4, 4, 200, 0, 0, 0, 0, 9],
        Array("8BIM".utf8) + [4, 4, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF],
    ])
    func garbage(_ bytes: [UInt8]) {
        #expect(IPTCRecord(parsing: bytes).keywords.isEmpty)
    }
}

@Suite("ContentTypeSniffer")
struct ContentTypeSnifferTests {
    @Test("formats from their first bytes", arguments: [
        ([0xFF, 0xD8, 0xFF, 0xE0], "image/jpeg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], "image/png"),
        (Array("GIF89a...".utf8), "image/gif"),
        (Array("RIFF\0\0\0\0WEBPVP8 ".utf8), "image/webp"),
        ([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0], "image/tiff"),
        ([0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8], "image/tiff"),
        ([0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0], "image/heic"),
        ([0, 0, 0, 0x1C] + Array("ftypavif".utf8) + [0, 0, 0, 0], "image/avif"),
        (Array("BM".utf8) + [UInt8](repeating: 0, count: 20), "image/bmp"),
        (Array("these are not the pixels\n".utf8), "text/plain"),
        (Array("Grüße\n".utf8), "text/plain"),
        (Array("%PDF-1.7".utf8), "application/pdf"),
        ([0x00, 0x01, 0x02, 0xFE], "application/octet-stream"),
    ] as [([UInt8], String)])
    func detect(_ bytes: [UInt8], _ mime: String) {
        #expect(ContentTypeSniffer.detect(bytes)?.mimeType == mime)
    }

    @Test("an empty file has no type")
    func empty() {
        #expect(ContentTypeSniffer.detect([UInt8]()) == nil)
    }
}
