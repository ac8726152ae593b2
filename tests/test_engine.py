"""The engine on small synthetic problems: gradients, options, resuming, divergence."""

import numpy as np
import pytest

import dnn
from dnn import propagation
from dnn.config import TrainConfig
from dnn.trainer import Trainer
from tests.clocks import fake_trainer_clock
from tests.conftest import separable


def numerical_grads(params, X, Y, hidden, lambd, eps=1e-6):
    def J(p):
        AL, caches = propagation.forward(p, X, hidden)
        return propagation.cross_entropy(caches[-1][1], Y) + propagation.l2_penalty(
            p, lambd, X.shape[1]
        )

    out = {}
    for k, v in params.items():
        g = np.zeros_like(v)
        for idx in np.ndindex(v.shape):
            plus = {kk: vv.copy() for kk, vv in params.items()}
            minus = {kk: vv.copy() for kk, vv in params.items()}
            plus[k][idx] += eps
            minus[k][idx] -= eps
            g[idx] = (J(plus) - J(minus)) / (2 * eps)
        out["d" + k] = g
    return out


@pytest.mark.parametrize("hidden", ["relu", "tanh", "leaky_relu", "sigmoid"])
@pytest.mark.parametrize("lambd", [0.0, 0.7])
def test_gradient_check(hidden, lambd):
    rng = np.random.RandomState(3)
    dims = (5, 4, 3, 1)
    params = propagation.initialize(dims, rng, "he")
    for k in params:
        if k[0] == "b":
            params[k] = rng.randn(*params[k].shape) * 0.1
    X = rng.randn(5, 8)
    Y = (rng.rand(1, 8) > 0.5).astype(float)
    AL, caches = propagation.forward(params, X, hidden)
    # away from ReLU kinks: no pre-activation within the finite-difference step of 0
    assert min(np.abs(c[1]).min() for c in caches) > 1e-4
    grads = propagation.backward(Y, caches, params, hidden, lambd / X.shape[1])
    num = numerical_grads(params, X, Y, hidden, lambd)
    a = np.concatenate([grads["d" + k].ravel() for k in params])
    n = np.concatenate([num["d" + k].ravel() for k in params])
    rel = np.linalg.norm(a - n) / (np.linalg.norm(a) + np.linalg.norm(n))
    assert rel < 1e-7
    # and a wrong backward would be caught: flipping one sign breaks the check
    a_bad = a.copy()
    a_bad[0] = -a_bad[0] if abs(a_bad[0]) > 1e-3 else a_bad[0] + 1
    assert np.linalg.norm(a_bad - n) / (np.linalg.norm(a_bad) + np.linalg.norm(n)) > 1e-4


def test_initialization_is_the_lessons_stream_and_leaves_global_state_alone():
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    t = Trainer(np.zeros((6, 3)), np.zeros((1, 3)), TrainConfig((6, 4, 3, 1)))
    assert np.array_equal(np.random.get_state()[1], before)
    np.random.seed(1)  # the lesson's initialize_parameters_deep
    W1 = np.random.randn(4, 6) / np.sqrt(6)
    W2 = np.random.randn(3, 4) / np.sqrt(4)
    W3 = np.random.randn(1, 3) / np.sqrt(3)
    p = t.params
    assert np.array_equal(p["W1"], W1) and np.array_equal(p["W2"], W2)
    assert np.array_equal(p["W3"], W3) and not p["b2"].any()
    assert list(p) == ["W1", "b1", "W2", "b2", "W3", "b3"]


def test_zero_iterations_returns_initial_parameters():
    X, Y = separable()
    r = dnn.train(X, Y, [4, 3, 1], num_iterations=0)
    init = propagation.initialize((4, 3, 1), np.random.RandomState(1))
    assert r.costs == [] and r.status == "finished"
    for k in init:
        assert np.array_equal(r.params[k], init[k])


@pytest.mark.parametrize(
    "method,scale",
    [
        ("he", np.sqrt(2 / 400)),
        ("xavier", np.sqrt(2 / 500)),
        ("small", 0.01),
        ("lesson", np.sqrt(1 / 400)),
    ],
)
def test_initialization_scales(method, scale):
    p = propagation.initialize((400, 100, 1), np.random.RandomState(0), method)
    assert abs(p["W1"].std() / scale - 1) < 0.02


