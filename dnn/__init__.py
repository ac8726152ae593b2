"""dnn — the lesson's L-layer neural network in pure NumPy.

Convention used everywhere in this package: **one column per example**, as in the lesson.
``X`` has shape ``(n_x, m)``, ``Y`` has shape ``(1, m)``, ``Z^[l]`` and ``A^[l]`` have shape
``(n_l, m)``, ``W^[l]`` has shape ``(n_l, n_{l-1})`` and ``b^[l]`` has shape ``(n_l, 1)``.
Parameters live in a dict with keys ``"W1", "b1", …, "WL", "bL"``.

The package never imports streamlit or plotly; it needs NumPy, plus h5py for the data files and
Pillow for decoding images.
"""

from dnn.config import ConfigError, TrainConfig
from dnn.datasets import Dataset, DatasetError, load_dataset
from dnn.datasets.imageset import ImageSet, image_set_bytes, load_image_set, save_image_set
from dnn.divergence import Divergence
from dnn.familiarity import unfamiliar
from dnn.images import InvalidImageError, load_image, preprocess_image
from dnn.model_io import InvalidModelError, load_model, save_model
from dnn.propagation import predict, predict_proba
from dnn.saliency import input_gradient
from dnn.shapes import dimension_table, param_shapes
from dnn.trainer import Progress, Trainer
from dnn.training import TrainResult, train

__all__ = [
    "ConfigError",
    "Dataset",
    "DatasetError",
    "Divergence",
    "ImageSet",
    "InvalidImageError",
    "InvalidModelError",
    "Progress",
    "TrainConfig",
    "TrainResult",
    "Trainer",
    "dimension_table",
    "image_set_bytes",
    "input_gradient",
    "load_dataset",
    "load_image",
    "load_image_set",
    "load_model",
    "param_shapes",
    "predict",
    "predict_proba",
    "preprocess_image",
    "save_image_set",
    "save_model",
    "train",
    "unfamiliar",
]
