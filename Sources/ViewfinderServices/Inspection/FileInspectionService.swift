public import struct Foundation.URL
public import ViewfinderCore

/// Reads one file the way the indexer would — type, hash, header, metadata, a trial decode — without any catalog.
public struct FileInspectionService: Sendable {
    let fileSystem: any LibraryFileSystem
    let metadataReader: any MetadataReading
    let decoder: any ImageDecoding

    /// The model input used for the trial decode: OpenAI CLIP's 224 pixels (any model's would do).
    static let trialSpec = PreprocessSpec(
        imageSize: 224, mean: [0.48145466, 0.4578275, 0.40821073], std: [0.26862954, 0.26130258, 0.27577711])

    /// Creates an inspector from its collaborators.
    public init(fileSystem: any LibraryFileSystem, metadataReader: any MetadataReading, decoder: any ImageDecoding) {
        self.fileSystem = fileSystem
        self.metadataReader = metadataReader
        self.decoder = decoder
    }

    /// Inspects `file`; problems are recorded in the result, never thrown.
    public func inspect(_ file: URL) async -> FileInspection {
        var inspection = FileInspection(file: file)
        do {
            inspection.contentType = try await metadataReader.contentType(of: file)
        } catch {
            inspection.problems.append(.init(step: "read", message: error.message))
            return inspection
        }
        let folder = file.deletingLastPathComponent().path
        let entry = LibraryFile(root: folder, relativePath: file.lastPathComponent, size: 0, modifiedAt: .distantPast)
        inspection.state = try? await fileSystem.currentState(of: entry)
        do {
            inspection.contentHash = try await fileSystem.contentHash(of: entry)
        } catch {
            inspection.problems.append(.init(step: "hash", message: error.message))
        }
        do {
            inspection.details = try await metadataReader.details(of: file)
        } catch {
            inspection.problems.append(.init(step: "metadata", message: error.message))
        }
        do {
            _ = try await decoder.decode(file, for: Self.trialSpec)
            inspection.decodes = true
        } catch {
            // The header failure already says why; repeating it as a decode failure adds nothing.
            if inspection.problems.last?.message != error.message {
                inspection.problems.append(.init(step: "decode", message: error.message))
            }
        }
        return inspection
    }
}
