"""What the prediction page claims about P: only what the data supports.

The real case: the lesson's 4-layer network (the page's own model) on ``tests/files/photo.jpg``
with "Fit whole picture" silences layer 2, so P(cat) is fixed by the biases after it and
∂P/∂x is 0 everywhere. Every number the page prints is recomputed here with the engine.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import dnn
from dnn.activations import sigmoid
from dnn.datasets import flatten
from dnn.images import open_image, read_bytes, square_64
from dnn.propagation import forward
from tests.apptest_helpers import app, plotly_specs, texts
from ui.core.model import SessionModel
from ui.core.trust import Evidence, evidence_text, first_silent

PHOTO = (Path(__file__).resolve().parent / "files" / "photo.jpg").read_bytes()


def photo_page(framing: str, lang: str = "en"):
    """The prediction page with its own model, ``framing`` chosen and photo.jpg uploaded."""
    at = app("pages/prediction.py")
    if lang != "en":
        at.radio(key="lang_choice").set_value(lang).run()
    at.radio(key="framing").set_value(framing).run()
    at.file_uploader(key="image_upload").set_value([("photo.jpg", PHOTO, "image/jpeg")]).run()
    assert not at.exception, at.exception
    return at


def seen(framing: str) -> np.ndarray:
    """photo.jpg as the network's input column, framed as the page frames it."""
    picture = np.asarray(square_64(open_image(read_bytes(PHOTO)), framing), dtype=np.uint8)
    return flatten(picture[np.newaxis])


def silent_of(params, X) -> list:
    """Each column's first hidden layer with every unit 0, straight from the forward pass."""
    _, caches = forward(params, X, "relu")
    acts = [A for _, _, A in caches[:-1]]
    return [
        next((l for l, A in enumerate(acts, 1) if not A[:, j].any()), None)
        for j in range(X.shape[1])
    ]


def gradient_maps(at):
    return [s for s in plotly_specs(at) if any(tr["type"] == "image" for tr in s["data"])]


def test_fit_photo_silences_layer_2_and_the_page_says_so(data):
    at = photo_page("fit")
    params = at.session_state.model.params
    x = seen("fit")
    AL, caches = forward(params, x, "relu")
    assert caches[0][2].any() and not caches[1][2].any()  # the reviewer's case reproduces
    p = float(AL[0, 0])
    # with A[2] = 0, P is the biases' alone: σ(W4 relu(b3) + b4), whatever the picture
    fixed = float(sigmoid(params["W4"] @ np.maximum(params["b3"], 0) + params["b4"])[0, 0])
    assert p == pytest.approx(fixed, abs=1e-15)
    assert np.all(dnn.input_gradient(params, x) == 0)
    # the test pictures that silence layer 2 too, and how many of them the model got right
    proba = dnn.predict_proba(params, data.test_x)[0]
    right = (proba > 0.5) == (data.test_y[0] == 1)
    same = np.array(silent_of(params, data.test_x)) == 2
    n, m = int(same.sum()), int(right[same].sum())
    assert n > 0 and np.allclose(proba[same], p, rtol=0, atol=1e-15)  # the same P, exactly
    infos = [i.value for i in at.info]
    assert (
        "**Layer 2 went silent**: all 7 of its units are 0 for this picture. From there on only "
        f"biases reach the output (b[3], b[4]), so P(cat) = {p:.1%} for every picture that "
        "silences layer 2. How far that is from 0.5 says nothing about this picture, only that "
        "no unit of layer 2 responded to it. On the 50 test pictures (not used in training), "
        f"layer 2 went silent for {n}: {m} of {n} right."
    ) in infos
    # no words on P for it (the test-set tab's picture 0 is not silent: its own words are)
    assert "sure" not in texts(at)
    assert not any("from 0.5" in c.value for c in at.caption)
    # Look inside: no sensitivity map of zeros, the reason in words instead
    assert (
        "**No pixel changes P here.** ∂P/∂x is 0 for all 12,288 input values: every unit of "
        "layer 2 has Z[2] ≤ 0, so ReLU makes it 0, and a small change of any pixel leaves it at "
        f"0. P stays {p:.1%} whatever the change, so there is nothing to map."
    ) in infos
    assert silent_of(params, data.test_x[:, [0]]) == [None]
    assert len(gradient_maps(at)) == 1  # only the test-set tab's picture 0 has one
    # the test-set tab says how many of its pictures get that fixed P
    silent_any = [s for s in silent_of(params, data.test_x) if s is not None]
    assert (
        f"{len(silent_any)} of these pictures silence a whole hidden layer (layer 2: all its "
        "units 0), so they all get the same P, whatever else is in them."
    ) in [c.value for c in at.caption]


