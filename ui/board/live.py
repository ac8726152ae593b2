"""The live board: the class's runs, the ranking, the question's answers.

A fragment that
redraws itself every :data:`EVERY` seconds, without a reload and without redrawing the page).

Before the reveal the picture and the ranking use the public half of the test pictures; after
it, all 50 with the private half beside. When the database is unreachable the board keeps its
last picture and says it is offline.
"""

from __future__ import annotations

import json
import time

import plotly.graph_objects as go
import streamlit as st

from dnn.datasets import data_dir
from ui.board import asking, db, figures, lesson, store, tables, wording
from ui.board.figures import SETTINGS
from ui.core.figures.style import FONT, PALETTE, TEST_COLOR
from ui.core.i18n import t
from ui.core.text import label, plain
from ui.widgets import chart as described

EVERY = 1.0  # seconds between the board's redraws (a run shows within 2 s)
LAST = "board_last"  # the last rows read: shown while the database is offline
PURGE_EVERY = 60.0  # seconds between two sweeps for expired classes (per server)
_purged = [0.0]
FAILED = "board_action_failed"  # a button's action could not reach the database


def lesson_rows(shared) -> list[dict]:
    """The lesson's two runs as points of the board (trained once per server)."""
    if shared is None:
        return []
    found = lesson.runs(shared, str(data_dir()))
    out = []
    for name in ("2", "4"):
        r = found[name]
        out.append(
            {
                "lesson": t(f"board_lesson_{name}"),
                "nickname": "",
                "grid_cell": False,
                "hidden_layers": "-".join(map(str, r.settings.hidden)),
                "learning_rate": r.settings.learning_rate,
                "iterations": r.settings.iterations,
                "l2": r.settings.l2,
                "seconds": 0.0,
                "public_acc": r.public_acc,
                "private_acc": r.private_acc,
                "test_acc": r.test_acc,
            }
        )
    return out


def read(code: str) -> dict:
    """Everything the board shows, from the database; :class:`db.Offline` when it is down.

    At most once a minute it also deletes the classes left untouched past their time.
    """
    now = time.time()
    if now - _purged[0] > PURGE_EVERY:
        _purged[0] = now
        db.call(store.purge, now)
    row = db.call(store.class_row, code, now)
    question = db.call(asking.current, code, now)
    tally = None
    if question is not None:
        tally = db.call(asking.tally, question["id"], len(question["spec"]["choices"]))
    return {
        "runs": db.call(store.class_runs, code),
        "revealed": bool(row.revealed) if row is not None else False,
        "question": question,
        "tally": tally,
        "answers": db.call(asking.all_answers, code),
    }


@st.fragment(run_every=EVERY)
def board(code: str, key: str, shared) -> None:
    """The board itself (redrawn every EVERY seconds)."""
    try:
        state = read(code)
        st.session_state[LAST] = state
    except db.Offline:
        st.warning(t("board_offline"))
        state = st.session_state.get(LAST)
        if state is None:
            return
    if st.session_state.pop(FAILED, False):
        st.warning(t("board_offline"))
    with st.container(key="board_question"):
        question_part(state)
    runs_part(code, key, state, shared)


def teacher_action(fn, code: str, key: str, *args, **kwargs) -> None:
    """A button's action (before the board redraws): ``fn(engine, code, key, *args, now)``."""
    try:
        if fn is store.set_flag:
            db.call(fn, code, key, time.time(), **kwargs)
        else:
            db.call(fn, code, key, *args, time.time())
    except (db.Offline, store.BoardError):
        st.session_state[FAILED] = True


def runs_part(code: str, key: str, state: dict, shared) -> None:
    """The picture, the ranking, Reveal, hiding an entry and the CSV."""
    rows, revealed = state["runs"], state["revealed"]
    st.header(t("board_runs"), anchor=False)
    st.button(
        t("board_unreveal") if revealed else t("board_reveal"),
        key="board_reveal",
        on_click=teacher_action,
        args=(store.set_flag, code, key),
        kwargs={"revealed": not revealed},
    )
    st.caption(t("board_revealed_note") if revealed else t("board_public_note"))
    shown = tables.visible(rows)
    students = len({r["member"] for r in shown})
    with st.container(key="board_counts"):
        st.caption(
            t(
                "board_counts",
                runs=t("count_runs", n=len(shown)),
                students=t("count_students", n=students),
            )
        )
    names = {f: t(f"board_setting_{f}") for f in SETTINGS}
    names["y"] = t("board_y_all") if revealed else t("board_y_public")
    names["grid_cell"] = t("board_grid_cell")
    c1, c2 = st.columns(2)
    x1 = c1.selectbox(t("board_x"), SETTINGS, format_func=names.get, key="board_x")
    x2 = c2.selectbox(t("board_x2"), SETTINGS, index=1, format_func=names.get, key="board_x2")
    y = "test_acc" if revealed else "public_acc"
    points = shown + lesson_rows(shared)
    fig = figures.scatter(points, (x1, x2), y, names)
    words = figures.scatter_words(points, (x1, x2), y, names, t)
    described.show(fig, words=words, key="board_scatter", config={"displaylogo": False})
    if not shown:
        st.info(t("board_no_runs"))
    else:
        with st.container(key="board_ranking_box"):
            ranking(shown, revealed)
    hide_box(code, key, rows)
    csv = tables.csv_text(rows, state["answers"], answer_words)
    st.download_button(
        t("board_csv"),
        csv.encode("utf-8-sig"),
        f"class-{code}.csv",
        "text/csv",
        key="board_csv",
        on_click="ignore",
    )


