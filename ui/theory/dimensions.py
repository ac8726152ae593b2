"""Pieces of the theory page: the layer-size parser, the dimension table, the diagram's box.

Kept out of ``pages/theory.py`` so the page reads in the order the visitor sees it.
"""

from __future__ import annotations

import re

import numpy as np
import streamlit as st

import dnn
from ui.core.figures.describe import ChartText
from ui.core.i18n import t
from ui.theory.figures import network_diagram
from ui.widgets import chart as described

MAX_LAYERS = 20  # n^[0] … n^[L] in the dimension table: at most 19 layers after the input
MAX_UNITS = 100_000


def parse_layer_sizes(text: str) -> list[int] | None:
    """Layer sizes n^[0], …, n^[L] as typed: separated by commas, spaces or both, brackets allowed.

    ``"12288, 20, 7, 5, 1"``, ``"12288 20 7 5 1"`` and ``"[12288,20,7,5,1]"`` all give
    ``[12288, 20, 7, 5, 1]``. Returns None unless there are 2 to 20 whole numbers from 1 to
    100,000 (a visitor's typo is a message, not an exception).
    """
    parts = [p for p in re.split(r"[\s,;，、]+", re.sub(r"[\[\]()（）【】]", " ", text)) if p]
    if not 2 <= len(parts) <= MAX_LAYERS or not all(p.isascii() and p.isdigit() for p in parts):
        return None
    dims = [int(p) for p in parts]
    return dims if all(1 <= n <= MAX_UNITS for n in dims) else None


def _shape(s: tuple[int, int]) -> str:
    """(n, m) with thousands separators; — where a layer has no such matrix."""
    return "—" if s == (0, 0) else f"({s[0]:,}, {s[1]:,})"


def dimension_rows(dims: list[int], m: int) -> list[dict[str, str]]:
    """The dimension table's rows for a network and m examples (from :mod:`dnn.shapes`)."""
    return [
        {
            "l": str(r.layer),
            "n[l]": f"{r.units:,}",
            "W[l]": _shape(r.W),
            "b[l]": _shape(r.b),
            "Z[l]": _shape(r.Z),
            "A[l]": _shape(r.A),
            "dW[l]": _shape(r.dW),
            "db[l]": _shape(r.db),
            t("dims_params"): f"{r.parameters:,}",
        }
        for r in dnn.dimension_table(dims, m)
    ]


def network_chart(dims: list[int]) -> None:
    """The network diagram, kept wide enough that its layer labels never overlap.

    On a narrow screen (a phone, or a deep network) the diagram keeps its minimum width
    (see :func:`ui.theory.figures.network_diagram`) and scrolls sideways inside its own box.
    """
    fig = network_diagram(
        dims,
        labels={
            "input": t("diagram_input"),
            "hidden": t("diagram_hidden"),
            "output": t("diagram_output"),
            "unit": t("diagram_unit"),
            "units": t("diagram_units"),
        },
    )
    box = st.container(key="network_box")  # .st-key-network_box scrolls sideways (ui/style.py)
    box.html(
        "<style>.st-key-network_box [data-testid='stElementContainer']"
        f"{{min-width: {fig.layout.meta['min_width']}px}}</style>"
    )
    words = ChartText(
        t("desc_network", L=len(dims) - 1, sizes=" → ".join(f"{n:,}" for n in dims)),
        [t("desc_layer"), t("desc_units")],
        [[str(layer), f"{n:,}"] for layer, n in enumerate(dims)],
    )
    described.show(fig, box, words=words, key="network_diagram", config={"displayModeBar": False})


def flatten_code(column: np.ndarray) -> str:
    """Python that flattens a picture, with a few values of the column and their pixels.

    ``column`` is one column of X, shape (12288,): value k is pixel (k // 192, k // 3 % 64),
    channel k % 3. Comments are in the visitor's language.
    """
    lines = [f"x = image.reshape(-1) / 255   # (12288,) {t('flatten_comment_shape')}"]
    for k in (0, 1, 2, 3, 12285, 12286, 12287):
        where = t("flatten_comment_pixel", r=k // 192, c=k // 3 % 64, channel="RGB"[k % 3])
        lines.append(f"x[{k:>5}] = {column[k]:.4f}   # {where}")
    return "\n".join(lines)
