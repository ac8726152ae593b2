"""Hostile file names through every uploader are shown as plain text (AppTest).

A file's name is chosen by whoever sends it: Markdown, HTML, bidirectional overrides,
zero-width characters, 10,000 characters. Streamlit renders alerts, captions and tooltips as
Markdown, so wherever a name is shown every character that opens markup there must be escaped
with a backslash (CommonMark shows ``\\[`` as ``[``: no link, image, heading, tag or formula),
the name must stay one line, invisible and direction-changing characters must be gone, and a
very long name is cut. The expected texts are written out here, not computed by the app's code;
tests/browser/test_hostile_names.py checks what Chromium draws.

The uploaders: the prediction page's pictures (``image_upload``) and model
(``model_upload``), the own-classes page's pictures (``classes_files_<k>_…``) and data set
(``classes_load_…``).
"""

from __future__ import annotations

import re
import string

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import dnn
from dnn.model_io import model_bytes
from dnn.propagation import initialize
from tests.apptest_helpers import APP, app
from tests.class_pictures import picture_bytes, uploader

# a name without its extension → what a reader must see of it (the uploaders check extensions)
STEMS = {
    "[click me](https://evil.example/steal)": "[click me](https://evil.example/steal)",
    "![tracker](https://evil.example/p.gif)": "![tracker](https://evil.example/p.gif)",
    "# Big\n## heading\r\n---": "# Big ## heading ---",
    '<img src=x onerror="alert(1)"><a href="//evil.example">x</a>': (
        '<img src=x onerror="alert(1)"><a href="//evil.example">x</a>'
    ),
    "**bold** _it_ ~~no~~ `code` $x^2$ :red[red] :material/home: |a|b| &amp;": (
        "**bold** _it_ ~~no~~ `code` $x^2$ :red[red] :material/home: |a|b| &amp;"
    ),
    "- 1. www.evil.example me@evil.example": "- 1. www.evil.example me@evil.example",
    "cat\u202egnp.exe\u2066x\u2069\u200f": "catgnp.exex",  # bidi overrides and isolates
    "ze\u200bro\u200c-wi\u200d\u2060dth\ufeff": "zero-width",  # zero-width characters
    "A" * 10_000: "A" * 10_000,
}
SHOWN_CHARS = 200  # a name is cut to this many characters where it is shown whole
# what opens inline markup in CommonMark, GFM (tables, strikethrough, autolinks), HTML and
# Streamlit's own Markdown ($LaTeX$, :red[colours], :emoji: and :material/icons:)
INLINE = set("\\`*_{}[]()#!|<>~$&:@")
BLOCK_START = re.compile(r"^(\d+[.)]|[-+=])")  # a list item or a rule where a block starts
# GFM turns these into links in the text once escapes are undone: an escape cannot stop them
AUTOLINK = re.compile(r"https?://|www\.|[-.\w+]@[-\w]+\.", re.IGNORECASE)
JOINER = "\u2060"  # WORD JOINER: invisible, breaks an autolink's pattern


def names(ext: str) -> dict[str, str]:
    """File name → what must be shown, for files ending in ``ext``."""
    return {raw + ext: shown + ext for raw, shown in STEMS.items()}


def escaped(md: str, starts_block: bool = False) -> bool:
    """Whether ``md`` is plain text to Markdown: every INLINE character backslash-escaped, no
    autolink in what is left once escapes are undone, no list or rule marker starting a block."""
    i = 0
    while i < len(md):
        if md[i] == "\\" and i + 1 < len(md) and md[i + 1] in string.punctuation:
            i += 2
        elif md[i] in INLINE:
            return False
        else:
            i += 1
    text = re.sub(r"\\([" + re.escape(string.punctuation) + "])", r"\1", md)
    return not AUTOLINK.search(text) and not (starts_block and BLOCK_START.match(md))


def unescaped(md: str) -> str:
    """What a reader sees of text made only of characters and backslash escapes."""
    return re.sub(r"\\([" + re.escape(string.punctuation) + "])", r"\1", md).replace(JOINER, "")


def shown_between(body: str, before: str, after: str) -> str:
    """The part of ``body`` between ``before`` and the last ``after``."""
    assert body.startswith(before), body[:200]
    return body[len(before) : body.rindex(after)]


def assert_literal(md: str, expected: str, starts_block: bool = False) -> None:
    """``md``, rendered as Markdown, shows exactly ``expected`` (cut to SHOWN_CHARS)."""
    if len(expected) > SHOWN_CHARS:
        expected = expected[: SHOWN_CHARS - 1] + "…"
    assert escaped(md, starts_block), md[:300]
    assert unescaped(md) == expected


def assert_faithful(md: str, expected: str, starts_block: bool = False) -> None:
    """``md`` shows plain text made of pieces of ``expected`` where it was shortened (…)."""
    assert escaped(md, starts_block), md[:300]
    shown = unescaped(md).replace("\u00a0", " ")  # a caption's spaces do not break
    pieces = [piece for piece in shown.split("…") if piece]
    assert pieces and all(piece in expected for piece in pieces), (shown, expected[:80])


def caption_of(at: AppTest, picture_index: int = 0) -> list[str]:
    """Captions of every single-picture image element on the page (the previews)."""
    lists = [[i.caption for i in e.proto.imgs] for e in at.get("image")]
    return [c[picture_index] for c in lists if len(c) == 1]


