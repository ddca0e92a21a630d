import Foundation
import ViewfinderCore

extension InotifyWatchLoop {
    /// Turns one kernel event into watch changes and reported changes.
    mutating func handle(_ event: InotifyEvent) throws(Failure) {
        if event.has(InotifyEvent.Mask.queueOverflow) {
            reportOverflow()
            // Folders created while events were lost have no watch yet; watching the trees again adds them
            // (folders already watched keep their watch).
            for root in roots {
                try watchTree(root: root, relative: "", ignores: LibraryWalker.rootIgnores(rules))
            }
            return
        }
        guard let folder = folders[event.watch] else { return }
        if event.has(InotifyEvent.Mask.ignored) {
            // The kernel dropped the watch: the folder was deleted or its file system unmounted.
            folders[event.watch] = nil
            return
        }
        if event.name.isEmpty {
            // Events on a watched folder itself; its parent reports them for every folder but a root.
            if folder.relative.isEmpty && event.has(InotifyEvent.Mask.deleteSelf | InotifyEvent.Mask.moveSelf) {
                report(.folderDeleted, root: folder.root, relativePath: "")
            }
            return
        }
        // Hidden files and folders are never scanned (a changed `.viewfinderignore` applies from the next start).
        guard !event.name.hasPrefix(".") else { return }
        let relative = folder.relative.isEmpty ? event.name : folder.relative + "/" + event.name
        let isFolder = event.has(InotifyEvent.Mask.isFolder) || isLinkToFolder(event, in: folder, relative: relative)
        if folder.ignores.contains(where: { $0.excludes(relative, isFolder: isFolder) }) { return }
        if isFolder {
            try handleFolder(event, in: folder, relative: relative)
        } else {
            handleFile(event, in: folder, relative: relative)
        }
    }

    private mutating func handleFolder(_ event: InotifyEvent, in folder: Folder, relative: String) throws(Failure) {
        if event.has(InotifyEvent.Mask.create) || event.has(InotifyEvent.Mask.movedTo) {
            // Files may already be inside (created before the watch, or moved in with the folder); the pass
            // this change triggers scans them.
            try watchTree(root: folder.root, relative: relative, ignores: folder.ignores)
            report(event.has(InotifyEvent.Mask.create) ? .folderCreated : .movedIn, root: folder.root, relativePath: relative)
        } else if event.has(InotifyEvent.Mask.movedFrom) {
            forgetTree(root: folder.root, relative: relative, unwatch: true)
            report(.movedOut, root: folder.root, relativePath: relative)
        } else if event.has(InotifyEvent.Mask.delete) {
            forgetTree(root: folder.root, relative: relative, unwatch: false)
            report(.folderDeleted, root: folder.root, relativePath: relative)
        }
    }

    private func handleFile(_ event: InotifyEvent, in folder: Folder, relative: String) {
        guard isPicture(event.name) else { return }
        let kind: LibraryChange.Kind
        if event.has(InotifyEvent.Mask.closeWrite) {
            kind = .written
        } else if event.has(InotifyEvent.Mask.movedTo) {
            kind = .movedIn
        } else if event.has(InotifyEvent.Mask.movedFrom) {
            kind = .movedOut
        } else if event.has(InotifyEvent.Mask.delete) {
            kind = .deleted
        } else if event.has(InotifyEvent.Mask.create) && isLink(folder: folder, relative: relative) {
            // A new link is complete when it appears (no close follows); a new regular file is reported when it
            // is closed after writing, not while it is still being copied.
            kind = .written
        } else {
            return
        }
        report(kind, root: folder.root, relativePath: relative)
    }

    /// Whether a created or moved-in entry that is not a folder itself is a link to one that the rules follow.
    private func isLinkToFolder(_ event: InotifyEvent, in folder: Folder, relative: String) -> Bool {
        guard rules.followSymlinks, event.has(InotifyEvent.Mask.create) || event.has(InotifyEvent.Mask.movedTo),
            isLink(folder: folder, relative: relative)
        else { return false }
        var target = stat()
        return stat(folder.root + "/" + relative, &target) == 0 && (target.st_mode & S_IFMT) == S_IFDIR
    }

    private func isLink(folder: Folder, relative: String) -> Bool {
        var link = stat()
        return lstat(folder.root + "/" + relative, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
    }
}