def test_silent_layer_notice_in_chinese(data):
    at = photo_page("fit", "zh")
    params = at.session_state.model.params
    p = float(dnn.predict_proba(params, seen("fit"))[0, 0])
    proba = dnn.predict_proba(params, data.test_x)[0]
    right = (proba > 0.5) == (data.test_y[0] == 1)
    same = np.array(silent_of(params, data.test_x)) == 2
    n, m = int(same.sum()), int(right[same].sum())
    infos = [i.value for i in at.info]
    assert (
        "**第 2 层完全沉默了**：对这张图片，它的 7 个单元全都是 0。从这里往后，只有偏置能传到输出"
        f"（b[3], b[4]），所以对每一张让第 2 层沉默的图片，P(猫) 都等于 {p:.1%}。它离 0.5 有多远"
        "说明不了这张图片的任何情况，只说明第 2 层没有一个单元对它有反应。在 50 张测试图片（训练时"
        f"没用过）中，有 {n} 张也让第 2 层沉默：{n} 张中对了 {m} 张。"
    ) in infos
    assert any(i.startswith("**这里没有哪个像素能改变 P。**") for i in infos)
    assert "确定" not in texts(at)


@pytest.mark.parametrize(
    ("lang", "zero", "words"),
    [
        ("en", "all 0", "A[2]: all 7 values are 0."),
        ("zh", "全为 0", "A[2]：7 个数值全为 0。"),
    ],
)
def test_look_inside_labels_the_silent_layers_empty_panel(data, lang, zero, words):
    at = photo_page("fit", lang)
    (chart,) = [  # the photo's activations, where A[2] has no bar to draw
        s
        for s in plotly_specs(at)
        if any(a.get("text") == zero for a in s["layout"].get("annotations", []))
    ]
    notes = [a for a in chart["layout"]["annotations"] if a.get("text") == zero]
    assert [(a["xref"], a["yref"]) for a in notes] == [("x2 domain", "y2 domain")]  # only A[2]
    (a2,) = [t for t in chart["data"] if t["name"] == "A[2]"]
    assert a2["y"] == [0.0] * 7 and a2["xaxis"] == "x2"
    assert words in chart["layout"]["meta"]["dnn_text"]["summary"]
    # a picture with no silent layer: no such label (the test-set tab's picture 0)
    others = [s for s in plotly_specs(at) if any(t.get("name") == "A[2]" for t in s["data"])]
    assert len(others) == 2


def expected_evidence(params, data, p: float) -> tuple[int, int]:
    """(N, M) computed directly: test pictures with |P - 0.5| ≥ |p - 0.5|, and those right."""
    proba = dnn.predict_proba(params, data.test_x)[0]
    far = np.abs(proba - 0.5) >= abs(p - 0.5)
    right = (proba > 0.5) == (data.test_y[0] == 1)
    return int(far.sum()), int(right[far].sum())


def test_crop_photo_p_is_described_and_backed_by_the_test_pictures(data):
    at = photo_page("crop")
    params = at.session_state.model.params
    x = seen("crop")
    assert silent_of(params, x) == [None]  # a picture that reaches the output through layer 2
    p = float(dnn.predict_proba(params, x)[0, 0])
    assert 0.7 <= max(p, 1 - p) < 0.9  # photo.jpg, centre square: P = 0.28
    n, m = expected_evidence(params, data, p)
    assert 0 < m < n < 50
    assert [m.value for m in at.markdown if m.value.startswith("## ")][0] == "## 🚫 Not a cat"
    captions = [c.value for c in at.caption]
    assert (
        "P is fairly far from 0.5. On the 50 test pictures (not used in training), P was at "
        f"least this far from 0.5 for {n}: {m} of {n} right."
    ) in captions
    assert "sure" not in texts(at)
    assert not [i.value for i in at.info if "went silent" in i.value]
    assert len(gradient_maps(at)) == 2  # the photo's map and the test-set tab's

    at.radio(key="lang_choice").set_value("zh").run()
    assert (
        "P 离 0.5 比较远。在 50 张测试图片（训练时没用过）中，有 "
        f"{n} 张的 P 至少离 0.5 这么远：{n} 张中对了 {m} 张。"
    ) in [c.value for c in at.caption]


