import Foundation
import OnnxRuntime
import Testing
import ViewfinderApp
import ViewfinderCore
import ViewfinderTestSupport

/// Device, threads, graph optimisation and memory arena: resolved from the layers, turned into session options.
struct InferenceSettingsTests {
    @Test func defaultsAreTheCPUWithEveryCoreAndEveryOptimisation() throws {
        let configuration = try ViewfinderConfiguration(sources: ConfigurationSources(flags: ["storage": "/srv/vf"]))
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(configuration.inference == InferenceSettings(
            device: .cpu, intraOpThreads: cores, interOpThreads: cores, graphOptimization: .all, memoryArena: true))
        let options = configuration.inference.sessionOptions
        #expect(options.executionProvider == .cpu)
        #expect(options.intraOpThreads == cores && options.interOpThreads == cores)
        #expect(options.graphOptimizationLevel == .all && options.enableCPUMemArena)
    }

    @Test func everySettingComesFromItsLayer() throws {
        let sources = ConfigurationSources(
            flags: ["device": "cuda:1", "threads": "3"],
            environment: ["VIEWFINDER_INTER_OP_THREADS": "2", "VIEWFINDER_DEVICE": "cpu"],
            file: ["graph_optimization": "basic", "memory_arena": "false", "inter_op_threads": "7"])
        let settings = try ViewfinderConfiguration(sources: sources).inference
        #expect(settings.device == .cuda(deviceID: 1))
        #expect(settings.intraOpThreads == 3)
        #expect(settings.interOpThreads == 2)
        #expect(settings.graphOptimization == .basic)
        #expect(settings.memoryArena == false)
        let options = settings.sessionOptions
        #expect(options.executionProvider == .cuda(deviceID: 1))
        #expect(options.graphOptimizationLevel == .basic && !options.enableCPUMemArena)
    }

    @Test func theYAMLFileAcceptsTheNewKeys() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("viewfinder.yaml")
        try Data("device: cuda\ngraph_optimization: extended\nmemory_arena: off\ninter_op_threads: 1\n".utf8).write(to: file)
        let settings = try ViewfinderConfiguration(
            sources: ConfigurationSources(file: ConfigurationSources.readYAML(at: file.path))).inference
        #expect(settings.device == .cuda(deviceID: 0))
        #expect(settings.graphOptimization == .extended)
        #expect(!settings.memoryArena)
        #expect(settings.interOpThreads == 1)
    }

    @Test(arguments: [
        ("device", "gpu"), ("inter-op-threads", "0"), ("graph-optimization", "max"), ("memory-arena", "maybe"),
    ])
    func invalidValuesNameTheSetting(flag: String, value: String) {
        #expect {
            _ = try ViewfinderConfiguration(sources: ConfigurationSources(flags: [flag: value]))
        } throws: { error in
            let message = (error as? ViewfinderError)?.message ?? ""
            return message.contains(flag) && message.contains(value)
        }
    }
}
