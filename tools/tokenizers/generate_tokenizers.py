#!/usr/bin/env python3
"""Trains the tokenizer fixtures, writes the test corpus and records goldens from Python `tokenizers`.

Run from the repository root with the generation requirements installed:

    .vendor/venv/bin/python3 -m pip install -r tools/requirements-generate.txt
    .vendor/venv/bin/python3 tools/tokenizers/generate_tokenizers.py

Writes Tests/Fixtures/tokenizers/:
  corpus.json                 the test strings (deterministic)
  bert-wordpiece.json         BERT-style WordPiece (BertNormalizer, BertPreTokenizer, [CLS] $A [SEP])
  xlmr-unigram.json           XLM-R-style Unigram: sentencepiece (nmt_nfkc) converted as Hugging Face converts XLM-R
  clip-bpe.json               CLIP-style byte-level BPE with `</w>`, converted as Hugging Face converts CLIP
  variant-*.json              the same models with other normalizers, pre-tokenizers and post-processors
  goldens/<name>.json         ids (with special tokens) and fixed-length ids + attention masks per corpus string
Training is deterministic for sentencepiece and WordPiece; the BPE trainer may order equal-count merges
differently between runs, so regenerate the tokenizer files and goldens together.
"""

import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import sentencepiece as spm  # noqa: E402
import tokenizers  # noqa: E402
from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers  # noqa: E402
from transformers.convert_slow_tokenizer import CLIPConverter, XLMRobertaConverter  # noqa: E402

from corpus import test_corpus, training_lines  # noqa: E402

FIXED_LENGTH = 64
VOCAB_SIZE = 4000


def train_wordpiece(lines):
    tokenizer = Tokenizer(models.WordPiece(unk_token="[UNK]", max_input_chars_per_word=100))
    tokenizer.normalizer = normalizers.BertNormalizer(clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    trainer = trainers.WordPieceTrainer(vocab_size=VOCAB_SIZE, special_tokens=specials, show_progress=False)
    tokenizer.train_from_iterator(lines, trainer)
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", cls), ("[SEP]", sep)]
    )
    tokenizer.decoder = decoders.WordPiece(prefix="##")
    return tokenizer


class _SentencePieceOriginal:
    """The slice of a slow XLMRobertaTokenizer that XLMRobertaConverter reads."""

    def __init__(self, vocab_file):
        self.vocab_file = vocab_file
        self._fairseq = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}

    def convert_tokens_to_ids(self, token):
        return self._fairseq[token]


def train_unigram_xlmr(lines, workdir):
    prefix = os.path.join(workdir, "xlmr")
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_prefix=prefix, vocab_size=VOCAB_SIZE, model_type="unigram",
        normalization_rule_name="nmt_nfkc", character_coverage=0.9995, num_threads=1, minloglevel=2,
        unk_id=0, bos_id=1, eos_id=2, pad_id=-1,
    )
    tokenizer = XLMRobertaConverter(_SentencePieceOriginal(prefix + ".model")).converted()
    mask_id = tokenizer.get_vocab_size(with_added_tokens=False) - 1
    # What XLMRobertaTokenizerFast registers: plain specials and an lstrip <mask>.
    tokenizer.add_special_tokens([
        AddedToken("<s>", normalized=False, special=True), AddedToken("<pad>", normalized=False, special=True),
        AddedToken("</s>", normalized=False, special=True), AddedToken("<unk>", normalized=False, special=True),
        AddedToken("<mask>", lstrip=True, normalized=False, special=True),
    ])
    assert tokenizer.token_to_id("<mask>") == mask_id
    return tokenizer


class _ClipOriginal:
    """The slice of a slow CLIPTokenizer that CLIPConverter reads."""

    def __init__(self, encoder, merges):
        self.encoder = encoder
        self.bpe_ranks = {tuple(m): i for i, m in enumerate(merges)}
        self.unk_token = "<|endoftext|>"
        self.bos_token, self.eos_token = "<|startoftext|>", "<|endoftext|>"
        self.bos_token_id, self.eos_token_id = encoder[self.bos_token], encoder[self.eos_token]


