"""The notebook's code, as templates filled with the run's values and the visitor's language.

A template is Python source with ``$name`` placeholders (:class:`string.Template`: the lesson's
code has no ``$`` of its own). Words come from ``ui/core/strings/notebook_code.py``, by kind:

- ``$c_…``: a comment, ``$d_…``: a docstring: our own text, checked to be one safe line;
- ``$s_…``: a string literal (``repr``), ``$f_…``: an f-string literal whose ``{fields}`` name
  the notebook's variables.

Values of the run (numbers, class names, file names) are always put in with ``repr``.
"""

from __future__ import annotations

import functools
import io
import string
import tokenize
import unicodedata

from ui.core.strings import STRINGS

KINDS = ("c", "d", "s", "f")
LINE = 100  # the widest code line with a comment at its end (a CJK character counts 2)


@functools.cache
def words(lang: str) -> dict[str, str]:
    """Every ``nb_<kind>_<name>`` text of ``lang`` as the placeholder ``<kind>_<name>``."""
    found: dict[str, str] = {}
    for key, text in STRINGS[lang].items():
        kind, _, name = key.removeprefix("nb_").partition("_")
        if not key.startswith("nb_") or kind not in KINDS or not name:
            continue
        if kind in ("c", "d"):
            if any(bad in text for bad in ("\n", "\r", "\\", '"""')):
                raise ValueError(f"{key} cannot go into a comment or a docstring: {text!r}")
            found[f"{kind}_{name}"] = text
        else:
            found[f"{kind}_{name}"] = ("f" if kind == "f" else "") + repr(text)
    return found


def fill(template: str, lang: str, **values: object) -> str:
    """``template`` with its words in ``lang`` and ``values`` (already Python source)."""
    return string.Template(template).substitute(words(lang), **values)


def width(line: str) -> int:
    """Columns ``line`` takes in a monospaced font: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def tidy(code: str) -> str:
    """``code`` with every end-of-line comment that makes its line too long moved above it.

    Comments are found by Python's tokenizer (never inside a string), so the code must parse.
    """
    moved: dict[int, int] = {}  # line number → column where its comment starts
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        row, col = token.start
        if token.type == tokenize.COMMENT and token.line[:col].strip():
            if width(token.line.rstrip("\n")) > LINE:
                moved[row] = col
    lines = code.split("\n")
    out = []
    for row, line in enumerate(lines, 1):
        if row in moved:
            col = moved[row]
            out.append(line[: len(line) - len(line.lstrip())] + line[col:])
            line = line[:col].rstrip()
        out.append(line)
    return "\n".join(out)
