"""The app through Streamlit's AppTest: every page renders, and the main flows work."""

import io

import numpy as np
import pytest
from PIL import Image

import dnn
from dnn.model_io import model_bytes
from tests.apptest_helpers import PAGES, app, plotly_specs, texts
from tests.clocks import fake_trainer_clock
from tests.test_images import PHOTO
from tests.test_lesson import LESSON_COSTS


@pytest.mark.parametrize("page", [None, *PAGES])
def test_every_page_renders_with_data(data, page):
    at = app(page)
    assert not at.exception, at.exception
    assert not at.error
    assert at.title[0].value


@pytest.mark.parametrize("page", [None, *PAGES])
def test_every_page_explains_missing_data(tmp_path, monkeypatch, page):
    monkeypatch.setenv("DNN_DATA_DIR", str(tmp_path))
    at = app(page)
    assert not at.exception, at.exception
    assert any("not here yet" in i.value for i in at.info)
    assert any("python -m dnn.datasets download" in c.value for c in at.code)
    assert at.button(key="download_data").label == "Download the data"


def test_damaged_data_is_a_message(tmp_path, monkeypatch):
    for name in dnn.datasets.FILES:
        (tmp_path / name).write_bytes(b"garbage")
    monkeypatch.setenv("DNN_DATA_DIR", str(tmp_path))
    at = app("pages/training.py")
    assert not at.exception
    assert "damaged" in at.error[0].value


def train_preset(at, preset="lesson4"):
    at.selectbox(key="preset").set_value(preset).run()
    at.button(key="train_button").click().run()
    assert not at.exception, at.exception
    return at


def test_four_layer_preset_reproduces_the_lesson(data):
    at = train_preset(app("pages/training.py"))
    run = at.session_state.runs[-1]
    assert run.test_accuracy == 0.8 and run.iteration == 2500 and run.status == "finished"
    assert at.session_state.model is not None
    cost_trace = plotly_specs(at)[0]["data"][0]
    assert len(cost_trace["y"]) == 2500
    np.testing.assert_allclose(cost_trace["y"][::100], LESSON_COSTS, atol=6e-7)
    assert "80.0%" in [m.value for m in at.metric]
    assert "Finished: 2500 iterations" in texts(at)


def test_two_layer_preset(data):
    at = train_preset(app("pages/training.py"), "lesson2")
    assert at.session_state.runs[-1].test_accuracy == 0.74
    assert at.session_state.runs[-1].config.layer_dims == (12288, 7, 1)


def test_continue_adds_iterations_bit_for_bit(data):
    at = train_preset(app("pages/training.py"))
    at.number_input(key="continue_iterations").set_value(300).run()
    at.button(key="continue_button").click().run()
    run = at.session_state.runs[-1]
    assert len(at.session_state.runs) == 1 and run.iteration == 2800
    whole = dnn.train(data.train_x, data.train_y, [12288, 20, 7, 5, 1], num_iterations=2800)
    assert run.costs == whole.costs
    trained = at.session_state.trainer.params
    assert all(np.array_equal(trained[k], whole.params[k]) for k in whole.params)


def test_results_survive_other_widgets_pages_and_language(data):
    at = train_preset(app("pages/training.py"))
    at.number_input(key="iterations").set_value(100).run()  # touching a control retrains nothing
    assert at.session_state.runs[-1].iteration == 2500 and len(at.session_state.runs) == 1
    at.switch_page("pages/theory.py").run()
    at.switch_page("pages/training.py").run()
    assert len(plotly_specs(at)[0]["data"][0]["y"]) == 2500
    assert at.number_input(key="iterations").value == 100  # the control kept its value too
    at.radio(key="lang_choice").set_value("zh").run()
    assert "80.0%" in [m.value for m in at.metric]
    assert at.title[0].value == "训练深层神经网络"


