"""``L_layer_model`` (the training loop, with only the run's options) and ``predict``.

The loop is the engine's (``dnn.trainer.Trainer``): the cost of iteration i is that of the
forward pass before the i-th update; with mini-batches an iteration is an epoch, its cost the
mean of its batches' costs weighted by their sizes, and a batch of m or more is the full batch
(nothing shuffled); a cost that is not finite ends the run.
"""

from __future__ import annotations

from textwrap import indent

import dnn
from ui.notebook.templates import fill

HEAD = '''\
def L_layer_model($signature):
    """$d_model"""
    rng = np.random.RandomState(seed)  # $c_rng
    parameters = initialize_parameters_deep(layers_dims, rng)
${state}\
    m = X.shape[1]
    costs = []  # $c_costs
    for i in range(num_iterations):
'''

FULL_BATCH = """\
AL, caches = L_model_forward(X, parameters)  # $c_step_forward
cost = $cost(caches[-1][1], Y$cost_args)  # $c_step_cost
if not np.isfinite(cost):  # $c_diverged
    print($f_diverged)
    break
grads = L_model_backward(AL, Y, caches$backward_args)  # $c_step_backward
${update}\
"""

EPOCH = """\
if mini_batch_size >= m:  # $c_one_batch
    mini_batches = [(X, Y)]
else:
    mini_batches = random_mini_batches(X, Y, mini_batch_size, rng)
cost_total = 0.0
for X_batch, Y_batch in mini_batches:
    AL, caches = L_model_forward(X_batch, parameters)
    cost = $cost(caches[-1][1], Y_batch$cost_args)
    cost_total += cost * Y_batch.shape[1]
    grads = L_model_backward(AL, Y_batch, caches$backward_args)
${update}\
cost = cost_total / m  # $c_epoch_cost
if not np.isfinite(cost):  # $c_diverged
    print($f_diverged)
    break
"""

TAIL = """\
        costs.append(cost)
        if print_cost and i % 100 == 0:
            print($f_cost_line)
    return parameters, costs
"""

UPDATES = {
    "gd": "parameters = update_parameters(parameters, grads, learning_rate)\n",
    "momentum": "parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, "
    "learning_rate)\n",
    "adam": "t = t + 1  # $c_adam_t\nparameters, v, s = update_parameters_with_adam(\n"
    "    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon\n)\n",
}

STATES = {
    "gd": "",
    "momentum": "    v = initialize_velocity(parameters)  # $c_velocity_zero\n",
    "adam": "    v, s = initialize_adam(parameters)  # $c_adam_zero\n    t = 0  # $c_adam_t0\n",
}

PREDICT = '''\
def predict(X, parameters):
    """$d_predict"""
    AL, _ = L_model_forward(X, parameters)
    return (AL > 0.5).astype(int)  # (1, m)
'''


def options(config: dnn.TrainConfig) -> list[str]:
    """The names of the hyperparameters beyond the lesson's that the run's code needs."""
    names = ["lambd"] if config.l2 else []
    names += ["mini_batch_size"] if config.batch_size is not None else []
    names += {"gd": [], "momentum": ["beta"], "adam": ["beta1", "beta2", "epsilon"]}[
        config.optimizer
    ]
    return names


def signature(config: dnn.TrainConfig) -> str:
    """``L_layer_model``'s parameters: the lesson's, then the run's options on a line."""
    lesson = "X, Y, layers_dims, learning_rate, num_iterations, seed"
    extra = options(config)
    if not extra:
        return lesson + ", print_cost=True"
    return f"\n    {lesson},\n    {', '.join(extra)}, print_cost=True\n"


def model_cell(lang: str, config: dnn.TrainConfig) -> str:
    """``L_layer_model`` for the run's optimizer, L2 and batches, then ``predict``."""
    batches = config.batch_size is not None
    update = indent(UPDATES[config.optimizer], "    " if batches else "")
    step = fill(
        EPOCH if batches else FULL_BATCH,
        lang,
        cost="compute_cost_with_regularization" if config.l2 else "compute_cost",
        cost_args=", parameters, lambd, m" if config.l2 else "",
        backward_args=", lambd, m" if config.l2 else "",
        update=fill(update, lang),
    )
    head = fill(HEAD, lang, signature=signature(config), state=fill(STATES[config.optimizer], lang))
    return head + indent(step, " " * 8) + fill(TAIL, lang) + "\n\n" + fill(PREDICT, lang)
