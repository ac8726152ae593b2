"""The first code cell: load the pictures, hold out the test set (own classes), flatten, scale.

The lesson's files are read as the lesson reads them; a file saved on the "Your own classes"
page has every picture in ``train_set_x``, and the test pictures are picked exactly as the app
picks them (:func:`ui.classes.sets.split`, written out here: a feature never imports another,
and a test checks that both agree). A run with a validation split holds out the very training
pictures the Training page held out (:func:`ui.core.validation.columns`, written out: the
notebook imports nothing of the app).
"""

from __future__ import annotations

from ui.core.validation import SEED
from ui.notebook.templates import fill


def imports(own_classes: bool, fonts: bool) -> str:
    """The cell's imports: the standard library's first, then h5py, Matplotlib and NumPy."""
    lines = ["import hashlib", ""] if own_classes else []
    lines += ["import h5py"]
    lines += ["import matplotlib.font_manager"] if fonts else []
    lines += ["import matplotlib.pyplot as plt", "import numpy as np"]
    return "\n".join(lines) + "\n"


# CJK text in figures (Chinese notebooks, or class names beyond ASCII): the first installed of
# the usual Chinese fonts, so that Matplotlib draws the characters instead of empty boxes
FONTS = """
# $c_fonts
installed = {font.name for font in matplotlib.font_manager.fontManager.ttflist}
chinese = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei"]
plt.rcParams["font.sans-serif"] = [name for name in chinese if name in installed] + ["DejaVu Sans"]
plt.rcParams["axes.unicode_minus"] = False  # $c_minus
"""

LESSON = """
# $c_data_lesson
with h5py.File("train_catvnoncat.h5", "r") as f:
    train_x_orig = np.array(f["train_set_x"][:])  # (209, 64, 64, 3): $c_pictures
    train_y = np.array(f["train_set_y"][:]).reshape(1, -1)  # (1, 209): $c_labels
with h5py.File("test_catvnoncat.h5", "r") as f:
    test_x_orig = np.array(f["test_set_x"][:])  # (50, 64, 64, 3)
    test_y = np.array(f["test_set_y"][:]).reshape(1, -1)  # (1, 50)
classes = $classes  # $c_classes
"""

CLASSES = """
# $c_data_classes
with h5py.File($file, "r") as f:
    images = np.array(f["train_set_x"][:])  # (m, 64, 64, 3): $c_pictures
    labels = np.array(f["train_set_y"][:])  # (m,): $c_labels_classes
classes = $classes  # $c_classes
test_share = $share  # $c_test_share


def held_out(pictures, share):
    \"\"\"$d_held_out\"\"\"
    n = len(pictures)
    n_test = 0 if n < 2 else min(max(1, round(share * n)), n - 1)  # $c_n_test

    def rank(i):  # $c_rank
        pixels = hashlib.blake2b(images[i].tobytes(), digest_size=16).hexdigest()
        return hashlib.blake2b(b"0" + pixels.encode()).digest()

    return set(sorted(pictures, key=rank)[:n_test])


train_index, test_index = [], []
for label in (1, 0):  # $c_label_order
    pictures = [i for i in range(len(labels)) if labels[i] == label]
    test = held_out(pictures, test_share)
    train_index += [i for i in pictures if i not in test]
    test_index += [i for i in pictures if i in test]
train_x_orig, train_y = images[train_index], labels[train_index].reshape(1, -1)
test_x_orig, test_y = images[test_index], labels[test_index].reshape(1, -1)
"""

WITH_LESSON = """
# $c_with_lesson
with h5py.File("train_catvnoncat.h5", "r") as f:
    train_x_orig = np.concatenate([f["train_set_x"][:], train_x_orig])
    train_y = np.concatenate([np.array(f["train_set_y"][:]).reshape(1, -1), train_y], axis=1)
with h5py.File("test_catvnoncat.h5", "r") as f:
    test_x_orig = np.concatenate([f["test_set_x"][:], test_x_orig])
    test_y = np.concatenate([np.array(f["test_set_y"][:]).reshape(1, -1), test_y], axis=1)
"""

FLATTEN = """
# $c_flatten
train_x = train_x_orig.reshape(train_x_orig.shape[0], -1).T / 255.0  # (12288, m_train)
test_x = test_x_orig.reshape(test_x_orig.shape[0], -1).T / 255.0  # (12288, m_test)
print("train_x:", train_x.shape, " train_y:", train_y.shape)
print("test_x:", test_x.shape, " test_y:", test_y.shape)
"""

# the rule of ui.core.validation.columns, operation for operation (seed, class order, rounding)
VALIDATION = """
# $c_validation
validation_share = $val_share  # $c_validation_share
split_rng = np.random.RandomState($val_seed)  # $c_validation_seed
held = []
for label in (0, 1):  # $c_validation_classes
    where = np.flatnonzero(train_y.ravel() == label)
    count = min(len(where) - 1, max(1, round(len(where) * validation_share / 100)))
    held.append(split_rng.permutation(where)[:count])
val_index = np.sort(np.concatenate(held))
train_index = np.setdiff1d(np.arange(train_y.shape[1]), val_index)
val_x, val_y = train_x[:, val_index], train_y[:, val_index]
train_x, train_y = train_x[:, train_index], train_y[:, train_index]  # $c_validation_rest
print("train_x:", train_x.shape, " val_x:", val_x.shape)  # $c_validation_print
"""


def data_cell(
    lang: str,
    own_file: str | None,
    with_lesson: bool,
    classes: tuple[str, str],
    share: float,
    fonts: bool,
    validation: int = 0,
) -> str:
    """The first cell: imports, the data, the test set (own classes), flattening and scaling.

    Parameters
    ----------
    lang : str
        ``en`` or ``zh``, for the comments.
    own_file : str or None
        The own classes' file name, or None for the lesson's data.
    with_lesson : bool
        The lesson's pictures join the own classes (as on the app's page).
    classes : (name of label 0, name of label 1)
        Put into the code as a list of string literals.
    share : float
        The share of each own class held out for testing.
    fonts : bool
        Let Matplotlib draw Chinese (and other CJK) text.
    validation : int
        The % of the training pictures held out for validation (0: none, the lesson), as
        :func:`ui.core.validation.columns` holds them out.
    """
    parts = [imports(own_file is not None, fonts), FONTS if fonts else ""]
    if own_file is None:
        parts.append(LESSON)
    else:
        parts += [CLASSES, WITH_LESSON if with_lesson else ""]
    parts.append(FLATTEN)
    if validation:
        parts.append(VALIDATION)
    file = f'"{own_file}"'  # a plain name (see ui.notebook.source.SAFE_FILE): no quote in it
    values = {"classes": repr(list(classes)), "file": file, "share": repr(share)}
    values |= {"val_share": repr(int(validation)), "val_seed": repr(SEED)}
    return fill("".join(parts), lang, **values)
