import Foundation
import Testing
import ViewfinderCore
import ViewfinderServices

/// `viewfinder inspect`'s service, with every side effect faked.
struct FileInspectionServiceTests {
    @Test func aGoodFileHasEverythingAndNoProblems() async {
        let files = FakeFileSystem()
        await files.put("a.jpg", "red")
        let inspector = FileInspectionService(
            fileSystem: files, metadataReader: FakeMetadataReader(fileSystem: files), decoder: FakeDecoder(fileSystem: files))
        let inspection = await inspector.inspect(URL(fileURLWithPath: "/library/a.jpg"))
        #expect(inspection.contentType?.mimeType == "image/jpeg")
        #expect(inspection.contentHash == "hash-red")
        #expect(inspection.state?.size == 3)
        #expect(inspection.details?.metadata.title == "red")
        #expect(inspection.decodes)
        #expect(inspection.problems.isEmpty)
    }

    @Test func everyFailingStepIsRecordedInOrder() async {
        let files = FakeFileSystem()
        await files.put("nometa.jpg", "garbage")
        let inspector = FileInspectionService(
            fileSystem: files, metadataReader: FakeMetadataReader(fileSystem: files), decoder: FakeDecoder(fileSystem: files))
        let inspection = await inspector.inspect(URL(fileURLWithPath: "/library/nometa.jpg"))
        #expect(inspection.contentHash == "hash-garbage")
        #expect(!inspection.decodes)
        #expect(inspection.problems == [
            .init(step: "metadata", message: "nometa.jpg: no metadata"), .init(step: "decode", message: "nometa.jpg: not an image"),
        ])
    }

    @Test func anUnhashableFileStillGetsItsOtherChecks() async {
        let files = FakeFileSystem()
        let inspector = FileInspectionService(
            fileSystem: files, metadataReader: FakeMetadataReader(fileSystem: files), decoder: FakeDecoder(fileSystem: files))
        let inspection = await inspector.inspect(URL(fileURLWithPath: "/library/gone.jpg"))
        #expect(inspection.contentHash == nil)
        #expect(inspection.problems.map(\.step) == ["hash", "metadata", "decode"])
    }
}
