#!/usr/bin/env python3
"""Writes pictures with known EXIF, GPS, XMP and IPTC metadata, for the metadata reading test.

    .vendor/venv/bin/python3 tools/samples/generate_metadata_corpus.py OUT_DIR

Pixels come from Pillow; the metadata is written by exiftool (Debian's libimage-exiftool-perl,
installed by scripts/bootstrap.sh), the tool photographers' software agrees with. Cases cover
negative GPS coordinates (south, west, below sea level), time-zone offsets (-03:30, +05:45,
+01:00 in XMP), a capture time without an offset, sub-second times, keywords with non-ASCII
letters and a comma, IPTC-only text, XMP-only metadata in PNG, TIFF and WebP, a rotated JPEG,
a camera model containing " (" and commas, and the file-name and modification-time fallbacks.

OUT_DIR/manifest.json lists {"file", "expected": {...}} where expected holds exactly what
Viewfinder must read: width/height after orientation, orientation, MIME type, camera fields,
GPS in signed decimal degrees, title, description, keywords, the wall-clock capture time,
the UTC capture time (capture times without an offset are read in a fixed UTC+09:00 zone,
"assumedZoneSeconds"), the stated offset in seconds and the date source (meta/name/file).
"""

import datetime as dt
import json
import os
import subprocess
import sys

from PIL import Image, ImageDraw

ASSUMED_ZONE_SECONDS = 9 * 3600
FILE_MTIME = dt.datetime(2020, 2, 2, 10, 20, 30, tzinfo=dt.timezone.utc)


def picture(path, size, colour, fmt=None, **options):
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, size[0] // 4, size[1] // 4), fill=(255, 255, 255))
    image.save(path, fmt, **options)


def exiftool(path, *arguments):
    result = subprocess.run(
        ["exiftool", "-q", "-q", "-overwrite_original", "-charset", "iptc=UTF8", *arguments, path],
        capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"exiftool failed on {path}: {result.stderr}")


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + (f".{moment.microsecond // 1000:03d}" if moment.microsecond else "")


def capture(local, offset_seconds, source="meta"):
    """Expected capture fields for a wall-clock time and a stated (or None) offset."""
    zone = offset_seconds if offset_seconds is not None else ASSUMED_ZONE_SECONDS
    utc = local - dt.timedelta(seconds=zone)
    return {"takenAtLocal": iso(local), "takenAt": iso(utc) + "Z", "offsetSeconds": offset_seconds, "source": source}


def empty_expectation(width, height, mime, orientation=1):
    return {
        "width": width, "height": height, "orientation": orientation, "mime": mime,
        "make": None, "model": None, "lens": None, "iso": None, "fNumber": None, "exposure": None,
        "focalLength": None, "latitude": None, "longitude": None, "altitude": None,
        "title": None, "description": None, "keywords": [],
    }


