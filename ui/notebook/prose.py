"""The notebook's Markdown cells in the visitor's language (no Streamlit here).

The text is ``ui/core/strings/notebook.py``; a visitor's class names go through
:func:`ui.core.text.plain`, so that markup in a name (a link, an image, a formula) shows as
the characters typed.
"""

from __future__ import annotations

import dnn
from ui.core.strings import STRINGS
from ui.core.text import plain
from ui.core.validation import SEED
from ui.notebook.source import OwnClasses

LESSON4 = (12288, 20, 7, 5, 1)
LESSON2 = (12288, 7, 1)


def text(lang: str, key: str, **values: object) -> str:
    """``key`` in ``lang``, with ``{placeholders}`` filled when values are given."""
    found = STRINGS[lang][key]
    return found.format(**values) if values else found


def sentence_gap(lang: str) -> str:
    """What separates two sentences: a space, or nothing after Chinese punctuation."""
    return "" if lang == "zh" else " "


def lesson_run(
    config: dnn.TrainConfig, source: OwnClasses | None, validation: int = 0
) -> str | None:
    """``lesson4`` or ``lesson2`` for exactly one of the lesson's runs, else None."""
    for name, dims in (("lesson4", LESSON4), ("lesson2", LESSON2)):
        lesson_data = source is None and not validation
        if lesson_data and config == dnn.TrainConfig(dims, engine=config.engine):
            return name
    return None


def dims_text(dims) -> str:
    """``[12288, 20, 7, 5, 1]``."""
    return "[" + ", ".join(str(n) for n in dims) + "]"


def files(lang: str, source: OwnClasses | None) -> str:
    """The data files the notebook reads, named in a sentence."""
    lesson = text(lang, "nb_files_lesson")
    if source is None:
        return lesson
    mine = text(lang, "nb_files_classes", file=source.file)
    return text(lang, "nb_files_both", classes=mine, lesson=lesson) if source.with_lesson else mine


def settings(
    lang: str, config: dnn.TrainConfig, source: OwnClasses | None, validation: int = 0
) -> str:
    """Every setting of the run, in one line."""
    if source is None:
        parts = [text(lang, "nb_set_data_lesson")]
    else:
        first, second = (plain(n) for n in source.names)
        key = "nb_set_data_both" if source.with_lesson else "nb_set_data_classes"
        parts = [text(lang, key, first=first, second=second)]
    parts.append(text(lang, "nb_set_layers", dims=dims_text(config.layer_dims)))
    parts.append(text(lang, "nb_set_lr", lr=f"{config.learning_rate:g}"))
    n = f"{config.num_iterations:,}"
    if config.batch_size is None:
        parts.append(text(lang, "nb_set_iterations", n=n))
    else:
        parts.append(text(lang, "nb_set_epochs", n=n, batch=config.batch_size))
    parts.append(text(lang, "nb_set_seed", seed=config.seed))
    act = text(lang, "label_activation_" + config.hidden_activation)
    parts.append(text(lang, "nb_set_act", name=act))
    parts.append(text(lang, "nb_set_init_" + config.initialization))
    if config.l2:
        parts.append(text(lang, "nb_set_l2", l2=f"{config.l2:g}"))
    b1, b2, eps = (f"{v:g}" for v in (config.beta1, config.beta2, config.epsilon))
    opt = {"gd": {}, "momentum": {"beta": b1}, "adam": {"beta1": b1, "beta2": b2, "epsilon": eps}}
    parts.append(text(lang, "nb_set_" + config.optimizer, **opt[config.optimizer]))
    if validation:
        parts.append(text(lang, "nb_set_validation", share=validation))
    return text(lang, "nb_set_sep").join(parts)


def opening(
    lang: str, config: dnn.TrainConfig, source: OwnClasses | None, validation: int = 0
) -> str:
    """The title, what the notebook is and needs, and the run's settings."""
    title = text(lang, "nb_md_title", L=config.num_layers, dims=dims_text(config.layer_dims))
    intro = text(lang, "nb_md_intro", files=files(lang, source))
    run = text(lang, "nb_md_run", settings=settings(lang, config, source, validation))
    return "\n\n".join([title, intro, run])


def data(lang: str, source: OwnClasses | None, validation: int = 0) -> str:
    """What the data is and how it becomes X and Y (and the validation split, if any)."""
    if source is None:
        found = text(lang, "nb_md_data_lesson")
        if validation:
            found += "\n\n" + text(lang, "nb_md_data_validation", share=validation, seed=SEED)
        return found
    first, second = (plain(n) for n in source.names)
    share = f"{source.test_share:.0%}"
    found = text(lang, "nb_md_data_classes", first=first, second=second, share=share)
    return found + ("\n\n" + text(lang, "nb_md_data_with_lesson") if source.with_lesson else "")


def step(lang: str, name: str, config: dnn.TrainConfig) -> str:
    """The Markdown before the code of step ``name`` (init, forward, cost, backward, update)."""
    if name == "init":
        return text(lang, "nb_md_init") + "\n\n" + text(lang, "nb_md_init_" + config.initialization)
    if name == "forward":
        act = text(lang, "nb_md_act_" + config.hidden_activation)
        return text(lang, "nb_md_forward") + sentence_gap(lang) + act
    if name in ("cost", "backward"):
        extra = sentence_gap(lang) + text(lang, f"nb_md_{name}_l2") if config.l2 else ""
        return text(lang, f"nb_md_{name}") + extra
    if name == "update":
        found = text(lang, "nb_md_update_" + config.optimizer)
        return found + ("\n\n" + text(lang, "nb_md_batches") if config.batch_size else "")
    return text(lang, f"nb_md_{name}")


def results(lang: str, name: str, lesson: str | None, validation: int = 0) -> str:
    """The Markdown before training, the plot, the accuracies, the mistakes."""
    found = text(lang, f"nb_md_{name}")
    if lesson is not None and f"nb_md_{name}_{lesson}" in STRINGS[lang]:
        found += "\n\n" + text(lang, f"nb_md_{name}_{lesson}")
    if validation and name == "accuracy":
        found += "\n\n" + text(lang, "nb_md_accuracy_validation", share=validation)
    return found


def next_steps(lang: str, config: dnn.TrainConfig, validation: int = 0) -> str:
    """Homework: another depth, another learning rate, when to stop, back to the app."""
    other = LESSON2 if tuple(config.layer_dims) == LESSON4 else LESSON4
    lr = config.learning_rate
    stop = text(lang, "nb_md_next_stop_validation" if validation else "nb_md_next_stop")
    values = {"other": dims_text(other), "faster": f"{lr * 4:g}", "slower": f"{lr / 4:g}"}
    return text(lang, "nb_md_next", stop=stop, **values)
