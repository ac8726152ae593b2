"""Is a picture like the training photos? Six image statistics and a distance to the training set.

Why statistics, not pixels
--------------------------
The network only knows what its 209 training photos taught it, so a picture that is not a
photograph at all (a screenshot, a diagram, a page of text, a blank or single-colour image,
random noise) gets a P(cat) that means nothing, however sure it looks. What such pictures have
in common is not *what* they show (the training set already shows many unrelated things: a
distance in pixel space, or in a PCA subspace of it, put a page of text and a flowchart well
inside the range of the training photos' own distances when we measured it) but *how their
pixels behave*. Six numbers describe that, each computed on the 64×64 picture the network sees:

1. ``contrast``: log of the brightness's standard deviation (blank, single-colour: very low);
2. ``roughness``: log of the mean step between neighbouring pixels over that deviation
   (photos change smoothly; noise jumps at every pixel);
3. ``correlation``: correlation of each pixel's brightness with its right neighbour's
   (≈ 0.9 in photos, ≈ 0 in noise);
4. ``flat``: log of the share of neighbouring pixels that are exactly equal (±1 of 255) — large
   areas of one exact colour are what drawings and screenshots are made of; a camera's noise and
   the resizing leave almost none in a photo;
5. ``edges``: log of the share of neighbour steps over 35 % of the range (the razor-sharp strokes
   of lines and letters);
6. ``entropy``: of the 32-level brightness histogram, in bits (few tones: drawings, text).

The training pictures give a mean and a covariance of these six numbers; a picture's distance is
its Mahalanobis distance to them (so correlated statistics are not counted twice, and each is
measured in the training set's own spread). A picture is *unfamiliar* when its distance is above
the 99th percentile of the training pictures' own distances: by construction about 1 training
picture in 100 is past it (two night shots of the 209 are), and on the 50 test pictures none is.
``bench/unfamiliar_rates.py`` prints the rates on photographs and on made-up odd pictures.

The fit takes a few tens of milliseconds and is cached per training array; a picture then costs
well under a millisecond.
"""

from __future__ import annotations

import hashlib
import threading
import weakref
from dataclasses import dataclass

import numpy as np

SIDE = 64  # the pictures are (SIDE, SIDE, 3), flattened in (height, width, channel) order
LUMA = np.array([0.299, 0.587, 0.114])  # brightness from R, G, B (ITU-R BT.601)
STATISTICS = ("contrast", "roughness", "correlation", "flat", "edges", "entropy")
QUANTILE = 99.0  # percent of the training pictures' distances under the threshold
BLANK_CONTRAST = 0.02  # brightness deviation under 2 % of the range: one colour
NOISE_CORRELATION = 0.3  # neighbours less alike than this: noise (photos: 0.73 and up)


def _as_pictures(X: np.ndarray) -> np.ndarray:
    """(12288, m) columns → (m, 64, 64, 3) pictures; ValueError for another size."""
    if X.ndim != 2 or X.shape[0] != SIDE * SIDE * 3:
        raise ValueError(f"pictures must have shape ({SIDE * SIDE * 3}, m), got {X.shape}")
    return np.asarray(X, dtype=np.float64).T.reshape(-1, SIDE, SIDE, 3)


def statistics(X: np.ndarray) -> np.ndarray:
    """The six statistics of each picture (see the module's docstring).

    Parameters
    ----------
    X : ndarray of shape (12288, m)
        Pictures as the network sees them: 64·64·3 values in [0, 1] per column.

    Returns
    -------
    ndarray of shape (m, 6)
        One row per picture, in the order of ``STATISTICS``.
    """
    img = _as_pictures(X)  # (m, 64, 64, 3)
    m = img.shape[0]
    lum = img @ LUMA  # (m, 64, 64)
    spread = lum.reshape(m, -1).std(axis=1)
    dx = np.abs(np.diff(img, axis=2))  # (m, 64, 63, 3)
    dy = np.abs(np.diff(img, axis=1))  # (m, 63, 64, 3)
    step = (dx.mean(axis=(1, 2, 3)) + dy.mean(axis=(1, 2, 3))) / 2
    dx, dy = dx.max(axis=3), dy.max(axis=3)  # the largest change over R, G, B
    flat = ((dx <= 1.5 / 255).mean(axis=(1, 2)) + (dy <= 1.5 / 255).mean(axis=(1, 2))) / 2
    edges = ((dx > 0.35).mean(axis=(1, 2)) + (dy > 0.35).mean(axis=(1, 2))) / 2
    levels = np.minimum((lum * 32).astype(np.int64), 31).reshape(m, -1)
    hist = np.stack([np.bincount(row, minlength=32) for row in levels]) / levels.shape[1]
    entropy = -np.sum(hist * np.log2(np.where(hist > 0, hist, 1.0)), axis=1)
    return np.column_stack(
        [
            np.log(spread + 0.01),
            np.log((step + 1e-3) / (spread + 0.01)),
            neighbour_correlation(lum),
            np.log(flat + 0.01),
            np.log(edges + 0.002),
            entropy,
        ]
    )


