import Testing
import ViewfinderApp
import ViewfinderCore

/// Library roots, scan rules and the CLIP switches, from each configuration layer.
struct IndexingSettingsTests {
    @Test func defaultsIndexNothingAndEmbedOnEveryRun() throws {
        let settings = try IndexingSettings(sources: ConfigurationSources())
        #expect(settings.libraryRoots.isEmpty)
        #expect(settings.clipRun == .onIndex)
        #expect(settings.clipEnabled)
        #expect(settings.embeds)
        #expect(settings.missingGracePeriod == .seconds(30 * 86_400))
        #expect(!settings.followSymlinks)
    }

    @Test func listsDurationsAndSwitchesAreRead() throws {
        let settings = try IndexingSettings(
            sources: ConfigurationSources(
                environment: ["VIEWFINDER_LIBRARY": "/photos/a, /photos/b/", "VIEWFINDER_MISSING_GRACE": "12h"],
                file: ["ignore": "*.tmp\n@eaDir/", "clip_run": "never", "index_interval": "30m", "follow_symlinks": "yes"]))
        #expect(settings.libraryRoots == ["/photos/a", "/photos/b"])
        #expect(settings.ignore == ["*.tmp", "@eaDir/"])
        #expect(settings.missingGracePeriod == .seconds(12 * 3600))
        #expect(settings.interval == .seconds(1800))
        #expect(settings.followSymlinks)
        #expect(settings.clipRun == .never)
        #expect(!settings.embeds)
        let disabled = try IndexingSettings(sources: ConfigurationSources(flags: ["clip-enabled": "false"]))
        #expect(!disabled.embeds)
    }

    @Test func badValuesNameTheSetting() {
        #expect(throws: ViewfinderError.self) {
            _ = try IndexingSettings(sources: ConfigurationSources(flags: ["clip-run": "sometimes"]))
        }
        #expect(throws: ViewfinderError.self) {
            _ = try IndexingSettings(sources: ConfigurationSources(flags: ["missing-grace": "soon"]))
        }
    }
}
