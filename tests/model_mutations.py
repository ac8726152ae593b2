"""Mutated model files for the fuzz test and ``bench/fuzz_files.py``: bytes and header JSON.

Each mutation starts from a valid ``.safetensors`` model and changes one thing a hostile or
damaged file could: random bytes, the header's length field, the length of the file, or a field
of the header's JSON (a tensor's dtype, shape or offsets, its name, the description's fields:
deep nesting, huge integers, wrong types, NaN), re-encoded with a consistent or a wrong length.
"""

from __future__ import annotations

import json
import struct

import numpy as np

from dnn.model_io import model_bytes
from dnn.propagation import initialize

DTYPES = ["F64", "F32", "F16", "BF16", "I64", "I32", "U8", "BOOL", "F8_E4M3", "X", 5, None, []]
HUGE = [2**63, 2**64 + 1, -1, -(2**63), 10**30, 0, 1, 12288, 3.5, "12288", None, True]


def seeds() -> list[bytes]:
    """Valid model files to start from (small: the first layer alone is 12288 wide)."""
    rng = np.random.RandomState(0)
    return [
        model_bytes(initialize((12288, 1, 1), rng), hidden_activation="relu", label="one"),
        model_bytes(
            initialize((12288, 2, 3, 1), rng), hidden_activation="tanh", learning_rate=0.01
        ),
    ]


def split(data: bytes) -> tuple[dict, bytes]:
    """(header JSON, data after the header) of a valid file."""
    (n,) = struct.unpack("<Q", data[:8])
    return json.loads(data[8 : 8 + n]), data[8 + n :]


def join(header, body: bytes, rng: np.random.RandomState, text: str | None = None) -> bytes:
    """Encode ``header`` (or raw ``text``) with its length, sometimes a wrong one."""
    raw = (text if text is not None else json.dumps(header)).encode("utf-8", "surrogatepass")
    n = len(raw)
    if rng.rand() < 0.1:
        n = int(rng.choice([0, 1, n - 1, n + 1, n + 8, 2**32, 2**63, len(raw) + len(body)]))
    return struct.pack("<Q", n % 2**64) + raw + body


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def bad_description(rng: np.random.RandomState, meta: dict) -> str:
    """The description's JSON text, changed in one way."""
    kind = rng.randint(9)
    meta = dict(meta)
    field = str(rng.choice(["layer_dims", "hidden_activation", "class_names", "label", "x"]))
    if kind == 0:
        return '{"layer_dims": ' + nested(int(rng.choice([50, 1000, 100_000]))) + "}"
    if kind == 1:
        return '{"layer_dims": [12288, ' + "9" * int(rng.choice([17, 400, 5000])) + ", 1]}"
    if kind == 2:
        meta[field] = [5, "x", None, {}, [], 1e308, -1, True, 2**70, "relu" * 100][rng.randint(10)]
        return json.dumps(meta)
    if kind == 3:
        meta["layer_dims"] = [int(v) for v in rng.randint(-2, 20, size=rng.randint(0, 6))]
        return json.dumps(meta)
    if kind == 4:
        return json.dumps(meta).replace("1", "NaN", 1)
    if kind == 5:
        text = json.dumps(meta)
        cut = rng.randint(len(text))
        return text[:cut] + chr(rng.randint(0, 0xD7FF)) + text[cut + 1 :]
    if kind == 6:
        meta.update({f"k{i}": i for i in range(rng.randint(30, 60))})
        return json.dumps(meta)
    if kind == 7:
        return json.dumps([meta]) if rng.rand() < 0.5 else json.dumps("text")
    meta.pop(field, None)
    return json.dumps(meta)


def mutate(data: bytes, rng: np.random.RandomState) -> bytes:
    """One mutated copy of the valid model file ``data``."""
    header, body = split(data)
    kind = rng.randint(10)
    if kind <= 1:  # random bytes, mostly in the header
        out = bytearray(data)
        end = 8 + len(json.dumps(header)) if kind == 0 else len(out)
        for _ in range(rng.randint(1, 9)):
            out[rng.randint(min(end, len(out)))] = rng.randint(256)
        return bytes(out)
    if kind == 2:  # truncated or extended
        if rng.rand() < 0.5:
            return data[: rng.randint(len(data))]
        return data + bytes(rng.randint(0, 256, size=rng.randint(1, 64), dtype=np.uint8))
    if kind == 3:  # the header's length field
        return struct.pack("<Q", int(rng.choice(HUGE[:6])) % 2**64) + data[8:]
    names = [k for k in header if k != "__metadata__"]
    name = str(rng.choice(names))
    entry = header[name]
    if kind == 4:
        entry["dtype"] = DTYPES[rng.randint(len(DTYPES))]
    elif kind == 5:
        shape = list(entry["shape"])
        choice = rng.randint(4)
        if choice == 0 and shape:
            shape[rng.randint(len(shape))] = HUGE[rng.randint(len(HUGE))]
        elif choice == 1:
            shape = shape[:-1] if rng.rand() < 0.5 else shape + [1]
        elif choice == 2:
            shape = [[1], 2] if rng.rand() < 0.5 else "12288"
        else:
            shape = shape[::-1]
        entry["shape"] = shape
    elif kind == 6:
        offsets = list(entry["data_offsets"])
        offsets[rng.randint(2)] = HUGE[rng.randint(len(HUGE))]
        entry["data_offsets"] = offsets if rng.rand() < 0.8 else offsets[::-1]
    elif kind == 7:
        new = str(rng.choice(["W01", "W1 ", "W10", "b", "evil", "W0", "__metadata__", "w1"]))
        header[new] = header.pop(name)
    elif kind == 8:
        meta = header.get("__metadata__", {})
        description = json.loads(meta["model"])
        meta["model"] = bad_description(rng, description)
        if rng.rand() < 0.1:
            meta["format"] = "something else"
    else:
        meta = header["__metadata__"]
        choice = rng.randint(4)
        if choice == 0:
            header["__metadata__"] = {"model": json.loads(meta["model"])}  # not a string
        elif choice == 1:
            del header["__metadata__"]
        elif choice == 2:
            text = json.dumps(header)
            return join(None, body, rng, text=text.replace("{", '{"W1": 0, ', 1))  # duplicate
        else:
            return join(None, body, rng, text=nested(int(rng.choice([200, 5000]))))
    return join(header, body, rng)
