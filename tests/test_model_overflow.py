"""A model file whose predictions would overflow is refused, wherever its large weights sit.

The reader bounds |Z^[l]| over every input in [0, 1]^12288, layer after layer, from the bound
on the layer before (see ``dnn.model_io._check_values``). These models have ordinary weights
in layer 1 and large ones only later: each layer alone looks harmless, together they overflow.
"""

from __future__ import annotations

import numpy as np
import pytest

import dnn
from dnn.model_io import MAX_PREACTIVATION, InvalidModelError, model_bytes

DIMS = (12288, 4, 4, 4, 1)


def late_giants(scale2: float = 1e150, scale3: float = 1e156) -> dict[str, np.ndarray]:
    """Layer 1 small (‖W1‖∞ = 122.88), layers 2 and 3 huge, layer 4 alternating ±1."""
    params = {
        "W1": np.full((4, 12288), 0.01),
        "W2": np.full((4, 4), scale2),
        "W3": np.full((4, 4), scale3),
        "W4": np.array([[1.0, -1.0, 1.0, -1.0]]),
    }
    for l, n in enumerate(DIMS[1:], start=1):
        params[f"b{l}"] = np.zeros((n, 1))
    return params


def bound_by_hand(params: dict[str, np.ndarray], squash: bool) -> list[float]:
    """|Z^[l]| ≤ ‖W^[l]‖∞ · a + |b^[l]|, a = the bound on A^[l-1] (≤ 1 after tanh)."""
    a, bounds = 1.0, []
    for l in range(1, len(DIMS)):
        W, b = np.abs(params[f"W{l}"]), np.abs(params[f"b{l}"])
        z = float(W.sum(axis=1).max()) * a + float(b.max())  # Python floats: inf, no warning
        bounds.append(z)
        a = min(z, 1.0) if squash else z
    return bounds


def test_a_relu_model_with_large_weights_in_later_layers_is_refused_at_the_layer_that_overflows():
    params = late_giants()
    bounds = bound_by_hand(params, squash=False)
    # each layer alone is small: ‖W^[l]‖∞ ≤ 4e156 < 1e300; carried through, layer 3 is not
    assert all(np.abs(params[f"W{l}"]).sum(axis=1).max() < MAX_PREACTIVATION for l in (1, 2, 3))
    assert bounds[1] < MAX_PREACTIVATION < bounds[2]
    white = np.ones((12288, 1))  # a white picture reaches the bound: ReLU passes it all on
    with pytest.raises(ValueError, match="overflowed"):
        dnn.predict_proba(params, white)
    with pytest.raises(InvalidModelError) as e:
        dnn.load_model(model_bytes(params))
    assert e.value.code == "model_absurd" and e.value.values == {"l": 3}


def test_the_same_weights_with_tanh_are_accepted_and_predict():
    params = late_giants()
    assert max(bound_by_hand(params, squash=True)) < MAX_PREACTIVATION  # tanh stays in [-1, 1]
    loaded, meta = dnn.load_model(model_bytes(params, hidden_activation="tanh"))
    assert meta["hidden_activation"] == "tanh"
    p = dnn.predict_proba(loaded, np.ones((12288, 1)), "tanh")
    assert np.isfinite(p).all()


def test_just_under_the_bound_is_accepted():
    params = late_giants(scale3=1e146)  # layer 3's bound: 4e146 · 4.9e152 ≈ 2e299
    bounds = bound_by_hand(params, squash=False)
    assert bounds[2] < MAX_PREACTIVATION < 10 * bounds[2]
    loaded, _ = dnn.load_model(model_bytes(params))
    assert all(np.array_equal(loaded[k], params[k]) for k in params)


def test_huge_biases_alone_are_refused():
    params = late_giants(scale2=1.0, scale3=1.0)
    params["b1"] = np.full((4, 1), -2e300)  # |b| counts, whatever its sign
    with pytest.raises(InvalidModelError) as e:
        dnn.load_model(model_bytes(params))
    assert e.value.values == {"l": 1}


@pytest.mark.parametrize("hidden", ["tanh", "sigmoid"])
def test_a_squashing_activation_bounds_the_next_layer_by_one(hidden):
    params = late_giants(scale2=1.0, scale3=1.0)
    params["W2"] = np.full((4, 4), 0.2e300)  # ‖W2‖∞ = 0.8e300: under the bound times 1, not 2
    loaded, _ = dnn.load_model(model_bytes(params, hidden_activation=hidden))
    assert np.isfinite(dnn.predict_proba(loaded, np.ones((12288, 1)), hidden)).all()
    params["W2"] = np.full((4, 4), 0.3e300)  # 1.2e300: past it even times 1
    with pytest.raises(InvalidModelError) as e:
        dnn.load_model(model_bytes(params, hidden_activation=hidden))
    assert e.value.values == {"l": 2}
