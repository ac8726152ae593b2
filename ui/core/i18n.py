"""Every piece of UI text, looked up by key in the visitor's language."""

from __future__ import annotations

from ui.core import kept
from ui.core.strings import STRINGS

LANGUAGES = {"en": "English", "zh": "简体中文"}
LANG = "lang_choice"  # the sidebar's language radio, kept across pages with ui.core.kept


def lang() -> str:
    """The session's language code (``en`` until the visitor picks another)."""
    return kept.value(LANG, "en")


def t(key: str, /, **values) -> str:
    """The text for ``key`` in the current language, with ``{placeholders}`` filled in."""
    text = STRINGS[lang()].get(key) or STRINGS["en"][key]
    return text.format(**values) if values else text


def explain(error: Exception) -> str:
    """A user-facing error (:class:`dnn.errors.UserFacingError`) in the visitor's language.

    Its ``code`` names the text ``"err_" + code``; an error without a known code is shown as its
    English message.
    """
    code = getattr(error, "code", None)
    if code and f"err_{code}" in STRINGS["en"]:
        return t(f"err_{code}", **getattr(error, "values", {}))
    return str(error)
