"""The trainer's fused path (dnn.fused, dnn.textbook, dnn.dual, FlatOptimizer) against the
lesson's kernels in dnn.propagation and dnn.optimizers, and against numerical gradients."""

from types import SimpleNamespace

import numpy as np
import pytest

from dnn import optimizers, propagation
from dnn.config import TrainConfig
from dnn.dual import DualFirstLayer
from dnn.fused import Network, play
from dnn.textbook import TextbookFirstLayer

ACTIVATIONS = ["relu", "tanh", "leaky_relu", "sigmoid"]


def problem(dims, m=9, seed=3):
    rng = np.random.RandomState(seed)
    params = propagation.initialize(dims, rng, "he")
    for l in range(1, len(dims)):
        params[f"b{l}"] = rng.randn(dims[l], 1) * 0.1
    X = rng.randn(dims[0], m)
    Y = (rng.rand(1, m) > 0.5).astype(np.int64)
    return params, X, Y


def textbook_net(dims, hidden, X, Y):
    """A Network on the textbook first layer, with the whole-set workspace given its labels."""
    net = Network(dims, hidden, TextbookFirstLayer(dims[1], X))
    ws = net.workspace(X.shape[1])
    ws.Y[...], ws.Y0[...], ws.Y1[...] = Y, 1 - Y, Y == 1
    return net, ws


def fused_cost_and_grads(net, ws, theta):
    v, g = net.views(theta), np.zeros(net.size)
    play(net.forward_tape(v, ws, False))
    cost = net.cost(ws)
    play(net.backward_tape(v, net.views(g), ws, False))
    return cost, g


@pytest.mark.parametrize("hidden", ACTIVATIONS)
@pytest.mark.parametrize("dims", [(6, 5, 4, 1), (6, 1), (6, 3, 1)])
def test_fused_pass_equals_the_lessons_kernels(hidden, dims):
    """Same cost, A^[L] and gradients as propagation.forward/backward (the public blocks)."""
    params, X, Y = problem(dims)
    net, ws = textbook_net(dims, hidden, X, Y)
    cost, g = fused_cost_and_grads(net, ws, net.pack(params))
    AL, caches = propagation.forward(params, X, hidden)
    grads = propagation.backward(Y, caches, params, hidden)
    assert cost == pytest.approx(propagation.cross_entropy(caches[-1][1], Y), rel=1e-13)
    np.testing.assert_allclose(ws.AL, AL, rtol=1e-13)
    ref = net.pack({k[1:]: v for k, v in grads.items()})  # dW^[l], db^[l] in θ's layout
    np.testing.assert_allclose(g, ref, rtol=1e-11, atol=1e-15)
    assert net.correct(ws) == np.sum((AL > 0.5) == (Y == 1))


@pytest.mark.parametrize("hidden", ACTIVATIONS)
def test_gradient_check_through_the_fused_path(hidden):
    """Central differences of the fused cost (with L2) against the fused gradient, in θ."""
    dims, lambd = (5, 4, 3, 1), 0.7
    params, X, Y = problem(dims, m=8)
    m = X.shape[1]
    net, ws = textbook_net(dims, hidden, X, Y)
    theta = net.pack(params)
    l2 = net.l2_vector(lambd / m)

    def J(th):
        v = net.views(th)
        play(net.forward_tape(v, ws, False))
        return net.cost(ws) + lambd / (2 * m) * net.squared_norm(v, True)

    _, g = fused_cost_and_grads(net, ws, theta)
    g += l2 * theta  # what the trainer adds for L2
    num = np.zeros_like(theta)
    for i in range(theta.size):
        e = np.zeros_like(theta)
        e[i] = 1e-6
        num[i] = (J(theta + e) - J(theta - e)) / 2e-6
    rel = np.linalg.norm(g - num) / (np.linalg.norm(g) + np.linalg.norm(num))
    assert rel < 1e-7
    wrong = g.copy()
    wrong[np.argmax(np.abs(g))] *= -1  # a sign error would be caught
    assert np.linalg.norm(wrong - num) / (np.linalg.norm(wrong) + np.linalg.norm(num)) > 1e-3


