"""The visitor's two classes of pictures: adding, removing, the test split, the training data.

Pure (no Streamlit here). Each picture is kept only as the 64×64 uint8 array the network sees
plus a short name, and a session keeps at most :data:`MAX_PICTURES` of them (3.5 MB). A picture
already in either class (the same 64×64 pixels) is not added twice.

Labels: the visitor's first class is label 1 (the lesson's "cat"), the second is label 0
("non-cat"). So a model trained here says P(first class), and with the lesson's data added the
first class joins the cats and the second the non-cats.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np

import dnn
from dnn.datasets import flatten

MAX_PICTURES = 300  # in both classes together, per session
MIN_PER_CLASS = 5  # before training
DEFAULT_TEST_SHARE = 0.2
SPLIT_SEED = 0
LABELS = (1, 0)  # label of the first and of the second class
NAME_CHARS = 60  # a picture's name, shortened to this


@dataclass(frozen=True)
class Picture:
    """One picture of a class.

    Attributes
    ----------
    id : int, unique in the session (widget keys)
    name : str, the file's name (shortened)
    pixels : ndarray of shape (64, 64, 3), uint8, read-only
    digest : str, a hash of the pixels (duplicates)
    """

    id: int
    name: str
    pixels: np.ndarray
    digest: str


@dataclass(frozen=True)
class Outcome:
    """What happened to one picture offered to a class.

    ``kind``: ``added``, ``duplicate`` (``other`` is the picture it repeats, in class
    ``other_class``) or ``full`` (the session's bound is reached).
    """

    kind: str
    name: str
    other: str = ""
    other_class: int = -1


def digest(pixels: np.ndarray) -> str:
    """A hash of the 64×64 picture's bytes."""
    return hashlib.blake2b(np.ascontiguousarray(pixels).tobytes(), digest_size=16).hexdigest()


def short(name: str) -> str:
    """A file name cut to NAME_CHARS characters (its end kept: the extension, a number)."""
    name = " ".join(str(name).split()) or "?"
    return name if len(name) <= NAME_CHARS else "…" + name[-(NAME_CHARS - 1) :]


@dataclass
class TwoClasses:
    """The visitor's two classes: their names and pictures.

    ``names[k]`` is None while class k keeps its default name (which follows the language).
    """

    names: list[str | None] = field(default_factory=lambda: [None, None])
    pictures: tuple[list[Picture], list[Picture]] = field(default_factory=lambda: ([], []))
    next_id: int = 1

    @property
    def total(self) -> int:
        """Pictures in both classes."""
        return len(self.pictures[0]) + len(self.pictures[1])

    def find(self, pixels_digest: str) -> tuple[int, Picture] | None:
        """The class and picture with these pixels, if any."""
        for k, pics in enumerate(self.pictures):
            for p in pics:
                if p.digest == pixels_digest:
                    return k, p
        return None

    def add(self, k: int, name: str, pixels: np.ndarray) -> Outcome:
        """Offer one (64, 64, 3) uint8 picture to class ``k`` (0 or 1)."""
        name = short(name)
        if self.total >= MAX_PICTURES:
            return Outcome("full", name)
        pixels = np.array(pixels, dtype=np.uint8)  # a copy of its own
        if pixels.shape != (64, 64, 3):
            raise ValueError(f"a picture is (64, 64, 3), got {pixels.shape}")
        pixels.setflags(write=False)
        d = digest(pixels)
        found = self.find(d)
        if found is not None:
            return Outcome("duplicate", name, found[1].name, found[0])
        self.pictures[k].append(Picture(self.next_id, name, pixels, d))
        self.next_id += 1
        return Outcome("added", name)

    def remove(self, picture_id: int) -> None:
        """Forget one picture (nothing happens if it is already gone)."""
        for pics in self.pictures:
            pics[:] = [p for p in pics if p.id != picture_id]

    def clear(self, k: int) -> None:
        """Forget every picture of class ``k``."""
        self.pictures[k].clear()

    def test_ids(self, k: int, share: float) -> set[int]:
        """The ids of class ``k``'s pictures held out for testing (see :func:`split`)."""
        return split(self.pictures[k], share)[1]


def test_count(n: int, share: float) -> int:
    """How many of ``n`` pictures are held out for testing.

    ``share`` of them, but at least one, and at least one left for training (0 when n < 2).
    """
    if n < 2:
        return 0
    return min(max(1, round(share * n)), n - 1)


def split(pictures: list[Picture], share: float) -> tuple[set[int], set[int]]:
    """(training ids, test ids) of one class: a seeded choice of :func:`test_count` pictures.

    Each picture's rank is a hash of SPLIT_SEED and its pixels, so the same pictures always
    give the same split, whatever their order, and adding a picture moves at most one other.
    """
    n_test = test_count(len(pictures), share)
    seed = str(SPLIT_SEED).encode()
    ranked = sorted(pictures, key=lambda p: hashlib.blake2b(seed + p.digest.encode()).digest())
    test = {p.id for p in ranked[:n_test]}
    return {p.id for p in pictures} - test, test


def arrays(pictures_by_label: list[tuple[list[Picture], int]]) -> tuple[np.ndarray, np.ndarray]:
    """Images (m, 64, 64, 3) uint8 and labels (m,) int64 of (pictures, label) groups."""
    pics = [(p, label) for group, label in pictures_by_label for p in group]
    images = np.stack([p.pixels for p, _ in pics]) if pics else np.zeros((0, 64, 64, 3), np.uint8)
    labels = np.array([label for _, label in pics], dtype=np.int64)
    return images, labels


def image_set(two: TwoClasses, names: tuple[str, str]) -> tuple[np.ndarray, np.ndarray, tuple]:
    """Every picture as the lesson's layout stores it: images, labels, class names by label.

    ``names`` are the display names of the first and the second class; the file's
    ``list_classes`` is (name of label 0, name of label 1) = (second, first).
    """
    images, labels = arrays([(two.pictures[0], LABELS[0]), (two.pictures[1], LABELS[1])])
    return images, labels, (names[1], names[0])


def from_image_set(two: TwoClasses, found: dnn.ImageSet, file_name: str) -> list[Outcome]:
    """Replace ``two``'s pictures and names with a loaded file's (label 1 → first class)."""
    two.pictures[0].clear()
    two.pictures[1].clear()
    two.names = [found.classes[1], found.classes[0]]
    stem = short(file_name)
    return [
        two.add(0 if label == 1 else 1, f"{stem} #{i + 1}", img)
        for i, (img, label) in enumerate(zip(found.images, found.labels, strict=True))
    ]


@dataclass(frozen=True)
class Built:
    """The data a run trains and tests on, and which of the visitor's pictures are tests."""

    data: dnn.Dataset  # classes: (name of label 0, name of label 1)
    test_ids: frozenset[int]
    mine_train: tuple[int, int]  # the visitor's training pictures per class
    mine_test: tuple[int, int]


def build(
    two: TwoClasses, names: tuple[str, str], share: float, lesson: dnn.Dataset | None = None
) -> Built:
    """The training and test sets: the visitor's pictures, split, plus the lesson's if given.

    Parameters
    ----------
    two : TwoClasses
    names : display names of the first and second class
    share : the share of each class held out for testing
    lesson : the lesson's data set, whose cats join the first class and non-cats the second
        (training and test sets alike), or None for the visitor's pictures alone

    Returns
    -------
    Built
        ``data.train_x`` (12288, m_train), ``data.train_y`` (1, m_train), the same for test.
    """
    train, test = [], []
    for k, pics in enumerate(two.pictures):
        tr, te = split(pics, share)
        train.append(([p for p in pics if p.id in tr], LABELS[k]))
        test.append(([p for p in pics if p.id in te], LABELS[k]))
    train_images, train_labels = arrays(train)
    test_images, test_labels = arrays(test)
    if lesson is not None:
        train_images = np.concatenate([lesson.train_images, train_images])
        train_labels = np.concatenate([lesson.train_y[0].astype(np.int64), train_labels])
        test_images = np.concatenate([lesson.test_images, test_images])
        test_labels = np.concatenate([lesson.test_y[0].astype(np.int64), test_labels])
    data = dnn.Dataset(
        flatten(train_images),
        train_labels.reshape(1, -1),
        flatten(test_images),
        test_labels.reshape(1, -1),
        (names[1], names[0]),
        train_images,
        test_images,
    )
    return Built(
        data,
        frozenset(p.id for group, _ in test for p in group),
        (len(train[0][0]), len(train[1][0])),
        (len(test[0][0]), len(test[1][0])),
    )
