"""TrainConfig refuses every setting that cannot train, naming the field, in both languages."""

import math

import numpy as np
import pytest

from dnn.config import ConfigError, TrainConfig
from dnn.errors import UserFacingError
from ui.core.strings import EN, ZH

BAD = [
    ("learning_rate", 0, "config_positive"),
    ("learning_rate", -0.1, "config_positive"),
    ("learning_rate", math.inf, "config_positive"),
    ("learning_rate", math.nan, "config_positive"),
    ("learning_rate", "0.1", "config_number"),
    ("learning_rate", None, "config_number"),
    ("l2", math.nan, "config_nonnegative"),
    ("l2", -1.0, "config_nonnegative"),
    ("l2", math.inf, "config_nonnegative"),
    ("epsilon", 0.0, "config_positive"),
    ("epsilon", math.inf, "config_positive"),
    ("beta1", 1.5, "config_fraction"),
    ("beta1", 1.0, "config_fraction"),
    ("beta2", -0.1, "config_fraction"),
    ("beta2", math.nan, "config_fraction"),
    ("num_iterations", -1, "config_integer"),
    ("num_iterations", 2.5, "config_integer"),
    ("num_iterations", True, "config_integer"),
    ("num_iterations", math.inf, "config_integer"),
    ("num_iterations", 10**10, "config_integer"),
    ("seed", -1, "config_integer"),
    ("seed", 2**32, "config_integer"),
    ("seed", "1", "config_integer"),
    ("batch_size", 0, "config_integer"),
    ("batch_size", 3.5, "config_integer"),
    ("hidden_activation", "swish", "config_choice"),
    ("initialization", None, "config_choice"),
    ("optimizer", "sgd", "config_choice"),
    ("engine", "gpu", "config_choice"),
    ("layer_dims", (10, 3, 2), "config_output"),
    ("layer_dims", (10,), "config_layers"),
    ("layer_dims", (10, 0, 1), "config_layers"),
    ("layer_dims", (10, 2.5, 1), "config_layers"),
    ("layer_dims", (10, -3, 1), "config_layers"),
    ("layer_dims", 5, "config_layers"),
    ("layer_dims", (10,) + (2,) * 200 + (1,), "config_layers"),
    ("layer_dims", (12288, 5000, 1), "config_too_big"),
]


@pytest.mark.parametrize("field,value,code", BAD)
def test_every_bad_setting_is_refused_with_its_field_named(field, value, code):
    with pytest.raises(ConfigError) as info:
        TrainConfig(**{field: value})
    err = info.value
    assert isinstance(err, ValueError) and isinstance(err, UserFacingError)
    assert err.code == code and err.values["field"] == field
    assert field in str(err)
    # the app can say it in both languages
    for strings in (EN, ZH):
        assert field in strings["err_" + code].format(**err.values)


def test_dual_engine_with_adam_is_refused():
    with pytest.raises(ConfigError, match="adam") as info:
        TrainConfig(engine="dual", optimizer="adam")
    assert info.value.code == "config_dual_adam"


def test_good_settings_are_normalized():
    cfg = TrainConfig(
        layer_dims=[np.int64(12288), 20.0, 7, 5, 1],
        learning_rate=np.float32(0.5),
        num_iterations=np.int64(10),
        seed=2**32 - 1,
        l2=0,
        beta1=0.0,
        batch_size=16.0,
    )
    assert cfg.layer_dims == (12288, 20, 7, 5, 1) and type(cfg.layer_dims[1]) is int
    assert type(cfg.learning_rate) is float and cfg.learning_rate == 0.5
    assert cfg.num_iterations == 10 and type(cfg.num_iterations) is int
    assert cfg.batch_size == 16 and type(cfg.batch_size) is int and cfg.l2 == 0.0
    assert cfg.num_parameters == 20 * 12289 + 7 * 21 + 5 * 8 + 6
    assert TrainConfig() == TrainConfig(layer_dims=[12288, 20, 7, 5, 1])


def test_every_config_error_code_has_a_text():
    codes = {code for _, _, code in BAD} | {"config_dual_adam"}
    documented = set(ConfigError.__doc__.replace("`", " ").replace(",", " ").split())
    assert codes <= documented
    for code in codes:
        assert "err_" + code in EN and "err_" + code in ZH
