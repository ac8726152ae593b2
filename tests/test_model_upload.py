"""The model upload on the prediction page (AppTest): a downloaded model comes back the same."""

import numpy as np
import safetensors.numpy

import dnn
from dnn.model_io import model_bytes
from dnn.propagation import initialize
from tests.apptest_helpers import app, texts
from ui.core.strings import STRINGS
from ui.core.text import plain
from ui.training.files import download_model


def upload(at, name: str, data: bytes):
    at.file_uploader(key="model_upload").set_value((name, data, "application/octet-stream"))
    return at.run()


def test_a_model_downloaded_from_training_predicts_the_same_after_upload(data):
    at = app("pages/training.py")
    at.selectbox(key="preset").set_value("lesson4").run()
    at.button(key="train_button").click().run()
    record, model = at.session_state.runs[-1], at.session_state.model
    params, meta = model.params, model.meta
    file = download_model(params, record)  # the training page's download button's bytes
    at.switch_page("pages/prediction.py").run()
    upload(at, f"cat_model_run{record.run_id}.safetensors", file)
    assert not at.exception and not at.error
    model = at.session_state.model
    loaded, loaded_meta, source = model.params, model.meta, model.source
    assert source == "file" and loaded_meta["layer_dims"] == [12288, 20, 7, 5, 1]
    assert plain(f"cat_model_run{record.run_id}.safetensors") in texts(at)  # as text: cat\_model…
    hidden = meta["hidden_activation"]
    np.testing.assert_allclose(
        dnn.predict_proba(loaded, data.test_x, loaded_meta["hidden_activation"]),
        dnn.predict_proba(params, data.test_x, hidden),
        rtol=0,
        atol=1e-9,
    )


def test_a_tanh_model_is_used_with_its_activation(data):
    params = initialize((12288, 4, 1), np.random.RandomState(5))
    at = upload(
        app("pages/prediction.py"),
        "tanh.safetensors",
        model_bytes(params, hidden_activation="tanh"),
    )
    model = at.session_state.model
    loaded, meta, source = model.params, model.meta, model.source
    assert source == "file" and meta["hidden_activation"] == "tanh"
    assert all(np.array_equal(loaded[k], params[k]) for k in params)


def test_a_refused_model_is_explained_in_the_visitors_language(data):
    params = initialize((12288, 3, 1), np.random.RandomState(0))
    params["W1"] = np.full((3, 12288), 1e305)  # finite, but every prediction would be NaN
    at = app("pages/prediction.py")
    at.session_state.lang_choice = "zh"
    at.run()
    raw = safetensors.numpy.save(
        params,
        metadata={
            "format": "dnn-cat-model",
            "version": "1",
            "model": '{"layer_dims": [12288, 3, 1], "hidden_activation": "relu", '
            '"class_names": ["non-cat", "cat"]}',
        },
    )
    upload(at, "huge.safetensors", raw)
    assert not at.exception
    zh = STRINGS["zh"]
    expected = zh["model_file_refused"].format(error=zh["err_model_absurd"].format(l=1))
    assert [e.value for e in at.error] == [expected]
    assert at.session_state.model.source == "auto"  # the model in use did not change
