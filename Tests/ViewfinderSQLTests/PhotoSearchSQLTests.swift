import Foundation
import Testing
import ViewfinderCore
import ViewfinderSQL

/// The shared search and order statements, per dialect (no database).
struct PhotoSearchSQLTests {
    @Test func placeholdersNumberAcrossTheWholeStatement() {
        let statement = PhotoSearchSQL(.postgres).photoIDs(
            matching: PhotoFilter(favorite: true), order: .newest, limit: 20, offset: 40)
        #expect(statement.sql(.postgres) == "SELECT photos.id FROM photos WHERE photos.index_status = 'indexed' AND "
            + "photos.favorite = $1 AND photos.archived = $2 ORDER BY (photos.taken_at IS NULL), photos.taken_at DESC, "
            + "photos.id DESC LIMIT $3 OFFSET $4")
        #expect(statement.values == [.bool(true), .bool(false), .integer(20), .integer(40)])
        #expect(statement.sql(.postgres, firstPlaceholder: 3).hasSuffix("LIMIT $5 OFFSET $6"))
        #expect(PhotoSearchSQL(.sqlite).photoIDs(matching: .everything, limit: -1).values == [.integer(0)])
    }

    @Test func nameOrderComparesBytes() {
        #expect(SearchOrder.name.orderingSQL(.postgres) == "photos.path COLLATE \"C\" ASC, photos.id ASC")
        #expect(SearchOrder.name.orderingSQL(.sqlite) == "photos.path ASC, photos.id ASC")
        #expect(SearchOrder.name.orderingSQL(.mariaDB) == "photos.path ASC, photos.id ASC")
        #expect(SearchOrder.added.orderingSQL(.sqlite) == "photos.added_at DESC, photos.id DESC")
        #expect(SearchOrder.oldest.orderingSQL(.mariaDB) == "(photos.taken_at IS NULL), photos.taken_at ASC, photos.id ASC")
    }

    @Test func countStopsAfterTheLimit() {
        let count = PhotoSearchSQL(.mariaDB).count(matching: .everything, upTo: 100)
        #expect(count.sql(.mariaDB) == "SELECT COUNT(*) FROM (SELECT 1 FROM photos WHERE photos.index_status = 'indexed' "
            + "LIMIT ?) AS matching")
        #expect(count.values == [.integer(101)])
    }

    @Test func keywordSearchNeedsTermsAndRanksBestFirst() {
        let search = PhotoSearchSQL(.sqlite)
        #expect(search.keywordMatches("!!", filter: .everything, limit: 5) == nil)
        #expect(search.keywordMatches("beach", filter: .everything, limit: 0) == nil)
        let sqlite = search.keywordMatches("Beach", filter: .everything, limit: 5)
        #expect(sqlite?.sql(.sqlite).contains("-bm25(photos_fts) AS relevance") == true)
        #expect(sqlite?.values == [.text("\"beach\""), .integer(5)])
        let postgres = PhotoSearchSQL(.postgres).keywordMatches("beach", filter: .everything, limit: 5)
        #expect(postgres?.sql(.postgres).contains("ORDER BY relevance DESC, photos.id LIMIT $3") == true)
        #expect(postgres?.values == [.text("beach"), .text("beach"), .integer(5)])
        let mariaDB = PhotoSearchSQL(.mariaDB).keywordMatches("beach sea", filter: .everything, limit: 5)
        #expect(mariaDB?.values == [.text("+beach +sea"), .text("+beach +sea"), .integer(5)])
    }

    @Test func interpolatedTextIsBoundNeverSpliced() {
        let hostile = "x'); DROP TABLE photos; --"
        let fragment: SQLFragment = "SELECT id FROM libraries WHERE root = \(hostile)"
        #expect(fragment.sql(.mariaDB) == "SELECT id FROM libraries WHERE root = ?")
        #expect(fragment.values == [.text(hostile)])
        #expect(LikePattern.text(.glob("a\\b*")) == "a\\\\b%")
    }
}
