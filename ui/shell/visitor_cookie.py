"""The browser's visitor token and work marker, in cookies (ui/core/visitor.py, ui/core/work.py).

On a session's first run the token comes from the ``dnn_visitor`` cookie the browser sent with
its connection; a browser without one gets a new token, and a small script sets the cookie
(first-party, ``SameSite=Strict``, a day long, renewed on every run) for its next visit. The
cookie is read-only for the server (Streamlit cannot set one), which is why a script does it.

The same script writes the ``dnn_work`` marker (what this browser has on this server process).
It sits in a slot at the top of the sidebar, drawn before the page, so that a run starting
rewrites it before it trains; a session whose browser's marker names another process says
what was lost (:func:`show_lost_work`).
"""

from __future__ import annotations

import json
import threading

import streamlit as st

from ui.core import session, visitor, work
from ui.core.i18n import t

MAX_AGE = 24 * 3600  # seconds: a school day, and the next
LOST = session.register("work_lost", None)  # {kind: count} this session's server did not have
SLOT_KEY = "visitor_marks"  # the sidebar container of the cookie script (hidden)
RECONNECTED = "visitor_reconnected"  # the hidden button: a rerun once the page reconnects
_run = threading.local()  # this script run's slot
# Once per page: when the connection comes back after it dropped while no script ran, click
# RECONNECTED (had a script been running, Streamlit reruns by itself).
RERUN_JS = """if (!window.__dnnReconnect) {
  window.__dnnReconnect = true;
  const app = document.querySelector('[data-testid="stApp"]');
  let dropped = null;  // null: connected; else whether a script ran when the connection dropped
  new MutationObserver(() => {
    const connected = app.getAttribute('data-test-connection-state') === 'CONNECTED';
    if (!connected && dropped === null) {
      dropped = app.getAttribute('data-test-script-state') === 'running';
    } else if (connected && dropped !== null) {
      const idle = !dropped;
      dropped = null;
      const button = document.querySelector('.st-key-BUTTON button');
      if (idle && button) button.click();
    }
  }).observe(app, {attributes: true, attributeFilter: ['data-test-connection-state']});
}""".replace("BUTTON", RECONNECTED)


def adopt() -> None:
    """Give this session its visitor token: the browser's, else a new one."""
    if visitor.token() is not None:
        return
    cookies = st.context.cookies or {}
    sent = cookies.get(visitor.COOKIE)
    st.session_state[visitor.TOKEN] = sent if visitor.valid(sent) else visitor.new_token()
    kept_here = visitor.valid(sent) and visitor.known(sent)
    st.session_state[LOST] = work.found_lost(cookies.get(work.COOKIE), kept_here) or None


def open_slot() -> None:
    """Draw the (hidden) slot of the cookie script, before the page: see the module's note.

    Beside it, a hidden button that the script clicks when the page reconnects while idle:
    Streamlit's front end reruns after a reconnection only if a script was running, so an idle
    tab that came back on a new server would go on showing what that server no longer has.
    """
    st.html(f"<style>.st-key-{SLOT_KEY} {{display: none}}</style>")  # no space, no flash
    with st.sidebar:
        box = st.container(key=SLOT_KEY)
        box.button("↻", key=RECONNECTED)
        _run.slot = box.empty()
    work.listen(cookie_script)
    work.start_run()


def cookie_script(settle: bool = False) -> None:
    """The script that (re)sets the cookies; drawn on every run, in the same place.

    ``settle``: at the end of a whole run (what the page no longer shows is let go first).

    Drawn on the first run alone, it was an element that the next run no longer had, and every
    element after it lost its state in the browser (the prediction page's tabs went back to
    the first one when the camera was switched on).
    """
    token, slot = visitor.token(), getattr(_run, "slot", None)
    if token is None or slot is None:
        return
    if settle:
        work.settle()
    tail = f"; path=/; max-age={MAX_AGE}; SameSite=Strict"
    cookies = [f"{visitor.COOKIE}={token}{tail}", f"{work.COOKIE}={work.marker()}{tail}"]
    lines = "".join(f"document.cookie = {json.dumps(c)};" for c in cookies)
    slot.html(f"<script>{lines}{RERUN_JS}</script>", unsafe_allow_javascript=True)


def show_lost_work() -> None:
    """Say what this browser's work lost with its old server, until the visitor says OK."""
    lost = st.session_state.get(LOST)
    if not lost:
        return
    names = {
        "run": t("work_lost_run", train=t("train")),
        "grid": t("work_lost_grid", grid=t("grid_run")),
        "photo": t("work_lost_photo"),
        "classes": t("work_lost_classes", page=t("nav_classes"), n=lost.get("classes", 0)),
        "unspooled": t("work_lost_unspooled", n=lost.get("unspooled", 0)),
    }
    with st.container(key="work_lost"):
        gone = [kind for kind in lost if kind not in work.KEPT]
        if gone:
            items = "".join(f"\n- {names[kind]}" for kind in gone)
            st.warning(t("work_lost_intro") + items, icon="⚠️")
        if lost.get("spooled"):
            st.info(t("work_kept_spooled", n=lost["spooled"]), icon="⏳")
        st.button(t("work_lost_ok"), key="work_lost_ok", on_click=_dismiss)


def _dismiss() -> None:
    st.session_state[LOST] = None
    work.dismiss()
