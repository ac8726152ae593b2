"""Model files: a faithful round trip, and forged files refused with a plain message."""

import io
import json
import struct

import numpy as np
import pytest
import safetensors.numpy

import dnn
from dnn.model_io import MAX_FILE_BYTES, MAX_PARAMS, InvalidModelError, model_bytes
from dnn.propagation import initialize
from tests.memory_probe import measure
from tests.model_mutations import join, split
from ui.core.strings import STRINGS

# The largest network the app's sliders allow: 8 hidden layers, n[1] ≤ 256, the others ≤ 512.
LARGEST_UI_DIMS = (12288, 256, 512, 512, 512, 512, 512, 512, 512, 1)


def small_params(dims=(12288, 3, 1), seed=0):
    return initialize(dims, np.random.RandomState(seed))


def test_round_trip(tmp_path):
    params = small_params((12288, 4, 2, 1))
    path = tmp_path / "m.safetensors"
    dnn.save_model(path, params, hidden_activation="tanh", test_accuracy=0.8, label="run 3")
    loaded, meta = dnn.load_model(path)
    assert meta == {
        "hidden_activation": "tanh",
        "class_names": ["non-cat", "cat"],
        "test_accuracy": 0.8,
        "label": "run 3",
        "layer_dims": [12288, 4, 2, 1],
    }
    assert list(loaded) == ["W1", "b1", "W2", "b2", "W3", "b3"]
    for k in params:
        assert loaded[k].dtype == np.float64 and np.array_equal(loaded[k], params[k])
    assert dnn.load_model(model_bytes(params))[0]["W2"].shape == (2, 4)
    with open(path, "rb") as f:
        assert dnn.load_model(f)[1]["hidden_activation"] == "tanh"
    # a standard safetensors file: any safetensors reader sees the arrays and the description
    plain = safetensors.numpy.load(path.read_bytes())
    assert np.array_equal(plain["W1"], params["W1"])
    header, _ = split(path.read_bytes())
    assert json.loads(header["__metadata__"]["model"])["layer_dims"] == [12288, 4, 2, 1]


def test_a_twelve_layer_model_round_trips():
    params = small_params((12288,) + (3,) * 11 + (1,))
    loaded, meta = dnn.load_model(model_bytes(params))
    assert meta["layer_dims"] == [12288] + [3] * 11 + [1]
    assert all(np.array_equal(loaded[k], params[k]) for k in params)


def test_trained_model_predicts_the_same_after_loading(data, lesson_4layer):
    params, _ = dnn.load_model(model_bytes(lesson_4layer.params))
    assert np.array_equal(
        dnn.predict_proba(params, data.test_x), dnn.predict_proba(lesson_4layer.params, data.test_x)
    )


def test_the_largest_model_the_app_trains_round_trips(tmp_path):
    params = small_params(LARGEST_UI_DIMS, seed=3)
    total = sum(a.size for a in params.values())
    assert 4_800_000 < total <= MAX_PARAMS
    data = model_bytes(params, hidden_activation="leaky_relu", label="deepest")
    assert len(data) <= MAX_FILE_BYTES
    path = tmp_path / "largest.safetensors"
    path.write_bytes(data)
    loaded, meta = dnn.load_model(path)
    X = np.random.RandomState(4).rand(12288, 6)
    before = dnn.predict_proba(params, X, "leaky_relu")
    after = dnn.predict_proba(loaded, X, meta["hidden_activation"])
    np.testing.assert_allclose(after, before, rtol=0, atol=1e-9)
    peak = measure("model", path)  # in a fresh process: file + arrays, no runaway copies
    assert peak["outcome"] == "ok" and peak["peak_mb"] < 200


def safetensors_file(arrays: dict, description: dict | str | None, **header_extra) -> bytes:
    """A safetensors file written by the library, with our header fields as given."""
    metadata = None
    if description is not None:
        text = description if isinstance(description, str) else json.dumps(description)
        metadata = {"format": "dnn-cat-model", "version": "1", "model": text, **header_extra}
    return safetensors.numpy.save(arrays, metadata=metadata)


