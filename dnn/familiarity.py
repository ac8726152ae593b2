"""Is a picture like the training photos? Nine image statistics and its nearest training photos.

Why statistics, not pixels
--------------------------
The network only knows what its 209 training photos taught it, so a picture that is not a
photograph at all (a screenshot, a diagram, a slide, a page of text, a chart, a blank or
single-colour image, random noise) gets a P(cat) that means nothing, however sure it looks.
What such pictures have in common is not *what* they show (the training set already shows many
unrelated things: a distance in pixel space, or in a PCA subspace of it, put a page of text and
a flowchart well inside the range of the training photos' own distances when we measured it)
but *how their pixels behave*. Nine numbers describe that, each computed on the 64×64 picture
the network sees:

1. ``contrast``: log of the brightness's standard deviation (blank, single-colour: very low);
2. ``roughness``: log of the mean step between neighbouring pixels over that deviation
   (photos change smoothly; noise jumps at every pixel);
3. ``correlation``: correlation of each pixel's brightness with its right neighbour's
   (≈ 0.9 in photos, ≈ 0 in noise);
4. ``flat``: log of the share of neighbouring pixels that are exactly equal (±1 of 255) — large
   areas of one exact colour are what drawings and screenshots are made of;
5. ``edges``: log of the share of neighbour steps over 35 % of the range (the razor-sharp strokes
   of lines and letters);
6. ``entropy``: of the 32-level brightness histogram, in bits (few tones: drawings, text);
7. ``palette``: log of the share of pixels in the picture's 3 commonest colours (32 levels a
   channel): a background, a window, a slide's fill (photos: about 10 %; screenshots, slides,
   diagrams: 50–90 %);
8. ``paper``: log of the share of near-white, colourless pixels (a page, a dialog, a chart's
   background; few photos have much of it);
9. ``lines``: log of the share of rows and columns of one colour (margins, bars and rules of
   pages, windows and slides; none in a photo).

A picture's distance is its distance, in these nine numbers each measured in the training
photos' own spread, to its ``NEIGHBOURS``-th nearest training photo; the threshold is the
``QUANTILE``-th percentile of the training photos' own such distances (each left out of its
own neighbours). Nearest neighbours, not a mean and a covariance: several of the statistics
are far from bell-shaped (``lines`` is zero for almost every photo), and the photos form
several groups (night shots, close-ups, snow) that one ellipse would blur.

What this was chosen on
-----------------------
The statistics, ``NEIGHBOURS`` and ``QUANTILE`` were chosen on a calibration set of real
non-photographs from Debian's packages (screenshots, diagrams, scanned pages, slides, charts:
``bench/real_pictures.py`` says which) and measured on a report set kept apart (other
packages). ``bench/unfamiliar_rates.py`` prints both, the made-up odd pictures and the rates
on photographs; the README has the figures. The old check (six statistics, one ellipse) let
through a real flowchart of gradient boxes from presentation software at P(cat) 96 %.

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
STATISTICS = (
    "contrast",
    "roughness",
    "correlation",
    "flat",
    "edges",
    "entropy",
    "palette",
    "paper",
    "lines",
)
QUANTILE = 99.0  # percent of the training pictures' distances under the threshold
NEIGHBOURS = 1  # a picture's distance is to its nearest training picture
RANGE = (1.0, 99.0)  # percentiles of the training pictures: a statistic outside is "unusual"
BLANK_CONTRAST = 0.02  # brightness deviation under 2 % of the range: one colour
NOISE_CORRELATION = 0.3  # neighbours less alike than this: noise (photos: 0.73 and up)


def _as_pictures(X: np.ndarray) -> np.ndarray:
    """(12288, m) columns → (m, 64, 64, 3) pictures; ValueError for another size."""
    if X.ndim != 2 or X.shape[0] != SIDE * SIDE * 3:
        raise ValueError(f"pictures must have shape ({SIDE * SIDE * 3}, m), got {X.shape}")
    return np.asarray(X, dtype=np.float64).T.reshape(-1, SIDE, SIDE, 3)


def statistics(X: np.ndarray) -> np.ndarray:
    """The nine statistics of each picture (see the module's docstring).

    Parameters
    ----------
    X : ndarray of shape (12288, m)
        Pictures as the network sees them: 64·64·3 values in [0, 1] per column.

    Returns
    -------
    ndarray of shape (m, 9)
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
            np.log(palette(img)),
            np.log(paper(img) + 0.01),
            np.log(one_colour_lines(img) + 0.01),
        ]
    )


