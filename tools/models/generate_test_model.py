#!/usr/bin/env python3
"""Generate `models/viewfinder-test-tiny`: a tiny, deterministic CLIP-style dual
encoder in the file layout of the UForm3 ONNX repositories
(config.json, tokenizer.json, image_encoder.onnx, text_encoder.onnx).

The model has a known meaning: both towers map into a space of colour concepts
(red, orange, ..., black). The image tower votes each pixel towards the nearest
prototype colours and averages the votes; the text tower looks every token up
in a hand-written table (colour words in EN/DE/FR/ES/ZH/JA map to their concept,
function words to ~0) and mean-pools with the attention mask. Both then share
one seeded random orthonormal projection into `embedding_dim` dimensions.
Outputs are deliberately not L2-normalised, like the real UForm3 exports.

The script checks its own output with Python onnxruntime and then writes the
golden reference file used by the Swift tests (see write_goldens.py).

    python3 tools/models/generate_test_model.py [--out DIR] [--goldens FILE]
"""

import argparse
import json
import math
import os
import random
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import lexicon  # noqa: E402
from lexicon import CONCEPTS  # noqa: E402

MODEL_NAME = "viewfinder-test-tiny"
SEED = 20240611

CONTEXT_LENGTH = 32          # text_encoder.max_position_embeddings
TEXT_DIM = len(CONCEPTS)     # text_encoder.dim: per-token concept vector
IMAGE_DIM = len(CONCEPTS) + 4  # image_encoder.dim: concept votes + mean R, G, B + luma
EMBEDDING_DIM = 64
IMAGE_SIZE = 224
MEANS = [0.48145466, 0.4578275, 0.40821073]
DEVIATIONS = [0.26862954, 0.26130258, 0.27577711]

# Image tower: colour space in which distances are measured (rows: luma and two
# opponent-colour axes), and the softmax temperature of the per-pixel vote.
LUMA = (0.299, 0.587, 0.114)
CHROMA_WEIGHT = 1.25
TEMPERATURE = 0.01

# Output scales: neither tower returns unit vectors.
IMAGE_SCALE = 3.5
TEXT_SCALE = 6.0

OPSET = 17
IR_VERSION = 8  # readable by onnxruntime >= 1.10

BERT_NORMALIZER = normalizers.BertNormalizer(
    clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True
)


# --------------------------------------------------------------------------
# Vocabulary and tokenizer
# --------------------------------------------------------------------------

def normalized_pieces(word):
    """The pre-tokens a word becomes after BERT normalisation (CJK chars split)."""
    return [p for p in pre_tokenizers.BertPreTokenizer().pre_tokenize_str(
        BERT_NORMALIZER.normalize_str(word))]


def build_vocabulary():
    """Returns (tokens in id order, {token: meaning}) where a meaning is
    ("colour"|"object", {concept: weight}) or a kind string."""
    tokens = []
    meaning = {}

    def add(token, kind, weights=None):
        if token not in meaning:
            tokens.append(token)
            meaning[token] = (kind, weights)

    def add_word(word, kind, weights=None):
        for piece, _ in normalized_pieces(word):
            add(piece, kind, weights)

    for token in lexicon.SPECIAL_TOKENS:
        add(token, "special")
    for mark in lexicon.PUNCTUATION:
        add_word(mark, "punctuation")
    for digit in "0123456789":
        add(digit, "piece")
    for letter in "abcdefghijklmnopqrstuvwxyz":
        add(letter, "piece")
    for letter in "abcdefghijklmnopqrstuvwxyz0123456789":
        add("##" + letter, "piece")
    for piece in lexicon.CONTINUATION_PIECES:
        (normal,) = [p for p, _ in normalized_pieces(piece)]
        add("##" + normal, "piece")
    # Colour words first: they win if another list repeats a word.
    for concept in CONCEPTS:
        for word in lexicon.COLOUR_WORDS[concept]:
            add_word(word, "colour", {concept: 1.0})
    for words, weights in lexicon.OBJECT_WORDS:
        for word in words:
            add_word(word, "object", weights)
    for word in lexicon.FUNCTION_WORDS:
        add_word(word, "function")
    for word in lexicon.GENERIC_WORDS + lexicon.STEMS + lexicon.EXTRA_CJK:
        add_word(word, "generic")
    return tokens, meaning


