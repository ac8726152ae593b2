"""The class board through Streamlit's AppTest: a teacher and students, on SQLite and PostgreSQL.

Each test points the app at a fresh database (``DNN_BOARD_DB``, the ``board_url`` fixture: a
SQLite file, then a database on a real PostgreSQL server) and drives real sessions of the app.
"""

from __future__ import annotations

import csv
import io

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import APP, plotly_specs, texts
from ui.board import asking, store, tables
from ui.board.db import URL_ENV
from ui.core.figures.describe import META


@pytest.fixture
def db(board_url, monkeypatch):
    monkeypatch.setenv(URL_ENV, board_url)
    monkeypatch.setattr("ui.board.db._offline_at", None)  # no outage of an earlier test
    engine = store.make_engine(board_url)
    yield engine
    engine.dispose()


def teacher() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/board.py").run()
    assert not at.exception, at.exception
    at.button(key="board_start").click().run()
    assert not at.exception, at.exception
    return at


def student(code: str, name: str, page: str = "pages/training.py") -> AppTest:
    """A student who opened the join link ``/?class=CODE`` and joined as ``name``."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["class"] = code
    at.run()
    at.switch_page(page).run()
    assert at.text_input(key="join_code").value == code  # filled in from the link
    at.text_input(key="join_name").set_value(name).run()
    at.button(key="join_button").click().run()
    assert not at.exception, at.exception
    return at


def class_of(at: AppTest) -> tuple[str, str]:
    return at.session_state["board_teacher"]


def test_a_teacher_starts_a_class_its_code_link_and_qr_never_carry_the_key(db):
    at = teacher()
    code, key = class_of(at)
    assert code in texts(at)  # the code, shown large in the container keyed class_code
    assert at.query_params["class"] == code and at.query_params["teacher"] == key
    (link,) = [m.value.strip("`") for m in at.markdown if "?class=" in m.value]
    assert link.endswith(f"/?class={code}") and key not in link
    assert [c for e in at.get("image") for c in e.captions] == ["QR code of the join link"]
    assert store.is_teacher(db, code, key, __import__("time").time())


def test_runs_reach_the_board_and_the_reveal_shows_the_private_half(db, data):
    at = teacher()
    code, key = class_of(at)
    ada = student(code, "Ada")
    ada.button(key="train_button").click().run()  # the lesson's 4-layer run
    assert not ada.exception, ada.exception
    assert f"shared with class {code}" in texts(ada)
    at.run()
    assert "1 run from 1 student" in texts(at) and "1 runs" not in texts(at)  # singular
    bob = student(code, "Bob")
    bob.selectbox(key="preset").set_value("lesson2").run()
    bob.button(key="train_button").click().run()
    rows = store.class_runs(db, code)
    assert sorted(r["nickname"] for r in rows) == ["Ada", "Bob"]
    at.run()
    assert "2 runs from 2 students" in texts(at)
    ranking = at.dataframe[0].value
    assert sorted(ranking.iloc[:, 1]) == ["Ada", "Bob"]
    assert "private half" not in " ".join(ranking.columns)
    scatter = next(s for s in plotly_specs(at) if s["data"] and s["data"][0]["type"] == "scatter")
    stars = [t for t in scatter["data"] if t.get("marker", {}).get("symbol") == "star"]
    assert stars and {"lesson: 2-layer", "lesson: 4-layer"} <= set(stars[0]["text"])
    words = scatter["layout"]["meta"][META]["summary"]  # what a screen reader hears
    assert words.startswith("The class's runs: 2 runs by 2 students;"), words
    at.button(key="board_reveal").click().run()
    ranking = at.dataframe[0].value
    assert {"private half", "all 50"} <= set(ranking.columns)
    mine = next(r for r in rows if r["nickname"] == "Ada")
    assert (mine["test_acc"], mine["public_acc"], mine["private_acc"]) == (0.8, 0.84, 0.76)


def test_a_question_from_the_bank_its_answers_live_then_the_right_answer(db):
    at = teacher()
    code, _ = class_of(at)
    ada = student(code, "Ada", "pages/theory.py")
    bob = student(code, "Bob", "pages/theory.py")
    at.selectbox(key="board_kind").set_value("shape").run()
    at.selectbox(key="board_quantity").set_value("dW").run()
    at.number_input(key="board_layer").set_value(2).run()
    at.button(key="board_ask").click().run()
    # the app's notation, dW[2], not a raw caret
    heading = next(m.value for m in at.markdown if m.value.startswith("## What is the shape"))
    assert "dW[2]" in heading.replace("\\", "") and "^" not in heading
    question = asking.current(db, code, __import__("time").time())
    assert question["spec"]["choices"][question["correct"]] == [7, 20]  # dW^[2] is (n2, n1)
    ada.run()
    bob.run()
    assert "Your teacher asked a question" in " ".join(x.value for x in ada.toast)
    right, wrong = question["correct"], (question["correct"] + 1) % 4
    ada.button(key=f"answer_{right}").click().run()
    at.run()
    assert "1 answer" in texts(at) and "1 answers" not in texts(at)
    bob.button(key=f"answer_main_{wrong}").click().run()  # a phone's copy: the same answer
    assert "Your answer" in texts(bob)
    bob.button(key=f"answer_main_{right}").click().run()  # changed his mind: the last counts
    bob.button(key=f"answer_{wrong}").click().run()
    at.run()
    tally = next(s for s in plotly_specs(at) if s["data"][0]["type"] == "bar")
    assert sorted(tally["data"][0]["x"]) == [0, 0, 1, 1]
    assert "2 answers" in texts(at)
    at.button(key="board_show_answer").click().run()
    assert "Right answer: **(7, 20)**" in texts(at).replace("\\", "")  # escaped: \(7, 20\)
    ada.run()
    bob.run()
    assert "✓ Right!" in texts(ada) and "The right answer: (7, 20)" in texts(bob).replace("\\", "")


def test_end_class_deletes_everything_and_a_nickname_is_taken_once(db):
    at = teacher()
    code, key = class_of(at)
    student(code, "Ada", "pages/theory.py")
    other = AppTest.from_file(APP, default_timeout=120)
    other.query_params["class"] = code
    other.run()
    other.text_input(key="join_name").set_value("ada").run()
    other.button(key="join_button").click().run()
    assert "“ada” is taken in this class" in texts(other)
    at.checkbox(key="board_end_sure").check().run()
    at.button(key="board_end").click().run()
    assert "everything of it was deleted" in texts(at)
    assert store.class_row(db, code, __import__("time").time()) is None
    assert store.members(db, code) == {}


def test_the_csv_holds_every_run_and_answer_and_no_formula():
    runs = [
        {"nickname": "=HYPERLINK(\"x\")", "grid_cell": False, "hidden_layers": "7",
         "learning_rate": 0.0075, "iterations": 2500, "l2": 0.0, "settings": "dims.12288-7-1",
         "train_acc": 1.0, "test_acc": 0.74, "public_acc": 0.8, "private_acc": 0.68,
         "final_cost": 0.02, "seconds": 0.2, "hidden": True},
    ]  # fmt: skip
    answers = [{"nickname": "+cmd", "kind": "own", "spec": "{}", "correct": None, "choice": 0}]
    text = tables.csv_text(runs, answers, lambda a: ("@q", "-1", ""))
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert '\'=HYPERLINK("x")' in cells and "'+cmd" in cells and "'@q" in cells
    assert "'-1" in cells and not any(c[:1] in "=+-@" for c in cells if c)
    assert "yes" in cells  # the hidden entry is in the file, marked


def test_a_hostile_nickname_and_question_stay_text_on_every_page_that_shows_them(db):
    from tests.test_injection import LIVE

    at = teacher()
    code, _ = class_of(at)
    nick = "[x](http://e.x)"  # 15 characters: a link if it were Markdown
    eve = student(code, nick, "pages/theory.py")
    assert not LIVE.search(next(m.value for m in eve.markdown if "In class" in m.value))
    at.selectbox(key="board_kind").set_value("own").run()
    at.text_input(key="board_own_text").set_value("# Big ![i](http://e.x/i.png) <b>x</b>").run()
    at.text_area(key="board_own_choices").set_value("[a](http://e.x)\n=1+1").run()
    at.button(key="board_ask").click().run()
    eve.run()
    at.run()
    for page in (at, eve):
        shown = [m.value for m in page.markdown if "Big" in m.value]
        assert shown and not any(LIVE.search(v.removeprefix("## ")) for v in shown)
    for where in ("answer_", "answer_main_"):  # the sidebar's buttons and a phone's
        assert [b.label for b in eve.button if b.key in (f"{where}0", f"{where}1")] == [
            "[a](http://e.x)",  # a button's label is shown as text by Streamlit
            "=1+1",
        ]


def test_the_database_stopped_mid_class_training_goes_on_runs_wait_then_post_once(
    postgres, monkeypatch, data
):
    url = postgres.new_database()
    monkeypatch.setenv(URL_ENV, url)
    engine = store.make_engine(url)
    at = teacher()
    code, _ = class_of(at)
    ada = student(code, "Ada")
    postgres.stop()
    try:
        ada.button(key="train_button").click().run()  # trains as before, the run waits
        assert not ada.exception, ada.exception
        assert ada.session_state["runs"][-1].test_accuracy == 0.8
        assert "1 run waits to be posted" in " ".join(x.value for x in ada.toast)  # said at once
        ada.run()
        assert "1 run waits to be posted" in texts(ada)  # and in the class box until posted
        at.run()
        assert "cannot be reached" in texts(at)  # the board says it is offline
        assert not at.exception, at.exception
    finally:
        postgres.start()
    ada.run()  # the class box posts what waited
    ada.run()  # and a second try posts nothing twice
    rows = store.class_runs(engine, code)
    assert [(r["nickname"], r["test_acc"]) for r in rows] == [("Ada", 0.8)]
    assert "wait to be posted" not in texts(ada)
    at.run()
    assert sorted(at.dataframe[0].value.iloc[:, 1]) == ["Ada"]
    engine.dispose()


def test_every_grid_cell_goes_to_the_class_marked_as_a_cell_and_the_bet_is_settled(db, data):
    at = teacher()
    code, _ = class_of(at)
    at.selectbox(key="board_kind").set_value("bet").run()
    at.button(key="board_ask").click().run()
    ada = student(code, "Ada")
    ada.toggle(key="grid_open").set_value(True).run()
    ada.selectbox(key="grid_y").set_value("iterations").run()
    ada.text_input(key="grid_values_iterations").set_value("10, 20, 30").run()
    ada.text_input(key="grid_values_learning_rate").set_value("0.0025, 0.005, 0.0075").run()
    ada.button(key="grid_run_button").click().run()
    assert not ada.exception, ada.exception
    rows = store.class_runs(db, code)
    assert len(rows) == 9 and all(r["grid_cell"] for r in rows)
    cells = ada.session_state["grid"].cells.values()
    assert sorted(r["test_acc"] for r in rows) == sorted(c.test_accuracy for c in cells)
    at.button(key="board_show_answer").click().run()
    best = max(rows, key=lambda r: (r["public_acc"], -r["id"]))
    assert f"The class's best grid cell: α = {best['learning_rate']:g}" in texts(at)


def test_a_new_session_of_the_same_browser_is_still_the_member_until_it_leaves(db):
    code = class_of(teacher())[0]
    ada = student(code, "Ada")
    token, (_, name, secret) = ada.session_state["visitor_token"], ada.session_state["board_member"]

    def same_browser() -> AppTest:  # a reload, a restarted server, another replica
        at = AppTest.from_file(APP, default_timeout=120)
        at.session_state["visitor_token"] = token  # what its cookie brings
        at.run()
        at.switch_page("pages/training.py").run()
        assert not at.exception, at.exception
        return at

    again = same_browser()
    assert again.session_state["board_member"] == (code, "Ada", secret) and name == "Ada"
    assert any(f"**{code}**" in m.value and "Ada" in m.value for m in again.markdown)
    assert not [w for w in again.text_input if w.key == "join_name"]  # no join form
    again.button(key="join_leave").click().run()
    assert again.session_state["board_member"] is None
    after = same_browser()
    assert after.session_state["board_member"] is None  # left: forgotten for this browser
    assert after.text_input(key="join_name").value == ""
    assert list(store.members(db, code).values()) == ["Ada"]  # the nickname stays taken