def test_language_switch_changes_labels(data):
    at = app("pages/training.py")
    assert at.button(key="train_button").label == "▶ Train"
    at.radio(key="lang_choice").set_value("zh").run()
    assert at.button(key="train_button").label == "▶ 训练"
    assert at.number_input(key="iterations").label == "迭代次数"
    theory = app("pages/theory.py")
    theory.radio(key="lang_choice").set_value("zh").run()
    assert theory.title[0].value == "深层（L 层）神经网络"
    assert "符号" in [h.value for h in theory.header]
    assert not at.exception and not theory.exception


def test_compare_runs_overlays_both_presets(data):
    at = train_preset(app("pages/training.py"), "lesson2")
    train_preset(at, "lesson4")
    compare = plotly_specs(at)[1]
    names = [tr["name"] for tr in compare["data"]]
    assert any("2-layer" in n for n in names) and any("4-layer" in n for n in names)


def test_too_large_relu_learning_rate_warns(data):
    at = app("pages/training.py")
    at.select_slider(key="learning_rate").set_value(10.0).run()
    at.button(key="train_button").click().run()
    assert any("learning rate is probably too large" in w.value for w in at.warning)


def test_zero_iterations_and_reset(data):
    at = app("pages/training.py")
    at.number_input(key="iterations").set_value(0).run()
    at.button(key="train_button").click().run()
    assert not at.exception and at.session_state.runs[-1].iteration == 0
    at.button(key="reset_button").click().run()
    assert at.session_state.runs == [] and at.session_state.trainer is None


def jpeg_bytes(array, size=None):
    img = Image.fromarray(array)
    if size:
        img = img.resize(size)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=95)
    return buf.getvalue()


def test_prediction_trains_the_lesson_model_on_first_visit(data):
    at = app("pages/prediction.py")
    assert "trained just now" in texts(at)
    model = at.session_state.model
    params, _meta, source = model.params, model.meta, model.source
    assert source == "auto"
    assert np.mean(dnn.predict(params, data.test_x) == data.test_y) == 0.8


def test_prediction_of_a_real_photo_and_a_corrupt_file(data):
    at = app("pages/prediction.py")
    photo = PHOTO.read_bytes()
    cat = jpeg_bytes(data.test_images[1], (256, 256))  # a test-set cat, enlarged
    at.file_uploader(key="image_upload").set_value(
        [
            ("thumbs_up.jpg", photo, "image/jpeg"),
            ("broken.png", b"\x89PNG\r\n\x1a\n not really", "image/png"),
            ("cat.jpg", cat, "image/jpeg"),
        ]
    ).run()
    assert not at.exception
    assert len(at.error) == 1 and "broken.png" in at.error[0].value
    bars = [s for s in plotly_specs(at) if s["data"][0].get("y") == ["P(cat)"]]  # not activations
    assert len(bars) == 2
    p_photo, p_cat = (b["data"][0]["x"][0] for b in bars)
    params = at.session_state.model.params
    assert p_photo == pytest.approx(dnn.predict_proba(params, dnn.load_image(photo)).item())
    assert p_cat == pytest.approx(dnn.predict_proba(params, dnn.load_image(cat)).item())
    assert 0 <= p_photo <= 1


def test_model_file_round_trip_and_forged_file(data):
    at = app("pages/prediction.py")
    params = at.session_state.model.params
    good = model_bytes(params, hidden_activation="relu")
    at.file_uploader(key="model_upload").set_value(
        ("mine.safetensors", good, "application/octet-stream")
    ).run()
    assert at.session_state.model.source == "file" and "mine.safetensors" in texts(at)
    at = app("pages/prediction.py")
    at.file_uploader(key="model_upload").set_value(
        ("evil.safetensors", b"PK\x03\x04junk", "application/octet-stream")
    ).run()
    assert not at.exception and "refused" in at.error[0].value
    assert at.session_state.model.source == "auto"


