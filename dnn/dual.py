"""The first layer in dual form: train W^[1] without touching its n_0-wide rows each step.

Full-batch gradient descent never changes X, and every update of W^[1] is a combination of the
rows of Xᵀ (dW^[1] = dZ^[1] Xᵀ / m) plus, with L2 or momentum, multiples of W^[1] itself. So

    W^[1] = a · W0 + P Xᵀ        with a a scalar and P of shape (n_1, m)

holds at every step, and W^[1] X = a · (W0 X) + P (Xᵀ X) needs only the m × m Gram matrix
G = Xᵀ X. An iteration costs n_1·m·m instead of 2·n_1·n_0·m multiply-adds (≈ 50× less for the
cat data). The coordinates follow the same linear optimizer as any other parameter, which is
exact for gradient descent and momentum, but not for Adam (its update is not linear).

The bias rides along: with X̃ = [X; 1ᵀ] the step of [W^[1] | b^[1]] is dZ^[1] X̃ᵀ / m, so
b^[1] = P 1 + c and Z^[1] = a · W0 X + P G̃ + c 1ᵀ with G̃ = X̃ᵀ X̃ = G + 1 1ᵀ. The data's
step moves only P (dP = dZ^[1] / m); L2's step λ/m · [W^[1] | 0] moves a, P and c
(da = λ/m · a, dP = λ/m · P, dc = -λ/m · P 1). Without L2, a = 1 and c = 0 throughout.

In the trainer's parameter vector this layer's block is ``[P (row after row) | c | a]``; the
gradient vector has the same layout, and without L2 an iteration's only work for this layer is
Z^[1] = P G̃ + W0 X and, backwards, writing dZ^[1] / m into dP.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np

from dnn.blas import one_thread


def gram(X: np.ndarray, X2: np.ndarray | None = None) -> np.ndarray:
    """Xᵀ X2 of shape (m, m2); with X2 omitted, the Gram matrix Xᵀ X of shape (m, m).

    The Gram matrix is made exactly symmetric (BLAS may round G[i, j] and G[j, i] apart), on
    one BLAS thread, so that a cached one is the very one a trainer would make
    (:func:`dnn.blas.one_thread`).
    """
    with one_thread():
        if X2 is not None:
            return np.ascontiguousarray(X.T @ X2)
        G = X.T @ X
    return (G + G.T) / 2


@dataclass(frozen=True)
class DualViews:
    """Layer 1's part of a parameter (or gradient) vector, as arrays sharing its memory."""

    P: np.ndarray  # (n_1, m)
    c: np.ndarray  # (n_1, 1): b^[1] = P 1 + c
    a: np.ndarray  # (1,): the scale of W0


