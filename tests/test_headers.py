"""What the classroom shows the network: framing headers, no metrics, gzip, loopback replicas.

Real HAProxy in front of a real replica and in front of a laptop's bare ``streamlit run
streamlit_app.py`` (the same app); skips without HAProxy (fails with DNN_REQUIRE_PROXY=1).
"""

from __future__ import annotations

import gzip
import http.client
import re
import socket
import subprocess
import sys
import textwrap
from urllib.parse import urlsplit

import pytest

from deploy import classroom, proxy
from deploy import replicas as rp
from deploy.classroom import Classroom, free_port
from deploy.headers import FRAMING
from deploy.replicas import REPO
from deploy.supervisor import Signals

STATIC_CACHE = "public, immutable, max-age=31536000"  # Streamlit's header for its front end
METRICS = ["/_stcore/metrics", "/_stcore/%6detrics", "//_stcore//metrics", "/_stcore/metrics/"]


@pytest.fixture(scope="module")
def room(haproxy, data):
    """One replica behind HAProxy on 127.0.0.1."""
    with Classroom(free_port(), replicas=1, bind="127.0.0.1") as r:
        yield r


@pytest.fixture(scope="module")
def plain_proxy(haproxy, server, tmp_path_factory):
    """HAProxy with the classroom's configuration in front of a plain ``streamlit run``."""
    where = urlsplit(server)
    folder = tmp_path_factory.mktemp("haproxy")
    port = free_port()
    backend = proxy.Backend("r1", where.hostname, where.port)
    config = folder / "haproxy.cfg"
    config.write_text(proxy.render_config("127.0.0.1", port, [backend], folder / "sock"))
    with open(folder / "haproxy.log", "w") as log:
        process = proxy.start_proxy(config, log)
        try:
            url = f"http://127.0.0.1:{port}"
            rp.wait_healthy([url], 30, [process])
            yield url
        finally:
            rp.stop_all([process])


def get(url: str, path: str, headers: dict | None = None):
    """GET ``path`` with http.client (nothing decoded, repeated headers kept); (response, body)."""
    where = urlsplit(url)
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response, response.read()
    finally:
        conn.close()


def script_asset(url: str) -> str:
    """The path of the app's main JavaScript file, read from its page."""
    _, page = get(url, "/")
    return "/" + re.search(rb'src="\./(static/js/index\.[^"]+\.js)"', page).group(1).decode()


def assert_framed(response) -> None:
    for name, value in FRAMING.items():
        assert response.msg.get_all(name) == [value], (name, response.msg.items())


@pytest.mark.parametrize("side", ["proxy", "replica"])
def test_every_answer_says_only_this_site_may_frame_it(room, side):
    url = room.url if side == "proxy" else room.local[0].url
    for path in ["/", "/training", "/_stcore/health", script_asset(url), "/no/such/page"]:
        response, _ = get(url, path)
        assert response.status == 200, path
        assert_framed(response)
    response, _ = get(url, "/_stcore/metrics")  # HAProxy's own 404, or Streamlit's answer
    assert_framed(response)


def test_metrics_are_not_served_to_the_students_side(room):
    for path in METRICS:
        response, body = get(room.url, path)
        assert response.status == 404 and b"session_events" not in body, path
    response, body = get(room.local[0].url, "/_stcore/metrics")
    assert response.status == 200 and b"session_events" in body  # it is there, behind
    response, body = get(room.url, "/_stcore/host-config")  # the page needs this one
    assert response.status == 200 and b"allowedOrigins" in body


def test_a_script_is_gzipped_through_the_proxy_and_keeps_its_cache_headers(room):
    path = script_asset(room.url)
    first, _ = get(room.url, "/")  # a browser's first request: the proxy's cookie
    cookie = first.getheader("Set-Cookie").split(";")[0]
    response, body = get(room.url, path, {"Accept-Encoding": "gzip", "Cookie": cookie})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.msg.get_all("Cache-Control") == [STATIC_CACHE]
    assert "Accept-Encoding" in response.getheader("Vary")
    direct, raw = get(room.local[0].url, path)  # what Streamlit sends: the same, uncompressed
    assert direct.getheader("Content-Encoding") is None
    assert direct.getheader("Cache-Control") == STATIC_CACHE
    assert gzip.decompress(body) == raw and len(body) < len(raw) / 2
    again, _ = get(  # the browser's revalidation of the compressed copy
        room.url, path, {"Accept-Encoding": "gzip", "If-None-Match": response.getheader("ETag")}
    )
    assert again.status == 304


