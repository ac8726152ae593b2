"""Scoring pictures for the prediction page: the same preprocessing as the engine's."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

import dnn
from dnn.datasets import flatten
from dnn.images import open_image, read_bytes, square_64
from dnn.propagation import forward
from ui.core.i18n import explain
from ui.core.pixels import framed

PREVIEW = 360  # px: the largest side of the picture shown next to its verdict


@dataclass
class Scored:
    """One picture's result: what was uploaded, what the network saw, and P(cat)."""

    name: str
    preview: Image.Image | None = None
    seen: np.ndarray | None = None  # (64, 64, 3) uint8
    p_cat: float | None = None
    error: str | None = None
    framing: str = "crop"  # how it became square: the preview shows it
    silent: int | None = None  # the first hidden layer whose every unit is 0, if any


def score(name: str, raw: bytes, params, hidden: str = "relu", framing: str = "crop") -> Scored:
    """Decode, preprocess and classify one file; a bad file gives a Scored with ``error``.

    ``error`` is the refusal in the visitor's language. Decoding is bounded in memory and
    takes one of the process's few decoding slots (see :mod:`dnn.images`). ``framing`` is how
    the picture becomes square (``"crop"`` or ``"fit"``); the preview shows that square.
    """
    try:
        img = open_image(read_bytes(raw))
    except dnn.InvalidImageError as exc:
        return Scored(name, error=explain(exc))
    seen = np.asarray(square_64(img, framing), dtype=np.uint8)
    preview = img.copy()
    preview.thumbnail((PREVIEW, PREVIEW))
    preview = framed(preview, framing)
    x = flatten(seen[np.newaxis])
    p = float(dnn.predict_proba(params, x, hidden)[0, 0])
    return Scored(name, preview, seen, p, framing=framing, silent=silent_layer(params, x, hidden))


def first_silent(activations) -> int | None:
    """The first hidden layer (1-based) whose every activation is exactly 0, or None.

    ``activations`` are A^[1] … A^[L] of one picture. When a whole hidden layer l is 0 (a ReLU
    layer whose every Z is ≤ 0), the layers after it see only their biases, so P is the same
    for every picture that silences layer l: it says nothing about the picture.
    """
    for l, A in enumerate(activations[:-1], start=1):
        if not np.any(A):
            return l
    return None


def silent_layer(params, x: np.ndarray, hidden: str = "relu") -> int | None:
    """:func:`first_silent` of the forward pass of one input column ``x``, (n_0, 1)."""
    return silent_layers(params, x, hidden)[0]


def silent_layers(params, X: np.ndarray, hidden: str = "relu") -> list[int | None]:
    """:func:`first_silent` for each column of ``X`` (n_0, m), in one forward pass."""
    with np.errstate(over="ignore", invalid="ignore"):
        _, caches = forward(params, X, hidden, keep_input=False)
    return [first_silent([A[:, j] for _, _, A in caches]) for j in range(X.shape[1])]


def confidence_key(p: float) -> str:
    """How far P is from 0.5, as a text key (a description of P, not a claim of being right)."""
    c = max(p, 1 - p)
    return "conf_far" if c >= 0.9 else "conf_mid" if c >= 0.7 else "conf_near"


@dataclass(frozen=True)
class Evidence:
    """A model's P on pictures it never trained on, whether each answer was right, and whose.

    ``kind`` names the pictures in the text: ``"lesson"`` (the lesson's test pictures) or
    ``"own"`` (the visitor's held-out pictures of their classes).
    """

    proba: np.ndarray  # (m,)
    right: np.ndarray  # (m,) bool
    kind: str = "lesson"

    @classmethod
    def of(cls, params, hidden: str, X: np.ndarray, y: np.ndarray, kind: str = "lesson"):
        """The model's P on ``X`` (n_0, m) and its rightness against labels ``y`` (m,)."""
        proba = dnn.predict_proba(params, X, hidden)[0]
        return cls(proba, (proba > 0.5) == (np.asarray(y).ravel() == 1), kind)

    def as_far(self, p: float) -> tuple[int, int]:
        """(N, M): N pictures got a P at least as far from 0.5 as ``p``; M of them were right."""
        far = np.abs(self.proba - 0.5) >= abs(p - 0.5)
        return int(far.sum()), int(self.right[far].sum())
