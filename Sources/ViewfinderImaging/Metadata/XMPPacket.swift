import Foundation

/// The fields Viewfinder reads from an XMP packet (RDF/XML): title, description, keywords, dates and GPS.
///
/// Namespace prefixes are resolved, so any prefix bound to the Dublin Core, Photoshop, XMP
/// or EXIF namespace works. Simple properties are read both as elements and as attributes of
/// `rdf:Description`; language alternatives prefer `x-default`. Malformed XML yields whatever
/// was read before the fault; the parser never throws.
public struct XMPPacket: Sendable, Equatable {
    /// `dc:title`.
    public var title: String?
    /// `dc:description`.
    public var description: String?
    /// `dc:subject`, in order.
    public var keywords: [String] = []
    /// `exif:DateTimeOriginal`, `photoshop:DateCreated` or `xmp:CreateDate`, first found in that order.
    public var dateTaken: String?
    /// `exif:GPSLatitude` (`DDD,MM.mmN` form).
    public var gpsLatitude: String?
    /// `exif:GPSLongitude`.
    public var gpsLongitude: String?
    /// `exif:GPSAltitude` (a rational like `125/10`).
    public var gpsAltitude: String?
    /// `exif:GPSAltitudeRef` (`0` above, `1` below sea level).
    public var gpsAltitudeReference: String?

    /// The largest packet read; longer input is cut (XMP in a JPEG segment is at most 64 KiB).
    public static let maximumBytes = 4 << 20

    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let photoshop = "http://ns.adobe.com/photoshop/1.0/"
    static let xmpBasic = "http://ns.adobe.com/xap/1.0/"
    static let exif = "http://ns.adobe.com/exif/1.0/"

    /// Reads the packet in `bytes` (UTF-8).
    public init(parsing bytes: some Collection<UInt8>) {
        var reader = Reader()
        var scanner = XMLScanner(Array(bytes.prefix(Self.maximumBytes)))
        while let event = scanner.next() {
            reader.consume(event)
        }
        let values = reader.values
        title = Self.preferred(values[Self.key(Self.dublinCore, "title")])
        description = Self.preferred(values[Self.key(Self.dublinCore, "description")])
        keywords = (values[Self.key(Self.dublinCore, "subject")]?.items ?? []).compactMap { Self.clean($0.text) }
        dateTaken = [
            Self.key(Self.exif, "DateTimeOriginal"), Self.key(Self.photoshop, "DateCreated"),
            Self.key(Self.xmpBasic, "CreateDate"),
        ].lazy.compactMap { Self.clean(values[$0]?.text) }.first
        gpsLatitude = Self.clean(values[Self.key(Self.exif, "GPSLatitude")]?.text)
        gpsLongitude = Self.clean(values[Self.key(Self.exif, "GPSLongitude")]?.text)
        gpsAltitude = Self.clean(values[Self.key(Self.exif, "GPSAltitude")]?.text)
        gpsAltitudeReference = Self.clean(values[Self.key(Self.exif, "GPSAltitudeRef")]?.text)
    }

    static func key(_ namespace: String, _ name: String) -> String { namespace + name }

    /// The `x-default` entry of a language alternative, else its first entry, else plain text.
    private static func preferred(_ value: PropertyValue?) -> String? {
        guard let value else { return nil }
        if let item = value.items.first(where: { $0.language?.lowercased() == "x-default" }) ?? value.items.first {
            return clean(item.text)
        }
        return clean(value.text)
    }

    private static func clean(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// A property's value: its own text and any `rdf:li` items.
    struct PropertyValue {
        var text = ""
        var items: [(language: String?, text: String)] = []
    }

    /// Walks scanner events, tracking namespaces and which property and list item the text belongs to.
    private struct Reader {
        struct Element {
            let namespace: String
            let name: String
            let bindings: [String: String]
        }

        var stack: [Element] = []
        var values: [String: PropertyValue] = [:]
        /// The property element being read (its key and depth in the stack).
        var property: (key: String, depth: Int, value: PropertyValue)?
        /// The `rdf:li` being read (its language and text so far).
        var item: (language: String?, text: String, depth: Int)?

        mutating func consume(_ event: XMLScanner.Event) {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                start(name, attributes)
                if selfClosing { end() }
            case .end:
                end()
            case .text(let text):
                if item != nil, stack.count == item?.depth {
                    item?.text += text
                } else if property != nil, stack.count == property?.depth {
                    property?.value.text += text
                }
            }
        }

        private mutating func start(_ qualifiedName: String, _ attributes: [XMLScanner.Attribute]) {
            var bindings = stack.last?.bindings ?? [:]
            for attribute in attributes {
                if attribute.name == "xmlns" {
                    bindings[""] = attribute.value
                } else if attribute.name.hasPrefix("xmlns:") {
                    bindings[String(attribute.name.dropFirst(6))] = attribute.value
                }
            }
            let (namespace, name) = Self.resolve(qualifiedName, bindings)
            let parent = stack.last
            stack.append(Element(namespace: namespace, name: name, bindings: bindings))

            let parentIsDescription = parent?.namespace == XMPPacket.rdf && parent?.name == "Description"
            if namespace == XMPPacket.rdf && name == "Description" {
                // Simple properties written as attributes: <rdf:Description photoshop:DateCreated="…">.
                for attribute in attributes where !attribute.name.hasPrefix("xmlns") {
                    let (attributeNamespace, attributeName) = Self.resolve(attribute.name, bindings, isAttribute: true)
                    guard !attributeNamespace.isEmpty, attributeNamespace != XMPPacket.rdf else { continue }
                    values[XMPPacket.key(attributeNamespace, attributeName), default: PropertyValue()].text = attribute.value
                }
            } else if parentIsDescription, property == nil {
                property = (XMPPacket.key(namespace, name), stack.count, PropertyValue())
            } else if property != nil, namespace == XMPPacket.rdf, name == "li", item == nil {
                let language = attributes.first { $0.name == "xml:lang" }?.value
                item = (language, "", stack.count)
            }
        }

        private mutating func end() {
            if let current = item, stack.count == current.depth {
                property?.value.items.append((current.language, current.text))
                item = nil
            } else if let current = property, stack.count == current.depth {
                // The first occurrence wins, as in a well-formed packet each property appears once.
                if values[current.key] == nil { values[current.key] = current.value }
                property = nil
            }
            if !stack.isEmpty { stack.removeLast() }
        }

        /// Splits `prefix:name` and maps the prefix to its namespace (unprefixed attributes have none).
        static func resolve(
            _ qualifiedName: String, _ bindings: [String: String], isAttribute: Bool = false
        ) -> (String, String) {
            guard let colon = qualifiedName.firstIndex(of: ":") else {
                return (isAttribute ? "" : bindings[""] ?? "", qualifiedName)
            }
            let prefix = String(qualifiedName[..<colon])
            let name = String(qualifiedName[qualifiedName.index(after: colon)...])
            return (bindings[prefix] ?? "", name)
        }
    }
}
