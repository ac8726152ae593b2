"""The training settings the visitor chose, read and set on any page (no widget here).

The training page's widgets (:mod:`ui.widgets.controls`) are mirrored with :mod:`ui.core.kept`,
so their values survive a visit to another page and can be written to the link.
"""

from __future__ import annotations

import streamlit as st

from ui.core import kept
from ui.core import settings as bounds
from ui.core.settings import LESSON, PRESETS, Settings

FIELDS = (  # widget key = Settings field, besides the layer sizes
    "learning_rate",
    "iterations",
    "seed",
    "activation",
    "initialization",
    "l2",
    "optimizer",
    "batch_size",
    "validation",
)


WIDGET_DEFAULTS = {
    "preset": "lesson4",
    "hidden_layers": 3,
    **{f: getattr(LESSON, f) for f in FIELDS},
    **{f"units_{k}": v for k, v in enumerate([20, 7, 5, 5, 5, 5, 5, 5])},
}


def _value(key: str):
    """A widget's value, also on pages that do not draw it."""
    return kept.value(key, WIDGET_DEFAULTS[key])


def apply_settings(settings: Settings) -> None:
    """Set every widget to ``settings`` (a preset's, or a link's)."""
    kept.put("preset", settings.preset())
    kept.put("hidden_layers", len(settings.hidden))
    for k, n in enumerate(settings.hidden):
        kept.put(f"units_{k}", n)
    for f in FIELDS:
        kept.put(f, getattr(settings, f))


def apply_preset(name: str | None = None) -> None:
    """Set every widget to a preset's values (the lesson's runs)."""
    name = name or st.session_state.get("preset", "lesson4")
    if name in PRESETS:
        apply_settings(Settings(hidden=PRESETS[name]))


def current_settings() -> Settings:
    """What the widgets say now (also on pages that do not draw them), within the bounds."""
    n_hidden = min(max(int(_value("hidden_layers")), 1), bounds.MAX_HIDDEN_LAYERS)
    hidden = bounds.clamp_hidden(_value(f"units_{k}") for k in range(n_hidden))
    return Settings(hidden=hidden, **{f: _value(f) for f in FIELDS})
