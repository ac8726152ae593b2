"""The page's state in its URL: read once when a session starts, written on every run.

Opening a link restores its language, presenter mode, training settings, runs (trained
again, see :func:`ui.run_actions.replay`) and the experiment grid's axes; as the visitor
changes anything the URL follows, so a reload or a shared link shows the same page. The codec
is :mod:`ui.url_state` (pure, tested).
"""

from __future__ import annotations

import html
import json
from urllib.parse import urlencode

import streamlit as st

import dnn
from ui import controls, grid_view, kept, run_actions, state, url_state
from ui.data import shared_data
from ui.i18n import t

_READ = "_link_read"


def browser_language() -> str:
    """``zh`` when the browser prefers Chinese (``navigator.language``, else Accept-Language)."""
    locale = st.context.locale or ""
    if not locale:
        locale = (st.context.headers.get("Accept-Language") or "").split(",")[0]
    return "zh" if locale.strip().lower().startswith("zh") else "en"


def restore_once() -> None:
    """On a session's first run, take the language, settings and runs from the URL."""
    if st.session_state.get(_READ):
        return
    st.session_state[_READ] = True
    query = {k: st.query_params.get_all(k) for k in st.query_params.keys()}  # noqa: SIM118
    link = url_state.parse(query)
    st.session_state.lang = link.lang or browser_language()
    st.session_state.present = link.present
    if link.settings is not None:
        controls.apply_settings(link.settings)
    if link.grid:
        grid_view.open_from_link(link.grid)
    st.session_state.pending_runs = list(link.runs)
    st.session_state.pending_compare = link.compare
    st.session_state.link_notes = link.notes


def show_notes() -> None:
    """What the link said that could not be used (once, at the top of the page)."""
    notes = st.session_state.pop("link_notes", None)
    if notes:
        lines = [t("link_" + code, **values) for code, values in notes]
        st.warning(t("link_notes") + "\n\n" + "\n".join(f"- {line}" for line in lines))


def replay_pending() -> None:
    """Train again the runs the link named (when the data is here; else on a later run)."""
    specs = list(st.session_state.get("pending_runs") or ())
    if not specs:
        return
    try:
        shared = shared_data()
    except dnn.DatasetError:  # the page says what is wrong with the data
        return
    box = st.empty()
    with state.exclusive(), box.container():
        complete = run_actions.replay(shared, specs, st.empty())
        known = {r.run_id for r in st.session_state.runs}
        compare = st.session_state.pop("pending_compare", None)
        default = [r.run_id for r in st.session_state.runs][-3:]
        kept.put("compare_runs", [n for n in compare if n in known] if compare else default)
    box.empty()
    if not complete:
        st.info(t("link_cut_short", s=f"{run_actions.REPLAY_SECONDS:.0f}"))


def current_link() -> url_state.LinkState:
    """The page's state now, as a link would hold it."""
    runs = [run_actions.spec_of(r) for r in st.session_state.get("runs", [])]
    runs += list(st.session_state.get("pending_runs") or ())
    return url_state.LinkState(
        lang=st.session_state.get("lang"),
        present=bool(st.session_state.get("present")),
        settings=controls.current_settings(),
        runs=runs,
        compare=kept.value("compare_runs"),
        grid=grid_view.link_axes(),
    )


def write_url() -> dict[str, str]:
    """Put the page's state in the address bar (only when it changed); return the query."""
    query = url_state.encode(current_link())
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
        ".dnn-copy-link:hover{border-color:#d9480f;color:#d9480f}</style>",
        unsafe_allow_javascript=True,
    )
    with st.expander(t("show_link")):
        st.code(link, language=None, wrap_lines=True)
