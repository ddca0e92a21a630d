import COnnxRuntime

extension InferenceSession {
    /// Runs the model on `inputs` (keyed by input name) and returns the requested outputs by name.
    ///
    /// Blocks the calling thread until ONNX Runtime finishes; call it from a thread pool, not from
    /// an event loop. Safe to call concurrently on one session. `outputNames` defaults to every output.
    public func run(
        _ inputs: [String: Tensor],
        outputNames: [String]? = nil
    ) throws(OnnxRuntimeError) -> [String: Tensor] {
        let requested = try resolveOutputNames(outputNames)
        try validateInputNames(Set(inputs.keys))
        let entries = inputs.sorted { $0.key < $1.key }
        return try withInputValues(entries[...], bound: []) { (values: [OpaquePointer?]) throws(OnnxRuntimeError) in
            try run(inputNames: entries.map(\.key), values: values, outputNames: requested)
        }
    }

    /// Rejects unknown and missing inputs up front, with messages naming the model's real inputs.
    private func validateInputNames(_ given: Set<String>) throws(OnnxRuntimeError) {
        let declared = self.inputs.map(\.name)
        if let unknown = given.sorted().first(where: { !declared.contains($0) }) {
            throw OnnxRuntimeError(
                .invalidArgument,
                "Model \(modelPath) has no input named '\(unknown)'; its inputs are \(declared.joined(separator: ", "))"
            )
        }
        // ORT itself only notices a missing input when a kernel needs it, and reports that as a generic failure.
        if let missing = self.inputs.first(where: { !given.contains($0.name) }) {
            throw OnnxRuntimeError(.invalidArgument, "Model \(modelPath) needs input \(missing), which was not given")
        }
    }

    /// The output names to request: the caller's (deduplicated, validated) or all of them.
    private func resolveOutputNames(_ names: [String]?) throws(OnnxRuntimeError) -> [String] {
        let all = outputs.map(\.name)
        guard let names else { return all }
        var seen = Set<String>()
        let unique = names.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else {
            throw OnnxRuntimeError(.invalidArgument, "At least one output must be requested from \(modelPath)")
        }
        if let unknown = unique.first(where: { !all.contains($0) }) {
            throw OnnxRuntimeError(
                .invalidArgument,
                "Model \(modelPath) has no output named '\(unknown)'; its outputs are \(all.joined(separator: ", "))"
            )
        }
        return unique
    }

    /// Wraps each pending tensor in an `OrtValue*` (innermost scope last), then runs `body` with all of them.
    ///
    /// Nesting keeps every borrowed Swift buffer alive until `body` returns.
    private func withInputValues<Result>(
        _ pending: ArraySlice<(key: String, value: Tensor)>,
        bound: [OpaquePointer?],
        _ body: ([OpaquePointer?]) throws(OnnxRuntimeError) -> Result
    ) throws(OnnxRuntimeError) -> Result {
        guard let next = pending.first else { return try body(bound) }
        return try next.value.withOrtValue(
            named: next.key,
            functions: runtime.functions,
            memoryInfo: memoryInfo
        ) { (value: OpaquePointer) throws(OnnxRuntimeError) -> Result in
            try withInputValues(pending.dropFirst(), bound: bound + [value], body)
        }
    }

    /// Calls `OrtApi::Run` with bound input values and copies the produced outputs into tensors.
    private func run(
        inputNames: [String],
        values: [OpaquePointer?],
        outputNames: [String]
    ) throws(OnnxRuntimeError) -> [String: Tensor] {
        let functions = runtime.functions
        var produced = [OpaquePointer?](repeating: nil, count: outputNames.count)
        // ReleaseValue accepts NULL, so slots ORT never filled are harmless.
        defer { produced.forEach { functions.api.ReleaseValue($0) } }

        let status = withCStrings(inputNames) { inputPointers in
            withCStrings(outputNames) { outputPointers in
                functions.api.Run(
                    handle, nil,
                    inputPointers, values, values.count,
                    outputPointers, outputPointers.count,
                    &produced
                )
            }
        }
        try functions.check(
            status,
            "Running \(modelPath) failed",
            code: { $0.isInvalidArgument ? .invalidArgument : .runFailed }
        )

        var results: [String: Tensor] = [:]
        for (name, value) in zip(outputNames, produced) {
            guard let value else {
                throw OnnxRuntimeError(.runFailed, "Running \(modelPath) produced no value for output '\(name)'")
            }
            results[name] = try Tensor.copying(value, named: name, functions: functions)
        }
        return results
    }
}
