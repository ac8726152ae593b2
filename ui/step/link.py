"""The step-through in a link: which step, on which network, activation and learning rate.

    /step?step=7&snet=cat&sg=tanh&sa=0.03

Only what differs from the page's defaults is written (step 1, the small network, ReLU, the
lesson's α). A link names its step, so a teacher can send the class to "backward, layer 2" on
the cat network. The codec is pure (:data:`SECTION`, this feature's part of
:mod:`ui.core.url_state`); :func:`open_from_link` and :func:`link_values` move it to and from the
page's widgets. A step past the chosen network's last is shown as its last.
"""

from __future__ import annotations

import streamlit as st

from ui.core.url_state import Section
from ui.step.walk import ALPHAS, G

STEP, NETWORK, HIDDEN, ALPHA = "step_index", "step_network", "step_hidden", "step_alpha"
KEYS = {"step": STEP, "snet": NETWORK, "sg": HIDDEN, "sa": ALPHA}  # URL key → widget key
DEFAULTS = {STEP: 1, NETWORK: "small", HIDDEN: "relu", ALPHA: ALPHAS[0]}
MAX_STEP = 99


def _alpha(text: str) -> float | None:
    return next((a for a in ALPHAS if f"{a:g}" == text), None)


def decode(values: dict[str, str]) -> tuple[dict, list[str]]:
    """{widget key: value} for the link's step keys; the keys whose values it refused."""
    read, refused = {}, []
    for key, text in values.items():
        value = None
        if key == "step" and text.isdigit() and 1 <= int(text) <= MAX_STEP:
            value = int(text)
        elif key == "snet" and text in ("small", "cat"):
            value = text
        elif key == "sg" and text in G:
            value = text
        elif key == "sa":
            value = _alpha(text)
        if value is None:
            refused.append(key)
        else:
            read[KEYS[key]] = value
    return read, refused


def encode(values: dict) -> dict[str, str]:
    """URL key → text for each value unlike the page's default."""
    out = {}
    for key, widget in KEYS.items():
        value = values.get(widget)
        if value is not None and value != DEFAULTS[widget]:
            out[key] = f"{value:g}" if isinstance(value, float) else str(value)
    return out


SECTION = Section("step", tuple(KEYS), 40, decode, encode)


def open_from_link(values: dict) -> None:
    """Set the page's widgets to a link's step (on the session's first run)."""
    for widget, value in values.items():
        st.session_state[widget] = value


def link_values() -> dict:
    """The step page's choices while it is shown (its widgets exist only on the page)."""
    return {
        widget: st.session_state[widget] for widget in KEYS.values() if widget in st.session_state
    }
