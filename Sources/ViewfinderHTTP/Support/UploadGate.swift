/// Bounds how many picture uploads are processed at once; the rest are refused, not queued.
actor UploadGate {
    private var running = 0
    private let limit: Int

    init(limit: Int) { self.limit = max(1, limit) }

    /// Takes a slot; false when all are in use.
    func enter() -> Bool {
        guard running < limit else { return false }
        running += 1
        return true
    }

    /// Gives a slot back.
    func leave() { running = max(0, running - 1) }
}
