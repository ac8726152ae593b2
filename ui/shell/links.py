"""The page's state in its URL: read once when a session starts, written on every run.

Opening a link restores its language, presenter mode, the chart's pace, training settings,
runs (trained again, see :func:`ui.core.live.replay`), the comparison's choice and the
experiment grid's axes; as the visitor changes anything the URL follows, so a reload or a shared
link shows the same page. The codec is :mod:`ui.core.url_state` (pure, tested); each feature's
own part of a link is its ``link`` module (:data:`SECTIONS`).
"""

from __future__ import annotations

import html
import json
from urllib.parse import urlencode

import streamlit as st

import dnn
from ui.board import link as board_link
from ui.core import chosen, framing, i18n, kept, live, presenting, runs, session, url_state
from ui.core.data import shared_data
from ui.core.i18n import t
from ui.grid import link as grid_link
from ui.step import link as step_link
from ui.training import link as training_link

READ = "_link_read"  # session key: the link was read (on the session's first run)
PENDING = session.register("pending_runs", list)  # the link's runs, not trained again yet
PENDING_COMPARE = "pending_compare"  # the link's comparison choice, for once they are
NOTES = "link_notes"  # what the link said that could not be used, shown once
CUT = "link_cut"  # the link's runs were cut by its time budget (said once, after the rerun)
SECTIONS = (grid_link.SECTION, framing.SECTION, board_link.SECTION, step_link.SECTION)


def browser_language() -> str:
    """``zh`` when the browser prefers Chinese (``navigator.language``, else Accept-Language)."""
    locale = st.context.locale or ""
    if not locale:
        locale = (st.context.headers.get("Accept-Language") or "").split(",")[0]
    return "zh" if locale.strip().lower().startswith("zh") else "en"


def restore_once() -> None:
    """On a session's first run, take the language, settings and runs from the URL."""
    if st.session_state.get(READ):
        return
    st.session_state[READ] = True
    query = {k: st.query_params.get_all(k) for k in st.query_params.keys()}  # noqa: SIM118
    link = url_state.parse(query, SECTIONS)
    kept.put(i18n.LANG, link.lang or browser_language())
    kept.put(presenting.PRESENT, link.present)
    training_link.open_pace(link.pace)
    if link.settings is not None:
        chosen.apply_settings(link.settings)
    if link.extra.get("grid"):
        grid_link.open_from_link(link.extra["grid"])
    framing.open_from_link(link.extra.get("frame"))
    if link.extra.get("board"):
        board_link.open_from_link(link.extra["board"])
    if link.extra.get("step"):
        step_link.open_from_link(link.extra["step"])
    st.session_state[PENDING] = list(link.runs)
    st.session_state[PENDING_COMPARE] = link.compare
    st.session_state[NOTES] = link.notes


def filling() -> bool:
    """Whether the link's runs are still to be trained again (the page is drawn before them)."""
    return bool(st.session_state.get(PENDING))


def show_notes() -> None:
    """What the link said that could not be used (once, at the top of the page)."""
    # while the runs train the notes stay, to be shown again once the page is filled in
    notes = st.session_state.get(NOTES) if filling() else st.session_state.pop(NOTES, None)
    if notes:
        lines = [t("link_" + code, **values) for code, values in notes]
        st.warning(t("link_notes") + "\n\n" + "\n".join(f"- {line}" for line in lines))


def replay_pending(box) -> bool:
    """Train again the runs the link named, in ``box`` (at the top of the page already drawn).

    The page is drawn first, with a note that its runs are on their way: a link used to open as
    a blank page with a progress bar. Returns whether runs were trained (the caller reruns the
    page to show them). Without the data, nothing is done (the page says what is wrong).
    """
    if not st.session_state.get(PENDING):
        return False
    try:
        shared = shared_data()
    except dnn.DatasetError:  # the page says what is wrong with the data
        return False
    with session.exclusive(), box.container():
        st.info(t("link_filling", n=len(st.session_state[PENDING])))
        complete = live.replay(shared, st.session_state[PENDING], st.empty())
        known = [r.run_id for r in runs.runs()]
        compare = st.session_state.pop(PENDING_COMPARE, None)
        training_link.choose([n for n in compare if n in known] if compare else known[-3:])
    st.session_state[CUT] = not complete
    return True


def show_cut() -> None:
    """After a link's runs were trained again: say if its time budget cut some short."""
    if st.session_state.pop(CUT, False):
        st.info(t("link_cut_short", s=f"{live.REPLAY_SECONDS:.0f}"))


def current_link(page: str = "") -> url_state.LinkState:
    """The page's state now, as a link would hold it (``page``: its URL path, say "step")."""
    specs = [runs.spec_of(r) for r in runs.runs()]
    specs += list(st.session_state.get(PENDING) or ())
    return url_state.LinkState(
        lang=i18n.lang(),
        present=presenting.on(),
        pace=training_link.link_pace(),
        settings=chosen.current_settings(),
        runs=specs,
        compare=training_link.choice(),
        extra={
            "grid": grid_link.link_axes(),
            "frame": framing.current(),
            "board": board_link.link_state(),
            "step": step_link.link_values() if page == "step" else {},
        },
    )


def write_url(page: str = "") -> dict[str, str]:
    """Put the page's state in the address bar (only when it changed); return the query."""
    query = url_state.encode(current_link(page), SECTIONS)
    now = {k: st.query_params.get(k) for k in st.query_params.keys()}  # noqa: SIM118
    now = {k: v for k, v in now.items() if k not in url_state.IGNORED}
    if now != query:
        st.query_params.from_dict(query)
    return query


def copy_link_button(query: dict[str, str]) -> None:
    """A "Copy link" button (the browser's clipboard) and the link itself, to read or copy."""
    link = (st.context.url or "") + ("?" + urlencode(query) if query else "")
    label, done = html.escape(t("copy_link")), json.dumps(t("copy_link_done"))
    script = (  # a block: the script runs again on every rerun, in the page's global scope
        "{const b=document.currentScript.previousElementSibling;"
        f"b.onclick=async()=>{{const u={json.dumps(link)};"
        "try{await navigator.clipboard.writeText(u)}catch(e){const a=document.createElement("
        "'textarea');a.value=u;document.body.appendChild(a);a.select();"
        "document.execCommand('copy');a.remove()}"
        f"b.dataset.copied='1';b.textContent={done};}}}}"
    )
    st.html(
        f'<button class="dnn-copy-link" data-testid="copyLinkButton">{label}</button>'
        f"<script>{script}</script>"
        "<style>.dnn-copy-link{font:inherit;padding:.35rem .75rem;border-radius:.5rem;"
        "border:1px solid rgba(49,51,63,.2);background:white;cursor:pointer;width:100%}"
        ".dnn-copy-link:hover{border-color:#b83d0b;color:#b83d0b}</style>",
        unsafe_allow_javascript=True,
    )
    with st.expander(t("show_link")):
        # plain text, not st.code: its syntax highlighter would cost every first visit 0.5 MB
        name = html.escape(t("a11y_scroll_code"), quote=True)
        st.html(
            f'<pre class="dnn-code dnn-wrap" tabindex="0" role="region" aria-label="{name}">'
            f"<code>{html.escape(link)}</code></pre>"
        )
