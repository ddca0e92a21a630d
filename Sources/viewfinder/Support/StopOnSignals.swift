import Dispatch
import Foundation
import ViewfinderServices

/// Turns SIGINT and SIGTERM into a stop request, so the indexer finishes its batch and exits cleanly.
///
/// A second signal ends the process at once.
final class StopOnSignals {
    private let sources: [any DispatchSourceSignal]

    /// Installs the handlers; they stay until this object is released.
    init(_ stop: IndexingStopSignal) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.isRequested { exit(128 + number) }
                stop.request()
                FileHandle.standardError.write(Data("\nstopping after the current batch…\n".utf8))
            }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
