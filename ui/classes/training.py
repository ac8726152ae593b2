"""Training on the visitor's two classes with the training page's controls and live chart.

A run here is streamed by the same :func:`ui.core.live.stream` as on the training page, but its
network is kept apart (:data:`MODEL`), with the class names it learned: the training page's
runs and the prediction page's model stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import streamlit as st

import dnn
from dnn.datasets import flatten
from ui.classes.intake import names_problem
from ui.classes.sets import DEFAULT_TEST_SHARE, LABELS, MIN_PER_CLASS, TwoClasses, build, test_count
from ui.core import kept, runs, session, visitor
from ui.core.i18n import t
from ui.core.labels import describe
from ui.core.live import stream
from ui.core.model import SessionModel
from ui.core.runs import model_metadata
from ui.core.settings import Settings
from ui.core.text import plain
from ui.core.trust import Evidence
from ui.widgets import verdict

MODEL = session.register("classes_model", None, reset=False)  # this page's ClassModel, or None
RUN_COUNT = "classes_run_count"  # runs started on this page: the next is #count + 1
SHARE = "classes_share_w"  # the data options' widgets (kept with ui.core.kept)
LESSON = "classes_lesson_w"
SHARES = [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5]


@dataclass
class ClassModel(SessionModel):
    """The network this page uses: trained here (``source`` "session"), or loaded from a file.

    ``meta["class_names"]`` are the names of label 0 and label 1 (second class, first class).
    """

    record: runs.RunRecord | None = None  # None: loaded from a file
    train_y: np.ndarray | None = None  # (1, m_train): the labels it trained on
    test_ids: frozenset[int] = field(default_factory=frozenset)  # the visitor's test pictures
    with_lesson: bool = False  # trained with the lesson's pictures too
    test_size: int = 0  # pictures in its test set (the visitor's and, with the lesson, its 50)

    @property
    def names(self) -> list[str]:
        """Class names of label 0 and label 1."""
        return self.meta["class_names"]

    @property
    def named(self) -> tuple[str, str]:
        """The class names in the order the visitor named them: the first is label 1."""
        return self.names[1], self.names[0]


def current() -> ClassModel | None:
    """The own-classes page's model, if there is one."""
    if st.session_state.get(MODEL) is None:  # a reload: the visitor's model, if they had one
        st.session_state[MODEL] = visitor.keep(MODEL, lambda: None)
    return st.session_state.get(MODEL)


def use_loaded(params, meta: dict, source: str) -> None:
    """A model file loaded on this page becomes its model (``source`` is ``"file"``)."""
    model = st.session_state[MODEL] = ClassModel(params, meta, source)
    visitor.put(MODEL, model)


def options() -> tuple[float, bool]:
    """The test share and whether the lesson's pictures join (as last chosen; 20 %, no)."""
    return kept.value(SHARE, DEFAULT_TEST_SHARE), kept.value(LESSON, False)


def option_widgets() -> tuple[float, bool]:
    """The test share slider and the "add the lesson's pictures" switch; their values."""
    kept.keep(SHARE, DEFAULT_TEST_SHARE)
    kept.keep(LESSON, False)
    st.select_slider(
        t("classes_share"),
        SHARES,
        key=SHARE,
        format_func=lambda v: f"{v:.0%}",
        help=t("classes_share_help"),
    )
    kept.mirror(SHARE)
    st.toggle(t("classes_with_lesson"), key=LESSON, help=t("classes_with_lesson_help"))
    kept.mirror(LESSON)
    return options()


def problems(two: TwoClasses, shown: tuple[str, str]) -> list[str]:
    """Why training cannot start yet (too few pictures, unusable names), translated.

    The minimum is of the visitor's own pictures, with or without the lesson's beside them
    (the page trains on the visitor's classes; the lesson's pictures only add to them), and
    the message says so when the lesson's pictures are on.
    """
    key = "classes_too_few_own" if options()[1] else "classes_too_few"
    found = [
        t(key, cls=plain(shown[k]), n=len(pics), min=MIN_PER_CLASS)
        for k, pics in enumerate(two.pictures)
        if len(pics) < MIN_PER_CLASS
    ]
    bad_names = names_problem(two)
    return found + ([t("classes_bad_names", why=bad_names)] if bad_names else [])


def train(
    two: TwoClasses,
    shown: tuple[str, str],
    settings: Settings,
    lesson: dnn.Dataset | None,
    chart,
    bar,
) -> None:
    """A new run of ``settings`` on the classes (and the lesson's pictures if given), live.

    Whatever ends the run (the end, Stop, a rerun), the network it reached becomes this page's
    model, with the class names (second, first) as labels (0, 1).
    """
    settings = replace(settings, validation=0)  # the validation split is the lesson data's
    share = options()[0]
    built = build(two, shown, share, lesson)
    data = built.data
    trainer = dnn.Trainer(data.train_x, data.train_y, settings.config(), data.test_x, data.test_y)
    run_id = runs.next_number(RUN_COUNT)
    runs.count(RUN_COUNT, run_id)
    record = runs.RunRecord(run_id, settings, trainer.config, trainer.engine, settings.iterations)

    model = ClassModel(
        {},
        {},
        "session",
        record,
        data.train_y,
        built.test_ids,
        lesson is not None,
        test_size=data.test_y.shape[1],
    )
    label = f"{shown[0]} / {shown[1]} #{run_id} {describe(settings)}"
    st.session_state[MODEL] = model  # now: after a Stop, Streamlit can no longer be used
    visitor.put(MODEL, model)  # the student's work: it outlives a reload

    def keep(trainer: dnn.Trainer, record: runs.RunRecord) -> None:  # no Streamlit here
        model.meta = {**model_metadata(record, label), "class_names": [shown[1], shown[0]]}
        model.params = trainer.params

    stream(trainer, record, settings.iterations, data, chart, bar, keep=keep)


