"""One training setting in a link: its URL key, its value read (clamped or refused), written.

Pure: no Streamlit. A value out of the app's bounds is clamped to them and a note says so; a
value that cannot be used at all raises :class:`Bad` (the caller ignores it, with a note).
Settings use short keys (``dims lr it seed act init l2 opt batch val``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import fields, replace

from ui.core import settings as bounds
from ui.core.settings import LESSON, Settings

Note = tuple[str, dict]  # (code, values): shown as the text "link_" + code

KEYS = {  # URL key → Settings field
    "dims": "hidden",
    "lr": "learning_rate",
    "it": "iterations",
    "seed": "seed",
    "act": "activation",
    "init": "initialization",
    "l2": "l2",
    "opt": "optimizer",
    "batch": "batch_size",
    "val": "validation",
}
FIELD_KEYS = {f: k for k, f in KEYS.items()}
# names in links: no "_" inside a value, since "_" separates a run's fields
ENUM_NAMES = {
    "activation": {"relu": "relu", "tanh": "tanh", "leaky_relu": "leaky", "sigmoid": "sigmoid"},
    "initialization": {v: v for v in bounds.INITIALIZATIONS},
    "optimizer": {v: v for v in bounds.OPTIMIZERS},
}
INT = re.compile(r"^[+-]?[0-9]{1,12}$")
_SAFE = re.compile(r"[^A-Za-z0-9._~-]")


class Bad(ValueError):
    """A value that cannot be used at all (it is ignored)."""


def shown(text: str, limit: int = 40) -> str:
    """A hostile value made safe to show: URL-safe characters only, at most ``limit``."""
    text = _SAFE.sub("?", str(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_int(text: str, lo: int, hi: int, key: str, notes: list[Note]) -> int:
    """An integer in [lo, hi] (clamped, with a note); raises Bad if it is not one."""
    if not INT.match(text):
        raise Bad
    value = int(text)
    clamped = min(max(value, lo), hi)
    if clamped != value:
        notes.append(("clamped", {"name": key, "value": shown(text), "to": clamped}))
    return clamped


def _float(text: str) -> float:
    if len(text) > 32:
        raise Bad
    value = float(text)
    if not math.isfinite(value):
        raise Bad
    return value


def _snapped(text: str, allowed: list[float], key: str, notes: list[Note]) -> float:
    value = _float(text)
    if value < 0 or (value == 0 and 0 not in allowed):
        raise Bad
    snapped = bounds.nearest(value, allowed)
    if not math.isclose(snapped, value, rel_tol=1e-9, abs_tol=0):
        notes.append(("clamped", {"name": key, "value": shown(text), "to": f"{snapped:g}"}))
    return snapped


def _hidden(text: str, key: str, notes: list[Note]) -> tuple[int, ...]:
    parts = text.split("-")
    if len(parts) < 3 or not all(INT.match(p) for p in parts):
        raise Bad
    dims = [int(p) for p in parts]
    if dims[0] != bounds.N_INPUT or dims[-1] != 1:
        raise Bad
    hidden = dims[1:-1]
    if len(hidden) > bounds.MAX_HIDDEN_LAYERS:
        notes.append(("too_many_layers", {"n": len(hidden), "max": bounds.MAX_HIDDEN_LAYERS}))
    clamped = bounds.clamp_hidden(hidden)
    if list(clamped) != hidden[: bounds.MAX_HIDDEN_LAYERS]:
        to = "-".join(map(str, (bounds.N_INPUT, *clamped, 1)))
        notes.append(("clamped", {"name": key, "value": shown(text), "to": to}))
    return clamped


def _enum(text: str, name: str) -> str:
    names = ENUM_NAMES[name]
    by_url = {u: v for v, u in names.items()} | {v: v for v in names}
    if text not in by_url:
        raise Bad
    return by_url[text]


def _setting(name: str, text: str, key: str, max_iterations: int, notes: list[Note]):
    """The value of Settings field ``name`` written as ``text``; raises Bad if unusable."""
    if name == "hidden":
        return _hidden(text, key, notes)
    if name == "learning_rate":
        return _snapped(text, bounds.LEARNING_RATES, key, notes)
    if name == "l2":
        return _snapped(text, bounds.L2_VALUES, key, notes)
    if name == "iterations":
        return read_int(text, 0, max_iterations, key, notes)
    if name == "seed":
        return read_int(text, 0, bounds.MAX_SEED, key, notes)
    if name == "validation":
        value = read_int(text, 0, 100, key, notes)
        snapped = int(bounds.nearest(value, bounds.VALIDATION_SHARES))
        if snapped != value:
            notes.append(("clamped", {"name": key, "value": shown(text), "to": snapped}))
        return snapped
    if name == "batch_size":
        value = 0 if text == "full" else read_int(text, 0, 10**6, key, notes)
        snapped = int(bounds.nearest(value, bounds.BATCH_SIZES))
        if snapped != value:
            notes.append(("clamped", {"name": key, "value": shown(text), "to": snapped}))
        return snapped
    return _enum(text, name)


def read_settings(values: Mapping[str, str], max_iterations: int, notes: list[Note]) -> Settings:
    """Settings from URL keys → texts; unusable values are left at the lesson's."""
    changes = {}
    for key, text in values.items():
        try:
            changes[KEYS[key]] = _setting(KEYS[key], text, key, max_iterations, notes)
        except (Bad, ValueError, OverflowError):
            notes.append(("bad_value", {"name": key, "value": shown(text)}))
    return replace(LESSON, **changes)


def text_of(name: str, value) -> str:
    """Settings field ``name``'s ``value`` as a link writes it."""
    if name == "hidden":
        return "-".join(map(str, (bounds.N_INPUT, *value, 1)))
    if name in ENUM_NAMES:
        return ENUM_NAMES[name][value]
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def encode_settings(settings: Settings, always: tuple[str, ...] = ()) -> dict[str, str]:
    """URL keys → texts for the fields that differ from the lesson's, plus ``always``."""
    out = {}
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if f.name in always or value != getattr(LESSON, f.name):
            out[FIELD_KEYS[f.name]] = text_of(f.name, value)
    return out
