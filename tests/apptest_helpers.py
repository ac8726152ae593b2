"""Helpers for driving the app with Streamlit's AppTest."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "streamlit_app.py")
PAGES = ["pages/theory.py", "pages/training.py", "pages/prediction.py"]


def app(page: str | None = None, timeout: float = 60) -> AppTest:
    """A new session of the app, on ``page`` if given (each run may take ``timeout`` s)."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def plotly_specs(at: AppTest) -> list[dict]:
    """The JSON figure of every Plotly chart on the page, in order, arrays decoded."""
    return [_decode(json.loads(e.proto.spec)) for e in at.get("plotly_chart")]


def _decode(node):
    """Plotly sends NumPy arrays as {"dtype", "bdata"} (base64): turn them into lists."""
    if isinstance(node, dict):
        if set(node) >= {"dtype", "bdata"}:
            return np.frombuffer(base64.b64decode(node["bdata"]), node["dtype"]).tolist()
        return {k: _decode(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_decode(v) for v in node]
    return node


def texts(at: AppTest) -> str:
    """All markdown, info, success, warning and error text on the page, joined."""
    parts = []
    for kind in ("title", "markdown", "info", "success", "warning", "error", "caption"):
        parts += [e.value for e in getattr(at, kind)]
    return "\n".join(parts)
