"""Save and load trained networks as ``.npz`` files, never with pickle.

A model file is a zip of ``.npy`` arrays ``W1, b1, …, WL, bL`` plus ``metadata`` (UTF-8 JSON in
a uint8 array). Loading distrusts the file: it checks the zip directory, each array header and
the shapes before reading any data, so a forged header cannot make it allocate gigabytes.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from typing import BinaryIO

import numpy as np

from dnn.errors import UserFacingError
from dnn.files import read_limited

MAX_FILE_BYTES = 64 * 2**20  # 8 hidden layers of 512 on 12288 inputs is ≈ 55 MB
MAX_PARAMS = 8_000_000  # total weights accepted
MAX_LAYERS = 16
MAX_METADATA_BYTES = 64 * 1024
MAX_RATIO = 20  # uncompressed / compressed above this is a zip bomb, not weights
INPUT_SIZE = 12288
_NAME = re.compile(r"^(W|b)([1-9][0-9]?)\.npy$")


class InvalidModelError(UserFacingError):
    """The file is not a model this app wrote; the message says what is wrong."""


def save_model(file: str | os.PathLike | BinaryIO, params: dict[str, np.ndarray], **metadata):
    """Write ``params`` (W^[l], b^[l]) and JSON-serializable ``metadata`` to an ``.npz`` file."""
    meta = dict(metadata, layer_dims=_layer_dims(params))
    blob = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    arrays = {k: np.asarray(v, dtype=np.float64) for k, v in params.items()}
    np.savez_compressed(file, metadata=blob, **arrays)


def model_bytes(params: dict[str, np.ndarray], **metadata) -> bytes:
    """The ``.npz`` file as bytes (for a download button)."""
    buf = io.BytesIO()
    save_model(buf, params, **metadata)
    return buf.getvalue()


def _layer_dims(params: dict[str, np.ndarray]) -> list[int]:
    L = sum(1 for k in params if k.startswith("W"))
    return [int(params["W1"].shape[1])] + [int(params[f"W{l}"].shape[0]) for l in range(1, L + 1)]


def load_model(file: str | os.PathLike | BinaryIO | bytes) -> tuple[dict, dict]:
    """Read a model file written by :func:`save_model` → ``(params, metadata)``.

    Raises
    ------
    InvalidModelError
        Not a zip, pickled or non-float arrays, unknown or missing keys, shapes that do not chain
        from 12288 inputs to 1 output, a layer count that disagrees with the metadata, sizes over
        the bounds, compression ratios of a zip bomb, or non-finite weights.
    """
    data = _read(file)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InvalidModelError(
            "This is not a model file (.npz): it is not a zip archive."
        ) from None
    with zf:
        infos = {i.filename: i for i in zf.infolist()}
        if "metadata.npy" not in infos:
            raise InvalidModelError("The model file has no metadata: it was not saved by this app.")
        arrays = {}
        for name in infos:
            if name != "metadata.npy" and not _NAME.match(name):
                raise InvalidModelError(f"Unexpected entry {name!r} in the model file.")
        shapes = {}
        for name, info in infos.items():
            if info.file_size > MAX_FILE_BYTES or info.file_size > MAX_RATIO * max(
                info.compress_size, 1024
            ):
                raise InvalidModelError(f"{name} inflates to {info.file_size} bytes: refused.")
            with zf.open(info) as f:
                shapes[name] = _header(f, name)
        _check_shapes({k: v[0] for k, v in shapes.items() if k != "metadata.npy"})
        total = sum(int(np.prod(s)) for s, _ in shapes.values())
        if total > MAX_PARAMS + MAX_METADATA_BYTES:
            raise InvalidModelError(f"The model has {total} values, more than the app allows.")
        for name, info in infos.items():
            with zf.open(info) as f:
                try:
                    arrays[name[:-4]] = np.lib.format.read_array(f, allow_pickle=False)
                except (ValueError, OSError, EOFError, zipfile.BadZipFile) as exc:
                    raise InvalidModelError(f"{name} could not be read: {exc}") from None
    metadata = _metadata(arrays.pop("metadata"))
    params = {
        k: arrays[k].astype(np.float64) for k in sorted(arrays, key=lambda k: (int(k[1:]), k))
    }
    dims = metadata.get("layer_dims")
    if dims is not None and list(dims) != _layer_dims(params):
        raise InvalidModelError(
            f"The metadata says layers {dims}, the weights say {_layer_dims(params)}."
        )
    for k, v in params.items():
        if not np.isfinite(v).all():
            raise InvalidModelError(f"{k} holds NaN or infinite values: the model is unusable.")
    return params, metadata


def _read(file) -> bytes:
    return read_limited(
        file,
        MAX_FILE_BYTES,
        lambda size: InvalidModelError("The model file is larger than any model the app trains."),
    )


def _header(f, name: str) -> tuple[tuple[int, ...], np.dtype]:
    """Shape and dtype from an .npy header, without reading the data."""
    try:
        version = np.lib.format.read_magic(f)
        if version == (1, 0):
            shape, _, dtype = np.lib.format.read_array_header_1_0(f)
        elif version == (2, 0):
            shape, _, dtype = np.lib.format.read_array_header_2_0(f)
        else:
            raise ValueError(f"unsupported .npy version {version}")
    except (ValueError, OSError, EOFError, SyntaxError) as exc:
        raise InvalidModelError(f"{name} is not a NumPy array: {exc}") from None
    if name == "metadata.npy":
        if dtype != np.uint8 or len(shape) != 1 or shape[0] > MAX_METADATA_BYTES:
            raise InvalidModelError("The model's metadata is not small UTF-8 JSON.")
    elif dtype.hasobject or dtype.kind != "f":
        raise InvalidModelError(f"{name} has dtype {dtype}; weights must be floating point.")
    elif len(shape) != 2:
        raise InvalidModelError(f"{name} has shape {shape}; weights must be 2-D.")
    return shape, dtype


def _check_shapes(shapes: dict[str, tuple[int, ...]]) -> None:
    """W^[l] is (n_l, n_{l-1}) and b^[l] is (n_l, 1), from 12288 inputs to 1 output."""
    layers = sorted({int(_NAME.match(k).group(2)) for k in shapes})
    L = len(layers)
    if L == 0 or L > MAX_LAYERS or layers != list(range(1, L + 1)):
        raise InvalidModelError(f"The model's layers are {layers}; expected 1..L with L ≤ 16.")
    n_prev = INPUT_SIZE
    for l in layers:
        W, b = shapes.get(f"W{l}.npy"), shapes.get(f"b{l}.npy")
        if W is None or b is None:
            raise InvalidModelError(f"Layer {l} is missing W{l} or b{l}.")
        if W[1] != n_prev:
            raise InvalidModelError(
                f"W{l} has shape {W}: it should take {n_prev} inputs (shapes must chain)."
            )
        if b != (W[0], 1):
            raise InvalidModelError(f"b{l} has shape {b}; expected {(W[0], 1)}.")
        n_prev = W[0]
    if n_prev != 1:
        raise InvalidModelError(f"The last layer has {n_prev} units; a cat detector has 1.")
    total = sum(int(np.prod(s)) for s in shapes.values())
    if total > MAX_PARAMS:
        raise InvalidModelError(f"The model has {total:,} weights, more than the app allows.")


def _metadata(blob: np.ndarray) -> dict:
    try:
        meta = json.loads(blob.tobytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidModelError("The model's metadata is not valid JSON.") from None
    if not isinstance(meta, dict):
        raise InvalidModelError("The model's metadata is not a JSON object.")
    return meta
