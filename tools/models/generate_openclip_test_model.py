#!/usr/bin/env python3
"""Generate `models/viewfinder-test-tiny-openclip`: the colour-concept test model of
`generate_test_model.py`, in the ONNX layout Immich publishes for OpenCLIP models:

    config.json                    open_clip model config (embed_dim, vision_cfg, text_cfg)
    visual/model.onnx              input `image` float32 [1, 3, 224, 224], output `embedding`
    visual/preprocess_cfg.json     open_clip preprocess config (size, mean, std, interpolation, resize_mode)
    textual/model.onnx             input `text` int32 [1, 32], output `embedding`
    textual/tokenizer.json         CLIP-style byte-level BPE (`</w>`, <|startoftext|>, <|endoftext|>)
    textual/tokenizer_config.json  pad_token <|endoftext|> (Immich pads with it), model_max_length
    textual/special_tokens_map.json, textual/vocab.json, textual/merges.txt
    README.md

As in Immich's exports (torch.onnx.export of open_clip's encode_image/encode_text with
normalize=True and no dynamic axes), the batch axis is fixed at 1 and both towers return
L2-normalised embeddings. The image tower is the UForm test model's prototype-colour vote;
the text tower looks every token up in a concept table, mean-pools over the non-padding
tokens and projects with the same kind of seeded orthonormal projection.

    python3 tools/models/generate_openclip_test_model.py [--out DIR] [--goldens FILE]
"""

import argparse
import json
import os
import random
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import clipbpe  # noqa: E402
import generate_test_model as base  # noqa: E402
import lexicon  # noqa: E402
from lexicon import CONCEPTS  # noqa: E402

MODEL_NAME = "viewfinder-test-tiny-openclip"
SEED = 20240923

CONTEXT_LENGTH = 32
TEXT_DIM = len(CONCEPTS)
IMAGE_DIM = len(CONCEPTS) + 4
EMBEDDING_DIM = 64
IMAGE_SIZE = 224
MEANS = base.MEANS
DEVIATIONS = base.DEVIATIONS
NORM_EPSILON = 1e-12


# --------------------------------------------------------------------------
# Vocabulary meanings
# --------------------------------------------------------------------------

def word_meanings():
    """{byte-level word: (kind, weights)}; colour words first, so they win repeats."""
    meaning = {}

    def add(words, kind, weights=None):
        for word in words:
            for piece in clipbpe.words_of(word):
                meaning.setdefault(piece, (kind, weights))

    for concept in CONCEPTS:
        add(lexicon.COLOUR_WORDS[concept], "colour", {concept: 1.0})
    for words, weights in lexicon.OBJECT_WORDS:
        add(words, "object", weights)
    add(lexicon.FUNCTION_WORDS, "function")
    add(lexicon.GENERIC_WORDS + lexicon.STEMS + lexicon.EXTRA_CJK, "generic")
    return meaning


def all_words():
    words = []
    for concept in CONCEPTS:
        words += lexicon.COLOUR_WORDS[concept]
    for group, _ in lexicon.OBJECT_WORDS:
        words += group
    return words + lexicon.FUNCTION_WORDS + lexicon.GENERIC_WORDS + lexicon.STEMS + lexicon.EXTRA_CJK


def token_table(vocab, meaning, rng):
    """[vocab, TEXT_DIM] float32: whole-word tokens carry their word's meaning, pieces a little noise."""
    jitter = {"colour": 0.01, "object": 0.01, "function": 0.01, "generic": 0.03, "piece": 0.02, "special": 0.01}
    table = np.zeros((len(vocab), TEXT_DIM), dtype=np.float64)
    for token, index in sorted(vocab.items(), key=lambda item: item[1]):
        noise = [rng.uniform(-1.0, 1.0) for _ in range(TEXT_DIM)]
        if token == clipbpe.END:
            continue  # the padding token: masked out anyway, zero for clarity
        if token == clipbpe.START:
            kind, weights = "special", None
        elif token.endswith(clipbpe.SUFFIX) and token[: -len(clipbpe.SUFFIX)] in meaning:
            kind, weights = meaning[token[: -len(clipbpe.SUFFIX)]]
        else:
            kind, weights = "piece", None
        table[index] = [jitter[kind] * x for x in noise]
        for concept, weight in (weights or {}).items():
            table[index, CONCEPTS.index(concept)] += weight
    return table.astype(np.float32)


# --------------------------------------------------------------------------
# ONNX graphs
# --------------------------------------------------------------------------

