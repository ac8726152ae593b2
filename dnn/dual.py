"""The first layer in dual form: train W^[1] without touching its n_0-wide rows each step.

Full-batch gradient descent never changes X, and every update of W^[1] is a combination of the
rows of Xᵀ (dW^[1] = dZ^[1] Xᵀ / m) plus, with L2 or momentum, multiples of W^[1] itself. So

    W^[1] = a · W0 + P Xᵀ        with a a scalar and P of shape (n_1, m)

holds at every step, and W^[1] X = a · (W0 X) + P (Xᵀ X) needs only the m × m Gram matrix
G = Xᵀ X. An iteration costs n_1·m·m instead of 2·n_1·n_0·m multiply-adds (≈ 50× less for the
cat data). The coordinates (a, P) follow the same linear optimizer as any other parameter, which
is exact for gradient descent and momentum, but not for Adam (its update is not linear).
"""

from __future__ import annotations

import numpy as np


def gram(X: np.ndarray, X2: np.ndarray | None = None) -> np.ndarray:
    """Xᵀ X2 of shape (m, m2); with X2 omitted, the Gram matrix Xᵀ X of shape (m, m).

    The Gram matrix is made exactly symmetric (BLAS may round G[i, j] and G[j, i] apart).
    """
    if X2 is not None:
        return X.T @ X2
    G = X.T @ X
    return (G + G.T) / 2


class DualFirstLayer:
    """W^[1] = a · W0 + P Xᵀ, with the products that make an iteration cheap.

    Parameters
    ----------
    W0 : ndarray of shape (n_1, n_0)
        The initial weights.
    X : ndarray of shape (n_0, m)
        The training inputs (never modified).
    G : ndarray of shape (m, m), optional
        Xᵀ X, if already computed (it depends only on the data, so callers cache it).
    X_val : ndarray of shape (n_0, m_val), optional
        Validation inputs, for accuracy during training.
    G_val : ndarray of shape (m, m_val), optional
        Xᵀ X_val, if already computed.
    """

    def __init__(self, W0, X, G=None, X_val=None, G_val=None) -> None:
        self.W0 = W0
        self.X = X
        self.Z0 = W0 @ X  # (n_1, m)
        self.G = gram(X) if G is None else G  # (m, m)
        self.W0_sq = float(np.sum(W0 * W0))
        self.Z0_val = None if X_val is None else W0 @ X_val  # (n_1, m_val)
        self.G_val = None
        if X_val is not None:
            self.G_val = gram(X, X_val) if G_val is None else G_val  # (m, m_val)

    def initial_coords(self, with_scale: bool) -> dict[str, np.ndarray]:
        """(a, P) = (1, 0), i.e. W^[1] = W0, as entries of the optimizer's state.

        ``a`` only moves under L2 (dW^[1] then has a W0 term); without it, it is left out and
        read as 1, which saves work every iteration.
        """
        coords = {"W1P": np.zeros_like(self.Z0)}  # (n_1, m)
        if with_scale:
            coords["W1a"] = np.ones(())
        return coords

    def linear(self, state, cols=None) -> np.ndarray:
        """W^[1] X, of shape (n_1, m), or W^[1] X[:, cols] for a mini-batch."""
        a, P = state.get("W1a", 1.0), state["W1P"]
        # G is symmetric, so P G = (G Pᵀ)ᵀ; OpenBLAS runs the second form ~30% faster here.
        if cols is None:
            Z0, PG = self.Z0, (self.G @ P.T).T
        else:
            Z0, PG = self.Z0[:, cols], (self.G[cols] @ P.T).T
        PG += Z0 if a == 1.0 else a * Z0
        return PG

    def linear_val(self, state) -> np.ndarray:
        """W^[1] X_val, of shape (n_1, m_val)."""
        return state.get("W1a", 1.0) * self.Z0_val + state["W1P"] @ self.G_val

    def weights(self, state) -> np.ndarray:
        """W^[1] itself, of shape (n_1, n_0): built only when it is needed."""
        return state.get("W1a", 1.0) * self.W0 + state["W1P"] @ self.X.T

    def squared_norm(self, state) -> float:
        """||W^[1]||²_F = a²||W0||² + 2a⟨W0 X, P⟩ + ⟨P G, P⟩, for the L2 cost."""
        a, P = float(state.get("W1a", 1.0)), state["W1P"]
        return (
            a * a * self.W0_sq
            + 2 * a * float(np.sum(self.Z0 * P))
            + float(np.sum((P @ self.G) * P))
        )

    @staticmethod
    def grads(dZ1_m, state, l2_scale: float, cols=None) -> dict[str, np.ndarray]:
        """dW^[1] = dZ^[1] X_Bᵀ / m_B + l2_scale · W^[1], written in (a, P) coordinates.

        ``dZ1_m`` is dZ^[1] / m_B, as :func:`dnn.propagation.backward` returns it.
        """
        P = state["W1P"]
        if cols is None:
            dP = dZ1_m + l2_scale * P if l2_scale else dZ1_m
        else:
            dP = l2_scale * P if l2_scale else np.zeros_like(P)
            dP[:, cols] += dZ1_m
        grads = {"dW1P": dP}
        if "W1a" in state:
            grads["dW1a"] = np.asarray(l2_scale * state["W1a"])
        return grads
