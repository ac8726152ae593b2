"""A minimal Streamlit client: one visitor's tab, speaking the app's protocol like a browser.

It does what a browser does, in the same order, so it works through the classroom's proxy:
GET the page (the proxy's cookie picks a replica), GET /_stcore/health (Streamlit's XSRF
cookie), then the websocket with both cookies and the XSRF token; BackMsg protobufs to rerun
the script with widget states; uploads PUT to the URLs the server gives, with the XSRF header;
pictures fetched from their /media URLs. Every HTTP request carries the session's cookies, so
all of a session's requests go to its replica.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

XSRF_COOKIE = "_streamlit_xsrf"
PROXY_COOKIE = "dnn_replica"  # deploy.proxy.COOKIE: the replica the proxy sends us to
REPLICA_HEADER = "X-Replica"  # deploy.proxy.REPLICA_HEADER: which replica answered


@dataclass
class Run:
    """What one script run sent to the client."""

    seconds: float
    widgets: dict[str, str] = field(default_factory=dict)  # user key → widget id
    kinds: dict[str, str] = field(default_factory=dict)  # user key → element type
    texts: list[str] = field(default_factory=list)  # alerts and markdown
    metrics: dict[str, str] = field(default_factory=dict)  # label → value shown
    images: list[str] = field(default_factory=list)  # media URLs of st.image pictures
    exceptions: list[str] = field(default_factory=list)
    charts: int = 0  # Plotly charts sent (each frame of a live chart is one)
    rerun: bool = False  # it ended early for a rerun (the script's own st.rerun, or a click)


@dataclass
class Response:
    """An HTTP response: status, headers, body."""

    status: int
    headers: dict[str, str]
    body: bytes


class Session:
    """One visitor: cookies, a websocket to the app, driven like a browser drives it."""

    def __init__(
        self,
        url: str,
        page: str = "",
        timeout: float = 120.0,
        cookies: dict | None = None,
        query: str = "",
    ) -> None:
        from websockets.sync.client import connect

        self.url, self.page, self.timeout = url.rstrip("/"), page, timeout
        self.query = query  # the link's query string, sent with every rerun as a browser does
        self.cookies: dict[str, str] = dict(cookies or {})  # the browser's, e.g. its visitor
        self.served_by: list[str] = []  # the X-Replica header of each response, in order
        self.widgets: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.states: dict[str, object] = {}  # widget id → WidgetState sent with every rerun
        self.session_id = ""
        self._file_urls: dict[str, list] = {}
        self._sent = time.perf_counter()
        self.request("GET", f"/{page}?{query}" if query else f"/{page}")  # a proxy sets its cookie
        self.request("GET", "/_stcore/health")  # the page's first call: the XSRF cookie
        xsrf = self.cookies.get(XSRF_COOKIE)
        self._connection = connect(
            self.url.replace("http://", "ws://", 1) + "/_stcore/stream",
            subprotocols=["streamlit", xsrf] if xsrf else ["streamlit"],
            additional_headers={"Cookie": self._cookie_header(), "Origin": self.url},
            max_size=None,
            open_timeout=timeout,
        )
        self.ws = self._connection.__enter__()  # websockets wants its context entered
        if replica := self.ws.response.headers.get(REPLICA_HEADER):
            self.served_by.append(replica)

    @property
    def replica(self) -> str | None:
        """The replica the proxy's cookie names (None when there is no proxy)."""
        return self.cookies.get(PROXY_COOKIE)

    def _cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        """An HTTP request with this session's cookies; keep the cookies it sets."""
        req = urllib.request.Request(self.url + path, data=body, method=method)
        for k, v in {**(headers or {}), "Cookie": self._cookie_header()}.items():
            if v:
                req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as r:
                status, msg, data = r.status, r.headers, r.read()
        except urllib.error.HTTPError as err:
            status, msg, data = err.code, err.headers, err.read()
        for line in msg.get_all("Set-Cookie") or []:
            self.cookies.update({k: m.value for k, m in SimpleCookie(line).items()})
        if replica := msg.get(REPLICA_HEADER):
            self.served_by.append(replica)
        return Response(status, dict(msg.items()), data)

    def set(self, key: str, value) -> None:
        """Set a widget's value (sent with this and every later rerun, as a browser does).

        Sliders and number inputs take numbers; select boxes and select sliders take the
        option's label as the page shows it.
        """
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        state = WidgetState(id=self.widgets[key])
        kind = self.kinds[key]
        if kind == "slider":
            state.double_array_value.data.append(float(value))
        elif kind == "number_input":
            state.double_value = float(value)
        elif kind == "selectbox":
            state.string_value = str(value)
        elif kind == "select_slider":
            state.string_array_value.data.append(str(value))
        elif kind in ("checkbox", "toggle"):
            state.bool_value = bool(value)
        else:
            raise ValueError(f"cannot set a {kind} widget")
        self.states[state.id] = state

    def upload(self, key: str, files: list[tuple[str, bytes, str]]) -> list[int]:
        """Upload (name, data, MIME type) files to a file uploader, as the browser does.

        Asks the server for upload URLs, PUTs each file there with the XSRF header, then sets
        the uploader's state; the next ``run`` sees the files. Returns the PUT statuses.
        """
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        msg = BackMsg()
        msg.file_urls_request.request_id = request_id = uuid.uuid4().hex
        msg.file_urls_request.session_id = self.session_id
        msg.file_urls_request.file_names.extend(name for name, _, _ in files)
        self.ws.send(msg.SerializeToString())
        while request_id not in self._file_urls:
            self._read_one(Run(0.0))
        state = WidgetState(id=self.widgets[key])
        statuses = []
        for (name, data, mime), urls in zip(files, self._file_urls.pop(request_id), strict=True):
            statuses.append(self.put_file(urls.upload_url, name, data, mime).status)
            info = state.file_uploader_state_value.uploaded_file_info.add()
            info.name, info.size, info.file_id = name, len(data), urls.file_id
            info.file_urls.CopyFrom(urls)
        self.states[state.id] = state
        return statuses

    def put_file(self, upload_url: str, name: str, data: bytes, mime: str, xsrf: bool = True):
        """PUT one file as multipart form data, with the XSRF header (unless ``xsrf=False``)."""
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"'
                f"\r\nContent-Type: {mime}\r\n\r\n"
            ).encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        path = upload_url.removeprefix(self.url)
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        if xsrf:
            headers["X-Xsrftoken"] = self.cookies.get(XSRF_COOKIE, "")
        return self.request("PUT", path if path.startswith("/") else "/" + path, body, headers)

    def run(self, clicks: tuple[str, ...] = ()) -> Run:
        """Rerun the script (clicking the buttons with these keys); wait until it finishes."""
        self.send_rerun(clicks)
        return self.wait()

    def send_rerun(self, clicks: tuple[str, ...] = ()) -> None:
        """Ask for a rerun with these clicks, without waiting (a click while a run goes on)."""
        from streamlit.proto.BackMsg_pb2 import BackMsg

        msg = BackMsg()
        msg.rerun_script.page_name = self.page  # the URL's page, as a browser sends it
        msg.rerun_script.query_string = self.query
        widgets = msg.rerun_script.widget_states.widgets
        widgets.extend(self.states.values())
        for key in clicks:
            state = widgets.add()
            state.id = self.widgets[key]
            state.trigger_value = True
        self._sent = time.perf_counter()
        self.ws.send(msg.SerializeToString())

    def wait(self) -> Run:
        """Read until a script run finishes (or is cut short by a rerun); what it sent."""
        run = Run(0.0)
        while not self._read_one(run):
            pass
        run.seconds = time.perf_counter() - self._sent
        self.widgets.update(run.widgets)
        self.kinds.update(run.kinds)
        return run

    def _read_one(self, run: Run) -> bool:
        """Read one ForwardMsg into ``run``; True when it says the script run finished."""
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        f = ForwardMsg()
        f.ParseFromString(self.ws.recv(timeout=self.timeout))
        kind = f.WhichOneof("type")
        if kind == "new_session":
            self.session_id = f.new_session.initialize.session_id
        elif kind == "file_urls_response":
            self._file_urls[f.file_urls_response.response_id] = list(f.file_urls_response.file_urls)
        elif kind == "delta" and f.delta.WhichOneof("type") == "new_element":
            read_element(f.delta.new_element, run)
        if kind == "script_finished":
            run.rerun = f.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN
        return kind == "script_finished"

    def close(self) -> None:
        """Close the tab."""
        self._connection.__exit__(None, None, None)


def read_element(element, run: Run) -> None:
    """Read what one new element says into ``run``: a widget id and kind, a text, a metric."""
    which = element.WhichOneof("type")
    inner = getattr(element, which) if which else None
    key = getattr(inner, "id", "") if inner is not None else ""
    if isinstance(key, str) and key.startswith("$$ID-") and "-" in key[5:]:
        user_key = key.split("-", 2)[2]
        run.widgets[user_key], run.kinds[user_key] = key, which
    if which == "alert":
        run.texts.append(element.alert.body)
    elif which == "markdown":
        run.texts.append(element.markdown.body)
    elif which == "metric":
        run.metrics[element.metric.label] = element.metric.body
    elif which == "imgs":
        run.images.extend(img.url for img in element.imgs.imgs)
    elif which == "plotly_chart":
        run.charts += 1
    elif which == "exception":
        run.exceptions.append(element.exception.message)
