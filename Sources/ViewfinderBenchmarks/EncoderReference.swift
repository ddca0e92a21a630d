import Foundation

/// The Python onnxruntime reference (tools/bench/encoder_reference.py), kept running so that its runs
/// can alternate with ours: one JSON line per request, one per answer.
final class EncoderReference {
    /// One answer: the time of each run and the first values of row 0 of the embeddings.
    struct Answer: Decodable {
        let seconds: [Double]
        let first_row: [Double]
    }

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffered = Data()

    /// Starts the reference for one model folder, tower and thread count and waits until its session is loaded.
    init(python: String, script: String, model: URL, tower: EncoderWorkload.Tower, threads: Int) throws {
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--model", model.path, "--tower", tower.rawValue, "--threads", "\(threads)"]
        // Older OpenBLAS builds need these on some CPUs; they only slow numpy down, so the reference runs without.
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = nil
        environment["OPENBLAS_L2_SIZE"] = nil
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        struct Ready: Decodable { let ready: Bool }
        let line = try readLine()
        guard (try? JSONDecoder().decode(Ready.self, from: Data(line.utf8)))?.ready == true else {
            throw BenchmarkFailure("the Python reference did not start: \(line)")
        }
    }

    /// Runs `batch` rows `runs` times in the reference.
    func run(batch: Int, runs: Int) throws -> Answer {
        input.fileHandleForWriting.write(Data("{\"batch\": \(batch), \"runs\": \(runs)}\n".utf8))
        return try JSONDecoder().decode(Answer.self, from: Data(try readLine().utf8))
    }

    /// Ends the reference (it exits at the end of its input) and waits for it.
    func close() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    private func readLine() throws -> String {
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[buffered.startIndex..<newline], as: UTF8.self)
                buffered.removeSubrange(buffered.startIndex...newline)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else {
                process.waitUntilExit()
                throw BenchmarkFailure("the Python reference ended early (exit status \(process.terminationStatus))")
            }
            buffered.append(chunk)
        }
    }
}

/// A benchmark that could not run, with the reason.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
