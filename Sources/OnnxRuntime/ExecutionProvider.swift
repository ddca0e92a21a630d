/// Where ONNX Runtime runs a model's operators.
public enum ExecutionProvider: Sendable, Hashable, CustomStringConvertible {
    /// The CPU, always available.
    case cpu
    /// An NVIDIA GPU through CUDA (the `onnxruntime-gpu` build); operators CUDA lacks fall back to the CPU.
    case cuda(deviceID: Int = 0)

    /// The name ONNX Runtime lists in `GetAvailableProviders`, e.g. `CUDAExecutionProvider`.
    public var providerName: String {
        switch self {
        case .cpu: "CPUExecutionProvider"
        case .cuda: "CUDAExecutionProvider"
        }
    }

    /// `cpu` or `cuda:N`.
    public var description: String {
        switch self {
        case .cpu: "cpu"
        case .cuda(let deviceID): "cuda:\(deviceID)"
        }
    }

    /// Parses `cpu`, `cuda` or `cuda:N` (case-insensitive); nil for anything else.
    public init?(parsing text: String) {
        let lowered = text.filter { !$0.isWhitespace }.lowercased()
        if lowered == "cpu" {
            self = .cpu
            return
        }
        guard lowered.hasPrefix("cuda") else { return nil }
        let suffix = lowered.dropFirst("cuda".count)
        if suffix.isEmpty {
            self = .cuda()
            return
        }
        guard suffix.first == ":", let device = Int(suffix.dropFirst()), device >= 0 else { return nil }
        self = .cuda(deviceID: device)
    }
}