def finish(graph, doc):
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", base.OPSET)],
        producer_name="viewfinder tools/models/generate_openclip_test_model.py",
        producer_version="1",
        doc_string=doc,
    )
    model.ir_version = base.IR_VERSION
    model.model_version = 1
    helper.set_model_props(model, {"name": MODEL_NAME, "license": "Apache-2.0"})
    onnx.checker.check_model(model, full_check=True)
    return model


def l2_normalise(source, target):
    """Nodes and initialisers computing target = source / max(||source||, eps) row-wise."""
    nodes = [
        helper.make_node("ReduceL2", [source], [source + "_norm"], axes=[1], keepdims=1),
        helper.make_node("Max", [source + "_norm", "norm_epsilon"], [source + "_safe_norm"]),
        helper.make_node("Div", [source, source + "_safe_norm"], [target]),
    ]
    return nodes, [base.const("norm_epsilon", np.array(NORM_EPSILON, np.float32))]


def visual_model(projection):
    conv_weight, conv_bias, assign = base.prototype_weights()
    transform = base.colour_transform().astype(np.float32)[:, :, None, None]
    image_projection = np.zeros((IMAGE_DIM, EMBEDDING_DIM), dtype=np.float32)
    image_projection[: len(CONCEPTS)] = projection
    normalise, normalise_inits = l2_normalise("projected", "embedding")
    initializers = [
        base.const("std", np.array(DEVIATIONS, np.float32).reshape(1, 3, 1, 1)),
        base.const("mean", np.array(MEANS, np.float32).reshape(1, 3, 1, 1)),
        base.const("zero", np.array(0.0, np.float32)),
        base.const("one", np.array(1.0, np.float32)),
        base.const("colour_transform.weight", transform),
        base.const("prototypes.weight", conv_weight),
        base.const("prototypes.bias", conv_bias),
        base.const("prototype_to_concept", assign),
        base.const("luma.weight", np.array(base.LUMA, np.float32).reshape(3, 1)),
        base.const("proj", image_projection),
    ] + normalise_inits
    nodes = [
        helper.make_node("Mul", ["image", "std"], ["scaled"]),
        helper.make_node("Add", ["scaled", "mean"], ["rgb_raw"]),
        helper.make_node("Clip", ["rgb_raw", "zero", "one"], ["rgb"]),
        helper.make_node("Conv", ["rgb", "colour_transform.weight"], ["opponent"], kernel_shape=[1, 1]),
        helper.make_node("Conv", ["opponent", "prototypes.weight", "prototypes.bias"], ["logits"], kernel_shape=[1, 1]),
        helper.make_node("Softmax", ["logits"], ["votes"], axis=1),
        helper.make_node("ReduceMean", ["votes"], ["prototype_share"], axes=[2, 3], keepdims=0),
        helper.make_node("MatMul", ["prototype_share", "prototype_to_concept"], ["concept_share"]),
        helper.make_node("ReduceMean", ["rgb"], ["mean_rgb"], axes=[2, 3], keepdims=0),
        helper.make_node("MatMul", ["mean_rgb", "luma.weight"], ["mean_luma"]),
        helper.make_node("Concat", ["concept_share", "mean_rgb", "mean_luma"], ["features"], axis=1),
        helper.make_node("MatMul", ["features", "proj"], ["projected"]),
    ] + normalise
    graph = helper.make_graph(
        nodes, "visual",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, IMAGE_SIZE, IMAGE_SIZE])],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, [1, EMBEDDING_DIM])],
        initializers,
    )
    return finish(graph, f"{MODEL_NAME} visual: colour-concept votes -> projection -> L2 normalisation.")


