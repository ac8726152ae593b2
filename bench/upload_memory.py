"""Server memory when one session uploads many files: the app's bounds against plain Streamlit.

Issue 12's scenario: one session uploads 30 files of 10 MB to random file ids (what a script can
do without the browser's widget). Plain Streamlit keeps them all until the session ends; the
app's upload store (ui/shell/uploads.py) keeps at most 64 MB per session. The script starts two real
servers on 127.0.0.1 — the app, and a one-line app with a plain ``st.file_uploader`` — and prints
each one's resident memory (RSS) before the uploads, after them, and after one more rerun::

    .venv/bin/python bench/upload_memory.py [--files 30] [--mb 10]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.streamlit_client import Session  # noqa: E402
from bench.streamlit_server import REPO, free_port, rss_mb, start_server, stop_server  # noqa: E402
from deploy.replicas import wait_healthy  # noqa: E402
from ui.shell.uploads import GRACE_SECONDS  # noqa: E402

PLAIN_APP = "import streamlit as st\n\nst.file_uploader('any file')\n"


def put(session: Session, data: bytes, name: str = "photo.jpg") -> int:
    """PUT one file to a random file id of ``session``, as its upload widget would; the status."""
    url = f"/_stcore/upload_file/{session.session_id}/{uuid.uuid4()}"
    return session.put_file(url, name, data, "application/octet-stream").status


def scenario(url: str, pid: int, files: int, mb: float) -> dict:
    """RSS before and after ``files`` uploads of ``mb`` MB to random ids, then after reruns.

    One rerun at once, one ``GRACE_SECONDS`` later (when the app forgets unheld files).
    """
    session = Session(url)
    session.run()  # the session's id
    before = rss_mb(pid)
    payload = os.urandom(int(mb * 2**20))
    statuses = [put(session, payload) for _ in range(files)]
    after = rss_mb(pid)
    session.run()
    rerun = rss_mb(pid)
    time.sleep(GRACE_SECONDS + 1)
    session.run()
    later = rss_mb(pid)
    session.close()
    return {"before": before, "after": after, "rerun": rerun, "later": later, "statuses": statuses}


def plain_server():
    """A one-widget app on plain Streamlit (the same server settings as the app's)."""
    folder = Path(tempfile.mkdtemp(prefix="plain_upload_"))
    (folder / "app.py").write_text(PLAIN_APP)
    (folder / ".streamlit").mkdir()
    (folder / ".streamlit" / "config.toml").write_text(
        (REPO / ".streamlit/config.toml").read_text()
    )
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true"],
        cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy([url], 60, [proc])
    except RuntimeError as exc:
        raise RuntimeError(f"the plain server did not start: {exc}\n{stop_server(proc)}") from None
    return proc, url


def main() -> None:
    """Print the two servers' memory around the scenario."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=30)
    parser.add_argument("--mb", type=float, default=10.0)
    args = parser.parse_args()
    print(f"one session uploads {args.files} files of {args.mb:g} MB to random file ids")
    later = f"+{GRACE_SECONDS:.0f} s"
    print(f"{'server':<26}{'RSS before':>11}{'after':>9}{'rerun':>9}{later:>9}  HTTP")
    for name, start in (
        ("plain Streamlit", plain_server),
        ("this app (ui/shell/uploads.py)", None),
    ):
        proc, url = start() if start else start_server()
        try:
            r = scenario(url, proc.pid, args.files, args.mb)
        finally:
            log = stop_server(proc)
        counts = {s: r["statuses"].count(s) for s in sorted(set(r["statuses"]))}
        mb = "".join(f"{r[k]:>6.0f} MB" for k in ("after", "rerun", "later"))
        print(f"{name:<26}{r['before']:>8.0f} MB{mb}  {counts}")
        if "Traceback" in log:
            print(log)
    print("(RSS of the server process; the machine may be shared: compare the rows, not runs)")


if __name__ == "__main__":
    main()
