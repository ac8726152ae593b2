"""The first layer as the lesson writes it: W^[1] X every step, for the trainer's fast path.

In the trainer's parameter vector this layer's block is W^[1] (row after row) followed by
b^[1]; the gradient vector has the same layout with dW^[1] and db^[1].
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np


@dataclass(frozen=True)
class TextbookViews:
    """Layer 1's part of a parameter (or gradient) vector, as arrays sharing its memory."""

    W: np.ndarray  # (n_1, n_0)
    b: np.ndarray  # (n_1, 1)


class TextbookFirstLayer:
    """Z^[1] = W^[1] X + b^[1] and dW^[1] = dZ^[1] Xᵀ / m, each step.

    Parameters
    ----------
    n1 : int
        Units of layer 1.
    X : ndarray of shape (n_0, m)
        The training inputs (never modified).
    X_val : ndarray of shape (n_0, m_val), optional
        Validation inputs, for accuracy during training.
    """

    order = "C"  # layer 1's workspace arrays are row-major

    def __init__(self, n1: int, X: np.ndarray, X_val: np.ndarray | None = None) -> None:
        self.n1, self.n0 = n1, X.shape[0]
        self.X, self.X_val = X, X_val
        self.size = n1 * (self.n0 + 1)

    # ------------------------------------------------------------------ the vector's layout
    def views(self, block: np.ndarray) -> TextbookViews:
        """W^[1] and b^[1] inside ``block`` (this layer's slice of a parameter vector)."""
        k = self.n1 * self.n0
        return TextbookViews(block[:k].reshape(self.n1, self.n0), block[k:].reshape(self.n1, 1))

    def pack(self, block: np.ndarray, W1: np.ndarray, b1: np.ndarray) -> None:
        """Write W^[1] and b^[1] into ``block``."""
        v = self.views(block)
        v.W[...] = W1
        v.b[...] = b1

    def l2_weights(self, block: np.ndarray, scale: float) -> None:
        """``scale`` on W^[1] (its L2 gradient is scale · W^[1]), 0 on b^[1]."""
        block[...] = scale
        self.views(block).b[...] = 0.0

    def buffers(self, k: int) -> SimpleNamespace:
        """Room for a mini-batch's inputs X_B, of shape (n_0, k) (none for the full batch)."""
        return SimpleNamespace(X=None if k == self.X.shape[1] else np.empty((self.n0, k)))

    # ------------------------------------------------------------------ one iteration
    def forward_tape(self, v: TextbookViews, out: np.ndarray, cols, work) -> list:
        """Calls that make ``out`` = W^[1] X_B + b^[1], of shape (n_1, m_B).

        ``cols`` (an index array filled before each batch) picks the batch's columns; None: all.
        """
        if cols is None:
            return [(np.dot, (v.W, self.X, out)), (np.add, (out, v.b, out))]
        return [
            (np.take, (self.X, cols, 1, work.X)),
            (np.dot, (v.W, work.X, out)),
            (np.add, (out, v.b, out)),
        ]

    def forward_val_tape(self, v: TextbookViews, out: np.ndarray) -> list:
        """Calls that make ``out`` = W^[1] X_val + b^[1], of shape (n_1, m_val)."""
        return [(np.dot, (v.W, self.X_val, out)), (np.add, (out, v.b, out))]

    def grad_target(self, g: TextbookViews, batch: bool) -> None:
        """The backward pass writes dZ^[1] / m into the workspace (dW^[1] is formed from it)."""
        return None

    def backward_tape(self, g: TextbookViews, dZ1_m: np.ndarray, cols, work, v=None) -> list:
        """(7) and (8) for layer 1: dW^[1] = dZ^[1] X_Bᵀ / m_B, db^[1] = Σ dZ^[1] / m_B."""
        X = self.X if cols is None else work.X  # the batch gathered by the forward tape
        return [
            (np.dot, (dZ1_m, X.T, g.W)),
            (np.add.reduce, (dZ1_m, 1, None, g.b[:, 0])),
        ]

    # ------------------------------------------------------------------ what it stands for
    def squared_norm(self, v: TextbookViews, full_batch: bool) -> float:
        """||W^[1]||²_F."""
        w = v.W.reshape(-1)  # a view: W^[1] is contiguous in the block
        return float(np.dot(w, w))

    def weights(self, v: TextbookViews) -> tuple[np.ndarray, np.ndarray]:
        """W^[1] and b^[1] as new C-ordered arrays."""
        return np.array(v.W, order="C"), v.b.copy()
