"""The app as ``st.App`` with deploy/headers.py's middleware: what the classroom's replicas run.

    streamlit run deploy/app.py [--server.port 8502 ...]

It serves streamlit_app.py exactly as ``streamlit run streamlit_app.py`` does, with every HTTP
answer carrying the framing headers and Streamlit's front-end files sent gzipped. Streamlit runs
this file as a module of its own folder: the repository's folder comes first on the path.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# Streamlit put deploy/ first on the path (a script's folder); the app imports from the repository
sys.path[:] = [str(REPO)] + [p for p in sys.path if Path(p or ".").resolve() not in (HERE, REPO)]

import streamlit as st  # noqa: E402

from deploy.headers import MIDDLEWARE  # noqa: E402

app = st.App(REPO / "streamlit_app.py", middleware=MIDDLEWARE)
