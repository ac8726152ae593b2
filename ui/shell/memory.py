"""Memory of ended sessions given back to the system, not only to Python's allocator.

Measured (bench/closed_tabs_memory.py, bench/link_load.py): after 9 tabs of uploads closed, or
30 tabs of a heavy link ended, the server's resident memory stayed where it peaked (+593 MB,
+5 GB) long after the sessions were gone. Two causes: the app turns off Streamlit's full
garbage collection after each script run (runner.postScriptGC, 15 % of a class's server time),
so a closed session's cycles wait for Python's rare full collection; and glibc keeps freed heap
pages for the next allocations. When sessions have ended or uploads were let go,
:func:`give_back` runs one full collection and ``malloc_trim(0)``, which returns free pages.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc

_libc = None
ARENAS = 2  # glibc's M_ARENA_MAX for the server (its default: 8 per core)
M_ARENA_MAX = -8  # mallopt's parameter number (malloc.h)


def _glibc():
    global _libc
    if _libc is None:
        name = ctypes.util.find_library("c")
        try:
            _libc = ctypes.CDLL(name) if name else False
        except OSError:
            _libc = False
    return _libc


def limit_arenas() -> bool:
    """At the server's start: at most ARENAS malloc heaps (as MALLOC_ARENA_MAX=2 would)."""
    mallopt = getattr(_glibc(), "mallopt", None) if _glibc() else None
    return bool(mallopt and mallopt(M_ARENA_MAX, ARENAS))


def _trim() -> bool:
    """``malloc_trim(0)`` where glibc has it; whether it ran."""
    trim = getattr(_glibc(), "malloc_trim", None) if _glibc() else None
    if trim is None:
        return False
    trim(0)  # ctypes lets go of the GIL during the call
    return True


def give_back() -> bool:
    """Collect every unreachable object, then return free heap pages; whether pages could be."""
    gc.collect()
    return _trim()