def test_the_laptop_server_frames_and_gzips_by_itself_and_through_the_proxy(plain_proxy, server):
    # `streamlit run streamlit_app.py`, as the README's one command starts it, with nothing in front
    for url in (server, plain_proxy):
        for path in ["/", "/training", "/_stcore/health", script_asset(server), "/no/such/page"]:
            response, _ = get(url, path)
            assert response.status == 200, (url, path)
            assert_framed(response)  # once: HAProxy replaces the app's copy, it does not add one
    path = script_asset(server)
    direct, body = get(server, path, {"Accept-Encoding": "gzip"})
    assert direct.getheader("Content-Encoding") == "gzip"  # the app's own level-9 copy
    plain, raw = get(server, path)  # a client that does not ask for gzip
    assert plain.getheader("Content-Encoding") is None and gzip.decompress(body) == raw
    assert len(body) < len(raw) / 2 and direct.getheader("Cache-Control") == STATIC_CACHE
    # what the app sends uncompressed, the proxy gzips (Streamlit's JSON answers)
    direct, raw = get(server, "/_stcore/host-config", {"Accept-Encoding": "gzip"})
    assert direct.getheader("Content-Encoding") is None
    response, body = get(plain_proxy, "/_stcore/host-config", {"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip" and gzip.decompress(body) == raw


def test_the_proxy_closes_a_request_whose_headers_never_end(room):
    # a Streamlit server alone keeps such a connection open for good; HAProxy gives it 10 s
    with socket.create_connection(("127.0.0.1", room.port), timeout=30) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the blank line
        answer = s.recv(1000)  # waits for HAProxy (at most the 30 s timeout)
    assert answer.startswith(b"HTTP/1.1 408")


def test_replicas_only_listen_on_loopback_unless_told(monkeypatch):
    assert classroom.parse_args(["--replicas-only"]).bind == "127.0.0.1"
    assert classroom.parse_args([]).bind == "0.0.0.0"  # the proxy: students reach it
    assert classroom.parse_args(["--replicas-only", "--bind", "10.0.0.5"]).bind == "10.0.0.5"
    commands = []

    def popen(cmd, **kwargs):
        commands.append(cmd)
        raise OSError("not started in a test")

    monkeypatch.setattr(rp.subprocess, "Popen", popen)
    args = classroom.parse_args(["--replicas-only", "--replicas", "1", "--port", "8601"])
    with pytest.raises(OSError):
        classroom.serve_replicas_only(args.port, args.replicas, args.bind, Signals())
    (cmd,) = commands
    assert cmd[cmd.index("--server.address") + 1] == "127.0.0.1"
    assert cmd[cmd.index("--server.port") + 1] == "8601"
    assert cmd[cmd.index("run") + 1] == rp.APP


CHECK_LOOKUP = textwrap.dedent(
    """
    import sys
    from streamlit import config, net_util
    from streamlit.web import bootstrap

    config._main_script_path = "streamlit_app.py"
    config.get_config_options(force_reparse=True)  # the repository's .streamlit/config.toml
    if sys.argv[1] == "all":  # as a replica with --bind 0.0.0.0 is started
        config._set_option("server.address", "0.0.0.0", "command-line argument")
    if sys.argv[2] == "default":  # without the project's setting
        config._set_option("browser.serverAddress", "localhost", "<default>")
    asked = []
    net_util.get_external_ip = lambda: asked.append(1)
    bootstrap._print_url(False)
    print("ASKED" if asked else "NOT ASKED")
    """
)


@pytest.mark.parametrize("address", ["unset", "all"])
def test_a_server_does_not_ask_the_internet_for_its_address_at_start(address):
    def asks(setting: str) -> bool:
        out = subprocess.run(
            [sys.executable, "-c", CHECK_LOOKUP, address, setting],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert out.returncode == 0, out.stderr
        return "NOT ASKED" not in out.stdout

    assert not asks("project")
    assert asks("default")  # Streamlit's own default would have looked it up
