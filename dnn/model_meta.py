"""A model file's description: the JSON object saved in its header, and its strict reading.

The description says what the arrays cannot: the hidden activation, the class names, a label
and the training settings, plus the layer sizes (checked against the arrays). Reading distrusts
the text: bounded size, the same rules for names and labels as a picture set's
(:mod:`dnn.names`), no nesting beyond the one list fields need, integers of at most 16 digits,
no NaN, scalars only for the settings.
"""

from __future__ import annotations

import json
import math
import re

from dnn.names import MAX_TEXT_CHARS, is_class_name, is_text

MAX_BYTES = 64 * 1024
MAX_TEXT = MAX_TEXT_CHARS  # characters of a label or a setting's text
MAX_SETTINGS = 32
CLASS_NAMES = ["non-cat", "cat"]  # label 0, label 1
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,39}$")
_REQUIRED = ("layer_dims", "hidden_activation", "class_names")


def describe(dims: list[int], metadata: dict) -> str:
    """The description as JSON text: ``dims``, defaults for the required fields, ``metadata``."""
    meta = {"hidden_activation": "relu", "class_names": CLASS_NAMES, **metadata}
    meta["layer_dims"] = [int(n) for n in dims]
    return json.dumps(meta, allow_nan=False, ensure_ascii=False)


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > 16:
        raise ValueError("an integer of more than 16 digits")
    return int(text)


def _no_constant(text: str):
    raise ValueError(f"{text} is not a number a model needs")


def read_description(text) -> dict:
    """The description as a dict, or ValueError whose first argument names the wrong field."""
    if not isinstance(text, str) or len(text.encode("utf-8")) > MAX_BYTES:
        raise ValueError("not text of at most 64 kB")
    try:
        meta = json.loads(text, parse_int=_integer, parse_constant=_no_constant)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except ValueError as exc:
        reason = exc.args[0] if "integer" in str(exc) or "number" in str(exc) else "not JSON"
        raise ValueError(reason) from None
    if not isinstance(meta, dict):
        raise ValueError("not a JSON object")
    for field in _REQUIRED:
        if field not in meta:
            raise ValueError(f"{field} is missing")
    dims = meta["layer_dims"]
    if not (isinstance(dims, list) and 2 <= len(dims) <= 1000 and all(map(_count, dims))):
        raise ValueError("layer_dims")
    if not isinstance(meta["hidden_activation"], str) or len(meta["hidden_activation"]) > 40:
        raise ValueError("hidden_activation")
    names = meta["class_names"]
    if not (isinstance(names, list) and len(names) == 2 and all(map(is_class_name, names))):
        raise ValueError("class_names")
    settings = [k for k in meta if k not in _REQUIRED]
    if len(settings) > MAX_SETTINGS:
        raise ValueError(f"more than {MAX_SETTINGS} settings")
    for key in settings:
        if not _NAME.match(key) or not _scalar(meta[key]):
            raise ValueError(_NAME.match(key) and key or "a setting's name")
    return meta


def _count(n) -> bool:
    return type(n) is int and 0 <= n <= 10**6


def _scalar(v) -> bool:
    if v is None or isinstance(v, (bool, str)):
        return not isinstance(v, str) or is_text(v)
    if isinstance(v, int):
        return abs(v) <= 2**53
    return isinstance(v, float) and math.isfinite(v)
