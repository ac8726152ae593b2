"""Real non-photographs to calibrate and to check ``dnn.unfamiliar`` on, from Debian's packages.

Made-up odd pictures are not evidence enough: these are pictures other people made with real
tools, shipped as documentation inside Debian packages (downloaded with ``apt-get download``,
never installed; nothing here is committed). Each source is either in the **calibration** set,
the only one looked at while choosing the check's statistics, neighbours and threshold, or in
the **report** set, kept apart to measure the result:

=====================  ===========================================  ===========  ============
kind                   where from (Debian package: path)            set          pictures
=====================  ===========================================  ===========  ============
screenshot             kile-doc: KDE's Kile editor, its handbook    calibration  ~56
diagram                graphviz-doc: graphs drawn by Graphviz       calibration  ~17
scanned text           unpaper: its manual's scanned pages          calibration  ~21
slide                  libreoffice-common: Impress templates'       both (every  24
                       thumbnails (rendered slides)                 other one)
chart                  octave-doc: plots in GNU Octave's manual     both (every  28
                                                                    other one)
help drawing           libreoffice-help-common: LibreOffice help's  report       ~56
                       pictures (dialogs, gradient and shadowed
                       shapes, charts, formulas)
screenshot             libreoffice-common: tips of the day          report       ~17
document / flowchart   libreoffice-common: Writer/Draw templates'   report       ~40
                       thumbnails (letters, agendas, a BPMN chart)
screenshot             valgrind: KCachegrind and DHAT viewer        report       2
diagram                libxslt1-dev, python3-pip: their manuals'    report       ~8
                       diagrams
=====================  ===========================================  ===========  ============

Usage::

    python3 bench/real_pictures.py --fetch       # apt-get download into datasets/real_pictures
    python bench/real_pictures.py                # what was found, by set and kind

``DNN_REAL_PICTURES`` names another folder.
"""

from __future__ import annotations

import argparse
import fnmatch
import io
import os
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = Path(os.environ.get("DNN_REAL_PICTURES", ROOT / "datasets" / "real_pictures"))
MIN_SIDE = 64  # icons and bullets smaller than the network's input are left out


@dataclass(frozen=True)
class Source:
    """Pictures inside one Debian package: member paths matching ``pattern``."""

    package: str
    pattern: str  # fnmatch pattern of the member's path in the package
    kind: str
    split: str  # "calibration", "report", or "alternate" (sorted: even calibration, odd report)
    thumbnail: bool = False  # an OpenDocument file: its Thumbnails/thumbnail.png


LO = "./usr/lib/libreoffice/share"
SOURCES = (
    Source("kile-doc", "./usr/share/doc/HTML/en/kile/*.png", "screenshot", "calibration"),
    Source("graphviz-doc", "./usr/share/doc/graphviz/html/*.png", "diagram", "calibration"),
    Source("unpaper", "./usr/share/doc/unpaper/html/img/*.png", "scanned text", "calibration"),
    Source("libreoffice-common", f"{LO}/template/*/presnt/*.otp", "slide", "alternate", True),
    Source("octave-doc", "./usr/share/doc/octave/octave.html/*.png", "chart", "alternate"),
    Source(
        "libreoffice-help-common",
        "./usr/share/libreoffice/help/media/helpimg/*.png",
        "help drawing",
        "report",
    ),
    Source("libreoffice-common", f"{LO}/tipoftheday/*", "screenshot", "report"),
    Source(
        "libreoffice-common",
        f"{LO}/template/common/[!p]*/*.ot[tg]",
        "document / flowchart",
        "report",
        True,
    ),
    Source("valgrind", "./usr/share/doc/valgrind/html/images/*.png", "screenshot", "report"),
    Source("libxslt1-dev", "./usr/share/doc/libxslt1-dev/html/*.gif", "diagram", "report"),
    Source("python3-pip", "./usr/share/doc/python3-pip/html/topics/*.png", "diagram", "report"),
)
PACKAGES = sorted({s.package for s in SOURCES})


@dataclass(frozen=True)
class Picture:
    """One real picture: its bytes and where it came from."""

    package: str
    path: str
    kind: str
    split: str
    data: bytes

    @property
    def name(self) -> str:
        """The package and file name, for a report."""
        return f"{self.package}: {self.path.rsplit('/', 1)[-1]}"


def fetch(folder: Path = FOLDER) -> None:
    """``apt-get download`` every package into ``folder`` (after an update if that fails)."""
    folder.mkdir(parents=True, exist_ok=True)
    missing = [p for p in PACKAGES if not list(folder.glob(f"{p}_*.deb"))]
    if not missing:
        return
    download = ["apt-get", "download", *missing]
    if subprocess.run(download, cwd=folder, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(download, cwd=folder, check=True, capture_output=True)


def _members(deb: Path) -> dict[str, bytes]:
    """Path → bytes of the package's regular files (its data.tar, read by dpkg-deb)."""
    tar_bytes = subprocess.run(
        ["dpkg-deb", "--fsys-tarfile", str(deb)], check=True, capture_output=True
    ).stdout
    out = {}
    with tarfile.open(fileobj=io.BytesIO(tar_bytes)) as tar:
        for member in tar:
            if member.isfile():
                out[member.name] = tar.extractfile(member).read()
    return out


def _size(data: bytes) -> tuple[int, int] | None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            return img.size
    except Exception:
        return None


def pictures(folder: Path = FOLDER) -> list[Picture]:
    """Every picture of :data:`SOURCES` found in ``folder``'s packages (empty if none are)."""
    found: list[Picture] = []
    cache: dict[str, dict[str, bytes]] = {}
    for source in SOURCES:
        debs = sorted(folder.glob(f"{source.package}_*.deb"))
        if not debs:
            continue
        members = cache.setdefault(source.package, _members(debs[-1]))
        paths = sorted(p for p in members if fnmatch.fnmatch(p, source.pattern))
        kept = []
        for path in paths:
            data = members[path]
            if source.thumbnail:
                try:
                    data = zipfile.ZipFile(io.BytesIO(data)).read("Thumbnails/thumbnail.png")
                except (zipfile.BadZipFile, KeyError):
                    continue
            size = _size(data)
            if size is not None and min(size) >= MIN_SIDE:
                kept.append((path, data))
        for i, (path, data) in enumerate(kept):
            split = source.split
            if split == "alternate":
                split = "calibration" if i % 2 == 0 else "report"
            found.append(Picture(source.package, path, source.kind, split, data))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fetch", action="store_true", help="only download the packages")
    args = parser.parse_args()
    if args.fetch:  # the standard library alone: CI runs this before the venv exists
        fetch()
        print(f"{len(PACKAGES)} packages in {FOLDER}")
        return
    found = pictures()
    if not found:
        sys.exit(f"no packages in {FOLDER}: run with --fetch")
    counts: dict[tuple[str, str], int] = {}
    for p in found:
        counts[(p.split, p.kind)] = counts.get((p.split, p.kind), 0) + 1
    for (split, kind), n in sorted(counts.items()):
        print(f"{split:<12} {kind:<22} {n:>4}")


if __name__ == "__main__":
    main()
