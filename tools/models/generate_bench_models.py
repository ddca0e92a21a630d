#!/usr/bin/env python3
"""Generate random-weight benchmark models with the real shapes and operators of
UForm3 multilingual-base and OpenCLIP ViT-B/32, in float32 and int8 (dynamically
quantised), in the UForm folder layout so `viewfinder` can import and run them.

    .vendor/venv/bin/python3 tools/models/generate_bench_models.py OUT_DIR [--only NAME ...]

Writes OUT_DIR/<name>/{config.json, tokenizer.json, image_encoder.onnx, text_encoder.onnx} for
  bench-uform3-multilingual-base-fp32 / -int8
      image: ViT-B/16 at 224 px (Conv 16×16 patch embedding, 197 tokens, 12 pre-norm layers,
             768 wide, 12 heads, MLP 3072, Erf GELU; about 35 GFLOP per image), projection to 256;
      text:  12 post-norm BERT layers, 384 wide, 12 heads, MLP 1536, a 250 002-token Gather
             embedding, 50 tokens with an attention mask, projection to 256.
  bench-openclip-vit-b-32-fp32 / -int8
      image: ViT-B/32 at 224 px (Conv 32×32, 50 tokens, 12 layers, 768 wide, MLP 3072), to 512;
      text:  12 pre-norm layers, 512 wide, 8 heads, MLP 2048, 49 408-token Gather, 77 tokens,
             causal mask, end-token pooling (ArgMax of the ids), to 512.
Weights are seeded normal noise (std 0.02), so outputs mean nothing; only speed is measured.
The int8 variants come from onnxruntime.quantization.quantize_dynamic over MatMul and Gather
(the embedding tables), as published UForm3 ONNX files are quantised. The models are large
(about 1.8 GB in total) and are not committed; `make bench-encoder` builds them on demand.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OPSET = 17
CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073]
CLIP_STD = [0.26862954, 0.26130258, 0.27577711]

SPECS = {
    "bench-uform3-multilingual-base": {
        "image": {"patch": 16, "size": 224, "width": 768, "layers": 12, "heads": 12, "mlp": 3072, "ln_pre": False},
        "text": {"vocab": 250_002, "context": 50, "width": 384, "layers": 12, "heads": 12, "mlp": 1536,
                 "style": "bert", "padding_idx": 1},
        "embedding_dim": 256,
        "tokenizer": "xlmr-unigram.json",
    },
    "bench-openclip-vit-b-32": {
        "image": {"patch": 32, "size": 224, "width": 768, "layers": 12, "heads": 12, "mlp": 3072, "ln_pre": True},
        "text": {"vocab": 49_408, "context": 77, "width": 512, "layers": 12, "heads": 8, "mlp": 2048,
                 "style": "clip", "padding_idx": 0},
        "embedding_dim": 512,
        "tokenizer": "clip-bpe.json",
    },
}


class Graph:
    """Collects nodes and seeded initialisers under unique names."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)
        self.nodes, self.initializers, self.count = [], [], 0

    def name(self, stem):
        self.count += 1
        return f"{stem}_{self.count}"

    def const(self, stem, array):
        name = self.name(stem)
        self.initializers.append(numpy_helper.from_array(np.asarray(array), name=name))
        return name

    def weight(self, stem, shape, std=0.02):
        return self.const(stem, (self.rng.standard_normal(shape, dtype=np.float32) * std).astype(np.float32))

    def op(self, op_type, inputs, stem=None, **attributes):
        output = self.name(stem or op_type.lower())
        self.nodes.append(helper.make_node(op_type, inputs, [output], **attributes))
        return output

    # -- building blocks, shaped like torch.onnx exports ----------------------
    def linear(self, x, fan_in, fan_out, stem):
        y = self.op("MatMul", [x, self.weight(stem + ".weight", (fan_in, fan_out))])
        return self.op("Add", [y, self.const(stem + ".bias", np.zeros(fan_out, np.float32))])

    def layer_norm(self, x, width, stem):
        scale = self.const(stem + ".weight", np.ones(width, np.float32))
        bias = self.const(stem + ".bias", np.zeros(width, np.float32))
        return self.op("LayerNormalization", [x, scale, bias], axis=-1, epsilon=1e-5)

    def gelu(self, x):
        # x * 0.5 * (1 + erf(x / sqrt(2))), as torch exports nn.GELU.
        scaled = self.op("Div", [x, self.const("sqrt2", np.array(np.sqrt(2.0), np.float32))])
        erf = self.op("Erf", [scaled])
        shifted = self.op("Add", [erf, self.const("one", np.array(1.0, np.float32))])
        return self.op("Mul", [self.op("Mul", [x, shifted]), self.const("half", np.array(0.5, np.float32))])

    def attention(self, x, width, heads, stem, additive_mask=None):
        head_dim = width // heads
        split = self.const("heads_shape", np.array([0, 0, heads, head_dim], np.int64))
        merge = self.const("merge_shape", np.array([0, 0, width], np.int64))

        def project(part, perm):
            y = self.linear(x, width, width, f"{stem}.{part}")
            return self.op("Transpose", [self.op("Reshape", [y, split])], perm=perm)

        q = project("q", [0, 2, 1, 3])
        k = project("k", [0, 2, 3, 1])
        v = project("v", [0, 2, 1, 3])
        scores = self.op("MatMul", [q, k])
        scores = self.op("Mul", [scores, self.const("scale", np.array(head_dim ** -0.5, np.float32))])
        if additive_mask is not None:
            scores = self.op("Add", [scores, additive_mask])
        weights = self.op("Softmax", [scores], axis=-1)
        context = self.op("Transpose", [self.op("MatMul", [weights, v])], perm=[0, 2, 1, 3])
        return self.linear(self.op("Reshape", [context, merge]), width, width, f"{stem}.out")

    def mlp(self, x, width, hidden, stem):
        return self.linear(self.gelu(self.linear(x, width, hidden, f"{stem}.fc1")), hidden, width, f"{stem}.fc2")

    def pre_norm_block(self, x, width, heads, hidden, stem, mask=None):
        x = self.op("Add", [x, self.attention(self.layer_norm(x, width, f"{stem}.ln1"), width, heads, stem, mask)])
        return self.op("Add", [x, self.mlp(self.layer_norm(x, width, f"{stem}.ln2"), width, hidden, stem)])

    def post_norm_block(self, x, width, heads, hidden, stem, mask=None):
        x = self.layer_norm(self.op("Add", [x, self.attention(x, width, heads, stem, mask)]), width, f"{stem}.ln1")
        return self.layer_norm(self.op("Add", [x, self.mlp(x, width, hidden, stem)]), width, f"{stem}.ln2")


