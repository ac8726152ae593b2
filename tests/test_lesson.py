"""The engine reproduces the lesson's printed numbers on the real data."""

import numpy as np
import pytest

import dnn

LESSON_COSTS = [
    0.771749,
    0.672053,
    0.648263,
    0.611507,
    0.567047,
    0.540138,
    0.527930,
    0.465477,
    0.369126,
    0.391747,
    0.315187,
    0.272700,
    0.237419,
    0.199601,
    0.189263,
    0.161189,
    0.148214,
    0.137775,
    0.129740,
    0.121225,
    0.113821,
    0.107839,
    0.102855,
    0.100897,
    0.092878,
]


def accuracy(params, X, Y):
    return np.mean(dnn.predict(params, X) == Y)


def test_four_layer_cost_table(lesson_4layer):
    r = lesson_4layer
    assert r.engine == "dual" and r.status == "finished"
    assert len(r.costs) == 2500
    np.testing.assert_allclose(r.costs[::100], LESSON_COSTS, rtol=0, atol=6e-7)


def test_four_layer_accuracies(lesson_4layer, data):
    params = lesson_4layer.params
    assert abs(accuracy(params, data.train_x, data.train_y) - 0.9856459330143539) < 1e-12
    assert accuracy(params, data.test_x, data.test_y) == 0.8
    # the accuracy reported during training for the last checkpoint agrees with predict()
    last = lesson_4layer.history[-1]
    assert last.iteration == 2499 and last.test_accuracy == 0.8


def test_two_layer_accuracies(data):
    r = dnn.train(data.train_x, data.train_y, [12288, 7, 1])
    assert accuracy(r.params, data.train_x, data.train_y) == 1.0
    assert accuracy(r.params, data.test_x, data.test_y) == 0.74


def test_textbook_and_dual_engines_agree(data, lesson_4layer):
    """2,500 iterations of W1 @ X every step vs the Gram-matrix form: same numbers."""
    slow = dnn.train(data.train_x, data.train_y, [12288, 20, 7, 5, 1], engine="textbook")
    assert slow.engine == "textbook"
    np.testing.assert_allclose(slow.costs, lesson_4layer.costs, rtol=1e-9, atol=0)
    for k, v in slow.params.items():
        np.testing.assert_allclose(lesson_4layer.params[k], v, rtol=1e-9, atol=1e-12 * abs(v).max())


def test_gram_can_be_passed_in(data):
    from dnn.dual import gram

    G = gram(data.train_x)
    a = dnn.train(data.train_x, data.train_y, [12288, 5, 1], num_iterations=50, gram=G)
    b = dnn.train(data.train_x, data.train_y, [12288, 5, 1], num_iterations=50)
    assert a.costs == b.costs


def test_one_trainer_iteration_is_one_step_of_the_public_kernels(data):
    """The fused path and the lesson's building blocks (as a step-through page uses them)
    give the same first cost and the same parameters after one update, on both engines."""
    from dnn import optimizers, propagation

    X, Y = data.train_x, data.train_y
    config = dnn.TrainConfig(num_iterations=1)
    params = propagation.initialize(config.layer_dims, np.random.RandomState(1))
    AL, caches = propagation.forward(params, X)
    grads = propagation.backward(Y, caches, params)
    stepped, _ = optimizers.update(config, params, grads, {}, 1)
    cost = propagation.cross_entropy(caches[-1][1], Y)
    for engine in ("dual", "textbook"):
        t = dnn.Trainer(X, Y, dnn.TrainConfig(engine=engine))
        np.testing.assert_allclose(t.params["W1"], params["W1"], rtol=0, atol=0)
        t.run(1)
        assert t.costs[0] == pytest.approx(cost, rel=1e-13)
        for k, v in stepped.items():
            np.testing.assert_allclose(t.params[k], v, rtol=1e-10, atol=1e-14)
