"""The app's one multipage mechanism: ``st.navigation`` over the scripts in ``pages/``.

Streamlit also knows an older mechanism that runs ``pages/*.py`` directly when a server's very
first request is a deep link (``/training``) and the entry script has never run (and AppTest
starts every run that way). Each page calls :func:`guard` first: outside the router it hands
over to :func:`main`, so every page is always drawn through it, with its sidebar, state and
translated titles. Widgets are drawn inside the pages (the sidebar's language switch too),
where Streamlit names them after the page the same way under both mechanisms, so a widget
changed right after such a first run keeps its value.
"""

from __future__ import annotations

import threading

import streamlit as st
from threadpoolctl import threadpool_limits

from ui.board import link as board_link
from ui.core import kept
from ui.core.i18n import LANG, LANGUAGES, lang, t
from ui.core.session import init_state
from ui.shell import a11y, camera_names, links, presenter, style, visitor_cookie
from ui.shell.relabel import relabel
from ui.shell.uploads import lost_said, show_lost
from ui.shell.uploads import track as track_uploads

camera_names.install()  # the camera's picture is judged by its content, as uploads are
_run = threading.local()  # one script thread per session run

# One BLAS thread per computation, for the whole server process. The engine's matrices are small
# (20 × 209 · 209 × 209): a second BLAS thread gains nothing alone, and when the other core is
# busy (another session, the browser drawing a chart) OpenBLAS waits for it and a 0.3 s run takes
# 1.5 s. Sessions run in parallel threads instead.
threadpool_limits(limits=1, user_api="blas")


def pages() -> list:
    """The pages, titled in the visitor's language.

    Each page has its own URL (``/theory``, ``/training``, ``/prediction``). The root URL is a
    hidden page that sends the visitor on to ``/theory`` with the same query.
    """
    theory = st.Page("pages/theory.py", title=t("nav_theory"), icon="📘", url_path="theory")

    def home() -> None:
        st.switch_page(theory, query_params=st.query_params.to_dict())

    return [
        st.Page(home, title=t("nav_theory"), url_path="home", default=True, visibility="hidden"),
        theory,
        st.Page("pages/training.py", title=t("nav_training"), icon="📈", url_path="training"),
        st.Page("pages/prediction.py", title=t("nav_prediction"), icon="🐱", url_path="prediction"),
        st.Page("pages/classes.py", title=t("nav_classes"), icon="🧺", url_path="classes"),
        st.Page("pages/step.py", title=t("nav_step"), icon="🔬", url_path="step"),
        st.Page("pages/board.py", title=t("nav_board"), icon="🧑‍🏫", url_path="board"),
    ]


def main() -> None:
    """Set up the session (from the link on its first run), then draw the page the URL asks for.

    After the page, the URL is brought up to date with the page's state and the sidebar gets
    the "Copy link" button for it.
    """
    init_state()
    links.restore_once()
    st.set_page_config(
        page_title=t("browser_tab_title"),
        page_icon="🐱",
        layout="wide",
        initial_sidebar_state=presenter.sidebar_state(),
    )
    style.apply()
    a11y.apply()
    visitor_cookie.adopt()  # the browser's token: its own pictures outlive a reload
    track_uploads()  # forget uploads no widget holds; bounds on the server's upload store
    page = st.navigation(pages())
    if page.url_path == "":  # the root URL: st.switch_page reruns on /theory
        page.run()
    presenter.apply()
    visitor_cookie.open_slot()  # the browser's marker, rewritten as soon as a run starts
    links.show_notes()
    visitor_cookie.show_lost_work()  # what a restart or failover took with the old server
    show_lost()  # uploads let go while the page still showed them
    links.show_cut()
    filling = st.empty()  # a link's runs, trained again once the page is drawn
    _run.inside = True
    try:
        page.run()
    finally:
        _run.inside = False
    lost_said()
    if links.replay_pending(filling):
        st.rerun()  # the page again, with the link's runs
    query = links.write_url(page.url_path)
    visitor_cookie.cookie_script(settle=True)
    with st.sidebar:
        a11y.page_script()  # <html lang>, scrolling regions reachable by keyboard
        links.copy_link_button(board_link.shareable(query))  # never the teacher's key


def language_switch() -> None:
    """The sidebar's language radio, its value kept across pages (:mod:`ui.core.kept`).

    It is drawn by each page (inside the page, where Streamlit names widgets after the page, the
    same under both mechanisms).
    """
    kept.keep(LANG, lang())
    with st.sidebar:
        st.radio(
            "Language / 语言",
            list(LANGUAGES),
            format_func=LANGUAGES.get,
            key=LANG,
            horizontal=True,
            on_change=relabel,
            args=(LANG,),
        )
    kept.mirror(LANG)


def guard() -> None:
    """At the top of every page: make sure the page runs inside :func:`main`; draw the sidebar.

    Run directly (the older mechanism), the page hands over to :func:`main` within the same
    script run — so a click that caused the run is not lost — and stops its own execution.
    ``st.navigation`` in :func:`main` switches Streamlit to this app's navigation for good.
    """
    if not getattr(_run, "inside", False):
        main()
        st.stop()
    language_switch()
    presenter.toggle()
    board_link.sidebar()  # a student's class: join, share, answer
