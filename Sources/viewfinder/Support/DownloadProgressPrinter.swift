import Foundation
import NIOConcurrencyHelpers
import ViewfinderVision

/// Shows download progress on standard error: a redrawn bar on a terminal, one line per file otherwise.
final class DownloadProgressPrinter: Sendable {
    private struct State {
        var file = ""
        var index = 0
        var count = 0
        var drawn = false
    }

    private let bar: Bool
    private let quiet: Bool
    private let state = NIOLockedValueBox(State())

    /// `bar`: redraw a progress bar (standard error is a terminal); `quiet`: no per-file lines (JSON output).
    init(bar: Bool, quiet: Bool) {
        self.bar = bar
        self.quiet = quiet
    }

    /// Draws one event.
    func show(_ event: DownloadEvent) {
        state.withLockedValue { state in
            switch event {
            case .fileStarted(let path, let index, let count):
                (state.file, state.index, state.count) = (path, index, count)
            case .resumed(let path, let offset):
                line(&state, "resuming \(path) at \(Self.bytes(offset))")
            case .received(let path, let bytes, let total):
                guard bar else { return }
                let width = 30
                let filled = total.map { $0 > 0 ? min(width, Int(Int64(width) * bytes / $0)) : width } ?? 0
                let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                let of = total.map { " / \(Self.bytes($0))" } ?? ""
                write("\r[\(bar)] \(Self.bytes(bytes))\(of)  \(path) (\(state.index)/\(state.count))\u{1B}[K")
                state.drawn = true
            case .retrying(let path, let attempt, let reason):
                line(&state, "retrying \(path) (attempt \(attempt)): \(reason)")
            case .fileFinished(let path, let bytes, let verified, let reused):
                let how = reused ? "already downloaded" : verified ? "SHA-256 verified" : "no published checksum"
                line(&state, "\(path): \(Self.bytes(bytes)), \(how)")
            }
        }
    }

    /// Ends a drawn bar with a newline.
    func finish() {
        state.withLockedValue { state in
            if state.drawn { write("\n") }
            state.drawn = false
        }
    }

    private func line(_ state: inout State, _ text: String) {
        guard !quiet || bar else { return }
        write((state.drawn ? "\r\u{1B}[K" : "") + text + "\n")
        state.drawn = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func bytes(_ count: Int64) -> String {
        ByteCountFormatter.string(fromByteCount: count, countStyle: .file)
    }
}
