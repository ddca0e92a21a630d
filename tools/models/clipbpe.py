"""A CLIP-style byte-level BPE tokenizer learnt deterministically from a word list.

The vocabulary is laid out as OpenAI CLIP's is: the 256 byte characters, the same
characters with the end-of-word suffix `</w>`, one token per merge, then
`<|startoftext|>` and `<|endoftext|>`. Normalisation (NFC, whitespace collapsed,
lowercase), pre-tokenisation (CLIP's word regex, then byte-level) and the
post-processor (`<|startoftext|> $A <|endoftext|>`) are those of the `tokenizer.json`
that Hugging Face writes for CLIP, which is what Immich's exports ship.

Merges are learnt by plain greedy BPE in pure Python (most frequent pair first, ties
broken by the pair's text), so the same words always give the same tokenizer; the
Hugging Face BPE trainer does not promise that.
"""

from collections import Counter

from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

START = "<|startoftext|>"
END = "<|endoftext|>"
SUFFIX = "</w>"
WORD_PATTERN = r"""'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+"""


def byte_characters():
    """GPT-2/CLIP's reversible byte -> printable character table, in byte order."""
    printable = (list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
                 + list(range(ord("®"), ord("ÿ") + 1)))
    extra = 0
    characters = []
    for byte in range(256):
        if byte in printable:
            characters.append(chr(byte))
        else:
            characters.append(chr(256 + extra))
            extra += 1
    return characters


def normalizer():
    return normalizers.Sequence([normalizers.NFC(), normalizers.Replace(Regex(r"\s+"), " "), normalizers.Lowercase()])


def pre_tokenizer():
    return pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(WORD_PATTERN), behavior="removed", invert=True),
        pre_tokenizers.ByteLevel(add_prefix_space=False),
    ])


def words_of(text):
    """The byte-level pre-tokens CLIP's tokenizer makes of `text`."""
    return [piece for piece, _ in pre_tokenizer().pre_tokenize_str(normalizer().normalize_str(text))]


def learn_merges(word_counts):
    """Greedy BPE until every word is one symbol: [(left, right), ...] in rank order."""
    words = {word: [*word[:-1], word[-1] + SUFFIX] for word in word_counts}
    merges = []
    while True:
        pairs = Counter()
        for word, symbols in words.items():
            for left, right in zip(symbols, symbols[1:]):
                pairs[(left, right)] += word_counts[word]
        if not pairs:
            return merges
        best = max(pairs.items(), key=lambda item: (item[1], _reverse_order(item[0])))[0]
        merges.append(best)
        for word, symbols in words.items():
            merged, index = [], 0
            while index < len(symbols):
                if index + 1 < len(symbols) and (symbols[index], symbols[index + 1]) == best:
                    merged.append(symbols[index] + symbols[index + 1])
                    index += 2
                else:
                    merged.append(symbols[index])
                    index += 1
            words[word] = merged


def _reverse_order(pair):
    # max() picks the highest count; among equal counts this key makes the smallest pair text win.
    return tuple(tuple(-ord(c) for c in part) + (1,) for part in pair)


def build(texts):
    """A Hugging Face `Tokenizer` whose merges make every word of `texts` a single token."""
    counts = Counter()
    for text in texts:
        counts.update(words_of(text))
    merges = learn_merges(counts)
    characters = byte_characters()
    vocab = {}
    for token in characters + [c + SUFFIX for c in characters]:
        vocab[token] = len(vocab)
    for left, right in merges:
        merged = left + right
        assert merged not in vocab, f"merge {left!r} + {right!r} repeats a token"
        vocab[merged] = len(vocab)
    vocab[START] = len(vocab)
    vocab[END] = len(vocab)

    tokenizer = Tokenizer(models.BPE(
        vocab=vocab, merges=merges, unk_token=END, continuing_subword_prefix="", end_of_word_suffix=SUFFIX,
        fuse_unk=False))
    tokenizer.normalizer = normalizer()
    tokenizer.pre_tokenizer = pre_tokenizer()
    tokenizer.post_processor = processors.RobertaProcessing(
        (END, vocab[END]), (START, vocab[START]), trim_offsets=False, add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    # As in the tokenizer.json Hugging Face writes for CLIP: the start token is normalised, the end token not.
    tokenizer.add_special_tokens([
        AddedToken(START, normalized=True, special=True),
        AddedToken(END, normalized=False, special=True),
    ])
    return tokenizer, vocab, merges
