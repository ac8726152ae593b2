"""A student's membership found again by their browser: after a reload, a restart, on a replica.

Each browser holds a random visitor token in a cookie (:mod:`ui.core.visitor`, 128 bits). When
a student joins, the database keeps, beside the member, only the SHA-256 of that token (never
the token) and a random nonce; the member's secret is ``HMAC-SHA256(token, nonce)``, so it is
stored nowhere and only that browser can compute it again. A new session of the browser, on any
server or replica sharing the database, looks its hash up (:func:`find`), computes the secret
and checks it against the member's stored hash: the same nickname, the same secret, its posts
authenticated as before. A browser is a member of one class at a time (its last join);
:func:`forget` (the student left) deletes its row; ending a class or its expiry deletes them
with the class.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

import sqlalchemy as sa

from ui.board import schema as S
from ui.board import store

DOMAIN = b"dnn-board-browser:"  # the hash of a token is of no use anywhere else


def browser_hash(token: str) -> str:
    """The SHA-256 (hex) of a browser's visitor token, as stored."""
    return hashlib.sha256(DOMAIN + token.encode()).hexdigest()


def secret_of(token: str, nonce: str) -> str:
    """The member's secret: ``HMAC-SHA256(token, nonce)``, URL-safe."""
    digest = hmac.new(token.encode(), nonce.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def join(engine: sa.Engine, code: str, nickname: str, token: str | None, now: float):
    """Join as :func:`ui.board.store.join` does, kept for the browser ``token`` when there is one.

    Returns (member id, secret).
    """
    if token is None:
        return store.join(engine, code, nickname, now)
    nonce = secrets.token_urlsafe(16)
    kept = (browser_hash(token), secret_of(token, nonce), nonce)
    return store.join(engine, code, nickname, now, browser=kept)


def find(engine: sa.Engine, token: str | None, now: float) -> tuple[str, str, str] | None:
    """(code, nickname, secret) of the live class the browser ``token`` joined last, or None."""
    if not token:
        return None
    b, m, c = S.browsers, S.members, S.classes
    query = (
        sa.select(b.c.code, b.c.nonce, m.c.nickname, m.c.secret_hash, c.c.active, c.c.ttl)
        .join(m, m.c.id == b.c.member)
        .join(c, c.c.code == b.c.code)
        .where(b.c.browser_hash == browser_hash(token))
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None or row.active + row.ttl < now:
        return None
    secret = secret_of(token, row.nonce)
    if not store.same_secret(secret, row.secret_hash):  # not this browser's: never in practice
        return None
    return row.code, row.nickname, secret


def forget(engine: sa.Engine, token: str | None) -> None:
    """The browser ``token`` left its class: a new session of it starts outside any class."""
    if token:
        with store.writing(engine) as conn:
            conn.execute(
                S.browsers.delete().where(S.browsers.c.browser_hash == browser_hash(token))
            )
