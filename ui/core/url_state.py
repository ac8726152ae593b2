"""The page's state as a link: parsing and writing query strings (pure: no Streamlit here).

A link holds the language, presenter mode, the live chart's pace (when the visitor chose one
other than the mode's default), the training settings, the runs on the page and the
experiment grid's axes (a :class:`Section` of the link, :mod:`ui.grid.link`)::

    ?lang=zh&dims=12288-20-7-5-1&lr=0.0075&it=2500
        &runs=dims.12288-20-7-5-1_it.2500~dims.12288-7-1_it.2500_done.1200

Settings use short keys (``dims lr it seed act init l2 opt batch val``) and are written only when
they differ from the lesson's 4-layer run (:mod:`ui.core.link_values`). ``runs`` lists runs
separated by ``~``; a run is ``key.value`` fields separated by ``_``: its settings (``it`` is
its planned total), ``done`` when it stopped before that total, and ``n`` when its number is
not its place in the list (:mod:`ui.core.link_runs`). Only unreserved URL characters are used,
so a link reads the same in the address bar. This module puts the parts together.

:func:`parse` accepts anything: a wrong, out-of-range or unknown value is clamped or ignored,
and each such change is reported as a :data:`Note` ``(code, values)`` for the page to show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ui.core import settings as bounds
from ui.core.link_runs import (
    MAX_LINK_ITERATIONS,
    MAX_RUNS,
    MAX_RUNS_CHARS,
    RunSpec,
    encode_run,
    read_compare,
    read_runs,
)
from ui.core.link_values import KEYS, Note, encode_settings, read_settings, shown
from ui.core.pacing import PACES
from ui.core.settings import LESSON, Settings

__all__ = [  # the link's parts live in ui.core.link_values and ui.core.link_runs
    "IGNORED",
    "KEYS",
    "LANGS",
    "MAX_LINK_ITERATIONS",
    "MAX_NOTES",
    "MAX_RUNS",
    "MAX_RUNS_CHARS",
    "MAX_VALUE_CHARS",
    "LinkState",
    "Note",
    "RunSpec",
    "Section",
    "encode",
    "encode_run",
    "encode_settings",
    "parse",
    "shown",
]

LANGS = ("en", "zh")
MAX_VALUE_CHARS = 120  # one setting's value
MAX_NOTES = 8
IGNORED = {"embed", "embed_options"}  # Streamlit's own keys


@dataclass
class LinkState:
    """Everything a link can say; None / empty for what it does not say."""

    lang: str | None = None
    present: bool = False
    settings: Settings | None = None
    runs: list[RunSpec] = field(default_factory=list)
    compare: list[int] | None = None  # run numbers on the comparison chart
    extra: dict[str, object] = field(default_factory=dict)  # Section name → what it read
    notes: list[Note] = field(default_factory=list)
    pace: str | None = None  # one of PACES; None: the default of the mode (presenter or not)


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
        link.settings = read_settings(setting_values, bounds.MAX_ITERATIONS, notes)
    if "runs" in query:
        link.runs = read_runs(_last(query["runs"]), notes)
    if "cmp" in query and link.runs:
        link.compare = read_compare(_last(query["cmp"])[:MAX_VALUE_CHARS], link.runs)
    if len(notes) > MAX_NOTES:
        notes = [*notes[: MAX_NOTES - 1], ("more_notes", {"n": len(notes) - MAX_NOTES + 1})]
    link.notes = notes
    return link


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
