import ArgumentParser
import Foundation
import NIOPosix
import OnnxRuntime
import VectorIndex
import ViewfinderCore
import ViewfinderSQLite
import ViewfinderVectorSearch
import ViewfinderVision

/// A text query end to end: tokenize, encode, scan, filter and fetch the rows, on a SQLite catalog.
struct SearchEndToEndBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search-e2e",
        abstract: "Measures text queries end to end (encoder, in-process index, SQLite rows) on a synthetic catalog."
    )

    @Option(help: "The text model folder (the UForm3-shaped int8 bench model of `make bench-encoder`).")
    var model = "var/bench/models/bench-uform3-multilingual-base-int8"

    @Option(help: "Path of libonnxruntime.so.")
    var ortLibrary = ".vendor/onnxruntime/lib/libonnxruntime.so"

    @Option(help: "Photos in the catalog.")
    var photos = 100_000

    @Option(help: "Where the catalog and the Markdown result are written.")
    var data = "var/bench/search"

    @Option(help: "Queries per row.")
    var queries = 30

    @Option(help: "ONNX Runtime intra-op thread counts to compare, comma-separated (one text is a small batch).")
    var intraOpThreads = "1,2"

    private static let texts = [
        "red car in snow", "a dog on the beach", "Sonnenuntergang am Meer", "chat noir sur un canapé",
        "birthday cake with candles", "mountain lake at dawn", "perro jugando en el parque", "city skyline at night",
    ]

    func run() throws {
        let folder = URL(fileURLWithPath: data)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let descriptor = try ClipModelDescriptor.load(folder: URL(fileURLWithPath: model))
        let runtime = try OnnxRuntime(libraryPath: ortLibrary)
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        defer { try? pool.syncShutdownGracefully() }
        let threadCounts = intraOpThreads.split(separator: ",")
            .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !threadCounts.isEmpty, threadCounts.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--intra-op-threads needs positive integers, got '\(intraOpThreads)'")
        }
        let path = folder.appendingPathComponent("e2e-\(photos)-\(descriptor.dims).db").path
        let sqlite = try SQLiteCatalog(path: path)
        let start = Date(timeIntervalSince1970: 1_262_304_000)  // 2010-01-01
        let photoCount = photos
        let model = descriptor.id
        let dims = descriptor.dims
        try BlockingTask.run { try await Self.populate(sqlite, count: photoCount, model: model, dims: dims, start: start) }

        var rows: [[String]] = []
        // One year out of twenty: the 5% filter; the default filter only hides archived photos.
        let year = PhotoFilter(
            takenAfter: start.addingTimeInterval(7 * 365.25 * 86_400), takenBefore: start.addingTimeInterval(8 * 365.25 * 86_400))
        for threads in threadCounts {
            let embedder = try OnnxTextEmbedder(
                descriptor: descriptor, runtime: runtime, options: SessionOptions(intraOpThreads: threads),
                threadPool: pool)
            for precision in [MatrixPrecision.float32, .float16] {
                let catalog = Catalog(
                    store: sqlite,
                    vectors: InProcessVectorIndex(
                        source: sqlite, settings: InProcessVectorSettings(precision: precision, threads: 2),
                        pool: VectorScanPool(threadPool: pool)))
                for (label, filter) in [("default", PhotoFilter()), ("one year (5%)", year)] {
                    let measured = try BlockingTask.run { [queries] in
                        try await Self.measure(catalog, embedder: embedder, filter: filter, queries: queries)
                    }
                    rows.append([
                        "\(photoCount / 1000)k × \(dims)", precision.rawValue, label, "\(threads)",
                        SearchBenchmark.ms(measured.encode), SearchBenchmark.ms(measured.total),
                        SearchBenchmark.ms(measured.p99),
                    ])
                    print(rows.last?.joined(separator: "  ") ?? "")
                }
            }
        }
        let table = BenchmarkReport.table(
            header: [
                "catalog", "rows", "filter", "intra-op threads", "encode p50 ms", "end to end p50 ms",
                "end to end p99 ms",
            ], rows: rows)
        let text = """
            Text query end to end (`viewfinder-bench search-e2e`): tokenize and encode with \
            `\(descriptor.id)` (random-weight UForm3-shaped int8 text encoder, ONNX Runtime intra-op threads as \
            listed), nearest 10 through \
            the in-process vector index (the vector-search role, scanning on its thread pool) over a SQLite catalog of \(photoCount) synthetic photos (filter from SQL \
            when it has a condition), then fetch the 10 photo rows. \(queries) queries after one warm-up query (which \
            loads the matrix).

            \(table)
            """
        try text.write(to: folder.appendingPathComponent("end-to-end.md"), atomically: true, encoding: .utf8)
        print(table)
    }

    private static func populate(
        _ catalog: SQLiteCatalog, count: Int, model: ModelID, dims: Int, start: Date
    ) async throws {
        let existing = try await catalog.counts().photos
        guard existing < count else { return }
        var generator = SystemRandomNumberGenerator()
        for batchStart in stride(from: existing, to: count, by: 2000) {
            let batch = (batchStart..<min(count, batchStart + 2000)).map { index in
                let vector = (0..<dims).map { _ in Float.random(in: -1...1, using: &generator) }
                let taken = start.addingTimeInterval(Double(index % 20) * 365.25 * 86_400 + Double(index % 1000) * 3600)
                return IndexedPhoto(
                    file: LibraryFile(
                        root: "/bench", relativePath: "p\(index / 1000)/photo-\(index).jpg", size: 1_000_000 + Int64(index),
                        modifiedAt: Date(timeIntervalSince1970: 1_700_000_000)),
                    contentHash: "h\(index)", width: 4000, height: 3000,
                    embedding: Embedding(model: model, vector: VectorMath.normalized(vector)),
                    mimeType: "image/jpeg", metadata: PhotoMetadata(takenAt: taken, cameraMake: "Bench", cameraModel: "B\(index % 7)"))
            }
            try await catalog.save(batch)
        }
    }

    private static func measure(
        _ catalog: Catalog, embedder: OnnxTextEmbedder, filter: PhotoFilter, queries: Int
    ) async throws -> (encode: Double, total: Double, p99: Double) {
        var encodes: [Double] = []
        var totals: [Double] = []
        for index in -1..<queries {
            let text = texts[(index + texts.count) % texts.count]
            let begin = DispatchTime.now().uptimeNanoseconds
            guard let embedding = try await embedder.embed([text]).first else { continue }
            let encoded = DispatchTime.now().uptimeNanoseconds
            let matches = try await catalog.vectors.nearest(to: embedding, limit: 10, filter: filter, strategy: .automatic)
            let rows = try await catalog.store.photos(ids: matches.map(\.photoID))
            let end = DispatchTime.now().uptimeNanoseconds
            precondition(rows.count == matches.count, "every match has a row")
            guard index >= 0 else { continue }
            encodes.append(Double(encoded - begin) / 1e6)
            totals.append(Double(end - begin) / 1e6)
        }
        encodes.sort()
        totals.sort()
        let p99 = totals[min(totals.count - 1, Int(Double(totals.count) * 0.99))]
        return (encodes[encodes.count / 2], totals[totals.count / 2], p99)
    }
}
