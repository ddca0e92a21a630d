import Foundation
import Logging
public import ViewfinderCore
import ViewfinderFileSystem
import ViewfinderImaging
public import ViewfinderServices

extension ViewfinderApplication {
    /// The libvips runtime, created on first use and shared by every imaging component.
    func vipsRuntime() throws(ViewfinderError) -> VipsRuntime {
        let logger = self.logger
        return try vipsRuntimeCache.get { () throws(ViewfinderError) -> VipsRuntime in
            try VipsRuntime { message in
                logger.debug("libvips: \(message)")
            }
        }
    }

    /// Reads picture headers and metadata (EXIF, XMP, IPTC) without decoding pixels.
    public func metadataReader() throws(ViewfinderError) -> any MetadataReading {
        VipsMetadataReader(runtime: try vipsRuntime(), threadPool: decodePool)
    }

    /// The thumbnail cache under `<storage>/cache/thumbnails`.
    public func thumbnailStore() throws(ViewfinderError) -> any ThumbnailStore {
        VipsThumbnailStore(
            directory: configuration.storagePath.appendingPathComponent("cache/thumbnails"),
            format: configuration.imaging.thumbnailFormat, runtime: try vipsRuntime(), threadPool: decodePool,
            configuration: configuration.imaging.decoding)
    }

    /// Reads one file the way the indexer would, without a catalog or a model (`viewfinder inspect`).
    public func fileInspector() throws(ViewfinderError) -> FileInspectionService {
        FileInspectionService(
            fileSystem: LocalLibraryFileSystem(threadPool: decodePool), metadataReader: try metadataReader(),
            decoder: try imageDecoder())
    }
}
