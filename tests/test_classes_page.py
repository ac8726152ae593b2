"""The own-classes page through AppTest: build two classes from files, train, predict, save, load.

The pictures are made by ``tests/class_pictures.py``: warm against cool colours, with shapes
and noise, which the lesson's 4-layer network separates from a few examples.
"""

from __future__ import annotations

import io

import h5py
import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import dnn
from dnn.datasets import flatten
from dnn.propagation import forward
from tests.apptest_helpers import APP, plotly_specs, texts
from tests.class_pictures import picture_bytes, upload, uploader
from ui.classes import files as class_files
from ui.classes.intake import STATE
from ui.classes.sets import MAX_PICTURES, build
from ui.classes.training import MODEL
from ui.core.i18n import text
from ui.core.predict import score
from ui.core.text import plain


def classes(lang: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    if lang:
        at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/classes.py").run()
    assert not at.exception, at.exception
    return at


def add(at: AppTest, k: int, files) -> AppTest:
    uploader(at, f"classes_files_{k}_").set_value(files).run()
    assert not at.exception, at.exception
    return at


def two(at: AppTest):
    return at.session_state[STATE]


def verdicts(at: AppTest) -> list[str]:
    """The verdict headings: h3 under this page's "Try it", h2 on the prediction page."""
    return [m.value for m in at.markdown if m.value.startswith(("## ", "### "))]


def first_silent(params, X, hidden, flat=False) -> list:
    """For each picture, the first hidden layer whose every unit is 0 (or None), computed here.

    ``X`` is (m, 64, 64, 3) uint8 pictures, or with ``flat`` already (12288, m) columns.
    """
    X = X if flat else flatten(np.asarray(X, dtype=np.uint8))
    _, caches = forward(params, X, hidden)
    hidden_acts = [A for _, _, A in caches[:-1]]
    return [
        next((l for l, A in enumerate(hidden_acts, 1) if not A[:, j].any()), None)
        for j in range(X.shape[1])
    ]


def bars_of(at: AppTest) -> list[dict]:
    """The probability bars of the verdicts, in order."""
    return [s for s in plotly_specs(at) if s["data"][0].get("orientation") == "h"]


def trained(at: AppTest, warm=range(6), cool=range(6)) -> AppTest:
    add(at, 0, upload("warm", warm))
    add(at, 1, upload("cool", cool))
    at.button(key="classes_train_button").click().run()
    assert not at.exception, at.exception
    return at


def test_classes_from_uploads_train_then_predict_new_pictures():
    at = trained(classes())
    pics = two(at).pictures
    assert [len(p) for p in pics] == [6, 6]
    assert all(p.pixels.shape == (64, 64, 3) and p.pixels.dtype == np.uint8 for p in pics[0])
    assert "“cat”: 6 added." not in texts(at)  # the notes were shown once, earlier
    model = at.session_state[MODEL]
    record = model.record
    assert record.done and record.iteration == 2500
    assert model.names == ["not cat", "cat"]  # label 0, label 1: the first class is label 1
    # the same computation as the engine's own train() on the same split
    built = build(two(at), ("cat", "not cat"), 0.2)
    assert built.mine_train == (5, 5) and built.mine_test == (1, 1)
    ref = dnn.train(built.data.train_x, built.data.train_y, [12288, 20, 7, 5, 1], every=0)
    np.testing.assert_allclose(record.costs, ref.costs, rtol=1e-9)
    assert record.train_accuracy == 1.0 and record.test_accuracy == 1.0
    assert len(plotly_specs(at)[0]["data"][0]["y"]) == 2500  # the training page's chart
    assert "Your test pictures:** 2 of 2 right" in texts(at)
    tiny = [w.value for w in at.warning if "test pictures:**" in w.value]
    assert tiny == [
        "**Only 2 test pictures:** one mistake moves test accuracy by 50 %, so 100 % or 50 % here "
        "says little. Add pictures (or the lesson's) for a number to trust."
    ]
    # the training page's runs and the prediction page's model are untouched
    assert at.session_state.runs == [] and at.session_state.model is None
    uploader(at, "classes_try_upload").set_value(upload("warm", [50]) + upload("cool", [50]))
    at.run()
    assert not at.exception, at.exception
    assert verdicts(at) == ["### 👉 cat", "### 👉 not cat"]
    two_only = " It knows only “cat” and “not cat”, so it must answer one of the two, even for a "
    two_only += "picture of neither."
    shown = [c.value for c in at.caption] + [i.value for i in at.info]
    assert not any("sure" in c for c in shown)
    # each verdict backs P with the visitor's held-out pictures, counted directly here
    held = [(k, p) for k, g in enumerate(two(at).pictures) for p in g if p.id in model.test_ids]
    X = flatten(np.stack([p.pixels for _, p in held]))
    proba = dnn.predict_proba(model.params, X, model.hidden)[0]
    right = (proba > 0.5) == np.array([k == 0 for k, _ in held])  # the first class is label 1
    tried = upload("warm", [50]) + upload("cool", [50])
    for (name, raw, _), bar in zip(tried, bars_of(at), strict=True):
        scored = score(name, raw, model.params, model.hidden)
        p = scored.p_cat
        assert bar["data"][0]["x"][0] == pytest.approx(p, abs=1e-12)
        layer = first_silent(model.params, scored.seen[None], model.hidden)[0]
        assert scored.silent == layer
        if layer is not None:  # no words on P: it is the same for every such picture
            same = np.array(first_silent(model.params, X, model.hidden, flat=True)) == layer
            k, r = int(same.sum()), int(right[same].sum())
            units = model.params[f"W{layer}"].shape[0]
            biases = ", ".join(f"b[{j}]" for j in range(layer + 1, 5))
            expected = (
                f"**Layer {layer} went silent**: all {units} of its units are 0 for this picture. "
                f"From there on only biases reach the output ({biases}), so P(cat) = {p:.1%} for "
                f"every picture that silences layer {layer}. How far that is from 0.5 says "
                f"nothing about this picture, only that no unit of layer {layer} responded to it. "
                f"On your 2 test pictures (not used in training), layer {layer} went silent for "
                f"{k}: {r} of {k} right.{two_only}"
            )
            assert expected in shown, shown
            continue
        far = np.abs(proba - 0.5) >= abs(p - 0.5)
        n, m = int(far.sum()), int(right[far].sum())
        c = max(p, 1 - p)
        words = (
            "Between its two classes, P is far from 0.5, toward this one."
            if c >= 0.9
            else "Between its two classes, P is fairly far from 0.5, toward this one."
            if c >= 0.7
            else "P is close to 0.5: the model hardly leans to either of its two classes."
        )
        line = (
            f"On your 2 test pictures (not used in training), P was at least this far from 0.5 "
            f"for {n}: {m} of {n} right."
            if n
            else "None of your 2 test pictures (not used in training) got a P this far from "
            "0.5: nothing shows how often such an answer is right."
        )
        assert f"{words} {line}{two_only}" in shown, shown
    assert any("(classes: cat / not cat)" in i.value for i in at.info)  # the order they were named
    bars = bars_of(at)
    assert [b["data"][0]["y"] for b in bars] == [["P(cat)"], ["P(cat)"]]
    assert bars[0]["data"][0]["x"][0] > 0.5 > bars[1]["data"][0]["x"][0]
    assert len(at.expander) >= 2  # look inside: activations and the input gradient


def test_names_language_and_page_changes_keep_what_was_built():
    at = add(classes(), 0, upload("warm", range(3)))
    at.text_input(key="classes_name_0").set_value("red things").run()
    at.text_input(key="classes_name_0").set_value("").run()  # cleared: the default again
    assert at.text_input(key="classes_name_0").value == "cat"
    at.text_input(key="classes_name_1").set_value("blue things").run()
    assert two(at).names == [None, "blue things"]
    at.switch_page("pages/training.py").run()
    at.switch_page("pages/classes.py").run()
    assert len(two(at).pictures[0]) == 3
    at.radio(key="lang_choice").set_value("zh").run()
    assert not at.exception, at.exception
    assert at.text_input(key="classes_name_0").value == "猫"  # the default follows the language
    assert at.text_input(key="classes_name_1").value == "blue things"  # a chosen name stays
    assert len(two(at).pictures[0]) == 3 and "添加了" not in texts(at)  # notes were shown once
    assert "第 1 类" in at.text_input(key="classes_name_0").label


def test_removing_pictures_one_by_one_and_all():
    at = add(classes(), 0, upload("warm", range(4)))
    first = two(at).pictures[0][0]
    at.button(key=f"classes_remove_{first.id}").click().run()
    assert [p.name for p in two(at).pictures[0]] == ["warm1.png", "warm2.png", "warm3.png"]
    at.button(key="classes_clear_0").click().run()
    assert two(at).total == 0 and "No pictures yet." in texts(at)


def test_hostile_files_get_a_message_each_and_good_ones_are_kept():
    truncated = picture_bytes("warm", 7)[:200]
    files = [
        ("notes.png", b"this is not a picture at all", "image/png"),
        ("empty.jpg", b"", "image/jpeg"),
        ("cut.png", truncated, "image/png"),
        *upload("warm", range(37)),
    ]
    at = add(classes(), 0, files)  # 40 files at once
    assert len(two(at).pictures[0]) == 37
    errors = [e.value for e in at.error]
    assert len(errors) == 3
    assert "notes.png" in errors[0] and "not a picture the app can read" in errors[0]
    assert "empty.jpg" in errors[1] and "empty (0 bytes)" in errors[1]
    assert "cut.png" in errors[2] and "truncated or damaged" in errors[2]
    assert "“cat”: 37 added." in texts(at)
    # only the 64×64 pictures are kept: no file's bytes anywhere in the session
    assert not [k for k in at.session_state.keys() if _holds_bytes(at.session_state[k])]
    assert uploader(at, "classes_files_0_").key == "classes_files_0_1"  # a fresh, empty one
    assert uploader(at, "classes_files_0_").value in ([], None)


def _holds_bytes(value) -> bool:
    if isinstance(value, (bytes, bytearray, io.IOBase)):
        return True
    if isinstance(value, (list, tuple, set)):
        return any(_holds_bytes(v) for v in value)
    if isinstance(value, dict):
        return any(_holds_bytes(v) for v in value.values())
    return False


def test_too_few_pictures_in_a_class_says_which_and_does_not_train():
    at = add(add(classes(), 0, upload("warm", range(3))), 1, upload("cool", range(6)))
    at.button(key="classes_train_button").click().run()
    assert "“cat” needs at least 5 pictures to train (it has 3)." in [w.value for w in at.warning]
    assert MODEL not in at.session_state or at.session_state[MODEL] is None


def test_the_same_names_for_both_classes_are_refused():
    at = trained(classes(), range(5), range(5))
    at.text_input(key="classes_name_1").set_value("cat").run()
    at.button(key="classes_train_button").click().run()
    assert any("class names cannot be used" in w.value for w in at.warning)
    assert at.session_state[MODEL].record.run_id == 1  # no second run


def test_duplicates_say_which_picture_they_repeat():
    at = add(classes(), 0, upload("warm", range(3)))
    same = picture_bytes("warm", 1)
    add(at, 1, [("copy.png", same, "image/png"), *upload("cool", range(2))])
    warnings = [w.value for w in at.warning]
    assert warnings == [
        "**copy.png** was not added: it is the same 64×64 picture as **warm1.png**, "
        "already in “cat”."
    ]
    assert [len(p) for p in two(at).pictures] == [3, 2]


def test_the_session_bound_on_pictures():
    at = add(classes(), 0, upload("warm", range(MAX_PICTURES - 5)))
    add(at, 1, upload("cool", range(12)))
    assert two(at).total == MAX_PICTURES
    assert len(two(at).pictures[1]) == 5
    assert f"Not added: 7 (this page keeps at most {MAX_PICTURES} pictures in all" in texts(at)
    assert f"at most {MAX_PICTURES} pictures in all" in texts(at)  # said before it happens


def test_saved_dataset_loads_outside_the_app_and_back_into_it():
    at = trained(classes())
    at.text_input(key="classes_name_1").set_value("blue things").run()
    saved = class_files.dataset_bytes(two(at), ("cat", "blue things"))  # the button's file
    # plain h5py, as the lesson loads its data
    with h5py.File(io.BytesIO(saved), "r") as f:
        assert sorted(f) == ["list_classes", "train_set_x", "train_set_y"]
        x, y = np.array(f["train_set_x"][:]), np.array(f["train_set_y"][:])
        classes_ = [c.decode("utf-8") for c in f["list_classes"][:]]
    assert x.shape == (12, 64, 64, 3) and x.dtype == np.uint8 and y.dtype == np.int64
    assert classes_ == ["blue things", "cat"] and y.tolist() == [1] * 6 + [0] * 6
    np.testing.assert_array_equal(x[:6], [p.pixels for p in two(at).pictures[0]])
    found = dnn.load_image_set(saved)
    assert found.classes == ("blue things", "cat") and found.y.shape == (1, 12)
    # back into a fresh session: the same pictures, names and split
    fresh = classes()
    uploader(fresh, "classes_load_").set_value(("mine.h5", saved, "application/x-hdf5")).run()
    assert not fresh.exception, fresh.exception
    assert two(fresh).names == ["cat", "blue things"]
    for k in (0, 1):
        a, b = two(at).pictures[k], two(fresh).pictures[k]
        assert [p.digest for p in a] == [p.digest for p in b]
        assert two(at).test_ids(k, 0.2) != set() and len(two(fresh).test_ids(k, 0.2)) == 1
    assert "Loaded: 12 pictures." in texts(fresh)


@pytest.fixture(scope="module")
def renamed_model() -> bytes:
    """A model file trained on this page, its classes renamed "bluish" and "warm"."""
    at = trained(classes())
    model = at.session_state[MODEL]
    file = class_files.model_file(model)  # the download button's bytes
    params, meta = dnn.load_model(file)
    assert meta["class_names"] == ["not cat", "cat"]
    for key in params:
        np.testing.assert_array_equal(params[key], model.params[key])
    # the same file with other names (as if the classes had been called so)
    renamed = file.replace(b'\\"not cat\\", \\"cat\\"', b'\\"bluish\\", \\"warm\\"')
    assert len(renamed) == len(file)  # the same length: the header's size still holds
    assert dnn.load_model(renamed)[1]["class_names"] == ["bluish", "warm"]
    return renamed


def test_a_model_trained_here_keeps_its_class_names_in_its_file(renamed_model):
    # this page's try-it section names its verdict after the classes of a model loaded from a file
    fresh = classes()
    assert "Train the network above (or load a model file)" in texts(fresh)
    fresh.file_uploader(key="classes_model_upload").set_value(("m.safetensors", renamed_model, "x"))
    fresh.run()
    fresh.file_uploader(key="classes_try_upload").set_value(upload("warm", [77])).run()
    assert not fresh.exception, fresh.exception
    assert verdicts(fresh) == ["### 👉 warm"]


def test_the_prediction_page_names_its_verdict_after_the_model_classes(renamed_model, data):
    pred = AppTest.from_file(APP, default_timeout=120)
    pred.run()
    pred.switch_page("pages/prediction.py").run()
    pred.file_uploader(key="model_upload").set_value(("m.safetensors", renamed_model, "x")).run()
    pred.file_uploader(key="image_upload").set_value(upload("warm", [77])).run()
    assert not pred.exception, pred.exception
    # a made-up colour picture, unlike the lesson's photos the page compares with: no verdict
    # heading, and the network's forced answer in the model's class names
    assert verdicts(pred) == ["## ❓ No answer to trust"]
    assert any(m.value.endswith("so it does: 👉 warm.") for m in pred.markdown)
    bar = [s for s in plotly_specs(pred) if s["data"][0].get("orientation") == "h"][0]
    assert bar["data"][0]["y"] == ["P(warm)"]


def forged_files(tmp_path) -> dict[str, bytes]:
    """Data files that must be refused, as bytes."""
    good = dnn.image_set_bytes(np.zeros((2, 64, 64, 3), np.uint8), [0, 1], ("a", "b"))
    out = {"garbage.h5": b"\x89HDF\r\n\x1a\n" + b"\0" * 100, "empty.h5": b""}

    def made(name, build_file):
        path = tmp_path / name
        with h5py.File(path, "w") as f:
            build_file(f)
        out[name] = path.read_bytes()

    other = tmp_path / "other.h5"
    other.write_bytes(good)

    def external(f):
        f["train_set_x"] = h5py.ExternalLink(str(other), "train_set_x")
        f["train_set_y"] = np.array([0, 1])
        f["list_classes"] = np.array([b"a", b"b"])

    def floats(f):
        f["train_set_x"] = np.zeros((2, 64, 64, 3), np.float32)
        f["train_set_y"] = np.array([0, 1])
        f["list_classes"] = np.array([b"a", b"b"])

    def too_many(f):  # claims more pictures than the bound, stored sparsely (a small file)
        f.create_dataset("train_set_x", (MAX_PICTURES + 1, 64, 64, 3), np.uint8)
        f["train_set_y"] = np.zeros(MAX_PICTURES + 1, np.int64)
        f["list_classes"] = np.array([b"a", b"b"])

    made("external.h5", external)
    made("floats.h5", floats)
    made("too_many.h5", too_many)
    return out


def test_forged_dataset_files_are_refused_and_the_classes_stay(tmp_path):
    at = add(classes(), 0, upload("warm", range(2)))
    for name, raw in forged_files(tmp_path).items():
        uploader(at, "classes_load_").set_value((name, raw, "application/x-hdf5")).run()
        assert not at.exception, (name, at.exception)
        errors = [e.value for e in at.error]
        refused = f"**{plain(name)}** was not loaded:"
        assert len(errors) == 1 and errors[0].startswith(refused), errors
        assert len(two(at).pictures[0]) == 2, name
    with pytest.raises(dnn.DatasetError):
        dnn.load_image_set(forged_files(tmp_path)["external.h5"])


def test_with_the_lessons_pictures_the_classes_join_cats_and_non_cats(data):
    at = add(add(classes(), 0, upload("warm", range(5))), 1, upload("cool", range(5)))
    at.toggle(key="classes_lesson_w").set_value(True).run()
    notes = [i.value for i in at.info if "lesson's pictures are added" in i.value]
    assert notes == [
        "**The lesson's pictures are added:** its 72 cats were added to “cat” and its 137 "
        "non-cats to “not cat” for training; its test pictures join the test set (33 cats as "
        "“cat”, 17 non-cats as “not cat”)."
    ]
    at.number_input(key="iterations").set_value(300).run()
    at.button(key="classes_train_button").click().run()
    assert not at.exception, at.exception
    record = at.session_state[MODEL].record
    assert record.iteration == 300 and at.session_state[MODEL].with_lesson
    assert at.session_state[MODEL].train_y.shape == (1, 209 + 8)
    built = build(two(at), ("cat", "not cat"), 0.2, data)
    assert built.data.test_y.shape == (1, 50 + 2)
    ref = dnn.train(
        built.data.train_x, built.data.train_y, [12288, 20, 7, 5, 1], num_iterations=300, every=0
    )
    np.testing.assert_allclose(record.costs, ref.costs, rtol=1e-9)


def test_without_the_lessons_data_own_pictures_still_train(tmp_path, monkeypatch):
    monkeypatch.setenv("DNN_DATA_DIR", str(tmp_path))  # no data files here
    at = trained(classes(), range(5), range(5))
    assert at.session_state[MODEL].record.done and not at.error
    at.toggle(key="classes_lesson_w").set_value(True).run()  # the lesson's data is asked for
    assert not at.exception, at.exception
    assert any("not here yet" in i.value for i in at.info)
    assert len(two(at).pictures[0]) == 5


def test_labels_follow_the_order_the_classes_were_named():
    """It read "apple / banana #1 … (classes: banana / apple)"."""
    at = add(add(classes(), 0, upload("warm", range(5))), 1, upload("cool", range(5)))
    at.text_input(key="classes_name_0").set_value("apple").run()
    at.text_input(key="classes_name_1").set_value("banana").run()
    at.number_input(key="iterations").set_value(50).run()
    at.button(key="classes_train_button").click().run()
    assert not at.exception, at.exception
    model = at.session_state[MODEL]
    assert model.names == ["banana", "apple"] and model.named == ("apple", "banana")
    using = [i.value for i in at.info if i.value.startswith("Using the model")]
    assert using == [
        r"Using the model apple / banana \#1 4-layer · 50 it. (classes: apple / banana)."
    ]


def test_the_test_share_says_its_size_and_a_large_one_gets_no_caveat(data):
    at = add(add(classes(), 0, upload("warm", range(5))), 1, upload("cool", range(5)))
    at.toggle(key="classes_lesson_w").set_value(True).run()
    at.number_input(key="iterations").set_value(20).run()
    at.button(key="classes_train_button").click().run()
    assert not at.exception, at.exception
    assert at.session_state[MODEL].test_size == 52  # the lesson's 50 and 1 of each class
    assert "Test accuracy is measured on 52 pictures: each one is 2 %." in texts(at)
    assert not [w.value for w in at.warning if "test pictures:**" in w.value]


def test_the_lessons_pictures_counts_minimum_and_note_agree(data):
    """Review item 7: on a fresh page with the lesson's pictures on, ▶ Train said at once that
    72 cats "were added", "Training: 0 “cat” + 0 “not cat”" and "needs at least 5 pictures (it
    has 0)". Before the lesson's pictures join, the counts are the visitor's own (a second
    review saw "Training: 72 “cat”…" over "the lesson's pictures join once…"), the minimum is of
    the visitor's own and says so, and the note says the lesson's join once each class has 5 of
    its own; once they join, the counts include them.
    (English only: AppTest writes the Chinese preset box's value back in English.)"""
    at = classes()
    at.toggle(key="classes_lesson_w").set_value(True).run()
    at.button(key="classes_train_button").click().run()
    assert not at.exception, at.exception
    page = texts(at)
    assert (
        "**Training:** 0 “cat” + 0 “not cat” pictures. **Test:** 0 “cat” + 0 “not cat” (🧪, "
        "framed in blue)." in page
    )
    assert "of the lesson's)" not in page
    assert [i.value for i in at.info if "lesson's pictures" in i.value][0].startswith(
        "**The lesson's pictures join once each class has at least 5 pictures of your own:**"
    )
    assert "lesson's pictures are added" not in page
    assert (
        "“cat” needs at least 5 pictures of your own to train, beside the lesson's (it has 0)."
        in [w.value for w in at.warning]
    )
    assert at.session_state.get(MODEL) is None
    # with 5 of each: the lesson's are added, and the totals are what the run trains on
    add(add(at, 0, upload("warm", range(5))), 1, upload("cool", range(5)))
    page = texts(at)
    assert "**Training:** 76 “cat” + 141 “not cat” pictures (4 + 4 of yours" in page
    assert "**The lesson's pictures are added:**" in page
    built = build(two(at), ("cat", "not cat"), 0.2, data)
    labels = built.data.train_y[0]
    assert (int(labels.sum()), int((labels == 0).sum())) == (76, 141)


def test_the_lessons_pictures_notes_in_chinese_say_the_same():
    from ui.core.i18n import text

    counts = dict(a="猫", b="非猫", min=5, cats=72, others=137, test_cats=33, test_others=17)
    assert text("zh", "classes_lesson_waiting", **counts).startswith(
        "**每类都有至少 5 张你自己的图片后，才会加入本课的图片**：届时它的 72 张猫加入“猫”"
    )
    assert text("zh", "classes_too_few_own", cls="猫", min=5, n=0) == (
        "除了本课的图片，“猫”还至少要有 5 张你自己的图片才能训练（现在有 0 张）。"
    )
    split = dict(a_all=72, b_all=137, a_all_test=33, b_all_test=17, a_train=0, b_train=0)
    split |= dict(a_test=0, b_test=0)
    assert text("zh", "classes_split_lesson", **counts, **split).startswith(
        "**训练：** 72 张“猫” + 137 张“非猫”（你的 0 + 0 张，本课的 72 + 137 张）。"
    )


def test_a_held_out_thumbnail_is_marked_apart_from_a_dark_picture():
    """Review item 18: a thin blue frame alone was hard to see on dark pictures; a white ring
    keeps it apart from the picture, and the caption starts with 🧪."""
    from ui.classes.intake import TEST_FRAME, caption, thumbnail

    dark = np.zeros((64, 64, 3), np.uint8)
    plain_one, held = np.asarray(thumbnail(dark, False)), np.asarray(thumbnail(dark, True))
    assert plain_one.shape == (128, 128, 3) and held.shape == (148, 148, 3)
    assert tuple(held[0, 0]) == TEST_FRAME and tuple(held[74, 6]) == TEST_FRAME
    assert tuple(held[74, 8]) == (255, 255, 255) and tuple(held[74, 10]) == (0, 0, 0)
    assert caption("c_11.png", True) == "🧪\u00a0c\\_11" and caption("c_11.png") == "c\\_11"


def test_look_inside_names_the_models_own_class_not_cat():
    at = classes()
    at.text_input(key="classes_name_0").set_value("red things").run()  # label 1
    at.text_input(key="classes_name_1").set_value("blue things").run()
    trained(at)
    assert at.session_state[MODEL].names == ["blue things", "red things"]
    uploader(at, "classes_try_upload").set_value(upload("warm", [50])).run()
    assert not at.exception, at.exception
    inside = [m.value for m in at.markdown if "12,288" in m.value]  # look inside's two texts
    assert len(inside) == 2
    assert "The last bar is P(red things)." in inside[0]
    assert "∂P(red things)/∂x" in inside[1]
    assert not any("P(cat)" in text for text in inside)
    (acts,) = [s for s in plotly_specs(at) if any(t.get("name") == "A[4]" for t in s["data"])]
    titles = [a["text"] for a in acts["layout"]["annotations"]]
    assert "A[4] = P(red things)" in titles
    captions = [c.value for c in at.caption if "∂P/∂x" in c.value]
    assert all("P(red things)" in c and "P(cat)" not in c for c in captions)
    # the same texts in Chinese (AppTest cannot switch this page's language and go on)
    zh = text("zh", "inside_layers", n0=12288, sizes="20 → 7 → 5 → 1", P="P(red things)")
    assert zh.endswith("最后一根柱子就是 P(red things)。") and "P(猫)" not in zh
    for key in ("inside_gradient", "inside_grad_caption"):
        assert "P(猫)" not in text("zh", key, P="P(red things)")
