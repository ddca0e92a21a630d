"""Run a model in the OpenCLIP/Immich layout with Python onnxruntime, as Immich does:
`config.json` (open_clip's model config), `visual/model.onnx` + `visual/preprocess_cfg.json`,
`textual/model.onnx` + `textual/tokenizer.json` + `textual/tokenizer_config.json`.

The text input `text` is int32 ids padded with the tokenizer config's `pad_token` to
`text_cfg.context_length` (truncation keeps the end token); the image input `image` is
float32 NCHW. Both towers have one output, `embedding`. Exports may fix the batch axis
at 1, so batches are run one row at a time when the model says so.
"""

import json
import os

import numpy as np
from PIL import Image, ImageOps
from tokenizers import Tokenizer

from tinymodel import make_session


class OpenCLIPModel:
    def __init__(self, model_dir):
        self.model_dir = model_dir
        with open(os.path.join(model_dir, "config.json"), encoding="utf-8") as f:
            self.config = json.load(f)
        with open(os.path.join(model_dir, "visual", "preprocess_cfg.json"), encoding="utf-8") as f:
            self.preprocess_cfg = json.load(f)
        with open(os.path.join(model_dir, "textual", "tokenizer_config.json"), encoding="utf-8") as f:
            tokenizer_cfg = json.load(f)
        self.context_length = self.config["text_cfg"].get("context_length", 77)
        size = self.preprocess_cfg["size"]
        self.image_size = size[0] if isinstance(size, list) else size
        self.mean = np.array(self.preprocess_cfg["mean"], dtype=np.float32)
        self.std = np.array(self.preprocess_cfg["std"], dtype=np.float32)

        # Exactly how Immich's OpenClipTextualEncoder prepares its tokenizer.
        self.tokenizer = Tokenizer.from_file(os.path.join(model_dir, "textual", "tokenizer.json"))
        self.raw_tokenizer = Tokenizer.from_file(os.path.join(model_dir, "textual", "tokenizer.json"))
        pad_token = tokenizer_cfg["pad_token"]
        self.pad_id = self.tokenizer.token_to_id(pad_token)
        self.tokenizer.enable_padding(length=self.context_length, pad_token=pad_token, pad_id=self.pad_id)
        self.tokenizer.enable_truncation(max_length=self.context_length)

        self.text_session = make_session(os.path.join(model_dir, "textual", "model.onnx"))
        self.image_session = make_session(os.path.join(model_dir, "visual", "model.onnx"))

    # -- text ---------------------------------------------------------------
    def token_ids(self, text):
        """Unpadded ids, special tokens included, exactly as HF tokenizers gives them."""
        return self.raw_tokenizer.encode(text).ids

    def tokenize(self, texts):
        """[N, context_length] int32 ids, padded with the pad token's id."""
        return np.array([self.tokenizer.encode(text).ids for text in texts], dtype=np.int32)

    def run_text(self, ids):
        return _run_rows(self.text_session, "text", ids)

    def encode_texts(self, texts):
        return self.run_text(self.tokenize(texts))

    # -- images -------------------------------------------------------------
    def preprocess(self, image):
        """Immich's `shortest` mode: bicubic resize of the shortest side, centre crop, normalise; CHW float32."""
        image = ImageOps.exif_transpose(image).convert("RGB")
        size = self.image_size
        width, height = image.size
        scale = size / min(width, height)
        new_w, new_h = max(size, round(width * scale)), max(size, round(height * scale))
        image = image.resize((new_w, new_h), Image.BICUBIC)
        left, top = (new_w - size) // 2, (new_h - size) // 2
        image = image.crop((left, top, left + size, top + size))
        pixels = (np.asarray(image, dtype=np.float32) / 255.0 - self.mean) / self.std
        return np.ascontiguousarray(pixels.transpose(2, 0, 1), dtype=np.float32)

    def run_image(self, images):
        return _run_rows(self.image_session, "image", images)

    def encode_rgb_arrays(self, arrays):
        return self.run_image(np.stack([self.preprocess(Image.fromarray(a)) for a in arrays]))


def _run_rows(session, input_name, batch):
    """Runs `batch` in one call, or row by row when the model fixes its batch axis at 1."""
    (declared,) = [i for i in session.get_inputs() if i.name == input_name]
    if declared.shape[0] == 1:
        return np.concatenate([session.run(["embedding"], {input_name: batch[i:i + 1]})[0]
                               for i in range(len(batch))])
    return session.run(["embedding"], {input_name: batch})[0]
