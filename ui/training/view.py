"""How the live chart is shown: its pace, the lesson's every-100 view, and why J can spike."""

from __future__ import annotations

import numpy as np
import streamlit as st

from ui.core import kept, presenting
from ui.core.figures.charts import PRINT_EVERY
from ui.core.i18n import t
from ui.core.pacing import PACES

PACE, PACE_CHOSEN = "pace", "pace_chosen"  # the pace widget; whether the visitor chose it
PRINTED = "cost_printed"  # the every-100 view's switch


def _chosen() -> None:
    st.session_state[PACE_CHOSEN] = True


def default_pace() -> str:
    """``lesson`` in presenter mode (slow enough to talk over), else ``fast``."""
    return "lesson" if presenting.on() else "fast"


def view_controls() -> tuple[str, int | None]:
    """The pace and the cost view; returns (pace, every) for :func:`ui.core.live.stream`.

    The pace follows presenter mode until the visitor picks one.
    """
    default = default_pace()
    if st.session_state.get(PACE_CHOSEN):
        kept.keep(PACE, default)
    else:
        kept.put(PACE, default)
    kept.keep(PRINTED, False)
    row = st.container(horizontal=True, key="view_controls", vertical_alignment="bottom")
    pace = row.segmented_control(
        t("pace"),
        PACES,
        format_func=lambda p: t("pace_" + p),
        key=PACE,
        on_change=_chosen,
        help=t("pace_help"),
    )
    kept.mirror(PACE)
    printed = row.toggle(t("cost_printed", every=PRINT_EVERY), key=PRINTED, help=t("printed_help"))
    kept.mirror(PRINTED)
    return pace or default, PRINT_EVERY if printed else None


def spike_note(costs, every: int | None) -> None:
    """Why the per-iteration cost can go up, with this run's own count of rising steps."""
    if every or len(costs) < 3:
        return
    rises = np.diff(np.asarray(costs, dtype=float))
    ups = int((rises > 0).sum())
    if ups == 0:
        return
    k = int(np.argmax(rises))
    st.caption(
        t(
            "spike_note",
            ups=f"{ups:,}",
            steps=f"{len(rises):,}",
            a=f"{costs[k]:.3f}",
            b=f"{costs[k + 1]:.3f}",
            i=f"{k + 1:,}",
            every=PRINT_EVERY,
        )
    )
