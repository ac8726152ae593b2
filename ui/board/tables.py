"""The board's ranking and its CSV file, from the rows the store returns (pure, no Streamlit)."""

from __future__ import annotations

import csv
import io

from ui.core.text import csv_cell

RUN_COLUMNS = (
    "nickname", "kind", "hidden_layers", "learning_rate", "iterations", "l2", "settings",
    "train_acc", "test_acc", "public_acc", "private_acc", "final_cost", "seconds", "hidden",
)  # fmt: skip


def visible(rows: list[dict]) -> list[dict]:
    """The runs the teacher has not hidden."""
    return [r for r in rows if not r["hidden"]]


def ranking(rows: list[dict]) -> list[dict]:
    """Each student's best visible run on the public half (then the earlier post), best first.

    Each entry gets ``rank`` (1, 2, …, ties share a rank) and ``private_rank`` (the same on the
    private half, what the reveal shows).
    """
    best: dict[int, dict] = {}
    for r in visible(rows):
        mine = best.get(r["member"])
        if mine is None or (r["public_acc"], -r["id"]) > (mine["public_acc"], -mine["id"]):
            best[r["member"]] = r
    ranked = sorted(best.values(), key=lambda r: (-r["public_acc"], r["id"]))
    out = [dict(r) for r in ranked]
    _ranks(out, "public_acc", "rank")
    _ranks(out, "private_acc", "private_rank")
    return out


def _ranks(rows: list[dict], field: str, into: str) -> None:
    values = sorted((r[field] for r in rows), reverse=True)
    for r in rows:
        r[into] = values.index(r[field]) + 1  # competition ranking: 1, 2, 2, 4


def csv_text(runs: list[dict], answers: list[dict], answer_text) -> str:
    """Every run (hidden ones marked) and every answer as one CSV file.

    ``answer_text(row)`` words a question and a choice: (question, answer, right or "").
    Every text cell goes through :func:`ui.core.text.csv_cell`: no cell is a formula.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", *RUN_COLUMNS])
    for r in runs:
        kind = "grid cell" if r["grid_cell"] else "run"
        row = {**r, "kind": kind}
        writer.writerow(["run", *(_cell(row[c]) for c in RUN_COLUMNS)])
    writer.writerow([])
    writer.writerow(["section", "nickname", "question", "answer", "right answer"])
    for a in answers:
        question, answer, right = answer_text(a)
        writer.writerow(
            ["answer", *(csv_cell(v) for v in (a["nickname"], question, answer, right))]
        )
    return out.getvalue()


def _cell(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    return csv_cell(value)