def test_theory_dimension_table_follows_the_architecture(data):
    at = app("pages/theory.py")
    table = at.table[0].value
    assert list(table["W[l]"]) == ["—", "(20, 12,288)", "(7, 20)", "(5, 7)", "(1, 5)"]
    at.text_input(key="dims_arch").set_value("3, 5, 5, 3, 1").run()
    at.number_input(key="dims_m").set_value(10).run()
    table = at.table[0].value
    assert list(table["Z[l]"]) == ["—", "(5, 10)", "(5, 10)", "(3, 10)", "(1, 10)"]
    at.text_input(key="dims_arch").set_value("hello").run()
    assert not at.exception and at.error


@pytest.mark.parametrize(
    "setting",
    [
        {"learning_rate": 1e-05},
        {"hidden_layers": 1, "units_0": 1},
        {
            "hidden_layers": 8,
            "units_0": 256,
            **{f"units_{k}": 512 for k in range(1, 8)},
            "iterations": 100,
        },
    ],
)
def test_extreme_but_allowed_settings_train(data, setting):
    at = app("pages/training.py")
    for key, value in setting.items():
        widget = {
            "learning_rate": at.select_slider,
            "hidden_layers": at.slider,
        }.get(key, at.number_input)
        widget(key=key).set_value(value).run()
    if "iterations" not in setting:
        at.number_input(key="iterations").set_value(200).run()
    at.button(key="train_button").click().run()
    assert not at.exception and not at.error
    run = at.session_state.runs[-1]
    assert run.status == "finished" and all(np.isfinite(run.costs))
    dims = run.config.layer_dims
    assert len(dims) - 2 == at.slider(key="hidden_layers").value and dims[1] >= 1


def test_slider_bounds_make_absurd_sizes_impossible(data):
    at = app("pages/training.py")
    assert at.slider(key="hidden_layers").max == 8
    assert at.number_input(key="units_0").max == 256
    assert at.number_input(key="units_1").max == 512
    assert at.number_input(key="iterations").max == 10_000
    rates = at.select_slider(key="learning_rate").options
    assert rates[0] == "1e-05" and rates[-1] == "10"


def test_time_cap_stops_a_long_run(data, monkeypatch):
    from ui.core import live

    fake_trainer_clock(monkeypatch)  # each reading of the trainer's clock: 1 ms of computing
    monkeypatch.setattr(live, "MAX_RUN_SECONDS", 0.3)  # a few hundred readings
    at = app("pages/training.py")
    at.button(key="train_button").click().run()  # the lesson's 2,500 iterations
    run = at.session_state.runs[-1]
    reached = run.iteration
    assert run.status == "timed_out" and 0 < reached < 2500
    assert any("limit of a shared server" in w.value for w in at.warning)
    at.button(key="continue_button").click().run()  # Continue goes on from there
    assert at.session_state.runs[-1] is run and run.iteration > reached


def test_download_button_fetches_verifies_and_loads_the_data(tmp_path, monkeypatch, mirror):
    target = tmp_path / "empty"
    monkeypatch.setenv("DNN_DATA_DIR", str(target))
    monkeypatch.setenv("DNN_DATA_MIRRORS", f"{mirror}/bad/,{mirror}/good/")
    at = app("pages/training.py")  # the first visit downloads by itself (the button retries:
    assert not at.exception  # tests/test_app_data.py)
    assert sorted(p.name for p in target.iterdir()) == sorted(dnn.datasets.FILES)
    assert at.title[0].value == "Train a deep network"  # the page now has its data
    assert at.button(key="train_button")


def test_download_failure_is_a_message(tmp_path, monkeypatch, mirror):
    monkeypatch.setenv("DNN_DATA_DIR", str(tmp_path / "empty"))
    monkeypatch.setenv("DNN_DATA_MIRRORS", f"{mirror}/bad/")
    at = app("pages/prediction.py")
    at.button(key="download_data").click().run()
    assert not at.exception
    assert "download failed" in at.error[0].value and "SHA-256" in at.error[0].value
