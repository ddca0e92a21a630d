/// Runs `body` with NUL-terminated C copies of `strings`; the pointers are valid only inside `body`.
///
/// All strings share one contiguous buffer, so a call needs one allocation instead of one per name.
func withCStrings<Result>(_ strings: [String], _ body: ([UnsafePointer<CChar>]) -> Result) -> Result {
    var storage: [CChar] = []
    var offsets: [Int] = []
    offsets.reserveCapacity(strings.count)
    for string in strings {
        offsets.append(storage.count)
        storage.append(contentsOf: string.utf8CString)
    }
    return storage.withUnsafeBufferPointer { characters in
        let pointers = characters.baseAddress.map { base in offsets.map { base + $0 } } ?? []
        return body(pointers)
    }
}
