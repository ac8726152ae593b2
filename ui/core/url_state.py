"""The page's state as a link: parsing and writing query strings (pure: no Streamlit here).

A link holds the language, presenter mode, the live chart's pace (when the visitor chose one
other than the mode's default), the training settings, the runs on the page and the
experiment grid's axes (a :class:`Section` of the link, :mod:`ui.grid.link`)::

    ?lang=zh&dims=12288-20-7-5-1&lr=0.0075&it=2500
        &runs=dims.12288-20-7-5-1_it.2500~dims.12288-7-1_it.2500_done.1200

Settings use short keys (``dims lr it seed act init l2 opt batch val``) and are written only when
they differ from the lesson's 4-layer run. ``runs`` lists runs separated by ``~``; a run is
``key.value`` fields separated by ``_``: its settings (``it`` is its planned total), ``done``
when it stopped before that total, and ``n`` when its number is not its place in the list. Only
unreserved URL characters are used, so a link reads the same in the address bar.

:func:`parse` accepts anything: a wrong, out-of-range or unknown value is clamped or ignored,
and each such change is reported as a :data:`Note` ``(code, values)`` for the page to show.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace

from ui.core import settings as bounds
from ui.core.pacing import PACES
from ui.core.settings import LESSON, Settings

Note = tuple[str, dict]  # (code, values): shown as the text "link_" + code
LANGS = ("en", "zh")
MAX_RUNS = 10  # as many as a session keeps
MAX_LINK_ITERATIONS = 100_000  # a run's total after many Continues
MAX_VALUE_CHARS = 120  # one setting's value
MAX_RUNS_CHARS = 4000  # the whole ``runs`` value
MAX_NOTES = 8
IGNORED = {"embed", "embed_options"}  # Streamlit's own keys

KEYS = {  # URL key → Settings field
    "dims": "hidden",
    "lr": "learning_rate",
    "it": "iterations",
    "seed": "seed",
    "act": "activation",
    "init": "initialization",
    "l2": "l2",
    "opt": "optimizer",
    "batch": "batch_size",
    "val": "validation",
}
FIELD_KEYS = {f: k for k, f in KEYS.items()}
# names in links: no "_" inside a value, since "_" separates a run's fields
ENUM_NAMES = {
    "activation": {"relu": "relu", "tanh": "tanh", "leaky_relu": "leaky", "sigmoid": "sigmoid"},
    "initialization": {v: v for v in bounds.INITIALIZATIONS},
    "optimizer": {v: v for v in bounds.OPTIMIZERS},
}
_INT = re.compile(r"^[+-]?[0-9]{1,12}$")
_SAFE = re.compile(r"[^A-Za-z0-9._~-]")


@dataclass(frozen=True)
class RunSpec:
    """A run as a link names it: settings (``iterations`` is the planned total), done, number."""

    settings: Settings
    done: int  # iterations to train again (< settings.iterations when it stopped early)
    number: int  # the run's number on the page (#1, #2, …)


@dataclass
class LinkState:
    """Everything a link can say; None / empty for what it does not say."""

    lang: str | None = None
    present: bool = False
    pace: str | None = None  # one of PACES; None: the default of the mode (presenter or not)
    settings: Settings | None = None
    runs: list[RunSpec] = field(default_factory=list)
    compare: list[int] | None = None  # run numbers on the comparison chart
    extra: dict[str, object] = field(default_factory=dict)  # Section name → what it read
    notes: list[Note] = field(default_factory=list)


@dataclass(frozen=True)
class Section:
    """A feature's own part of a link: the URL keys it reads and writes, and its codec.

    ``decode(values)`` gets {key: text} of its keys present in the query and returns what it
    read (kept in ``LinkState.extra[name]``) and the keys whose value it refused; ``encode``
    turns that back into {key: text}. Both are pure and never raise.
    """

    name: str
    keys: tuple[str, ...]
    max_chars: int
    decode: Callable[[dict[str, str]], tuple[object, list[str]]]
    encode: Callable[[object], dict[str, str]]


class _Bad(ValueError):
    """A value that cannot be used at all (it is ignored)."""


def shown(text: str, limit: int = 40) -> str:
    """A hostile value made safe to show: URL-safe characters only, at most ``limit``."""
    text = _SAFE.sub("?", str(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------------------ values
def _int(text: str, lo: int, hi: int, key: str, notes: list[Note]) -> int:
    if not _INT.match(text):
        raise _Bad
    value = int(text)
    clamped = min(max(value, lo), hi)
    if clamped != value:
        notes.append(("clamped", {"name": key, "value": shown(text), "to": clamped}))
    return clamped


def _float(text: str) -> float:
    if len(text) > 32:
        raise _Bad
    value = float(text)
    if not math.isfinite(value):
        raise _Bad
    return value


def _snapped(text: str, allowed: list[float], key: str, notes: list[Note]) -> float:
    value = _float(text)
    if value < 0 or (value == 0 and 0 not in allowed):
        raise _Bad
    snapped = bounds.nearest(value, allowed)
    if not math.isclose(snapped, value, rel_tol=1e-9, abs_tol=0):
        notes.append(("clamped", {"name": key, "value": shown(text), "to": f"{snapped:g}"}))
    return snapped


def _hidden(text: str, key: str, notes: list[Note]) -> tuple[int, ...]:
    parts = text.split("-")
    if len(parts) < 3 or not all(_INT.match(p) for p in parts):
        raise _Bad
    dims = [int(p) for p in parts]
    if dims[0] != bounds.N_INPUT or dims[-1] != 1:
        raise _Bad
    hidden = dims[1:-1]
    if len(hidden) > bounds.MAX_HIDDEN_LAYERS:
        notes.append(("too_many_layers", {"n": len(hidden), "max": bounds.MAX_HIDDEN_LAYERS}))
    clamped = bounds.clamp_hidden(hidden)
    if list(clamped) != hidden[: bounds.MAX_HIDDEN_LAYERS]:
        to = "-".join(map(str, (bounds.N_INPUT, *clamped, 1)))
        notes.append(("clamped", {"name": key, "value": shown(text), "to": to}))
    return clamped


def _enum(text: str, name: str) -> str:
    names = ENUM_NAMES[name]
    by_url = {u: v for v, u in names.items()} | {v: v for v in names}
    if text not in by_url:
        raise _Bad
    return by_url[text]


def _setting(name: str, text: str, key: str, max_iterations: int, notes: list[Note]):
    """The value of Settings field ``name`` written as ``text``; raises _Bad if unusable."""
    if name == "hidden":
        return _hidden(text, key, notes)
    if name == "learning_rate":
        return _snapped(text, bounds.LEARNING_RATES, key, notes)
    if name == "l2":
        return _snapped(text, bounds.L2_VALUES, key, notes)
    if name == "iterations":
        return _int(text, 0, max_iterations, key, notes)
    if name == "seed":
        return _int(text, 0, bounds.MAX_SEED, key, notes)
    if name == "validation":
        value = _int(text, 0, 100, key, notes)
        snapped = int(bounds.nearest(value, bounds.VALIDATION_SHARES))
        if snapped != value:
            notes.append(("clamped", {"name": key, "value": shown(text), "to": snapped}))
        return snapped
    if name == "batch_size":
        value = 0 if text == "full" else _int(text, 0, 10**6, key, notes)
        snapped = int(bounds.nearest(value, bounds.BATCH_SIZES))
        if snapped != value:
            notes.append(("clamped", {"name": key, "value": shown(text), "to": snapped}))
        return snapped
    return _enum(text, name)


def _settings(values: Mapping[str, str], max_iterations: int, notes: list[Note]) -> Settings:
    """Settings from URL keys → texts; unusable values are left at the lesson's."""
    changes = {}
    for key, text in values.items():
        try:
            changes[KEYS[key]] = _setting(KEYS[key], text, key, max_iterations, notes)
        except (_Bad, ValueError, OverflowError):
            notes.append(("bad_value", {"name": key, "value": shown(text)}))
    return replace(LESSON, **changes)


