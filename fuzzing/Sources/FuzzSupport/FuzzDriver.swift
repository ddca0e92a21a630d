import Foundation

@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Hands control to libFuzzer with the process arguments and exits with its status.
///
/// SwiftPM links an executable's `main` to the module's top-level code, so libFuzzer's own `main` never runs;
/// `LLVMFuzzerRunDriver` is its documented entry point for programs that keep their `main`.
public func runFuzzer(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(llvmFuzzerRunDriver(&argc, &argv, body))
}

/// The input as a byte array (empty for a null pointer).
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Arbitrary Unicode from bytes: three bytes per scalar, folded into the scalar range (surrogates skipped).
public func unicodeScalars(_ bytes: ArraySlice<UInt8>) -> String {
    var text = String.UnicodeScalarView()
    var index = bytes.startIndex
    while index + 2 < bytes.endIndex {
        let value = (UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])) % 0x11_0000
        if let scalar = Unicode.Scalar(value) { text.append(scalar) }
        index += 3
    }
    return String(text)
}

/// The repository's `Tests/Fixtures` folder (the fuzzers live in `fuzzing/` beside it).
public let fixturesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures")

/// libFuzzer's runtime refers to this symbol even when it is driven through `LLVMFuzzerRunDriver`; the callback
/// passed to ``runFuzzer(_:)`` is what runs, so this one is never called.
@_cdecl("LLVMFuzzerTestOneInput")
public func llvmFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { 0 }
