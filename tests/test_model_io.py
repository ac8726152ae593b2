"""Model files: a faithful round trip, and forged files refused before any large allocation."""

import io
import json
import zipfile

import numpy as np
import pytest

import dnn
from dnn.model_io import InvalidModelError, model_bytes


def small_params(dims=(12288, 3, 1), seed=0):
    from dnn.propagation import initialize

    return initialize(dims, np.random.RandomState(seed))


def npy(array=None, header=None) -> bytes:
    """An .npy member; ``header`` replaces the real header (a forged one)."""
    buf = io.BytesIO()
    if header is None:
        np.save(buf, array, allow_pickle=True)
        return buf.getvalue()
    np.lib.format.write_array_header_1_0(buf, header)
    return buf.getvalue() + b"\0" * 64


def zip_of(members: dict, compress=zipfile.ZIP_STORED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def members_of(params, meta=None):
    m = {f"{k}.npy": npy(v) for k, v in params.items()}
    meta = {"layer_dims": [12288, 3, 1]} if meta is None else meta
    m["metadata.npy"] = npy(np.frombuffer(json.dumps(meta).encode(), np.uint8))
    return m


def test_round_trip(tmp_path):
    params = small_params((12288, 4, 2, 1))
    path = tmp_path / "m.npz"
    dnn.save_model(path, params, hidden_activation="tanh", test_accuracy=0.8)
    loaded, meta = dnn.load_model(path)
    assert meta == {
        "hidden_activation": "tanh",
        "test_accuracy": 0.8,
        "layer_dims": [12288, 4, 2, 1],
    }
    assert list(loaded) == ["W1", "b1", "W2", "b2", "W3", "b3"]
    for k in params:
        assert np.array_equal(loaded[k], params[k])
    assert dnn.load_model(model_bytes(params))[0]["W2"].shape == (2, 4)
    with open(path, "rb") as f:
        assert dnn.load_model(f)[1]["hidden_activation"] == "tanh"


def test_trained_model_predicts_the_same_after_loading(data, lesson_4layer):
    params, _ = dnn.load_model(model_bytes(lesson_4layer.params))
    assert np.array_equal(
        dnn.predict_proba(params, data.test_x), dnn.predict_proba(lesson_4layer.params, data.test_x)
    )


def forged(case):
    p = small_params()
    if case == "pickle":
        m = members_of(p)
        m["W1.npy"] = npy(np.array([{"evil": 1}], dtype=object))
        return zip_of(m)
    if case == "giant_header":
        m = members_of(p)
        m["W1.npy"] = npy(
            header={"descr": "<f8", "fortran_order": False, "shape": (3, 12288 * 10**6)}
        )
        return zip_of(m)
    if case == "giant_but_chaining":
        m = members_of(small_params((12288, 1, 1)))
        m["W1.npy"] = npy(header={"descr": "<f8", "fortran_order": False, "shape": (10**6, 12288)})
        m["b1.npy"] = npy(np.zeros((10**6, 1)))
        m["W2.npy"] = npy(header={"descr": "<f8", "fortran_order": False, "shape": (1, 10**6)})
        return zip_of(m)
    if case == "zip_bomb":
        m = members_of(p)
        m["W1.npy"] = npy(
            header={"descr": "<f8", "fortran_order": False, "shape": (3, 12288)}
        ) + b"\0" * (80 * 2**20)
        return zip_of(m, zipfile.ZIP_DEFLATED)
    if case == "missing_key":
        m = members_of(p)
        del m["b1.npy"]
        return zip_of(m)
    if case == "extra_key":
        m = members_of(p)
        m["../../etc/passwd"] = b"x"
        return zip_of(m)
    if case == "no_chain":
        p["W2"] = np.zeros((1, 4))
        return zip_of(members_of(p))
    if case == "wrong_input":
        return zip_of(members_of(small_params((100, 3, 1))))
    if case == "nan":
        p["W2"][0, 0] = np.nan
        return zip_of(members_of(p))
    if case == "layer_count":
        return zip_of(members_of(p, {"layer_dims": [12288, 20, 7, 5, 1]}))
    if case == "int_weights":
        p["W2"] = np.ones((1, 3), dtype=np.int64)
        return zip_of(members_of(p))
    if case == "not_zip":
        return b"PK\x03\x04 but not really a zip file" * 10
    if case == "no_metadata":
        m = members_of(p)
        del m["metadata.npy"]
        return zip_of(m)
    if case == "bad_metadata":
        m = members_of(p)
        m["metadata.npy"] = npy(np.frombuffer(b"\xff\xfe not json", np.uint8))
        return zip_of(m)
    raise AssertionError(case)


@pytest.mark.parametrize(
    "case,message",
    [
        ("pickle", "floating point"),
        ("giant_header", "inputs"),
        ("giant_but_chaining", "more than the app allows"),
        ("zip_bomb", "refused"),
        ("missing_key", "missing"),
        ("extra_key", "Unexpected entry"),
        ("no_chain", "chain"),
        ("wrong_input", "12288"),
        ("nan", "NaN"),
        ("layer_count", "metadata says"),
        ("int_weights", "floating point"),
        ("not_zip", "not a zip"),
        ("no_metadata", "metadata"),
        ("bad_metadata", "JSON"),
    ],
)
def test_forged_models_are_refused(case, message):
    with pytest.raises(InvalidModelError) as e:
        dnn.load_model(forged(case))
    assert message in str(e.value)