def build_tokenizer(tokens):
    vocab = {token: index for index, token in enumerate(tokens)}
    tokenizer = Tokenizer(models.WordPiece(vocab=vocab, unk_token="[UNK]", max_input_chars_per_word=100))
    tokenizer.normalizer = BERT_NORMALIZER
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])],
    )
    tokenizer.decoder = decoders.WordPiece(prefix="##")
    tokenizer.add_special_tokens(lexicon.SPECIAL_TOKENS)
    return tokenizer


# --------------------------------------------------------------------------
# Weights
# --------------------------------------------------------------------------

def orthonormal_rows(rows, cols, rng):
    """`rows` orthonormal vectors of length `cols` from seeded uniform noise, by
    modified Gram-Schmidt in pure Python (math.fsum keeps it bit-reproducible
    across machines, unlike a BLAS/LAPACK QR)."""
    basis = []
    while len(basis) < rows:
        v = [rng.uniform(-1.0, 1.0) for _ in range(cols)]
        for b in basis:
            dot = math.fsum(x * y for x, y in zip(v, b))
            v = [x - dot * y for x, y in zip(v, b)]
        norm = math.sqrt(math.fsum(x * x for x in v))
        if norm < 1e-3:
            continue
        basis.append([x / norm for x in v])
    return np.array(basis, dtype=np.float64)


def token_table(tokens, meaning, rng):
    """[vocab, TEXT_DIM] float32: one concept vector per token."""
    jitter = {"colour": 0.01, "object": 0.01, "function": 0.01, "piece": 0.01,
              "punctuation": 0.01, "special": 0.01, "generic": 0.03}
    table = np.zeros((len(tokens), TEXT_DIM), dtype=np.float64)
    for index, token in enumerate(tokens):
        kind, weights = meaning[token]
        noise = [rng.uniform(-1.0, 1.0) for _ in range(TEXT_DIM)]
        if token == "[PAD]":
            continue  # like nn.Embedding(padding_idx=...): all zeros
        if token == "[UNK]":
            table[index] = [0.05 * x for x in noise]
            continue
        table[index] = [jitter[kind] * x for x in noise]
        for concept, weight in (weights or {}).items():
            table[index, CONCEPTS.index(concept)] += weight
    return table.astype(np.float32)


def colour_transform():
    """3x3: RGB -> (luma, red-green, yellow-blue), chroma axes weighted."""
    return np.array([
        LUMA,
        (CHROMA_WEIGHT, -CHROMA_WEIGHT, 0.0),
        (0.5 * CHROMA_WEIGHT, 0.5 * CHROMA_WEIGHT, -CHROMA_WEIGHT),
    ], dtype=np.float64)


def prototype_weights():
    """Conv weights scoring each pixel against each prototype colour:
    logit_p(y) = (2 q_p . y - |q_p|^2) / T, i.e. -|y - q_p|^2 / T up to a term
    that is the same for every prototype (and so cancels in the softmax)."""
    transform = colour_transform()
    protos, owners = [], []
    for concept in CONCEPTS:
        for rgb in lexicon.PROTOTYPES[concept]:
            protos.append(transform @ np.array(rgb, dtype=np.float64))
            owners.append(CONCEPTS.index(concept))
    protos = np.array(protos)
    weight = (2.0 * protos / TEMPERATURE)[:, :, None, None]
    bias = -(protos * protos).sum(axis=1) / TEMPERATURE
    assign = np.zeros((len(protos), len(CONCEPTS)))
    assign[np.arange(len(protos)), owners] = 1.0
    return weight.astype(np.float32), bias.astype(np.float32), assign.astype(np.float32)


