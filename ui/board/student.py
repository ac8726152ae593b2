"""The students' class box in the sidebar, on every page: join, share, answer.

Not joined: a code (filled in from a ``?class=CODE`` link) and a nickname. Joined: the class
and nickname, the "share my runs" switch with what it means now, the runs still waiting when
the database is down, and the teacher's question with a button per choice (``answer_<i>``).
The question part is a fragment that runs again every :data:`EVERY` seconds by itself (it
also posts waiting runs), so a question appears without a reload and nothing else redraws.
On a narrow screen (a phone, where the sidebar starts folded) the question and its buttons
(``answer_main_<i>``) are also at the top of the page; both sets of buttons record the answer
through :func:`send`.
"""

from __future__ import annotations

import time
import uuid

import streamlit as st

from ui.board import asking, db, sharing, store, wording
from ui.core import kept, session
from ui.core.i18n import t
from ui.core.text import plain

EVERY = 2.0  # seconds between the class box's own reruns
PREFILL = session.register("board_prefill", "")  # the code a ?class= link brought
ANSWERED = session.register("board_answered", dict)  # question id → (choice, post key)
ANSWER_LIMIT = session.register("board_answer_bucket", None)
TOLD = session.register("board_told", set)  # questions this session was told of
PHONE_BOX = "board_phone_question"  # the main area's copy of the question (narrow screens)


def error_text(exc: Exception) -> str:
    """A refusal or an outage in the visitor's language."""
    if isinstance(exc, store.BoardError):
        return t(exc.key, **exc.values)
    return t("board_offline_short")


def join_form() -> None:
    """Code, nickname and Join (keys ``join_code``, ``join_name``, ``join_button``)."""
    with st.expander(t("join_title"), expanded=bool(st.session_state.get(PREFILL))):
        kept.keep("join_code", st.session_state.get(PREFILL) or "")  # a link's code, filled in
        kept.keep("join_name", "")
        typed = st.text_input(t("join_code"), key="join_code", max_chars=12)
        name = st.text_input(t("join_name"), key="join_name", max_chars=64)
        kept.mirror("join_code")
        kept.mirror("join_name")
        if st.button(t("join_button"), key="join_button"):
            code = store.code_of(typed)
            if code is None:
                st.error(t("board_bad_code"))
                return
            try:
                sharing.join(code, name)
            except (store.BoardError, db.Offline) as exc:
                st.error(error_text(exc))
                return
            st.rerun()


def status() -> None:
    """The class, the sharing switch and what it means now, the waiting runs."""
    code, name, _ = sharing.member()
    st.markdown(t("join_joined", code=code, name=plain(name)))
    kept.keep(sharing.SHARE, True)
    st.toggle(t("board_share"), key=sharing.SHARE)
    kept.mirror(sharing.SHARE)
    st.caption(t("board_shared", code=code) if sharing.sharing() else t("board_not_shared"))
    if st.button(t("join_leave"), key="join_leave"):
        try:
            sharing.leave()
        except db.Offline:  # left here, the browser would be back in the class next time
            st.error(t("board_offline_short"))
            return
        st.session_state[PREFILL] = ""  # the join form goes back to the sidebar
        st.rerun()


@st.fragment(run_every=EVERY)
def live_part() -> None:
    """Post what waits, then the teacher's question (redrawn every EVERY seconds)."""
    if sharing.member() is None:
        return
    sharing.flush()
    n = sharing.waiting()
    if n:
        st.warning(t("board_waiting", n=n))
    try:
        question = asked()
    except db.Offline:
        st.caption(t("board_offline_short"))
        return
    if question is None:
        return
    told = st.session_state[TOLD]
    if question["id"] not in told and question["id"] not in st.session_state[ANSWERED]:
        told.add(question["id"])  # once: a toast shows on a phone too, where the sidebar is folded
        st.toast(t("board_question_toast"), icon="❓")
    question_box(question, "")


@st.fragment(run_every=EVERY)
def phone_part() -> None:
    """The question again, at the top of the page: shown by CSS on narrow screens only.

    On a phone the sidebar starts folded; a student answers here (``answer_main_<i>``).
    """
    if sharing.member() is None:
        return
    try:
        question = asked()
    except db.Offline:  # the sidebar says so
        return
    if question is not None:
        question_box(question, "main_")


def asked():
    """The question asked now in this session's class, or None (db.Offline: unknown)."""
    return db.call(asking.current, sharing.member()[0], time.time())


def question_box(question: dict, where: str) -> None:
    """The question, a button per choice (keys ``answer_<where><i>``) and this student's answer."""
    code, _, secret = sharing.member()
    box = "board_student_question_main" if where else "board_student_question"
    with st.container(border=True, key=box):
        st.markdown(f"**{t('board_question_title')}**")
        st.markdown(wording.prompt(question))
        answered = st.session_state[ANSWERED].get(question["id"])
        for i, text in enumerate(wording.choices(question)):
            if st.button(text, key=f"answer_{where}{i}", width="stretch"):
                answered = send(code, secret, question["id"], i)
        if answered is not None:
            mine = wording.choice_md(question, answered[0])
            st.caption(t("board_your_answer", answer=mine))
            right = question.get("correct")
            if question["shown"] and right is not None:
                ok = answered[0] == right
                st.markdown(
                    t("board_right")
                    if ok
                    else t("board_wrong", answer=wording.choice_md(question, right))
                )


def send(code: str, secret: str, qid: int, choice: int):
    """Post an answer (a retry of the same click reuses its key); what the session keeps."""
    limit = st.session_state.get(ANSWER_LIMIT)
    if limit is None:
        limit = st.session_state[ANSWER_LIMIT] = sharing.Bucket(5, 1.0, 5, time.monotonic())
    if not limit.take(time.monotonic()):
        st.warning(t("board_slow_down"))
        return st.session_state[ANSWERED].get(qid)
    key = uuid.uuid4().hex
    try:
        db.call(asking.answer, code, secret, qid, choice, key, time.time())
    except (store.BoardError, db.Offline) as exc:
        st.warning(error_text(exc))
        return st.session_state[ANSWERED].get(qid)
    st.session_state[ANSWERED][qid] = (choice, key)
    return choice, key


def sidebar() -> None:
    """The class box in the sidebar (every page).

    Opened from a join link (a QR code, usually on a phone, where the sidebar starts folded),
    the join form is at the top of the page instead, until the student has joined.
    """
    if sharing.member() is None and st.session_state.get(PREFILL):
        with st.container(border=True, key="board_join_box"):
            join_form()
        return
    with st.sidebar:
        if sharing.member() is None:
            join_form()
        else:
            with st.container(key="board_class_box"):
                status()
                live_part()
    if sharing.member() is not None:
        with st.container(key=PHONE_BOX):  # ui/shell/style.py shows it below Streamlit's md
            phone_part()
