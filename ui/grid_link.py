"""The experiment grid in a link: its two hyperparameters and their values (pure: no Streamlit).

A grid is written as one key per axis, the hyperparameter's short name and its values::

    &gx=lr.0.005~0.0075~0.01&gy=dims.7~20-7~20-7-5

(``dims`` values are the hidden layers' sizes). Opening such a link opens the page's grid
section with these values in its boxes; the visitor presses "Run the grid" to see the cells
(a grid can take seconds of computing, so a link does not start one for a whole class).

A value is read back through the grid's own parser (:func:`ui.grid_axes.parse`), so a link can
only hold a grid the page itself would accept; anything else is ignored with a note.
"""

from __future__ import annotations

import re

from ui import grid_axes

AXES = {"gx": "x", "gy": "y"}  # URL key → the grid's axis (columns, rows)
SHORT = {"hidden": "dims", "learning_rate": "lr", "iterations": "it", "l2": "l2"}
PARAM_OF = {short: param for param, short in SHORT.items()}
MAX_CHARS = 240  # six architectures of eight layers fit
_TOKEN = re.compile(r"^[0-9][0-9.e+-]{0,31}$")  # a number, or layer sizes joined by "-"

Axes = dict[str, tuple[str, str]]  # axis → (hyperparameter, the text of its values box)


def _number(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def box_text(axis: grid_axes.Axis) -> str:
    """The values as the grid's text box shows them: ``[20, 7]; [7]`` or ``0.005, 0.01``."""
    if axis.param == "hidden":
        return "; ".join(grid_axes.label("hidden", v) for v in axis.values)
    return ", ".join(_number(v) for v in axis.values)


def decode(value: str) -> tuple[str, str] | None:
    """``lr.0.005~0.01~…`` as (hyperparameter, box text); None if the grid would refuse it."""
    short, _, values = value.partition(".")
    param = PARAM_OF.get(short)
    tokens = values.split("~")
    if param is None or len(value) > MAX_CHARS or not all(_TOKEN.match(t) for t in tokens):
        return None
    if param == "hidden":
        text = "; ".join("[" + ", ".join(t.split("-")) + "]" for t in tokens)
    else:
        text = ", ".join(tokens)
    try:
        return param, box_text(grid_axes.parse(param, text))
    except grid_axes.GridError:
        return None


def encode(axes: Axes) -> dict[str, str]:
    """URL key → value for each axis whose values the grid accepts (others are left out)."""
    out = {}
    for key, which in AXES.items():
        if which not in axes:
            continue
        param, text = axes[which]
        try:
            axis = grid_axes.parse(param, text)
        except grid_axes.GridError:
            continue
        if param == "hidden":
            tokens = ["-".join(map(str, v)) for v in axis.values]
        else:
            tokens = [_number(v) for v in axis.values]
        out[key] = SHORT[param] + "." + "~".join(tokens)
    return out
