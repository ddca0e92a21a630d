import COnnxRuntime

/// The negotiated `OrtApi` function table and the translation of its statuses into errors.
struct OrtFunctionTable: @unchecked Sendable {
    // Sendable is sound: the table is immutable static data inside the loaded library, and the
    // library is never unloaded once a table was obtained.

    /// The table inside the library.
    let table: UnsafePointer<VFOrtApi>

    /// The function slots, e.g. `api.Run`.
    var api: VFOrtApi { table.pointee }

    /// Throws if `status` reports a failure, releasing it; `code` classifies the failure.
    func check(
        _ status: OpaquePointer?,
        _ context: @autoclosure () -> String,
        code: (OrtStatusDetail) -> OnnxRuntimeError.Code
    ) throws(OnnxRuntimeError) {
        guard let status else { return }
        defer { api.ReleaseStatus(status) }
        let detail = OrtStatusDetail(
            ortCode: Int(api.GetErrorCode(status)),
            message: String(cString: api.GetErrorMessage(status))
        )
        throw OnnxRuntimeError(code(detail), "\(context()): \(detail.message)", underlying: detail)
    }

    /// Throws an error with a fixed `code` if `status` reports a failure, releasing it.
    func check(
        _ status: OpaquePointer?,
        _ context: @autoclosure () -> String,
        code: OnnxRuntimeError.Code = .runtimeFailure
    ) throws(OnnxRuntimeError) {
        try check(status, context(), code: { _ in code })
    }
}
