"""A student's membership kept for their browser, in the database (ui/board/browsers.py).

On a real SQLite file and a real PostgreSQL server (``board_url``). A "new session" is a new
engine on the same database with the same visitor token: what a restarted server or another
replica has. Times are passed in (``NOW``): no test reads a clock.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.test_board_store import NOW, counts, run
from ui.board import browsers, schema, store
from ui.core import visitor


@pytest.fixture
def engine(board_url):
    engine = store.make_engine(board_url)
    yield engine
    engine.dispose()


def stored_text(engine) -> str:
    """Every value of every table, as one string."""
    with engine.connect() as conn:
        rows = [conn.execute(sa.select(t)).all() for t in schema.metadata.sorted_tables]
    return repr(rows)


def test_a_new_session_of_the_browser_on_another_server_is_the_same_member(engine, board_url):
    code = store.start_class(engine, NOW).code
    token, other = visitor.new_token(), visitor.new_token()
    ada, secret = browsers.join(engine, code, "Ada", token, NOW)
    assert store.post_run(engine, code, secret, run(1), "k1", NOW)
    elsewhere = store.make_engine(board_url)  # a restarted server, another replica
    try:
        assert browsers.find(elsewhere, token, NOW + 60) == (code, "Ada", secret)
        assert browsers.find(elsewhere, other, NOW + 60) is None  # another browser: nothing
        assert browsers.find(elsewhere, None, NOW + 60) is None
        assert store.post_run(elsewhere, code, secret, run(2), "k2", NOW + 60)  # its secret
        assert not store.post_run(elsewhere, code, secret, run(1), "k1", NOW + 60)  # once
    finally:
        elsewhere.dispose()
    runs = store.class_runs(engine, code)
    assert [(r["nickname"], r["member"]) for r in runs] == [("Ada", ada), ("Ada", ada)]
    kept = stored_text(engine)  # neither the token nor the secret is stored; their hashes are
    assert token not in kept and secret not in kept
    assert browsers.browser_hash(token) in kept and store.hashed(secret) in kept


def test_a_browser_is_in_the_class_it_joined_last_and_forgotten_when_it_leaves(engine):
    first, second = store.start_class(engine, NOW).code, store.start_class(engine, NOW).code
    token = visitor.new_token()
    browsers.join(engine, first, "Ada", token, NOW)
    _, secret = browsers.join(engine, second, "Ada L.", token, NOW)
    assert browsers.find(engine, token, NOW) == (second, "Ada L.", secret)
    assert counts(engine)["board_browsers"] == 1
    browsers.forget(engine, token)
    assert browsers.find(engine, token, NOW) is None
    assert counts(engine)["board_members"] == 2  # the nicknames (and their runs) stay
    _, again = browsers.join(engine, second, "Ada again", token, NOW)  # may join once more
    assert again != secret and browsers.find(engine, token, NOW) == (second, "Ada again", again)


def test_a_session_without_a_token_joins_as_before_and_is_not_kept(engine):
    code = store.start_class(engine, NOW).code
    _, secret = browsers.join(engine, code, "Ada", None, NOW)
    assert store.member_id(engine, code, secret) is not None
    assert counts(engine)["board_browsers"] == 0


def test_ending_a_class_or_its_expiry_deletes_its_browsers(engine):
    ended, expiring = store.start_class(engine, NOW), store.start_class(engine, NOW)
    ada, bob = visitor.new_token(), visitor.new_token()
    browsers.join(engine, ended.code, "Ada", ada, NOW)
    browsers.join(engine, expiring.code, "Bob", bob, NOW)
    store.end_class(engine, ended.code, ended.key, NOW)
    assert browsers.find(engine, ada, NOW) is None and counts(engine)["board_browsers"] == 1
    later = NOW + store.DAY + 1
    assert browsers.find(engine, bob, later) is None  # expired: not found even before its purge
    store.purge(engine, later)
    assert counts(engine)["board_browsers"] == 0 and counts(engine)["board_classes"] == 0


def test_a_version_1_database_is_migrated_keeping_its_classes(board_url):
    engine = sa.create_engine(board_url, **store.options(board_url))
    for table in schema.metadata.sorted_tables:  # the tables of version 1: all but browsers
        if table is not schema.browsers:
            table.create(engine)
    with engine.begin() as conn:
        conn.execute(schema.meta.insert().values(key="version", value="1"))
    started = store.start_class(engine, NOW)  # a class of the old version
    _, old_secret = store.join(engine, started.code, "Ada", NOW)
    assert not sa.inspect(engine).has_table("board_browsers")
    engine.dispose()
    engine = store.make_engine(board_url)  # the new app starts: migrates
    store.make_engine(board_url).dispose()  # another process starting after it: nothing changes
    try:
        assert sa.inspect(engine).has_table("board_browsers")
        with engine.connect() as conn:
            assert conn.execute(sa.select(schema.meta.c.value)).scalars().all() == ["2"]
        assert store.member_id(engine, started.code, old_secret) is not None
        token = visitor.new_token()
        _, secret = browsers.join(engine, started.code, "Bob", token, NOW)
        assert browsers.find(engine, token, NOW) == (started.code, "Bob", secret)
    finally:
        engine.dispose()
