"""All UI text, English and 简体中文, looked up by key (see :func:`ui.core.i18n.t`).

Each module in this package holds the text of one part of the app as two dicts, ``EN`` and
``ZH``, with the same keys; they are merged here, and a key defined twice is an error at import.
A feature adds its text as a module of its own (nothing to register: every module is read).
A test checks that both languages have every key and the same placeholders.
"""

from __future__ import annotations

import importlib
import pkgutil

from ui.core.strings.theory import EQUATIONS

__all__ = ["EN", "EQUATIONS", "STRINGS", "ZH"]


def _merge() -> tuple[dict[str, str], dict[str, str]]:
    en: dict[str, str] = {}
    zh: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for merged, part in ((en, module.EN), (zh, module.ZH)):
            twice = merged.keys() & part.keys()
            if twice:
                raise KeyError(f"ui.core.strings.{info.name} defines {sorted(twice)} again")
            merged.update(part)
    return en, zh


EN, ZH = _merge()
STRINGS = {"en": EN, "zh": ZH}
