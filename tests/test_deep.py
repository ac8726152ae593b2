"""Networks of 10 or more layers: layers are found by number (W1 is no prefix of W10)."""

import numpy as np
import pytest

import dnn
from dnn import propagation
from dnn.config import TrainConfig
from dnn.layers import layers, num_layers
from dnn.trainer import Trainer


def data(n0=40, m=24, seed=0):
    rng = np.random.RandomState(seed)
    X = rng.rand(n0, m)  # n_0 > m: the dual engine is the cheaper one
    Y = (rng.rand(1, m) > 0.5).astype(np.int64)
    return X, Y


def dims_for(L, n0=40, width=5):
    return (n0, *[width] * (L - 1), 1)


@pytest.mark.parametrize("L", [10, 12, 60])
def test_deep_nets_train_and_predict_on_both_engines(L):
    X, Y = data()
    dims = dims_for(L)
    kw = dict(learning_rate=0.01, num_iterations=5, initialization="he", l2=0.3)
    a = dnn.train(X, Y, dims, engine="textbook", **kw)
    b = dnn.train(X, Y, dims, engine="dual", **kw)
    for r in (a, b):
        assert r.status == "finished" and len(r.costs) == 5
        assert num_layers(r.params) == L and len(r.params) == 2 * L
        assert [W.shape for _, W, _ in layers(r.params)] == [
            (dims[l], dims[l - 1]) for l in range(1, L + 1)
        ]
        assert dnn.predict(r.params, X).shape == (1, X.shape[1])
    np.testing.assert_allclose(a.costs, b.costs, rtol=1e-10)
    for k in a.params:
        np.testing.assert_allclose(a.params[k], b.params[k], rtol=1e-8, atol=1e-12)


@pytest.mark.parametrize("engine", ["textbook", "dual"])
@pytest.mark.parametrize("L", [10, 12, 60])
def test_l2_cost_is_the_sum_over_every_layer(engine, L):
    """costs[0] = cross-entropy + λ/(2m) Σ_l ||W^[l]||², summed here over l = 1 … L directly."""
    X, Y = data()
    lambd = 0.5
    cfg = TrainConfig(dims_for(L), initialization="he", l2=lambd, engine=engine)
    t = Trainer(X, Y, cfg)
    init = t.params
    t.run(1)
    m = X.shape[1]
    AL, caches = propagation.forward(init, X)
    squares = sum(float(np.sum(init[f"W{l}"] ** 2)) for l in range(1, L + 1))
    expected = propagation.cross_entropy(caches[-1][1], Y) + lambd / (2 * m) * squares
    assert t.costs[0] == pytest.approx(expected, rel=1e-12)
    assert propagation.l2_penalty(init, lambd, m) == pytest.approx(lambd / (2 * m) * squares)
    # leaving out W10…W19 (the old prefix bug) would change the cost by more than rounding
    if L >= 10:
        missing = sum(float(np.sum(init[f"W{l}"] ** 2)) for l in range(10, min(L, 19) + 1))
        assert lambd / (2 * m) * missing > 1e-6 * expected


def test_forward_ignores_keys_that_are_not_layers():
    X, Y = data()
    params = propagation.initialize(dims_for(11), np.random.RandomState(0), "he")
    extra = {**params, "W1P": np.zeros(3), "metadata": np.zeros(1)}
    np.testing.assert_array_equal(dnn.predict_proba(extra, X), dnn.predict_proba(params, X))
