import ArgumentParser
import Foundation
import ViewfinderApp
import ViewfinderCore
import ViewfinderServices

/// `viewfinder inspect FILE`: everything Viewfinder reads from one file, without touching the catalog.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what Viewfinder reads from a file: format, size, hash, metadata and any error.",
        discussion: """
            Reads the file's type from its content, its SHA-256, its header (size after EXIF \
            orientation) and its EXIF, XMP and IPTC metadata, and tries a decode. Nothing is written. \
            Exits with status 1 when anything failed; the report is printed either way.
            """)

    @Argument(help: "The file to inspect.")
    var file: String

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let url = URL(fileURLWithPath: file).standardizedFileURL
        let inspection = try await global.withApplication { app in
            await (try app.fileInspector()).inspect(url)
        }
        let report = InspectionReport(inspection)
        if json {
            try Terminal.json(report, pretty: true)
        } else {
            print(report.text)
        }
        if !inspection.problems.isEmpty { throw ExitCode.failure }
    }
}
