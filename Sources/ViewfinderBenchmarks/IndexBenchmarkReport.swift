import Foundation

/// The `index` section of BENCHMARKS.md from the rows of ``IndexBenchmark``.
struct IndexBenchmarkReport {
    let rows: [IndexBenchmark.Row]
    let photos: Int
    let sources: Int
    let threads: Int
    let batch: Int
    let floorPhotos: Int
    let ortVersion: String
    let minutes: Double

    /// Prints the table and rewrites the section.
    func write(to url: URL) throws {
        let header = [
            "model", "encoder alone (floor) img/s", "viewfinder index img/s", "÷ floor (goal ≥ 0.80)",
            "Python Pillow + onnxruntime img/s", "÷ Python (goal ≥ 1.5 fp32, ≥ 2 int8)", "viewfinder peak RSS",
            "Python peak RSS",
        ]
        let table = BenchmarkReport.table(header: header, rows: rows.map { row in
            [
                row.model, String(format: "%.2f", row.floorImagesPerSecond),
                String(format: "%.2f (%d in %.1f s)", row.viewfinderRate, row.viewfinderImages, row.viewfinderSeconds),
                String(format: "%.2f", row.viewfinderRate / row.floorImagesPerSecond),
                String(format: "%.2f (%d in %.1f s)", row.pythonRate, row.pythonImages, row.pythonSeconds),
                String(format: "%.2f", row.viewfinderRate / row.pythonRate),
                String(format: "%.0f MiB", Double(row.viewfinderRSSKiB) / 1024),
                String(format: "%.0f MiB", Double(row.pythonRSSKiB) / 1024),
            ]
        })
        print(table)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let body = """
            ## Indexing end to end (`viewfinder index` vs. the encoder alone and a Python pipeline)

            `make bench-index` — \(BenchmarkReport.machineDescription()); ONNX Runtime \(ortVersion); measured \
            \(formatter.string(from: Date())) in \(String(format: "%.0f", minutes)) minutes; \(photos) pictures, \
            \(threads) threads, batch \(batch).

            The library is \(photos) JPEG files replicated from \(sources) real-size pictures (`make bench-decode`'s \
            wallpapers, 2560×1600 to 5120×2880, and generated 12 MP photos), each copy with its own comment segment \
            so that every file has its own content hash. Models: the random-weight UForm3-multilingual-base-shaped \
            bench models of `make bench-encoder` (ViT-B/16 at 224 px), float32 and int8.

            - **floor**: the image tower alone in the bench process on one pre-made batch, \(floorPhotos) pictures \
              after a warm-up, same intra-op threads and batch size;
            - **viewfinder index**: the release binary on a fresh SQLite catalog (scan, hash, libvips decode with \
              shrink-on-load, metadata, encode, one transaction per batch), timed from spawn to exit, model loading \
              included; peak RSS = `VmHWM` sampled every 50 ms;
            - **Python**: `tools/bench/index_reference.py`, the way uform-image-search indexes: Pillow full decode and \
              CLIP preprocessing, then onnxruntime in batches with the same session options, decoding not overlapping \
              inference; timed from spawn to exit (imports and model loading included); peak RSS = `VmHWM` sampled every 50 ms.

            \(table)
            """
        try BenchmarkReport.writeSection("index", body: body, to: url)
    }
}
