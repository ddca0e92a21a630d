import ViewfinderCore

extension ImageTensor {
    /// Builds a CHW tensor from interleaved 8-bit RGB rows: `(v / 255 - mean[c]) / std[c]`.
    ///
    /// The caller guarantees `pixels.count == 3 * side * side` and three-entry `mean`/`std`.
    init(normalisingRGB pixels: [UInt8], side: Int, mean: [Float], std: [Float]) {
        let planeSize = side * side
        // 256-entry lookup per channel: same arithmetic as the formula, done once per value.
        let tables = (0..<3).map { channel in
            (0..<256).map { value in (Float(value) / 255 - mean[channel]) / std[channel] }
        }
        let values = [Float](unsafeUninitializedCapacity: 3 * planeSize) { buffer, count in
            pixels.withUnsafeBufferPointer { source in
                for channel in 0..<3 {
                    let table = tables[channel]
                    let plane = channel * planeSize
                    for index in 0..<planeSize {
                        buffer[plane + index] = table[Int(source[3 * index + channel])]
                    }
                }
            }
            count = 3 * planeSize
        }
        self.init(size: side, values: values)
    }
}
