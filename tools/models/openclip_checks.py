"""Self-check and golden outputs of an OpenCLIP/Immich-layout test model, with Python onnxruntime.

    python3 tools/models/openclip_checks.py [MODEL_DIR] [OUT_JSON]

Golden format (like write_goldens.py's, for the Immich layout):
  image: element i (flat row-major index) of the [2, 3, S, S] input is
         Float32(Double((i * 7919) % 1000) / 500.0 - 1.0), 64-bit integer arithmetic; the two
         pictures are run one at a time (the batch axis is fixed at 1). Stores `embedding`.
  text:  texts, their int32 ids padded with the pad token to the context length, `embedding`.
  tokenization: strings with their unpadded ids (special tokens included) from HF `tokenizers`.
"""

import json
import os
import sys

import numpy as np
import onnxruntime as ort

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from lexicon import BASE_WORDS, CONCEPTS  # noqa: E402
from openclip_runner import OpenCLIPModel  # noqa: E402
from self_check import synthetic_images  # noqa: E402
from tinymodel import cosine_matrix  # noqa: E402
from write_goldens import dump, floats, image_input  # noqa: E402

MODEL_NAME = "viewfinder-test-tiny-openclip"
GOLDEN_TEXTS = ["a red car", "the blue sky at night"]

SENTENCES = [
    ("a photo of a red car", "red"),
    ("A Photo of a RED car!", "red"),
    ("the blue sky", "blue"),
    ("yellow flowers in the garden", "yellow"),
    ("a black dog at night", "black"),
    ("snow-white", "white"),
    ("green leaves in the forest", "green"),
    ("brown wooden table", "brown"),
    ("pink flamingo", "pink"),
    ("a grey cat", "grey"),
    ("purple grapes", "purple"),
    ("an orange pumpkin", "orange"),
]

TOKENIZATION_TEXTS = [
    "a red car",
    "the blue sky at night",
    "A Photo of a RED car!",
    "reddish-brown leaves",
    "sunflowers in the garden",
    "blueberries and strawberries",
    "2024-06-01 photos (holiday)",
    "it's a dog's life, isn't it?",
    "supercalifragilisticexpialidocious",
    "  multiple   spaces\tand\nnewlines  ",
    "Grüße aus München",
    "Café au lait",
    "红色的汽车",
    "🍎 apple",
    "<|startoftext|>red<|endoftext|>",
    "xyzzy quux",
    "",
    "a photo of a red car and a blue car and a green car with a yellow bike and a black dog "
    "next to a white house under a grey sky",
    "x" * 60,
    "ﬁne ½ İstanbul",
]


def self_check(model_dir):
    model = OpenCLIPModel(model_dir)
    failures = []

    text_inputs = {i.name: (i.type, i.shape) for i in model.text_session.get_inputs()}
    image_inputs = {i.name: (i.type, i.shape) for i in model.image_session.get_inputs()}
    assert text_inputs == {"text": ("tensor(int32)", [1, model.context_length])}, text_inputs
    assert image_inputs == {"image": ("tensor(float)", [1, 3, model.image_size, model.image_size])}, image_inputs
    assert [o.name for o in model.text_session.get_outputs()] == ["embedding"]
    assert [o.name for o in model.image_session.get_outputs()] == ["embedding"]
    ids = model.tokenize(["a red car"])
    assert ids.shape == (1, model.context_length) and ids[0, -1] == model.pad_id, ids
    text = model.run_text(ids)
    image = model.run_image(np.zeros((2, 3, model.image_size, model.image_size), np.float32))
    for name, embedding in [("text", text), ("image", image)]:
        norms = np.linalg.norm(embedding, axis=1)
        assert np.allclose(norms, 1.0, atol=1e-5), (name, norms)
    print(f"embeddings are unit length; text {text.shape}, image {image.shape}")

    images, labels = synthetic_images(model.image_size)
    image_emb = model.encode_rgb_arrays(images)
    words = [BASE_WORDS["en"][c] for c in CONCEPTS]
    sims = cosine_matrix(image_emb, model.encode_texts(words))
    for row, label in enumerate(labels):
        best = CONCEPTS[int(np.argmax(sims[row]))]
        if best != label:
            failures.append(f"a {label} picture is nearest to '{words[CONCEPTS.index(best)]}'")
    for column, concept in enumerate(CONCEPTS):
        best = labels[int(np.argmax(sims[:, column]))]
        if best != concept:
            failures.append(f"'{words[column]}' finds a {best} picture first")

    print("\ncosine similarity, synthetic pictures (rows, mean of 3 shades) x English words (columns)")
    print(f"{'':>8} " + " ".join(f"{w[:6]:>6}" for w in words))
    for concept in CONCEPTS:
        rows = [i for i, label in enumerate(labels) if label == concept]
        print(f"{concept:>8} " + " ".join(f"{v:6.2f}" for v in sims[rows].mean(axis=0)))

    sentence_sims = cosine_matrix(model.encode_texts([s for s, _ in SENTENCES]), image_emb)
    print()
    for (sentence, concept), row in zip(SENTENCES, sentence_sims):
        best = labels[int(np.argmax(row))]
        print(f"  {sentence!r:40} -> {best}")
        if best != concept:
            failures.append(f"sentence {sentence!r} finds {best}, expected {concept}")

    if failures:
        print("\nSELF-CHECK FAILED:\n  " + "\n  ".join(failures))
        raise SystemExit(1)
    print("\nself-check passed")


def build_goldens(model_dir):
    model = OpenCLIPModel(model_dir)
    shape = [2, 3, model.image_size, model.image_size]
    image_embedding = model.run_image(image_input(shape))
    ids = model.tokenize(GOLDEN_TEXTS)
    text_embedding = model.run_text(ids)
    tokenization = []
    for text in TOKENIZATION_TEXTS:
        encoding = model.raw_tokenizer.encode(text)
        padded = model.tokenizer.encode(text)
        tokenization.append({"text": text, "input_ids": encoding.ids, "tokens": encoding.tokens,
                             "padded_ids": padded.ids})
    return {
        "model": os.path.basename(os.path.normpath(model_dir)),
        "onnxruntime": ort.__version__,
        "pad_id": model.pad_id,
        "context_length": model.context_length,
        "image": {
            "input": "image",
            "shape": shape,
            "input_formula": "x[i] = Float32(Double((i * 7919) % 1000) / 500.0 - 1.0), "
                             "i = flat row-major index, 64-bit integer arithmetic; run one picture at a time",
            "embedding": floats(image_embedding),
        },
        "text": {
            "input": "text",
            "texts": GOLDEN_TEXTS,
            "shape": [len(GOLDEN_TEXTS), model.context_length],
            "input_ids": ids.astype(int).tolist(),
            "embedding": floats(text_embedding),
        },
        "tokenization": tokenization,
    }


def write_goldens(model_dir, out_path):
    goldens = build_goldens(model_dir)
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(dump(goldens) + "\n")
    with open(out_path, encoding="utf-8") as f:
        assert json.load(f) == goldens


if __name__ == "__main__":
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "models", MODEL_NAME)
    self_check(directory)
    if len(sys.argv) > 2:
        write_goldens(directory, sys.argv[2])
