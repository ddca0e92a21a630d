internal import CVips

extension VipsRuntime {
    /// The release of the libvips library the process loaded, e.g. "8.14.1".
    public static var libraryVersion: String {
        String(cString: vips_version_string())
    }
}
