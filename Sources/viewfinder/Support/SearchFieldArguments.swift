import ArgumentParser
import Foundation
import ViewfinderCore

/// `viewfinder search`'s search-field options, read from ``SearchField/all`` instead of being declared one by one.
///
/// Every field is an option `--name VALUE` or `--name=VALUE` (`-` may stand for `_`: `--clip-weight`); a bool field
/// given alone means `true` (`--portrait`). Anything else is search text, which may hold `key:value` terms.
struct SearchFieldArguments {
    /// The words that are not options, in order.
    var text: [String] = []
    /// The `--field value` pairs, in order, named as in the HTTP API.
    var fields: [(name: String, value: String)] = []

    /// Sorts the arguments the command did not declare into text and search fields.
    init(_ arguments: [String]) throws(ValidationError) {
        var rest = arguments[...]
        while let word = rest.popFirst() {
            guard word.hasPrefix("-"), word.count > 1, !Self.isNumber(word) else {
                text.append(word)
                continue
            }
            let option = word.drop { $0 == "-" }
            let key = String(option.prefix { $0 != "=" })
            guard word.hasPrefix("--"), let field = SearchField.named(Self.apiName(key)) else {
                throw ValidationError("unknown option '\(word.prefix(40))'; the search fields are listed in viewfinder search --help")
            }
            if let equals = option.firstIndex(of: "=") {
                fields.append((Self.apiName(key), String(option[option.index(after: equals)...])))
            } else if field.kind == .bool {
                let next = rest.first.map { $0.lowercased() }
                let takesNext = next.map { ["true", "false", "yes", "no", "1", "0"].contains($0) } ?? false
                fields.append((Self.apiName(key), takesNext ? (rest.popFirst() ?? "true") : "true"))
            } else {
                guard let value = rest.popFirst() else { throw ValidationError("\(word) needs a value") }
                fields.append((Self.apiName(key), value))
            }
        }
    }

    /// The help text listing every search field, generated from ``SearchField/all``; `skipping` names the fields the
    /// command declares as options of its own.
    static func help(skipping declared: Set<String>) -> String {
        var lines = wrapped("SEARCH FIELDS (each is an option, and a key:value term in TEXT; list fields take | alternatives):", indent: "")
        for field in SearchField.all where !declared.contains(field.name) {
            let names = field.names.map { "--" + $0.replacingOccurrences(of: "_", with: "-") }.joined(separator: ", ")
            lines.append("  \(names) \(placeholder(field))")
            let example = field.example.contains(" ") ? "\"\(field.example)\"" : field.example
            lines += wrapped("\(field.help) (e.g. \(field.name):\(example))", indent: "        ")
        }
        return lines.joined(separator: "\n")
    }

    // ArgumentParser re-wraps discussion lines longer than the help width (80 when not on a terminal) without
    // indenting them, so the list is wrapped here, with a hanging indent, to stay below it.
    private static func wrapped(_ text: String, indent: String, width: Int = 78) -> [String] {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count > indent.count, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        lines.append(line)
        return lines
    }

    private static func placeholder(_ field: SearchField) -> String {
        let range = field.range.map { " (\(format($0.lowerBound)) to \(format($0.upperBound)))" } ?? ""
        switch field.kind {
        case .pattern: return "<pattern>"
        case .text, .substring: return "<text>"
        case .integer, .integers: return "<n>" + range
        case .integerRange: return "<n|low-high>" + range
        case .number: return "<x>" + range
        case .numberRange: return "<x|low-high>" + range
        case .bool: return "[true|false]"
        case .date: return "<date>"
        case .box: return "<north,east,south,west>"
        case .mediaType: return "<type>"
        case .keywords: return "<words>"
        case .uid: return "<uid>"
        case .choice: return "<" + field.values.joined(separator: "|") + ">"
        }
    }

    /// The name the parser reports in errors: as typed, with `-` turned back into `_`.
    private static func apiName(_ key: String) -> String { key.replacingOccurrences(of: "-", with: "_").lowercased() }

    private static func isNumber(_ word: String) -> Bool { Double(word) != nil }

    private static func format(_ number: Double) -> String { number.formatted(.number.grouping(.never)) }
}
