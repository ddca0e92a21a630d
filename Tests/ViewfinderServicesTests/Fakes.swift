import Foundation
import ViewfinderCore

/// Files held in memory: path → (bytes, mtime).
actor FakeFileSystem: LibraryFileSystem {
    let root = "/library"
    private var files: [String: (content: String, modifiedAt: Date)] = [:]
    private(set) var hashCalls = 0
    /// How often each path was read whole (`read(_:)`).
    private(set) var reads: [String: Int] = [:]
    /// How often a URL-based fake (decoder, metadata reader) opened a file by its path instead.
    private(set) var pathLookups = 0
    private var changingWhileRead: Set<String> = []

    func put(_ path: String, _ content: String, modifiedAt: Date = Date(timeIntervalSince1970: 1_000)) {
        files[path] = (content, modifiedAt)
    }

    func remove(_ path: String) { files[path] = nil }

    func scan(root: String) -> LibraryScan {
        let entries = files.keys.sorted().map { path in
            LibraryFile(root: root, relativePath: path, size: Int64(files[path]?.content.utf8.count ?? 0),
                        modifiedAt: files[path]?.modifiedAt ?? Date())
        }
        return LibraryScan(
            pictures: entries.filter { $0.relativePath.hasSuffix(".jpg") },
            unsupported: entries.filter { !$0.relativePath.hasSuffix(".jpg") })
    }

    func contentHash(of file: LibraryFile) throws(ViewfinderError) -> String {
        hashCalls += 1
        guard let content = files[file.relativePath]?.content else {
            throw ViewfinderError(.notFound, "\(file.relativePath) vanished")
        }
        if changingWhileRead.remove(file.relativePath) != nil, let entry = files[file.relativePath] {
            // Someone writes to the file while the indexer reads it.
            files[file.relativePath] = (entry.content, entry.modifiedAt.addingTimeInterval(1))
        }
        return "hash-\(content)"
    }

    func read(_ file: LibraryFile) throws(ViewfinderError) -> FileContents {
        reads[file.relativePath, default: 0] += 1
        guard let content = files[file.relativePath]?.content else {
            throw ViewfinderError(.notFound, "\(file.relativePath) vanished")
        }
        if changingWhileRead.remove(file.relativePath) != nil, let entry = files[file.relativePath] {
            files[file.relativePath] = (entry.content, entry.modifiedAt.addingTimeInterval(1))
        }
        return FileContents(picture: PictureBytes(name: file.relativePath, bytes: Array(content.utf8)), contentHash: "hash-\(content)")
    }

    func currentState(of file: LibraryFile) throws(ViewfinderError) -> LibraryFile {
        guard let entry = files[file.relativePath] else { throw ViewfinderError(.notFound, "\(file.relativePath) vanished") }
        return LibraryFile(root: file.root, relativePath: file.relativePath, size: Int64(entry.content.utf8.count),
                           modifiedAt: entry.modifiedAt)
    }

    /// The next hash or read of `path` finds the file being written to (its size and time move).
    func changeWhileRead(_ path: String) { changingWhileRead.insert(path) }

    /// Looks a file up for the URL-based fakes (the inspector's path), counting it in `pathLookups`.
    func content(of path: String) -> String? {
        pathLookups += 1
        return files[path]?.content
    }
}

/// Decodes a fake file whose content is a colour name into a 1×1 "tensor" of that colour.
///
/// From a URL it looks the file up in `fileSystem` without counting a read (as the inspector's decode does);
/// from bytes it decodes what it is given.
struct FakeDecoder: ImageDecoding {
    let fileSystem: FakeFileSystem

    func decode(_ file: URL, for spec: PreprocessSpec) async throws(ViewfinderError) -> DecodedImage {
        let path = String(file.path.dropFirst("/library/".count))
        return try Self.image(path, await fileSystem.content(of: path))
    }

    func decode(_ picture: PictureBytes, for spec: PreprocessSpec) async throws(ViewfinderError) -> DecodedImage {
        try Self.image(picture.name, String(decoding: picture.bytes, as: UTF8.self))
    }

