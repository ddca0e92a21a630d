import Tokenizers
import Foundation
import Testing
import ViewfinderCore
import ViewfinderVision

/// The built-in catalogue is complete and self-consistent.
struct ModelCatalogueTests {
    private let catalogue = ModelCatalogue.standard

    @Test func coversTheSeedTable() {
        #expect(catalogue.entries.map(\.name.rawValue) == [
            "uform3-image-text-multilingual-base", "uform3-image-text-english-small", "uform3-image-text-english-base",
            "uform3-image-text-english-large", "ViT-B-32__openai", "ViT-L-14__openai", "ViT-B-16-SigLIP__webli",
            "ViT-L-16-SigLIP-256__webli",
        ])
    }

    @Test func theDefaultIsTheMultilingualUForm3() throws {
        let entry = try #require(catalogue.entry(named: ModelCatalogue.defaultModel))
        #expect(entry.name == "uform3-image-text-multilingual-base")
        #expect(entry.repository == "unum-cloud/uform3-image-text-multilingual-base")
        #expect(entry.embeddingDims == 256)
        #expect(entry.contextLength == 50)
        #expect(entry.tokenizer == .unigram)
        #expect(entry.layout == .uform)
        #expect(entry.languages.count == 21)
    }

    /// The values and their sources are in docs/search.md "Default thresholds"; a change must update both.
    @Test func everyEntryHasADocumentedDefaultThreshold() {
        let expected: [String: Float] = [
            "uform3-image-text-multilingual-base": 0.26, "uform3-image-text-english-small": 0.26,
            "uform3-image-text-english-base": 0.26, "uform3-image-text-english-large": 0.26,
            "ViT-B-32__openai": 0.28, "ViT-L-14__openai": 0.28, "ViT-B-16-SigLIP__webli": 0.1,
            "ViT-L-16-SigLIP-256__webli": 0.1,
        ]
        for entry in catalogue.entries {
            #expect(entry.defaultSimilarityThreshold == expected[entry.name.rawValue], "\(entry.name)")
            // A borrowed value must say so: only ViT-B/32's comes from a measurement of that model.
            if entry.name != "ViT-B-32__openai" {
                #expect(entry.unverified.contains { $0.hasPrefix("similarity threshold") }, "\(entry.name)")
            }
        }
    }

    @Test func everyEntryIsConsistent() {
        for entry in catalogue.entries {
            let paths = entry.files.map(\.path)
            #expect(Set(entry.layout.requiredFiles).isSubset(of: paths), "\(entry.name) lacks required files")
            #expect(ModelStore.isValidName(entry.name.rawValue))
            #expect(entry.repository.split(separator: "/").count == 2)
            #expect(entry.mean.count == 3 && entry.std.count == 3 && entry.std.allSatisfy { $0 > 0 })
            #expect(entry.imageSize >= 224 && entry.contextLength > 2 && entry.embeddingDims > 0)
            #expect(entry.matryoshkaDims.allSatisfy { $0 <= entry.embeddingDims })
            #expect(!entry.licence.isEmpty && !entry.languages.isEmpty)
            #expect(entry.files.allSatisfy { $0.sha256 == nil || $0.sha256?.count == 64 })
            switch entry.layout {
            case .uform: #expect(entry.textCleaning == TextCleaning.none)
            case .openclip: #expect(entry.textCleaning != TextCleaning.none)
            }
        }
        #expect(Set(catalogue.entries.map(\.name)).count == catalogue.entries.count)
    }

    @Test func englishUFormModelsUseWordPieceAndOpenCLIPUsesBPE() throws {
        for name in ["uform3-image-text-english-small", "uform3-image-text-english-base", "uform3-image-text-english-large"] {
            #expect(try #require(catalogue.entry(named: ModelID(name))).tokenizer == .wordPiece)
        }
        #expect(try #require(catalogue.entry(named: "ViT-B-32__openai")).tokenizer == .byteLevelBPE)
        #expect(try #require(catalogue.entry(named: "ViT-L-16-SigLIP-256__webli")).imageSize == 256)
        #expect(try #require(catalogue.entry(named: "ViT-L-16-SigLIP-256__webli")).resizeMode == .squash)
    }

    @Test func unknownNamesListTheCatalogue() {
        #expect {
            _ = try catalogue.requireEntry(named: "clip-9000")
        } throws: { error in
            let message = (error as? ViewfinderError)?.message ?? ""
            return message.contains("clip-9000") && message.contains("ViT-B-32__openai") && message.contains("models import")
        }
    }
}
