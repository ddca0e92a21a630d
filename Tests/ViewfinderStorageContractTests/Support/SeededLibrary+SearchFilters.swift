import Foundation
import ViewfinderCore

extension SeededLibrary {
    /// The search fields every backend must agree on (years, paths, exposure, distance, media).
    ///
    /// The bool says whether the seeded library has matches, so a translation that matches nothing fails.
    var searchFilters: [(String, PhotoFilter, Bool)] {
        [
            ("years 2020|2022", PhotoFilter(years: [2020, 2022]), true),
            ("months and days", PhotoFilter(months: [1, 2, 3, 12], days: [1, 5, 10, 15, 20, 25, 28]), true),
            ("folder", PhotoFilter(folders: ["FOLDER1"]), true),
            ("folder alternatives and wildcard", PhotoFilter(folders: ["f*3", "folder4/"]), true),
            ("folder is not a prefix", PhotoFilter(folders: ["folder"]), false),
            ("name", PhotoFilter(names: ["photo-1*.jpg"]), true),
            // `_` and `%` are literal: a translation that leaves them as LIKE wildcards would match "photo-1…".
            ("name with literal wildcards", PhotoFilter(names: ["photo_1*", "photo%"]), false),
            ("camera alternatives", PhotoFilter(camera: "canon|fuji"), true),
            ("lens", PhotoFilter(lens: "LENS 2"), true),
            ("iso range", PhotoFilter(iso: 200...400), true),
            ("aperture and focal length", PhotoFilter(fNumber: 2.8...4, focalLength: 30...40), true),
            ("focal length outside", PhotoFilter(focalLength: 50...70), false),
            ("within 3000 km", PhotoFilter(near: GeoCircle(latitude: 10, longitude: 20, radiusKilometres: 3000)), true),
            ("image family", PhotoFilter(mediaTypes: ["image/"]), true),
            ("png", PhotoFilter(mediaTypes: ["image/png"]), false),
            ("portrait", PhotoFilter(shape: .portrait), false),
            ("landscape with 12.5 MP", PhotoFilter(shape: .landscape, minimumMegapixels: 12.5), true),
            ("combined search fields",
             PhotoFilter(camera: "apple|nikon", years: [2021, 2022], folders: ["folder2", "folder3"], iso: 100...600), true),
        ]
    }
}
