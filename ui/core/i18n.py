"""Every piece of UI text, looked up by key in the visitor's language."""

from __future__ import annotations

from ui.core import kept
from ui.core.strings import STRINGS

LANGUAGES = {"en": "English", "zh": "简体中文"}
LANG = "lang_choice"  # the sidebar's language radio, kept across pages with ui.core.kept


def lang() -> str:
    """The session's language code (``en`` until the visitor picks another)."""
    return kept.value(LANG, "en")


def text(language: str, key: str, /, **values) -> str:
    """The text for ``key`` in ``language`` (English when it has none), placeholders filled in.

    A count: when ``n`` is 1 and ``key + "_one"`` exists, that text is used ("1 run", not
    "1 runs"); Chinese has no plural, so its ``_one`` texts are its plural ones.
    """
    if values.get("n") == 1 and f"{key}_one" in STRINGS["en"]:
        key = f"{key}_one"
    found = STRINGS[language].get(key) or STRINGS["en"][key]
    return found.format(**values) if values else found


def t(key: str, /, **values) -> str:
    """The text for ``key`` in the current language (see :func:`text`)."""
    return text(lang(), key, **values)


def explain(error: Exception) -> str:
    """A user-facing error (:class:`dnn.errors.UserFacingError`) in the visitor's language.

    Its ``code`` names the text ``"err_" + code``; an error without a known code is shown as its
    English message.
    """
    code = getattr(error, "code", None)
    if code and f"err_{code}" in STRINGS["en"]:
        return t(f"err_{code}", **getattr(error, "values", {}))
    return str(error)