# --------------------------------------------------------------------------
# ONNX graphs
# --------------------------------------------------------------------------

def const(name, array):
    return numpy_helper.from_array(np.asarray(array), name=name)


def finish(graph, doc):
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET)],
        producer_name="viewfinder tools/models/generate_test_model.py",
        producer_version="1",
        doc_string=doc,
    )
    model.ir_version = IR_VERSION
    model.model_version = 1
    helper.set_model_props(model, {"name": MODEL_NAME, "license": "Apache-2.0"})
    onnx.checker.check_model(model, full_check=True)
    return model


def image_encoder(projection):
    conv_weight, conv_bias, assign = prototype_weights()
    transform = colour_transform().astype(np.float32)[:, :, None, None]
    image_projection = np.zeros((IMAGE_DIM, EMBEDDING_DIM), dtype=np.float32)
    image_projection[: len(CONCEPTS)] = projection
    initializers = [
        const("normalization_deviations", np.array(DEVIATIONS, np.float32).reshape(1, 3, 1, 1)),
        const("normalization_means", np.array(MEANS, np.float32).reshape(1, 3, 1, 1)),
        const("zero", np.array(0.0, np.float32)),
        const("one", np.array(1.0, np.float32)),
        const("colour_transform.weight", transform),
        const("prototypes.weight", conv_weight),
        const("prototypes.bias", conv_bias),
        const("prototype_to_concept", assign),
        const("luma.weight", np.array(LUMA, np.float32).reshape(3, 1)),
        const("embedding_projection.weight", image_projection),
        const("embedding_scale", np.array(IMAGE_SCALE, np.float32)),
    ]
    nodes = [
        # Undo the preprocessing normalisation: back to RGB in 0..1.
        helper.make_node("Mul", ["images", "normalization_deviations"], ["scaled"]),
        helper.make_node("Add", ["scaled", "normalization_means"], ["rgb_raw"]),
        helper.make_node("Clip", ["rgb_raw", "zero", "one"], ["rgb"]),
        # Per-pixel soft vote over prototype colours, averaged over the picture.
        helper.make_node("Conv", ["rgb", "colour_transform.weight"], ["opponent"], kernel_shape=[1, 1]),
        helper.make_node("Conv", ["opponent", "prototypes.weight", "prototypes.bias"], ["logits"],
                         kernel_shape=[1, 1]),
        helper.make_node("Softmax", ["logits"], ["votes"], axis=1),
        helper.make_node("ReduceMean", ["votes"], ["prototype_share"], axes=[2, 3], keepdims=0),
        helper.make_node("MatMul", ["prototype_share", "prototype_to_concept"], ["concept_share"]),
        # A few global statistics ride along in `features`.
        helper.make_node("ReduceMean", ["rgb"], ["mean_rgb"], axes=[2, 3], keepdims=0),
        helper.make_node("MatMul", ["mean_rgb", "luma.weight"], ["mean_luma"]),
        helper.make_node("Concat", ["concept_share", "mean_rgb", "mean_luma"], ["features"], axis=1),
        helper.make_node("MatMul", ["features", "embedding_projection.weight"], ["projected"]),
        helper.make_node("Mul", ["projected", "embedding_scale"], ["embeddings"]),
    ]
    graph = helper.make_graph(
        nodes,
        "image_encoder",
        [helper.make_tensor_value_info("images", TensorProto.FLOAT, ["batch_size", 3, IMAGE_SIZE, IMAGE_SIZE])],
        [
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch_size", IMAGE_DIM]),
            helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch_size", EMBEDDING_DIM]),
        ],
        initializers,
    )
    return finish(graph, "viewfinder-test-tiny image encoder: colour-concept votes -> shared projection.")


