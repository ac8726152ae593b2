"""Bytes on the wire of a first and a second visit, in real headless Chromium (issue 20, item 6).

    python bench/page_weight.py [--replicas N] [--only proxy|direct] [--no-run]

A fresh browser context (an empty cache, like a student's first visit) opens /theory, waits
until the app is connected and idle, then opens /training in the same context (its cache kept,
as a second page of the lesson). Both through the classroom deployment (HAProxy + replicas,
deploy/classroom.py, text gzipped by HAProxy) and directly against one ``streamlit run`` server
(what a laptop serves). Counted from Chrome's DevTools protocol: ``Network.loadingFinished``
``encodedDataLength`` (HTTP bytes as transferred: compressed bodies and headers; 0 for what came
from the cache), ``Network.dataReceived`` ``dataLength`` (the bodies that came over the network,
decoded), and the websocket's frames (``Network.webSocketFrameReceived``, payload bytes); total
is HTTP as transferred plus the websocket's payloads. Only 127.0.0.1 is
contacted; the browser is Debian's /usr/bin/chromium ($DNN_CHROMIUM), never a download.

Then, on the same /training page, what the app itself sends while a run trains and after it:
the lesson's run (2,500 iterations) at each pace, from the click on Train to "Finished", in
websocket bytes and messages (each live chart frame is one), and a rerun after it (a result tab
clicked, which reruns the page with the finished run drawn).
"""

from __future__ import annotations

import argparse
import base64
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.streamlit_server import start_server, stop_server  # noqa: E402

CHROMIUM = os.environ.get("DNN_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
FLAGS += ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
READY = (  # as tests/browser/conftest.py waits: connected, and the script not running
    '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
    '[data-test-script-state="notRunning"]'
)
VISITS = ("/theory", "/training")  # the first visit, then another page in the same context


@dataclass
class Weight:
    """What one page load moved: requests, HTTP bytes (transferred, decoded), websocket bytes."""

    requests: int = 0
    cached: int = 0  # requests answered from the browser's cache
    transferred: int = 0
    decoded: int = 0  # the bodies that came over the network, decoded
    websocket: int = 0
    messages: int = 0  # websocket frames received (a live chart frame is one)

    @property
    def total(self) -> int:
        """Everything received: HTTP as transferred plus the websocket's payloads."""
        return self.transferred + self.websocket


def watch(cdp, weight_of) -> None:
    """Add every network event of the CDP session to ``weight_of()``, the visit going on."""
    bodies: dict[str, int] = {}  # request → decoded bytes so far

    def finished(e):
        encoded = int(e["encodedDataLength"])
        weight_of().transferred += encoded
        if encoded:  # 0: it came from the cache
            weight_of().decoded += bodies.pop(e["requestId"], 0)

    def data(e):
        bodies[e["requestId"]] = bodies.get(e["requestId"], 0) + int(e["dataLength"])

    def sent(e):
        weight_of().requests += 1

    def cached(e):
        weight_of().cached += 1

    def frame(e):
        payload = e["response"]["payloadData"]
        binary = e["response"]["opcode"] == 2
        weight_of().websocket += len(base64.b64decode(payload)) if binary else len(payload)
        weight_of().messages += 1

    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.dataReceived", data)
    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.requestServedFromCache", cached)
    cdp.on("Network.webSocketFrameReceived", frame)


@contextmanager
def watched_page(browser, weight_of, timeout_ms: int):
    """A page in a fresh browser context (an empty cache), its network added to ``weight_of()``."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.set_default_timeout(timeout_ms)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
        watch(cdp, weight_of)
        yield page
    finally:
        context.close()


def measure(browser, url: str) -> list[Weight]:
    """The weight of each visit in VISITS, in one fresh browser context."""
    weights: list[Weight] = []
    with watched_page(browser, lambda: weights[-1], 60_000) as page:
        for path in VISITS:
            weights.append(Weight())
            page.goto(url + path)
            page.wait_for_selector(READY)
            page.wait_for_selector("h1")
            page.wait_for_load_state("networkidle")  # chunks the page loads once drawn
            page.wait_for_timeout(1000)
            page.wait_for_selector(READY)
    return weights


PACES = ("fast", "lesson")


def measure_runs(browser, url: str) -> list[tuple[str, Weight]]:
    """Websocket bytes of a lesson run at each pace, and of a rerun after it."""
    rows = []
    for pace in PACES:
        weights = [Weight()]
        with watched_page(browser, lambda weights=weights: weights[-1], 120_000) as page:
            page.goto(f"{url}/training?pace={pace}")
            page.wait_for_selector(READY)
            page.wait_for_load_state("networkidle")
            weights.append(Weight())
            page.get_by_role("button", name="▶ Train").click()
            page.get_by_text("Finished: 2500 iterations").wait_for()
            page.wait_for_selector(READY)
            rows.append((f"a lesson run, {pace} pace", weights[-1]))
            weights.append(Weight())
            page.get_by_role("tab").nth(1).click()  # a rerun with the finished run drawn
            page.wait_for_selector(READY)
            page.wait_for_load_state("networkidle")
            rows.append(("  then a rerun (a tab)", weights[-1]))
    return rows


def mb(n: int) -> str:
    """Bytes as MB (10^6) with two decimals."""
    return f"{n / 1e6:.2f} MB"


def report(rows: list[tuple[str, list[Weight]]]) -> None:
    """Print one line per visit: where, which page, requests, bytes."""
    head = ("", "visit", "requests (cached)", "HTTP transferred", "decoded", "websocket", "total")
    print(
        f"{head[0]:<26}{head[1]:<16}{head[2]:>18}{head[3]:>18}{head[4]:>10}{head[5]:>11}"
        f"{head[6]:>10}"
    )
    for where, weights in rows:
        for k, (path, w) in enumerate(zip(VISITS, weights, strict=True)):
            visit = f"{'first' if k == 0 else 'then'} {path}"
            counts = f"{w.requests} ({w.cached})"
            print(
                f"{where:<26}{visit:<16}{counts:>18}{mb(w.transferred):>18}"
                f"{mb(w.decoded):>10}{mb(w.websocket):>11}{mb(w.total):>10}"
            )


def main() -> None:
    from playwright.sync_api import sync_playwright

    from deploy.classroom import Classroom
    from deploy.replicas import cores, free_port

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--replicas", type=int, default=cores(), help="default: one per core")
    parser.add_argument("--only", choices=("proxy", "direct"), help="measure only one of them")
    parser.add_argument("--no-run", action="store_true", help="skip the run's websocket bytes")
    args = parser.parse_args()
    rows, runs = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            if args.only != "direct":
                with Classroom(free_port(), args.replicas, "127.0.0.1") as room:
                    measure(browser, room.url)  # every replica has drawn a page once
                    rows.append((f"HAProxy + {args.replicas} replicas", measure(browser, room.url)))
            if args.only != "proxy":
                proc, url = start_server()
                try:
                    measure(browser, url)
                    rows.append(("one server, directly", measure(browser, url)))
                    if not args.no_run:
                        runs = measure_runs(browser, url)
                finally:
                    stop_server(proc)
        finally:
            browser.close()
    report(rows)
    if runs:
        print(
            f"\n{'what the app sends (one server, directly)':<44}{'websocket':>11}{'messages':>10}"
        )
        for what, w in runs:
            print(f"{what:<44}{mb(w.websocket):>11}{w.messages:>10}")


if __name__ == "__main__":
    main()
