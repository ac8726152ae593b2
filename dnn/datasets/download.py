"""Fetch the data files with pooch: SHA-256 checked, mirrors in turn, retries, atomic writes.

Command line: ``python -m dnn.datasets download|check [--dir DIR] [--mirror URL ...]``.

pooch streams each file to a temporary file in the data folder, checks its SHA-256 sum and only
then moves it into place, so an interrupted or corrupted download never leaves a file that looks
valid. What pooch cannot know stays here: the mirrors (``$DNN_DATA_MIRRORS``), a bound on the
size a mirror may send, one download at a time per data folder (across threads and processes),
and messages that say what to do when no mirror can be reached.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from hashlib import sha256
from pathlib import Path
from urllib.parse import urlsplit

import pooch
import requests

from dnn.datasets import FILES, MAX_FILE_BYTES, SHA256, data_dir
from dnn.errors import UserFacingError

try:
    import fcntl
except ImportError:  # Windows: one download at a time per process only
    fcntl = None

# Raw files in public GitHub copies of the set (same bytes, same git blobs). A mirror is a URL
# prefix; the file name is appended.
MIRRORS = (
    "https://raw.githubusercontent.com/Hiren2002/Logistic-Regression/main/datasets/",
    "https://raw.githubusercontent.com/ramakris/coursera-deeplearning/master/"
    "neuralnetworks/week4/datasets/",
)
MIRRORS_ENV = "DNN_DATA_MIRRORS"  # comma-separated URL prefixes that replace MIRRORS
TIMEOUT = (10, 30)  # seconds to connect, seconds between two blocks of data
RETRIES = 1  # pooch tries each mirror once more after a network error or a wrong sum
CHUNK = 64 * 1024
OFFLINE_HINT = (
    "Without internet access, copy {files} into {folder} (from a machine that has them), or set "
    "DNN_DATA_DIR to a folder that has them."
)

Progress = Callable[[str, int, int | None], None]  # (file name, bytes so far, total or None)
pooch.get_logger().setLevel("WARNING")  # our own messages say what happens
_thread_lock = threading.Lock()  # where file locks are not available


class DownloadError(UserFacingError):
    """No mirror delivered a data file with the right SHA-256 sum (or it could not be saved)."""


def configured_mirrors() -> tuple[str, ...]:
    """The mirrors to try: $DNN_DATA_MIRRORS if set (a local copy, a test server), else MIRRORS."""
    env = os.environ.get(MIRRORS_ENV, "").strip()
    return tuple(m.strip() for m in env.split(",") if m.strip()) if env else MIRRORS


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file."""
    return pooch.file_hash(str(path), alg="sha256")


def download(
    folder: str | os.PathLike | None = None,
    mirrors: tuple[str, ...] | list[str] | None = None,
    progress: Progress | None = None,
    retries: int = RETRIES,
) -> list[Path]:
    """Make sure every data file is in ``folder`` with the right sum; fetch what is not.

    Files already there with the right sum are kept; a missing or damaged one is fetched from
    the first mirror that delivers it intact. Only one download runs at a time per folder (other
    callers wait, then find the files there).

    Returns
    -------
    list of Path
        The files written (empty when everything was already there).

    Raises
    ------
    DownloadError
        A file could not be fetched from any mirror, or not written to the folder; the message
        lists what each mirror answered and what to do offline.
    """
    mirrors = list(mirrors or configured_mirrors())
    target = data_dir(folder)
    written, name = [], next(iter(FILES))
    try:
        with folder_lock(target):
            for name in FILES:
                path = target / name
                if _verified(path):
                    continue
                _fetch_from_any(name, target, mirrors, progress, retries)
                written.append(path)
    except OSError as exc:  # the folder cannot be made or read, the lock cannot be taken
        raise DownloadError(
            f"could not use the data folder {target}: {exc}", "download_unwritable", file=name
        ) from None
    return written


