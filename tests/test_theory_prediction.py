"""The theory and prediction pages through AppTest: what they say, in both languages."""

from __future__ import annotations

import html
import io

import numpy as np
import pytest
from PIL import Image

import dnn
from tests.apptest_helpers import app, plotly_specs
from ui.core.pixels import enlarged
from ui.theory.dimensions import parse_layer_sizes


@pytest.mark.parametrize(
    "text",
    [
        "12288, 20, 7, 5, 1",
        "12288 20 7 5 1",
        "[12288, 20, 7, 5, 1]",
        " [12288,20,7,5,1] ",
        "12288,20 7,  5 ,1",
        "12288\t20\n7 5 1",
        "12288，20，7，5，1",  # a Chinese keyboard's comma
    ],
)
def test_layer_sizes_can_be_typed_with_commas_spaces_or_brackets(text):
    assert parse_layer_sizes(text) == [12288, 20, 7, 5, 1]


@pytest.mark.parametrize(
    "text", ["", "12288", "hello", "3, 0, 1", "3, -5, 1", "3.5 1", "3 100001", "1 " * 21, "３ 1"]
)
def test_bad_layer_sizes_are_refused(text):
    assert parse_layer_sizes(text) is None


def test_enlarged_keeps_every_pixel_a_sharp_square():
    seen = np.random.RandomState(0).randint(0, 256, (64, 64, 3)).astype(np.uint8)
    big = np.asarray(enlarged(seen))
    assert big.shape == (256, 256, 3)
    blocks = big.reshape(64, 4, 64, 4, 3)
    assert np.array_equal(blocks[:, 0, :, 0], seen)
    assert (blocks == seen[:, None, :, None]).all()  # every 4×4 block is one colour


def test_theory_has_both_backward_forms_and_the_sum_over_examples(data):
    at = app("pages/theory.py")
    latex = [e.value for e in at.latex]
    for n in range(1, 10):
        assert sum(f"({n})" in eq for eq in latex) == 1, n
    single = next(eq for eq in latex if "(2)" in eq)
    assert "dz^{[l]}" in single and "a^{[l-1]" in single and "frac" not in single
    code = shown_code(at)
    assert "np.sum(dZ, axis=1, keepdims=True) / m" in code and "sum over the m examples" in code
    text = "\n".join(m.value for m in at.markdown)
    for item in ("learning rate", "number of iterations", "number of layers", "hidden units"):
        assert f"- the {item}" in text
    assert "- the choice of activation function" in text


def test_theory_table_accepts_spaces_and_the_diagram_says_unit(data):
    at = app("pages/theory.py")
    at.text_input(key="dims_arch").set_value("[3 5 5 3 1]").run()
    assert not at.error
    table = at.table[0].value
    assert list(table["W[l]"]) == ["—", "(5, 3)", "(5, 5)", "(3, 5)", "(1, 3)"]
    diagram = next(s for s in plotly_specs(at) if s["layout"].get("meta"))
    labels = [a["text"] for a in diagram["layout"]["annotations"] if "[" in a["text"]]
    assert labels[4].endswith("1 unit") and labels[0].endswith("3 units")
    at.text_input(key="dims_arch").set_value("3, 0, 1").run()
    assert not at.exception and "whole numbers" in at.error[0].value


def test_theory_in_chinese_translates_code_captions_table_and_diagram(data):
    at = app("pages/theory.py")
    at.radio(key="lang_choice").set_value("zh").run()
    assert not at.exception
    code = shown_code(at)
    assert "对 m 个样本求和" in code and "像素 (0, 0)，通道 R" in code and "X 的一列" in code
    assert "channel" not in code and "pixel" not in code
    assert "参数个数" in at.table[0].value.columns
    assert any("uint8 数组" in c for e in at.get("image") for c in e.captions)
    diagram = next(s for s in plotly_specs(at) if s["layout"].get("meta"))
    labels = [a["text"] for a in diagram["layout"]["annotations"] if "[" in a["text"]]
    assert "输入层" in labels[0] and labels[-1].endswith("1 个单元")
    assert "units" not in " ".join(labels)


def cat_jpeg(data) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(data.test_images[1]).resize((256, 256)).save(buf, "JPEG", quality=95)
    return buf.getvalue()


def test_prediction_in_chinese_says_p_猫_in_the_bar_and_the_captions(data):
    at = app("pages/prediction.py")
    at.radio(key="lang_choice").set_value("zh").run()
    at.file_uploader(key="image_upload").set_value([("cat.jpg", cat_jpeg(data), "image/jpeg")])
    at.run()
    assert not at.exception
    bar = next(s for s in plotly_specs(at) if s["data"][0]["type"] == "bar")
    assert bar["data"][0]["y"] == ["P(猫)"]
    assert bar["layout"]["xaxis"]["tickvals"][-1] == 1
    p = dnn.predict_proba(at.session_state.model.params, dnn.load_image(cat_jpeg(data))).item()
    assert bar["data"][0]["x"][0] == pytest.approx(p)
    verdict = [m.value for m in at.markdown if m.value.startswith("## ")]
    assert verdict == ["## " + ("🐱 是猫" if p > 0.5 else "🚫 不是猫")]
    captions = [c for e in at.get("image") for c in e.captions]
    assert "模型看到的图片 (64×64)，放大显示" in captions
    test_set = [c for c in captions if c.startswith(("✅", "❌"))]
    assert len(test_set) == 50 and all("P(猫) = " in c for c in test_set)


def shown_code(at) -> str:
    """The code blocks' text (plain <pre> blocks, ui/widgets/code_block.py)."""
    blocks = [e.proto.body for e in at.get("html") if 'class="dnn-code"' in e.proto.body]
    return "\n".join(html.unescape(b) for b in blocks)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_test_set_gallerys_alt_text_says_which_picture_its_class_and_p(data, lang):
    """Review item 13: each picture's alt was its caption ("✅ P(cat) = 1.00"), read twice,
    with no picture number and no true class."""
    at = app("pages/prediction.py")
    if lang == "zh":
        at.radio(key="lang_choice").set_value("zh").run()
    assert not at.exception
    gallery = next(e for e in at.get("image") if len(e.proto.imgs) == 50)
    alts = [img.alt for img in gallery.proto.imgs]
    captions = gallery.captions
    p = dnn.predict_proba(at.session_state.model.params, data.test_x)[0]
    truth = data.test_y[0]
    for i in (0, 1, 13, 49):
        right = (p[i] > 0.5) == (truth[i] == 1)
        if lang == "en":
            cls = "cat" if truth[i] else "non-cat"
            mark = "right" if right else "wrong"
            want = f"Test picture #{i}: it is a {cls}, P(cat) = {p[i]:.2f}, the model is {mark}"
        else:
            cls = "猫" if truth[i] else "非猫"
            mark = "正确" if right else "错误"
            want = f"测试图片 #{i}：它是{cls}，P(猫) = {p[i]:.2f}，模型判断{mark}"
        assert alts[i] == want
        assert alts[i] != captions[i]
