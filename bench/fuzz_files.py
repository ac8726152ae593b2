"""A longer fuzz of the file readers than the test suite's: counts of every outcome.

Model files: the mutations of tests/model_mutations.py (random bytes, header length, truncation,
header JSON: dtypes, shapes, offsets, names, the description's fields). Pictures: random bytes
changed in, and truncations of, every good picture of tests/images_corpus.py. The only
acceptable outcomes are a usable result or the loader's own error (``InvalidModelError`` /
``InvalidImageError``) with a code; anything else is printed and counted as a failure::

    .venv/bin/python bench/fuzz_files.py [--models 100000] [--images 10000] [--seed 7]
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
import traceback
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import dnn  # noqa: E402
from tests.images_corpus import GOOD  # noqa: E402
from tests.model_mutations import mutate, seeds  # noqa: E402


def model_outcome(data: bytes) -> str:
    try:
        params, _ = dnn.load_model(data)
    except dnn.InvalidModelError as exc:
        return exc.code
    assert all(np.isfinite(a).all() for a in params.values())
    return "ok"


def image_outcome(data: bytes) -> str:
    try:
        x = dnn.load_image(data)
    except dnn.InvalidImageError as exc:
        return exc.code
    assert x.shape == (12288, 1) and np.isfinite(x).all()
    return "ok"


def mutate_image(data: bytes, rng: np.random.RandomState) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 9)):
        out[rng.randint(len(out))] = rng.randint(256)
    if rng.rand() < 0.2:
        out = out[: rng.randint(1, len(out))]
    return bytes(out)


def run(name: str, rounds: int, originals: list[bytes], change, outcome, seed: int) -> int:
    """Fuzz ``rounds`` times; print the counts; return the number of failures."""
    rng = np.random.RandomState(seed)
    counts: collections.Counter = collections.Counter()
    failures = 0
    start = time.perf_counter()
    for i in range(rounds):
        data = change(originals[i % len(originals)], rng)
        try:
            counts[outcome(data)] += 1
        except Exception:  # any other exception type is a bug in the loader
            failures += 1
            counts["FAILURE"] += 1
            if failures <= 5:
                traceback.print_exc()
    seconds = time.perf_counter() - start
    print(f"\n{name}: {rounds:,} mutated files in {seconds:.1f} s, {failures} failures")
    for code, n in counts.most_common():
        print(f"  {code:<28}{n:>8,}")
    return failures


def main() -> None:
    """Run both fuzzers; exit 1 on any failure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=int, default=100_000)
    parser.add_argument("--images", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    failures = run("model files", args.models, seeds(), mutate, model_outcome, args.seed)
    pictures = [make() for make in GOOD.values()]
    failures += run("pictures", args.images, pictures, mutate_image, image_outcome, args.seed)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
