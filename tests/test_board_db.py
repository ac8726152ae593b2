"""The board's database settings: where it is, what an outage looks like, the rate limits."""

from __future__ import annotations

import pytest

from bench.streamlit_server import free_port
from deploy import classroom
from ui.board import db, sharing, store


def test_the_default_is_a_sqlite_file_beside_the_app_and_the_env_var_wins(monkeypatch, tmp_path):
    monkeypatch.delenv(db.URL_ENV, raising=False)
    monkeypatch.setenv(db.DIR_ENV, str(tmp_path / "b"))
    assert db.url() == f"sqlite:///{tmp_path / 'b' / 'classes.sqlite3'}"
    assert (tmp_path / "b").is_dir()
    monkeypatch.setenv(db.URL_ENV, "postgresql+psycopg://u@h/d")
    assert db.url() == "postgresql+psycopg://u@h/d"


def test_an_unreachable_database_is_offline_not_a_crash(monkeypatch, tmp_path):
    monkeypatch.setenv(db.URL_ENV, f"postgresql+psycopg://u@127.0.0.1:{free_port()}/d")
    with pytest.raises(db.Offline):
        db.call(store.class_row, "ABCDEF", 0.0)
    assert db.offline_lately(60.0)  # a new session does not look its browser up now
    assert not db.offline_lately(0.0)
    monkeypatch.setenv(db.URL_ENV, f"sqlite:///{tmp_path / 'b.sqlite3'}")
    assert db.call(store.class_row, "ABCDEF", 0.0) is None
    assert not db.offline_lately(60.0)  # back: the next session looks it up


def test_the_classroom_passes_its_board_database_to_every_replica():
    args = classroom.parse_args(["--board-db", "postgresql+psycopg://u@h/d", "--replicas", "1"])
    assert args.board_db == "postgresql+psycopg://u@h/d"
    room = classroom.Classroom(free_port(), replicas=1, bind="127.0.0.1", board_db=args.board_db)
    try:
        assert room.env == {"DNN_BOARD_DB": "postgresql+psycopg://u@h/d"}
    finally:
        room.stop()
    assert classroom.parse_args([]).board_db is None


def test_a_session_posts_at_most_its_burst_then_its_rate():
    bucket = sharing.Bucket(burst=3, rate=1.0, tokens=3, stamp=0.0)
    assert [bucket.take(0.0) for _ in range(4)] == [True, True, True, False]
    assert bucket.take(0.5) is False and bucket.take(1.0) is True  # one a second after that
    assert [bucket.take(100.0) for _ in range(4)] == [True, True, True, False]  # never above