def ranking(rows: list[dict], revealed: bool) -> None:
    """Each student's best run, ranked on the public half (and on the private after the reveal)."""
    st.header(t("board_ranking"), anchor=False)
    ranked = tables.ranking(rows)
    table = {
        t("board_rank"): [r["rank"] for r in ranked],
        t("board_nick"): [r["nickname"] for r in ranked],  # a dataframe shows text as text
        t("board_col_layers"): [f"[{r['hidden_layers'].replace('-', ', ')}]" for r in ranked],
        t("board_col_lr"): [f"{r['learning_rate']:g}" for r in ranked],
        t("board_col_it"): [r["iterations"] for r in ranked],
        t("board_col_public"): [f"{100 * r['public_acc']:.0f} %" for r in ranked],
    }
    if revealed:
        table[t("board_col_private")] = [f"{100 * r['private_acc']:.0f} %" for r in ranked]
        table[t("board_col_all")] = [f"{100 * r['test_acc']:.0f} %" for r in ranked]
        table[t("board_col_new_rank")] = [r["private_rank"] for r in ranked]
    st.dataframe(table, hide_index=True, key="board_ranking")


def hide_box(code: str, key: str, rows: list[dict]) -> None:
    """Hide an entry (or show it again)."""
    if not rows:
        return
    with st.expander(t("board_hide")):
        ids = [r["id"] for r in rows]
        by_id = {r["id"]: r for r in rows}

        def name(i: int) -> str:
            r = by_id[i]
            mark = "🚫 " if r["hidden"] else ""
            return f"{mark}{r['nickname']} · [{r['hidden_layers']}] · {100 * r['public_acc']:.0f} %"

        pick = st.selectbox(
            t("board_hide"),
            ids,
            format_func=name,
            key="board_hide_pick",
            label_visibility="collapsed",
        )
        hidden = by_id[pick]["hidden"] if pick in by_id else False
        text = t("board_show_button") if hidden else t("board_hide_button")
        args = (store.hide_run, code, key, pick, not hidden)
        st.button(text, key="board_hide", on_click=teacher_action, args=args)
        n = sum(r["hidden"] for r in rows)
        if n:
            st.caption(t("board_hidden_n", n=n))


def answer_words(a: dict) -> tuple[str, str, str]:
    """(question, answer, right answer) of an answer row, in the page's language (the CSV)."""
    q = {"kind": a["kind"], "spec": json.loads(a["spec"])}
    right = wording.choice(q, a["correct"]) if a["correct"] is not None else ""
    prompt = wording.prompt(q).replace("\\", "")
    return prompt, wording.choice(q, a["choice"]), right


def best_cell(rows: list[dict], q: dict) -> dict | None:
    """The class's best shared grid cell (public half) at one of the bet's learning rates."""
    rates = {float(c) for c in q["spec"]["choices"]}
    cells = [r for r in tables.visible(rows) if r["grid_cell"] and r["learning_rate"] in rates]
    return max(cells, key=lambda r: (r["public_acc"], -r["id"]), default=None)


def question_part(state: dict) -> None:
    """The question asked now, its answers so far, then its right answer."""
    q, tally = state["question"], state["tally"]
    if q is None:
        return
    st.markdown(f"## {wording.prompt(q)}", anchors=False)
    st.caption(t("board_answers_n", n=sum(tally)))
    choices = wording.choices(q)
    right = q["correct"] if q["shown"] else None
    colours = [TEST_COLOR if i == right else PALETTE[1] for i in range(len(choices))]
    fig = go.Figure(
        go.Bar(
            x=tally,
            y=[("✓ " if i == right else "") + label(c, limit=60) for i, c in enumerate(choices)],
            orientation="h",
            marker_color=colours,
            text=tally,
            textposition="auto",
            hoverinfo="skip",
        )
    )
    fig.update_layout(
        height=80 + 50 * len(choices),
        margin=dict(l=10, r=10, t=10, b=30),
        font=FONT,
        yaxis=dict(autorange="reversed"),
        xaxis=dict(
            tickformat="d", dtick=max(1, -(-max(tally, default=0) // 10)), rangemode="tozero"
        ),
    )
    described.show(fig, key="board_tally", config={"displayModeBar": False})
    if q["shown"]:
        best = best_cell(state["runs"], q) if q["kind"] == "bet" else None
        if best is not None:
            st.success(
                t(
                    "board_best_cell",
                    lr=f"{best['learning_rate']:g}",
                    acc=f"{100 * best['public_acc']:.0f}",
                    name=plain(best["nickname"]),
                )
            )
        elif right is None:
            st.caption(t("board_poll"))
        else:
            st.success(t("board_answer_is", answer=plain(choices[right])))
