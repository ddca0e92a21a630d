import Synchronization

/// A bounded, thread-safe map from words to their merged ids.
final class WordCache: Sendable {
    private let storage: Mutex<[[Unicode.Scalar]: [Int32]]>
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        self.storage = Mutex([:])
    }

    func value(for word: [Unicode.Scalar]) -> [Int32]? {
        storage.withLock { $0[word] }
    }

    func store(_ ids: [Int32], for word: [Unicode.Scalar]) {
        storage.withLock { map in
            if map.count < capacity { map[word] = ids }
        }
    }
}