def palette(img: np.ndarray) -> np.ndarray:
    """Share of pixels in each picture's 3 commonest colours (32 levels a channel), (m,)."""
    q = np.minimum((img * 32).astype(np.int64), 31)  # (m, 64, 64, 3)
    codes = ((q[..., 0] * 32 + q[..., 1]) * 32 + q[..., 2]).reshape(len(img), -1)
    top = [np.sort(np.bincount(row, minlength=32**3))[-3:].sum() for row in codes]
    return np.asarray(top, dtype=np.float64) / codes.shape[1]


def paper(img: np.ndarray) -> np.ndarray:
    """Share of near-white, colourless pixels (brightest channel > 0.9, spread < 0.08), (m,)."""
    top, bottom = img.max(axis=3), img.min(axis=3)
    return ((top > 0.9) & (top - bottom < 0.08)).mean(axis=(1, 2))


def one_colour_lines(img: np.ndarray) -> np.ndarray:
    """Share of rows and columns whose pixels are all one colour (±2 of 255), (m,)."""
    rows = (img.max(axis=2) - img.min(axis=2)).max(axis=2) <= 2 / 255  # (m, 64)
    cols = (img.max(axis=1) - img.min(axis=1)).max(axis=2) <= 2 / 255
    return (rows.mean(axis=1) + cols.mean(axis=1)) / 2


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


def _pairwise(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Euclidean distance of every row of A to every row of B, (m, k) × (n, k) → (m, n)."""
    d2 = (A * A).sum(1)[:, None] + (B * B).sum(1)[None, :] - 2 * A @ B.T
    return np.sqrt(np.maximum(d2, 0.0))


@dataclass(frozen=True)
class Familiarity:
    """The training pictures' statistics, scaled, and the threshold on a picture's distance."""

    mean: np.ndarray  # (9,) the training pictures' mean statistics
    scale: np.ndarray  # (9,) and their standard deviations
    train: np.ndarray  # (m_train, 9) the training pictures' scaled statistics
    own: np.ndarray  # (m_train,) each training picture's distance to the others
    threshold: float  # the QUANTILE-th percentile of ``own``
    low: np.ndarray  # (9,) the RANGE percentiles of each statistic on the training pictures
    high: np.ndarray  # (9,)

    @classmethod
    def fit(cls, train_x: np.ndarray) -> Familiarity:
        """Fit on the training pictures, train_x of shape (12288, m_train)."""
        S = statistics(train_x)  # (m, 9)
        mean, scale = S.mean(axis=0), np.maximum(S.std(axis=0), 1e-9)
        Z = (S - mean) / scale
        D = _pairwise(Z, Z)
        np.fill_diagonal(D, np.inf)  # a picture is not its own neighbour
        own = np.sort(D, axis=1)[:, NEIGHBOURS - 1]
        low, high = np.percentile(S, RANGE, axis=0)
        return cls(mean, scale, Z, own, float(np.percentile(own, QUANTILE)), low, high)

    def distance(self, X: np.ndarray) -> np.ndarray:
        """Distance of each picture's statistics to its nearest training pictures', (1, m)."""
        return self._distance(statistics(X))[np.newaxis, :]

    def _distance(self, S: np.ndarray) -> np.ndarray:
        D = _pairwise((S - self.mean) / self.scale, self.train)
        k = min(NEIGHBOURS, D.shape[1]) - 1
        return np.partition(D, k, axis=1)[:, k]

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

    def unusual(self, X: np.ndarray, most: int = 2) -> list[list[tuple[str, str]]]:
        """Per picture, the statistics outside the training pictures' range, most unusual first.

        Each is ``(name, "low" | "high")``, at most ``most`` of them; a statistic is outside
        when it is below the 1st or above the 99th percentile of the training pictures' (an
        unfamiliar picture with none is unusual in how its statistics go together).
        """
        out = []
        for s in statistics(X):
            below = (self.low - s) / self.scale
            above = (s - self.high) / self.scale
            excess = np.maximum(below, above)  # > 0 outside the range, in training spreads
            order = [j for j in np.argsort(-excess) if excess[j] > 0][:most]
            out.append([(STATISTICS[j], "low" if below[j] > 0 else "high") for j in order])
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
        True where the picture's statistics are farther from its nearest training photos' than
        99 % of the training photos are from theirs (see the module's docstring).
    """
    return familiarity(train_x).unfamiliar(X)
