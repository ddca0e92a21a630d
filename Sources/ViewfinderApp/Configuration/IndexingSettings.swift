import Foundation
public import ViewfinderCore

/// What the indexing worker indexes, what it skips, and when it embeds.
public struct IndexingSettings: Sendable, Equatable {
    /// When CLIP embeddings are made (modelled on PhotoPrism's vision `Run` setting).
    public enum ClipRun: String, Sendable, Equatable, CaseIterable {
        /// Whenever an index runs.
        case onIndex = "on-index"
        /// On the `index-interval` schedule while `serve` runs (and by `viewfinder index`).
        case onSchedule = "on-schedule"
        /// Only through `viewfinder index` or the API.
        case manual
        /// Never: files are still followed (new, moved, missing), but nothing is embedded.
        case never
    }

    /// The library roots (absolute paths).
    public var libraryRoots: [String]
    /// Glob patterns skipped in every root (see `IgnorePatterns`).
    public var ignore: [String]
    /// Whether symbolic links to folders are followed.
    public var followSymlinks: Bool
    /// How long photos whose files vanished are kept before they are purged.
    public var missingGracePeriod: Duration
    /// When embeddings are made.
    public var clipRun: ClipRun
    /// Whether CLIP is enabled at all; false means no embeddings and no semantic search.
    public var clipEnabled: Bool
    /// How often `serve` indexes in the `on-schedule` mode.
    public var interval: Duration
    /// How long a claim of `index --worker` lasts before other workers take its files over.
    public var workerLease: Duration
    /// How long a run keeps retrying a batch while the database is unavailable.
    public var storageOutageTolerance: Duration
    /// Whether `serve` watches the roots and starts a run when files change (in every `clip_run` mode).
    public var watch: Bool
    /// How long the watched library must be quiet before that run starts.
    public var watchDebounce: Duration

    /// Whether indexing runs embed pictures.
    public var embeds: Bool { clipEnabled && clipRun != .never }

    /// Reads the indexing keys; defaults: no roots, nothing extra ignored, links not followed, 30 days of
    /// grace, `on-index`, CLIP enabled, a 6-hour schedule, no watching (5 s debounce when on).
    public init(sources: ConfigurationSources) throws(ViewfinderError) {
        libraryRoots = Self.list(sources.value(.libraryRoots)).map {
            URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath).standardizedFileURL.path
        }
        ignore = Self.list(sources.value(.ignore))
        followSymlinks = try Self.bool(sources.value(.followSymlinks), name: "follow-symlinks", default: false)
        clipEnabled = try Self.bool(sources.value(.clipEnabled), name: "clip-enabled", default: true)
        missingGracePeriod = try Self.duration(sources.value(.missingGrace), name: "missing-grace", default: .seconds(30 * 86_400))
        interval = try Self.duration(sources.value(.indexInterval), name: "index-interval", default: .seconds(6 * 3600))
        workerLease = try Self.duration(sources.value(.workerLease), name: "worker-lease", default: .seconds(300))
        storageOutageTolerance = try Self.duration(
            sources.value(.storageOutageTolerance), name: "storage-outage-tolerance", default: .seconds(120))
        watch = try Self.bool(sources.value(.watch), name: "watch", default: false)
        watchDebounce = try Self.duration(sources.value(.watchDebounce), name: "watch-debounce", default: .seconds(5))
        guard interval > .zero, workerLease > .zero else {
            throw ViewfinderError(.configurationInvalid, "index-interval and worker-lease must be longer than 0")
        }
        let run = sources.value(.clipRun) ?? ClipRun.onIndex.rawValue
        guard let clipRun = ClipRun(rawValue: run.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw ViewfinderError(
                .configurationInvalid, "clip-run must be on-index, on-schedule, manual or never, not '\(run)'")
        }
        self.clipRun = clipRun
    }

    /// Splits a list value: one item per line (YAML lists), else comma-separated.
    static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        let separator: Character = text.contains("\n") ? "\n" : ","
        return text.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Parses a yes/no setting.
    static func bool(_ text: String?, name: String, default value: Bool) throws(ViewfinderError) -> Bool {
        guard let text else { return value }
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw ViewfinderError(.configurationInvalid, "\(name) must be true or false, not '\(text)'")
        }
    }

    /// Parses `90`, `90s`, `30m`, `6h` or `30d`.
    static func duration(_ text: String?, name: String, default value: Duration) throws(ViewfinderError) -> Duration {
        guard let text else { return value }
        var number = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        var scale = 1.0
        if let last = number.last, let unit = units[last] {
            scale = unit
            number.removeLast()
        }
        guard let amount = Double(number), amount >= 0, amount.isFinite else {
            throw ViewfinderError(.configurationInvalid, "\(name) must be a duration like 90s, 30m, 6h or 30d, not '\(text)'")
        }
        return .milliseconds(Int64(amount * scale * 1000))
    }
}
