"""The Training page's part of a link: the comparison's choice of runs and the chart's pace.

The comparison's key (:data:`COMPARE`) belongs here; the comparison tab draws it
(:mod:`ui.training.tabs`) and the shell reads and writes it with the link (``cmp=1-3``), kept
across pages and joined by every new run. The pace (``pace=lesson``) goes into a link only when
the visitor chose one that is not the default of the link's mode (presenter mode: ``lesson``,
else ``fast``), so that a teacher's shared link plays at the teacher's pace.
"""

from __future__ import annotations

import streamlit as st

from ui.core import kept, runs, session
from ui.training.view import PACE, PACE_CHOSEN, default_pace

COMPARE = "compare_runs"  # the comparison's multiselect: run numbers, kept with ui.core.kept


def choice() -> list[int] | None:
    """The run numbers the comparison shows (None: not chosen yet, the last three)."""
    return kept.value(COMPARE)


def choose(run_ids: list[int]) -> None:
    """Show these runs on the comparison (before its widget is drawn in this script run)."""
    kept.put(COMPARE, list(run_ids))


def _join(run_id: int) -> None:
    """A new run joins the comparison chart, once there is a choice."""
    chosen = choice()
    if chosen is not None:
        choose([*chosen, run_id])


def link_pace() -> str | None:
    """The pace a link should carry: the visitor's choice, when not the mode's default."""
    if not st.session_state.get(PACE_CHOSEN):
        return None
    pace = kept.value(PACE)
    return pace if pace and pace != default_pace() else None


def open_pace(pace: str | None) -> None:
    """A link's pace, as if the visitor had chosen it (presenter mode no longer decides)."""
    if pace is not None:
        kept.put(PACE, pace)
        st.session_state[PACE_CHOSEN] = True


@session.on_reset
def _forget() -> None:
    kept.forget(COMPARE)


runs.on_new_run(_join)