@pytest.mark.parametrize("l2_scale", [0.0, 0.05])
def test_dual_first_layer_stands_for_w1_and_b1(l2_scale):
    """Z^[1] from (a, P, c) equals W^[1] X + b^[1] with W^[1], b^[1] read back from them."""
    rng = np.random.RandomState(5)
    n0, n1, m = 30, 4, 7
    W0, X = rng.randn(n1, n0), rng.rand(n0, m)
    first = DualFirstLayer(W0, X, l2_scale=l2_scale)
    block = rng.randn(first.size)  # any coordinates (a, P, c)
    if not l2_scale:
        v = first.views(block)
        v.a[0], v.c[...] = 1.0, 0.0  # without L2 they never move
    v = first.views(block)
    out = np.empty((n1, m))
    work = first.buffers(m)
    play(first.forward_tape(v, out, None, work))
    W1, b1 = first.weights(v)
    np.testing.assert_allclose(out, W1 @ X + b1, rtol=1e-11)
    if l2_scale:  # ||W^[1]||² from the coordinates, after a forward pass and without one
        expected = np.sum(W1 * W1)
        assert first.squared_norm(v, True) == pytest.approx(expected, rel=1e-10)
        assert first.squared_norm(v, False) == pytest.approx(expected, rel=1e-10)


def test_cost_matches_the_lessons_formula_even_where_exp_overflows():
    net, ws = textbook_net((3, 1), "relu", np.zeros((3, 4)), np.array([[1, 0, 1, 0]]))
    for z in ([[0.3, -1.2, 5.0, 2.0]], [[-800.0, -800.0, 800.0, 800.0]], [[40.0, -40.0, 1, 2]]):
        ws.ZL[...] = z
        with np.errstate(over="ignore"):  # as in a run: e^800 overflows to inf
            play(
                [
                    (np.negative, (ws.ZL, ws.E)),
                    (np.exp, (ws.E, ws.E)),
                    (np.log1p, (ws.E, ws.log1pE)),
                ]
            )
        expected = propagation.cross_entropy(np.array(z), ws.Y)
        assert net.cost(ws) == pytest.approx(expected, rel=1e-12)
    assert np.isfinite(net.cost(ws))


@pytest.mark.parametrize("name", ["gd", "momentum", "adam"])
def test_flat_optimizer_is_the_lessons_update_bit_for_bit(name):
    rng = np.random.RandomState(0)
    config = TrainConfig((4, 3, 1), learning_rate=0.01, optimizer=name)
    params = {"W1": rng.randn(3, 4), "b1": rng.randn(3, 1)}
    state = optimizers.init_state(name, params)
    flat = optimizers.FlatOptimizer(config, 15)
    theta = np.concatenate([params["W1"].ravel(), params["b1"].ravel()])
    out = np.empty_like(theta)
    g = np.empty_like(theta)
    tape = flat.tape(theta, g, out)
    for t in range(1, 6):
        grads = {"dW1": rng.randn(3, 4), "db1": rng.randn(3, 1)}
        params, state = optimizers.update(config, params, grads, state, t)
        g[...] = np.concatenate([grads["dW1"].ravel(), grads["db1"].ravel()])
        flat.set_step(t)
        play(tape)
        theta[...] = out
        assert np.array_equal(theta, np.concatenate([params["W1"].ravel(), params["b1"].ravel()]))


def test_a_workspace_is_made_once_per_batch_width():
    net, _ = textbook_net((3, 2, 1), "relu", np.zeros((3, 10)), np.zeros((1, 10), int))
    assert net.workspace(4) is net.workspace(4)
    assert net.workspace(4) is not net.workspace(4, val=True)
    assert isinstance(net.workspace(4).first, SimpleNamespace)
