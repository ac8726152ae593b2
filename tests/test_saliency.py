"""dnn.input_gradient: ∂A^[L]/∂X by backpropagation, checked against central differences."""

import numpy as np
import pytest

import dnn
from dnn.propagation import backward, forward, initialize, predict_proba
from dnn.saliency import backpropagate

ACTIVATIONS = ["relu", "tanh", "leaky_relu", "sigmoid"]


def central_difference(params, X, hidden, h=1e-6):
    """(P(x + h e_k) - P(x - h e_k)) / 2h for every input value k of every column."""
    n, m = X.shape
    grad = np.empty((n, m))
    for k in range(n):
        up, down = X.copy(), X.copy()
        up[k] += h
        down[k] -= h
        grad[k] = (predict_proba(params, up, hidden) - predict_proba(params, down, hidden)) / (
            2 * h
        )
    return grad


@pytest.mark.parametrize("hidden", ACTIVATIONS)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_matches_central_differences_on_random_small_nets(hidden, seed):
    rng = np.random.RandomState(seed)
    dims = [int(rng.randint(2, 9)) for _ in range(rng.randint(2, 5))] + [1]
    params = initialize(tuple(dims), rng, "he")
    for k in params:
        if k[0] == "b":
            params[k] = 0.3 * rng.randn(*params[k].shape)  # ReLU kinks away from the points
    X = rng.randn(dims[0], 5)
    grad = dnn.input_gradient(params, X, hidden)
    assert grad.shape == X.shape
    np.testing.assert_allclose(grad, central_difference(params, X, hidden), rtol=1e-5, atol=1e-9)


@pytest.mark.parametrize("hidden", ACTIVATIONS)
def test_matches_central_differences_on_the_lesson_shape(hidden):
    rng = np.random.RandomState(3)
    params = initialize((12288, 20, 7, 5, 1), np.random.RandomState(1), "lesson")
    X = rng.rand(12288, 2)
    grad = dnn.input_gradient(params, X, hidden)
    assert grad.shape == (12288, 2)
    picked = rng.choice(12288, 40, replace=False)  # 40 of the 12288 inputs, every column
    numeric = np.empty((40, 2))
    for i, k in enumerate(picked):
        up, down = X.copy(), X.copy()
        up[k] += 1e-5
        down[k] -= 1e-5
        numeric[i] = (predict_proba(params, up, hidden) - predict_proba(params, down, hidden))[0]
    numeric /= 2e-5
    np.testing.assert_allclose(grad[picked], numeric, rtol=1e-4, atol=1e-11)
    assert np.abs(grad).max() > 1e-6  # not trivially zero


def test_columns_are_independent_examples():
    rng = np.random.RandomState(5)
    params = initialize((6, 4, 3, 1), rng, "lesson")
    X = rng.randn(6, 4)
    together = dnn.input_gradient(params, X)
    for j in range(4):
        np.testing.assert_allclose(together[:, [j]], dnn.input_gradient(params, X[:, [j]]))


@pytest.mark.parametrize("hidden", ACTIVATIONS)
def test_backpropagate_gives_training_gradients(hidden):
    """dZ^[l] of backpropagate, through (7) and (8), are the dW^[l], db^[l] training uses."""
    rng = np.random.RandomState(7)
    dims = (3, 5, 5, 3, 1)
    params = initialize(dims, rng, "lesson")
    X, Y = rng.randn(3, 6), (rng.rand(1, 6) > 0.5).astype(float)
    AL, caches = forward(params, X, hidden)
    grads = backward(Y, caches, params, hidden)
    back = backpropagate(AL - Y, caches, params, hidden)
    for l in range(1, 5):
        A_prev = caches[l - 1][0]
        np.testing.assert_allclose(back[f"dZ{l}"] @ A_prev.T / 6, grads[f"dW{l}"], atol=1e-15)
        np.testing.assert_allclose(back[f"dZ{l}"].sum(1, keepdims=True) / 6, grads[f"db{l}"])
        assert back[f"dA{l - 1}"].shape == (dims[l - 1], 6)


def test_rejects_params_with_a_missing_layer():
    params = initialize((4, 3, 1), np.random.RandomState(0))
    del params["W1"]
    with pytest.raises((ValueError, KeyError)):
        dnn.input_gradient(params, np.zeros((4, 1)))
