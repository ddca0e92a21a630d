import ViewfinderCore
import ViewfinderHTTP
import ViewfinderVision

/// Reports the installed models and the active one from the model store.
struct ModelInventoryReporter: ModelReporting {
    let store: ModelStore
    let active: ModelID
    /// The active model's descriptor, when it is installed and loads.
    let descriptor: ClipModelDescriptor?

    func models() async -> ModelsOverview {
        let installed = store.inventory().installed.map {
            ModelsOverview.Installed(name: $0.descriptor.id.rawValue, dims: $0.descriptor.dims)
        }
        return ModelsOverview(
            active: active.rawValue, activeDims: descriptor?.dims, semanticSearch: descriptor != nil,
            installed: installed)
    }
}
