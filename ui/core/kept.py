"""Widget values that outlive the pages that draw them: the one way the app keeps a value.

Streamlit forgets a widget's value in a script run that does not draw the widget (the visitor is
on another page), and a widget of the same key drawn on another page does not start from the
value the first one had. So each value is mirrored into a plain session key, ``_keep_<key>``,
with the page that drew it; before the widget is drawn again, :func:`keep` gives it back the
mirrored value unless it was last drawn on this very page (then its own value is the visitor's
latest choice). Pages that do not draw a widget read its mirror (:func:`value`).
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

PREFIX = "_keep_"
PAGE = "_keep_page_"  # + key: the page whose script last drew (or set) the widget


def _page() -> str:
    ctx = get_script_run_ctx()
    return ctx.page_script_hash if ctx is not None else ""


def value(key: str, default=None):
    """A widget's value: the widget's own key, else its mirror, else ``default``."""
    if key in st.session_state:
        return st.session_state[key]
    return st.session_state.get(PREFIX + key, default)


def mirrored(key: str, default=None):
    """The mirror alone (what the widget said when it was last drawn)."""
    return st.session_state.get(PREFIX + key, default)


def keep(key: str, default) -> None:
    """Before a widget is drawn: give it back its mirrored value (or ``default``).

    A widget last drawn on this page keeps the value it has (the visitor may just have changed
    it); one coming from another page, or forgotten by Streamlit, gets the mirror.
    """
    here = st.session_state.get(PAGE + key) in (_page(), None)
    if key in st.session_state and here:
        return
    st.session_state[key] = st.session_state.get(PREFIX + key, st.session_state.get(key, default))


def mirror(key: str) -> None:
    """After a widget is drawn: remember its value, and the page that drew it."""
    st.session_state[PREFIX + key] = st.session_state[key]
    st.session_state[PAGE + key] = _page()


def put(key: str, new) -> None:
    """Set a widget (before it is drawn in this run) and its mirror."""
    st.session_state[key] = st.session_state[PREFIX + key] = new
    st.session_state[PAGE + key] = _page()


def forget(key: str) -> None:
    """Forget a widget's value and its mirror (a Reset)."""
    for k in (key, PREFIX + key, PAGE + key):
        st.session_state.pop(k, None)
