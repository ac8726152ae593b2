"""Save and load trained networks as ``.safetensors`` files (no pickle, no code, no zip).

A model file holds the arrays ``W1, b1, …, WL, bL`` (float64) and, in the format's string
header (``__metadata__``), ``{"format": "dnn-cat-model", "version": "1", "model": <JSON>}``,
where the JSON object says the layer sizes, the hidden activation, the class names, the label
and the training settings.

The safetensors library checks what any safetensors file must satisfy (the JSON header, dtypes,
shapes, offsets covering the data exactly). This module checks the rest, which the format
cannot know: the header's size before anything is parsed, the file's size, that the arrays are
a network of this app (names, float dtypes, shapes chaining from 12288 inputs to 1 output, no
layer of 0 units, bounded layer and weight counts), that the description agrees with the
arrays, and that every value is finite and small enough that no picture can make a prediction
overflow into NaN. Every problem is an :class:`InvalidModelError` with a ``code``.
"""

from __future__ import annotations

import json
import os
import struct
from typing import BinaryIO

import numpy as np
import safetensors.numpy

from dnn.config import ACTIVATIONS
from dnn.errors import UserFacingError
from dnn.files import read_limited
from dnn.images import INPUT_SIZE
from dnn.layers import layer_dims, layers, ordered, parse_key
from dnn.model_meta import describe, read_description

MAX_LAYERS = 64  # L; the app's sliders go to 8 hidden layers, the engine's tests to 60
MAX_PARAMS = 5_000_000  # the app's largest network (12288·256 + 7 layers up to 512) has 4.85 M
MAX_FILE_BYTES = 40 * 2**20  # 5 M float64 weights are 38.1 MiB
MAX_HEADER_BYTES = 256 * 1024  # the JSON header: 2 × 64 array entries and the description
MAX_PREACTIVATION = 1e300  # a bound on |Z^[l]| over all inputs in [0, 1] must stay below this
DTYPES = (np.float64, np.float32)
FORMAT = "dnn-cat-model"


class InvalidModelError(UserFacingError):
    """The file is not a model this app can use; the message says what is wrong."""


def _refuse(code: str, message: str, **values) -> InvalidModelError:
    return InvalidModelError(message, code=f"model_{code}", **values)


def model_bytes(params: dict[str, np.ndarray], **metadata) -> bytes:
    """The ``.safetensors`` file of ``params`` and ``metadata`` as bytes (for a download)."""
    arrays = {k: np.ascontiguousarray(v, dtype=np.float64) for k, v in ordered(params).items()}
    description = describe(layer_dims(params), metadata)
    read_description(description)  # what is saved can be loaded: ValueError names a bad field
    header = {"format": FORMAT, "version": "1", "model": description}
    return safetensors.numpy.save(arrays, metadata=header)


def save_model(file: str | os.PathLike | BinaryIO, params: dict[str, np.ndarray], **metadata):
    """Write ``params`` (W^[l], b^[l]) and a description to a ``.safetensors`` file.

    ``metadata``: ``hidden_activation`` (default ``"relu"``), ``class_names`` (default
    non-cat, cat), ``label`` and training settings (numbers, booleans, short strings).
    """
    data = model_bytes(params, **metadata)
    if isinstance(file, (str, os.PathLike)):
        with open(file, "wb") as f:
            f.write(data)
    else:
        file.write(data)


def load_model(file: str | os.PathLike | BinaryIO | bytes) -> tuple[dict, dict]:
    """Read a model file written by :func:`save_model` → ``(params, metadata)``.

    ``params`` are float64 arrays in layer order; ``metadata`` holds ``layer_dims``,
    ``hidden_activation``, ``class_names`` and what else was saved.

    Raises
    ------
    InvalidModelError
        For every malformed, foreign, oversized or unusable file (see the module's docstring).
    """
    data = read_limited(file, MAX_FILE_BYTES, InvalidModelError, "model", "model file")
    header_size = _header_size(data)
    try:
        arrays = safetensors.numpy.load(data)
        header = json.loads(data[8 : 8 + header_size])
    except BaseException as exc:  # the Rust side may also panic (a BaseException)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise _refuse(
            "format", "This is not a model file in the safetensors format, or it is damaged."
        ) from None
    meta = _description(header.get("__metadata__"))
    params = _network(arrays)
    found = layer_dims(params)
    if meta["layer_dims"] != found:
        raise _refuse(
            "dims_mismatch",
            f"The description says layers {meta['layer_dims']}, the arrays say {found}.",
            said=str(meta["layer_dims"]),
            found=str(found),
        )
    _check_values(params, meta["hidden_activation"])
    return params, meta


