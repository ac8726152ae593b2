"""Presenter mode: large type for a projector, the training chart and its numbers on one screen.

Turned on by the sidebar's toggle or ``?present=1``. It is CSS only (the pages keep their
order); the training page also folds its settings behind one control and puts the four result
numbers beside the live chart (see :func:`on`).
"""

from __future__ import annotations

import streamlit as st

from ui.core import kept
from ui.core.i18n import t
from ui.core.presenting import PRESENT, on

# Measured in Chromium (tests/browser/test_presenter.py, test_presenter_fit.py): with this style
# and the sidebar folded, the title, the folded settings, the buttons and the 420-pixel chart with
# the numbers beside it fit 1280×720, and no page clips an equation or a line of code.
CSS = """
<style>
html { font-size: 20px; }
[data-testid="stMainBlockContainer"] { padding: 4.5rem 1.5rem 1rem 1.5rem; max-width: 100%; }
[data-testid="stMain"] h1 { font-size: 2rem; padding: 0 0 .25rem 0; }
[data-testid="stMain"] p, [data-testid="stMain"] li,
[data-testid="stMain"] [data-testid="stMarkdownContainer"] { font-size: 1.15rem; }
.katex { font-size: 1.1em !important; }
.katex-display > .katex { font-size: 1.5em !important; }
.katex-display { overflow-x: auto; overflow-y: hidden; }
@media (max-width: 1400px) { .katex-display > .katex { font-size: 1.35em !important; } }
[data-testid="stMain"] [data-testid="stCode"] pre,
[data-testid="stMain"] [data-testid="stCode"] code {
  white-space: pre-wrap !important; overflow-wrap: anywhere; }
[data-testid="stLayoutWrapper"]:has(> .st-key-step_nav) { position: sticky; top: 3.75rem;
  z-index: 99; background: #fff; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 2.4rem !important;
  line-height: 1.15; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * { font-size: 1rem !important;
  white-space: normal !important; }
[data-testid="stMain"] button p { font-size: 1rem; }
[data-testid="stMain"] [data-testid="stAlert"] p { font-size: 1rem; }
</style>
"""


def toggle() -> None:
    """The sidebar's presenter-mode switch (its value kept across pages with ``ui.core.kept``)."""
    kept.keep(PRESENT, False)
    st.sidebar.toggle(t("presenter_mode"), key=PRESENT, help=t("presenter_mode_help"))
    kept.mirror(PRESENT)


def sidebar_state() -> str:
    """The sidebar as a page opens: collapsed in presenter mode (the projector's whole width)."""
    return "collapsed" if on() else "auto"


def apply() -> None:
    """Add the presenter style to the page when the mode is on."""
    if on():
        st.html(CSS)