PICTURES = names(".png")
MODELS = names(".safetensors")
DATA_SETS = names(".h5")


def test_pictures_to_predict_refused_or_shown_keep_their_names_plain(data):
    at = app("pages/prediction.py")
    files = [(name, b"not a picture", "image/png") for name in PICTURES]
    at.file_uploader(key="image_upload").set_value(files).run()
    assert not at.exception, at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == len(PICTURES)
    for body, expected in zip(errors, PICTURES.values(), strict=True):
        assert_literal(shown_between(body, "**", "** — "), expected)
    # readable pictures: the name is the preview's caption (Markdown too)
    files = [(name, picture_bytes("warm", k), "image/png") for k, name in enumerate(PICTURES)]
    at.file_uploader(key="image_upload").set_value(files).run()
    assert not at.exception and not at.error
    previews = [c for c in caption_of(at) if c and "64×64" not in c and "P(" not in c]
    assert len(previews) == len(PICTURES), previews
    for caption, expected in zip(previews, PICTURES.values(), strict=True):
        assert_literal(caption, expected, starts_block=True)


def model_file() -> bytes:
    return model_bytes(initialize((12288, 3, 1), np.random.RandomState(0)))


@pytest.mark.parametrize("name", list(MODELS), ids=range(len(MODELS)))
def test_a_model_file_loaded_under_a_hostile_name_is_named_plainly(data, name):
    at = app("pages/prediction.py")
    at.file_uploader(key="model_upload").set_value((name, model_file(), "x")).run()
    assert not at.exception, at.exception
    assert at.session_state.model.source == "file"
    infos = [i.value for i in at.info if i.value.startswith("Using the model loaded from ")]
    assert len(infos) == 1, [i.value for i in at.info]
    assert_literal(shown_between(infos[0], "Using the model loaded from ", "."), MODELS[name])


def classes_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/classes.py").run()
    assert not at.exception, at.exception
    return at


def test_own_class_pictures_refused_added_or_repeated_keep_their_names_plain():
    at = classes_page()
    files = [(name, b"not a picture", "image/png") for name in PICTURES]
    uploader(at, "classes_files_0_").set_value(files).run()
    assert not at.exception, at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == len(PICTURES)
    for body, expected in zip(errors, PICTURES.values(), strict=True):
        assert_literal(shown_between(body, "**", "** was not added: "), expected)
    # added (a class keeps 60 characters of a name): each thumbnail's caption and its remove
    # button's tooltip, both Markdown
    pictures = [(name, picture_bytes("cool", k), "image/png") for k, name in enumerate(PICTURES)]
    uploader(at, "classes_files_0_").set_value(pictures).run()
    assert not at.exception and not at.error
    thumbs = caption_of(at)
    tips = [b.help for b in at.button if b.key and b.key.startswith("classes_remove_")]
    assert len(thumbs) == len(tips) == len(PICTURES), thumbs
    for caption, tip, expected in zip(thumbs, tips, PICTURES.values(), strict=True):
        assert_faithful(caption.removeprefix("🧪\u00a0"), expected, starts_block=True)
        assert_faithful(removed_name(tip), expected)
    # the same pictures again, into the other class: each note names both files
    uploader(at, "classes_files_1_").set_value(pictures).run()
    warnings = [w.value for w in at.warning if "same 64×64 picture" in w.value]
    assert len(warnings) == len(PICTURES)
    for body, expected in zip(warnings, PICTURES.values(), strict=True):
        assert_faithful(shown_between(body, "**", "** was not added: "), expected)
        assert_faithful(
            body[body.index("picture as **") + 13 : body.rindex("**, already")], expected
        )


def removed_name(tip: str) -> str:
    """The file name in a remove button's tooltip, "Remove <name> from “<class>”"."""
    return tip.removeprefix("Remove ").rpartition(" from “")[0]


@pytest.mark.parametrize("name", list(DATA_SETS), ids=range(len(DATA_SETS)))
def test_a_data_set_refused_under_a_hostile_name_is_named_plainly(name):
    at = classes_page()
    uploader(at, "classes_load_").set_value((name, b"not a data file", "x")).run()
    assert not at.exception, at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1, errors
    assert_literal(shown_between(errors[0], "**", "** was not loaded: "), DATA_SETS[name])


def test_pictures_of_a_data_set_loaded_under_a_hostile_name_are_named_plainly():
    kinds = ["warm", "cool"] * 3
    images = np.stack([dnn.preprocess_image(picture_bytes(k, n)) for n, k in enumerate(kinds)])
    saved = dnn.image_set_bytes(images, np.array([1, 0] * 3), ("cool", "warm"))
    for name, expected in DATA_SETS.items():
        at = classes_page()
        uploader(at, "classes_load_").set_value((name, saved, "application/x-hdf5")).run()
        assert not at.exception and not at.error, (at.exception, [e.value for e in at.error])
        tips = [b.help for b in at.button if b.key and b.key.startswith("classes_remove_")]
        assert len(tips) == 6 and len(caption_of(at)) == 6
        for md, starts_block in [(c.removeprefix("🧪\u00a0"), True) for c in caption_of(at)] + [
            (removed_name(tip), False) for tip in tips
        ]:
            stem, numbered, number = md.rpartition(" \\#")  # pictures are "<file> #k"…
            if not numbered:  # …and a thumbnail's caption shows the first 9 characters
                stem, number = md, "1"
            assert_faithful(stem, expected, starts_block)
            assert number in "123456"
