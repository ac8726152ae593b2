"""Mutated copies of the real data files: every outcome is a loaded set or a DatasetError.

A few hundred cases here (under a second); ``bench/fuzz_data.py`` runs thousands.
"""

import numpy as np

from bench.fuzz_data import mutate, run


def test_mutated_data_files_raise_only_dataset_errors(data):
    result = run(cases=400, seed=0)
    assert result["failures"] == []
    outcomes = result["outcomes"]
    assert sum(outcomes.values()) == 400 and set(result["kinds"]) == {
        "flip",
        "insert",
        "delete",
        "truncate",
        "interesting",
    }
    # The fuzzer reaches what h5py raises on damaged files (RuntimeError "bad symbol table node
    # signature", OSError, KeyError…) and the reader's own checks, and some copies still load.
    from_library = {k.split("h5py: ")[1][:-1] for k in outcomes if "h5py: " in k}
    assert {"OSError", "RuntimeError", "KeyError"} <= from_library
    assert outcomes["loaded"] > 0 and outcomes["DatasetError/dataset_labels"] > 0


def test_mutations_are_reproducible():
    data = bytes(range(256)) * 64
    a = [mutate(data, np.random.RandomState(3)) for _ in range(5)]
    b = [mutate(data, np.random.RandomState(3)) for _ in range(5)]
    assert a == b and all(changed != data for _, changed in a)
