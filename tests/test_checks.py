"""The run checks' correlations of W^[1] with its start, against NumPy's own ``corrcoef``."""

from __future__ import annotations

import numpy as np

import dnn
from ui.core.checks import unit_correlations


def corrcoef_rows(W: np.ndarray, W0: np.ndarray) -> np.ndarray:
    """Row k of W against row k of W0, one ``np.corrcoef`` at a time (the reference)."""
    return np.array([np.corrcoef(w, w0)[0, 1] for w, w0 in zip(W, W0, strict=True)])


def test_correlations_match_corrcoef_unit_by_unit():
    rng = np.random.RandomState(0)
    W0 = rng.randn(6, 50)
    mix = np.linspace(0.0, 1.0, 6)[:, None]  # unit k keeps a share of its start
    W = mix * W0 + (1 - mix) * rng.randn(6, 50) + rng.rand(6, 1)  # and gets an offset
    expected = corrcoef_rows(W, W0)
    np.testing.assert_allclose(unit_correlations(W, W0), expected, rtol=0, atol=1e-12)
    assert expected[0] < 0.5 < expected[-1]  # the units really differ: from unrelated to kept


def test_a_rescaled_unit_correlates_fully_and_a_flipped_one_negatively():
    W0 = np.random.RandomState(1).randn(3, 20)
    W = W0 * np.array([[2.0], [0.5], [-1.0]]) + 3.0
    np.testing.assert_allclose(unit_correlations(W, W0), [1.0, 1.0, -1.0], rtol=0, atol=1e-12)


def test_a_constant_row_gives_zero_not_nan():
    W0 = np.random.RandomState(2).randn(2, 10)
    W = np.vstack([np.full(10, 0.3), W0[1]])
    np.testing.assert_allclose(unit_correlations(W, W0), [0.0, 1.0], rtol=0, atol=1e-12)


def test_the_lesson_run_keeps_much_of_its_start(data, lesson_4layer):
    W0 = dnn.train(data.train_x, data.train_y, [12288, 20, 7, 5, 1], num_iterations=0)
    W0, W = W0.params["W1"], lesson_4layer.params["W1"]
    expected = corrcoef_rows(W, W0)
    np.testing.assert_allclose(unit_correlations(W, W0), expected, rtol=0, atol=1e-12)
    assert 0.8 < expected.min() and expected.max() < 1.0  # README: 0.84–1.00, unit by unit
