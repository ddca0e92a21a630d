import Foundation
import Testing
import ViewfinderApp
import ViewfinderCore
import ViewfinderImaging

/// The imaging settings: pixel limit, truncated files, shrink-on-load and thumbnails, through every layer.
struct ImagingSettingsTests {
    @Test func defaultsSuitAPhotoLibrary() throws {
        let configuration = try ViewfinderConfiguration(sources: ConfigurationSources(flags: ["storage": "/srv/vf"]))
        let imaging = configuration.imaging
        #expect(imaging.decoding.maxPixels == 100_000_000)
        #expect(imaging.decoding.rejectTruncated)
        #expect(imaging.decoding.shrinkOnLoad == .fast)
        #expect(imaging.thumbnails == .lazy)
        #expect(imaging.thumbnailFormat == .jpeg)
    }

    @Test func flagsBeatEnvironmentBeatTheFile() throws {
        let configuration = try ViewfinderConfiguration(sources: ConfigurationSources(
            flags: ["max-pixels": "5000000"],
            environment: ["VIEWFINDER_MAX_PIXELS": "1", "VIEWFINDER_SHRINK_ON_LOAD": "off", "VIEWFINDER_THUMBNAILS": "index"],
            file: ["shrink_on_load": "balanced", "reject_truncated": "no", "thumbnail_format": "WebP"]))
        let imaging = configuration.imaging
        #expect(imaging.decoding.maxPixels == 5_000_000)
        #expect(imaging.decoding.shrinkOnLoad == .off)
        #expect(!imaging.decoding.rejectTruncated)
        #expect(imaging.thumbnails == .index)
        #expect(imaging.thumbnailFormat == .webp)
        #expect(try ImagingSettings(sources: ConfigurationSources(file: ["shrink_on_load": "false"])).decoding.shrinkOnLoad == .off)
        #expect(try ImagingSettings(sources: ConfigurationSources(file: ["shrink_on_load": "true"])).decoding.shrinkOnLoad == .fast)
    }

    @Test(arguments: [
        ("max_pixels", "0", "max-pixels"), ("max_pixels", "lots", "max-pixels"), ("reject_truncated", "maybe", "reject-truncated"),
        ("shrink_on_load", "huge", "shrink-on-load"), ("thumbnails", "never", "thumbnails"),
        ("thumbnail_format", "gif", "thumbnail-format"),
    ])
    func badValuesNameTheSetting(_ key: String, _ value: String, _ name: String) {
        #expect {
            _ = try ImagingSettings(sources: ConfigurationSources(file: [key: value]))
        } throws: { error in
            (error as? ViewfinderError)?.code == .configurationInvalid && (error as? ViewfinderError)?.message.contains(name) == true
        }
    }

    @Test func theYAMLFileKnowsTheNewKeys() throws {
        let names = Set(ConfigurationKey.all.map(\.yaml))
        #expect(names.isSuperset(of: ["max_pixels", "reject_truncated", "shrink_on_load", "thumbnails", "thumbnail_format"]))
    }
}
