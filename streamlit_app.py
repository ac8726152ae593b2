"""Entry point: the router (see ui/shell/router.py) draws the sidebar and the page the URL names.

``streamlit run streamlit_app.py`` finds ``app`` below and serves this same file as an
``st.App`` with deploy/headers.py's middleware (framing headers on every answer, Streamlit's
front end gzipped), on a laptop as on the classroom's replicas. Each session's script run
executes the file again as ``__main__`` and draws the page.
"""

import streamlit as st

if __name__ == "__main__":  # a session's script run (and AppTest)
    from ui.shell.router import main

    main()
else:  # imported by `streamlit run` (uvicorn) to serve the app
    from deploy.headers import MIDDLEWARE
    from ui.board import flusher
    from ui.shell.memory import limit_arenas

    limit_arenas()  # before the sessions' threads: memory given back when they end
    flusher.start()  # runs a dead replica left in this machine's spool reach the board

    app = st.App(__file__, middleware=MIDDLEWARE)
