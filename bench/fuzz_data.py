"""Fuzz the data-file reader: mutate the real ``.h5`` files and read each copy back.

    python bench/fuzz_data.py [--cases 5000] [--seed 0] [--dir DIR]

Each case takes one of the lesson's two files, changes it (flipped bytes, inserted or deleted
bytes, a truncation, "interesting" values written over the HDF5 metadata) and reads it through
the app's reader with the lesson's expectations, from a file on disk or from bytes in memory (an
upload). Every outcome must be a loaded set (the change hit only pixels) or a ``DatasetError``;
anything else is counted as a failure, with its type and message. Prints the counts of each
outcome and each error code, and the cases per second. The test suite runs the same loop with a
few hundred cases (tests/test_data_fuzz.py).
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dnn import datasets  # noqa: E402
from dnn.datasets import DatasetError, load_image_set  # noqa: E402

INTERESTING = [b"\x00" * 8, b"\xff" * 8, b"\x7f\xff\xff\xff\xff\xff\xff\xff", b"\x01" + b"\0" * 7]
METADATA_BYTES = 4096  # where HDF5 keeps its superblock and object headers (and at the end)


def _position(rng: np.random.RandomState, size: int) -> int:
    """A byte position: most often in the metadata at either end of the file, else anywhere."""
    where = rng.randint(3)
    if where == 0:
        return int(rng.randint(min(METADATA_BYTES, size)))
    if where == 1:
        return int(size - 1 - rng.randint(min(METADATA_BYTES, size)))
    return int(rng.randint(size))


def mutate(data: bytes, rng: np.random.RandomState) -> tuple[str, bytes]:
    """One random change of ``data``: (its kind, the changed bytes)."""
    raw = bytearray(data)
    kind = ("flip", "insert", "delete", "truncate", "interesting")[rng.randint(5)]
    if kind == "flip":
        for _ in range(rng.randint(1, 9)):
            raw[_position(rng, len(raw))] ^= int(rng.randint(1, 256))
    elif kind == "insert":
        at, n = _position(rng, len(raw)), rng.randint(1, 65)
        raw[at:at] = rng.bytes(n)
    elif kind == "delete":
        at, n = _position(rng, len(raw)), rng.randint(1, 65)
        del raw[at : at + n]
    elif kind == "truncate":
        del raw[rng.randint(len(raw)) :]
    else:
        value = INTERESTING[rng.randint(len(INTERESTING))]
        at = _position(rng, len(raw) - len(value))
        raw[at : at + len(value)] = value
    return kind, bytes(raw)


def run(cases: int, seed: int = 0, folder: str | Path | None = None) -> dict:
    """Read ``cases`` mutated copies; the counts of each outcome and the unexpected failures."""
    rng = np.random.RandomState(seed)
    source = datasets.data_dir(folder)
    originals = {name: (source / name).read_bytes() for name in datasets.FILES}
    outcomes: collections.Counter = collections.Counter()
    kinds: collections.Counter = collections.Counter()
    failures: list[str] = []
    names = list(datasets.FILES)
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(cases):
            name = names[rng.randint(len(names))]
            prefix, m = datasets.FILES[name]
            kind, data = mutate(originals[name], rng)
            kinds[kind] += 1
            from_bytes = bool(rng.randint(2))
            target = data if from_bytes else Path(tmp) / f"{i}_{name}"
            if not from_bytes:
                target.write_bytes(data)
            try:
                load_image_set(target, prefix, m=m, classes=datasets.CLASSES)
                outcomes["loaded"] += 1
            except DatasetError as exc:
                # the library's own exception, which the reader turned into a DatasetError
                cause = exc.__context__
                library = cause is not None and not isinstance(cause, DatasetError)
                origin = f" (h5py: {type(cause).__name__})" if library else ""
                outcomes[f"DatasetError/{exc.code}{origin}"] += 1
            except Exception as exc:  # noqa: BLE001 — what this script looks for
                outcomes[f"OTHER/{type(exc).__name__}"] += 1
                failures.append(f"case {i} ({kind}, {name}): {type(exc).__name__}: {exc}")
            finally:
                if not from_bytes:
                    target.unlink()
    return {"outcomes": outcomes, "kinds": kinds, "failures": failures}


def main() -> None:
    """Run the fuzzer and print its counts."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dir", help="data folder (default: $DNN_DATA_DIR or datasets/)")
    args = parser.parse_args()
    start = time.perf_counter()
    result = run(args.cases, args.seed, args.dir)
    seconds = time.perf_counter() - start
    print(f"{args.cases} mutated copies (seed {args.seed}) in {seconds:.1f} s", end="")
    print(f" ({args.cases / seconds:.0f} per second)")
    print("mutations:", dict(sorted(result["kinds"].items())))
    for outcome, count in sorted(result["outcomes"].items(), key=lambda kv: -kv[1]):
        print(f"  {count:6d}  {outcome}")
    print(f"unexpected exceptions: {len(result['failures'])}")
    for line in result["failures"][:20]:
        print("  ", line)
    raise SystemExit(1 if result["failures"] else 0)


if __name__ == "__main__":
    main()
