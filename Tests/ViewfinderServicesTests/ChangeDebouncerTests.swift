import Testing
import ViewfinderServices

/// When watched changes become an indexing pass: after a quiet period, but never later than the maximum delay.
struct ChangeDebouncerTests {
    private let start = ContinuousClock.now

    private func at(_ seconds: Double) -> ContinuousClock.Instant { start + .milliseconds(Int64(seconds * 1000)) }

    @Test func nothingPendingIsNeverDue() {
        var debouncer = ChangeDebouncer(quiet: .seconds(2), maximumDelay: .seconds(60))
        #expect(!debouncer.isPending)
        #expect(debouncer.deadline == nil)
        #expect(debouncer.fire(at: at(1000)) == nil)
    }

    @Test func aPassIsDueOnceTheLibraryWasQuietLongEnough() {
        var debouncer = ChangeDebouncer(quiet: .seconds(2), maximumDelay: .seconds(60))
        debouncer.record(at: at(0))
        debouncer.record(at: at(0.5))
        debouncer.record(at: at(1))
        #expect(debouncer.deadline == at(3))
        #expect(debouncer.fire(at: at(2.9)) == nil)
        #expect(debouncer.isPending)
        #expect(debouncer.fire(at: at(3)) == 3)
        #expect(!debouncer.isPending)
        #expect(debouncer.deadline == nil)
        #expect(debouncer.fire(at: at(10)) == nil)
    }

    @Test func aSteadyTrickleIsIndexedAtTheMaximumDelay() {
        var debouncer = ChangeDebouncer(quiet: .seconds(2), maximumDelay: .seconds(5))
        var fired: [(Double, Int)] = []
        // A change every second for 12 s: the quiet period never comes, the maximum delay does.
        for second in 0...12 {
            let now = at(Double(second))
            if let count = debouncer.fire(at: now) { fired.append((Double(second), count)) }
            debouncer.record(at: now)
        }
        #expect(fired.map(\.0) == [5, 10])
        #expect(fired.map(\.1) == [5, 5])
        #expect(debouncer.deadline == at(12 + 2))
        #expect(debouncer.fire(at: at(14)) == 3)
    }

    @Test func changesAfterAPassStartANewWindow() {
        var debouncer = ChangeDebouncer(quiet: .seconds(1), maximumDelay: .seconds(4))
        debouncer.record(at: at(0))
        #expect(debouncer.fire(at: at(1)) == 1)
        debouncer.record(at: at(7))
        #expect(debouncer.deadline == at(8))
        #expect(debouncer.fire(at: at(8)) == 1)
    }

    @Test func theMaximumDelayIsNeverShorterThanTheQuietPeriod() {
        var debouncer = ChangeDebouncer(quiet: .seconds(5), maximumDelay: .seconds(1))
        #expect(debouncer.maximumDelay == .seconds(5))
        debouncer.record(at: at(0))
        #expect(debouncer.deadline == at(5))
        let zero = ChangeDebouncer(quiet: .zero, maximumDelay: .zero)
        #expect(zero.quiet == .zero && zero.maximumDelay == .zero)
    }
}