def text_encoder(table, projection):
    initializers = [
        const("word_embeddings.weight", table),
        const("axis_1", np.array([1], np.int64)),
        const("axis_2", np.array([2], np.int64)),
        const("min_count", np.array(1e-6, np.float32)),
        const("embedding_projection.weight", projection.astype(np.float32)),
        const("embedding_scale", np.array(TEXT_SCALE, np.float32)),
    ]
    nodes = [
        helper.make_node("Gather", ["word_embeddings.weight", "input_ids"], ["features"], axis=0),
        # Masked mean pooling over the sequence.
        helper.make_node("Cast", ["attention_mask"], ["mask_float"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_float", "axis_2"], ["mask"]),
        helper.make_node("Mul", ["features", "mask"], ["masked"]),
        helper.make_node("ReduceSum", ["masked", "axis_1"], ["summed"], keepdims=0),
        helper.make_node("ReduceSum", ["mask", "axis_1"], ["count_raw"], keepdims=0),
        helper.make_node("Max", ["count_raw", "min_count"], ["count"]),
        helper.make_node("Div", ["summed", "count"], ["pooled"]),
        helper.make_node("MatMul", ["pooled", "embedding_projection.weight"], ["projected"]),
        helper.make_node("Mul", ["projected", "embedding_scale"], ["embeddings"]),
    ]
    graph = helper.make_graph(
        nodes,
        "text_encoder",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT32, ["batch_size", CONTEXT_LENGTH]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT32, ["batch_size", CONTEXT_LENGTH]),
        ],
        [
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch_size", CONTEXT_LENGTH, TEXT_DIM]),
            helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch_size", EMBEDDING_DIM]),
        ],
        initializers,
    )
    return finish(graph, "viewfinder-test-tiny text encoder: token concept table, masked mean pooling -> shared projection.")


# --------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------

def config(vocab_size):
    return {
        "text_encoder": {
            "tokenizer_class": "bert",
            "model_type": "bert",
            "dim": TEXT_DIM,
            "context_dim": IMAGE_DIM,
            "vocab_size": vocab_size,
            "padding_idx": 0,
            "num_layers": 0,
            "num_heads": 1,
            "embedding_dim": EMBEDDING_DIM,
            "multimodal_layers_ids": [],
            "head_one_neuron": False,
            "pooling": "mean",
            "max_position_embeddings": CONTEXT_LENGTH,
            "dropout_prob": 0.0,
        },
        "image_encoder": {
            "normalization_means": MEANS,
            "normalization_deviations": DEVIATIONS,
            "dim": IMAGE_DIM,
            "patch_size": 1,
            "image_size": IMAGE_SIZE,
            "num_layers": 0,
            "num_heads": 1,
            "embedding_dim": EMBEDDING_DIM,
            "pooling": "mean",
        },
    }


