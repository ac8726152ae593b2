"""Reading a user's file (a path, bytes or a binary file object) with a size bound.

Only regular files are opened: a folder, a device (``/dev/zero``) or a pipe (which would block
until someone writes to it) is refused after ``fstat`` on a descriptor opened without blocking,
so the check and the read concern the same file.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from dnn.errors import UserFacingError

Source = str | os.PathLike | bytes | bytearray | memoryview | BinaryIO

# What can go wrong before the content is looked at; ``{noun}`` is "picture" or "model file".
_MESSAGES = {
    "missing": "There is no file at this path.",
    "not_file": "This is not a file (a folder, a device or a pipe); only files can be read.",
    "unreadable": "The file could not be opened (no permission or an input/output error).",
    "too_big": "The file is {mb} MB; a {noun} may be at most {limit_mb} MB.",
    "empty": "The file is empty (0 bytes).",
}


def read_limited(
    source: Source, limit: int, error: type[UserFacingError], prefix: str, noun: str
) -> bytes:
    """The bytes of ``source``, never reading more than ``limit`` + 1 of them.

    Parameters
    ----------
    source : path, bytes-like or binary file object
    limit : int
        Largest accepted size in bytes.
    error : type of UserFacingError
        Raised for every problem, with ``code = prefix + "_" + reason`` where reason is one of
        ``missing``, ``not_file``, ``unreadable``, ``too_big``, ``empty``.
    prefix, noun : str
        ``"image"``, ``"picture"`` or ``"model"``, ``"model file"``: the caller's words.
    """

    def refuse(reason: str, **values) -> UserFacingError:
        message = _MESSAGES[reason].format(noun=noun, **values)
        return error(message, code=f"{prefix}_{reason}", **values)

    def too_big(size: int) -> UserFacingError:
        return refuse("too_big", mb=f"{size / 2**20:.1f}", limit_mb=f"{limit / 2**20:.0f}")

    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source[: limit + 1])
    elif isinstance(source, (str, os.PathLike)):
        data = _read_path(source, limit, refuse, too_big)
    else:
        data = source.read(limit + 1)
        if not isinstance(data, bytes):
            raise TypeError("a binary file object is needed (opened with 'rb')")
    if len(data) > limit:
        raise too_big(len(data))
    if not data:
        raise refuse("empty")
    return data


def _read_path(path: str | os.PathLike, limit: int, refuse, too_big) -> bytes:
    """Open without blocking (a pipe would wait for a writer), check it is a regular file."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise refuse("missing") from None
    except (IsADirectoryError, NotADirectoryError):
        raise refuse("not_file") from None
    except OSError:
        raise refuse("unreadable") from None
    try:
        info = os.fstat(fd)
    except OSError:
        os.close(fd)
        raise refuse("unreadable") from None
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise refuse("not_file")
    if info.st_size > limit:
        os.close(fd)
        raise too_big(info.st_size)
    chunks, size = [], 0
    with os.fdopen(fd, "rb", buffering=0) as f:
        try:
            while size <= limit:  # a file growing while read is still cut at limit + 1
                chunk = f.read(min(2**20, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except OSError:
            raise refuse("unreadable") from None
    return b"".join(chunks)
