"""The app's own CSS, for every page: nothing may be cut off or widen the page on a phone.

Injected once per script run by :func:`apply` (the router calls it); a style-only ``st.html``
takes no room on the page. Presenter mode has its own CSS (``ui/presenter.py``).
"""

from __future__ import annotations

import streamlit as st

CSS = """
/* A page's sections are h2 (under its h1 title, no level skipped) drawn at the size of
   Streamlit's h3, as they were before. */
[data-testid="stMain"] h2 { font-size: 1.75rem; }
/* Display equations scroll sideways inside themselves rather than being cut off. */
.katex-display { overflow-x: auto; overflow-y: hidden; padding: 2px 0; }
/* Tables (the dimension table, markdown tables) scroll inside themselves; a shape such as
   (20, 12,288) stays on one line. */
[data-testid="stTable"] > div { overflow-x: auto; }
[data-testid="stTable"] td { white-space: nowrap; }
[data-testid="stMarkdownContainer"] table { display: block; overflow-x: auto; max-width: 100%; }
/* The network diagram keeps a minimum width (set with the chart) and scrolls on a phone. */
.st-key-network_box { overflow-x: auto; overflow-y: hidden; }
/* One Stop: Streamlit's header "Stop" ends a script without drawing the rest of the page (no
   chart, no results, no Copy link); the page's own ■ Stop reruns it whole. The running
   indicator stays. */
[data-testid="stStatusWidget"] button { display: none !important; }
/* A rerun (every click, a run under way) must not grey the page: stale elements keep their
   look until they are replaced. */
[data-stale="true"], [data-stale="true"] > * { opacity: 1 !important; }
/* A class's question (ui/board/student.py) is also at the top of the page, where the sidebar
   starts folded: below Streamlit's "md" width (768px), and only while a question is open. */
.st-key-board_phone_question { display: none; }
@media (max-width: 768px) {
    .st-key-board_phone_question:has(.st-key-board_student_question_main) { display: flex; }
}
@media (max-width: 640px) {
    /* a phone: titles that leave room for content, tighter tables */
    [data-testid="stMain"] h1 { font-size: 2rem; }
    [data-testid="stMain"] h2 { font-size: 1.6rem; }
    [data-testid="stTable"] th, [data-testid="stTable"] td { padding: 0.3rem 0.45rem; }
    /* the Training page: Train and the chart first, the settings below them (stacked
       columns put the settings a screen and a third above Train) */
    [data-testid="stColumn"]:has(.st-key-run_buttons) { order: -1; }
}
"""


def apply() -> None:
    """Add the app's CSS to this script run's page."""
    st.html(f"<style>{CSS}</style>")
