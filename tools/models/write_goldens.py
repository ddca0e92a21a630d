#!/usr/bin/env python3
"""Write golden reference outputs of a UForm3-layout model, computed with Python
onnxruntime (one thread, default options), for the Swift tests to compare against.

    python3 tools/models/write_goldens.py [MODEL_DIR] [OUT_JSON]

Format:
  image: the input tensor is not stored; element i (flat row-major index) of the
         [2, 3, S, S] input is Float32(Double((i * 7919) % 1000) / 500.0 - 1.0),
         computed with 64-bit integers. Stores `features` and `embeddings`.
  text:  two real token sequences padded with padding_idx to the context length
         (int32), their attention masks, `features` and `embeddings`.
  tokenization: strings with their unpadded ids from HF `tokenizers`.
Floats are written as the exact float32 value (Python float repr).
"""

import json
import os
import sys

import numpy as np
import onnxruntime as ort

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from tinymodel import TinyModel  # noqa: E402

BATCH = 2
GOLDEN_TEXTS = ["a red car", "blaue Blumen"]

# Strings to check a Swift WordPiece tokenizer against HF tokenizers.
TOKENIZATION_TEXTS = [
    "a red car",
    "blaue Blumen",
    "A Photo of a RED car!",
    "Ein Foto von einem grünen Auto",
    "une voiture rouge et des fleurs jaunes",
    "un coche rojo con flores amarillas",
    "Grüße aus München",
    "L'été est très chaud.",
    "niño pequeño en la playa",
    "Café au lait, s'il vous plaît",
    "ROUGE, BLEU, VERT!",
    "grau-grüner Himmel über der Stadt",
    "schwarz-weiß Foto",
    "Ölgemälde",
    "Ça va? ¿Qué tal? ¡Hola!",
    "blueberries and strawberries",
    "reddish-brown leaves",
    "sunflowers in the garden",
    "2024-06-01 photos (holiday)",
    "xyzzy quux",
    "supercalifragilisticexpialidocious",
    "x" * 120,
    "smørrebrød",
    "Straße",
    "красный",
    "🍎 apple",
    "ﬁne ½",
    "İstanbul",
    "红色的汽车",
    "青い空",
    "白と黒の写真",
    "グレー の 猫",
    "オレンジ色",
    "  multiple   spaces\tand\nnewlines  ",
    "zero\u200bwidth\u00a0space",
    "",
    "a photo of a red car and a blue car and a green car with a yellow bike and a black dog "
    "next to a white house under a grey sky",
]


def image_input(shape):
    count = int(np.prod(shape))
    i = np.arange(count, dtype=np.int64)
    values = ((i * 7919) % 1000).astype(np.float64) / 500.0 - 1.0
    return values.astype(np.float32).reshape(shape)


def floats(array):
    """Nested lists of Python floats holding the exact float32 values."""
    return np.asarray(array, dtype=np.float32).astype(np.float64).tolist()


def dump(value, indent=0):
    """JSON with objects indented and arrays of numbers kept on one line."""
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f'{pad}  {json.dumps(k, ensure_ascii=False)}: {dump(v, indent + 1)}' for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if value and all(isinstance(v, (list, dict)) for v in value):
            items = [pad + "  " + dump(v, indent + 1) for v in value]
            return "[\n" + ",\n".join(items) + "\n" + pad + "]"
        return "[" + ", ".join(dump(v, indent) for v in value) + "]"
    if isinstance(value, float):
        assert np.isfinite(value)
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def build(model_dir):
    model = TinyModel(model_dir)
    size = model.image_size
    shape = [BATCH, 3, size, size]
    image_features, image_embeddings = model.run_image(image_input(shape))

    input_ids, attention_mask = model.tokenize(GOLDEN_TEXTS)
    text_features, text_embeddings = model.run_text(input_ids, attention_mask)

    tokenization = []
    for text in TOKENIZATION_TEXTS:
        encoding = model.tokenizer.encode(text)
        tokenization.append({"text": text, "input_ids": encoding.ids, "tokens": encoding.tokens})

    return {
        "model": os.path.basename(os.path.normpath(model_dir)),
        "onnxruntime": ort.__version__,
        "image": {
            "input": "images",
            "shape": shape,
            "input_formula": "x[i] = Float32(Double((i * 7919) % 1000) / 500.0 - 1.0), "
                             "i = flat row-major index, 64-bit integer arithmetic",
            "features": floats(image_features),
            "embeddings": floats(image_embeddings),
        },
        "text": {
            "texts": GOLDEN_TEXTS,
            "shape": [BATCH, model.context_length],
            "input_ids": input_ids.astype(int).tolist(),
            "attention_mask": attention_mask.astype(int).tolist(),
            "features": floats(text_features),
            "embeddings": floats(text_embeddings),
        },
        "tokenization": tokenization,
    }


def write(model_dir, out_path):
    goldens = build(model_dir)
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(dump(goldens) + "\n")
    # The file must be plain JSON that reads back to the same values.
    with open(out_path, encoding="utf-8") as f:
        assert json.load(f) == goldens


if __name__ == "__main__":
    model_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "models", "viewfinder-test-tiny")
    out_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        REPO, "Tests", "Fixtures", "goldens", "viewfinder-test-tiny.json")
    write(model_dir, out_path)
    print(f"wrote {out_path}")