def textual_model(table, projection, pad_id):
    normalise, normalise_inits = l2_normalise("projected", "embedding")
    initializers = [
        base.const("token_embedding.weight", table),
        base.const("pad_id", np.array(pad_id, np.int32)),
        base.const("axis_1", np.array([1], np.int64)),
        base.const("axis_2", np.array([2], np.int64)),
        base.const("min_count", np.array(1e-6, np.float32)),
        base.const("text_projection", projection.astype(np.float32)),
    ] + normalise_inits
    nodes = [
        helper.make_node("Gather", ["token_embedding.weight", "text"], ["tokens"], axis=0),
        # Mean over the tokens that are not padding (the pad token is <|endoftext|>).
        helper.make_node("Equal", ["text", "pad_id"], ["is_pad"]),
        helper.make_node("Not", ["is_pad"], ["keep"]),
        helper.make_node("Cast", ["keep"], ["keep_float"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["keep_float", "axis_2"], ["mask"]),
        helper.make_node("Mul", ["tokens", "mask"], ["masked"]),
        helper.make_node("ReduceSum", ["masked", "axis_1"], ["summed"], keepdims=0),
        helper.make_node("ReduceSum", ["mask", "axis_1"], ["count_raw"], keepdims=0),
        helper.make_node("Max", ["count_raw", "min_count"], ["count"]),
        helper.make_node("Div", ["summed", "count"], ["pooled"]),
        helper.make_node("MatMul", ["pooled", "text_projection"], ["projected"]),
    ] + normalise
    graph = helper.make_graph(
        nodes, "textual",
        [helper.make_tensor_value_info("text", TensorProto.INT32, [1, CONTEXT_LENGTH])],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, [1, EMBEDDING_DIM])],
        initializers,
    )
    return finish(graph, f"{MODEL_NAME} textual: token concept table, mean over non-padding tokens -> projection -> L2.")


# --------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------

def model_config(vocab_size):
    """open_clip's model config, the `config.json` of Immich's repositories."""
    return {
        "embed_dim": EMBEDDING_DIM,
        "vision_cfg": {"image_size": IMAGE_SIZE, "layers": 0, "width": IMAGE_DIM, "patch_size": 1},
        "text_cfg": {"context_length": CONTEXT_LENGTH, "vocab_size": vocab_size, "width": TEXT_DIM, "heads": 1,
                     "layers": 0},
    }


def preprocess_config():
    """open_clip's preprocess config, `visual/preprocess_cfg.json`."""
    return {"size": IMAGE_SIZE, "mode": "RGB", "mean": MEANS, "std": DEVIATIONS, "interpolation": "bicubic",
            "resize_mode": "shortest", "fill_color": 0}


def special_token(content, normalized):
    return {"content": content, "lstrip": False, "normalized": normalized, "rstrip": False, "single_word": False}


def tokenizer_config(vocab):
    """What transformers' CLIPTokenizer(Fast).save_pretrained writes (Immich's exporter uses it)."""
    added = {
        str(vocab[clipbpe.START]): dict(special_token(clipbpe.START, True), special=True),
        str(vocab[clipbpe.END]): dict(special_token(clipbpe.END, False), special=True),
    }
    return {
        "add_prefix_space": False,
        "added_tokens_decoder": added,
        "bos_token": clipbpe.START,
        "clean_up_tokenization_spaces": False,
        "do_lower_case": True,
        "eos_token": clipbpe.END,
        "errors": "replace",
        "model_max_length": CONTEXT_LENGTH,
        "pad_token": clipbpe.END,
        "tokenizer_class": "CLIPTokenizer",
        "unk_token": clipbpe.END,
    }


def special_tokens_map():
    return {
        "bos_token": special_token(clipbpe.START, True),
        "eos_token": special_token(clipbpe.END, False),
        "pad_token": clipbpe.END,
        "unk_token": special_token(clipbpe.END, False),
    }


def json_bytes(value, indent=2):
    return (json.dumps(value, indent=indent, ensure_ascii=False) + "\n").encode("utf-8")


