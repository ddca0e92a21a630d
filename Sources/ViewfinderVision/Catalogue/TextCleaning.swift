public import Tokenizers

/// How query text is cleaned before tokenisation; the Tokenizers module owns the cleaning rules.
public typealias TextCleaning = Tokenizers.TextCleaning
