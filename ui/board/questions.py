"""Checks for understanding: a bank of questions built from the lesson (pure, no Streamlit).

A question is ``{"kind", "spec", "correct"}``: ``spec`` holds what its prompt and choices are
made of, in no language (the board and each student's sidebar word it in their own), and
``choices``; ``correct`` is the right choice's index, or None for a poll (a bet). Shapes and
parameter counts come from the engine's own dimension rules (:func:`dnn.shapes.dimension_table`),
never from a table written by hand; "which network does better" and "α × 10" from runs of the
engine (the board passes their numbers in).
"""

from __future__ import annotations

import random

from dnn.shapes import dimension_table

QUANTITIES = ("W", "b", "Z", "A", "dW")
KINDS = ("shape", "count", "better", "alpha", "bet", "own")
MAX_CHOICES = 6
MAX_TEXT = 300  # the teacher's own question and each choice, in characters


def _mixed(right, wrong: list, seed: str, n: int = 4) -> tuple[list, int]:
    """``right`` and up to n-1 distinct wrong answers in a fixed shuffled order; its index."""
    choices = [right]
    for w in wrong:
        if w not in choices and len(choices) < n:
            choices.append(w)
    random.Random(seed).shuffle(choices)
    return choices, choices.index(right)


def shape(dims: list[int], layer: int, quantity: str, m: int) -> dict:
    """Ask "what is the shape of ``quantity``^[layer]?" for layer sizes ``dims`` and m examples."""
    dims = [int(n) for n in dims]
    if quantity not in QUANTITIES or not 1 <= layer < len(dims):
        raise ValueError(f"no {quantity}^[{layer}] in a network of {len(dims) - 1} layers")
    row = dimension_table(dims, m)[layer]
    right = list(getattr(row, quantity))
    n, prev = dims[layer], dims[layer - 1]
    wrong = [[prev, n], [n, m], [n, 1], [m, n], [n, prev], [1, n], [prev, m], [n, n]]
    choices, correct = _mixed(right, wrong, f"{dims}{layer}{quantity}{m}")
    spec = {"q": quantity, "l": layer, "dims": dims, "m": m, "choices": choices}
    return {"kind": "shape", "spec": spec, "correct": correct}


def count(dims: list[int]) -> dict:
    """Ask "how many parameters (weights and biases) does this network learn?"."""
    dims = [int(n) for n in dims]
    rows = dimension_table(dims, 1)[1:]
    right = sum(r.parameters for r in rows)
    weights = sum(r.W[0] * r.W[1] for r in rows)
    units = sum(dims[1:])
    wrong = [weights, right + dims[0], right - units + 1, right + units, sum(dims)]
    choices, correct = _mixed(right, wrong, f"count{dims}")
    return {"kind": "count", "spec": {"dims": dims, "choices": choices}, "correct": correct}


def better(two_layer: float, four_layer: float) -> dict:
    """Ask "which network does better on the test pictures?" (the lesson runs' numbers)."""
    a, b = round(two_layer * 50), round(four_layer * 50)  # pictures right
    correct = 0 if a > b else 1 if b > a else 2
    spec = {"acc": [two_layer, four_layer], "choices": ["2", "4", "same"]}
    return {"kind": "better", "spec": spec, "correct": correct}


def alpha(base_costs: list[float], fast_costs: list[float], fast_status: str) -> dict:
    """Ask "what happens to J with α × 10?", the answer read from the two runs' costs."""
    base, fast = base_costs[-1], fast_costs[-1] if fast_costs else float("nan")
    if fast_status == "diverged" or not fast == fast or fast > base * 1.05:
        correct = 1  # higher at the end: the steps overshoot
    elif fast < base * 0.95:
        correct = 0
    else:
        correct = 2
    spec = {"end": [base, fast], "choices": ["lower", "higher", "same"]}
    return {"kind": "alpha", "spec": spec, "correct": correct}


def bet(values: list[str]) -> dict:
    """A bet before a grid: which value will give the best cell (a poll: no right answer yet)."""
    return {"kind": "bet", "spec": {"choices": [str(v) for v in values][:MAX_CHOICES]}}


def own(text: str, choices: list[str], correct: int | None) -> dict:
    """The teacher's own multiple-choice question (2–6 choices; ``correct`` may be None)."""
    texts = [str(c).strip()[:MAX_TEXT] for c in choices if str(c).strip()]
    if not str(text).strip() or not 2 <= len(texts) <= MAX_CHOICES:
        raise ValueError("a question and 2 to 6 choices")
    if correct is not None and not 0 <= correct < len(texts):
        raise ValueError("the right answer must be one of the choices")
    spec = {"text": str(text).strip()[:MAX_TEXT], "choices": texts}
    return {"kind": "own", "spec": spec, "correct": correct}


def shape_text(shape: list[int]) -> str:
    """(20, 12288): a shape as the lesson writes it."""
    return "(" + ", ".join(str(int(n)) for n in shape) + ")"
