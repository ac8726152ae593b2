"""The experiment grid's axes: a hyperparameter and the 3–6 values typed for it, checked.

Values come from text a visitor types, so every value is checked against the training page's
own bounds (a cell must be a setting the page can show and a link can hold), and anything
wrong is a :class:`GridError` naming the value: learning rates and λ from the page's scales,
1 to 10,000 iterations, 1 to 8 hidden layers with n[1] ≤ 256 and n[l] ≤ 512 units.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from dnn.errors import UserFacingError
from ui.core import settings as bounds

PARAMS = ("hidden", "learning_rate", "iterations", "l2")  # Settings fields a grid can vary
DEFAULTS = {  # the text in each box at first; every list holds the lesson's value
    "hidden": "[7]; [20, 7]; [20, 7, 5]",
    "learning_rate": "0.0025, 0.005, 0.0075, 0.01",
    "iterations": "500, 1000, 1500, 2000, 2500",
    "l2": "0, 0.1, 0.7, 3",
}
MIN_VALUES, MAX_VALUES = 3, 6
MAX_ITERATIONS = bounds.MAX_ITERATIONS  # per cell, as one press of Train


class GridError(UserFacingError):
    """A grid that cannot run: the message names the value or bound at fault."""


@dataclass(frozen=True)
class Axis:
    """One hyperparameter of the grid and its values (in the order they were typed)."""

    param: str  # a Settings field, one of PARAMS
    values: tuple


def label(param: str, value) -> str:
    """A value as the grid shows it: ``[20, 7, 5]``, ``0.0075``, ``2,500``."""
    if param == "hidden":
        return "[" + ", ".join(str(n) for n in value) + "]"
    if param == "iterations":
        return f"{value:,}"
    return f"{value:g}"


# ------------------------------------------------------------------------------ parsing
def _numbers(param: str, text: str) -> list[str]:
    if param == "iterations":  # 2,500 is one number
        text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)
    return [s for s in re.split(r"[,;\s]+", text) if s]


def _on_scale(param: str, token: str, scale: list[float]) -> float:
    try:
        value = float(token)
    except ValueError:
        raise GridError(f"{token!r} is not a number", "grid_number", value=token[:20]) from None
    match = [v for v in scale if math.isclose(v, value, rel_tol=1e-9, abs_tol=1e-15)]
    if not match:
        near = bounds.nearest(value, scale) if math.isfinite(value) else scale[-1]
        raise GridError(
            f"{token} is not on the page's scale for {param}; nearest: {near:g}",
            "grid_scale_" + param,
            value=token[:20],
            near=f"{near:g}",
        )
    return match[0]


def _iterations(token: str) -> int:
    if not re.fullmatch(r"[0-9]{1,9}", token):
        raise GridError(f"{token!r} is not a whole number", "grid_whole", value=token[:20])
    n = int(token)
    if not 1 <= n <= MAX_ITERATIONS:
        raise GridError(
            f"{n} iterations: use 1 to {MAX_ITERATIONS}",
            "grid_iterations",
            value=n,
            max=MAX_ITERATIONS,
        )
    return n


def _architectures(text: str) -> list[tuple[int, ...]]:
    """``[20, 7, 5]; [7]`` (or ``20-7-5; 7``) → hidden sizes; ``[12288, …, 1]`` is accepted."""
    groups = re.findall(r"\[([^\[\]]*)\]", text) if "[" in text else text.split(";")
    rest = re.sub(r"\[[^\[\]]*\]", "", text) if "[" in text else ""
    if re.sub(r"[,;\s]", "", rest):
        raise GridError("write each architecture in brackets", "grid_brackets")
    archs = []
    for group in (g for g in groups if g.strip()):
        tokens = [s for s in re.split(r"[,\s\-x×]+", group) if s]
        if not all(re.fullmatch(r"[0-9]{1,6}", s) for s in tokens):
            raise GridError(f"[{group}] is not a list of layer sizes", "grid_arch", value=group)
        sizes = [int(s) for s in tokens]
        if len(sizes) >= 3 and sizes[0] == bounds.N_INPUT and sizes[-1] == 1:
            sizes = sizes[1:-1]  # the whole network, as the lesson writes it
        if not 1 <= len(sizes) <= bounds.MAX_HIDDEN_LAYERS:
            raise GridError(
                f"[{group}]: 1 to {bounds.MAX_HIDDEN_LAYERS} hidden layers",
                "grid_layers",
                value=group,
                max=bounds.MAX_HIDDEN_LAYERS,
            )
        for k, n in enumerate(sizes):
            if not 1 <= n <= bounds.unit_bound(k + 1):
                raise GridError(
                    f"[{group}]: layer {k + 1} has {n} units, allowed 1 to "
                    f"{bounds.unit_bound(k + 1)}",
                    "grid_units",
                    value=group,
                    layer=k + 1,
                    n=n,
                    max=bounds.unit_bound(k + 1),
                )
        archs.append(tuple(sizes))
    return archs


def parse(param: str, text: str) -> Axis:
    """The values typed for ``param``, checked; raises :class:`GridError` with what is wrong."""
    text = str(text)[:400]
    if param == "hidden":
        values = _architectures(text)
    elif param == "iterations":
        values = [_iterations(s) for s in _numbers(param, text)]
    else:
        scale = bounds.LEARNING_RATES if param == "learning_rate" else bounds.L2_VALUES
        values = [_on_scale(param, s, scale) for s in _numbers(param, text)]
    if not MIN_VALUES <= len(values) <= MAX_VALUES:
        raise GridError(
            f"{len(values)} values: give {MIN_VALUES} to {MAX_VALUES}",
            "grid_count",
            n=len(values),
            lo=MIN_VALUES,
            hi=MAX_VALUES,
        )
    twice = [v for k, v in enumerate(values) if v in values[:k]]
    if twice:
        raise GridError("a value is given twice", "grid_twice", value=label(param, twice[0]))
    return Axis(param, tuple(values))
