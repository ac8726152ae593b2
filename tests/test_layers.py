"""Layers are found by number: W1 is not a prefix match for W10…W19."""

import numpy as np

from dnn.layers import layer_dims, layers, num_layers, ordered, parse_key


def params_for(dims):
    return {
        k: np.zeros(s)
        for l in range(1, len(dims))
        for k, s in ((f"W{l}", (dims[l], dims[l - 1])), (f"b{l}", (dims[l], 1)))
    }


def test_twelve_layers_are_walked_in_order():
    dims = [6] + list(range(2, 13)) + [1]
    params = params_for(dims)
    shuffled = dict(sorted(params.items()))  # W1, W10, W11, W12, W2, … as text sorts them
    assert num_layers(shuffled) == 12
    assert [l for l, _, _ in layers(shuffled)] == list(range(1, 13))
    assert layer_dims(shuffled) == dims
    assert list(ordered(shuffled)) == [f"{c}{l}" for l in range(1, 13) for c in "Wb"]


def test_parse_key_refuses_other_names():
    assert parse_key("W10") == ("W", 10) and parse_key("b3") == ("b", 3)
    for key in ("W1P", "W1a", "W0", "W01", "dW1", "W", "metadata"):
        assert parse_key(key) is None
