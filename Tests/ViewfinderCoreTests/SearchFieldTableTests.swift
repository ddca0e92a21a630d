import Foundation
import Testing
@testable import ViewfinderCore

/// The declarative table of search fields and the parser that reads it.
struct SearchFieldTableTests {
    private func message(_ items: [(String, String)]) -> String? {
        do {
            _ = try SearchQuery.parse(items.map { (name: $0.0, value: $0.1) })
            return nil
        } catch let error as ViewfinderError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    /// The draft after `field` alone stored `value`.
    private func stored(_ field: SearchField, _ value: String) throws -> SearchQueryDraft {
        var draft = SearchQueryDraft()
        try field.apply(&draft, value, SearchValueParser(field: field.name))
        return draft
    }

    @Test func everyNameIsUniqueAndUsableAsAKeyInQ() {
        let names = SearchField.allNames
        #expect(Set(names).count == names.count, "a name or alias is declared twice: \(names)")
        #expect(!names.contains("q"))
        for name in names {
            #expect(!name.isEmpty && name.allSatisfy { ($0.isLowercase && $0.isASCII) || $0 == "_" }, "\(name)")
            #expect(SearchField.named(name) != nil)
            let terms = try? QueryTerms(parsing: "\(name):x")
            #expect(terms?.fields.map(\.name) == [name], "\(name):x is not read as a field term")
        }
        #expect(SearchQuery.fieldNames == names)
        #expect(SearchField.named("folder")?.name == "path")
        #expect(SearchField.named("colour") == nil)
    }

    @Test func everyExampleParsesAndIsStoredSomewhere() throws {
        for field in SearchField.all {
            #expect(!field.help.isEmpty && !field.help.hasSuffix("."), "\(field.name): help is one line without a full stop")
            let draft = try stored(field, field.example)
            #expect(draft != SearchQueryDraft(), "\(field.name): its example \(field.example) changes nothing")
        }
    }

    @Test func eachFieldStoresIntoItsOwnPlace() throws {
        // Two different fields never write the same place: every example, stored alone, gives a distinct draft.
        var drafts: [(String, SearchQueryDraft)] = []
        for field in SearchField.all {
            let draft = try stored(field, field.example)
            for (other, earlier) in drafts { #expect(earlier != draft, "\(field.name) and \(other) store alike") }
            drafts.append((field.name, draft))
        }
    }

    @Test func rangesAreEnforcedAtTheirBounds() throws {
        for field in SearchField.all {
            guard let range = field.range else { continue }
            let (low, high) = (range.lowerBound, range.upperBound)
            let format = { (number: Double) in number == number.rounded() ? String(Int(number)) : String(number) }
            _ = try stored(field, format(low))
            _ = try stored(field, format(high))
            let above = field.kind == .integer || field.kind == .integers || field.kind == .integerRange ? high + 1 : high * 2 + 1
            #expect(throws: ViewfinderError.self, "\(field.name) accepts \(above)") { _ = try stored(field, format(above)) }
        }
    }

    @Test func listFieldsTakeAlternativesAndOthersDoNot() throws {
        for field in SearchField.all where field.list {
            let draft = try stored(field, field.example + "|" + field.example.split(separator: "|")[0])
            #expect(draft != SearchQueryDraft(), "\(field.name)")
            #expect(throws: ViewfinderError.self, "\(field.name) accepts an empty alternative") {
                _ = try stored(field, field.example + "|")
            }
        }
        let year = try #require(SearchField.named("year"))
        #expect(try stored(year, "2020|2021").query.filter.years == [2020, 2021])
        #expect(try #require(SearchField.named("count")).list == false)
    }

    @Test func choiceFieldsListTheirValuesAndAcceptEachOne() throws {
        let order = try #require(SearchField.named("order"))
        #expect(order.kind == .choice && order.values == SearchOrder.allCases.map(\.rawValue))
        for value in order.values { #expect(try stored(order, value.uppercased()).query.order?.rawValue == value) }
        #expect(message([("order", "random")]) == "order must be one of relevance, newest, oldest, added, name, not 'random'")
    }

    @Test func rolesSeparateFiltersFromQueryControls() {
        let controls = SearchField.all.filter { !$0.isFilter }.map(\.name)
        #expect(controls == ["clip", "clip_weight", "similar", "min_score", "order", "count", "offset"])
    }

    @Test func anAliasIsTheSameFieldAsItsName() {
        #expect(message([("folder", "a"), ("path", "b")]) == "path is given more than once; use | for alternatives")
        #expect(message([("q", "folder:a"), ("folder", "b")]) == "folder is given more than once; use | for alternatives")
    }

    @Test func errorsKeepTheirWording() {
        #expect(message([("year", "13000")]) == "year must be a whole number from 1 to 9999, not '13000'")
        #expect(message([("clip_weight", "2")]) == "clip_weight must be a number from 0 to 1, not '2'")
        #expect(message([("iso", "800-100")]) == "iso must be a whole number or a range like 100-800, within 0-1000000, not '800-100'")
        #expect(message([("favorite", "maybe")]) == "favorite must be true or false, not 'maybe'")
        #expect(message([("mm", " ")]) == "mm needs a value")
        #expect(message([("q", "q:x")]) == "q cannot be nested inside q")
        let known = "known fields: q, " + SearchField.allNames.joined(separator: ", ")
        #expect(message([("colour", "red")]) == "unknown search field 'colour'; " + known)
        #expect(message([("q", "colour:red")]) == "unknown search field 'colour' in q; " + known)
    }
}
