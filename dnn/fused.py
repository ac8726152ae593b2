"""The trainer's fast path: one iteration on preallocated buffers, parameters in one vector.

θ, every number the optimizer moves, is one flat float64 vector: the first layer's block (see
:mod:`dnn.textbook` and :mod:`dnn.dual`), then ``W̃^[l] = [W^[l] | b^[l]]`` of shape
(n_l, n_{l-1} + 1) for l = 2 … L, each stored column after column so that W^[l] and b^[l] are
contiguous slices. Hidden activations carry a row of ones, ``Ã^[l] = [A^[l]; 1ᵀ]`` of shape
(n_l + 1, m), so that for l ≥ 2

    Z^[l] = W̃^[l] Ã^[l-1]                   (W^[l] A^[l-1] + b^[l] in one product)
    [dW^[l] | db^[l]] = dZ^[l] Ã^[l-1]ᵀ      ((7) and (8) in one product)

The gradient vector has θ's layout, so an optimizer step is a few whole-vector operations.
Every intermediate array lives in a :class:`Workspace` allocated once per batch width, and the
NumPy calls of a pass are bound to their arrays once, as a *tape* of ``(function, arguments)``
pairs that :func:`play` runs: an iteration is then the calls themselves, with next to no Python
around them. The numbers are those of :mod:`dnn.propagation` (the lesson's kernels, one layer
at a time) up to rounding; tests check that both agree.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from types import SimpleNamespace

import numpy as np

from dnn import activations
from dnn.layers import layers
from dnn.propagation import cross_entropy

Tape = list[tuple[Callable, tuple]]


def play(tape: Tape) -> None:
    """Run every call of a tape, in order."""
    for f, args in tape:
        f(*args)


class Workspace:
    """Every array one forward and backward pass on k columns needs, allocated once.

    ``Aaug[l]`` is Ã^[l] of shape (n_l + 1, k) (its last row stays 1); ``A[l]`` is its first
    n_l rows. ``D[l]`` holds dA^[l] / m, then dZ^[l] / m, of shape (n_l, k). ``E`` holds
    e^{-Z^[L]}, from which both A^[L] and the cost are made.
    """

    def __init__(self, dims, k: int, first_buffers: SimpleNamespace, first_order: str) -> None:
        L = len(dims) - 1
        self.k = k
        self.Aaug: list = [None] * L
        self.A: list = [None] * L
        self.D: list = [None] * (L + 1)
        self.mask: list = [None] * L
        self.scratch: list = [None] * L
        for l in range(1, L + 1):
            order = first_order if l == 1 else "C"  # as layer 1's own arrays are laid out
            self.D[l] = np.empty((dims[l], k), order=order)
            if l < L:
                self.Aaug[l] = np.ones((dims[l] + 1, k), order=order)
                self.A[l] = self.Aaug[l][: dims[l]]
                self.mask[l] = np.empty((dims[l], k), dtype=bool, order=order)
                self.scratch[l] = np.empty((dims[l], k), order=order)
        self.ZL, self.AL = np.empty((1, k)), np.empty((1, k))
        self.E, self.log1pE = np.empty((1, k)), np.empty((1, k))
        self.Y = np.empty((1, k))  # the batch's labels y
        self.Y0 = np.empty((1, k))  # 1 - y
        self.y0, self.zL = self.Y0[0], self.ZL[0]  # the same as vectors of shape (k,)
        self.Y1 = np.empty((1, k), dtype=bool)  # y == 1
        self.pred = np.empty((1, k), dtype=bool)
        self.cols = np.zeros(k, dtype=np.intp)  # the batch's columns (mini-batches)
        self.first = first_buffers


class Network:
    """Forward pass, cost and backward pass of an L-layer network on a parameter vector.

    Parameters
    ----------
    layer_dims : tuple of int
        n^[0], …, n^[L].
    hidden : str
        g^[l] for l < L (the output is a sigmoid).
    first : TextbookFirstLayer or DualFirstLayer
        How layer 1 is computed and where its block of θ lives.
    """

    def __init__(self, layer_dims, hidden: str, first) -> None:
        self.dims = tuple(int(n) for n in layer_dims)
        self.L = len(self.dims) - 1
        self.hidden = hidden
        self.first = first
        self.offsets = [0, first.size]  # θ[offsets[l-1]:offsets[l]] is layer l's block
        for l in range(2, self.L + 1):
            self.offsets.append(self.offsets[-1] + self.dims[l] * (self.dims[l - 1] + 1))
        self.size = self.offsets[-1]
        self._spaces: dict[tuple[int, bool], Workspace] = {}

    # ------------------------------------------------------------------ the vector's layout
    def views(self, theta: np.ndarray) -> SimpleNamespace:
        """Arrays sharing θ's memory: ``first`` (layer 1), ``Wt[l]`` = W̃^[l], ``W[l]``."""
        Wt: list = [None, None]
        for l in range(2, self.L + 1):
            block = theta[self.offsets[l - 1] : self.offsets[l]]
            Wt.append(block.reshape((self.dims[l], self.dims[l - 1] + 1), order="F"))
        W = [None, None] + [w[:, :-1] for w in Wt[2:]]
        first = self.first.views(theta[: self.offsets[1]])
        return SimpleNamespace(theta=theta, first=first, Wt=Wt, W=W)

    def pack(self, params) -> np.ndarray:
        """θ holding W^[l], b^[l] of ``params`` (the first layer's block as it defines it)."""
        theta = np.empty(self.size)
        v = self.views(theta)
        for l, W, b in layers(params):
            if l == 1:
                self.first.pack(theta[: self.offsets[1]], W, b)
            else:
                v.Wt[l][:, :-1], v.Wt[l][:, -1:] = W, b
        return theta

    def unpack(self, v: SimpleNamespace) -> dict[str, np.ndarray]:
        """W1, b1, …, WL, bL as new C-ordered arrays, in layer order."""
        W1, b1 = self.first.weights(v.first)
        params = {"W1": W1, "b1": b1}
        for l in range(2, self.L + 1):
            params[f"W{l}"] = np.array(v.W[l], order="C")  # copies: θ keeps changing
            params[f"b{l}"] = np.array(v.Wt[l][:, -1:], order="C")
        return params

    def l2_vector(self, scale: float) -> np.ndarray:
        """``scale`` where θ holds a weight (its L2 gradient is scale · θ there), 0 on biases."""
        vec = np.full(self.size, scale)
        self.first.l2_weights(vec[: self.offsets[1]], scale)
        for l in range(2, self.L + 1):
            vec[self.offsets[l] - self.dims[l] : self.offsets[l]] = 0.0  # b^[l]: the last n_l
        return vec

    def squared_norm(self, v: SimpleNamespace, full_batch: bool) -> float:
        """Σ_l ||W^[l]||²_F, for the L2 cost (layer 1 as its block defines it)."""
        total = self.first.squared_norm(v.first, full_batch)
        for l in range(2, self.L + 1):
            w = v.theta[self.offsets[l - 1] : self.offsets[l] - self.dims[l]]
            total += float(np.dot(w, w))
        return total

    def workspace(self, k: int, val: bool = False) -> Workspace:
        """The buffers for a batch of k columns, or for the validation set (made once each)."""
        ws = self._spaces.get((k, val))
        if ws is None:
            first = SimpleNamespace() if val else self.first.buffers(k)
            ws = self._spaces[(k, val)] = Workspace(self.dims, k, first, self.first.order)
        return ws

    # ------------------------------------------------------------------ one iteration
    def forward_tape(self, v: SimpleNamespace, ws: Workspace, batch: bool, val=False) -> Tape:
        """The calls that fill ``ws.ZL`` = Z^[L], ``ws.AL`` = A^[L] and the cost's terms.

        ``batch``: the columns are ``ws.cols`` (a mini-batch) rather than all of them;
        ``val``: the inputs are the validation set.
        """
        L, g = self.L, self.hidden
        out = ws.A[1] if L > 1 else ws.ZL
        if val:
            tape = self.first.forward_val_tape(v.first, out)
        else:
            tape = self.first.forward_tape(v.first, out, ws.cols if batch else None, ws.first)
        for l in range(1, L):
            if l > 1:
                out = ws.A[l]
                tape.append((np.dot, (v.Wt[l], ws.Aaug[l - 1], out)))
            tape += activations.forward_tape(g, out, ws.scratch[l])
        if L > 1:
            tape.append((np.dot, (v.Wt[L], ws.Aaug[L - 1], ws.ZL)))
        E = ws.E  # A^[L] = 1 / (1 + e^{-Z}) as activations.sigmoid computes it, keeping e^{-Z}
        tape += [
            (np.negative, (ws.ZL, E)),
            (np.exp, (E, E)),
            (np.log1p, (E, ws.log1pE)),
            (np.add, (E, 1.0, ws.AL)),
            (np.divide, (1.0, ws.AL, ws.AL)),
        ]
        return tape

    @staticmethod
    def cost(ws: Workspace) -> float:
        """Cross-entropy of the batch after its forward tape.

        Per column it is log(1 + e^{-z}) for y = 1 and z + log(1 + e^{-z}) for y = 0 (the
        lesson's -y log a - (1 - y) log(1 - a) with a = 1 / (1 + e^{-z})), summed as
        Σ log1p(e^{-z}) + Σ (1 - y) z. Where e^{-z} overflows (z < -709) this is inf, and
        :func:`dnn.propagation.cross_entropy` decides whether the cost really is.
        """
        total = float(np.add.reduce(ws.log1pE, None)) + float(np.dot(ws.y0, ws.zL))
        if not math.isfinite(total):
            return cross_entropy(ws.ZL, ws.Y)
        return total / ws.k

    @staticmethod
    def correct(ws: Workspace) -> int:
        """How many columns of the batch are labelled right ((A^[L] > 0.5) == (y == 1))."""
        np.greater(ws.AL, 0.5, out=ws.pred)
        return int(np.count_nonzero(ws.pred == ws.Y1))

    def backward_tape(self, v: SimpleNamespace, g: SimpleNamespace, ws: Workspace, batch) -> Tape:
        """The calls that write the batch's cross-entropy gradient into ``g`` (θ's layout).

        dZ^[L] = (A^[L] - Y) / m_B, then (6)–(9) from layer L down to 1 (the 1/m is carried by
        dZ^[L], as in :func:`dnn.propagation.backward`).
        """
        L, D, hidden = self.L, list(ws.D), self.hidden
        target = self.first.grad_target(g.first, batch)
        if target is not None:  # layer 1's dZ / m goes straight into the gradient vector
            D[1] = target
        tape: Tape = [(np.subtract, (ws.AL, ws.Y, D[L])), (np.divide, (D[L], ws.k, D[L]))]
        for l in range(L, 1, -1):
            # [dW^[l] | db^[l]] = dZ^[l] Ã^[l-1]ᵀ, written as its transpose (np.dot wants a
            # row-major output, and W̃^[l] is stored column after column)
            tape.append((np.dot, (ws.Aaug[l - 1], D[l].T, g.Wt[l].T)))
            # (9): dA^[l-1] / m; from a single unit it is an outer product
            tape.append((np.multiply if self.dims[l] == 1 else np.dot, (v.W[l].T, D[l], D[l - 1])))
            tape += activations.backward_tape(
                hidden, D[l - 1], ws.A[l - 1], ws.mask[l - 1], ws.scratch[l - 1]
            )
        cols = ws.cols if batch else None
        tape += self.first.backward_tape(g.first, D[1], cols, ws.first, v.first)
        return tape
