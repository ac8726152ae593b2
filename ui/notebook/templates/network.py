"""The lesson's network written out: initialization, activations, forward pass and the cost.

Every formula is the engine's, operation for operation (``dnn.propagation``,
``dnn.activations``), so the notebook's numbers are the app's: the same draws from one
``RandomState``, the same scale factors, the cost computed from Z^[L] as ``dnn`` does.
"""

from __future__ import annotations

from ui.notebook.templates import fill, words

INIT = '''\
def initialize_parameters_deep(layer_dims, rng):
    """$d_init

    layer_dims: [n^[0], n^[1], …, n^[L]];  rng: np.random.RandomState.
    """
    parameters = {}
    L = len(layer_dims) - 1  # $c_num_layers
    for l in range(1, L + 1):
        W = rng.randn(layer_dims[l], layer_dims[l - 1])  # (n^[l], n^[l-1]): $c_randn
        parameters["W" + str(l)] = $init  # $init_comment
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))  # (n^[l], 1)
    return parameters
'''

SCALE = {  # the rules of dnn.propagation.initialize
    "lesson": "W / np.sqrt(layer_dims[l - 1])",
    "he": "W * np.sqrt(2.0 / layer_dims[l - 1])",
    "xavier": "W * np.sqrt(2.0 / (layer_dims[l - 1] + layer_dims[l]))",
    "small": "W * 0.01",
}

SIGMOID = '''\
def sigmoid(Z):
    """σ(Z) = 1 / (1 + e^(-Z)), $d_elementwise"""
    return 1.0 / (1.0 + np.exp(-Z))
'''

HIDDEN = {  # g^[l] for l < L, as dnn.activations.activate computes it
    "relu": '''

def relu(Z):
    """ReLU(Z) = max(0, Z), $d_elementwise"""
    return np.maximum(0, Z)
''',
    "tanh": '''

def tanh(Z):
    """tanh(Z) = (e^Z - e^(-Z)) / (e^Z + e^(-Z)), $d_elementwise"""
    return np.tanh(Z)
''',
    "leaky_relu": '''

def leaky_relu(Z):
    """$d_leaky_relu"""
    return np.where(Z > 0, Z, 0.01 * Z)
''',
    "sigmoid": "",  # already there: the output layer's
}

FORWARD = '''\
def linear_forward(A_prev, W, b):
    """Z^[l] = W^[l] A^[l-1] + b^[l]  ($d_broadcast)"""
    Z = W @ A_prev + b  # (n^[l], m)
    cache = (A_prev, W, b)
    return Z, cache


def linear_activation_forward(A_prev, W, b, activation):
    """A^[l] = g^[l](Z^[l]); $d_activation_cache"""
    Z, linear_cache = linear_forward(A_prev, W, b)
    $branches
    return A, (linear_cache, Z)


def L_model_forward(X, parameters):
    """$d_model_forward"""
    caches = []
    A = X  # A^[0] = X, (n^[0], m)
    L = len(parameters) // 2  # $c_num_layers
    for l in range(1, L):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        A, cache = linear_activation_forward(A, W, b, $hidden)
        caches.append(cache)
    W, b = parameters["W" + str(L)], parameters["b" + str(L)]
    AL, cache = linear_activation_forward(A, W, b, "sigmoid")
    caches.append(cache)
    return AL, caches  # A^[L]: (1, m), P(y = 1) $c_per_column
'''

COST = '''\
def compute_cost(ZL, Y):
    """$d_cost

    $d_cost_stable
    """
    m = Y.shape[1]
    cost = np.sum(np.logaddexp(0, ZL) - Y * ZL) / m  # log(1 + e^z) - y z: $c_cost_terms
    return float(cost)
'''

COST_L2 = '''

def compute_cost_with_regularization(ZL, Y, parameters, lambd, m):
    """$d_cost_l2"""
    L = len(parameters) // 2
    squares = sum(np.sum(np.square(parameters["W" + str(l)])) for l in range(1, L + 1))
    return compute_cost(ZL, Y) + lambd / (2 * m) * float(squares)  # $c_cost_l2_m
'''


def init_cell(lang: str, method: str) -> str:
    """``initialize_parameters_deep`` with the run's rule (lesson, he, xavier or small)."""
    comment = words(lang)["c_init_" + method]
    return fill(INIT, lang, init=SCALE[method], init_comment=comment)


def forward_cell(lang: str, hidden: str) -> str:
    """The run's activations and the forward pass (``hidden`` is g^[l] for l < L)."""
    branches = ['if activation == "sigmoid":', "        A = sigmoid(Z)"]
    if hidden != "sigmoid":
        branches += [f'    elif activation == "{hidden}":', f"        A = {hidden}(Z)"]
    activations = fill(SIGMOID + HIDDEN[hidden], lang)
    body = fill(FORWARD, lang, branches="\n".join(branches), hidden=f'"{hidden}"')
    return activations + "\n\n" + body


def cost_cell(lang: str, l2: bool) -> str:
    """``compute_cost`` (and ``compute_cost_with_regularization`` when the run used L2)."""
    return fill(COST + (COST_L2 if l2 else ""), lang)
