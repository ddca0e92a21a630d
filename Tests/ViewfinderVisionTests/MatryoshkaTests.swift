import Foundation
import NIOPosix
import OnnxRuntime
import Testing
import ViewfinderCore
import ViewfinderTestSupport
import ViewfinderVision

/// Matryoshka truncation: the first `dims` components, renormalised, tagged with the truncated size.
struct MatryoshkaTests {
    @Test func dimsOutsideTheModelAreRejected() throws {
        let descriptor = try ClipModelDescriptor.load(folder: TestPaths.tinyModel)
        for dims in [0, -1, 65, 256] {
            #expect {
                _ = try descriptor.truncated(to: dims)
            } throws: { error in
                let error = error as? ViewfinderError
                return error?.code == .configurationInvalid && error?.message.contains("64") == true
            }
        }
        #expect(try descriptor.truncated(to: 16).dims == 16)
        #expect(try descriptor.truncated(to: 16).embeddingDims == 64)
        #expect(try descriptor.truncated(to: 64) == descriptor)
    }

    @Test func embeddersKeepTheNormalisedPrefix() async throws {
        let runtime = try OnnxRuntime(libraryPath: TestPaths.onnxRuntimeLibrary.path)
        let full = try ClipModelDescriptor.load(folder: TestPaths.tinyModel)
        let short = try full.truncated(to: 16)
        let texts = ["a photo of a red car", "blauer Himmel"]
        let fullText = try OnnxTextEmbedder(descriptor: full, runtime: runtime, options: SessionOptions(), threadPool: .singleton)
        let shortText = try OnnxTextEmbedder(descriptor: short, runtime: runtime, options: SessionOptions(), threadPool: .singleton)
        #expect(shortText.dims == 16)
        let fullVectors = try await fullText.embed(texts)
        let shortVectors = try await shortText.embed(texts)
        for (whole, prefix) in zip(fullVectors, shortVectors) {
            #expect(prefix.dims == 16)
            #expect(prefix.model == whole.model)
            let expected = VectorMath.normalized(Array(whole.vector.prefix(16)))
            #expect(zip(prefix.vector, expected).allSatisfy { abs($0 - $1) < 1e-6 })
            #expect(abs(VectorMath.dot(prefix.vector, prefix.vector) - 1) < 1e-5)
            // Different dims never compare.
            #expect(throws: ViewfinderError.self) { _ = try prefix.cosineSimilarity(to: whole) }
        }

        let shortImage = try OnnxImageEmbedder(
            descriptor: short, runtime: runtime, options: SessionOptions(), threadPool: .singleton)
        #expect(shortImage.dims == 16)
        let tensor = ImageTensor(size: 224, values: (0..<(3 * 224 * 224)).map { Float($0 % 255) / 255 })
        let image = try await shortImage.embed([tensor])
        #expect(image.first?.dims == 16)
        #expect(try image[0].cosineSimilarity(to: shortVectors[0]) <= 1.0001)
    }
}
