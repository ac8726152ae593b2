"""Server memory when one session uploads many files: the app's bounds against plain Streamlit.

Issue 12's scenario: one session uploads 30 files of 10 MB to random file ids (what a script can
do without the browser's widget). Plain Streamlit keeps them all until the session ends; the
app's upload store (ui/uploads.py) keeps at most 64 MB per session. The script starts two real
servers on 127.0.0.1 — the app, and a one-line app with a plain ``st.file_uploader`` — and prints
each one's resident memory (RSS) before the uploads, after them, and after one more rerun::

    .venv/bin/python bench/upload_memory.py [--files 30] [--mb 10]
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.streamlit_server import REPO, free_port, rss_mb, start_server, stop_server  # noqa: E402
from ui.uploads import GRACE_SECONDS  # noqa: E402

PLAIN_APP = "import streamlit as st\n\nst.file_uploader('any file')\n"


class Uploader:
    """A session of a running server that PUTs files as its upload widget would."""

    def __init__(self, url: str) -> None:
        from websockets.sync.client import connect

        with urllib.request.urlopen(url + "/_stcore/health", timeout=30) as r:  # XSRF cookie
            cookie = next(
                v.split(";")[0].split("=", 1)[1]
                for k, v in r.headers.items()
                if k.lower() == "set-cookie" and v.startswith("_streamlit_xsrf=")
            )
        self.url, self.token = url, cookie
        self._connection = connect(
            url.replace("http://", "ws://") + "/_stcore/stream",
            subprotocols=["streamlit"],
            additional_headers={"Cookie": f"_streamlit_xsrf={cookie}"},
            max_size=None,
            open_timeout=60,
        )
        self.ws = self._connection.__enter__()
        self.session_id = ""
        self.rerun()

    def rerun(self) -> None:
        """Run the script once and wait for it to finish (learning the session's id)."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = BackMsg()
        msg.rerun_script.query_string = ""
        self.ws.send(msg.SerializeToString())
        while True:
            f = ForwardMsg()
            f.ParseFromString(self.ws.recv(timeout=120))
            kind = f.WhichOneof("type")
            if kind == "new_session":
                self.session_id = f.new_session.initialize.session_id
            elif kind == "script_finished":
                return

    def put(self, data: bytes, name: str = "photo.jpg", file_id: str | None = None) -> int:
        """PUT one file to ``file_id`` (a random one by default); the HTTP status."""
        boundary = secrets.token_hex(16)
        body = b"".join(
            [
                f"--{boundary}\r\n".encode(),
                f'Content-Disposition: form-data; name="file"; filename="{name}"\r\n'.encode(),
                b"Content-Type: application/octet-stream\r\n\r\n",
                data,
                f"\r\n--{boundary}--\r\n".encode(),
            ]
        )
        request = urllib.request.Request(
            f"{self.url}/_stcore/upload_file/{self.session_id}/{file_id or uuid.uuid4()}",
            data=body,
            method="PUT",
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "X-Xsrftoken": self.token,
                "Cookie": f"_streamlit_xsrf={self.token}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=120) as r:
                return r.status
        except urllib.error.HTTPError as e:
            return e.code

    def close(self) -> None:
        """Close the tab."""
        self._connection.__exit__(None, None, None)


def scenario(url: str, pid: int, files: int, mb: float) -> dict:
    """RSS before and after ``files`` uploads of ``mb`` MB to random ids, then after reruns.

    One rerun at once, one ``GRACE_SECONDS`` later (when the app forgets unheld files).
    """
    session = Uploader(url)
    before = rss_mb(pid)
    payload = os.urandom(int(mb * 2**20))
    statuses = [session.put(payload) for _ in range(files)]
    after = rss_mb(pid)
    session.rerun()
    rerun = rss_mb(pid)
    time.sleep(GRACE_SECONDS + 1)
    session.rerun()
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
    for _ in range(300):
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError("the plain server did not start")


def main() -> None:
    """Print the two servers' memory around the scenario."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=30)
    parser.add_argument("--mb", type=float, default=10.0)
    args = parser.parse_args()
    print(f"one session uploads {args.files} files of {args.mb:g} MB to random file ids")
    later = f"+{GRACE_SECONDS:.0f} s"
    print(f"{'server':<26}{'RSS before':>11}{'after':>9}{'rerun':>9}{later:>9}  HTTP")
    for name, start in (("plain Streamlit", plain_server), ("this app (ui/uploads.py)", None)):
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
