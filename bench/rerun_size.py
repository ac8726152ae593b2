"""What one rerun of the training page sends after a long run (issue 12, item 7).

Trains the lesson's network for 10,000 iterations, presses Continue until the run reaches
``--total`` iterations (70,000 by default, the case that sent 3.3 MB per rerun), then reruns the
page once and adds up the protobuf size of every element it drew (what the server sends over the
websocket), chart by chart. For comparison it prints the size the result chart would have with
every iteration and every accuracy checkpoint (the old, unbounded chart).

    python bench/rerun_size.py [--total 70000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.testing.v1 import AppTest  # noqa: E402

from tests.apptest_helpers import app  # noqa: E402
from ui.core.figures import charts as figures
from ui.core.runs import checkpoints


def element_bytes(at: AppTest) -> dict[str, int]:
    """Serialized size of each element drawn by the last run, summed by element type."""
    sizes: dict[str, int] = {}

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ByteSize"):
            kind = getattr(node, "type", type(node).__name__)
            if kind == "plotly_chart":  # one line per chart, named after its widget key
                kind = "chart " + (getattr(node, "key", None) or proto.id.split("-")[-1])[:24]
            sizes[kind] = sizes.get(kind, 0) + proto.ByteSize()
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=70_000)
    args = parser.parse_args()
    at = app("pages/training.py", timeout=600)
    at.number_input(key="iterations").set_value(10_000).run()
    start = time.perf_counter()
    at.button(key="train_button").click().run()
    at.number_input(key="continue_iterations").set_value(10_000).run()
    while at.session_state.runs[-1].iteration < args.total:
        at.button(key="continue_button").click().run()
    run = at.session_state.runs[-1]
    print(f"run: {run.iteration:,} iterations in {time.perf_counter() - start:.1f} s")
    at.run()  # a plain rerun, as any widget change causes
    sizes = element_bytes(at)
    total = sum(sizes.values())
    print(f"one rerun of the training page: {total / 1e6:.2f} MB in all")
    for kind, size in sorted(sizes.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {kind:<30} {size / 1e6:6.3f} MB")
    full = figures.training_chart(run.costs, checkpoints(run.history))
    print(
        f"the result chart with every point would be {len(full.to_json()) / 1e6:.2f} MB "
        f"({len(run.costs):,} costs, {len(run.history):,} checkpoints)"
    )


if __name__ == "__main__":
    main()
