public import Foundation

/// Any JSON value, so that tokenizer components can read the fields their `type` defines.
///
/// Objects keep their members in file order with their keys exactly as written: vocabularies may
/// hold keys that Swift's `String` equality would treat as equal (canonically equivalent forms).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// Parses a JSON document.
    public static func parse(_ data: Data) throws(TokenizerError) -> JSONValue {
        var parser = JSONParser(bytes: [UInt8](data))
        return try parser.parseDocument()
    }

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The string value, or nil.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The numeric value as an integer, or nil.
    public var int: Int? {
        if case .number(let value) = self, value.rounded() == value, abs(value) < 9.0e15 { return Int(value) }
        return nil
    }

    /// The numeric value, or nil.
    public var double: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The boolean value, or nil.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements of an array, or nil.
    public var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members of an object, or nil.
    public var object: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// True for JSON `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// A JSON object: members in file order, keys exactly as written.
public struct JSONObject: Sendable, Equatable {
    /// The members in the order of the file.
    public let members: [(key: String, value: JSONValue)]

    /// Creates an object from its members.
    public init(_ members: [(key: String, value: JSONValue)]) {
        self.members = members
    }

    /// The number of members.
    public var count: Int { members.count }

    /// The value of the first member whose key has exactly these scalars, or nil.
    public subscript(key: String) -> JSONValue? {
        let wanted = key.utf8
        return members.first { $0.key.utf8.elementsEqual(wanted) }?.value
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key.utf8.elementsEqual($1.key.utf8) && $0.value == $1.value }
    }
}