def train_clip_bpe(lines):
    # Learn merges over CLIP's own pre-tokenization, then lay the vocabulary out as CLIP's is:
    # the 256 byte characters, the same with `</w>`, one token per merge, then the two specials.
    learner = Tokenizer(models.BPE(end_of_word_suffix="</w>"))
    learner.normalizer = normalizers.Sequence([normalizers.NFC(), normalizers.Replace(Regex(r"\s+"), " "), normalizers.Lowercase()])
    learner.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(r"""'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+"""), behavior="removed", invert=True),
        pre_tokenizers.ByteLevel(add_prefix_space=False),
    ])
    alphabet = pre_tokenizers.ByteLevel.alphabet()
    trainer = trainers.BpeTrainer(vocab_size=VOCAB_SIZE, end_of_word_suffix="</w>", initial_alphabet=alphabet, show_progress=False)
    learner.train_from_iterator(lines, trainer)
    merges = [tuple(m) for m in json.loads(learner.to_str())["model"]["merges"]]
    byte_chars = _bytes_to_unicode()
    vocab = {}
    for token in byte_chars + [c + "</w>" for c in byte_chars]:
        vocab.setdefault(token, len(vocab))
    kept = []
    for a, b in merges:
        if a in vocab and b in vocab and a + b not in vocab:
            vocab[a + b] = len(vocab)
            kept.append((a, b))
    vocab["<|startoftext|>"] = len(vocab)
    vocab["<|endoftext|>"] = len(vocab)
    tokenizer = CLIPConverter(_ClipOriginal(vocab, kept)).converted()
    tokenizer.add_special_tokens([
        AddedToken("<|startoftext|>", normalized=True, special=True),
        AddedToken("<|endoftext|>", normalized=False, special=True),
    ])
    return tokenizer


def _bytes_to_unicode():
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    mapping, extra = {}, 0
    for b in range(256):
        if b in printable:
            mapping[b] = chr(b)
        else:
            mapping[b] = chr(256 + extra)
            extra += 1
    return [mapping[b] for b in range(256)]


def variants(bert, xlmr, clip):
    """The trained models under other components, so that every component is checked against the reference."""
    out = {}

    t = Tokenizer.from_str(bert.to_str())
    t.normalizer = normalizers.Sequence([normalizers.NFKD(), normalizers.StripAccents(), normalizers.Lowercase(), normalizers.Strip()])
    t.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.Whitespace(), pre_tokenizers.Digits(individual_digits=True), pre_tokenizers.Punctuation()])
    t.post_processor = processors.BertProcessing(("[SEP]", t.token_to_id("[SEP]")), ("[CLS]", t.token_to_id("[CLS]")))
    t.add_tokens([AddedToken("photo", single_word=True, normalized=True), AddedToken("##", rstrip=True, normalized=False)])
    out["variant-wordpiece-nfkd-whitespace"] = t

    t = Tokenizer.from_str(bert.to_str())
    t.normalizer = normalizers.Sequence([normalizers.NFC(), normalizers.Replace("!", " ! "), normalizers.Lowercase()])
    t.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Split(Regex(r"\d+"), behavior="isolated"),
        pre_tokenizers.Split("-", behavior="merged_with_previous"), pre_tokenizers.Split(Regex(r"[.,]"), behavior="merged_with_next"),
        pre_tokenizers.Punctuation(behavior="contiguous"), pre_tokenizers.Digits(individual_digits=False),
    ])
    out["variant-wordpiece-split-behaviours"] = t

    t = Tokenizer.from_str(xlmr.to_str())
    t.normalizer = normalizers.Sequence([normalizers.NFD(), normalizers.StripAccents(), normalizers.NFC(), normalizers.Strip(left=True, right=True),
                                         normalizers.Replace(Regex(r"\s+"), " "), normalizers.Prepend("▁")])
    t.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="first", split=True)
    t.add_tokens([AddedToken("▁photo", single_word=False, lstrip=True, rstrip=True, normalized=True)])
    out["variant-unigram-nfd-metaspace-first"] = t

    t = Tokenizer.from_str(xlmr.to_str())
    t.normalizer = normalizers.NFKC()
    t.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="never", split=False)])
    t.post_processor = processors.RobertaProcessing(("</s>", 2), ("<s>", 0))
    out["variant-unigram-nfkc-never"] = t

    t = Tokenizer.from_str(clip.to_str())
    t.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Lowercase()])
    t.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=True, use_regex=True)
    t.post_processor = processors.Sequence([processors.ByteLevel(trim_offsets=True), processors.TemplateProcessing(
        single="<|startoftext|> $A <|endoftext|>", special_tokens=[("<|startoftext|>", t.token_to_id("<|startoftext|>")), ("<|endoftext|>", t.token_to_id("<|endoftext|>"))])])
    t.add_tokens([AddedToken("dog", single_word=True, normalized=True), AddedToken(" cat", lstrip=False, rstrip=True, normalized=False)])
    out["variant-bpe-gpt2-bytelevel"] = t
    return out


