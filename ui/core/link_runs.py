"""The runs in a link, ``runs=…~…``, and the comparison's choice among them, ``cmp=1-3``.

Pure: no Streamlit. ``runs`` lists runs separated by ``~``; a run is ``key.value`` fields
separated by ``_``: its settings (``it`` is its planned total), ``done`` when it stopped before
that total, and ``n`` when its number is not its place in the list.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ui.core.link_values import (
    INT,
    KEYS,
    Bad,
    Note,
    encode_settings,
    read_int,
    read_settings,
    shown,
)
from ui.core.settings import Settings

MAX_RUNS = 10  # as many as a session keeps
MAX_LINK_ITERATIONS = 100_000  # a run's total after many Continues
MAX_RUNS_CHARS = 4000  # the whole ``runs`` value


@dataclass(frozen=True)
class RunSpec:
    """A run as a link names it: settings (``iterations`` is the planned total), done, number."""

    settings: Settings
    done: int  # iterations to train again (< settings.iterations when it stopped early)
    number: int  # the run's number on the page (#1, #2, …)


def read_run(text: str, position: int, notes: list[Note]) -> RunSpec | None:
    """One run of ``runs`` (``position``: its place, from 1); None (with a note) if unusable."""
    values: dict[str, str] = {}
    extra: dict[str, str] = {}
    for part in text.split("_"):
        key, _, value = part.partition(".")
        if key in KEYS:
            values[key] = value
        elif key in ("done", "n"):
            extra[key] = value
        else:
            notes.append(("unknown_key", {"name": shown(f"runs: {key}")}))
    if "dims" not in values:
        notes.append(("bad_run", {"n": position}))
        return None
    settings = read_settings(values, MAX_LINK_ITERATIONS, notes)
    done, number = settings.iterations, position
    try:
        if "done" in extra:
            done = read_int(extra["done"], 0, settings.iterations, "done", notes)
        if "n" in extra:
            number = read_int(extra["n"], 1, 10**6, "n", notes)
    except Bad:
        notes.append(("bad_run", {"n": position}))
        return None
    return RunSpec(settings, done, number)


def read_runs(text: str, notes: list[Note]) -> list[RunSpec]:
    """The newest MAX_RUNS runs of ``runs``, numbered in increasing order."""
    listed = sum(1 for p in text.split("~") if p)
    if len(text) > MAX_RUNS_CHARS:  # the newest runs are the last: keep the end, whole runs
        notes.append(("too_long", {"name": "runs"}))
        text = text[-MAX_RUNS_CHARS:].partition("~")[2]
    parts = [p for p in text.split("~") if p][-MAX_RUNS:]  # as a session keeps its newest
    if listed > MAX_RUNS:
        dropped = listed - len(parts)
        notes.append(("too_many_runs", {"n": listed, "max": MAX_RUNS, "dropped": dropped}))
    runs = [r for k, p in enumerate(parts) if (r := read_run(p, k + 1, notes))]
    numbers = [r.number for r in runs]
    if any(b <= a for a, b in zip(numbers, numbers[1:], strict=False)):
        runs = [replace(r, number=k + 1) for k, r in enumerate(runs)]  # renumbered in order
    return runs


def read_compare(text: str, runs: list[RunSpec]) -> list[int] | None:
    """The run numbers of ``cmp`` that name one of ``runs``, each once."""
    known = {r.number for r in runs}
    parts = text.split("-")
    picked = [int(p) for p in parts if INT.match(p) and int(p) in known]
    return list(dict.fromkeys(picked))


def encode_run(run: RunSpec, position: int) -> str:
    """One run as ``key.value`` fields joined by ``_`` (position: its place, from 1)."""
    parts = encode_settings(run.settings, always=("hidden", "iterations"))
    if run.done != run.settings.iterations:
        parts["done"] = str(run.done)
    if run.number != position:
        parts["n"] = str(run.number)
    return "_".join(f"{k}.{v}" for k, v in parts.items())
