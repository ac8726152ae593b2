"""Presenter mode: large type for a projector, the training chart and its numbers on one screen.

Turned on by the sidebar's toggle or ``?present=1``. It is CSS only (the pages keep their
order); the training page also folds its settings behind one control and puts the four result
numbers beside the live chart (see :func:`on`).
"""

from __future__ import annotations

import streamlit as st

from ui.i18n import t

CHART_KEY = "presenter_chart"  # the container the training page puts its chart in
# The chart takes the height the window leaves it: measured in Chromium at 1280×720 and
# 1920×1080 (tests/browser/test_presenter.py) with the title, the buttons and the status line.
CSS = """
<style>
html { font-size: 20px; }
[data-testid="stMainBlockContainer"] { padding-top: 3.2rem; padding-bottom: 1rem;
  max-width: 100%; }
[data-testid="stMain"] h1 { font-size: 2.1rem; padding: 0 0 .3rem 0; }
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] label p,
[data-testid="stMain"] [data-testid="stMarkdownContainer"] { font-size: 1.15rem; }
.katex { font-size: 1.45em !important; }
.katex-display { overflow-x: auto; overflow-y: hidden; }
[data-testid="stMetricValue"] { font-size: 2.6rem !important; }
[data-testid="stMetricLabel"] p { font-size: 1.05rem !important; }
[data-testid="stMain"] button p { font-size: 1.1rem; }
.st-key-presenter_chart [data-testid="stPlotlyChart"],
.st-key-presenter_chart .stPlotlyChart { height: calc(100vh - 17.5rem) !important;
  min-height: 14rem; }
.st-key-presenter_chart .js-plotly-plot, .st-key-presenter_chart .plot-container,
.st-key-presenter_chart .svg-container { height: 100% !important; }
[data-testid="stMain"] [data-testid="stAlert"] p { font-size: 1rem; }
</style>
"""


def on() -> bool:
    """Whether presenter mode is on in this session."""
    return bool(st.session_state.get("present"))


def toggle() -> None:
    """The sidebar's presenter-mode switch (its value is kept in ``present``)."""
    st.session_state.present_choice = on()
    st.sidebar.toggle(
        t("presenter_mode"),
        key="present_choice",
        help=t("presenter_mode_help"),
        on_change=_set,
    )


def _set() -> None:
    st.session_state.present = st.session_state.present_choice


def apply() -> None:
    """Add the presenter style to the page when the mode is on."""
    if on():
        st.html(CSS)