    private static func image(_ name: String, _ content: String?) throws(ViewfinderError) -> DecodedImage {
        let colours: [String: [Float]] = ["red": [1, 0, 0], "green": [0, 1, 0], "blue": [0, 0, 1]]
        guard let content, let rgb = colours[content] else {
            throw ViewfinderError(.decodeFailed, "\(name): not an image")
        }
        return DecodedImage(tensor: ImageTensor(size: 1, values: rgb), width: 10, height: 20)
    }
}

/// Embeds a 1×1 tensor as its normalised RGB, and counts how many pictures it embedded.
actor FakeImageEmbedder: ImageEmbedding {
    nonisolated let model: ModelID = "fake-rgb"
    nonisolated let dims = 3
    nonisolated let preprocessing = PreprocessSpec(imageSize: 1, mean: [0, 0, 0], std: [1, 1, 1])
    private(set) var embedded = 0

    func embed(_ images: [ImageTensor]) -> [Embedding] {
        embedded += images.count
        return images.map { Embedding(model: model, vector: $0.values).normalized() }
    }
}

/// Embeds colour words as RGB unit vectors.
struct FakeTextEmbedder: TextEmbedding {
    let model: ModelID = "fake-rgb"
    let dims = 3

    func embed(_ texts: [String]) -> [Embedding] {
        texts.map { text in
            let vector: [Float] = switch text {
            case "red": [1, 0, 0]
            case "green": [0, 1, 0]
            default: [0, 0, 1]
            }
            return Embedding(model: model, vector: vector)
        }
    }
}

/// Metadata for fake files: the colour name becomes the title; "nometa…" files have none, "badgps…" an impossible latitude.
struct FakeMetadataReader: MetadataReading {
    let fileSystem: FakeFileSystem

    func contentType(of file: URL) async throws(ViewfinderError) -> ContentType? {
        ContentType(mimeType: "image/jpeg", name: "JPEG")
    }

    func details(of file: URL) async throws(ViewfinderError) -> ImageFileDetails {
        let path = String(file.path.dropFirst("/library/".count))
        return try Self.details(path, await fileSystem.content(of: path))
    }

    func details(of picture: PictureBytes, modifiedAt: Date) async throws(ViewfinderError) -> ImageFileDetails {
        try Self.details(picture.name, String(decoding: picture.bytes, as: UTF8.self))
    }

    private static func details(_ path: String, _ content: String?) throws(ViewfinderError) -> ImageFileDetails {
        guard let content, !path.hasPrefix("nometa") else {
            throw ViewfinderError(.decodeFailed, "\(path): no metadata")
        }
        return ImageFileDetails(
            fileSize: Int64(content.utf8.count), modifiedAt: Date(timeIntervalSince1970: 1_000),
            contentType: ContentType(mimeType: "image/jpeg", name: "JPEG"), width: 10, height: 20, orientation: 6,
            metadata: PhotoMetadata(
                takenAtSource: .meta, cameraMake: "Fake", latitude: path.hasPrefix("badgps") ? 500 : nil, title: content,
                keywords: [content]),
            timeZoneOffset: 3_600)
    }
}

/// Records which thumbnails were made; the `failing` hashes cannot be made.
actor FakeThumbnailStore: ThumbnailStore {
    nonisolated let format = ThumbnailFormat.jpeg
    let failing: Set<String>
    private(set) var prepared: [String] = []

    init(failing: Set<String> = []) { self.failing = failing }

    func cachedThumbnail(for contentHash: String, size: ThumbnailSize) -> URL? {
        prepared.contains(contentHash) ? URL(fileURLWithPath: "/cache/\(contentHash)_\(size.rawValue).jpg") : nil
    }

    func thumbnail(for contentHash: String, size: ThumbnailSize, source: URL) throws(ViewfinderError) -> URL {
        try prepareThumbnails(for: contentHash, source: source)
        return URL(fileURLWithPath: "/cache/\(contentHash)_\(size.rawValue).jpg")
    }

    func prepareThumbnails(for contentHash: String, source: URL) throws(ViewfinderError) {
        guard !failing.contains(contentHash) else { throw ViewfinderError(.decodeFailed, "no thumbnail") }
        prepared.append(contentHash)
    }

    func prepareThumbnails(for contentHash: String, from picture: PictureBytes) throws(ViewfinderError) {
        try prepareThumbnails(for: contentHash, source: URL(fileURLWithPath: "/memory/\(picture.name)"))
    }
}
