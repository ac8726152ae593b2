"""What the app adds to each of Streamlit's HTTP answers, for a server that faces browsers.

``MIDDLEWARE`` is the list to give ``st.App(..., middleware=MIDDLEWARE)``: the framing headers
on every answer, then Streamlit's front-end files gzipped once (deploy/assets.py). Streamlit has
no setting for response headers; ``st.App`` middleware is its way to add them (Streamlit 1.5x+
on Starlette). streamlit_app.py serves itself with it, on a laptop and on the classroom's
replicas; HAProxy sets the same headers again in front of them (deploy/haproxy.cfg.template).
"""

from __future__ import annotations

from starlette.middleware import Middleware

from deploy.assets import GzipAssets

# only this site may show the app in a frame: no clickjacking of a class's pages by another site
FRAMING = {"Content-Security-Policy": "frame-ancestors 'self'", "X-Frame-Options": "SAMEORIGIN"}


class FramingHeaders:
    """ASGI middleware: set the ``FRAMING`` headers on every HTTP answer (not on websockets).

    Parameters
    ----------
    app : ASGI application
        The application whose answers get the headers (Streamlit's server).
    """

    def __init__(self, app) -> None:
        self.app = app
        self.names = {name.lower().encode() for name in FRAMING}
        self.headers = [(k.lower().encode(), v.encode()) for k, v in FRAMING.items()]

    async def __call__(self, scope, receive, send) -> None:
        """Handle one ASGI connection."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def framed(message) -> None:
            if message["type"] == "http.response.start":
                headers = message.get("headers", ())
                kept = [(k, v) for k, v in headers if k.lower() not in self.names]
                message = {**message, "headers": kept + self.headers}
            await send(message)

        await self.app(scope, receive, framed)


MIDDLEWARE = [Middleware(FramingHeaders), Middleware(GzipAssets)]