@pytest.mark.parametrize(
    "options",
    [
        {"optimizer": "momentum"},
        {"l2": 0.5},
        {"optimizer": "momentum", "l2": 0.3},
        {"batch_size": 16},
        {"batch_size": 16, "optimizer": "momentum", "l2": 0.2},
        {"hidden_activation": "tanh", "initialization": "he"},
    ],
)
def test_dual_engine_matches_textbook(options):
    """Where the dual form is exact, both engines give the same costs and parameters."""
    rng = np.random.RandomState(7)
    X = rng.rand(300, 40)  # n_0 > m, as for images
    Y = (rng.rand(1, 40) > 0.5).astype(np.int64)
    kw = dict(num_iterations=60, learning_rate=0.05, **options)
    a = dnn.train(X, Y, [300, 6, 3, 1], engine="textbook", **kw)
    b = dnn.train(X, Y, [300, 6, 3, 1], engine="dual", **kw)
    np.testing.assert_allclose(a.costs, b.costs, rtol=1e-10)
    for k in a.params:
        np.testing.assert_allclose(a.params[k], b.params[k], rtol=1e-9, atol=1e-13)
    assert a.costs[-1] < a.costs[0]


def test_auto_engine_choice():
    from dnn.trainer import resolve_engine

    assert resolve_engine(TrainConfig(), 209) == "dual"
    assert resolve_engine(TrainConfig(optimizer="adam"), 209) == "textbook"
    assert resolve_engine(TrainConfig(layer_dims=(4, 3, 1)), 60) == "textbook"
    with pytest.raises(ValueError, match="adam"):
        TrainConfig(engine="dual", optimizer="adam")


@pytest.mark.parametrize("optimizer", ["momentum", "adam"])
def test_optimizers_converge_on_separable_data(optimizer):
    X, Y = separable()
    r = dnn.train(X, Y, [4, 5, 1], learning_rate=0.05, num_iterations=400, optimizer=optimizer)
    assert r.costs[-1] < 0.2 * r.costs[0]
    assert np.mean(dnn.predict(r.params, X) == Y) >= 0.95


def test_minibatches_converge_and_are_reproducible():
    X, Y = separable(m=100)
    a = dnn.train(X, Y, [4, 5, 1], learning_rate=0.1, num_iterations=100, batch_size=10)
    b = dnn.train(X, Y, [4, 5, 1], learning_rate=0.1, num_iterations=100, batch_size=10)
    c = dnn.train(X, Y, [4, 5, 1], learning_rate=0.1, num_iterations=100, batch_size=10, seed=2)
    assert a.costs == b.costs and a.costs != c.costs
    assert a.costs[-1] < 0.3 * a.costs[0]


@pytest.mark.parametrize(
    "engine,options",
    [
        ("textbook", {}),
        ("dual", {}),
        ("textbook", {"optimizer": "adam"}),
        ("textbook", {"batch_size": 7, "optimizer": "momentum"}),
        ("dual", {"batch_size": 7, "optimizer": "momentum", "l2": 0.1}),
    ],
)
def test_continue_is_bit_for_bit(engine, options):
    rng = np.random.RandomState(1)
    X = rng.rand(50, 30)
    Y = (rng.rand(1, 30) > 0.5).astype(np.int64)
    cfg = TrainConfig((50, 4, 1), learning_rate=0.02, engine=engine, **options)
    whole = Trainer(X, Y, cfg)
    whole.run(50)
    parts = Trainer(X, Y, cfg)
    parts.run(17)
    _ = parts.params  # building W1 in between must not disturb anything
    parts.run(20)
    parts.run(13)
    assert parts.iteration == whole.iteration == 50
    assert parts.costs == whole.costs
    for k in whole.params:
        assert np.array_equal(parts.params[k], whole.params[k])


def test_callback_sees_progress_and_can_stop():
    X, Y = separable()
    seen = []

    def cb(p):
        seen.append(p)
        return p.iteration >= 40

    t = Trainer(X, Y, TrainConfig((4, 3, 1), learning_rate=0.1), X_val=X, Y_val=Y)
    assert t.run(1000, callback=cb, every=20) == "stopped"
    assert [p.iteration for p in seen] == [0, 20, 40]
    assert t.iteration == 41 and len(t.costs) == 41
    assert seen[-1].cost == t.costs[40]
    assert 0 <= seen[-1].test_accuracy <= 1 and seen[-1].train_accuracy > 0.5
    assert t.run(9) == "finished" and t.iteration == 50


