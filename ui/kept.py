"""Widget values that outlive the pages that draw them.

Streamlit forgets a widget's value in a script run that does not draw the widget (the visitor is
on another page). So each value is mirrored into a plain session key, ``_keep_<key>``, and put
back before the widget is drawn again; pages that do not draw a widget read its mirror.
"""

from __future__ import annotations

import streamlit as st

PREFIX = "_keep_"


def value(key: str, default=None):
    """A widget's value: the widget's own key, else its mirror, else ``default``."""
    if key in st.session_state:
        return st.session_state[key]
    return st.session_state.get(PREFIX + key, default)


def mirrored(key: str, default=None):
    """The mirror alone (what the widget said when it was last drawn)."""
    return st.session_state.get(PREFIX + key, default)


def keep(key: str, default) -> None:
    """Before a widget is drawn: give it back its mirrored value (or ``default``)."""
    if key not in st.session_state:
        st.session_state[key] = value(key, default)


def mirror(key: str) -> None:
    """After a widget is drawn: remember its value."""
    st.session_state[PREFIX + key] = st.session_state[key]


def put(key: str, new) -> None:
    """Set a widget (before it is drawn in this run) and its mirror."""
    st.session_state[key] = st.session_state[PREFIX + key] = new
