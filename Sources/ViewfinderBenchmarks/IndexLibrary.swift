import Foundation

/// The bench library of `viewfinder-bench index`: real-size JPEGs replicated to the wanted count.
///
/// Every copy gets a JPEG comment segment (`FF FE`) with its number right after the start marker, so that all
/// files have different content hashes (the indexer treats equal hashes as moves) while decoding the same.
enum IndexLibrary {
    /// Makes (or reuses) `count` files in `folder` from `sources`, round robin; returns their paths, sorted.
    static func prepare(folder: URL, sources: [String], count: Int) throws -> [String] {
        guard !sources.isEmpty else { throw BenchmarkFailure("no source pictures for the bench library") }
        let manager = FileManager.default
        let marker = folder.appendingPathComponent(".complete-\(count)-\(sources.count)")
        let paths = (0..<count).map { folder.appendingPathComponent(String(format: "photo-%05d.jpg", $0)).path }
        if manager.fileExists(atPath: marker.path) { return paths }
        try? manager.removeItem(at: folder)
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        var originals: [Data] = []
        for source in sources {
            let data = try Data(contentsOf: URL(fileURLWithPath: source))
            guard data.count > 4, data[data.startIndex] == 0xFF, data[data.startIndex + 1] == 0xD8 else {
                throw BenchmarkFailure("\(source) is not a JPEG file")
            }
            originals.append(data)
        }
        for (index, path) in paths.enumerated() {
            let original = originals[index % originals.count]
            let comment = Array("viewfinder-bench \(index)".utf8)
            var copy = Data(original.prefix(2))
            copy.append(contentsOf: [0xFF, 0xFE, UInt8((comment.count + 2) >> 8), UInt8((comment.count + 2) & 0xFF)])
            copy.append(contentsOf: comment)
            copy.append(original.dropFirst(2))
            try copy.write(to: URL(fileURLWithPath: path))
        }
        try Data().write(to: marker)
        return paths
    }

    /// The pictures of `make bench-decode`'s sets (`sets.json` from tools/reference/bench_decode.py).
    static func sources(setsFile: URL, sets: [String]) throws -> [String] {
        struct File: Decodable { let sets: [String: [String]] }
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: setsFile))
        return try sets.flatMap { name in
            guard let files = file.sets[name] else {
                throw BenchmarkFailure("\(setsFile.path) has no set \(name); it has \(file.sets.keys.sorted())")
            }
            return files
        }
    }
}
