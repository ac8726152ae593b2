"""The training page's buttons: Train, Stop, Continue, One step, Reset, and how many more."""

from __future__ import annotations

import streamlit as st

from ui.core import settings as bounds
from ui.core.i18n import t

NAMES = ("train", "stop", "continue", "one_step", "reset")


def buttons() -> dict[str, bool]:
    """The five buttons, each as wide as its label (a row that wraps); which was clicked."""
    row = st.container(horizontal=True, key="run_buttons")
    return {
        name: row.button(
            t(name),
            key=f"{name}_button",
            type="primary" if name == "train" else "secondary",
            width="content",
        )
        for name in NAMES
    }


def continue_box() -> int | None:
    """How many iterations Continue adds (empty: on to the planned total)."""
    return st.number_input(
        t("continue_more"),
        min_value=1,
        max_value=bounds.MAX_ITERATIONS,
        value=None,
        step=100,
        placeholder=t("continue_more_placeholder"),
        help=t("continue_more_help"),
        key="continue_iterations",
    )
