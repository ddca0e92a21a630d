/// Adds special tokens (such as `[CLS]` and `[SEP]`) around an encoded sequence.
protocol PostProcessor: Sendable {
    /// How many ids `process` adds to a single sequence.
    var addedTokenCount: Int { get }
    /// The sequence with special tokens added.
    func process(_ ids: [Int]) -> [Int]
}

/// Builds post-processors from their `tokenizer.json` description.
enum PostProcessorFactory {
    /// The post-processor described by `json`, or nil for JSON `null`.
    static func make(_ json: JSONValue?) throws(TokenizerError) -> (any PostProcessor)? {
        guard let json, !json.isNull else { return nil }
        guard let type = json["type"]?.string else { throw .missing("type", in: "post_processor") }
        switch type {
        case "TemplateProcessing":
            return try TemplateProcessing(json)
        case "BertProcessing", "RobertaProcessing":
            guard let cls = json["cls"]?.array?.last?.int, let sep = json["sep"]?.array?.last?.int else {
                throw .missing("cls/sep", in: type)
            }
            return WrappingProcessor(prefix: [cls], suffix: [sep])
        case "ByteLevel":
            // Only trims offsets; the ids are unchanged.
            return WrappingProcessor(prefix: [], suffix: [])
        case "Sequence":
            guard let items = json["processors"]?.array else { throw .missing("processors", in: "Sequence") }
            var steps: [any PostProcessor] = []
            for item in items {
                if let step = try make(item) { steps.append(step) }
            }
            return PostProcessorSequence(steps: steps)
        default:
            throw .unsupported("post_processor", type)
        }
    }
}

/// Puts fixed ids before and after the sequence.
struct WrappingProcessor: PostProcessor {
    let prefix: [Int]
    let suffix: [Int]

    var addedTokenCount: Int { prefix.count + suffix.count }

    func process(_ ids: [Int]) -> [Int] { prefix + ids + suffix }
}

/// Applies several post-processors in order.
struct PostProcessorSequence: PostProcessor {
    let steps: [any PostProcessor]

    var addedTokenCount: Int { steps.reduce(0) { $0 + $1.addedTokenCount } }

    func process(_ ids: [Int]) -> [Int] {
        steps.reduce(ids) { $1.process($0) }
    }
}
