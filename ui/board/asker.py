"""The teacher's question box: a question from the lesson's bank or their own, then its answer.

Shapes and counts come from :mod:`ui.board.questions` (the engine's dimension rules); "which
network" and "α × 10" from the lesson's runs trained by the engine (:mod:`ui.board.lesson`).
"""

from __future__ import annotations

import time
import uuid

import streamlit as st

from dnn.datasets import data_dir
from ui.board import asking, db, lesson, questions, store
from ui.board.questions import KINDS, QUANTITIES
from ui.core.i18n import t
from ui.core.settings import LEARNING_RATES, Settings

LESSON_DIMS = "12288, 20, 7, 5, 1"
FAILED = "board_ask_failed"  # the last click could not reach the database
PENDING = "board_ask_key"  # the idempotency key of the question being asked (a retry reuses it)


def parse_dims(text: str) -> list[int] | None:
    """``12288, 20, 7, 5, 1`` → the layer sizes, or None when that is not a network we allow."""
    try:
        dims = [int(p) for p in str(text).replace(";", ",").split(",") if p.strip()]
    except ValueError:
        return None
    ok = 2 <= len(dims) <= 10 and all(1 <= n <= 12288 for n in dims)
    return dims if ok else None


def build(kind: str, shared) -> dict | None:
    """The question the box describes now (None, with a message, when it cannot be asked)."""
    if kind in ("shape", "count"):
        dims = parse_dims(
            st.text_input(t("board_arch"), LESSON_DIMS, key="board_arch", help=t("board_arch_help"))
        )
        if dims is None:
            st.warning(t("board_bad_arch"))
            return None
        if kind == "count":
            return questions.count(dims)
        c1, c2, c3 = st.columns(3)
        q = c1.selectbox(t("board_quantity"), QUANTITIES, key="board_quantity")
        layer = c2.number_input(t("board_layer"), 1, len(dims) - 1, 1, key="board_layer")
        m = c3.number_input(t("board_m"), 1, 100_000, 209, key="board_m")
        return questions.shape(dims, int(layer), q, int(m))
    if kind in ("better", "alpha"):
        if shared is None:
            return None
        runs = lesson.runs(shared, str(data_dir()))
        if kind == "better":
            return questions.better(runs["2"].test_acc, runs["4"].test_acc)
        return questions.alpha(list(runs["4"].costs), list(runs["fast"].costs), runs["fast"].status)
    if kind == "bet":
        k = LEARNING_RATES.index(Settings().learning_rate)  # the lesson's α and its neighbours
        return questions.bet([f"{v:g}" for v in LEARNING_RATES[k - 2 : k + 2]])
    text = st.text_input(t("board_own_text"), key="board_own_text", max_chars=questions.MAX_TEXT)
    lines = st.text_area(t("board_own_choices"), key="board_own_choices", height=120)
    choices = [c.strip() for c in lines.splitlines() if c.strip()]
    options = [None, *range(len(choices))]
    right = st.selectbox(
        t("board_own_correct"),
        options,
        key="board_own_correct",
        format_func=lambda i: t("board_own_none") if i is None else choices[i][:60],
    )
    try:
        return questions.own(text, choices, right)
    except ValueError:
        st.caption(t("board_bad_own"))
        return None


def ask_box(code: str, key: str, shared) -> None:
    """Choose a question, ask it; then show its right answer."""
    with st.expander(t("board_ask"), expanded=True):
        kind = st.selectbox(
            t("board_kind"), KINDS, format_func=lambda k: t(f"board_kind_{k}"), key="board_kind"
        )
        question = build(kind, shared)
        c1, c2 = st.columns(2)
        c1.button(
            t("board_ask_button"), key="board_ask", disabled=question is None,
            on_click=_ask, args=(code, key, question),
        )  # fmt: skip
        c2.button(t("board_show_answer"), key="board_show_answer", on_click=_show, args=(code, key))
        if st.session_state.pop(FAILED, False):
            st.warning(t("board_offline"))


def _ask(code: str, key: str, question: dict) -> None:
    """Ask ``question`` (a click's action, before the board redraws); a retry reuses its key."""
    post_key = st.session_state.setdefault(PENDING, uuid.uuid4().hex)
    try:
        db.call(asking.ask, code, key, question, post_key, time.time())
        st.session_state.pop(PENDING, None)
    except (db.Offline, store.BoardError):
        st.session_state[FAILED] = True


def _show(code: str, key: str) -> None:
    try:
        db.call(store.set_flag, code, key, time.time(), answer_shown=True)
    except (db.Offline, store.BoardError):
        st.session_state[FAILED] = True
