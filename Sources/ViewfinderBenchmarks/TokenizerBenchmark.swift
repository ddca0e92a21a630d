import ArgumentParser
import Dispatch
import Foundation
import Tokenizers

/// Strings per second of the Tokenizers module on the golden corpus, against Python `tokenizers`.
struct TokenizerBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenizer",
        abstract: "Measures tokenization throughput against Python tokenizers' results from the same run."
    )

    @Option(help: "The tokenizer fixtures folder (corpus.json and the tokenizer files).")
    var fixtures = "Tests/Fixtures/tokenizers"

    @Option(help: "The reference measurements written by tools/tokenizers/bench_reference.py.")
    var reference: String

    @Option(help: "The BENCHMARKS.md file whose tokenizer section is rewritten.")
    var output = "BENCHMARKS.md"

    @Option(help: "Seconds to spend on each measurement.")
    var seconds = 2.0

    private struct Reference: Decodable {
        struct Result: Decodable {
            let single: Double
            let batch: Double
        }
        let tokenizers_version: String
        let results: [String: Result]
    }

    func run() throws {
        let folder = URL(fileURLWithPath: fixtures)
        let corpus = try JSONDecoder().decode([String].self, from: Data(contentsOf: folder.appendingPathComponent("corpus.json")))
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: URL(fileURLWithPath: self.reference)))
        var rows: [[String]] = []
        for name in ["bert-wordpiece", "xlmr-unigram", "clip-bpe"] {
            guard let python = reference.results[name] else { throw ValidationError("no reference result for \(name)") }
            let tokenizer = try Tokenizer(contentsOf: folder.appendingPathComponent("\(name).json"))
            let single = measure(corpus, seconds: seconds) { text in tokenizer.encode(text).count }
            let parallel = measureParallel(corpus, seconds: seconds) { text in tokenizer.encode(text).count }
            rows.append([
                name, Self.rate(python.single), Self.rate(python.batch), Self.rate(single), Self.rate(parallel),
                Self.ratio(single / python.single), Self.ratio(single / python.batch), Self.ratio(parallel / python.batch),
            ])
        }
        let header = [
            "tokenizer", "Python encode (str/s)", "Python encode_batch (str/s)", "Swift encode (str/s)",
            "Swift, all cores (str/s)", "Swift ÷ Python encode", "Swift ÷ Python batch", "Swift all cores ÷ Python batch",
        ]
        let table = BenchmarkReport.table(header: header, rows: rows)
        print(table)
        let body = """
            ## Tokenizer

            `make bench-tokenizer`: the \(corpus.count) strings of `Tests/Fixtures/tokenizers/corpus.json` (12+ scripts, \
            emoji, control characters, long inputs), encoded with special tokens by the Tokenizers module (release build) \
            and by Python `tokenizers` \(reference.tokenizers_version) in the same run; each figure is the best pass over the \
            corpus within \(Int(seconds)) s, which is robust to other work on the machine. "Swift encode" is one thread calling \
            `encode` in a loop; "Swift, all cores" splits the corpus over every core; Python's `encode_batch` uses its own \
            thread pool.

            Machine: \(BenchmarkReport.machineDescription()).

            \(table)
            """
        try BenchmarkReport.writeSection("tokenizer", body: body, to: URL(fileURLWithPath: output))
        print("wrote the tokenizer section of \(output)")
    }

    /// The best pass over the corpus within `seconds` on one thread, in strings per second.
    private func measure(_ corpus: [String], seconds: Double, _ work: (String) -> Int) -> Double {
        var checksum = 0
        for text in corpus { checksum &+= work(text) }
        var best = 0.0
        let start = DispatchTime.now().uptimeNanoseconds
        repeat {
            let begin = DispatchTime.now().uptimeNanoseconds
            for text in corpus { checksum &+= work(text) }
            best = max(best, Double(corpus.count) / (Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9))
        } while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds
        if checksum == 42 { print("") }
        return best
    }

    /// The best pass with the corpus split over every core, in strings per second.
    private func measureParallel(_ corpus: [String], seconds: Double, _ work: @escaping @Sendable (String) -> Int) -> Double {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var best = 0.0
        let start = DispatchTime.now().uptimeNanoseconds
        repeat {
            let begin = DispatchTime.now().uptimeNanoseconds
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var checksum = 0
                var index = worker
                while index < corpus.count {
                    checksum &+= work(corpus[index])
                    index += workers
                }
                if checksum == 42 { print("") }
            }
            best = max(best, Double(corpus.count) / (Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9))
        } while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds
        return best
    }

    private static func rate(_ value: Double) -> String {
        String(format: "%.0f", value)
    }

    private static func ratio(_ value: Double) -> String {
        String(format: "%.2f×", value)
    }
}
