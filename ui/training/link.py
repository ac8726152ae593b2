"""The comparison's choice of runs: kept across pages, in the link, joined by every new run.

Its key (:data:`COMPARE`) belongs here; the comparison tab draws it (:mod:`ui.training.tabs`)
and the shell reads and writes it with the link (``cmp=1-3``).
"""

from __future__ import annotations

from ui.core import kept, runs, session

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


@session.on_reset
def _forget() -> None:
    kept.forget(COMPARE)


runs.on_new_run(_join)