def finish(graph, name, inputs, outputs):
    model = helper.make_model(
        helper.make_graph(graph.nodes, name, inputs, outputs, graph.initializers),
        opset_imports=[helper.make_opsetid("", OPSET)], producer_name="viewfinder generate_bench_models.py")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def image_tower(spec, embedding_dim, seed):
    g = Graph(seed)
    width, patch, size = spec["width"], spec["patch"], spec["size"]
    tokens = (size // patch) ** 2 + 1
    patches = g.op("Conv", ["images", g.weight("patch_embedding", (width, 3, patch, patch))],
                   kernel_shape=[patch, patch], strides=[patch, patch])
    flat = g.op("Reshape", [patches, g.const("flat_shape", np.array([0, width, -1], np.int64))])
    sequence = g.op("Transpose", [flat], perm=[0, 2, 1])
    # A class token per picture: Expand to [batch, 1, width] from the input's batch size.
    batch = g.op("Gather", [g.op("Shape", ["images"]), g.const("zero_index", np.array([0], np.int64))], axis=0)
    cls_shape = g.op("Concat", [batch, g.const("one_width", np.array([1, width], np.int64))], axis=0)
    cls = g.op("Expand", [g.weight("class_embedding", (1, 1, width)), cls_shape])
    x = g.op("Concat", [cls, sequence], axis=1)
    x = g.op("Add", [x, g.weight("position_embedding", (1, tokens, width))])
    if spec["ln_pre"]:
        x = g.layer_norm(x, width, "ln_pre")
    for layer in range(spec["layers"]):
        x = g.pre_norm_block(x, width, spec["heads"], spec["mlp"], f"layer{layer}")
    features = g.layer_norm(x, width, "ln_post")
    g.nodes.append(helper.make_node("Identity", [features], ["features"]))
    pooled = g.op("Gather", [features, g.const("cls_index", np.array(0, np.int64))], axis=1)
    g.nodes.append(helper.make_node("MatMul", [pooled, g.weight("projection", (width, embedding_dim))], ["embeddings"]))
    return finish(
        g, "image_encoder",
        [helper.make_tensor_value_info("images", TensorProto.FLOAT, ["batch_size", 3, size, size])],
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch_size", tokens, width]),
         helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch_size", embedding_dim])])


def text_tower(spec, embedding_dim, seed):
    g = Graph(seed)
    width, context = spec["width"], spec["context"]
    ids64 = g.op("Cast", ["input_ids"], to=TensorProto.INT64)
    x = g.op("Gather", [g.weight("word_embeddings", (spec["vocab"], width)), ids64], axis=0)
    x = g.op("Add", [x, g.weight("position_embeddings", (1, context, width))])
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT32, ["batch_size", context])]
    if spec["style"] == "bert":
        inputs.append(helper.make_tensor_value_info("attention_mask", TensorProto.INT32, ["batch_size", context]))
        x = g.layer_norm(x, width, "embeddings.ln")
        # (1 - mask) * -10000, broadcast over heads and query positions: [batch, 1, 1, context].
        mask = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
        mask = g.op("Unsqueeze", [mask, g.const("mask_axes", np.array([1, 2], np.int64))])
        inverted = g.op("Sub", [g.const("one", np.array(1.0, np.float32)), mask])
        additive = g.op("Mul", [inverted, g.const("neg", np.array(-10000.0, np.float32))])
        for layer in range(spec["layers"]):
            x = g.post_norm_block(x, width, spec["heads"], spec["mlp"], f"layer{layer}", additive)
        features = x
        pooled = g.op("Gather", [features, g.const("cls_index", np.array(0, np.int64))], axis=1)
    else:
        causal = np.triu(np.full((context, context), -10000.0, np.float32), k=1)[None, None]
        additive = g.const("causal_mask", causal)
        for layer in range(spec["layers"]):
            x = g.pre_norm_block(x, width, spec["heads"], spec["mlp"], f"layer{layer}", additive)
        features = g.layer_norm(x, width, "ln_final")
        # CLIP pools at the end token, the highest id: x[arange(batch), ids.argmax(-1)].
        end = g.op("ArgMax", [ids64], axis=1, keepdims=1)
        index = g.op("Expand", [g.op("Unsqueeze", [end, g.const("last_axis", np.array([2], np.int64))]),
                                g.const("index_shape", np.array([1, 1, width], np.int64))])
        pooled = g.op("Squeeze", [g.op("GatherElements", [features, index], axis=1),
                                  g.const("middle_axis", np.array([1], np.int64))])
    g.nodes.append(helper.make_node("Identity", [features], ["features"]))
    g.nodes.append(helper.make_node("MatMul", [pooled, g.weight("projection", (width, embedding_dim))], ["embeddings"]))
    return finish(
        g, "text_encoder", inputs,
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch_size", context, width]),
         helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch_size", embedding_dim])])


def uform_config(spec):
    image, text = spec["image"], spec["text"]
    return {
        "text_encoder": {"model_type": "bench", "dim": text["width"], "vocab_size": text["vocab"],
                         "padding_idx": text["padding_idx"], "num_layers": text["layers"], "num_heads": text["heads"],
                         "embedding_dim": spec["embedding_dim"], "max_position_embeddings": text["context"]},
        "image_encoder": {"normalization_means": CLIP_MEAN, "normalization_deviations": CLIP_STD,
                          "dim": image["width"], "patch_size": image["patch"], "image_size": image["size"],
                          "num_layers": image["layers"], "num_heads": image["heads"],
                          "embedding_dim": spec["embedding_dim"]},
    }


def quantize(source, target):
    from onnxruntime.quantization import QuantType, quantize_dynamic
    quantize_dynamic(source, target, op_types_to_quantize=["MatMul", "Gather"], weight_type=QuantType.QInt8)


def build(name, spec, out_dir, seed):
    fp32 = os.path.join(out_dir, name + "-fp32")
    int8 = os.path.join(out_dir, name + "-int8")
    for folder in (fp32, int8):
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "config.json"), "w", encoding="utf-8") as f:
            json.dump(uform_config(spec), f, indent=2)
        shutil.copyfile(os.path.join(REPO, "Tests", "Fixtures", "tokenizers", spec["tokenizer"]),
                        os.path.join(folder, "tokenizer.json"))
    towers = [("image_encoder.onnx", image_tower(spec["image"], spec["embedding_dim"], seed)),
              ("text_encoder.onnx", text_tower(spec["text"], spec["embedding_dim"], seed + 1))]
    for file_name, model in towers:
        path = os.path.join(fp32, file_name)
        onnx.save_model(model, path)
        with tempfile.TemporaryDirectory() as scratch:
            # quantize_dynamic may write helper files next to its output; keep them out of the model folder.
            quantized = os.path.join(scratch, file_name)
            quantize(path, quantized)
            shutil.copyfile(quantized, os.path.join(int8, file_name))
        print(f"{name}: {file_name} fp32 {os.path.getsize(path) / 1e6:.0f} MB, "
              f"int8 {os.path.getsize(os.path.join(int8, file_name)) / 1e6:.0f} MB", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", help="folder for the model folders, e.g. var/bench/models")
    parser.add_argument("--only", action="append", choices=sorted(SPECS), help="build only these models")
    args = parser.parse_args(argv)
    for index, (name, spec) in enumerate(sorted(SPECS.items())):
        if args.only and name not in args.only:
            continue
        build(name, spec, args.out_dir, seed=1000 + 10 * index)


if __name__ == "__main__":
    sys.exit(main())