MODEL_README = """\
---
license: apache-2.0
tags:
- feature-extraction
- onnx
- test-fixture
---

# {name}

A tiny, **generated** CLIP-style dual encoder for Viewfinder's tests, in the ONNX file layout
Immich publishes for OpenCLIP models (`immich-app/ViT-B-32__openai` and friends), so the same
loading code runs it and the real Immich exports.

| file | what |
|---|---|
| `config.json` | open_clip model config: `embed_dim` {embedding_dim}, `vision_cfg.image_size` {image_size}, `text_cfg.context_length` {context}, `text_cfg.vocab_size` {vocab_size} |
| `visual/model.onnx` | input `image` float32 [1, 3, {image_size}, {image_size}], output `embedding` float32 [1, {embedding_dim}] |
| `visual/preprocess_cfg.json` | shortest side to {image_size} (bicubic), centre crop, CLIP mean/std |
| `textual/model.onnx` | input `text` int32 [1, {context}], output `embedding` float32 [1, {embedding_dim}] |
| `textual/tokenizer.json` | CLIP-style byte-level BPE ({vocab_size} tokens, `</w>` word ends, `<|startoftext|>` {start_id}, `<|endoftext|>` {end_id}) |
| `textual/tokenizer_config.json`, `special_tokens_map.json`, `vocab.json`, `merges.txt` | as transformers' CLIP tokenizer writes them; `pad_token` is `<|endoftext|>` |

Like Immich's exports, the batch axis is fixed at 1 and both towers return L2-normalised
embeddings. Texts are padded with the id of `pad_token` ({end_id}) to {context} tokens.

It is not trained and understands only colours: the image tower votes every pixel towards the
nearest of a few prototype colours and averages the votes; the text tower looks tokens up in a
hand-made table in which colour words map to their colour and other words to almost nothing,
averaged over the non-padding tokens. Both share a seeded random orthonormal projection, so
"a photo of a red car" finds red photos. It is meant for English; the colour words of the
other languages of `tools/models/lexicon.py` happen to work too.

## Regenerating

```
.vendor/venv/bin/python3 tools/models/generate_openclip_test_model.py
```

The script is deterministic (fixed seeds, pure-Python BPE learning and orthogonalisation),
checks the model with Python onnxruntime and rewrites
`Tests/Fixtures/goldens/{name}.json`. Do not edit these files by hand.

## Licence

Apache-2.0, like the rest of Viewfinder.
"""


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def generate(out_dir):
    rng = random.Random(SEED)
    tokenizer, vocab, merges = clipbpe.build(all_words())
    meaning = word_meanings()
    # Every colour word must be one token carrying its colour.
    for concept in CONCEPTS:
        for word in lexicon.COLOUR_WORDS[concept]:
            tokens = tokenizer.encode(word, add_special_tokens=False).tokens
            assert len(tokens) == len(clipbpe.words_of(word)), (word, tokens)
            assert all(meaning[t[: -len(clipbpe.SUFFIX)]][1] == {concept: 1.0} for t in tokens), (word, tokens)

    projection = base.orthonormal_rows(len(CONCEPTS), EMBEDDING_DIM, rng).astype(np.float32)
    table = token_table(vocab, meaning, rng)
    end_id = vocab[clipbpe.END]

    write_bytes(os.path.join(out_dir, "config.json"), json_bytes(model_config(len(vocab))))
    write_bytes(os.path.join(out_dir, "visual", "preprocess_cfg.json"), json_bytes(preprocess_config()))
    write_bytes(os.path.join(out_dir, "visual", "model.onnx"),
                visual_model(projection).SerializeToString(deterministic=True))
    write_bytes(os.path.join(out_dir, "textual", "model.onnx"),
                textual_model(table, projection, end_id).SerializeToString(deterministic=True))
    write_bytes(os.path.join(out_dir, "textual", "tokenizer.json"), (tokenizer.to_str(pretty=True) + "\n").encode("utf-8"))
    write_bytes(os.path.join(out_dir, "textual", "tokenizer_config.json"), json_bytes(tokenizer_config(vocab)))
    write_bytes(os.path.join(out_dir, "textual", "special_tokens_map.json"), json_bytes(special_tokens_map()))
    write_bytes(os.path.join(out_dir, "textual", "vocab.json"), json_bytes(vocab, indent=None))
    write_bytes(os.path.join(out_dir, "textual", "merges.txt"),
                ("#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in merges)).encode("utf-8"))
    write_bytes(os.path.join(out_dir, "README.md"), MODEL_README.format(
        name=MODEL_NAME, embedding_dim=EMBEDDING_DIM, image_size=IMAGE_SIZE, context=CONTEXT_LENGTH,
        vocab_size=len(vocab), start_id=vocab[clipbpe.START], end_id=end_id).encode("utf-8"))
    return len(vocab)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(REPO, "models", MODEL_NAME), help="output model directory")
    parser.add_argument("--goldens", default=os.path.join(REPO, "Tests", "Fixtures", "goldens", MODEL_NAME + ".json"),
                        help="golden reference file to write")
    parser.add_argument("--no-goldens", action="store_true", help="do not write the golden file")
    parser.add_argument("--no-check", action="store_true", help="skip the onnxruntime self-check")
    args = parser.parse_args(argv)

    vocab_size = generate(args.out)
    total = sum(os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(args.out) for name in names)
    print(f"wrote {args.out}: vocabulary {vocab_size} tokens, {total} bytes in total")
    assert total < 1_000_000, "the test model must stay well under 1 MB"

    import openclip_checks
    if not args.no_check:
        openclip_checks.self_check(args.out)
    if not args.no_goldens:
        openclip_checks.write_goldens(args.out, args.goldens)
        print(f"wrote {args.goldens}")


if __name__ == "__main__":
    main()
