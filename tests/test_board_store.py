"""The class board's database on a real SQLite file and a real PostgreSQL server.

Every test runs on both (``board_url``: a fresh SQLite file, then a fresh database on the
PostgreSQL server tests/pg_server.py starts; without PostgreSQL those skip with a reason, in CI
they fail). Times are passed in (``NOW``): no test reads a clock.
"""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
import sqlalchemy as sa

from ui.board import asking, halves, schema, store
from ui.board.store import BoardError

NOW = 1_800_000_000.0
ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


@pytest.fixture
def engine(board_url):
    engine = store.make_engine(board_url)
    yield engine
    engine.dispose()


def run(k=0, **changes):
    from tests.board_workers import sample_run

    return {**sample_run(k), **changes}


def counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar()
            for t in schema.PER_CLASS
        }


def test_a_class_has_a_short_code_and_a_teacher_key_only_its_teacher_holds(engine):
    started = store.start_class(engine, NOW)
    assert store.code_of(started.code) == started.code and len(started.code) == 6
    assert set(started.code) <= set(store.ALPHABET)
    assert store.is_teacher(engine, started.code, started.key, NOW)
    assert not store.is_teacher(engine, started.code, started.key[:-1] + "x", NOW)
    assert not store.is_teacher(engine, started.code, None, NOW)
    with engine.connect() as conn:  # the key itself is never stored
        stored = conn.execute(sa.select(schema.classes.c.teacher_hash)).scalar()
    assert started.key not in stored and stored == store.hashed(started.key)
    with pytest.raises(BoardError, match="board_not_teacher"):
        store.set_flag(engine, started.code, "guess", NOW, revealed=True)


def test_codes_are_read_as_typed():
    assert store.code_of(" ab-c d23 ") == "ABCD23"
    assert store.code_of("ABC0O1") is None  # 0, O, 1 are not in the alphabet
    assert store.code_of("ABCDEFG") is None and store.code_of(None) is None


def test_nicknames_are_1_to_24_visible_characters_unique_in_the_class(engine):
    code = store.start_class(engine, NOW).code
    store.join(engine, code, "Ada", NOW)
    with pytest.raises(BoardError, match="board_name_taken"):
        store.join(engine, code, " ADA ", NOW)  # case and spaces do not make another name
    with pytest.raises(BoardError, match="board_name_empty"):
        store.join(engine, code, "\u200b\n ", NOW)
    with pytest.raises(BoardError, match="board_name_long"):
        store.join(engine, code, "x" * 25, NOW)
    store.join(engine, code, "x" * 24, NOW)
    with pytest.raises(BoardError, match="board_no_class"):
        store.join(engine, "ABCDEF" if code != "ABCDEF" else "ABCDEG", "Bob", NOW)
    other = store.start_class(engine, NOW).code
    store.join(engine, other, "Ada", NOW)  # unique per class only
    assert sorted(store.members(engine, code).values()) == ["Ada", "x" * 24]


def test_a_post_is_made_once_whatever_the_retries_and_only_by_its_member(engine):
    code = store.start_class(engine, NOW).code
    ada, secret = store.join(engine, code, "Ada", NOW)
    assert store.post_run(engine, code, secret, run(1), "key-1", NOW)
    assert not store.post_run(engine, code, secret, run(1), "key-1", NOW + 1)  # a retry
    assert store.post_run(engine, code, secret, run(2, grid_cell=True), "key-2", NOW)
    with pytest.raises(BoardError, match="board_not_member"):
        store.post_run(engine, code, "forged-secret", run(3), "key-3", NOW)
    rows = store.class_runs(engine, code)
    assert [(r["nickname"], r["member"], r["grid_cell"]) for r in rows] == [
        ("Ada", ada, False),
        ("Ada", ada, True),
    ]
    first = rows[0]
    assert (first["test_acc"], first["public_acc"], first["private_acc"]) == (0.721, 0.76, 0.68)
    assert first["hidden_layers"] == "20-7-5" and first["iterations"] == 2500


def test_the_teacher_hides_an_entry_reveals_and_ends_the_class(engine):
    started = store.start_class(engine, NOW)
    code, key = started.code, started.key
    _, secret = store.join(engine, code, "Ada", NOW)
    store.post_run(engine, code, secret, run(1), "k1", NOW)
    rid = store.class_runs(engine, code)[0]["id"]
    store.hide_run(engine, code, key, rid, True, NOW)
    assert store.class_runs(engine, code)[0]["hidden"] is True
    store.set_flag(engine, code, key, NOW, revealed=True)
    assert store.class_row(engine, code, NOW).revealed
    qid = asking.ask(engine, code, key, {"kind": "own", "spec": {"choices": ["a", "b"]}}, "q", NOW)
    asking.answer(engine, code, secret, qid, 1, "a1", NOW)
    keep = store.start_class(engine, NOW)  # another class stays
    store.join(engine, keep.code, "Bob", NOW)
    with pytest.raises(BoardError):
        store.end_class(engine, code, "not-the-key", NOW)
    store.end_class(engine, code, key, NOW)
    assert counts(engine) == {
        "board_browsers": 0, "board_answers": 0, "board_questions": 0, "board_runs": 0,
        "board_members": 1, "board_classes": 1,
    }  # fmt: skip
    assert store.class_row(engine, code, NOW) is None


