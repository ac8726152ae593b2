"""A validation split of the training pictures, to choose the number of iterations by (pure).

The lesson trains on all 209 training pictures and reports accuracy on the 50 test pictures.
Choosing when to stop from the test curve makes the test pictures part of the choice; early
stopping done properly holds out a share of the *training* pictures (the validation set),
trains on the rest, chooses the iterations by the validation curve, and only then looks at the
test pictures once. The split is off by default (the lesson's numbers stay as printed); when
on, it is the same for every run and every visitor: per class, a fixed random draw (seed 0),
so cats and non-cats keep their shares.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from dnn.dual import gram

SHARES = (0, 10, 20, 30)  # percent of the training pictures held out (0: off, the lesson)
SEED = 0


@dataclass(frozen=True)
class Split:
    """The training pictures cut in two: trained on, and held out to choose by."""

    train_x: np.ndarray  # (n_0, m_train)
    train_y: np.ndarray  # (1, m_train)
    val_x: np.ndarray  # (n_0, m_val)
    val_y: np.ndarray  # (1, m_val)
    gram: np.ndarray | None  # Xᵀ X of the part trained on
    gram_val: np.ndarray | None  # Xᵀ X_val


def columns(Y: np.ndarray, share: int, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Indices (kept, held out) of the columns of labels ``Y`` (1, m), ``share`` % held out.

    Each class gives round(share % of its pictures) (at least one when share > 0), drawn by a
    RandomState(``seed``); both index arrays are sorted.
    """
    if share not in SHARES:
        raise ValueError(f"validation share must be one of {SHARES}, got {share}")
    labels = np.ravel(Y)
    rng = np.random.RandomState(seed)
    held = []
    for value in (0, 1):
        where = np.flatnonzero(labels == value)
        count = min(len(where) - 1, max(1, round(len(where) * share / 100))) if share else 0
        held.append(rng.permutation(where)[: max(count, 0)])
    out = np.sort(np.concatenate(held)).astype(int)
    kept = np.setdiff1d(np.arange(labels.size), out)
    return kept, out


def split(X: np.ndarray, Y: np.ndarray, share: int, grams: bool = False) -> Split:
    """The split of (X, Y) holding out ``share`` %; ``grams``: with its own Gram matrices.

    The Gram matrices are computed from the part trained on, exactly as ``dnn.train`` computes
    them for that part (:func:`dnn.dual.gram`), never cut out of the whole set's Xᵀ X: a cut
    holds the same products rounded apart by up to one unit in the last place (BLAS sums them
    in another order), and a run can amplify that much. The lesson's network with tanh, α =
    0.0075, 10 % held out: a cut Gram matrix moved its cost by up to 0.7 along the run and by
    5.7e-5 at its end; one unit in the last place of a single entry of Xᵀ X, by 0.8. The part's
    own matrices give ``dnn.train``'s run bit for bit (about 20 ms, once per share).
    """
    kept, out = columns(Y, share)
    train_x, val_x = X[:, kept], X[:, out]
    G = G_val = None
    if grams:
        G, G_val = gram(train_x), gram(train_x, val_x)
        for a in (G, G_val):
            a.setflags(write=False)
    return Split(train_x, Y[:, kept], val_x, Y[:, out], G, G_val)


_cache: dict[tuple[int, int], tuple[object, Split]] = {}
_lock = threading.Lock()


def cached_split(data, share: int) -> Split:
    """:func:`split` of ``data``'s training pictures with its Gram matrices, once per share."""
    key = (id(data), share)
    with _lock:
        found = _cache.get(key)
        if found is None or found[0] is not data:
            if len(_cache) >= 2 * len(SHARES):
                _cache.clear()
            found = _cache[key] = (data, split(data.train_x, data.train_y, share, grams=True))
        return found[1]
