"""Every **bold** in the UI text closes, in both languages (CommonMark's flanking rules).

A closing ``**`` right after punctuation and right before a letter is not a closing delimiter
in CommonMark: "**本课的图片：**它的" shows its asterisks. In Chinese, where no space follows
"：" or "。", that is easy to write; the punctuation goes after the bold instead.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from ui.core.strings import STRINGS

DELIM = re.compile(r"(?<!\*)\*\*(?!\*)")


def punct(c: str) -> bool:
    return unicodedata.category(c).startswith(("P", "S"))


def space(c: str) -> bool:
    return c == "" or c.isspace()


def unclosed(text: str) -> list[str]:
    """The places where a ``**`` cannot open or close as it is meant to (empty: all fine)."""
    text = re.sub(r"`[^`]*`|\$[^$]+\$", "x", text)  # code and formulas hold no emphasis
    text = re.sub(r"\{[^}]*\}", "x", text)  # a placeholder's value: assume a letter
    bad, opening = [], True
    for m in DELIM.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if opening:  # left-flanking: not before a space; before punctuation only after one
            ok = not space(after) and (not punct(after) or space(before) or punct(before))
        else:  # right-flanking: not after a space; after punctuation only before one
            ok = not space(before) and (not punct(before) or space(after) or punct(after))
        if not ok:
            bad.append(text[max(0, m.start() - 12) : m.end() + 12])
        opening = not opening
    return bad


@pytest.mark.parametrize("lang", sorted(STRINGS))
def test_every_bold_opens_and_closes(lang):
    bad = {k: unclosed(v) for k, v in STRINGS[lang].items() if isinstance(v, str) and "**" in v}
    assert not {k: v for k, v in bad.items() if v}


def test_the_rule_catches_what_a_browser_showed():
    assert unclosed("**本课的图片：**它的") and not unclosed("**本课的图片**：它的")
    assert not unclosed("**Training:** 72 pictures") and not unclosed("**训练：** 72 张")
