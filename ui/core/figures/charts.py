"""Plotly figures, built by pure functions from numbers (no Streamlit here; tests read traces).

The figures live by kind: a run's chart and the comparison in :mod:`ui.core.figures.run_charts`
(on the pieces of :mod:`ui.core.figures.axes`), a trained network's figures in
:mod:`ui.core.figures.results`. This module names them all for the pages, and builds each
once at import (:func:`_warm_up`).
"""

from __future__ import annotations

import numpy as np
import pandas  # noqa: F401  (see _warm_up: imported whole, once, before any session draws)

from ui.core.figures.axes import thin
from ui.core.figures.results import confusion_matrix, probability_bar, weight_images
from ui.core.figures.run_charts import LABELS, PRINT_EVERY, compare_chart, training_chart
from ui.core.settings import N_INPUT

__all__ = [
    "LABELS",
    "PRINT_EVERY",
    "compare_chart",
    "confusion_matrix",
    "probability_bar",
    "thin",
    "training_chart",
    "weight_images",
]


def _warm_up() -> None:
    """Build each kind of figure once, at import.

    Plotly looks pandas up in ``sys.modules`` and imports its validators lazily; while one
    session's thread was importing pandas (Streamlit does, for a table), another's figure saw
    the half-imported module and failed ("partially initialized module 'pandas'"). pandas is
    imported above, and one import-time pass here leaves nothing for Plotly to import later.
    """
    training_chart([0.5, 0.4], [(0, 0.5, 0.5)])
    compare_chart([("a", [0.5], [(0, 0.5, 0.5)])])
    confusion_matrix(np.array([[0, 1]]), np.array([[0, 1]]), ["a", "b"])
    probability_bar(0.5)
    weight_images(np.zeros((1, N_INPUT)))


_warm_up()
