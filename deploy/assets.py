"""Streamlit's own JavaScript and CSS, gzipped once at the best level and kept in memory.

A first visit loads about 10 MB of Streamlit's front end (Plotly alone is 4.7 MB). Streamlit
sends these files uncompressed; HAProxy's gzip (libslz in Debian's build: fast, one level) makes
them about 5 MB. Compressed once by zlib at level 9 they are about 2.7 MB. The files under
``/static/`` have content-hashed names and never change while a server runs, so each one is
compressed once per process, in a worker thread (zlib lets go of the GIL), and its bytes kept.
"""

from __future__ import annotations

import asyncio
import gzip

PREFIX = "/static/"  # Streamlit's hashed, immutable front-end files
TYPES = ("javascript", "text/css", "application/json", "image/svg+xml", "text/plain")
BUDGET = 64_000_000  # bytes of compressed files kept at most (all of Streamlit's: about 8 MB)
DROPPED = {b"content-length", b"content-encoding", b"accept-ranges", b"etag", b"vary"}


def _header(scope, name: bytes) -> bytes:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value
    return b""


class GzipAssets:
    """ASGI middleware: answer GETs of ``/static/`` text files with a cached gzip body.

    Parameters
    ----------
    app : ASGI application
        The application whose answers are compressed (Streamlit's server).
    level : int
        zlib's compression level, 1 (fastest) to 9 (smallest).
    budget : int
        Bytes of compressed bodies kept at most; past it, files pass through unchanged.

    Notes
    -----
    Only whole GET answers with status 200 are compressed: HEAD, range requests and clients
    that do not accept gzip pass through. ``Cache-Control`` and the other headers are kept; the
    ``ETag`` gets a ``-gzip`` suffix (another body, another tag) and ``Vary: Accept-Encoding``
    is added. A tag the client already has is answered with 304 from the cache.
    """

    def __init__(self, app, level: int = 9, budget: int = BUDGET) -> None:
        self.app, self.level, self.budget = app, level, budget
        self.cache: dict[str, tuple[list, bytes, bytes]] = {}  # path → (headers, etag, body)
        self.passed: set[str] = set()  # paths seen not to be compressible text
        self.kept = 0  # bytes in the cache
        self._locks: dict[str, asyncio.Lock] = {}

    async def __call__(self, scope, receive, send) -> None:
        """Handle one ASGI connection."""
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope.get("method") != "GET"
            or not path.startswith(PREFIX)
            or path in self.passed
            or b"gzip" not in _header(scope, b"accept-encoding").lower()
            or _header(scope, b"range")
        ):
            await self.app(scope, receive, send)
            return
        lock = self._locks.setdefault(path, asyncio.Lock())
        try:
            async with lock:  # one compression per file, however many visitors ask at once
                if path not in self.cache and path not in self.passed:
                    if not await self._fill(path, scope, receive, send):
                        return  # answered already, unchanged
        finally:  # no lock kept per path asked (made-up paths would pile up)
            if self._locks.get(path) is lock and not lock.locked():
                del self._locks[path]
        if path in self.passed:
            await self.app(scope, receive, send)
        else:
            await self._answer(self.cache[path], scope, send)

    async def _fill(self, path: str, scope, receive, send) -> bool:
        """Ask the app; keep its answer gzipped and return True, or send it as is."""
        messages: list[dict] = []

        async def keep(message) -> None:
            messages.append(message)

        await self.app(scope, receive, keep)
        start = messages[0] if messages else {}
        headers = list(start.get("headers", ()))
        kind = next((v for k, v in headers if k.lower() == b"content-type"), b"").decode()
        compressible = (
            start.get("status") == 200
            and not any(k.lower() == b"content-encoding" for k, _ in headers)
            and any(t in kind for t in TYPES)
        )
        body = b"".join(m.get("body", b"") for m in messages[1:])
        if compressible and self.kept < self.budget:
            packed = await asyncio.to_thread(gzip.compress, body, self.level, mtime=0)
            etag = next((v for k, v in headers if k.lower() == b"etag"), b"")
            etag = etag[:-1] + b'-gzip"' if etag.endswith(b'"') else etag
            kept = [(k, v) for k, v in headers if k.lower() not in DROPPED]
            self.cache[path] = (kept, etag, packed)
            self.kept += len(packed)
            return True
        if start.get("status") == 200:
            self.passed.add(path)
        for message in messages:
            await send(message)
        return False

    async def _answer(self, entry, scope, send) -> None:
        headers, etag, body = entry
        extra = [(b"vary", b"Accept-Encoding")] + ([(b"etag", etag)] if etag else [])
        if etag and etag in _header(scope, b"if-none-match"):
            await send({"type": "http.response.start", "status": 304, "headers": headers + extra})
            await send({"type": "http.response.body", "body": b""})
            return
        length = [(b"content-encoding", b"gzip"), (b"content-length", str(len(body)).encode())]
        start = {"type": "http.response.start", "status": 200, "headers": headers + extra + length}
        await send(start)
        await send({"type": "http.response.body", "body": body})
