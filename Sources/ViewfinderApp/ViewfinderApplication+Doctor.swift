import Foundation
import OnnxRuntime
import ViewfinderCore
import ViewfinderImaging
import ViewfinderVision

extension ViewfinderApplication {
    /// Inspects the installation: libraries, paths, the configured and the default model.
    ///
    /// Essential (the report is unhealthy without them): ONNX Runtime loads, libvips initialises, the
    /// storage and models paths are writable, and the configured model is installed and complete.
    public func doctor() -> DoctorReport {
        var checks: [DoctorReport.Check] = []

        let onnx: DoctorReport.OnnxRuntimeInfo
        do {
            let runtime = try runtime()
            onnx = .init(
                version: runtime.version, libraryPath: runtime.libraryPath, apiVersion: OnnxRuntime.requiredAPIVersion,
                providers: runtime.availableProviders, error: nil)
            checks.append(.init(
                name: "onnxruntime", ok: true, essential: true,
                detail: "ONNX Runtime \(runtime.version) at \(runtime.libraryPath)", hint: nil))
        } catch {
            onnx = .init(
                version: nil, libraryPath: nil, apiVersion: OnnxRuntime.requiredAPIVersion, providers: [],
                error: error.message)
            checks.append(.init(
                name: "onnxruntime", ok: false, essential: true, detail: error.message,
                hint: "Run `make bootstrap`, or point --ort-library / VIEWFINDER_ORT_LIBRARY at libonnxruntime.so (1.16 or newer)."))
        }

        let vips: DoctorReport.LibvipsInfo
        do {
            _ = try vipsRuntime()
            vips = .init(version: VipsRuntime.libraryVersion, error: nil)
            checks.append(.init(
                name: "libvips", ok: true, essential: true, detail: "libvips \(VipsRuntime.libraryVersion)", hint: nil))
        } catch {
            vips = .init(version: nil, error: error.message)
            checks.append(.init(
                name: "libvips", ok: false, essential: true, detail: error.message,
                hint: "Install libvips (`apt-get install libvips42`, or `make bootstrap`)."))
        }

        checks.append(Self.writableCheck("storage", configuration.storagePath, flag: "--storage / VIEWFINDER_STORAGE_PATH"))
        checks.append(Self.writableCheck("models-path", configuration.modelsPath, flag: "--models-path / VIEWFINDER_MODELS_PATH"))

        let store = modelStore
        let model = modelInfo(configuration.model, store: store)
        checks.append(.init(
            name: "model", ok: model.installed && model.problem == nil, essential: true,
            detail: model.installed
                ? "\(model.name) (\(model.layout ?? "?") layout, \(model.storedDims ?? 0)-d) in \(model.path)"
                : model.problem ?? "\(model.name) is not installed",
            hint: model.installed && model.problem == nil ? nil : Self.installHint(model)))

        let defaultModel = modelInfo(ModelCatalogue.defaultModel, store: store)
        if defaultModel.name != model.name {
            checks.append(.init(
                name: "default-model", ok: defaultModel.installed, essential: false,
                detail: defaultModel.installed
                    ? "\(defaultModel.name) is installed" : "\(defaultModel.name) (the default model) is not installed",
                hint: defaultModel.installed ? nil : Self.installHint(defaultModel)))
        }
        for problem in store.inventory().problems where problem.name != model.name {
            checks.append(.init(
                name: "store", ok: false, essential: false, detail: "\(problem.folder.path): \(problem.reason)", hint: nil))
        }

        return DoctorReport(
            onnxRuntime: onnx, libvips: vips, storagePath: configuration.storagePath.path,
            modelsPath: configuration.modelsPath.path, database: configuration.database.description,
            hubURL: configuration.hubURL.absoluteString, hubTokenConfigured: configuration.hubToken != nil,
            model: model, defaultModel: defaultModel, checks: checks)
    }

    private func modelInfo(_ id: ModelID, store: ModelStore) -> DoctorReport.ModelInfo {
        let inCatalogue = ModelCatalogue.standard.entry(named: id) != nil
        let path = store.folder(for: id).path
        do {
            let descriptor = try store.descriptor(for: id)
            var problem: String?
            var storedDims = descriptor.dims
            if let dims = configuration.dims, id == configuration.model {
                do {
                    storedDims = try descriptor.truncated(to: dims).dims
                } catch {
                    problem = error.message
                }
            }
            return .init(
                name: id.rawValue, installed: true, inCatalogue: inCatalogue, path: path,
                layout: descriptor.layout.rawValue, dims: descriptor.embeddingDims, storedDims: storedDims, problem: problem)
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            return .init(
                name: id.rawValue, installed: false, inCatalogue: inCatalogue, path: path, layout: nil, dims: nil,
                storedDims: nil, problem: exists ? error.message : nil)
        }
    }

    private static func installHint(_ model: DoctorReport.ModelInfo) -> String {
        model.inCatalogue
            ? "Run `viewfinder models download \(model.name)` (or `viewfinder models import DIR --name \(model.name)`)."
            : "Run `viewfinder models import DIR --name \(model.name)`, or pick an installed model with --model."
    }

    /// Whether `url` (or the folder it would be created in) is writable.
    private static func writableCheck(_ name: String, _ url: URL, flag: String) -> DoctorReport.Check {
        var candidate = url
        while !FileManager.default.fileExists(atPath: candidate.path), candidate.path != "/" {
            candidate = candidate.deletingLastPathComponent()
        }
        let writable = FileManager.default.isWritableFile(atPath: candidate.path)
        let state = candidate == url ? "exists" : "will be created in \(candidate.path)"
        return .init(
            name: name, ok: writable, essential: true,
            detail: writable ? "\(url.path) (\(state))" : "\(candidate.path) is not writable",
            hint: writable ? nil : "Choose a writable folder with \(flag).")
    }
}
