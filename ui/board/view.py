"""The teacher's page, /board: start a class, its code, join link and QR code, then the board.

Before a class: what it does and **Start a class** (``board_start``). With a class: the code
(``class_code``), the join link and a QR code big enough to scan from the back of the room
(segno, from PyPI), the live board (:mod:`ui.board.live`), the question box
(:mod:`ui.board.asker`) and End class. The teacher key is in this page's address only.
"""

from __future__ import annotations

import io
import time
from urllib.parse import urlsplit

import segno
import streamlit as st

from ui.board import asker, db, live, store
from ui.board.link import TEACHER
from ui.core.i18n import t

QR_PIXELS = 360  # on a 1920-pixel projector: about 12 cm on a 3 m screen


def join_link(code: str) -> str:
    """The students' link: this server's address with ``/?class=CODE`` (never the key)."""
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    return f"{parts.scheme}://{parts.netloc}/?class={code}"


def qr_png(text: str) -> bytes:
    """A QR code of ``text`` as PNG bytes (medium error correction, a 4-module quiet zone)."""
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=12, border=4)
    return out.getvalue()


def start_button() -> None:
    """**Start a class**: a new code and teacher key for this session."""
    if st.button(t("board_start"), key="board_start", type="primary"):
        try:
            started = db.call(store.start_class, time.time())
        except db.Offline:
            st.error(t("board_offline"))
            return
        st.session_state[TEACHER] = (started.code, started.key)
        st.rerun()


def header(code: str) -> None:
    """The code, the join link and its QR code."""
    link = join_link(code)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.caption(t("board_code"))
        with st.container(key="class_code"):
            st.markdown(f"<div class='dnn-class-code'>{code}</div>", unsafe_allow_html=True)
        st.caption(t("board_join_at"))
        st.markdown(f"`{link}`")  # inline code: no syntax highlighter to load (st.code's)
        st.caption(t("board_started_note"))
    with right:
        st.image(qr_png(link), width=QR_PIXELS, caption=t("board_qr_alt"), alt=t("board_qr_alt"))
    st.html(
        "<style>.dnn-class-code{font-size:4.5rem;font-weight:700;letter-spacing:.4rem;"
        "font-family:ui-monospace,monospace;line-height:1.1}</style>"
    )


def end_box(code: str, key: str) -> None:
    """End class: everything of it deleted, after a confirmation."""
    with st.expander(t("board_end")):
        sure = st.checkbox(t("board_end_confirm"), key="board_end_sure")
        if st.button(t("board_end"), key="board_end", disabled=not sure):
            try:
                db.call(store.end_class, code, key, time.time())
            except (db.Offline, store.BoardError) as exc:
                st.error(t(exc.key) if isinstance(exc, store.BoardError) else t("board_offline"))
                return
            st.session_state[TEACHER] = None
            st.session_state["board_ended"] = True
            st.rerun()


def page(shared) -> None:
    """The whole page."""
    st.title(t("board_title"), anchor=False)
    if st.session_state.pop("board_ended", False):
        st.success(t("board_ended"))
    teacher = st.session_state.get(TEACHER)
    if teacher is None:
        st.markdown(t("board_intro"))
        st.caption(t("board_presenter_hint"))
        start_button()
        return
    code, key = teacher
    try:
        ok = db.call(store.is_teacher, code, key, time.time())
    except db.Offline:
        ok = True  # the board says it is offline; the teacher keeps the page
    if not ok:
        st.session_state[TEACHER] = None
        st.warning(t("board_not_teacher_page"))
        start_button()
        return
    header(code)
    live.lesson_rows(shared)  # the lesson's runs, trained once per server before the board runs
    live.board(code, key, shared)
    asker.ask_box(code, key, shared)
    end_box(code, key)
