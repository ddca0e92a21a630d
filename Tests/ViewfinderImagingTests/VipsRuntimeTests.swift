import CJPEG
import Foundation
import NIOConcurrencyHelpers
import Testing
import ViewfinderCore
import ViewfinderImaging

@Suite("VipsRuntime")
struct VipsRuntimeTests {
    @Test("creating several runtimes is harmless")
    func repeatedInitialisation() async throws {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { _ = try? VipsRuntime() }
            }
        }
        let runtime = try VipsRuntime(configuration: .init(threadsPerOperation: 1))
        #expect(runtime.configuration.threadsPerOperation == 1)
    }

    @Test("libvips warnings reach the Swift log handler")
    func logHandler() async throws {
        let messages = NIOLockedValueBox<[VipsLogMessage]>([])
        try await ImagingFixture.with { fixture in
            let runtime = try VipsRuntime { message in messages.withLockedValue { $0.append(message) } }
            let good = try await fixture.write(try Pictures.asymmetric(width: 800, height: 600), as: "whole.jpg")
            let bytes = try Data(contentsOf: good)
            let file = try fixture.writeBytes(bytes.prefix(bytes.count / 2), as: "half.jpg")
            let lenient = VipsImageDecoder(
                runtime: runtime, threadPool: fixture.pool, configuration: ImagingConfiguration(rejectTruncated: false)
            )
            _ = try await lenient.decode(file, for: ImagingFixture.clip)
            withExtendedLifetime(runtime) {}
        }
        let received = messages.withLockedValue { $0 }
        #expect(received.contains { $0.level == .warning && $0.domain == "VIPS" }, "\(received)")
    }

    @Test("glibc accepts the decode-memory settings, and refuses nonsense")
    func retainedFreeMemorySettings() {
        // What every runtime applies by default (the same process-wide values, so harmless to repeat here).
        #expect(VipsRuntime.Configuration().retainedFreeMemory == 128 << 20)
        #expect(cjpeg_retain_freed_memory(128 << 20) == 0)
        #expect(cjpeg_retain_freed_memory(0) == -1)
        #expect(cjpeg_retain_freed_memory(Int64(Int32.max) + 1) == -1)
    }
}
