"""A language switch sends every worded widget its value again, in the new language's words.

A select box, radio, select slider, multiselect or pills of options shown in words keeps, in the
browser, the label it was last sent: Streamlit sends a widget its value only when the app sets
it. After a switch that label is in the other language; switched back, Streamlit no longer finds
it among the options of the run that drew it and hands the label itself to the page ("ReLU
(lesson)" instead of ``relu``: an error box, a link that cannot be written). Set by the app before
the page draws, each value is sent again and the browser keeps the new words.

Which keys are such widgets is read from Streamlit's own widget registry (the widgets drawn by
the last run and the type of value each sends): Streamlit 1.67 internals, like
:mod:`ui.shell.camera_names`; ``tests/browser/test_a11y.py`` switches languages both ways.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.state.session_state_proxy import get_session_state

WORDED = {"string_value", "string_array_value"}  # what select boxes, radios, sliders of words send


def worded_keys() -> list[str]:
    """The keys of the last run's widgets whose value is sent as words."""
    state = get_session_state()._state
    ids, meta = state._key_id_mapper, state._new_widget_state.widget_metadata
    keys = []
    for key in list(st.session_state):
        widget = meta.get(ids.get_id_from_key(key, None) or "")
        if widget is not None and widget.value_type in WORDED:
            keys.append(key)
    return keys


def relabel(skip: str) -> None:
    """On a language switch (the radio ``skip``'s own callback): give each such widget its value."""
    for key in worded_keys():
        if key != skip:
            st.session_state[key] = st.session_state[key]
