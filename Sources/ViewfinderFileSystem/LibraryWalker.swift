import Foundation
import ViewfinderCore

/// Walks one library root depth-first (blocking), applying the scan rules and `.viewfinderignore` files.
struct LibraryWalker {
    /// A folder's identity on disk, to notice a folder reached twice through links.
    private struct FolderID: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// The root being walked.
    let rootPath: String
    /// What to skip and follow.
    let rules: LibraryScanRules
    /// Extensions (lowercase) of picture files.
    let pictureExtensions: Set<String>
    /// Whether files are listed (a watcher only needs the folders).
    var listsFiles = true

    /// Files with a picture extension, in walk order.
    private(set) var pictures: [LibraryFile] = []
    /// Other files, in walk order.
    private(set) var unsupported: [LibraryFile] = []
    /// The folders entered, in walk order (the root or start folder first).
    private(set) var folders: [WalkedFolder] = []
    private var visited: Set<FolderID> = []

    /// Creates a walker of `rootPath` (an absolute, standardised path).
    init(rootPath: String, rules: LibraryScanRules, pictureExtensions: Set<String>) {
        self.rootPath = rootPath
        self.rules = rules
        self.pictureExtensions = pictureExtensions
    }

    /// Walks the whole root.
    mutating func walk() {
        var status = stat()
        if stat(rootPath, &status) == 0 { visited.insert(Self.folderID(status)) }
        walk(folder: rootPath, relative: "", ignores: Self.rootIgnores(rules))
    }

    /// Walks one folder below the root (one that appeared after the root was walked); `ignores` are the
    /// patterns in force in its parent, and the caller has already checked that they do not exclude it.
    mutating func walk(subfolder relative: String, ignores: [IgnorePatterns]) {
        let path = rootPath + "/" + relative
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return }
        guard visited.insert(Self.folderID(status)).inserted else { return }
        walk(folder: path, relative: relative, ignores: ignores)
    }

    private mutating func walk(folder: String, relative: String, ignores: [IgnorePatterns]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        var ignores = ignores
        let ignoreFile = folder + "/" + LibraryScanRules.ignoreFileName
        if let text = try? String(contentsOfFile: ignoreFile, encoding: .utf8) {
            let local = IgnorePatterns(base: relative, lines: text.components(separatedBy: .newlines))
            if !local.isEmpty { ignores.append(local) }
        }
        folders.append(WalkedFolder(path: folder, relative: relative, ignores: ignores))
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var link = stat()
            guard lstat(path, &link) == 0 else { continue }
            let isLink = (link.st_mode & S_IFMT) == S_IFLNK
            var target = stat()
            let reachable = stat(path, &target) == 0
            let isFolder = reachable && (target.st_mode & S_IFMT) == S_IFDIR
            if ignores.contains(where: { $0.excludes(relativePath, isFolder: isFolder) }) { continue }
            if isFolder {
                guard !isLink || rules.followSymlinks else { continue }
                // A folder reached a second time (a link loop, or two links to one folder) is walked once.
                guard visited.insert(Self.folderID(target)).inserted else { continue }
                walk(folder: path, relative: relativePath, ignores: ignores)
                continue
            }
            guard listsFiles else { continue }
            if reachable {
                guard (target.st_mode & S_IFMT) == S_IFREG else { continue }
            }
            // An unreachable link (a loop, a dangling target) is listed with its own stat so reading it says why.
            let status = reachable ? target : link
            let file = LibraryFile(
                root: rootPath, relativePath: relativePath, size: Int64(status.st_size),
                modifiedAt: LocalLibraryFileSystem.modificationDate(status))
            let fileExtension = name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]) } ?? ""
            if pictureExtensions.contains(fileExtension.lowercased()) {
                pictures.append(file)
            } else {
                unsupported.append(file)
            }
        }
    }

    /// The configured patterns, as they apply at the root.
    static func rootIgnores(_ rules: LibraryScanRules) -> [IgnorePatterns] {
        let configured = IgnorePatterns(base: "", lines: rules.ignore)
        return configured.isEmpty ? [] : [configured]
    }

    private static func folderID(_ status: stat) -> FolderID {
        FolderID(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}

/// A folder a walk entered.
struct WalkedFolder: Sendable {
    /// Its absolute path (through links, when links are followed).
    let path: String
    /// Its path relative to the root ("" for the root).
    let relative: String
    /// The ignore patterns in force inside it (the configured ones and every `.viewfinderignore` down to it).
    let ignores: [IgnorePatterns]
}