def test_a_class_untouched_for_a_day_is_deleted_by_itself(engine):
    old = store.start_class(engine, NOW)
    _, secret = store.join(engine, old.code, "Ada", NOW)
    store.post_run(engine, old.code, secret, run(), "k", NOW + 3600)  # activity: an hour later
    assert store.class_row(engine, old.code, NOW + 3600 + store.DAY) is not None
    assert store.class_row(engine, old.code, NOW + 3601 + store.DAY) is None  # expired: gone
    store.start_class(engine, NOW + 3601 + store.DAY)  # starting a class purges
    assert counts(engine)["board_runs"] == 0 and counts(engine)["board_members"] == 0
    assert counts(engine)["board_classes"] == 1


def test_questions_one_answer_per_member_the_last_counts(engine):
    started = store.start_class(engine, NOW)
    code, key = started.code, started.key
    secrets_ = [store.join(engine, code, f"s{k}", NOW)[1] for k in range(3)]
    q = {"kind": "own", "spec": {"text": "?", "choices": ["a", "b", "c"]}, "correct": 2}
    qid = asking.ask(engine, code, key, q, "ask-1", NOW)
    assert asking.ask(engine, code, key, q, "ask-1", NOW) == qid  # a retry asks nothing new
    asking.answer(engine, code, secrets_[0], qid, 0, "a", NOW)
    asking.answer(engine, code, secrets_[0], qid, 2, "b", NOW)  # changed their mind
    asking.answer(engine, code, secrets_[1], qid, 2, "c", NOW)
    with pytest.raises(BoardError, match="board_no_question"):
        asking.answer(engine, code, secrets_[2], qid, 3, "d", NOW)
    assert asking.tally(engine, qid, 3) == [0, 0, 2]
    now = asking.current(engine, code, NOW)
    assert (now["id"], now["correct"], now["shown"]) == (qid, 2, False)
    store.set_flag(engine, code, key, NOW, answer_shown=True)
    assert asking.current(engine, code, NOW)["shown"] is True
    assert asking.my_answer(engine, code, secrets_[0], qid) == 2
    assert [(a["nickname"], a["choice"]) for a in asking.all_answers(engine, code)] == [
        ("s0", 2),
        ("s1", 2),
    ]


def test_the_schema_is_versioned_and_a_newer_one_refused(board_url):
    engine = store.make_engine(board_url)
    store.make_engine(board_url).dispose()  # a second process starting: nothing changes
    with engine.connect() as conn:
        assert conn.execute(sa.select(schema.meta.c.value)).scalars().all() == ["2"]
    with engine.begin() as conn:
        conn.execute(schema.meta.update().values(value=str(schema.VERSION + 1)))
    with pytest.raises(schema.SchemaError):
        schema.create(engine)
    engine.dispose()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    engine = store.make_engine(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == store.BUSY_SECONDS * 1000
    engine.dispose()


def test_thirty_sessions_in_two_processes_post_at_once_nothing_lost_nothing_twice(board_url):
    engine = store.make_engine(board_url)
    started = store.start_class(engine, NOW)
    code = started.code
    q = {"kind": "own", "spec": {"choices": ["a", "b", "c", "d"]}, "correct": 0}
    qid = asking.ask(engine, code, started.key, q, "q", NOW)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.board_workers", board_url, code, str(first), "15"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for first in (0, 15)
    ]
    reports = [json.loads(p.communicate(timeout=300)[0].strip().splitlines()[-1]) for p in procs]
    assert [r["errors"] for r in reports] == [[], []]
    rows = store.class_runs(engine, code)
    assert sorted(r["nickname"] for r in rows) == sorted(f"s{k}" for k in range(30))
    assert len({r["id"] for r in rows}) == 30
    assert asking.tally(engine, qid, 4) == [8, 8, 7, 7]  # k % 4 for k in 0..29
    engine.dispose()


def test_the_public_half_is_fixed_and_chosen_by_its_documented_rule():
    assert halves.PUBLIC == halves.public_indices()
    assert len(halves.PUBLIC) == 25 and len(halves.private_indices()) == 25
    right = np.zeros(50, dtype=bool)
    right[list(halves.PUBLIC)] = True
    assert halves.split(right) == (1.0, 0.0)
    assert halves.split(np.ones((1, 50))) == (1.0, 1.0)
    with pytest.raises(ValueError):
        halves.split(np.ones(49))
