"""How a run is controlled: BLAS threads, the pause hook, computing time, divergence causes."""

import threading

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

import dnn
from dnn.blas import blas_thread_counts
from dnn.config import TrainConfig
from dnn.divergence import diagnose
from dnn.trainer import Trainer
from tests.clocks import fake_trainer_clock
from tests.conftest import separable


class Interrupt(Exception):
    pass


def test_blas_runs_on_one_thread_during_a_run_and_as_before_after():
    X, Y = separable()

    def train(**options):
        seen = []
        r = dnn.train(
            X,
            Y,
            [4, 3, 1],
            num_iterations=30,
            every=10,
            callback=lambda p: seen.append(blas_thread_counts()),
            **options,
        )
        assert r.status == "finished" and len(seen) == 4
        return seen

    with threadpool_limits(limits=2, user_api="blas"):
        outside = blas_thread_counts()
        assert all(counts == [1] * len(outside) for counts in train())
        assert blas_thread_counts() == outside  # lifted after
        assert all(counts == outside for counts in train(blas_threads=None))
        assert all(counts == [1] * len(outside) for counts in train(blas_threads=1))
        assert blas_thread_counts() == outside


def test_blas_limit_is_lifted_after_overlapping_runs_in_threads():
    X, Y = separable()
    started, release = threading.Event(), threading.Event()

    def slow_callback(p):
        started.set()
        release.wait(10)

    with threadpool_limits(limits=2, user_api="blas"):
        outside = blas_thread_counts()
        first = threading.Thread(
            target=dnn.train,
            args=(X, Y, [4, 3, 1]),
            kwargs={"num_iterations": 5, "every": 1, "callback": slow_callback},
            daemon=True,
        )
        first.start()
        assert started.wait(10)
        seen = []
        dnn.train(X, Y, [4, 3, 1], num_iterations=5, callback=lambda p: seen.append(1), every=1)
        assert blas_thread_counts() == [1] * len(outside)  # the first run still goes on
        release.set()
        first.join(10)
        assert not first.is_alive()
        assert seen and blas_thread_counts() == outside


def test_a_run_is_the_same_whatever_blas_threads_its_caller_set(data):
    """Set-up on one thread: a fresh process (2 threads) and the app's server (1) agree.

    BLAS rounds W0 X and Xᵀ X apart on 1 and 2 threads, and the lesson's network with tanh
    amplifies that: before the set-up ran on one thread, these two runs were up to 0.6 apart
    in cost (2.4e-4 at the end).
    """

    def run(threads: int):
        with threadpool_limits(limits=threads, user_api="blas"):
            return dnn.train(
                data.train_x,
                data.train_y,
                [12288, 20, 7, 5, 1],
                hidden_activation="tanh",
                X_val=data.test_x,
                Y_val=data.test_y,
            )

    one, two = run(1), run(2)
    assert one.costs == two.costs
    for key, value in one.params.items():
        np.testing.assert_array_equal(value, two.params[key])


def test_pause_time_is_neither_computing_time_nor_counted_by_the_cap(monkeypatch):
    clock = fake_trainer_clock(monkeypatch)  # 1 ms a reading
    X, Y = separable()
    t = Trainer(X, Y, TrainConfig((4, 3, 1), learning_rate=0.1))
    pauses = []

    def pause():  # a session waits an hour for its turn at the CPU
        pauses.append(clock.now)
        clock.advance(3600.0)

    status = t.run(6, pause=pause, slice_seconds=0, max_seconds=0.3)
    # a zero slice: before every update, and between its forward and backward passes
    assert len(pauses) == 12
    assert status == "finished" and t.iteration == 6  # 12 hours of pauses: not the cap's
    assert clock.now > 12 * 3600.0 and 0 < t.seconds < 0.3  # nor computing time


def test_the_cap_counts_computing_time_and_ends_the_run_at_the_first_check_past_it(monkeypatch):
    clock = fake_trainer_clock(monkeypatch, step=1 / 64)  # exact in binary: no rounding
    X, Y = separable()
    t = Trainer(X, Y, TrainConfig((4, 3, 1), learning_rate=0.1))
    assert t.run(10**6, every=0, max_seconds=0.5) == "timed_out"
    # without reports or pauses the clock is read at the start, when computing resumes, once
    # per update (the cap's check: k/64 s after update k) and when computing stops
    assert t.iteration == 33 and clock.readings == 1 + 1 + 33 + 1  # 33/64 s > 0.5 s ≥ 32/64
    assert t.seconds == 34 / 64  # from the resume (1/64) to the stop (35/64)
    assert t.run(10, every=0, max_seconds=0.5) == "finished" and t.iteration == 43