def test_exception_in_callback_leaves_a_consistent_stopped_trainer():
    X, Y = separable()
    t = Trainer(X, Y, TrainConfig((4, 3, 1), learning_rate=0.1))

    def boom(p):
        if p.iteration == 30:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        t.run(100, callback=boom, every=10)
    assert t.status == "stopped" and t.iteration == 31 == len(t.costs)
    ref = Trainer(X, Y, TrainConfig((4, 3, 1), learning_rate=0.1))
    ref.run(100)
    t.run(69)
    assert t.costs == ref.costs


@pytest.mark.parametrize("engine", ["textbook", "dual"])
def test_divergence_stops_and_keeps_last_finite_parameters(engine):
    rng = np.random.RandomState(0)
    X = rng.rand(50, 20) * 10
    Y = (rng.rand(1, 20) > 0.5).astype(np.int64)
    cfg = TrainConfig(
        (50, 30, 30, 30, 1),
        learning_rate=1e3,
        engine=engine,
        hidden_activation="leaky_relu",
        initialization="he",
    )
    t = Trainer(X, Y, cfg)
    assert t.run(2000) == "diverged"
    assert t.diverged_at is not None and t.iteration == t.diverged_at - 1
    assert all(np.isfinite(t.costs))
    assert all(np.isfinite(v).all() for v in t.params.values())
    with pytest.raises(RuntimeError, match="diverged"):
        t.run(10)


def test_time_cap(monkeypatch):
    fake_trainer_clock(monkeypatch, step=0.001)  # computing time is clock readings, not speed
    X, Y = separable()
    t = Trainer(X, Y, TrainConfig((4, 3, 1)))
    assert t.run(10**7, max_seconds=0.05) == "timed_out"
    assert 0 < t.iteration < 10**7


def test_config_validation():
    with pytest.raises(ValueError, match="output layer"):
        TrainConfig((10, 3, 2))
    with pytest.raises(ValueError, match="learning_rate"):
        TrainConfig(learning_rate=0)
    with pytest.raises(ValueError, match="hidden_activation"):
        TrainConfig(hidden_activation="swish")
    with pytest.raises(ValueError, match=r"X must have shape \(12288, m\)"):
        Trainer(np.zeros((10, 3)), np.zeros((1, 3)))


def test_predict_shapes_and_threshold():
    params = {"W1": np.array([[1.0, -1.0]]), "b1": np.zeros((1, 1))}
    X = np.array([[2.0, 0.0, 0.0], [0.0, 2.0, 0.0]])
    p = dnn.predict_proba(params, X)
    assert p.shape == (1, 3)
    np.testing.assert_allclose(p, [[1 / (1 + np.exp(-2)), 1 / (1 + np.exp(2)), 0.5]])
    assert dnn.predict(params, X).tolist() == [[1, 0, 0]]  # 0.5 is not > 0.5


def test_dimension_table_matches_the_engine():
    rows = dnn.dimension_table([12288, 20, 7, 5, 1], 209)
    assert [r.W for r in rows[1:]] == [(20, 12288), (7, 20), (5, 7), (1, 5)]
    assert rows[2].Z == rows[2].A == (7, 209) and rows[0].A == (12288, 209)
    assert sum(r.parameters for r in rows) == 20 * 12288 + 20 + 7 * 20 + 7 + 5 * 7 + 5 + 5 + 1
    p = propagation.initialize((12288, 20, 7, 5, 1), np.random.RandomState(1))
    for r in rows[1:]:
        assert p[f"W{r.layer}"].shape == r.W == r.dW and p[f"b{r.layer}"].shape == r.b == r.db


def test_tiny_learning_rate_barely_moves():
    X, Y = separable()
    r = dnn.train(X, Y, [4, 3, 1], learning_rate=1e-9, num_iterations=50)
    assert r.status == "finished" and all(np.isfinite(r.costs))
    assert abs(r.costs[-1] - r.costs[0]) < 1e-6
