"""The browser's visitor token, in a cookie (see :mod:`ui.core.visitor`).

On a session's first run the token comes from the ``dnn_visitor`` cookie the browser sent with
its connection; a browser without one gets a new token, and a small script sets the cookie
(first-party, ``SameSite=Strict``, a day long) for its next visit. The cookie is read-only for
the server (Streamlit cannot set one), which is why a script does it.
"""

from __future__ import annotations

import json

import streamlit as st

from ui.core import visitor

MAX_AGE = 24 * 3600  # seconds: a school day, and the next


def adopt() -> None:
    """Give this session its visitor token: the browser's, else a new one (and its cookie)."""
    if visitor.token() is not None:
        return
    sent = (st.context.cookies or {}).get(visitor.COOKIE)
    if visitor.valid(sent):
        st.session_state[visitor.TOKEN] = sent
        return
    token = st.session_state[visitor.TOKEN] = visitor.new_token()
    cookie = f"{visitor.COOKIE}={token}; path=/; max-age={MAX_AGE}; SameSite=Strict"
    st.html(
        f"<script>document.cookie = {json.dumps(cookie)};</script>", unsafe_allow_javascript=True
    )
