import Foundation
import ViewfinderCore

/// Files held in memory: path → (bytes, mtime).
actor FakeFileSystem: LibraryFileSystem {
    let root = "/library"
    private var files: [String: (content: String, modifiedAt: Date)] = [:]
    private(set) var hashCalls = 0

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
        return "hash-\(content)"
    }

    func content(of path: String) -> String? { files[path]?.content }
}

/// Decodes a fake file whose content is a colour name into a 1×1 "tensor" of that colour.
struct FakeDecoder: ImageDecoding {
    let fileSystem: FakeFileSystem

    func decode(_ file: URL, for spec: PreprocessSpec) async throws(ViewfinderError) -> DecodedImage {
        let path = String(file.path.dropFirst("/library/".count))
        let colours: [String: [Float]] = ["red": [1, 0, 0], "green": [0, 1, 0], "blue": [0, 0, 1]]
        guard let content = await fileSystem.content(of: path), let rgb = colours[content] else {
            throw ViewfinderError(.decodeFailed, "\(path): not an image")
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