def record_goldens(tokenizer, corpus, pad_id, pad_token, fixed=True):
    raw = [e.ids for e in tokenizer.encode_batch(corpus)]
    golden = {"tokenizers_version": tokenizers.__version__, "count": len(corpus), "ids": raw}
    if fixed:
        padded = Tokenizer.from_str(tokenizer.to_str())
        padded.enable_truncation(max_length=FIXED_LENGTH)
        padded.enable_padding(length=FIXED_LENGTH, pad_id=pad_id, pad_token=pad_token)
        encodings = padded.encode_batch(corpus)
        golden.update({
            "length": FIXED_LENGTH, "pad_id": pad_id,
            "padded_ids": [e.ids for e in encodings],
            "attention_masks": ["".join(str(m) for m in e.attention_mask) for e in encodings],
        })
    # A sample through single `encode` must agree with the batch path.
    for text, ids in list(zip(corpus, raw))[::97]:
        assert tokenizer.encode(text).ids == ids
    return golden


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as out:
        json.dump(value, out, ensure_ascii=False, separators=(",", ":"))
        out.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="Tests/Fixtures/tokenizers")
    args = parser.parse_args()
    os.makedirs(os.path.join(args.out, "goldens"), exist_ok=True)

    corpus = test_corpus()
    write_json(os.path.join(args.out, "corpus.json"), corpus)
    lines = training_lines()
    with tempfile.TemporaryDirectory() as workdir:
        xlmr = train_unigram_xlmr(lines, workdir)
    bert = train_wordpiece(lines)
    clip = train_clip_bpe(lines)

    main_files = {
        "bert-wordpiece": (bert, "[PAD]"),
        "xlmr-unigram": (xlmr, "<pad>"),
        "clip-bpe": (clip, "<|endoftext|>"),
    }
    for name, (tokenizer, pad_token) in main_files.items():
        tokenizer.save(os.path.join(args.out, name + ".json"), pretty=False)
        golden = record_goldens(tokenizer, corpus, tokenizer.token_to_id(pad_token), pad_token)
        write_json(os.path.join(args.out, "goldens", name + ".json"), golden)
        print(f"{name}: vocab {tokenizer.get_vocab_size()}, {len(corpus)} strings")
    for name, tokenizer in variants(bert, xlmr, clip).items():
        tokenizer.save(os.path.join(args.out, name + ".json"), pretty=False)
        write_json(os.path.join(args.out, "goldens", name + ".json"), record_goldens(tokenizer, corpus, 0, "", fixed=False))
        print(f"{name}: vocab {tokenizer.get_vocab_size()}")


if __name__ == "__main__":
    main()
