"""The base of every error whose message is meant for the person who gave the file or setting.

``str(error)`` is a plain English sentence; ``code`` and ``values`` let an interface say the same
in its own language (the app looks up ``"err_" + code`` in its strings, see
``ui.core.i18n.explain``).
"""

from __future__ import annotations


class UserFacingError(ValueError):
    """A problem with the user's input, explained in words a user understands.

    Parameters
    ----------
    message : str
        The explanation in English, shown where no translation exists.
    code : str, optional
        A stable identifier of the kind of problem (``"image_too_big"``).
    **values
        What the message mentions (sizes, names), for a translated text's placeholders.
    """

    def __init__(self, message: str, code: str | None = None, **values) -> None:
        super().__init__(message)
        self.code = code
        self.values = values
