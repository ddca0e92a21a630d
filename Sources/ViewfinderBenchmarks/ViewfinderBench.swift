import ArgumentParser

/// `viewfinder-bench`: benchmarks that compare Viewfinder's components with their reference implementations.
@main
struct ViewfinderBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "viewfinder-bench",
        abstract: "Benchmarks Viewfinder components against their references and records the results in BENCHMARKS.md.",
        subcommands: [TokenizerBenchmark.self, SearchBenchmark.self, SearchEndToEndBenchmark.self, EncoderBenchmark.self, DecodeBenchmark.self, DecodeProfile.self, IndexBenchmark.self]
    )
}