def neighbour_correlation(lum: np.ndarray) -> np.ndarray:
    """Correlation of each brightness with its right neighbour's, per picture (0 if flat).

    Parameters
    ----------
    lum : ndarray of shape (m, 64, 64)

    Returns
    -------
    ndarray of shape (m,)
    """
    m = lum.shape[0]
    a = lum[:, :, :-1].reshape(m, -1)
    b = lum[:, :, 1:].reshape(m, -1)
    a = a - a.mean(axis=1, keepdims=True)
    b = b - b.mean(axis=1, keepdims=True)
    norm = np.sqrt((a * a).sum(axis=1) * (b * b).sum(axis=1))
    return np.where(norm > 1e-12, (a * b).sum(axis=1) / np.maximum(norm, 1e-12), 0.0)


def _mahalanobis(D: np.ndarray, inv_cov: np.ndarray) -> np.ndarray:
    """sqrt(dᵀ Σ⁻¹ d) for each row d of D, (m, k) → (m,)."""
    return np.sqrt(np.einsum("ij,jk,ik->i", D, inv_cov, D))


@dataclass(frozen=True)
class Familiarity:
    """The training pictures' statistics: their mean, inverse covariance and threshold."""

    mean: np.ndarray  # (6,)
    inv_cov: np.ndarray  # (6, 6)
    threshold: float  # the QUANTILE-th percentile of the training pictures' distances

    @classmethod
    def fit(cls, train_x: np.ndarray) -> Familiarity:
        """Fit on the training pictures, train_x of shape (12288, m_train)."""
        S = statistics(train_x)  # (m, 6)
        mean = S.mean(axis=0)
        cov = np.cov(S, rowvar=False) + 1e-9 * np.eye(S.shape[1])
        inv_cov = np.linalg.inv(cov)
        own = _mahalanobis(S - mean, inv_cov)
        return cls(mean, inv_cov, float(np.percentile(own, QUANTILE)))

    def distance(self, X: np.ndarray) -> np.ndarray:
        """Mahalanobis distance of each picture's statistics to the training set's, (1, m)."""
        return self._distance(statistics(X))[np.newaxis, :]

    def _distance(self, S: np.ndarray) -> np.ndarray:
        return _mahalanobis(S - self.mean, self.inv_cov)

    def unfamiliar(self, X: np.ndarray) -> np.ndarray:
        """True where a picture is farther than the threshold, boolean of shape (1, m)."""
        return self.distance(X) > self.threshold

    def reasons(self, X: np.ndarray) -> list[str | None]:
        """Per picture: None (familiar), ``"blank"``, ``"noise"`` or ``"unlike"`` (any other)."""
        out: list[str | None] = []
        S = statistics(X)
        for s, far in zip(S, self._distance(S) > self.threshold, strict=True):
            if not far:
                out.append(None)
            elif np.exp(s[0]) - 0.01 < BLANK_CONTRAST:
                out.append("blank")
            elif s[2] < NOISE_CORRELATION:
                out.append("noise")
            else:
                out.append("unlike")
        return out


_cache: dict[int, tuple[weakref.ref, bytes, Familiarity]] = {}
_lock = threading.Lock()


def _fingerprint(train_x: np.ndarray) -> bytes:
    """A cheap check that an array seen before still holds the same numbers (a strided sample)."""
    sample = np.ascontiguousarray(train_x[::97, ::3])
    head = f"{train_x.shape}{train_x.dtype}".encode()
    return hashlib.blake2b(head + sample.tobytes(), digest_size=16).digest()


def familiarity(train_x: np.ndarray) -> Familiarity:
    """The fitted :class:`Familiarity` of ``train_x``, fitted once per array and then cached.

    The cache is keyed by the array's identity (held weakly, so a freed array is forgotten) and
    checked against a fingerprint of a sample of its values.
    """
    key, mark = id(train_x), _fingerprint(train_x)
    with _lock:
        hit = _cache.get(key)
        if hit is not None and hit[0]() is train_x and hit[1] == mark:
            return hit[2]
    model = Familiarity.fit(train_x)
    with _lock:
        for k in [k for k, v in _cache.items() if v[0]() is None]:
            del _cache[k]
        try:
            _cache[key] = (weakref.ref(train_x), mark, model)
        except TypeError:  # an object that cannot be referenced weakly: fit again next time
            pass
    return model


def unfamiliar(train_x: np.ndarray, X: np.ndarray) -> np.ndarray:
    """True where a picture is unlike every kind of picture in the training set.

    Parameters
    ----------
    train_x : ndarray of shape (12288, m_train)
        The training pictures (the fit is cached per array).
    X : ndarray of shape (12288, m)
        Pictures to check, as the network sees them.

    Returns
    -------
    ndarray of bool, shape (1, m)
        True where the picture's statistics are farther from the training photos' than 99 % of
        the training photos themselves (see the module's docstring for the measure).
    """
    return familiarity(train_x).unfamiliar(X)
