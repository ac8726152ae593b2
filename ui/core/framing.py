"""How uploaded pictures become 64×64: the visitor's choice, kept across pages and in the link.

Two ways (:data:`dnn.images.FRAMINGS`): ``"crop"``, the centre square (the default, as the data
set's pictures are square), or ``"fit"``, the whole picture shrunk into the square and padded.
The prediction page and "Your own classes" share one choice (:data:`KEY`, kept with
:mod:`ui.core.kept`); a link writes ``frame=fit`` when it is not the default
(:data:`SECTION`, pure, read and written by the shell's links).
"""

from __future__ import annotations

from dnn.images import FRAMINGS
from ui.core import kept
from ui.core.url_state import Section

KEY = "framing"  # the radio's key on both pages
DEFAULT = "crop"
URL_KEY = "frame"


def current() -> str:
    """The framing chosen (also on pages that do not draw the choice)."""
    value = kept.value(KEY, DEFAULT)
    return value if value in FRAMINGS else DEFAULT


def decode(values: dict[str, str]) -> tuple[str | None, list[str]]:
    """``{"frame": "fit"}`` → ("fit", []); anything else is refused (the key is named)."""
    text = values.get(URL_KEY, "")
    if text in FRAMINGS:
        return text, []
    return None, [URL_KEY]


def encode(framing: object) -> dict[str, str]:
    """Only a framing that is not the default is written."""
    return {URL_KEY: framing} if framing in FRAMINGS and framing != DEFAULT else {}


SECTION = Section("frame", (URL_KEY,), 8, decode, encode)


def open_from_link(framing: str | None) -> None:
    """A link's framing becomes the visitor's choice."""
    if framing in FRAMINGS:
        kept.put(KEY, framing)