@pytest.mark.parametrize(
    "engine,options",
    [
        ("dual", {"optimizer": "momentum", "l2": 0.1}),
        ("textbook", {"optimizer": "adam"}),
        ("textbook", {}),
    ],
)
def test_interrupting_a_run_inside_an_epoch_and_continuing_is_bit_for_bit(engine, options):
    rng = np.random.RandomState(2)
    X = rng.rand(50, 30)
    Y = (rng.rand(1, 30) > 0.5).astype(np.int64)
    cfg = TrainConfig((50, 4, 1), learning_rate=0.02, batch_size=7, engine=engine, **options)
    whole = Trainer(X, Y, cfg, X_val=X[:, :9], Y_val=Y[:, :9])
    whole.run(12, every=3)
    parts = Trainer(X, Y, cfg, X_val=X[:, :9], Y_val=Y[:, :9])
    calls = []

    def pause():  # 5 mini-batches per epoch: this interrupts at every position in one
        calls.append(1)
        if len(calls) % 6 == 0:
            raise Interrupt

    interrupted = 0
    while parts.iteration < 12:
        try:
            parts.run(12 - parts.iteration, every=3, pause=pause, slice_seconds=0)
        except Interrupt:
            interrupted += 1
            assert parts.status == "stopped"
            _ = parts.params  # reading the model in between disturbs nothing
    assert interrupted >= 8
    assert parts.costs == whole.costs
    for k, v in whole.params.items():
        assert np.array_equal(parts.params[k], v)
    reported = {p.iteration: p for p in parts.history}
    for p in whole.history:  # every checkpoint of the whole run, with the same numbers
        q = reported[p.iteration]
        assert (q.cost, q.train_accuracy, q.test_accuracy) == (
            p.cost,
            p.train_accuracy,
            p.test_accuracy,
        )


def diverging(engine, **options):
    rng = np.random.RandomState(0)
    X = rng.rand(50, 20) * 10
    Y = (rng.rand(1, 20) > 0.5).astype(np.int64)
    cfg = TrainConfig((50, 30, 30, 30, 1), engine=engine, **options)
    t = Trainer(X, Y, cfg)
    assert t.run(3000) == "diverged"
    assert all(np.isfinite(v).all() for v in t.params.values())
    return t


@pytest.mark.parametrize("engine", ["textbook", "dual"])
def test_a_divergence_names_the_learning_rate_or_l2(engine):
    lr = diverging(engine, learning_rate=1e3, hidden_activation="leaky_relu")
    assert lr.divergence.cause == "learning_rate" and lr.divergence.iteration == lr.diverged_at
    assert "learning rate α = 1000" in lr.divergence.message
    l2 = diverging(engine, learning_rate=0.05, l2=1e4)  # α λ / m = 25: W := -24 W each step
    assert l2.divergence.cause == "l2" and "λ = 10000" in l2.divergence.message
    with pytest.raises(RuntimeError, match="L2 penalty"):
        l2.run(10)


def test_a_divergence_with_unusual_adam_settings_names_them():
    usual = diverging("textbook", learning_rate=1e300, optimizer="adam")
    assert usual.divergence.cause == "learning_rate"
    odd = diverging("textbook", learning_rate=1e300, optimizer="adam", beta1=0.0, beta2=0.99999)
    assert odd.divergence.cause == "adam" and "β1 = 0" in odd.divergence.message


def test_mini_batch_divergence_keeps_the_start_of_a_finite_epoch():
    t = diverging("textbook", learning_rate=0.05, l2=1e4, batch_size=6)
    assert t.iteration in (t.diverged_at - 1, t.diverged_at)
    assert len(t.costs) >= t.iteration and all(np.isfinite(t.costs))


def test_diagnosis_rules():
    def cause(m=100, share=0.0, **options):
        return diagnose(TrainConfig(**options), m, share, 7).cause

    assert cause() == "learning_rate"
    assert cause(l2=10.0, learning_rate=20.0) == "l2"  # α λ / m = 2
    assert cause(l2=10.0, learning_rate=1.0) == "learning_rate"
    assert cause(l2=10.0, learning_rate=1.0, share=0.6) == "l2"  # L2 was most of the cost
    assert cause(optimizer="adam") == "learning_rate"  # the usual β1, β2
    assert cause(optimizer="adam", beta1=0.0, beta2=0.999) == "adam"  # steps up to 31.6 α
    assert cause(optimizer="momentum", beta1=0.0, beta2=0.999) == "learning_rate"