def cases(out):
    # 1. Everything in EXIF + XMP, south-west, below sea level, -03:30, rotated (stored 640×480, shown 480×640).
    path = os.path.join(out, "full-south-west.jpg")
    picture(path, (640, 480), (200, 30, 30), quality=90)
    exiftool(path, "-Orientation#=6", "-Make=Canon", "-Model=Canon EOS 70D", "-LensModel=EF-S 18-135mm f/3.5-5.6 IS STM",
             "-ISO=400", "-FNumber=2.8", "-ExposureTime=1/250", "-FocalLength=35",
             "-DateTimeOriginal=2021:06:01 12:34:56", "-SubSecTimeOriginal=120", "-OffsetTimeOriginal=-03:30",
             "-GPSLatitude=34.603722", "-GPSLatitudeRef=S", "-GPSLongitude=58.381592", "-GPSLongitudeRef=W",
             "-GPSAltitude=12.5", "-GPSAltitudeRef#=1",
             "-XMP-dc:Title=Grüße aus Buenos Aires", "-XMP-dc:Description=Ein Café am Río de la Plata",
             "-XMP-dc:Subject=Köln", "-XMP-dc:Subject=日本", "-XMP-dc:Subject=Paris, France", "-XMP-dc:Subject=plaza")
    expected = empty_expectation(480, 640, "image/jpeg", orientation=6)
    expected.update({
        "make": "Canon", "model": "Canon EOS 70D", "lens": "EF-S 18-135mm f/3.5-5.6 IS STM", "iso": 400,
        "fNumber": 2.8, "exposure": "1/250", "focalLength": 35.0,
        "latitude": -34.603722, "longitude": -58.381592, "altitude": -12.5,
        "title": "Grüße aus Buenos Aires", "description": "Ein Café am Río de la Plata",
        "keywords": ["Köln", "日本", "Paris", "France", "plaza"],
    })
    expected.update(capture(dt.datetime(2021, 6, 1, 12, 34, 56, 120000), -(3 * 3600 + 30 * 60)))
    yield "full-south-west.jpg", expected

    # 2. North-east, +05:45, IPTC-only text (UTF-8), a camera model with " (" and commas, long exposure.
    path = os.path.join(out, "iptc-north-east.jpg")
    picture(path, (800, 600), (30, 120, 200), quality=90)
    exiftool(path, "-Make=NIKON CORPORATION", "-Model=COOLPIX P1000 (Edition 2), black", "-ISO=6400",
             "-FNumber=5.6", "-ExposureTime=2.5", "-FocalLength=539",
             "-DateTimeOriginal=2019:11:05 06:07:08", "-OffsetTimeOriginal=+05:45",
             "-GPSLatitude=27.988056", "-GPSLatitudeRef=N", "-GPSLongitude=86.925278", "-GPSLongitudeRef=E",
             "-GPSAltitude=8848.86", "-GPSAltitudeRef#=0",
             "-IPTC:CodedCharacterSet=UTF8", "-IPTC:ObjectName=Sagarmāthā at dawn",
             "-IPTC:Caption-Abstract=Mount Everest seen from Kala Patthar", "-IPTC:Keywords=Nepal",
             "-IPTC:Keywords=Himālaya", "-IPTC:Keywords=mountain")
    expected = empty_expectation(800, 600, "image/jpeg")
    expected.update({
        "make": "NIKON CORPORATION", "model": "COOLPIX P1000 (Edition 2), black", "iso": 6400, "fNumber": 5.6,
        "exposure": "2.5", "focalLength": 539.0, "latitude": 27.988056, "longitude": 86.925278, "altitude": 8848.86,
        "title": "Sagarmāthā at dawn", "description": "Mount Everest seen from Kala Patthar",
        "keywords": ["Nepal", "Himālaya", "mountain"],
    })
    expected.update(capture(dt.datetime(2019, 11, 5, 6, 7, 8), 5 * 3600 + 45 * 60))
    yield "iptc-north-east.jpg", expected

    # 3. A capture time without an offset: read in the assumed zone.
    path = os.path.join(out, "no-offset.jpg")
    picture(path, (320, 240), (90, 200, 90), quality=90)
    exiftool(path, "-Make=Apple", "-Model=iPhone 12", "-DateTimeOriginal=2022:03:27 01:30:00", "-ExposureTime=1/3")
    expected = empty_expectation(320, 240, "image/jpeg")
    expected.update({"make": "Apple", "model": "iPhone 12", "exposure": "1/3"})
    expected.update(capture(dt.datetime(2022, 3, 27, 1, 30, 0), None))
    yield "no-offset.jpg", expected

    # 4. No metadata date: the file name's.
    name = "IMG_20190317_084512.jpg"
    path = os.path.join(out, name)
    picture(path, (300, 200), (10, 10, 10), quality=90)
    exiftool(path, "-Make=Google")
    expected = empty_expectation(300, 200, "image/jpeg")
    expected.update({"make": "Google"})
    expected.update(capture(dt.datetime(2019, 3, 17, 8, 45, 12), None, source="name"))
    yield name, expected

    # 5. No date at all: the modification time. The extension lies: it is a JPEG named .png.
    name = "plain-jpeg-named.png"
    path = os.path.join(out, name)
    picture(path, (256, 256), (250, 250, 0), fmt="JPEG", quality=90)
    expected = empty_expectation(256, 256, "image/jpeg")
    utc = FILE_MTIME.replace(tzinfo=None)
    expected.update({"takenAtLocal": iso(utc + dt.timedelta(seconds=ASSUMED_ZONE_SECONDS)), "takenAt": iso(utc) + "Z",
                     "offsetSeconds": None, "source": "file"})
    yield name, expected

    # 6. PNG with XMP only: title, description, keywords, a date with offset and XMP GPS (south-east).
    path = os.path.join(out, "xmp-only.png")
    picture(path, (500, 375), (120, 60, 180))
    exiftool(path, "-XMP-dc:Title=Hafen von Sydney", "-XMP-dc:Description=Oper & Brücke <bei Nacht>",
             "-XMP-dc:Subject=Australien", "-XMP-dc:Subject=Ωμέγα",
             "-XMP-exif:DateTimeOriginal=2020:12:24 18:30:15+11:00",
             "-XMP-exif:GPSLatitude=-33.856784",
             "-XMP-exif:GPSLongitude=151.215297")
    expected = empty_expectation(500, 375, "image/png")
    expected.update({
        "title": "Hafen von Sydney", "description": "Oper & Brücke <bei Nacht>", "keywords": ["Australien", "Ωμέγα"],
        "latitude": -33.856784, "longitude": 151.215297,
    })
    expected.update(capture(dt.datetime(2020, 12, 24, 18, 30, 15), 11 * 3600))
    yield "xmp-only.png", expected

    # 7. WebP with EXIF and XMP, west of Greenwich in the north, offset +00:00.
    path = os.path.join(out, "exif.webp")
    picture(path, (400, 300), (0, 160, 160), quality=90)
    exiftool(path, "-Make=FUJIFILM", "-Model=X-T3", "-ISO=160", "-FNumber=8", "-ExposureTime=1/1000",
             "-FocalLength=23", "-DateTimeOriginal=2018:07:14 15:16:17", "-OffsetTimeOriginal=+00:00",
             "-GPSLatitude=51.477928", "-GPSLatitudeRef=N", "-GPSLongitude=0.001545", "-GPSLongitudeRef=W",
             "-XMP-dc:Title=Greenwich", "-XMP-dc:Subject=meridian")
    expected = empty_expectation(400, 300, "image/webp")
    expected.update({
        "make": "FUJIFILM", "model": "X-T3", "iso": 160, "fNumber": 8.0, "exposure": "1/1000", "focalLength": 23.0,
        "latitude": 51.477928, "longitude": -0.001545, "title": "Greenwich", "keywords": ["meridian"],
    })
    expected.update(capture(dt.datetime(2018, 7, 14, 15, 16, 17), 0))
    yield "exif.webp", expected

    # 8. TIFF with XMP metadata.
    path = os.path.join(out, "xmp.tif")
    picture(path, (200, 150), (40, 40, 200))
    exiftool(path, "-XMP-dc:Title=Scan", "-XMP-dc:Subject=archive", "-XMP-photoshop:DateCreated=1987-05-06T07:08:09-07:00")
    expected = empty_expectation(200, 150, "image/tiff")
    expected.update({"title": "Scan", "keywords": ["archive"]})
    expected.update(capture(dt.datetime(1987, 5, 6, 7, 8, 9), -7 * 3600))
    yield "xmp.tif", expected


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = os.path.abspath(sys.argv[1])
    os.makedirs(out, exist_ok=True)
    manifest = []
    for name, expected in cases(out):
        path = os.path.join(out, name)
        os.utime(path, (FILE_MTIME.timestamp(), FILE_MTIME.timestamp()))
        manifest.append({"file": name, "expected": expected})
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as handle:
        json.dump({"assumedZoneSeconds": ASSUMED_ZONE_SECONDS, "pictures": manifest}, handle, indent=1,
                  ensure_ascii=False)
    print(f"{len(manifest)} pictures with metadata in {out}")


if __name__ == "__main__":
    main()
