"""Run a model in UForm3 layout (config.json, tokenizer.json, *_encoder.onnx) with
Python onnxruntime. Used by the generator's self-check, the golden writer and the
sample-photo generator; it mirrors what the Swift side does, in a few lines."""

import json
import os

import numpy as np
import onnxruntime as ort
from PIL import Image, ImageOps
from tokenizers import Tokenizer


def make_session(path):
    """An ORT CPU session with one thread and otherwise default options."""
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return ort.InferenceSession(path, sess_options=options, providers=["CPUExecutionProvider"])


class TinyModel:
    def __init__(self, model_dir):
        self.model_dir = model_dir
        with open(os.path.join(model_dir, "config.json"), encoding="utf-8") as f:
            self.config = json.load(f)
        text = self.config["text_encoder"]
        image = self.config["image_encoder"]
        self.context_length = text["max_position_embeddings"]
        self.padding_idx = text["padding_idx"]
        self.image_size = image["image_size"]
        self.mean = np.array(image["normalization_means"], dtype=np.float32)
        self.std = np.array(image["normalization_deviations"], dtype=np.float32)
        self.tokenizer = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
        self.text_session = make_session(os.path.join(model_dir, "text_encoder.onnx"))
        self.image_session = make_session(os.path.join(model_dir, "image_encoder.onnx"))

    # -- text ---------------------------------------------------------------
    def token_ids(self, text):
        """Unpadded ids, special tokens included, exactly as HF tokenizers gives them."""
        return self.tokenizer.encode(text).ids

    def tokenize(self, texts):
        """Pad (or truncate, keeping the final [SEP]) to the context length."""
        n = len(texts)
        ids = np.full((n, self.context_length), self.padding_idx, dtype=np.int32)
        mask = np.zeros((n, self.context_length), dtype=np.int32)
        for row, text in enumerate(texts):
            tokens = self.token_ids(text)
            if len(tokens) > self.context_length:
                tokens = tokens[: self.context_length - 1] + tokens[-1:]
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        return ids, mask

    def run_text(self, input_ids, attention_mask):
        features, embeddings = self.text_session.run(
            ["features", "embeddings"], {"input_ids": input_ids, "attention_mask": attention_mask}
        )
        return features, embeddings

    def encode_texts(self, texts):
        return self.run_text(*self.tokenize(texts))[1]

    # -- images -------------------------------------------------------------
    def preprocess(self, image):
        """EXIF auto-rotate, resize the shortest side to image_size (bicubic),
        centre-crop, scale to 0..1 and normalise; returns float32 [3, S, S]."""
        image = ImageOps.exif_transpose(image).convert("RGB")
        size = self.image_size
        width, height = image.size
        scale = size / min(width, height)
        new_w = max(size, round(width * scale))
        new_h = max(size, round(height * scale))
        image = image.resize((new_w, new_h), Image.BICUBIC)
        left = (new_w - size) // 2
        top = (new_h - size) // 2
        image = image.crop((left, top, left + size, top + size))
        pixels = np.asarray(image, dtype=np.float32) / 255.0
        pixels = (pixels - self.mean) / self.std
        return np.ascontiguousarray(pixels.transpose(2, 0, 1), dtype=np.float32)

    def run_image(self, images):
        features, embeddings = self.image_session.run(["features", "embeddings"], {"images": images})
        return features, embeddings

    def encode_rgb_arrays(self, arrays):
        """Encode HxWx3 uint8 arrays (already square image_size)."""
        batch = np.stack([self.preprocess(Image.fromarray(a)) for a in arrays])
        return self.run_image(batch)[1]

    def encode_files(self, paths):
        batch = []
        for path in paths:
            with Image.open(path) as image:
                batch.append(self.preprocess(image))
        return self.run_image(np.stack(batch))[1]


def cosine_matrix(a, b):
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return a @ b.T
