"""What a verdict's P is worth, in words the data supports.

P alone is only a number between 0 and 1: a network can give P = 1.00 to a picture it gets
wrong. So the words describe P ("far from 0.5") and add how often the model was right on
pictures it never trained on that got a P at least as far from 0.5 (:class:`Evidence`).

A ReLU network also has pictures for which a whole hidden layer is 0 (:func:`first_silent`):
the layers after it then see only their biases, so P is one fixed number for every such
picture, and its distance from 0.5 describes the biases, not the picture.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import dnn
from dnn.layers import num_layers
from dnn.propagation import forward
from ui.core.i18n import t


def first_silent(activations) -> int | None:
    """The first hidden layer (1-based) whose every activation is exactly 0, or None.

    ``activations`` are A^[1] … A^[L] of one picture, each of shape (n_l,).
    """
    for l, A in enumerate(activations[:-1], start=1):
        if not np.any(A):
            return l
    return None


def silent_layers(params, X: np.ndarray, hidden: str = "relu") -> list[int | None]:
    """:func:`first_silent` for each column of ``X`` (n_0, m), in one forward pass."""
    with np.errstate(over="ignore", invalid="ignore"):
        _, caches = forward(params, X, hidden, keep_input=False)
    return [first_silent([A[:, j] for _, _, A in caches]) for j in range(X.shape[1])]


def silent_layer(params, x: np.ndarray, hidden: str = "relu") -> int | None:
    """:func:`first_silent` of one input column ``x``, shape (n_0, 1)."""
    return silent_layers(params, x, hidden)[0]


def confidence_key(p: float) -> str:
    """How far P is from 0.5, as a text key (a description of P, not a claim of being right)."""
    c = max(p, 1 - p)
    return "conf_far" if c >= 0.9 else "conf_mid" if c >= 0.7 else "conf_near"


@dataclass(frozen=True)
class Evidence:
    """A model's P on pictures it never trained on, whether each was right, and whose they are.

    ``kind`` names the pictures in the text: ``"lesson"`` (the lesson's test pictures) or
    ``"own"`` (the visitor's held-out pictures of their classes); ``silent`` is each picture's
    :func:`first_silent` layer.
    """

    proba: np.ndarray  # (m,)
    right: np.ndarray  # (m,) bool
    silent: tuple  # (m,) of int | None
    kind: str = "lesson"

    @classmethod
    def of(cls, params, hidden: str, X: np.ndarray, y: np.ndarray, kind: str = "lesson"):
        """The model's P on ``X`` (n_0, m) and its rightness against labels ``y`` (m,)."""
        proba = dnn.predict_proba(params, X, hidden)[0]
        right = (proba > 0.5) == (np.asarray(y).ravel() == 1)
        return cls(proba, right, tuple(silent_layers(params, X, hidden)), kind)

    def as_far(self, p: float) -> tuple[int, int]:
        """(N, M): N pictures got a P at least as far from 0.5 as ``p``; M of them were right."""
        far = np.abs(self.proba - 0.5) >= abs(p - 0.5)
        return int(far.sum()), int(self.right[far].sum())

    def as_silent(self, layer: int) -> tuple[int, int]:
        """(N, M): N pictures silence hidden layer ``layer`` first; M of them were right."""
        same = np.array([s == layer for s in self.silent], dtype=bool)
        return int(same.sum()), int(self.right[same].sum())


def evidence_text(p: float, evidence: Evidence) -> str:
    """Of the pictures with a P at least as far from 0.5 as ``p``, how many were right."""
    n, right = evidence.as_far(p)
    m = len(evidence.proba)
    if n == 0:
        return t(f"evidence_none_{evidence.kind}", m=m)
    return t(f"evidence_{evidence.kind}", m=m, n=n, right=right)


def silent_text(
    layer: int, params, p: float, p_label: str, evidence: Evidence | None = None
) -> str:
    """Layer ``layer`` is all 0, so P (= ``p``) is fixed; and how often such pictures were right.

    ``p_label`` is how P is written (``P(cat)``, Markdown-safe).
    """
    biases = ", ".join(f"b[{k}]" for k in range(layer + 1, num_layers(params) + 1))
    n = params[f"W{layer}"].shape[0]
    text = t("silent_layer", l=layer, n=n, biases=biases, P=p_label, p=f"{p:.1%}")
    if evidence is None:
        return text
    count, right = evidence.as_silent(layer)
    m = len(evidence.proba)
    if count == 0:
        more = t(f"evidence_silent_none_{evidence.kind}", m=m, l=layer)
    else:
        more = t(f"evidence_silent_{evidence.kind}", m=m, n=count, right=right, l=layer)
    return t("two_sentences", a=text, b=more)
