"""Updates written out: gradient descent, momentum or Adam, and the mini-batches of an epoch.

Each is the engine's rule operation for operation (``dnn.optimizers.update``): momentum uses
β1, Adam corrects its moments by 1 - β^t with t counting every update from 1, and an epoch's
mini-batches are one ``rng.permutation(m)`` of the stream that drew the initial weights.
"""

from __future__ import annotations

from ui.notebook.templates import fill

GD = '''\
def update_parameters(parameters, grads, learning_rate):
    """W^[l] := W^[l] - α dW^[l],  b^[l] := b^[l] - α db^[l]  ($d_every_layer)"""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ("W" + str(l), "b" + str(l)):
            parameters[p] = parameters[p] - learning_rate * grads["d" + p]
    return parameters
'''

MOMENTUM = '''\
def initialize_velocity(parameters):
    """$d_velocity"""
    return {"d" + p: np.zeros_like(value) for p, value in parameters.items()}


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """v := β v + (1 - β) dW,  W := W - α v  ($d_same_for_b)"""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ("W" + str(l), "b" + str(l)):
            v["d" + p] = beta * v["d" + p] + (1 - beta) * grads["d" + p]
            parameters[p] = parameters[p] - learning_rate * v["d" + p]
    return parameters, v
'''

ADAM = '''\
def initialize_adam(parameters):
    """$d_adam_init"""
    v = {"d" + p: np.zeros_like(value) for p, value in parameters.items()}
    s = {"d" + p: np.zeros_like(value) for p, value in parameters.items()}
    return v, s


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon):
    """$d_adam_update"""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ("W" + str(l), "b" + str(l)):
            g = grads["d" + p]
            v["d" + p] = beta1 * v["d" + p] + (1 - beta1) * g  # $c_adam_v
            s["d" + p] = beta2 * s["d" + p] + (1 - beta2) * g**2  # $c_adam_s
            v_corrected = v["d" + p] / (1 - beta1**t)  # $c_adam_correct
            s_corrected = s["d" + p] / (1 - beta2**t)
            step = learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon)
            parameters[p] = parameters[p] - step
    return parameters, v, s
'''

BATCHES = '''\
def random_mini_batches(X, Y, mini_batch_size, rng):
    """$d_batches"""
    m = X.shape[1]
    permutation = rng.permutation(m)  # $c_permutation
    mini_batches = []
    for k in range(0, m, mini_batch_size):
        columns = permutation[k : k + mini_batch_size]  # $c_last_batch
        mini_batches.append((X[:, columns], Y[:, columns]))
    return mini_batches
'''

RULES = {"gd": GD, "momentum": MOMENTUM, "adam": ADAM}


def update_cell(lang: str, optimizer: str) -> str:
    """The update rule of the run's optimizer (``gd``, ``momentum`` or ``adam``)."""
    return fill(RULES[optimizer], lang)


def batches_cell(lang: str) -> str:
    """``random_mini_batches``: one epoch's batches, shuffled as the engine shuffles them."""
    return fill(BATCHES, lang)
