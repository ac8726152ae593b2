"""The class board's part of a link, and its entry points for the shell.

``?class=CODE`` opens the join box with the code filled in (a student's join link and QR code);
``&teacher=KEY`` is the teacher's own address: it makes this session the class's teacher on the
board page. The key is only ever in the teacher's own address bar: the join link and QR code
never carry it, and the sidebar's "Copy link" leaves it out (:func:`shareable`).
"""

from __future__ import annotations

import re

import streamlit as st

from ui.board import sharing, store, student
from ui.core import session
from ui.core.url_state import Section

TEACHER = session.register("board_teacher", None)  # (code, teacher key) of this session's class
_KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
PRIVATE = ("teacher",)  # keys of the address that are never shared


def decode(values: dict[str, str]) -> tuple[dict, list[str]]:
    """{"class": CODE, "teacher": KEY} as far as they are valid; the refused keys."""
    read, refused = {}, []
    if "class" in values:
        code = store.code_of(values["class"])
        read["class"] = code
        if code is None:
            read.pop("class")
            refused.append("class")
    if "teacher" in values:
        if _KEY.match(values["teacher"]) and "class" in read:
            read["teacher"] = values["teacher"]
        else:
            refused.append("teacher")
    return read, refused


def encode(state: dict) -> dict[str, str]:
    """The keys of the address for what :func:`link_state` says."""
    return {k: state[k] for k in ("class", "teacher") if state.get(k)}


SECTION = Section("board", ("class", "teacher"), 64, decode, encode)


def open_from_link(read: dict) -> None:
    """A link's class: the teacher's own address, or a join link (the code filled in)."""
    if read.get("teacher"):
        st.session_state[TEACHER] = (read["class"], read["teacher"])
    elif read.get("class"):
        st.session_state[student.PREFILL] = read["class"]


def link_state() -> dict:
    """What the address says of the class now (for the teacher: the code and the key)."""
    teacher = st.session_state.get(TEACHER)
    if teacher:
        return {"class": teacher[0], "teacher": teacher[1]}
    joined = sharing.member()
    if joined:
        return {"class": joined[0]}
    prefill = st.session_state.get(student.PREFILL)
    return {"class": prefill} if prefill else {}


def shareable(query: dict[str, str]) -> dict[str, str]:
    """The query without the teacher's key (what "Copy link" may hand to anyone)."""
    return {k: v for k, v in query.items() if k not in PRIVATE}


def sidebar() -> None:
    """The students' class box (not for the class's teacher, who has the board)."""
    if st.session_state.get(TEACHER) is None:
        student.sidebar()
