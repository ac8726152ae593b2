"""Where a notebook's pictures come from: the lesson's two files, or a set saved on /classes.

Pure (no Streamlit). The own classes' names are a visitor's text: :mod:`ui.notebook.prose`
escapes them for Markdown and the code templates put them in with ``repr``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

LESSON_FILES = ("train_catvnoncat.h5", "test_catvnoncat.h5")
DEFAULT_FILE = "my_two_classes.h5"  # the name /classes saves its pictures under
DEFAULT_TEST_SHARE = 0.2  # as on /classes
SAFE_FILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\.h5")  # a plain name, no folder


@dataclass(frozen=True)
class OwnClasses:
    """A picture set saved on "Your own classes", and how the app split and joined it.

    Attributes
    ----------
    names : (first class, second class)
        As the page shows them: the first class is label 1, the second label 0.
    file : str
        The set's file name, beside the notebook.
    test_share : float
        The share of each class held out for testing, in (0, 1).
    with_lesson : bool
        The lesson's pictures join the classes (cats the first, non-cats the second).
    """

    names: tuple[str, str]
    file: str = DEFAULT_FILE
    test_share: float = DEFAULT_TEST_SHARE
    with_lesson: bool = False

    def __post_init__(self) -> None:
        """Refuse a file name with a folder or markup in it, and a share outside (0, 1)."""
        names = tuple(str(n) for n in self.names)
        if len(names) != 2:
            raise ValueError(f"two class names are needed, got {len(names)}")
        object.__setattr__(self, "names", names)
        if not isinstance(self.file, str) or not SAFE_FILE.fullmatch(self.file):
            raise ValueError(f"{self.file!r} is not a plain .h5 file name")
        share = float(self.test_share)
        if not (math.isfinite(share) and 0 < share < 1):
            raise ValueError(f"test_share must be between 0 and 1, got {self.test_share!r}")
        object.__setattr__(self, "test_share", share)

    @property
    def files(self) -> tuple[str, ...]:
        """Every file the notebook reads."""
        return (self.file, *LESSON_FILES) if self.with_lesson else (self.file,)


def own_classes(
    data: str,
    class_names,
    test_share: float = DEFAULT_TEST_SHARE,
    with_lesson: bool = False,
) -> OwnClasses | None:
    """``data`` (``"lesson"`` or an own classes' file name) as a source; None for the lesson."""
    if data == "lesson":
        return None
    if class_names is None:
        raise ValueError("a picture set of your own needs its two class names")
    return OwnClasses(tuple(class_names), data, test_share, with_lesson)
