// SearchQuery.parse on arbitrary parameters: lines of `name=value` (a line without `=` is a `q` value), so the
// fuzzer explores both named fields and `key:value` terms, quotes and `|` lists inside `q`.
import FuzzSupport
import ViewfinderCore

runFuzzer { data, size in
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    var parameters: [(name: String, value: String)] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if let equals = line.firstIndex(of: "=") {
            parameters.append((String(line[..<equals]), String(line[line.index(after: equals)...])))
        } else {
            parameters.append(("q", String(line)))
        }
    }
    _ = try? SearchQuery.parse(parameters)
    _ = try? SearchQuery.parse([("q", text)])
    return 0
}
