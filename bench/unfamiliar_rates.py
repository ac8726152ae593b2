"""How often ``dnn.unfamiliar`` flags each kind of picture, and what it costs per picture.

Kinds: the data set's own pictures (as stored, and re-saved as enlarged JPEG uploads), pictures
made with Pillow (diagrams, text, screenshots, charts, blanks, noise), real non-photographs from
Debian's documentation packages (screenshots, slides, scans, charts, diagrams, documents; the
calibration set the check was tuned on and the report set kept apart, see
``bench/real_pictures.py``) and real photographs shipped inside Python packages' wheels (there
is no internet to fetch others). Get them without installing anything::

    python3 bench/real_pictures.py --fetch
    pip download --no-deps scikit-image scikit-learn matplotlib -d /tmp/wheels
    python bench/unfamiliar_rates.py --wheels /tmp/wheels/*.whl

Each photograph is also cut into four corner crops (70 % of its side), to have more of them.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import dnn  # noqa: E402
from bench.real_pictures import pictures as real_pictures  # noqa: E402
from dnn.familiarity import familiarity  # noqa: E402
from tests.odd_pictures import column, odd_pictures  # noqa: E402

# Sample pictures inside the wheels, by kind. Photographs of what the lesson's question is about
# (animals, people, buildings, landscapes, objects) should pass; the others are reported apart.
KINDS = {
    "chelsea.png": "photo: animal",
    "astronaut.png": "photo: person",
    "grace_hopper.jpg": "photo: person",
    "camera.png": "photo: person",  # grey
    "china.jpg": "photo: building",
    "rocket.jpg": "photo: landscape",
    "flower.jpg": "photo: object",
    "coffee.png": "photo: object",
    "motorcycle_left.png": "photo: object",
    "motorcycle_right.png": "photo: object",
    "brick.png": "close-up texture",
    "grass.png": "close-up texture",
    "gravel.png": "close-up texture",
    "hubble_deep_field.jpg": "scientific image",
    "moon.png": "scientific image",
    "coins.png": "scientific image",
    "text.png": "scan of text",
    "page.png": "scan of text",
    "horse.png": "drawing / logo",
    "logo.png": "drawing / logo",
    "logo2.png": "drawing / logo",
    "chessboard_RGB.png": "drawing / logo",
    "Minduka_Present_Blue_Pack.png": "drawing / logo",
}
SHARED_PHOTO = Path(__file__).resolve().parents[2] / "shared" / "photos" / "thumbs_up.jpg"


def crops(img: Image.Image) -> list[Image.Image]:
    """The picture and its four corner crops of 70 % of the shorter side."""
    w, h = img.size
    s = int(0.7 * min(w, h))
    corners = [(0, 0), (w - s, 0), (0, h - s), (w - s, h - s)]
    return [img] + [img.crop((x, y, x + s, y + s)) for x, y in corners]


def wheel_pictures(paths: list[str]) -> dict[str, list[np.ndarray]]:
    """Kind → columns of the known sample pictures found in the wheels (and crops of them)."""
    found: dict[str, list[np.ndarray]] = {}
    for path in paths:
        with zipfile.ZipFile(path) as wheel:
            for name in wheel.namelist():
                kind = KINDS.get(Path(name).name)
                if kind is None or "/tests/" in name:
                    continue
                img = dnn.images.open_image(wheel.read(name))
                found.setdefault(kind, []).extend(column(c) for c in crops(img))
    if SHARED_PHOTO.exists():
        img = dnn.images.open_image(SHARED_PHOTO.read_bytes())
        found.setdefault("photo: person", []).extend(column(c) for c in crops(img))
    return found


def as_uploads(images: np.ndarray) -> np.ndarray:
    """Data-set pictures enlarged to 320 px, saved as JPEG and read back like an upload."""
    cols = []
    for picture in images:
        buf = io.BytesIO()
        Image.fromarray(picture).resize((320, 320), Image.BICUBIC).save(buf, "JPEG", quality=85)
        cols.append(dnn.load_image(buf.getvalue()))
    return np.hstack(cols)


def rate(flags: np.ndarray) -> str:
    return f"{int(flags.sum()):>3}/{flags.size:<3} ({flags.mean():6.1%})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheels", nargs="*", default=[], help="wheel files with sample photos")
    parser.add_argument("--seeds", type=int, default=10, help="variants of each drawn picture")
    args = parser.parse_args()

    data = dnn.load_dataset()
    t0 = time.perf_counter()
    model = familiarity(data.train_x)
    fit = time.perf_counter() - t0
    rows: list[tuple[str, np.ndarray, np.ndarray]] = []

    def add(name: str, X: np.ndarray) -> None:
        rows.append((name, model.unfamiliar(X)[0], model.distance(X)[0] / model.threshold))

    own = model.own / model.threshold  # each left out of its own neighbours
    rows.append(("data set: training pictures (left out)", own > 1, own))
    add("data set: test pictures", data.test_x)
    add("data set: test pictures as JPEG uploads", as_uploads(data.test_images))
    add("data set: test pictures mirrored", as_uploads(data.test_images[:, :, ::-1]))
    odd = odd_pictures(args.seeds)
    for kind in ("flowchart", "text_page", "screenshot", "line_chart", "noise", "solid"):
        add(f"made: {kind}", np.stack([v for k, v in odd.items() if k.startswith(kind)], 1))
    for kind, cols in sorted(wheel_pictures(args.wheels).items()):
        add(f"wheel {kind}", np.stack(cols, 1))
    real: dict[str, list[np.ndarray]] = {}
    for p in real_pictures():
        real.setdefault(f"real ({p.split}): {p.kind}", []).append(dnn.load_image(p.data))
    for name, cols in sorted(real.items()):
        add(name, np.hstack(cols))

    print(f"dnn.unfamiliar: threshold {model.threshold:.3f} (99th percentile of the training")
    print("pictures' distances to their nearest other training picture); 'distance' is a")
    print("picture's distance to its nearest training picture / threshold\n")
    print(f"{'kind':<48} {'flagged':>17}   distance: min   median   max")
    for name, flags, dist in rows:
        spread = f"{dist.min():6.2f} {np.median(dist):8.2f} {dist.max():6.2f}"
        print(f"{name:<48} {rate(flags):>17}   {spread}")

    one = data.test_x[:, [0]]
    params = dnn.propagation.initialize((12288, 20, 7, 5, 1), np.random.RandomState(1))
    times, base = [], []
    for _ in range(200):
        t = time.perf_counter()
        dnn.unfamiliar(data.train_x, one)
        times.append(time.perf_counter() - t)
        t = time.perf_counter()
        dnn.predict_proba(params, one)
        base.append(time.perf_counter() - t)
    per, ref = statistics.median(times), statistics.median(base)
    print(f"\nfit on the 209 training pictures (once, then cached): {fit * 1000:.0f} ms")
    print(f"one picture: median {per * 1000:.2f} ms (cache lookup included); ", end="")
    print(f"predict_proba on it: {ref * 1000:.2f} ms; ratio {per / ref:.1f}×")


if __name__ == "__main__":
    main()
