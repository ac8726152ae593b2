"""Mutation testing: does some test fail when the code is wrong? Run on demand, not in the suite.

``pip install mutmut`` first (mutmut 3.x; not in requirements.txt, since no test needs it), then

    python bench/mutation.py                      # every module below, 2 workers
    python bench/mutation.py ui/core/compute.py   # one module
    python bench/mutation.py --show               # and print each survivor's diff

mutmut changes one thing at a time in a module (an operator, a constant, a condition, an
argument) and runs the tests; a mutant no test notices "survives". Each module is paired with
the tests that pin it (TARGETS), so a module takes minutes on 2 cores, not the whole suite per
mutant: mutmut first runs those tests once to learn which test reaches which function, then runs
for each mutant only the tests that reach it. Every module is tested in a fresh copy of the
project in a temporary folder (mutmut writes its mutants/ beside the code), with mutmut's own
configuration (setup.cfg) naming the module and its tests.

Prints, per module: mutants, killed, survived, timed out (a mutant that makes a test hang is
caught, by mutmut's time limit) and the survivors' names. Survivors are not all bugs in the
tests: a changed error message, a default nobody passes, or an equivalent mutant (``x < 1``
→ ``x <= 1`` where x is never 1) cannot be told apart by any test.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# module → (the tests that pin it, pytest -k expression leaving out slow tests that add nothing
# per mutant: whole-suite fuzzing, memory probes in subprocesses, browser-like AppTest runs)
TARGETS = {
    "dnn/propagation.py": (
        ["tests/test_engine.py", "tests/test_fused.py", "tests/test_deep.py"]
        + ["tests/test_propagation_pins.py"],
        "",
    ),
    "dnn/fused.py": (["tests/test_fused.py", "tests/test_engine.py", "tests/test_deep.py"], ""),
    "dnn/model_io.py": (["tests/test_model_io.py", "tests/test_model_overflow.py"], ""),
    "dnn/images.py": (
        ["tests/test_images.py", "tests/test_image_limits.py"],
        "not peaks and not memory_probe and not mutated",
    ),
    "ui/core/compute.py": (["tests/test_compute.py", "tests/test_compute_turns.py"], ""),
    "ui/core/url_state.py": (
        ["tests/test_url_state.py", "tests/test_link_runs.py", "tests/test_link_edges.py"]
        + ["tests/test_grid_link.py"],
        "not thousands and not opening_such_a_link",
    ),
}
COPIED = ["dnn", "ui", "tests", "bench", "deploy", "pages", "datasets", "streamlit_app.py"]
COPIED += [".streamlit", "pyproject.toml"]
STATUS = re.compile(r"^\s*(\S+__mutmut_\d+): (.+)$")


def mutmut_config(module: str, tests: list[str], deselect: str) -> str:
    """The [mutmut] section of setup.cfg: mutate ``module`` only, choose tests with ``tests``."""
    selection = [*tests, *(["-k", deselect] if deselect else [])]
    lines = ["[mutmut]", "source_paths =", "    dnn", "    ui", f"only_mutate = {module}"]
    lines += ["also_copy ="] + [f"    {p}" for p in COPIED if p not in ("dnn", "ui", "tests")]
    lines += ["pytest_add_cli_args_test_selection ="] + [f"    {a}" for a in selection]
    lines += ["pytest_add_cli_args =", "    -p", "    no:cacheprovider"]
    return "\n".join(lines) + "\n"


def copy_project(into: Path) -> Path:
    root = into / "project"
    root.mkdir()
    skip = shutil.ignore_patterns("__pycache__", ".pytest_cache", ".ruff_cache", "mutants")
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=skip, symlinks=True)
        elif source.exists():
            shutil.copy2(source, root / name)
    return root


def run_module(module: str, max_children: int, show: bool) -> dict:
    """Run mutmut on one module in a fresh copy of the project; its verdicts counted."""
    tests, deselect = TARGETS[module]
    mutmut = [sys.executable, "-m", "mutmut"]
    env = {**os.environ, "DNN_DATA_DIR": os.environ.get("DNN_DATA_DIR", str(REPO / "datasets"))}
    with tempfile.TemporaryDirectory(prefix="dnn-mutation-") as tmp:
        root = copy_project(Path(tmp))
        (root / "setup.cfg").write_text(mutmut_config(module, tests, deselect))
        start = time.perf_counter()
        run = subprocess.run(
            [*mutmut, "run", "--max-children", str(max_children)],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - start
        results = subprocess.run(
            [*mutmut, "results", "--all", "true"], cwd=root, env=env, capture_output=True, text=True
        )
        verdicts = {m[1]: m[2] for line in results.stdout.splitlines() if (m := STATUS.match(line))}
        survivors = sorted(k for k, v in verdicts.items() if v == "survived")
        diffs = {}
        if show:
            for name in survivors:
                out = subprocess.run(
                    [*mutmut, "show", name], cwd=root, capture_output=True, text=True
                )
                diffs[name] = out.stdout
    if not verdicts:
        tail = (run.stdout + run.stderr)[-3000:]
        raise RuntimeError(f"mutmut found no mutants of {module} (exit {run.returncode}):\n{tail}")
    counts = {}
    for verdict in verdicts.values():
        counts[verdict] = counts.get(verdict, 0) + 1
    return {"counts": counts, "survivors": survivors, "diffs": diffs, "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=list(TARGETS), help="paths from TARGETS")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--show", action="store_true", help="print each survivor's diff")
    args = parser.parse_args()
    unknown = [m for m in args.modules if m not in TARGETS]
    if unknown:
        parser.error(f"not in TARGETS: {unknown}")
    if importlib.util.find_spec("mutmut") is None:
        sys.exit("mutmut is not installed: pip install mutmut")
    rows = []
    for module in args.modules:
        result = run_module(module, args.max_children, args.show)
        c = result["counts"]
        total = sum(c.values())
        killed, survived = c.get("killed", 0), c.get("survived", 0)
        timeout = c.get("timeout", 0)
        other = total - killed - survived - timeout
        rows.append((module, total, killed, survived, timeout, other, result["seconds"]))
        print(
            f"{module}: {total} mutants, {killed} killed, {survived} survived, "
            f"{timeout} timed out, {other} other ({result['seconds']:.0f} s)",
            flush=True,
        )
        others = {k: v for k, v in c.items() if k not in ("killed", "survived", "timeout")}
        if others:
            print(f"  other verdicts: {others}")  # e.g. "no tests": no chosen test reaches it
        for name in result["survivors"]:
            print(f"  survived: {name}")
            if args.show:
                print(result["diffs"][name])
    print()
    print("| module | mutants | killed | survived | timed out | other | seconds |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for module, total, killed, survived, timeout, other, seconds in rows:
        cells = [f"`{module}`", total, killed, survived, timeout, other, f"{seconds:.0f}"]
        print("| " + " | ".join(map(str, cells)) + " |")


if __name__ == "__main__":
    main()
