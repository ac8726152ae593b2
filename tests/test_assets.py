"""deploy/assets.py and deploy/headers.py as ASGI middleware, in process, on a fake application."""

from __future__ import annotations

import asyncio
import gzip
import threading

from deploy.assets import GzipAssets
from deploy.headers import FRAMING, FramingHeaders

SCRIPT = b"function f() { return 1; }\n" * 2000


class FakeApp:
    """Answers /static/*.js with a script, /static/*.woff2 with a font, anything else 404."""

    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self, scope, receive, send) -> None:
        self.calls += 1
        path = scope["path"]
        if path.endswith(".js"):
            kind, body, status = b"application/javascript", SCRIPT, 200
        elif path.endswith(".woff2"):
            kind, body, status = b"font/woff2", b"\x00" * 5000, 200
        else:
            kind, body, status = b"text/plain", b"Not Found", 404
        headers = [
            (b"content-type", kind),
            (b"content-length", str(len(body)).encode()),
            (b"etag", b'"abc"'),
            (b"cache-control", b"public, immutable, max-age=31536000"),
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        half = len(body) // 2  # in two pieces, as a file is streamed
        await send({"type": "http.response.body", "body": body[:half], "more_body": True})
        await send({"type": "http.response.body", "body": body[half:]})


def get(app, path: str, **headers: str):
    """GET through an ASGI app; (status, headers as a dict, body)."""
    messages = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        messages.append(message)

    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "headers": [(k.replace("_", "-").encode(), v.encode()) for k, v in headers.items()],
    }
    # in a thread of its own: the browser tests' driver may leave an event loop running here
    worker = threading.Thread(target=asyncio.run, args=(app(scope, receive, send),), daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive()
    start = messages[0]
    body = b"".join(m.get("body", b"") for m in messages[1:])
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body


def test_a_script_is_gzipped_once_and_keeps_its_cache_headers():
    inner = FakeApp()
    app = GzipAssets(inner)
    for _ in range(3):
        status, headers, body = get(app, "/static/js/index.js", accept_encoding="gzip, deflate")
        assert status == 200 and headers["content-encoding"] == "gzip"
        assert gzip.decompress(body) == SCRIPT and headers["content-length"] == str(len(body))
        assert headers["cache-control"] == "public, immutable, max-age=31536000"
        assert headers["etag"] == '"abc-gzip"' and headers["vary"] == "Accept-Encoding"
    assert inner.calls == 1  # compressed once, then answered from memory
    status, _, body = get(
        app, "/static/js/index.js", accept_encoding="gzip", if_none_match='"abc-gzip"'
    )
    assert status == 304 and body == b""


def test_what_is_not_compressible_text_passes_unchanged():
    inner = FakeApp()
    app = GzipAssets(inner)
    status, headers, body = get(app, "/static/js/index.js")  # no Accept-Encoding
    assert "content-encoding" not in headers and body == SCRIPT
    status, headers, body = get(app, "/static/js/index.js", accept_encoding="gzip", range="0-9")
    assert "content-encoding" not in headers and body == SCRIPT
    for _ in range(2):
        status, headers, body = get(app, "/static/media/font.woff2", accept_encoding="gzip")
        assert status == 200 and "content-encoding" not in headers and len(body) == 5000
    status, headers, body = get(app, "/other.js", accept_encoding="gzip")  # not under /static/
    assert "content-encoding" not in headers
    assert not app.cache


def test_made_up_paths_leave_nothing_behind():
    app = GzipAssets(FakeApp())
    for k in range(50):
        status, _, body = get(app, f"/static/nothing/{k}", accept_encoding="gzip")
        assert status == 404 and body == b"Not Found"
    assert not app.cache and not app.passed and not app._locks


def test_every_http_answer_gets_the_framing_headers():
    app = FramingHeaders(GzipAssets(FakeApp()))
    for path in ("/static/js/index.js", "/nothing"):
        _, headers, _ = get(app, path, accept_encoding="gzip")
        for name, value in FRAMING.items():
            assert headers[name.lower()] == value
