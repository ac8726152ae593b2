"""Peak memory of reading one file, measured in a fresh Python process.

``python -m tests.memory_probe image|model PATH`` prints JSON: how far the process's resident
memory peaked above where it stood while the file was read, in MB, and the outcome (``"ok"`` or
the error's code). Pillow and libjpeg allocate outside Python's allocator, where tracemalloc
cannot see, so the kernel's count is the one that includes everything: the peak (``VmHWM``) is
reset after the warm-up by writing 5 to ``/proc/self/clear_refs`` (Linux). ``ru_maxrss`` would
not do: it keeps the parent's resident size from before ``exec``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024  # kB
    raise RuntimeError(f"no {field} in /proc/self/status")


def _reset_peak() -> float:
    """Set the peak to the current resident size; return that size in MB."""
    Path("/proc/self/clear_refs").write_text("5")
    return _status_mb("VmRSS")


def _peak_mb() -> float:
    return _status_mb("VmHWM")


def measure(kind: str, path: str | Path) -> dict:
    """Run the probe on ``path`` in a new process → ``{"peak_mb": float, "outcome": str}``."""
    out = subprocess.run(
        [sys.executable, "-m", "tests.memory_probe", kind, str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(kind: str, path: str) -> None:
    """Warm up (imports, codecs), then read ``path`` once and report the peak's growth."""
    import numpy as np

    import dnn
    from dnn.errors import UserFacingError
    from tests.images_corpus import GOOD

    for name in ("picture.webp", "picture.bmp", "animated.gif", "exif6.jpg", "rgba.png"):
        dnn.load_image(GOOD[name]())
    if kind == "calibrate":  # the probe must see a plain allocation of the given size
        base = _reset_peak()
        block = np.ones(int(float(path) * 2**20) // 8)
        print(json.dumps({"peak_mb": _peak_mb() - base, "outcome": str(block.size)}))
        return
    read = {"image": dnn.load_image, "model": dnn.load_model}[kind]
    base = _reset_peak()
    try:
        read(path)
        outcome = "ok"
    except UserFacingError as exc:
        outcome = exc.code
    print(json.dumps({"peak_mb": _peak_mb() - base, "outcome": outcome}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
