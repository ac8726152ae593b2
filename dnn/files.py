"""Reading a user's file (a path, bytes or a binary file object) with a size bound."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import BinaryIO


def read_limited(
    source: str | os.PathLike | bytes | BinaryIO,
    limit: int,
    refuse: Callable[[int], Exception],
) -> bytes:
    """The bytes of ``source``, never reading more than ``limit`` + 1 of them.

    ``refuse(size)`` builds the exception raised when the file is larger than ``limit``: each
    caller says it in its own words (a picture, a model file).
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        size = os.path.getsize(source)
        if size > limit:
            raise refuse(size)
        with open(source, "rb") as f:
            data = f.read(limit + 1)
    else:
        data = source.read(limit + 1)
    if len(data) > limit:
        raise refuse(len(data))
    return data
