"""The cells after the functions: hyperparameters, training, plot, accuracies, mistakes."""

from __future__ import annotations

import dnn
from ui.notebook.templates import fill, words
from ui.notebook.templates.model import options

TRAIN = """\
parameters, costs = L_layer_model(
    train_x, train_y, layers_dims, learning_rate, num_iterations, seed$options
)
if costs:  # $c_last_cost
    last, final_cost = len(costs) - 1, costs[-1]
    print($f_last_cost)
"""

PLOT = """\
plt.plot(costs)
plt.xlabel($s_iteration)
plt.ylabel($s_cost)
plt.title($f_cost_title)
plt.show()
"""

ACCURACY = """\
train_accuracy = float(np.mean(predict(train_x, parameters) == train_y))
${validation}\
test_accuracy = float(np.mean(predict(test_x, parameters) == test_y))
print($s_train_accuracy, train_accuracy)
${validation_print}\
print($s_test_accuracy, test_accuracy)
"""

MISTAKES = """\
predictions = predict(test_x, parameters)  # (1, m_test)
mistakes = np.flatnonzero(predictions != test_y)  # $c_mistakes
wrong, m_test = len(mistakes), test_y.shape[1]
print($f_mistakes)
if len(mistakes):
    columns = 5
    rows = (len(mistakes) + columns - 1) // columns
    fig, axes = plt.subplots(rows, columns, figsize=(2.4 * columns, 2.8 * rows), squeeze=False)
    for ax in axes.flat:
        ax.axis("off")
    for ax, i in zip(axes.flat, mistakes):
        guess, truth = classes[predictions[0, i]], classes[test_y[0, i]]
        ax.imshow(test_x_orig[i])
        ax.set_title($f_mistake_title, fontsize=9)
    plt.show()
"""


def hyperparameters_cell(lang: str, config: dnn.TrainConfig) -> str:
    """One assignment per hyperparameter of the run, each value written with ``repr``."""
    w = words(lang)
    values = {
        "layers_dims": (list(config.layer_dims), w["c_layers_dims"]),
        "learning_rate": (config.learning_rate, w["c_learning_rate"]),
        "num_iterations": (
            config.num_iterations,
            w["c_epochs" if config.batch_size is not None else "c_iterations"],
        ),
        "seed": (config.seed, w["c_seed"]),
        "lambd": (config.l2, w["c_lambd"]),
        "mini_batch_size": (config.batch_size, w["c_mini_batch_size"]),
        "beta": (config.beta1, w["c_beta"]),
        "beta1": (config.beta1, w["c_beta1"]),
        "beta2": (config.beta2, w["c_beta2"]),
        "epsilon": (config.epsilon, w["c_epsilon"]),
    }
    names = ["layers_dims", "learning_rate", "num_iterations", "seed", *options(config)]
    return "".join(f"{n} = {values[n][0]!r}  # {values[n][1]}\n" for n in names)


def train_cell(lang: str, config: dnn.TrainConfig) -> str:
    """The call of ``L_layer_model`` with the run's hyperparameters."""
    extra = ", ".join(f"{name}={name}" for name in options(config))
    return fill(TRAIN, lang, options=",\n    " + extra if extra else "")


def plot_cell(lang: str) -> str:
    """The cost of every iteration."""
    return fill(PLOT, lang)


def accuracy_cell(lang: str, validation: bool = False) -> str:
    """Train (and validation) and test accuracy, printed in full."""
    measure = "val_accuracy = float(np.mean(predict(val_x, parameters) == val_y))\n"
    show = fill("print($s_val_accuracy, val_accuracy)\n", lang)
    return fill(
        ACCURACY,
        lang,
        validation=measure if validation else "",
        validation_print=show if validation else "",
    )


def mistakes_cell(lang: str) -> str:
    """The misclassified test pictures, each with its prediction and its true class."""
    return fill(MISTAKES, lang)