MODEL_README = """\
---
license: apache-2.0
tags:
- feature-extraction
- onnx
- test-fixture
---

# viewfinder-test-tiny

A tiny, **generated** CLIP-style dual encoder used by Viewfinder's tests and demos.
It has the file layout of the UForm3 ONNX repositories
(`config.json`, `tokenizer.json`, `image_encoder.onnx`, `text_encoder.onnx`), so the
same loading code runs it and the real `unum-cloud/uform3-image-text-*` models.

It is not trained and understands only colours. The image tower votes every pixel
towards the nearest of a few prototype colours (red, orange, yellow, green, cyan,
blue, purple, pink, brown, white, grey, black) and averages the votes; the text
tower looks tokens up in a hand-made table in which colour words in English,
German, French, Spanish, Chinese and Japanese map to their colour and function
words ("a", "photo", "ein", "une", "una", ...) to almost nothing, then mean-pools
with the attention mask. Both towers share one seeded random orthonormal
projection into {embedding_dim} dimensions, so "a photo of a red car" finds red photos.
Like UForm3, the outputs are not L2-normalised.

| file | inputs | outputs |
|---|---|---|
| `image_encoder.onnx` | `images` float32 [batch_size, 3, {image_size}, {image_size}] | `features` float32 [batch_size, {image_dim}], `embeddings` float32 [batch_size, {embedding_dim}] |
| `text_encoder.onnx` | `input_ids`, `attention_mask` int32 [batch_size, {context}] | `features` float32 [batch_size, {context}, {text_dim}], `embeddings` float32 [batch_size, {embedding_dim}] |

`tokenizer.json` is a BERT-style WordPiece tokenizer ({vocab_size} tokens, `[PAD]` = 0 =
`padding_idx`); inputs are padded with `padding_idx` to `max_position_embeddings` ({context}).

## Regenerating

Everything here is written by a deterministic script (fixed seeds, byte-identical output):

```
pip install -r tools/requirements.txt
python3 tools/models/generate_test_model.py
```

It also checks the model with Python onnxruntime and rewrites
`Tests/Fixtures/goldens/viewfinder-test-tiny.json`. Do not edit these files by hand.

## Licence

Apache-2.0, like the rest of Viewfinder.
"""


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def generate(out_dir):
    rng = random.Random(SEED)
    tokens, meaning = build_vocabulary()
    tokenizer = build_tokenizer(tokens)
    # Every colour word must survive the tokenizer as a single, known token.
    for concept in CONCEPTS:
        for word in lexicon.COLOUR_WORDS[concept]:
            encoding = tokenizer.encode(word, add_special_tokens=False)
            assert 1 not in encoding.ids, (word, encoding.tokens)
            assert all(meaning[t][1] == {concept: 1.0} for t in encoding.tokens), (word, encoding.tokens)

    projection = orthonormal_rows(len(CONCEPTS), EMBEDDING_DIM, rng).astype(np.float32)
    table = token_table(tokens, meaning, rng)

    write_bytes(os.path.join(out_dir, "config.json"),
                (json.dumps(config(len(tokens)), indent=4, ensure_ascii=False) + "\n").encode("utf-8"))
    write_bytes(os.path.join(out_dir, "tokenizer.json"),
                (tokenizer.to_str(pretty=True) + "\n").encode("utf-8"))
    write_bytes(os.path.join(out_dir, "image_encoder.onnx"),
                image_encoder(projection).SerializeToString(deterministic=True))
    write_bytes(os.path.join(out_dir, "text_encoder.onnx"),
                text_encoder(table, projection).SerializeToString(deterministic=True))
    write_bytes(os.path.join(out_dir, "README.md"), MODEL_README.format(
        embedding_dim=EMBEDDING_DIM, image_size=IMAGE_SIZE, image_dim=IMAGE_DIM, text_dim=TEXT_DIM,
        context=CONTEXT_LENGTH, vocab_size=len(tokens)).encode("utf-8"))
    return len(tokens)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(REPO, "models", MODEL_NAME),
                        help="output model directory (default: models/%(default)s)")
    parser.add_argument("--goldens", default=os.path.join(REPO, "Tests", "Fixtures", "goldens", MODEL_NAME + ".json"),
                        help="golden reference file to write")
    parser.add_argument("--no-goldens", action="store_true", help="do not write the golden file")
    parser.add_argument("--no-check", action="store_true", help="skip the onnxruntime self-check")
    args = parser.parse_args(argv)

    vocab_size = generate(args.out)
    total = sum(os.path.getsize(os.path.join(args.out, f)) for f in os.listdir(args.out))
    print(f"wrote {args.out}: vocabulary {vocab_size} tokens, {total} bytes in total")
    assert total < 1_000_000, "the test model must stay well under 1 MB"

    if not args.no_check:
        import self_check
        self_check.run(args.out)
    if not args.no_goldens:
        import write_goldens
        write_goldens.write(args.out, args.goldens)
        print(f"wrote {args.goldens}")


if __name__ == "__main__":
    main()