def _header_size(data: bytes) -> int:
    """The JSON header's length from the first 8 bytes, bounded before anything is parsed."""
    if len(data) < 8:
        raise _refuse(
            "format", "This is not a model file in the safetensors format, or it is damaged."
        )
    (size,) = struct.unpack("<Q", data[:8])
    if size > MAX_HEADER_BYTES or 8 + size > len(data):
        kb = f"{min(size, 2**60) / 1024:.0f}"
        raise _refuse(
            "header",
            f"The file's header claims {kb} kB; a model's header is at most "
            f"{MAX_HEADER_BYTES // 1024} kB and lies within the file.",
            kb=kb,
            limit_kb=MAX_HEADER_BYTES // 1024,
        )
    return size


def _description(metadata) -> dict:
    if not isinstance(metadata, dict) or metadata.get("format") != FORMAT:
        raise _refuse(
            "not_ours",
            "This safetensors file was not saved by this app: its header has no model description.",
        )
    try:
        meta = read_description(metadata.get("model"))
    except ValueError as exc:  # its argument names the field that is wrong
        field = str(exc.args[0])
        raise _refuse(
            "metadata", f"The model's description is invalid ({field}).", field=field
        ) from None
    if meta["hidden_activation"] not in ACTIVATIONS:
        name = meta["hidden_activation"][:40]
        raise _refuse(
            "activation",
            f"The model uses the hidden activation {name!r}, which this app does not know.",
            name=name,
        )
    return meta


def _network(arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The arrays as a network's parameters, or a refusal naming the first problem."""
    numbers = set()
    for name, a in arrays.items():
        key = parse_key(name)
        if key is None:
            shown = name[:40]
            raise _refuse(
                "tensor_name",
                f"The file holds an array named {shown!r}; a model holds only W1, b1, …, WL, bL.",
                name=shown,
            )
        if a.dtype not in DTYPES:
            raise _refuse(
                "dtype",
                f"{name} holds {a.dtype} values; weights must be floating point.",
                name=name,
                dtype=str(a.dtype),
            )
        numbers.add(key[1])
    L = max(numbers, default=0)
    if not 1 <= L <= MAX_LAYERS:
        raise _refuse(
            "layers",
            f"The model has {L} layers; 1 to {MAX_LAYERS} are accepted.",
            count=L,
            limit=MAX_LAYERS,
        )
    total = sum(a.size for a in arrays.values())
    if total > MAX_PARAMS:
        raise _refuse(
            "params",
            f"The model has {total:,} weights; at most {MAX_PARAMS:,} are accepted.",
            count=f"{total:,}",
            limit=f"{MAX_PARAMS:,}",
        )
    params, n_prev = {}, INPUT_SIZE
    for l in range(1, L + 1):
        W, b = arrays.get(f"W{l}"), arrays.get(f"b{l}")
        if W is None or b is None:
            raise _refuse("missing_layer", f"Layer {l} is missing W{l} or b{l}.", l=l)
        if W.ndim != 2 or W.shape[1] != n_prev:
            which = "input" if l == 1 else "chain"
            raise _refuse(
                which,
                f"W{l} has shape {W.shape}: it should take {n_prev} inputs "
                "(64×64×3 pixels for layer 1, the previous layer's units after).",
                name=f"W{l}",
                shape=str(W.shape),
                n=n_prev,
            )
        if W.shape[0] == 0:
            raise _refuse("empty_layer", f"Layer {l} has 0 units.", l=l)
        if b.shape != (W.shape[0], 1):
            raise _refuse(
                "bias",
                f"b{l} has shape {b.shape}; expected {(W.shape[0], 1)}.",
                name=f"b{l}",
                shape=str(b.shape),
                expected=str((W.shape[0], 1)),
            )
        params[f"W{l}"], params[f"b{l}"] = W.astype(np.float64), b.astype(np.float64)
        n_prev = W.shape[0]
    if n_prev != 1:
        raise _refuse(
            "output", f"The last layer has {n_prev} units; a cat detector has 1.", n=n_prev
        )
    return params


def _check_values(params: dict[str, np.ndarray], hidden: str) -> None:
    """Finite, and small enough that no input in [0, 1]^12288 overflows a layer.

    A bound on every layer's pre-activation over all inputs: |Z^[l]| ≤ ‖W^[l]‖_∞ · a + |b^[l]|
    with a the bound on |A^[l-1]| (1 for the pixels; |g(z)| ≤ |z| for ReLU, leaky ReLU and
    tanh, and tanh and sigmoid stay within 1).
    """
    bound = 1.0
    with np.errstate(over="ignore", invalid="ignore"):
        for name, a in params.items():
            if not np.isfinite(a).all():
                raise _refuse(
                    "not_finite",
                    f"{name} holds NaN or infinite values: the model is unusable.",
                    name=name,
                )
        for l, W, b in layers(params):
            z = float(np.abs(W).sum(axis=1).max()) * bound + float(np.abs(b).max())
            if not z <= MAX_PREACTIVATION:
                raise _refuse(
                    "absurd",
                    f"The weights of layer {l} are so large that predictions would overflow "
                    "to NaN: no training makes such a model.",
                    l=l,
                )
            bound = min(z, 1.0) if hidden in ("tanh", "sigmoid") else z
