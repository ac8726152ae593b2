"""The experiment grid in a link: its two hyperparameters and their values.

A grid is written as one key per axis, the hyperparameter's short name and its values::

    &gx=lr.0.005~0.0075~0.01&gy=dims.7~20-7~20-7-5

(``dims`` values are the hidden layers' sizes). Opening such a link opens the page's grid
section with these values in its boxes; the visitor presses "Run the grid" to see the cells
(a grid can take seconds of computing, so a link does not start one for a whole class).

A value is read back through the grid's own parser (:func:`ui.grid.axes.parse`), so a link can
only hold a grid the page itself would accept; anything else is ignored with a note. The codec
is pure (:data:`SECTION`, the grid's part of :mod:`ui.core.url_state`); :func:`open_from_link`
and :func:`link_axes` move it to and from the grid's widgets.
"""

from __future__ import annotations

import re

from ui.core import kept
from ui.core.url_state import Section
from ui.grid import axes as grid_axes

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


def _decode_all(values: dict[str, str]) -> tuple[Axes, list[str]]:
    axes, refused = {}, []
    for key, value in values.items():
        axis = decode(value)
        if axis is None:
            refused.append(key)
        else:
            axes[AXES[key]] = axis
    return axes, refused


SECTION = Section("grid", tuple(AXES), MAX_CHARS, _decode_all, encode)


def open_from_link(axes: Axes) -> None:
    """Open the grid section with a link's axes: {axis: (hyperparameter, values text)}."""
    for which, (param, text) in axes.items():
        kept.put(f"grid_{which}", param)
        kept.put(f"grid_values_{param}", text)
    kept.put("grid_open", True)


def link_axes() -> Axes:
    """The open grid's axes for the link (also on pages that do not draw the grid)."""
    if not kept.mirrored("grid_open"):
        return {}
    axes = {}
    for which in ("x", "y"):
        param = kept.mirrored(f"grid_{which}")
        text = kept.mirrored(f"grid_values_{param}")
        if param is not None and text is not None:
            axes[which] = (param, text)
    return axes
