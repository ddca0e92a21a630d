internal import CVips

extension VipsImageHandle {
    /// The names of every header field (EXIF entries, metadata blobs, loader facts).
    var fieldNames: [String] {
        guard let names = cvips_image_field_names(pointer) else { return [] }
        defer { g_strfreev(names) }
        var result: [String] = []
        var index = 0
        while let name = names[index] {
            result.append(String(cString: name))
            index += 1
        }
        return result
    }

    /// A string-valued header field, or nil when absent.
    func string(_ name: String) -> String? {
        // Checking the type first keeps "field not found" out of the shared error buffer.
        guard vips_image_get_typeof(pointer, name) != 0 else { return nil }
        var value: UnsafePointer<CChar>?
        guard vips_image_get_string(pointer, name, &value) == 0, let value else {
            _ = VipsErrorBuffer.take()
            return nil
        }
        return String(cString: value)
    }

    /// A binary header field (e.g. `xmp-data`), copied out, or nil when absent.
    func blob(_ name: String) -> [UInt8]? {
        guard vips_image_get_typeof(pointer, name) != 0 else { return nil }
        var data: UnsafeRawPointer?
        var length = 0
        guard vips_image_get_blob(pointer, name, &data, &length) == 0, let data else {
            _ = VipsErrorBuffer.take()
            return nil
        }
        return Array(UnsafeRawBufferPointer(start: data, count: length))
    }
}
