"""Server memory after tabs full of uploads close, given back or not (issue 17, point 3).

    python bench/closed_tabs_memory.py [--tabs 9] [--photos 19] [--env NAME=VALUE ...]

The issue's scenario on a fresh ``streamlit run`` server (127.0.0.1): ``--tabs`` tabs open "Is it
a cat?" and each drops ``--photos`` different 3 MB phone photos into its uploader (19 × 3 MB:
about the 64 MB a tab may hold; 9 tabs fill the server's 512 MB store), and every verdict is
drawn. Then every tab closes. Printed: the server's resident memory (RSS) before, with the tabs
open, 5 s after they closed (their uploads let go by ui/shell/upload_sweep.py) and once
Streamlit has ended the closed sessions (their state freed), each also as the difference from
before. ``--env`` starts the server with extra environment variables (say MALLOC_ARENA_MAX=2).
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.streamlit_client import Session  # noqa: E402
from bench.streamlit_server import rss_mb, start_server, stop_server  # noqa: E402

TTL = 5  # server.disconnectedSessionTTL: Streamlit ends a closed tab's session after it
ENDED_WAIT = TTL + 40  # seconds after closing: Streamlit checks for ended sessions now and then


def photos(n: int, side: int = 1700) -> list[tuple[str, bytes, str]]:
    """``n`` different noisy JPEGs of about 3 MB each (a phone's photo)."""
    out = []
    for k in range(n):
        pixels = np.random.RandomState(k).randint(0, 256, (side, side, 3), dtype=np.uint8)
        buf = io.BytesIO()
        Image.fromarray(pixels).save(buf, "JPEG", quality=92)
        out.append((f"photo{k:02d}.jpg", buf.getvalue(), "image/jpeg"))
    return out


def tab(url: str, files) -> tuple[Session, list[int], int]:
    """One tab: the prediction page, the photos dropped, every verdict drawn."""
    s = Session(url, "prediction", timeout=600)
    s.run()
    statuses = s.upload("image_upload", files)
    run = s.run()
    return s, statuses, len(run.exceptions)


def main() -> None:
    """Print the server's memory through the scenario."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tabs", type=int, default=9)
    parser.add_argument("--photos", type=int, default=19)
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()
    env = dict(item.split("=", 1) for item in args.env)
    files = photos(args.photos)
    size = sum(len(d) for _, d, _ in files) / 2**20
    print(f"{args.tabs} tabs each drop {args.photos} photos ({size:.0f} MB) on /prediction, "
          f"then close; server env {env or 'as is'}")  # fmt: skip
    proc, url = start_server(env, args=("--server.disconnectedSessionTTL", str(TTL)))
    try:
        warm = Session(url, "prediction")  # the data and a model loaded: a server in use
        warm.run()
        warm.close()
        time.sleep(ENDED_WAIT)
        rss = {"before": rss_mb(proc.pid)}
        with ThreadPoolExecutor(args.tabs) as pool:
            opened = list(pool.map(lambda _: tab(url, files), range(args.tabs)))
        rss["tabs open"] = rss_mb(proc.pid)
        for s, _, _ in opened:
            s.close()
        time.sleep(5)
        rss["closed +5 s"] = rss_mb(proc.pid)
        time.sleep(ENDED_WAIT)
        rss[f"closed +{ENDED_WAIT + 5} s"] = rss_mb(proc.pid)
    finally:
        log = stop_server(proc)
    statuses = [code for _, codes, _ in opened for code in codes]
    counts = {c: statuses.count(c) for c in sorted(set(statuses))}
    print(f"uploads answered {counts}; exceptions on pages: {sum(e for _, _, e in opened)}; "
          f"server tracebacks: {log.count('Traceback')}")  # fmt: skip
    for name, mb in rss.items():
        print(f"  {name:<16}{mb:>7.0f} MB  ({mb - rss['before']:+.0f} MB)")


if __name__ == "__main__":
    main()