def _fetch_from_any(name, target: Path, mirrors: list[str], progress, retries: int) -> None:
    """Try each mirror in turn; the first one that delivers ``name`` with its sum wins."""
    failures = []  # (mirror's host, kind of failure, detail)
    for mirror in mirrors:
        host = urlsplit(mirror).netloc or "?"
        if urlsplit(mirror).scheme not in ("http", "https"):
            failures.append((host, "scheme", ""))
            continue
        fetcher = pooch.create(
            path=target,
            base_url=mirror.rstrip("/") + "/",
            registry={name: f"sha256:{SHA256[name]}"},
            retry_if_failed=retries,
        )
        bar = _Bar(name, progress)
        downloader = pooch.HTTPDownloader(progressbar=bar, chunk_size=CHUNK, timeout=TIMEOUT)
        try:
            fetcher.fetch(name, downloader=downloader)
            return
        except (requests.RequestException, ValueError) as exc:
            failures.append((host, *_failure(exc)))
    reasons = "; ".join(f"{host}: {REASONS[kind].format(detail=d)}" for host, kind, d in failures)
    raise DownloadError(
        f"could not download {name} from any mirror ({reasons}). "
        + OFFLINE_HINT.format(files=" and ".join(FILES), folder=target),
        "download_failed",
        file=name,
        reasons=reasons,
        failures=tuple(failures),
    )


REASONS = {  # what a mirror's failure means, in a few plain words
    "http": "HTTP {detail}",
    "timeout": "no answer in time",
    "connect": "could not connect (no internet access?)",
    "network": "the connection failed",
    "sum": "SHA-256 mismatch: the file it sent is not the lesson's data",
    "size": "it sends more than the data file can be",
    "scheme": "only http(s) mirrors are allowed",
}


def _failure(exc: Exception) -> tuple[str, str]:
    """The kind of a mirror's failure (a key of REASONS) and its detail."""
    if isinstance(exc, requests.HTTPError) and exc.response is not None:
        return "http", str(exc.response.status_code)
    if isinstance(exc, requests.Timeout):
        return "timeout", ""
    if isinstance(exc, requests.ConnectionError):
        return "connect", ""
    if isinstance(exc, requests.RequestException):
        return "network", ""
    return ("sum", "") if "hash" in str(exc).lower() else ("size", "")


class _Bar:
    """The progress object pooch's HTTPDownloader drives; also bounds the size a mirror sends."""

    def __init__(self, name: str, progress: Progress | None) -> None:
        self.name, self.progress, self.n, self._total = name, progress, 0, None

    @property
    def total(self) -> int | None:
        return self._total

    @total.setter
    def total(self, value: int) -> None:
        if value > MAX_FILE_BYTES:
            raise ValueError("the mirror announces more bytes than the data file can be")
        self.n, self._total = 0, value or None  # a new attempt starts

    def update(self, k: int) -> None:
        self.n += k
        if self.n > MAX_FILE_BYTES:
            raise ValueError("the mirror sends more than the data file can be")
        if self.progress:
            self.progress(self.name, min(self.n, self._total or self.n), self._total)

    def reset(self) -> None:
        self.n = 0

    def close(self) -> None:
        pass


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the download lock of ``folder``: one download at a time, in any thread or process.

    The lock file lives in the system's temporary folder (named after the data folder), so
    nothing is added to the data folder itself.
    """
    if fcntl is None:
        with _thread_lock:
            yield
        return
    key = sha256(str(Path(folder).resolve()).encode()).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"dnn-data-{key}.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file is closed
        yield


def check(folder: str | os.PathLike | None = None) -> dict[str, bool]:
    """For each data file, whether it is present with the right SHA-256 sum."""
    target = data_dir(folder)
    return {n: _verified(target / n) for n in FILES}


def _verified(path: Path) -> bool:
    """Whether the data file at ``path`` is there with its SHA-256 sum."""
    return path.is_file() and sha256_of(path) == SHA256[path.name]


class _Printer:
    """Progress on stderr, one line per file, redrawn when the percentage changes."""

    def __init__(self) -> None:
        self.last = None

    def __call__(self, name: str, done: int, total: int | None) -> None:
        share = 100 * done // total if total else None
        if (name, share) != self.last:
            self.last = (name, share)
            pct = f" {share:3d}%" if share is not None else ""
            print(f"\r{name}: {done / 1e6:6.2f} MB{pct}", end="", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m dnn.datasets", description=__doc__)
    parser.add_argument("command", choices=["download", "check"])
    parser.add_argument("--dir", help="data folder (default: $DNN_DATA_DIR or datasets/)")
    parser.add_argument("--mirror", action="append", help="URL prefix to try (repeatable)")
    args = parser.parse_args(argv)
    folder = data_dir(args.dir)
    if args.command == "check":
        status = check(folder)
        for n, ok in status.items():
            print(f"{n}: {'ok' if ok else 'MISSING OR WRONG SUM'}")
        return 0 if all(status.values()) else 1
    try:
        written = download(folder, args.mirror, _Printer())
    except DownloadError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 1
    print(f"\n{len(written)} file(s) downloaded; data ready in {folder}", file=sys.stderr)
    return 0