def describe(params, **changes) -> dict:
    dims = [params["W1"].shape[1]] + [
        params[f"W{l}"].shape[0] for l in range(1, len(params) // 2 + 1)
    ]
    return {
        "layer_dims": dims,
        "hidden_activation": "relu",
        "class_names": ["non-cat", "cat"],
        **changes,
    }


def forged(case: str) -> bytes:
    p = small_params()
    if case == "not_safetensors":
        return b"PK\x03\x04 a zip, or anything else" * 10
    if case == "tiny":
        return b"\x01\x02"
    if case == "header_huge":
        return struct.pack("<Q", 2**60) + b"{}" * 100
    if case == "header_beyond_file":
        return struct.pack("<Q", 5000) + b"{}" * 100
    if case == "header_nested":
        return join(None, b"", np.random.RandomState(0), text="[" * 100_000 + "]" * 100_000)
    if case == "offsets_outside":
        header, body = split(model_bytes(p))
        header["W1"]["data_offsets"] = [0, 2**62]
        return join(header, body, np.random.RandomState(1))
    if case == "foreign":
        return safetensors.numpy.save({"embedding": np.zeros((4, 4))})
    if case == "nested_description":
        return safetensors_file(p, '{"layer_dims": ' + "[" * 50_000 + "]" * 50_000 + "}")
    if case == "huge_int":
        return safetensors_file(p, '{"layer_dims": [12288, ' + "7" * 5000 + ", 1]}")
    if case == "dims_not_a_list":
        return safetensors_file(p, describe(p, layer_dims=5))
    if case == "class_names_wrong":
        return safetensors_file(p, describe(p, class_names="cat"))
    if case == "nan_setting":
        return safetensors_file(p, json.dumps(describe(p)).replace("}", ', "l2": NaN}'))
    if case == "unknown_activation":
        return safetensors_file(p, describe(p, hidden_activation="swish"))
    if case == "extra_tensor":
        return safetensors_file({**p, "../../etc/passwd": np.zeros((1, 1))}, describe(p))
    if case == "int_weights":
        return safetensors_file({**p, "W2": np.ones((1, 3), np.int64)}, describe(p))
    if case == "missing_bias":
        return safetensors_file({k: v for k, v in p.items() if k != "b1"}, describe(p))
    if case == "no_chain":
        return safetensors_file({**p, "W2": np.zeros((1, 4))}, describe(p))
    if case == "wrong_input":
        q = small_params((100, 3, 1))
        return safetensors_file(q, describe(q))
    if case == "zero_units":
        q = {
            "W1": np.zeros((0, 12288)),
            "b1": np.zeros((0, 1)),
            "W2": np.zeros((1, 0)),
            "b2": np.zeros((1, 1)),
        }
        return safetensors_file(q, describe(q))
    if case == "bias_shape":
        return safetensors_file({**p, "b1": np.zeros((3,))}, describe(p))
    if case == "two_outputs":
        q = small_params((12288, 3, 2))
        return safetensors_file(q, describe(q))
    if case == "layer_count":
        return safetensors_file(p, describe(p, layer_dims=[12288, 20, 7, 5, 1]))
    if case == "nan":
        return safetensors_file({**p, "W2": np.full((1, 3), np.nan)}, describe(p))
    if case == "inf":
        return safetensors_file({**p, "b1": np.full((3, 1), -np.inf)}, describe(p))
    if case == "absurd":
        return safetensors_file({**p, "W1": np.full((3, 12288), 1e305)}, describe(p))
    if case == "too_many_layers":
        q = small_params((12288,) + (1,) * 65)
        return safetensors_file(q, describe(q))
    if case == "too_many_params":  # float32 keeps it under the byte bound
        q = {"W1": np.zeros((410, 12288), np.float32), "b1": np.zeros((410, 1), np.float32)}
        q |= {"W2": np.zeros((1, 410), np.float32), "b2": np.zeros((1, 1), np.float32)}
        return safetensors_file(q, describe(q))
    if case == "too_big":
        return b"\0" * (MAX_FILE_BYTES + 1)
    raise AssertionError(case)


CASES = {
    "not_safetensors": "model_header",
    "tiny": "model_format",
    "header_huge": "model_header",
    "header_beyond_file": "model_header",
    "header_nested": "model_format",
    "offsets_outside": "model_format",
    "foreign": "model_not_ours",
    "nested_description": "model_metadata",
    "huge_int": "model_metadata",
    "dims_not_a_list": "model_metadata",
    "class_names_wrong": "model_metadata",
    "nan_setting": "model_metadata",
    "unknown_activation": "model_activation",
    "extra_tensor": "model_tensor_name",
    "int_weights": "model_dtype",
    "missing_bias": "model_missing_layer",
    "no_chain": "model_chain",
    "wrong_input": "model_input",
    "zero_units": "model_empty_layer",
    "bias_shape": "model_bias",
    "two_outputs": "model_output",
    "layer_count": "model_dims_mismatch",
    "nan": "model_not_finite",
    "inf": "model_not_finite",
    "absurd": "model_absurd",
    "too_many_layers": "model_layers",
    "too_many_params": "model_params",
    "too_big": "model_too_big",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_forged_models_are_refused_with_a_code_in_both_languages(case):
    with pytest.raises(InvalidModelError) as e:
        dnn.load_model(forged(case))
    assert e.value.code == CASES[case], str(e.value)
    for lang in ("en", "zh"):
        assert STRINGS[lang][f"err_{e.value.code}"].format(**e.value.values)


def test_only_regular_files_are_read(tmp_path):
    (tmp_path / "dir.safetensors").mkdir()
    for path, code in (
        (tmp_path / "dir.safetensors", "model_not_file"),
        (tmp_path / "none.safetensors", "model_missing"),
        ("/dev/zero", "model_not_file"),
    ):
        with pytest.raises(InvalidModelError) as e:
            dnn.load_model(path)
        assert e.value.code == code and str(tmp_path) not in str(e.value)


def test_saving_refuses_what_loading_would_refuse():
    with pytest.raises(ValueError):
        model_bytes(small_params(), optimizer={"nested": "dict"})
    with pytest.raises(ValueError):
        model_bytes(small_params(), l2=float("nan"))


def test_predict_refuses_non_finite_or_overflowing_parameters():
    p = small_params()
    X = np.random.RandomState(0).rand(12288, 4)
    for bad in (np.nan, np.inf):
        q = {**p, "W2": np.full((1, 3), bad)}
        with pytest.raises(ValueError, match="NaN or infinite"):
            dnn.predict_proba(q, X)
        with pytest.raises(ValueError, match="NaN or infinite"):
            dnn.predict(q, X)
    huge = {**p, "W1": np.full((3, 12288), 1e305), "W2": np.array([[1.0, -1.0, 1.0]])}
    with pytest.raises(ValueError, match="overflowed"):
        dnn.predict_proba(huge, X)
    assert dnn.predict_proba(p, X).shape == (1, 4)  # finite, sane parameters still predict


def test_file_object_and_bytes_give_the_same_model():
    data = model_bytes(small_params(), label="x")
    a, _ = dnn.load_model(data)
    b, _ = dnn.load_model(io.BytesIO(data))
    assert all(np.array_equal(a[k], b[k]) for k in a)


# what each refusal names, as the translated message shows it (found unpinned by mutation)
VALUES = {
    "zero_units": {"l": 1},
    "bias_shape": {"name": "b1", "shape": "(3,)", "expected": "(3, 1)"},
    "int_weights": {"name": "W2", "dtype": "int64"},
    "no_chain": {"name": "W2", "shape": "(1, 4)", "n": 3},
    "wrong_input": {"name": "W1", "shape": "(3, 100)", "n": 12288},
    "header_huge": {"kb": str(2**60 // 1024), "limit_kb": 256},
    "unknown_activation": {"name": "swish"},
    "extra_tensor": {"name": "../../etc/passwd"},
    "missing_bias": {"l": 1},
    "two_outputs": {"n": 2},
}


@pytest.mark.parametrize("case", sorted(VALUES))
def test_refusals_name_what_is_wrong(case):
    with pytest.raises(InvalidModelError) as e:
        dnn.load_model(forged(case))
    assert e.value.values == VALUES[case]


def test_a_header_size_past_two_to_the_63_is_refused_as_a_header():
    for size in (2**63, 2**64 - 1):  # as a signed number it would look negative, i.e. small
        with pytest.raises(InvalidModelError) as e:
            dnn.load_model(struct.pack("<Q", size) + b"{}" * 100)
        assert e.value.code == "model_header"
