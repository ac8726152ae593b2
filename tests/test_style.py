"""The code base stays ruff-clean (lint and format), and the engine never imports the UI."""

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def ruff(*args):
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


def test_ruff_check():
    done = ruff("check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format():
    done = ruff("format", "--check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_engine_does_not_import_streamlit_or_plotly():
    code = (
        "import sys, dnn, dnn.datasets.download; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('streamlit', 'plotly')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert out.stdout.strip() == "[]", out.stderr


SHARED_BUTTONS = ("file_button", "model_button")  # ui/widgets/downloads.py


def test_download_buttons_do_not_rerun_the_page():
    """A click that also reruns the page can lose a file built on click (the button spins, no
    download: 2 in 10 in Chromium), so every download button says ``on_click="ignore"``."""
    calls, buttons = [], 0
    for path in [*REPO.glob("pages/*.py"), *REPO.glob("ui/**/*.py"), REPO / "streamlit_app.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = getattr(node, "func", None)
            if isinstance(node, ast.Call) and getattr(func, "attr", None) == "download_button":
                kw = {k.arg: k.value for k in node.keywords}
                ignore = isinstance(kw.get("on_click"), ast.Constant) and kw["on_click"].value
                calls.append((f"{path.name}:{node.lineno}", ignore))
            if isinstance(node, ast.Call) and getattr(func, "id", None) in SHARED_BUTTONS:
                buttons += 1  # through ui.widgets.downloads, which passes on_click="ignore"
    # the training page's model and costs, /classes' data set and model
    assert len(calls) + buttons >= 4 + 1
    assert [c for c in calls if c[1] != "ignore"] == []
