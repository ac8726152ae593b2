"""Fetch the data files from public mirrors, verify their SHA-256 sums, write them atomically.

Command line: ``python -m dnn.datasets download [--dir DIR] [--mirror URL ...]``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from dnn.datasets import FILES, MAX_FILE_BYTES, SHA256, data_dir

# Raw files in public GitHub copies of the set (same bytes, same git blobs). A mirror is a URL
# prefix; the file name is appended.
MIRRORS = (
    "https://raw.githubusercontent.com/Hiren2002/Logistic-Regression/main/datasets/",
    "https://raw.githubusercontent.com/ramakris/coursera-deeplearning/master/"
    "neuralnetworks/week4/datasets/",
)
MIRRORS_ENV = "DNN_DATA_MIRRORS"  # comma-separated URL prefixes that replace MIRRORS
CHUNK = 64 * 1024
TIMEOUT = 30

Progress = Callable[[str, int, int | None], None]  # (file name, bytes so far, total or None)


class DownloadError(RuntimeError):
    """No mirror delivered a file with the right SHA-256 sum."""


def configured_mirrors() -> tuple[str, ...]:
    """The mirrors to try: $DNN_DATA_MIRRORS if set (a local copy, a test server), else MIRRORS."""
    env = os.environ.get(MIRRORS_ENV, "").strip()
    return tuple(m.strip() for m in env.split(",") if m.strip()) if env else MIRRORS


def download(
    folder: str | os.PathLike | None = None,
    mirrors: tuple[str, ...] | list[str] | None = None,
    progress: Progress | None = None,
    force: bool = False,
) -> list[Path]:
    """Make sure every data file is in ``folder`` with the right sum; fetch what is missing.

    Each file is streamed to a temporary file in the same folder, hashed as it arrives, and
    renamed into place only when its SHA-256 sum matches, so an interrupted or corrupted download
    never leaves a file that looks valid. Mirrors are tried in order.
    """
    mirrors = mirrors or configured_mirrors()
    target = data_dir(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in FILES:
        path = target / name
        if not force and path.is_file() and sha256_of(path) == SHA256[name]:
            continue
        errors = []
        for mirror in mirrors:
            try:
                _fetch(mirror.rstrip("/") + "/" + name, path, SHA256[name], progress)
                written.append(path)
                break
            except (OSError, ValueError, urllib.error.URLError) as exc:
                errors.append(f"{mirror}: {exc}")
        else:
            raise DownloadError(f"could not download {name}:\n  " + "\n  ".join(errors))
    return written


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def _fetch(url: str, path: Path, sha256: str, progress: Progress | None) -> None:
    """Stream ``url`` into ``path`` atomically; ValueError if the size or the sum is wrong."""
    if not url.startswith(("https://", "http://")):
        raise ValueError("only http(s) mirrors are allowed")
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        if total is not None and total > MAX_FILE_BYTES:
            raise ValueError(f"the server announces {total} bytes, too large for this file")
        h = hashlib.sha256()
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                done = 0
                while block := response.read(CHUNK):
                    done += len(block)
                    if done > MAX_FILE_BYTES:
                        raise ValueError("the download is larger than the data file can be")
                    h.update(block)
                    out.write(block)
                    if progress:
                        progress(path.name, done, total)
                out.flush()
                os.fsync(out.fileno())
            if h.hexdigest() != sha256:
                raise ValueError(f"SHA-256 mismatch (got {h.hexdigest()[:12]}…): file rejected")
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)


def _print_progress(name: str, done: int, total: int | None) -> None:
    share = f" {100 * done // total:3d}%" if total else ""
    print(f"\r{name}: {done / 1e6:6.2f} MB{share}", end="", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m dnn.datasets", description=__doc__)
    parser.add_argument("command", choices=["download", "check"])
    parser.add_argument("--dir", help="data folder (default: $DNN_DATA_DIR or datasets/)")
    parser.add_argument("--mirror", action="append", help="URL prefix to try (repeatable)")
    args = parser.parse_args(argv)
    folder = data_dir(args.dir)
    if args.command == "check":
        bad = [n for n in FILES if not (folder / n).is_file() or sha256_of(folder / n) != SHA256[n]]
        for n in FILES:
            print(f"{n}: {'MISSING OR WRONG SUM' if n in bad else 'ok'}")
        return 1 if bad else 0
    try:
        written = download(folder, args.mirror, _print_progress)
    except DownloadError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 1
    print(f"\n{len(written)} file(s) downloaded; data ready in {folder}", file=sys.stderr)
    return 0
