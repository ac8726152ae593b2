"""What text a file may carry for people to read: class names and labels, one rule for all readers.

A model file's description and a picture set's ``list_classes`` are shared between students, so
their text is distrusted the same way: bounded length, no surrounding spaces on a name, and no
character a reader cannot see — control characters (a newline could start a heading),
format characters (right-to-left overrides, zero-width spaces and joiners), line and paragraph
separators, surrogates and private-use characters.
"""

from __future__ import annotations

import unicodedata

MAX_CLASS_CHARS = 40  # a class name, in characters (up to 4 bytes each in UTF-8)
MAX_TEXT_CHARS = 200  # a label or a setting's text
HIDDEN = ("Cc", "Cf", "Zl", "Zp", "Cs", "Co")  # Unicode categories a reader cannot see


def visible(text: str) -> bool:
    """Whether every character of ``text`` is one a reader sees (spaces count as seen)."""
    return not any(unicodedata.category(c) in HIDDEN for c in text)


def is_class_name(text, most: int = MAX_CLASS_CHARS) -> bool:
    """A usable class name: a str of 1 to ``most`` visible characters, no surrounding spaces."""
    return (
        isinstance(text, str) and 0 < len(text) <= most and text == text.strip() and visible(text)
    )


def is_text(text, most: int = MAX_TEXT_CHARS) -> bool:
    """A usable label or setting text: a str of at most ``most`` visible characters."""
    return isinstance(text, str) and len(text) <= most and visible(text)
