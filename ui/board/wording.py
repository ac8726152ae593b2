"""A question and its choices in the viewer's language, safe to show.

The teacher's own text goes through :func:`ui.core.text.plain`; numbers are formatted here.
"""

from __future__ import annotations

from ui.board.questions import shape_text
from ui.core.i18n import t
from ui.core.text import plain

_WORDS = {
    "better": ("q_better_2", "q_better_4", "q_better_same"),
    "alpha": {"lower": "q_alpha_lower", "higher": "q_alpha_higher", "same": "q_alpha_same"},
}


def dims_text(dims) -> str:
    """[12288, 20, 7, 5, 1]."""
    return "[" + ", ".join(str(int(n)) for n in dims) + "]"


def prompt(question: dict) -> str:
    """The question's text (Markdown-safe)."""
    kind, spec = question["kind"], question["spec"]
    if kind == "shape":
        return plain(
            t("q_shape", q=spec["q"], l=spec["l"], dims=dims_text(spec["dims"]), m=spec["m"])
        )
    if kind == "count":
        return plain(t("q_count", dims=dims_text(spec["dims"])))
    if kind in ("better", "alpha", "bet"):
        return plain(t("q_" + kind))
    return plain(spec.get("text", ""), limit=400)


def choice(question: dict, index: int) -> str:
    """Choice ``index`` of the question as plain text (not yet escaped: see :func:`choice_md`)."""
    kind, value = question["kind"], question["spec"]["choices"][index]
    if kind == "shape":
        return shape_text(value)
    if kind == "count":
        return f"{int(value):,}"
    if kind == "better":
        return t(_WORDS["better"][index])
    if kind == "alpha":
        return t(_WORDS["alpha"][value])
    return str(value)


def choice_md(question: dict, index: int) -> str:
    """Choice ``index``, escaped for Markdown."""
    return plain(choice(question, index), limit=400)


def choices(question: dict) -> list[str]:
    """Every choice as plain text."""
    return [choice(question, i) for i in range(len(question["spec"]["choices"]))]
