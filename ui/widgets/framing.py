"""The choice of how an uploaded picture becomes 64×64, drawn where pictures are uploaded."""

from __future__ import annotations

import streamlit as st

from dnn.images import FRAMINGS
from ui.core import framing, kept
from ui.core.i18n import t


def choice() -> str:
    """Centre square or the whole picture, padded: a radio; the framing chosen.

    The same choice on every page that uploads pictures (:mod:`ui.core.framing`).
    """
    kept.keep(framing.KEY, framing.DEFAULT)
    labels = {f: t(f"framing_{f}") for f in FRAMINGS}  # this run's language, fixed
    st.radio(
        t("framing_label"),
        FRAMINGS,
        key=framing.KEY,
        horizontal=True,
        format_func=labels.get,
        help=t("framing_help"),
    )
    kept.mirror(framing.KEY)
    return framing.current()