# ------------------------------------------------------------------------------ runs
def _run(text: str, position: int, notes: list[Note]) -> RunSpec | None:
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
    settings = _settings(values, MAX_LINK_ITERATIONS, notes)
    done, number = settings.iterations, position
    try:
        if "done" in extra:
            done = _int(extra["done"], 0, settings.iterations, "done", notes)
        if "n" in extra:
            number = _int(extra["n"], 1, 10**6, "n", notes)
    except _Bad:
        notes.append(("bad_run", {"n": position}))
        return None
    return RunSpec(settings, done, number)


def _runs(text: str, notes: list[Note]) -> list[RunSpec]:
    listed = sum(1 for p in text.split("~") if p)
    if len(text) > MAX_RUNS_CHARS:  # the newest runs are the last: keep the end, whole runs
        notes.append(("too_long", {"name": "runs"}))
        text = text[-MAX_RUNS_CHARS:].partition("~")[2]
    parts = [p for p in text.split("~") if p][-MAX_RUNS:]  # as a session keeps its newest
    if listed > MAX_RUNS:
        dropped = listed - len(parts)
        notes.append(("too_many_runs", {"n": listed, "max": MAX_RUNS, "dropped": dropped}))
    runs = [r for k, p in enumerate(parts) if (r := _run(p, k + 1, notes))]
    numbers = [r.number for r in runs]
    if any(b <= a for a, b in zip(numbers, numbers[1:], strict=False)):
        runs = [replace(r, number=k + 1) for k, r in enumerate(runs)]  # renumbered in order
    return runs


def _compare(text: str, runs: list[RunSpec]) -> list[int] | None:
    known = {r.number for r in runs}
    parts = text.split("-")
    picked = [int(p) for p in parts if _INT.match(p) and int(p) in known]
    return list(dict.fromkeys(picked))


