"""The browser's visitor token, in a cookie (see :mod:`ui.core.visitor`).

On a session's first run the token comes from the ``dnn_visitor`` cookie the browser sent with
its connection; a browser without one gets a new token, and a small script sets the cookie
(first-party, ``SameSite=Strict``, a day long, renewed on every run) for its next visit. The
cookie is read-only for the server (Streamlit cannot set one), which is why a script does it.
"""

from __future__ import annotations

import json

import streamlit as st

from ui.core import visitor

MAX_AGE = 24 * 3600  # seconds: a school day, and the next


def adopt() -> None:
    """Give this session its visitor token: the browser's, else a new one."""
    if visitor.token() is not None:
        return
    sent = (st.context.cookies or {}).get(visitor.COOKIE)
    st.session_state[visitor.TOKEN] = sent if visitor.valid(sent) else visitor.new_token()


def cookie_script() -> None:
    """The script that (re)sets the cookie; drawn on every run, in the same place.

    Drawn on the first run alone, it was an element that the next run no longer had, and every
    element after it lost its state in the browser (the prediction page's tabs went back to
    the first one when the camera was switched on).
    """
    token = visitor.token()
    if token is None:
        return
    cookie = f"{visitor.COOKIE}={token}; path=/; max-age={MAX_AGE}; SameSite=Strict"
    script = f"<script>document.cookie = {json.dumps(cookie)};</script>"
    st.html(script, unsafe_allow_javascript=True)
