internal import CVips

/// Reads libvips' process-global error buffer.
enum VipsErrorBuffer {
    /// Returns the buffered error text and clears the buffer.
    ///
    /// `vips_error_buffer_copy` copies and clears under libvips' own global lock,
    /// so concurrent failures cannot interleave a read with a clear. The text may
    /// still contain lines another thread appended just before; callers only use
    /// it as a human-readable reason, never to decide control flow on its own.
    static func take() -> String {
        guard let copy = vips_error_buffer_copy() else { return "" }
        defer { g_free(copy) }
        var text = Substring(String(cString: copy))
        while let last = text.last, last.isWhitespace {
            text.removeLast()
        }
        return String(text)
    }
}