# ------------------------------------------------------------------------------ parse
def _last(value: str | Sequence[str]) -> str:
    if isinstance(value, str):
        return value
    return str(value[-1]) if len(value) else ""


def parse(query: Mapping[str, str | Sequence[str]], sections: Sequence[Section] = ()) -> LinkState:
    """What a query string says, clamped to the app's bounds, with a note for each change.

    Parameters
    ----------
    query : mapping of str to str or sequence of str
        The query's keys and values (a repeated key: its last value counts).
    sections : sequence of Section
        The features' own parts of the link (the grid's axes).
    """
    link = LinkState()
    notes: list[Note] = []
    setting_values: dict[str, str] = {}
    owner = {key: section for section in sections for key in section.keys}
    claimed: dict[str, dict[str, str]] = {section.name: {} for section in sections}
    for raw_key, raw_value in query.items():
        key = str(raw_key)
        if key in IGNORED:
            continue
        value = _last(raw_value)
        limit = owner[key].max_chars if key in owner else MAX_VALUE_CHARS
        if key != "runs" and len(value) > limit:
            notes.append(("too_long", {"name": shown(key)}))
            continue
        if key == "lang":
            lang = value.lower()[:2]
            if lang in LANGS:
                link.lang = lang
            else:
                notes.append(("bad_value", {"name": key, "value": shown(value)}))
        elif key == "present":
            if value.lower() in ("1", "true", "yes", "on"):
                link.present = True
            elif value.lower() not in ("0", "false", "no", "off", ""):
                notes.append(("bad_value", {"name": key, "value": shown(value)}))
        elif key == "pace":
            if value.lower() in PACES:
                link.pace = value.lower()
            else:
                notes.append(("bad_value", {"name": key, "value": shown(value)}))
        elif key in KEYS:
            setting_values[key] = value
        elif key in owner:
            claimed[owner[key].name][key] = value
        elif key not in ("runs", "cmp"):
            notes.append(("unknown_key", {"name": shown(key)}))
    for section in sections:
        if claimed[section.name]:
            read, refused = section.decode(claimed[section.name])
            link.extra[section.name] = read
            for key in refused:
                value = shown(claimed[section.name][key])
                notes.append(("bad_value", {"name": key, "value": value}))
    if setting_values:
        link.settings = _settings(setting_values, bounds.MAX_ITERATIONS, notes)
    if "runs" in query:
        link.runs = _runs(_last(query["runs"]), notes)
    if "cmp" in query and link.runs:
        link.compare = _compare(_last(query["cmp"])[:MAX_VALUE_CHARS], link.runs)
    if len(notes) > MAX_NOTES:
        notes = [*notes[: MAX_NOTES - 1], ("more_notes", {"n": len(notes) - MAX_NOTES + 1})]
    link.notes = notes
    return link


# ------------------------------------------------------------------------------ encode
def _text(name: str, value) -> str:
    if name == "hidden":
        return "-".join(map(str, (bounds.N_INPUT, *value, 1)))
    if name in ENUM_NAMES:
        return ENUM_NAMES[name][value]
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def encode_settings(settings: Settings, always: tuple[str, ...] = ()) -> dict[str, str]:
    """URL keys → texts for the fields that differ from the lesson's, plus ``always``."""
    out = {}
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if f.name in always or value != getattr(LESSON, f.name):
            out[FIELD_KEYS[f.name]] = _text(f.name, value)
    return out


def encode_run(run: RunSpec, position: int) -> str:
    """One run as ``key.value`` fields joined by ``_`` (position: its place, from 1)."""
    parts = encode_settings(run.settings, always=("hidden", "iterations"))
    if run.done != run.settings.iterations:
        parts["done"] = str(run.done)
    if run.number != position:
        parts["n"] = str(run.number)
    return "_".join(f"{k}.{v}" for k, v in parts.items())


def encode(link: LinkState, sections: Sequence[Section] = ()) -> dict[str, str]:
    """The query (key → text) that :func:`parse` reads back as ``link`` (notes aside)."""
    out: dict[str, str] = {}
    if link.lang:
        out["lang"] = link.lang
    if link.present:
        out["present"] = "1"
    if link.pace in PACES:
        out["pace"] = link.pace
    if link.settings is not None and link.settings != LESSON:
        out.update(encode_settings(link.settings, always=("hidden", "learning_rate", "iterations")))
    runs = link.runs[-MAX_RUNS:]
    if runs:
        out["runs"] = "~".join(encode_run(r, k + 1) for k, r in enumerate(runs))
        default = [r.number for r in runs][-3:]
        if link.compare is not None and list(link.compare) != default:
            out["cmp"] = "-".join(str(n) for n in link.compare)
    for section in sections:
        if section.name in link.extra:
            out.update(section.encode(link.extra[section.name]))
    return out