def lesson_joins(two: TwoClasses) -> bool:
    """Whether the lesson's pictures join now: each class has enough of the visitor's own."""
    return all(len(pics) >= MIN_PER_CLASS for pics in two.pictures)


def split_summary(two: TwoClasses, shown: tuple[str, str], share: float, lesson) -> str:
    """How many pictures of each class train and test, the lesson's included when they join.

    With the lesson's pictures joined the totals are what a run trains and tests on, each split
    into the visitor's and the lesson's (its cats join the first class, its non-cats the
    second); before they join (:func:`lesson_joins`), only the visitor's are counted, and
    :func:`lesson_note` says when the lesson's will.
    """
    n = [len(pics) for pics in two.pictures]
    tests = [test_count(m, share) for m in n]
    mine = dict(a_train=n[0] - tests[0], b_train=n[1] - tests[1], a_test=tests[0], b_test=tests[1])
    shown = tuple(plain(name) for name in shown)  # the visitor's or a file's text: as text
    if lesson is None or not lesson_joins(two):
        return t("classes_split", a=shown[0], b=shown[1], **mine)
    joined = _lesson_counts(lesson)
    return t(
        "classes_split_lesson",
        a=shown[0],
        b=shown[1],
        a_all=mine["a_train"] + joined["cats"],
        b_all=mine["b_train"] + joined["others"],
        a_all_test=mine["a_test"] + joined["test_cats"],
        b_all_test=mine["b_test"] + joined["test_others"],
        **mine,
        **joined,
    )


def _lesson_counts(lesson: dnn.Dataset) -> dict[str, int]:
    """The lesson's cats and non-cats, training and test."""
    cats, test_cats = int(lesson.train_y.sum()), int(lesson.test_y.sum())
    return dict(
        cats=cats,
        others=lesson.train_y.shape[1] - cats,
        test_cats=test_cats,
        test_others=lesson.test_y.shape[1] - test_cats,
    )


def lesson_note(shown: tuple[str, str], lesson: dnn.Dataset, two: TwoClasses) -> str:
    """What joining the lesson's pictures does to the classes, in numbers.

    Before each class has :data:`MIN_PER_CLASS` pictures of the visitor's own, it says the
    lesson's will join then (a run cannot start before).
    """
    key = "classes_lesson_added" if lesson_joins(two) else "classes_lesson_waiting"
    return t(key, a=plain(shown[0]), b=plain(shown[1]), min=MIN_PER_CLASS, **_lesson_counts(lesson))


TINY_STEP = 0.05  # one picture moving test accuracy by more than this: the set is too small


def test_size_note(model: ClassModel) -> tuple[str, bool]:
    """How many pictures test accuracy is measured on, and whether that is too few to trust.

    Returns the text and True when one picture is worth more than ``TINY_STEP`` of accuracy
    (with 4 test pictures one mistake is 25 %).
    """
    n = model.test_size
    step = f"{100 / n:.0f} %" if n else "—"
    one_off = f"{100 - 100 / n:.0f} %" if n else "—"  # one mistake of n: what the page may show
    tiny = n == 0 or 1 / n > TINY_STEP
    key = "classes_test_tiny" if tiny else "classes_test_size"
    return t(key, n=n, step=step, one_off=one_off), tiny


def held_out_evidence(model: ClassModel, two: TwoClasses) -> tuple[list, Evidence | None]:
    """The visitor's test pictures still in the classes, and the model's P and rightness on them.

    Returns (class index, picture) pairs and the :class:`Evidence` (None when there are none).
    """
    pics = [(k, p) for k, group in enumerate(two.pictures) for p in group if p.id in model.test_ids]
    if not pics or not model.params:
        return pics, None
    X = flatten(np.stack([p.pixels for _, p in pics]))  # (12288, m)
    y = np.array([LABELS[k] for k, _ in pics])
    return pics, Evidence.of(model.params, model.hidden, X, y, "own")


def held_out(model: ClassModel, two: TwoClasses) -> None:
    """The visitor's own test pictures (still in the classes), each with its verdict."""
    if model.record is not None and model.test_size:  # trained here: its test set is known
        note, tiny = test_size_note(model)
        (st.warning if tiny else st.caption)(note)
    pics, found = held_out_evidence(model, two)
    if found is None:
        return
    st.markdown(t("classes_held_out", right=int(found.right.sum()), n=len(pics)))
    label = f"P({plain(model.names[1])})"
    verdict.graded([p.pixels for _, p in pics], found.proba, found.right, label)
