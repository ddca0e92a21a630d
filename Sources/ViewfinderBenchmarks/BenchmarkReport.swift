import Foundation

/// Writes one benchmark's section of BENCHMARKS.md and describes the machine it ran on.
enum BenchmarkReport {
    /// Replaces the text between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`, adding the section if missing.
    static func writeSection(_ name: String, body: String, to url: URL) throws {
        let start = "<!-- bench:\(name):start -->"
        let end = "<!-- bench:\(name):end -->"
        let section = "\(start)\n\(body.trimmingCharacters(in: .newlines))\n\(end)"
        var document = (try? String(contentsOf: url, encoding: .utf8)) ?? "# Benchmarks\n"
        if let startRange = document.range(of: start), let endRange = document.range(of: end),
            startRange.lowerBound < endRange.lowerBound
        {
            document.replaceSubrange(startRange.lowerBound..<endRange.upperBound, with: section)
        } else {
            if !document.hasSuffix("\n") { document += "\n" }
            document += "\n" + section + "\n"
        }
        try document.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The CPU model, core count and memory, as one line.
    static func machineDescription() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n")
            .first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        return "\(model), \(cores) cores, \(String(format: "%.0f", memory)) GiB"
    }

    /// A Markdown table.
    static func table(header: [String], rows: [[String]]) -> String {
        var lines = ["| " + header.joined(separator: " | ") + " |"]
        lines.append("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
        for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n")
    }
}
