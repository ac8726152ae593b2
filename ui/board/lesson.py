"""The lesson's own runs, trained once per server by the engine.

They give the board's stars and the
truths of the "which network" and "α × 10" questions (never numbers typed in by hand).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

import dnn
from dnn.blas import limit_blas
from ui.board import halves
from ui.core.settings import PRESETS, Settings


@dataclass(frozen=True)
class LessonRun:
    """One of the lesson's runs: its numbers on the test pictures and its costs."""

    name: str  # "2" or "4" (layers)
    settings: Settings
    test_acc: float
    public_acc: float
    private_acc: float
    costs: tuple[float, ...]
    status: str


def _run(shared, settings: Settings, name: str) -> LessonRun:
    data = shared.data
    cfg = settings.config()
    result = dnn.train(
        data.train_x,
        data.train_y,
        list(cfg.layer_dims),
        learning_rate=cfg.learning_rate,
        num_iterations=cfg.num_iterations,
    )
    right = (dnn.predict_proba(result.params, data.test_x, "relu") > 0.5) == (data.test_y > 0.5)
    public, private = halves.split(right)
    return LessonRun(
        name, settings, float(right.mean()), public, private, tuple(result.costs), result.status
    )


@st.cache_resource(show_spinner=False, max_entries=1)
def runs(_shared, folder: str) -> dict[str, LessonRun]:
    """``2``, ``4``: the lesson's two runs; ``fast``: the 4-layer run with α × 10."""
    with limit_blas(1):
        return {
            "2": _run(_shared, Settings(hidden=PRESETS["lesson2"]), "2"),
            "4": _run(_shared, Settings(), "4"),
            "fast": _run(_shared, Settings(learning_rate=0.075), "fast"),
        }
