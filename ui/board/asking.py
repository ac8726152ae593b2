"""Questions and answers in the board's database (no Streamlit here; see :mod:`ui.board.store`).

The teacher asks one question at a time (the class row names it); each member has at most one
answer per question, the last one counts; every post carries an idempotency key.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ui.board import schema as S
from ui.board.store import BoardError, _teacher, class_row, member_id, touch, upsert, writing


def ask(engine, code: str, key: str, question: dict, post_key: str, now: float) -> int:
    """Ask ``question`` ({kind, spec, correct}) now (teacher only); its id.

    The same ``post_key`` asks nothing new: the question it asked is asked again.
    """
    _teacher(engine, code, key, now)
    spec = json.dumps(question["spec"], ensure_ascii=False, sort_keys=True)
    with writing(engine) as conn:
        stmt = upsert(engine, S.questions).values(
            code=code,
            post_key=post_key,
            asked=now,
            kind=question["kind"],
            spec=spec,
            correct=question.get("correct"),
        )
        conn.execute(stmt.on_conflict_do_nothing(index_elements=["code", "post_key"]))
        qid = conn.execute(
            sa.select(S.questions.c.id).where(
                S.questions.c.code == code, S.questions.c.post_key == post_key
            )
        ).scalar_one()
        conn.execute(
            S.classes.update()
            .where(S.classes.c.code == code)
            .values(question=qid, answer_shown=False, active=now)
        )
    return qid


def current(engine, code: str, now: float) -> dict | None:
    """The question asked now: {id, kind, spec, correct, shown}, or None."""
    row = class_row(engine, code, now)
    if row is None or row.question is None:
        return None
    with engine.connect() as conn:
        q = conn.execute(sa.select(S.questions).where(S.questions.c.id == row.question)).first()
    if q is None:
        return None
    spec = json.loads(q.spec)
    return {
        "id": q.id,
        "kind": q.kind,
        "spec": spec,
        "correct": q.correct,
        "shown": row.answer_shown,
    }


def answer(engine, code: str, secret: str, qid: int, choice: int, post_key: str, now) -> None:
    """Answer question ``qid`` as the member ``secret`` names (again: the answer changes)."""
    who = member_id(engine, code, secret)
    if who is None or class_row(engine, code, now) is None:
        raise BoardError("board_not_member", code=code)
    with writing(engine) as conn:
        q = conn.execute(
            sa.select(S.questions.c.spec).where(
                S.questions.c.id == int(qid), S.questions.c.code == code
            )
        ).scalar()
        if q is None or not 0 <= int(choice) < len(json.loads(q)["choices"]):
            raise BoardError("board_no_question")
        values = dict(code=code, question=int(qid), member=who, choice=int(choice))
        stmt = upsert(engine, S.answers).values(**values, post_key=post_key, posted=now)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["question", "member"],
                set_={"choice": int(choice), "post_key": post_key, "posted": now},
            )
        )
        touch(conn, code, now)


def tally(engine, qid: int, n_choices: int) -> list[int]:
    """How many members chose each choice of question ``qid``."""
    counts = [0] * n_choices
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(S.answers.c.choice, sa.func.count())
            .where(S.answers.c.question == int(qid))
            .group_by(S.answers.c.choice)
        )
        for choice, n in rows:
            if 0 <= choice < n_choices:
                counts[choice] = n
    return counts


def my_answer(engine, code: str, secret: str, qid: int) -> int | None:
    """The choice this member gave to question ``qid``, if any."""
    who = member_id(engine, code, secret)
    with engine.connect() as conn:
        return conn.execute(
            sa.select(S.answers.c.choice).where(
                S.answers.c.question == int(qid), S.answers.c.member == who
            )
        ).scalar()


def all_answers(engine, code: str) -> list[dict]:
    """Every answer of the class with its question and nickname (for the CSV)."""
    query = (
        sa.select(
            S.questions.c.id.label("question"),
            S.questions.c.kind,
            S.questions.c.spec,
            S.questions.c.correct,
            S.members.c.nickname,
            S.answers.c.choice,
        )
        .join(S.questions, S.questions.c.id == S.answers.c.question)
        .join(S.members, S.members.c.id == S.answers.c.member)
        .where(S.answers.c.code == code)
        .order_by(S.questions.c.id, S.answers.c.id)
    )
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]
