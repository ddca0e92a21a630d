#!/usr/bin/env python3
"""Writes broken and hostile files that an indexer must report without crashing or stalling.

    .vendor/venv/bin/python3 tools/samples/generate_hostile_corpus.py OUT_DIR

Every file is small (the decompression bomb is about 1 MB on disk). OUT_DIR/manifest.json lists
{"file", "expect", "reason"}: "expect" is "fail" (with a phrase the reported reason must contain),
"ok" for odd but valid pictures that must be indexed, "fail-unless-root" for the unreadable file
(root reads anything), and "skip" for entries that are not picture files (a folder link cycle).

    zero-byte.jpg         empty file
    truncated.jpg         the first 40% of a valid JPEG
    text.jpg              plain text named .jpg
    page.png              HTML named .png
    bomb.png              a valid 30000×30000 greyscale PNG (900 MP; refused from its header)
    huge-header.jpg       a JPEG header claiming 60000×60000 pixels, then nothing
    zero-width.png        a PNG header with width 0
    bad-crc.png           a PNG whose image data checksum is wrong
    garbage-exif.jpg      a valid JPEG whose EXIF segment is random bytes (must be indexed)
    png-named.jpg         a valid PNG named .jpg (must be indexed: the type comes from the content)
    tiny.png              a valid 1×1 PNG (must be indexed)
    unreadable.jpg        a valid JPEG with permissions 000
    self-loop.jpg         a symbolic link to itself
    ping.jpg / pong.jpg   two symbolic links pointing at each other
    dangling.jpg          a symbolic link to a missing file
    cycle/up              a symbolic link to the parent folder (never followed)
"""

import io
import json
import os
import random
import struct
import sys
import zlib

from PIL import Image


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bomb_png(path, side=30000):
    """A valid 8-bit greyscale PNG of side×side black pixels, compressed on the fly (about 1 MB)."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (side + 1)  # filter byte 0 + pixels
    chunks = []
    for _ in range(side):
        piece = compressor.compress(row)
        if piece:
            chunks.append(piece)
    chunks.append(compressor.flush())
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(png_chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)))
        out.write(png_chunk(b"IDAT", b"".join(chunks)))
        out.write(png_chunk(b"IEND", b""))


def photo(size=(1024, 768), seed=1):
    random.seed(seed)
    image = Image.new("RGB", size)
    pixels = image.load()
    for y in range(0, size[1], 4):
        for x in range(0, size[0], 4):
            colour = ((x * 255) // size[0], (y * 255) // size[1], random.randrange(256))
            for dy in range(4):
                for dx in range(4):
                    pixels[x + dx, y + dy] = colour
    return image


def jpeg_bytes(image, **options):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, **options)
    return buffer.getvalue()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = os.path.abspath(sys.argv[1])
    os.makedirs(os.path.join(out, "cycle"), exist_ok=True)
    manifest = []

    def write(name, data, expect, reason=None):
        with open(os.path.join(out, name), "wb") as handle:
            handle.write(data)
        manifest.append({"file": name, "expect": expect, "reason": reason})

    good = jpeg_bytes(photo())
    write("zero-byte.jpg", b"", "fail", "file is empty")
    write("truncated.jpg", good[: len(good) * 2 // 5], "fail", "truncated or corrupt")
    write("text.jpg", b"These are not the pixels you are looking for.\n" * 20, "fail", "not an image")
    write("page.png", b"<!doctype html><html><body><img src='x.png'></body></html>\n", "fail", "not an image")
    bomb_png(os.path.join(out, "bomb.png"))
    manifest.append({"file": "bomb.png", "expect": "fail", "reason": "more than the limit"})
    # SOI, then a baseline SOF0 frame header for 60000×60000 RGB, then the end of the file.
    sof = struct.pack(">HBHHB", 17, 8, 60000, 60000, 3) + bytes([1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])
    write("huge-header.jpg", b"\xff\xd8" + b"\xff\xc0" + sof, "fail", "truncated or corrupt")
    ihdr = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 0, 100, 8, 2, 0, 0, 0))
    write("zero-width.png", b"\x89PNG\r\n\x1a\n" + ihdr + png_chunk(b"IEND", b""), "fail", "truncated or corrupt")

    buffer = io.BytesIO()
    photo((320, 240), seed=2).save(buffer, "PNG")
    png = bytearray(buffer.getvalue())
    idat = png.find(b"IDAT")
    length = struct.unpack(">I", png[idat - 4:idat])[0]
    png[idat + 4 + length] ^= 0xFF  # flip the first byte of the IDAT checksum
    write("bad-crc.png", bytes(png), "fail", "truncated or corrupt")

    random.seed(3)
    junk = b"Exif\x00\x00" + bytes(random.randrange(256) for _ in range(600))
    write("garbage-exif.jpg", jpeg_bytes(photo((400, 300), seed=4), exif=junk), "ok")
    buffer = io.BytesIO()
    photo((300, 200), seed=5).save(buffer, "PNG")
    write("png-named.jpg", buffer.getvalue(), "ok")
    buffer = io.BytesIO()
    Image.new("RGB", (1, 1), (10, 200, 30)).save(buffer, "PNG")
    write("tiny.png", buffer.getvalue(), "ok")

    write("unreadable.jpg", good, "fail-unless-root", "permission denied")
    os.chmod(os.path.join(out, "unreadable.jpg"), 0)

    for name, target in [("self-loop.jpg", "self-loop.jpg"), ("ping.jpg", "pong.jpg"), ("pong.jpg", "ping.jpg"),
                         ("dangling.jpg", "missing-target.jpg"), ("cycle/up", "..")]:
        path = os.path.join(out, name)
        if os.path.lexists(path):
            os.remove(path)
        os.symlink(target, path)
    for name in ["self-loop.jpg", "ping.jpg", "pong.jpg"]:
        manifest.append({"file": name, "expect": "fail", "reason": "symbolic link loop"})
    manifest.append({"file": "dangling.jpg", "expect": "fail", "reason": "broken symbolic link"})
    manifest.append({"file": "cycle/up", "expect": "skip", "reason": None})

    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=1)
    print(f"{len(manifest)} hostile entries in {out}")


if __name__ == "__main__":
    main()