class DualFirstLayer:
    """W^[1] = a · W0 + P Xᵀ and b^[1] = P 1 + c, with the products that make a step cheap.

    Parameters
    ----------
    W0 : ndarray of shape (n_1, n_0)
        The initial weights (the initial bias is 0).
    X : ndarray of shape (n_0, m)
        The training inputs (never modified).
    G : ndarray of shape (m, m), optional
        Xᵀ X, if already computed (it depends only on the data, so callers cache it).
    X_val : ndarray of shape (n_0, m_val), optional
        Validation inputs, for accuracy during training.
    G_val : ndarray of shape (m, m_val), optional
        Xᵀ X_val, if already computed.
    l2_scale : float
        λ/m of the L2 penalty (0: none).
    """

    order = "C"  # layer 1's workspace arrays are row-major, as for every other layer

    def __init__(self, W0, X, G=None, X_val=None, G_val=None, l2_scale=0.0) -> None:
        self.W0, self.X = W0, X
        self.n1, self.m = W0.shape[0], X.shape[1]
        self.size = self.n1 * self.m + self.n1 + 1
        self.Z0 = W0 @ X  # (n_1, m)
        self.Gt = (gram(X) if G is None else G) + 1.0  # G̃ = G + 1 1ᵀ, (m, m)
        self.W0_sq = float(np.vdot(W0, W0)) if l2_scale else 0.0  # ||W0||², for the L2 cost
        self.l2_scale = l2_scale
        self._PGP = 0.0  # ⟨P G̃, P⟩ of the last full-batch forward pass (with L2)
        if X_val is not None:
            self.Z0_val = W0 @ X_val  # (n_1, m_val)
            self.Gt_val = (gram(X, X_val) if G_val is None else G_val) + 1.0  # (m, m_val)
            self._aZ0_val = np.empty_like(self.Z0_val)

    # ------------------------------------------------------------------ the vector's layout
    def views(self, block: np.ndarray) -> DualViews:
        """P, c and a inside ``block`` (this layer's slice of a parameter vector)."""
        k, n1 = self.n1 * self.m, self.n1
        P, c = block[:k].reshape(n1, self.m), block[k : k + n1].reshape(n1, 1)
        return DualViews(P, c, block[-1:])

    def pack(self, block: np.ndarray, W1: np.ndarray, b1: np.ndarray) -> None:
        """Start at W^[1] = W0 (``W1`` must be W0): a = 1, P = 0, c = b^[1]."""
        v = self.views(block)
        v.P[...], v.c[...], v.a[0] = 0.0, b1, 1.0

    def l2_weights(self, block: np.ndarray, scale: float) -> None:
        """``scale`` on P and a (their L2 step is scale · P, scale · a); c's is made apart."""
        block[...] = scale
        self.views(block).c[...] = 0.0

    def buffers(self, k: int) -> SimpleNamespace:
        """Room for the columns of G̃ and W0 X of a batch of k, and for a · W0 X_B."""
        G = np.empty((self.m, k)) if k < self.m else None
        return SimpleNamespace(G=G, Z0=np.empty((self.n1, k)))

    # ------------------------------------------------------------------ one iteration
    def forward_tape(self, v: DualViews, out: np.ndarray, cols, work) -> list:
        """Calls that make ``out`` = Z^[1] = a · W0 X_B + P G̃_B + c 1ᵀ, of shape (n_1, k).

        ``cols`` (an index array filled before each batch) picks the batch's columns; None: all.
        Without L2, a = 1 and c = 0 are left out.
        """
        if cols is None:
            tape = [(np.dot, (v.P, self.Gt, out))]  # the one big product of an iteration
            if self.l2_scale:
                tape.append((self._keep_PGP, (out, v.P)))
            Z0 = self.Z0
        else:
            tape = [
                (np.take, (self.Gt, cols, 1, work.G)),
                (np.dot, (v.P, work.G, out)),
                (np.take, (self.Z0, cols, 1, work.Z0)),
            ]
            Z0 = work.Z0
        if not self.l2_scale:
            return tape + [(np.add, (out, Z0, out))]
        return tape + [
            (np.multiply, (Z0, v.a, work.Z0)),
            (np.add, (out, work.Z0, out)),
            (np.add, (out, v.c, out)),
        ]

    def _keep_PGP(self, PG: np.ndarray, P: np.ndarray) -> None:
        self._PGP = float(np.vdot(PG, P))

    def forward_val_tape(self, v: DualViews, out: np.ndarray) -> list:
        """Calls that make ``out`` = Z^[1] of the validation set, of shape (n_1, m_val)."""
        aZ0 = self._aZ0_val
        return [
            (np.dot, (v.P, self.Gt_val, out)),
            (np.multiply, (self.Z0_val, v.a, aZ0)),
            (np.add, (out, aZ0, out)),
            (np.add, (out, v.c, out)),
        ]

    def grad_target(self, g: DualViews, batch: bool) -> np.ndarray | None:
        """Where the backward pass writes dZ^[1] / m itself: into dP, for a full batch."""
        return None if batch else g.P

    def backward_tape(self, g: DualViews, dZ1_m: np.ndarray, cols, work, v: DualViews) -> list:
        """Calls for dP = dZ^[1] / m_B (on the batch's columns); with L2, dc = -λ/m · P 1, da = 0.

        For a full batch dZ^[1] / m is already in dP (see :meth:`grad_target`). The trainer
        adds λ/m · a and λ/m · P afterwards, like every other weight's L2 step.
        """
        tape = []
        if cols is not None:
            tape += [(np.copyto, (g.P, 0.0)), (_put_columns, (g.P, cols, dZ1_m))]
        if self.l2_scale:
            tape += [
                (np.add.reduce, (v.P, 1, None, g.c[:, 0])),  # P 1
                (np.multiply, (g.c, -self.l2_scale, g.c)),
                (np.copyto, (g.a, 0.0)),
            ]
        return tape

    # ------------------------------------------------------------------ what it stands for
    def squared_norm(self, v: DualViews, full_batch: bool) -> float:
        """||W^[1]||²_F = a²||W0||² + 2a⟨W0 X, P⟩ + ⟨P G, P⟩, for the L2 cost.

        ⟨P G, P⟩ = ⟨P G̃, P⟩ - ||P 1||²; after a full-batch forward pass the first term is the
        one it computed, otherwise P G̃ is formed.
        """
        a, P = float(v.a[0]), v.P
        PGP = self._PGP if full_batch else float(np.vdot(P @ self.Gt, P))
        P1 = P.sum(axis=1)
        return a * a * self.W0_sq + 2 * a * float(np.vdot(self.Z0, P)) + PGP - float(P1 @ P1)

    def weights(self, v: DualViews) -> tuple[np.ndarray, np.ndarray]:
        """W^[1] = a · W0 + P Xᵀ of shape (n_1, n_0) and b^[1] = P 1 + c, as new arrays."""
        W1 = v.P @ self.X.T
        a = float(v.a[0])
        W1 += self.W0 if a == 1.0 else a * self.W0
        return W1, v.P.sum(axis=1, keepdims=True) + v.c


def _put_columns(dst: np.ndarray, cols: np.ndarray, src: np.ndarray) -> None:
    """dst[:, cols] = src."""
    dst[:, cols] = src
