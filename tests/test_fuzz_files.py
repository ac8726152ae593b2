"""Fuzzing the model loader: thousands of mutated files, only InvalidModelError (or a valid model).

Bounded to a few seconds here; ``bench/fuzz_files.py`` runs the same mutations for longer.
"""

import collections

import numpy as np

import dnn
from dnn.layers import layer_dims
from dnn.model_io import InvalidModelError
from tests.model_mutations import mutate, seeds
from ui.core.strings import STRINGS

ROUNDS = 10_000


def outcome(data: bytes) -> str:
    """``"ok"`` for a usable model, else the refusal's code; any other exception propagates."""
    try:
        params, meta = dnn.load_model(data)
    except InvalidModelError as exc:
        for lang in ("en", "zh"):
            assert STRINGS[lang][f"err_{exc.code}"].format(**exc.values)
        return exc.code
    dims = layer_dims(params)
    assert dims[0] == 12288 and dims[-1] == 1 and min(dims) >= 1 and meta["layer_dims"] == dims
    assert all(np.isfinite(a).all() for a in params.values())
    return "ok"


def test_mutated_model_files_are_refused_with_a_plain_message():
    rng = np.random.RandomState(2024)
    originals = seeds()
    counts = collections.Counter(
        outcome(mutate(originals[i % len(originals)], rng)) for i in range(ROUNDS)
    )
    assert sum(counts.values()) == ROUNDS
    # the mutations reach the library's checks and ours, not just one kind of refusal
    assert {"model_format", "model_header", "model_metadata", "model_not_ours"} <= counts.keys()
    assert len(counts) >= 8, counts
