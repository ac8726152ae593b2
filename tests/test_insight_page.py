"""Look inside on the prediction page: the notice, the activations and the gradient map."""

import io

import numpy as np
import pytest
from PIL import Image

import dnn
from tests.apptest_helpers import app, plotly_specs, texts
from tests.odd_pictures import flowchart, noise, solid
from ui.core.model import SessionModel


def upload(at, *files):
    at.file_uploader(key="image_upload").set_value(list(files)).run()
    assert not at.exception, at.exception
    return at


def png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def test_prediction_warns_on_a_diagram_not_on_a_photo(data):
    at = app("pages/prediction.py")
    cat = Image.fromarray(data.test_images[1]).resize((256, 256))
    upload(at, ("cat.png", png(cat), "image/png"), ("chart.png", png(flowchart()), "image/png"))
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 1 and "does not look like the training photos" in warnings[0]
    assert "only seen photos like these" in texts(at)
    # the notice says what was unusual, and no caption calls the diagram's answer sure
    assert warnings[0].startswith(
        "**This picture does not look like the training photos**: whole rows or columns are "
        "one colour (margins, bars, rules); it has very few shades. So the model's answer"
    )
    assert "a drawing, screenshot or text" not in warnings[0]
    captions = [c.value for c in at.caption]
    never_shown = [c for c in captions if "never shown a picture like this" in c]
    assert len(never_shown) == 1 and not any("sure" in c for c in captions)
    assert any(c.startswith("P is ") for c in captions)  # the cat photo's own caption
    # the diagram gets no verdict in big letters: the heading says there is none to trust
    headings = [m.value for m in at.markdown if m.value.startswith("## ")]
    assert headings.count("## ❓ No answer to trust") == 1
    assert sum(h in ("## 🐱 Cat", "## 🚫 Not a cat") for h in headings) == 1  # the photo's
    assert any(m.value.startswith("A network must give one of its answers") for m in at.markdown)
    # both pictures still get their verdict, and each its activations and gradient map
    specs = plotly_specs(at)
    bars = [s for s in specs if any(tr["type"] == "bar" for tr in s["data"])]
    images = [s for s in specs if any(tr["type"] == "image" for tr in s["data"])]
    assert len(images) == 3  # the two uploads, and the test-set tab's picture
    layer_bars = [s for s in bars if len(s["data"]) == 4]
    assert [len(tr["x"]) for tr in layer_bars[0]["data"]] == [20, 7, 5, 1]
    p_cat = layer_bars[0]["data"][-1]["x"][0]  # the output: one horizontal bar
    assert 0 <= p_cat <= 1


def test_test_set_tab_looks_inside_a_chosen_picture(data):
    at = app("pages/prediction.py")
    at.number_input(key="inside_test_pick").set_value(7).run()
    assert not at.exception
    specs = plotly_specs(at)
    grads = [s for s in specs if any(tr["type"] == "image" for tr in s["data"])]
    assert len(grads) == 1
    params = at.session_state.model.params
    expected = dnn.input_gradient(params, data.test_x[:, [7]])[:, 0].reshape(64, 64, 3)
    signed = np.array(grads[-1]["data"][-1]["z"]).reshape(64, 64)
    np.testing.assert_allclose(signed, expected.sum(axis=2), rtol=1e-6, atol=1e-12)


def gradient_maps(at):
    return [s for s in plotly_specs(at) if any(tr["type"] == "image" for tr in s["data"])]


@pytest.mark.parametrize("hidden", ["tanh", "leaky_relu", "sigmoid"])
def test_any_model_and_activation(data, hidden):
    """A model of another shape and activation, as a trained or uploaded one would be."""
    result = dnn.train(
        data.train_x, data.train_y, [12288, 7, 3, 1], 0.01, 5, hidden_activation=hidden, every=0
    )
    at = app("pages/prediction.py")
    at.session_state.model = SessionModel(
        result.params, {"label": "x", "hidden_activation": hidden}, "file"
    )
    upload(
        at,
        ("noise.png", png(noise(0)), "image/png"),
        ("red.png", png(solid((255, 0, 0))), "image/png"),
    )
    warnings = [w.value for w in at.warning]
    assert any("random noise" in w for w in warnings) and any(
        "one plain colour" in w for w in warnings
    )
    layer_bars = [
        s for s in plotly_specs(at) if len(s["data"]) == 3 and s["data"][0]["type"] == "bar"
    ]
    assert [len(tr["x"]) for tr in layer_bars[0]["data"]] == [7, 3, 1]
    at.number_input(key="inside_test_pick").set_value(3).run()
    expected = dnn.input_gradient(result.params, data.test_x[:, [3]], hidden)[:, 0]
    signed = np.array(gradient_maps(at)[-1]["data"][-1]["z"]).reshape(64, 64)
    np.testing.assert_allclose(
        signed, expected.reshape(64, 64, 3).sum(axis=2), rtol=1e-6, atol=1e-12
    )