def test_evidence_counts_match_predict_proba_on_the_test_set(data):
    """Evidence from the page's cache equals a direct count, for every P the model can give."""
    at = app("pages/prediction.py")
    params = at.session_state.model.params
    kept = at.session_state["prediction_evidence"][1]
    proba = dnn.predict_proba(params, data.test_x)[0]
    np.testing.assert_array_equal(kept.proba, proba)
    for p in [*proba, 0.5, 0.0, 1.0, 0.93, 0.02]:
        assert kept.as_far(float(p)) == expected_evidence(params, data, float(p))
    assert kept.as_far(0.5) == (50, int(((proba > 0.5) == (data.test_y[0] == 1)).sum()))
    # the Mistakes tab's P(cat) = 1.00 non-cats: P that far from 0.5 is not always right
    top = float(proba.max())
    n, m = kept.as_far(top)
    assert n >= 1


def test_evidence_text_edges():
    ev = Evidence(np.array([0.99, 0.2, 0.6]), np.array([True, False, True]), (None, 2, None))
    assert ev.as_far(0.05) == (1, 1)
    assert ev.as_far(0.3) == (2, 1)
    assert ev.as_far(0.5) == (3, 2)
    assert ev.as_silent(2) == (1, 0)
    assert ev.as_silent(1) == (0, 0)
    assert evidence_text(0.999, ev) == (  # outside a session: English
        "None of the 3 test pictures (not used in training) got a P this far from 0.5: "
        "nothing shows how often such an answer is right."
    )
    assert first_silent([np.ones(3), np.zeros(2), np.zeros(1)]) == 2
    assert first_silent([np.ones(3), np.ones(2), np.zeros(1)]) is None  # the output is no layer


def test_file_model_with_a_flat_gradient_gets_words_not_a_map(data):
    """A model from a file: no test-set line (its training data is unknown); and a gradient far
    below what the page can show gets no map (a made model: no trained one is that flat)."""
    rng = np.random.default_rng(0)
    params = {
        "W1": rng.standard_normal((3, 12288)) * 1e-12,
        "b1": np.ones((3, 1)),
        "W2": np.ones((1, 3)),
        "b2": np.ones((1, 1)),
    }
    at = app("pages/prediction.py")
    at.session_state.model = SessionModel(
        params, {"label": "x", "hidden_activation": "sigmoid"}, "file"
    )
    at.radio(key="framing").set_value("crop").run()
    at.file_uploader(key="image_upload").set_value([("photo.jpg", PHOTO, "image/jpeg")]).run()
    assert not at.exception, at.exception
    p = float(dnn.predict_proba(params, seen("crop"), "sigmoid")[0, 0])
    assert 0.9 <= p < 1  # σ(3 σ(1) + 1) = 0.96
    grad = dnn.input_gradient(params, seen("crop"), "sigmoid")
    assert 0 < np.abs(grad).max() < 1e-8
    captions = [c.value for c in at.caption]
    assert "P is far from 0.5." in captions  # no line about test pictures
    assert not any("test pictures (not used in training)" in c for c in captions)
    assert (
        "**No pixel changes P noticeably here.** Every ∂P/∂x is below 1e-08 in size: even "
        "changing all 12,288 input values at once would hardly move P, so no map is drawn (it "
        "would only blow up numbers that are almost 0)."
    ) in [i.value for i in at.info]


def test_test_set_tab_picture_that_silences_layer_2(data):
    at = app("pages/prediction.py")
    params = at.session_state.model.params
    silent = silent_of(params, data.test_x)
    i = silent.index(2)  # the first test picture that silences layer 2
    at.number_input(key="inside_test_pick").set_value(i).run()
    assert not at.exception, at.exception
    p = float(dnn.predict_proba(params, data.test_x[:, [i]])[0, 0])
    infos = [x.value for x in at.info]
    assert (
        "**Layer 2 went silent**: all 7 of its units are 0 for this picture. From there on only "
        f"biases reach the output (b[3], b[4]), so P(cat) = {p:.1%} for every picture that "
        "silences layer 2. How far that is from 0.5 says nothing about this picture, only that "
        "no unit of layer 2 responded to it."
    ) in infos
    assert any(x.startswith("**No pixel changes P here.**") for x in infos)
    assert gradient_maps(at) == []
