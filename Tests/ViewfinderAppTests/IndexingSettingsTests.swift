import Testing
import ViewfinderApp
import ViewfinderCore
import ViewfinderHTTP

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

    @Test func outageAndDatabaseWaitsAndTheSecureCookieAreConfigurable() throws {
        let defaults = try ViewfinderConfiguration(sources: ConfigurationSources(environment: ["HOME": "/home/u"]))
        #expect(defaults.indexing.storageOutageTolerance == .seconds(120))
        #expect(defaults.databaseWait == .seconds(120))
        let sources = ConfigurationSources(
            environment: ["HOME": "/home/u", "VIEWFINDER_DATABASE_WAIT": "30s", "VIEWFINDER_SECURE_COOKIE": "yes"],
            file: ["storage_outage_tolerance": "10m"])
        let configured = try ViewfinderConfiguration(sources: sources)
        #expect(configured.indexing.storageOutageTolerance == .seconds(600))
        #expect(configured.databaseWait == .seconds(30))
        #expect(try ServerSettings(sources: sources).http.auth.secureCookie)
        #expect(try !ServerSettings(sources: ConfigurationSources()).http.auth.secureCookie)
        #expect(throws: ViewfinderError.self) {
            _ = try ViewfinderConfiguration(sources: ConfigurationSources(flags: ["database-wait": "0s"]))
        }
        #expect(defaults.minScore == nil)
        #expect(try ViewfinderConfiguration(sources: ConfigurationSources(flags: ["min-score": "0.3"])).minScore == 0.3)
        #expect(throws: ViewfinderError.self) {
            _ = try ViewfinderConfiguration(sources: ConfigurationSources(flags: ["min-score": "2"]))
        }
        #expect(throws: ViewfinderError.self) {
            _ = try ServerSettings(sources: ConfigurationSources(flags: ["secure-cookie": "maybe"]))
        }
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
