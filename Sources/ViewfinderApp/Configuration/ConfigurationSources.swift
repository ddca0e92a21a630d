import Foundation
public import ViewfinderCore
import Yams

/// The raw layers a configuration is resolved from: flags > environment > YAML file > defaults.
public struct ConfigurationSources: Sendable {
    /// Values given on the command line, keyed by flag name.
    public var flags: [String: String]
    /// The process environment.
    public var environment: [String: String]
    /// Values from the YAML file, keyed by YAML key.
    public var file: [String: String]

    /// Creates the layers directly (tests and the CLI).
    public init(flags: [String: String] = [:], environment: [String: String] = [:], file: [String: String] = [:]) {
        self.flags = flags
        self.environment = environment
        self.file = file
    }

    /// The winning value for `key`, or nil when no layer sets it.
    public func value(_ key: ConfigurationKey) -> String? {
        let candidates = [flags[key.flag], environment[key.environment], file[key.yaml]]
        return candidates.compactMap { $0 }.first { !$0.isEmpty }
    }

    /// Reads a YAML file of `key: value` pairs; unknown keys are an error, so typos don't go unnoticed.
    public static func readYAML(at path: String) throws(ViewfinderError) -> [String: String] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ViewfinderError(.configurationInvalid, "cannot read the configuration file \(path)", underlying: error)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ViewfinderError(.configurationInvalid, "\(path) is not valid YAML: \(error)")
        }
        guard let node else { return [:] }
        guard let mapping = node.mapping else {
            throw ViewfinderError(.configurationInvalid, "\(path) must be a mapping of settings")
        }
        let known = Set(ConfigurationKey.all.map(\.yaml))
        var values: [String: String] = [:]
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string, known.contains(key) else {
                let names = known.sorted().joined(separator: ", ")
                throw ViewfinderError(
                    .configurationInvalid, "\(path): unknown setting '\(keyNode.string ?? "?")' (known: \(names))")
            }
            if let items = valueNode.sequence {
                // Lists (library roots, ignore patterns) travel as one value, one item per line.
                values[key] = items.compactMap { $0.scalar?.string }.joined(separator: "\n")
                continue
            }
            guard let value = valueNode.scalar?.string else {
                throw ViewfinderError(.configurationInvalid, "\(path): '\(key)' must be a single value")
            }
            values[key] = value
        }
        return values
    }
}
