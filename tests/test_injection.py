"""Text from shared files is text: class names and labels never become links, images or headings.

Models and picture sets are made to be shared between students. A class name used to go
through Markdown: it became a live link ("Session expired: log in again"), a remote image the
browser fetched, or with a newline a heading and a table; a Plotly label made a live
``<a href>``. Now the readers refuse what a reader cannot see (newlines, bidi overrides,
zero-width characters; the same rules for models and picture sets, dnn.names), and every place
that shows such text escapes it with ui.core.text.
"""

import io
import json
import re

import numpy as np
import pytest
import safetensors.numpy
from PIL import Image

import dnn
from dnn.model_io import FORMAT, model_bytes
from dnn.propagation import initialize
from tests.apptest_helpers import app, plotly_specs
from ui.core.text import clean, csv_cell, label, plain

LINK = "[Log in again](http://evil.example)"  # a class name is at most 40 characters
IMAGE = "![x](http://127.0.0.1:9/t.png)"
HOSTILE = [LINK, IMAGE, "# Heading | a | b |", "www.evil.example", "$x^2$ :skull: <b>bold</b>"]
HIDDEN = ["two\nlines", "\u202egnp.tac", "zero\u200bwidth", "joiner\u2060x", "para\u2029graph"]
# markup that would render: a link or image opener, raw HTML, a heading or list at the start
LIVE = re.compile(r"(?<!\\)!?\[|(?<!\\)\]\(|(?<!\\)<[a-zA-Z/]|^\s*(?<!\\)#|(?<![\\\w])www\.")


@pytest.mark.parametrize("text", HOSTILE)
def test_plain_leaves_no_markup_alive_and_label_no_html(text):
    assert not LIVE.search(plain(text))
    assert "<" not in label(text) and ">" not in label(text)


def test_plain_shows_the_text_as_written():
    unescaped = re.sub(r"\\(.)", r"\1", plain(LINK))  # what Markdown shows of it…
    unescaped = unescaped.replace("\u2060", "")  # …with invisible joiners breaking autolinks
    assert unescaped == LINK


@pytest.mark.parametrize("text", HIDDEN)
def test_clean_drops_what_a_reader_cannot_see(text):
    shown = clean(text)
    assert "\n" not in shown and not any(c in shown for c in "\u202e\u200b\u2060\u2029")


def test_a_csv_cell_is_never_a_formula():
    assert [csv_cell(v) for v in ("=1+1", "+A1", "-2", "@SUM(A1)", "cat")] == [
        "'=1+1",
        "'+A1",
        "'-2",
        "'@SUM(A1)",
        "cat",
    ]


def forged_model(names) -> bytes:
    """A model file whose description says ``names``, written without our writer's checks."""
    params = initialize((12288, 2, 1), np.random.RandomState(0))
    description = {"layer_dims": [12288, 2, 1], "hidden_activation": "relu", "class_names": names}
    header = {"format": FORMAT, "version": "1", "model": json.dumps(description)}
    return safetensors.numpy.save(dict(params), metadata=header)


@pytest.mark.parametrize("name", HIDDEN)
def test_the_model_reader_refuses_names_with_hidden_characters(name):
    with pytest.raises(dnn.InvalidModelError):
        dnn.load_model(forged_model([name, "cat"]))


@pytest.mark.parametrize("name", HIDDEN)
def test_the_picture_set_reader_refuses_the_same_names(name):
    images = np.zeros((2, 64, 64, 3), np.uint8)
    with pytest.raises(dnn.DatasetError):
        dnn.load_image_set(io.BytesIO(_image_set(images, [name, "cat"])))


def _image_set(images, names) -> bytes:
    """A picture set file with ``names``, written by h5py directly (our writer checks names)."""
    import h5py

    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        f["train_set_x"] = images
        f["train_set_y"] = np.array([1, 0][: len(images)], np.int64)
        f["list_classes"] = np.array([n.encode() for n in names], dtype="S160")
    return buffer.getvalue()


def _markdown(at) -> list[str]:
    parts = []
    for kind in ("title", "markdown", "info", "success", "warning", "error", "caption"):
        parts += [e.value for e in getattr(at, kind)]
    return parts


def live(shown: list[str], *markup: str) -> list[str]:
    """The texts in which a piece of hostile markup is still there as Markdown would read it."""
    return [s for s in shown if any(m in s for m in markup) or re.search(r"^#+ *Big", s)]


def _picture() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (80, 80), (200, 120, 40)).save(buf, "PNG")
    return buf.getvalue()


def test_a_shared_model_with_hostile_names_and_file_name_shows_them_as_text(data):
    params = initialize((12288, 2, 1), np.random.RandomState(0))
    file = model_bytes(params, class_names=[IMAGE, LINK])  # visible characters: accepted
    at = app("pages/prediction.py")
    hostile_file = "# Big [news](http://evil.example) ![i](http://127.0.0.1:9/i.png).safetensors"
    at.file_uploader(key="model_upload").set_value((hostile_file, file, "application/octet-stream"))
    at.run()
    assert not at.exception and at.session_state.model.source == "file"
    pic = ("<img src=x onerror=alert(1)> [a](http://evil.example).png", _picture(), "image/png")
    at.file_uploader(key="image_upload").set_value(pic).run()
    assert not at.exception
    shown = _markdown(at)
    assert any("Log in again" in s for s in shown)  # the verdict names the class
    assert any("Big" in s and "news" in s for s in shown)  # the model's file name, as its label
    assert live(shown, "[Log in again](", "![x](", "[news](", "![i](", "<img", "[a](") == []
    bar = json.dumps([s for s in plotly_specs(at) if "P(" in json.dumps(s)])
    assert "P(" in bar and "<a" not in bar and "<img" not in bar  # Plotly reads <a href>


def test_a_shared_picture_set_with_hostile_names_shows_them_as_text(data):
    from ui.classes.intake import STATE

    images = np.stack([np.full((64, 64, 3), v, np.uint8) for v in (10, 60, 110, 160, 210, 250)])
    labels = np.array([1, 1, 1, 0, 0, 0])
    file = dnn.image_set_bytes(images, labels, (IMAGE, LINK))  # label 0, label 1
    at = app("pages/classes.py")
    at.file_uploader(key="classes_load_0").set_value(("set.h5", file, "application/x-hdf5"))
    at.run()
    assert not at.exception
    assert at.session_state[STATE].names == [LINK, IMAGE]
    shown = _markdown(at)
    assert any("Log in again" in s for s in shown)
    assert live(shown, "[Log in again](", "![x](") == []
