"""Two open tabs of one browser: a class joined or left in one is seen by the other on its next run.

Real sessions of the app (AppTest) in one server process, as two tabs of one browser are behind
HAProxy (its cookie keeps a browser on one replica), on a SQLite file and a real PostgreSQL
server (the ``db`` fixture of tests/test_board_page.py).
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import APP, texts
from tests.test_board_page import class_of, db, teacher
from ui.core import visitor

__all__ = ["db"]


def tab(token: str) -> AppTest:
    """A tab of the browser whose visitor token is ``token``, open on the training page."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["visitor_token"] = token  # what the browser's cookie brings
    at.run()
    at.switch_page("pages/training.py").run()
    assert not at.exception, at.exception
    return at


def test_an_open_tab_finds_the_class_another_tab_joined_and_left_on_its_next_run(db):
    code = class_of(teacher())[0]
    token = visitor.new_token()
    first, second = tab(token), tab(token)  # both open before joining: neither is a member
    assert "join_name" in [w.key for w in second.text_input]
    first.text_input(key="join_code").set_value(code).run()
    first.text_input(key="join_name").set_value("Ada").run()
    first.button(key="join_button").click().run()
    assert first.session_state["board_member"][:2] == (code, "Ada")

    second.run()  # its next run (any click), no reload
    assert not second.exception, second.exception
    assert second.session_state["board_member"] == first.session_state["board_member"]
    assert f"In class **{code}** as **Ada**." in texts(second)
    assert "join_name" not in [w.key for w in second.text_input]
    other = tab(visitor.new_token())  # another browser's tab: not a member
    assert other.session_state["board_member"] is None

    second.button(key="join_leave").click().run()  # left in the second tab
    first.run()
    assert first.session_state["board_member"] is None
    assert "join_name" in [w.key for w in first.text_input]
