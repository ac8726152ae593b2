"""Backward propagation written out: equations (6)–(9), and (1)–(5) for one example.

The arithmetic is the engine's (``dnn.propagation.backward``): dZ^[L] = A^[L] - Y is divided
by m once, so that (7) and (8) need no 1/m of their own, and dA^[0] (the pixels' gradient) is
not computed; L2 adds (λ/m) W^[l] to each dW^[l], m counting every training example.
"""

from __future__ import annotations

from ui.notebook.templates import fill

HIDDEN = {  # (6) for g^[l], l < L, as dnn.activations.backward computes it
    "relu": '''\
def relu_backward(dA, Z):
    """(6) dZ = dA * g'(Z), g'(z) = 1 for z > 0, $d_relu_backward"""
    return np.where(Z > 0, dA, 0.0)
''',
    "tanh": '''\
def tanh_backward(dA, Z):
    """(6) dZ = dA * g'(Z), g'(z) = 1 - tanh(z)²"""
    A = np.tanh(Z)
    return dA * (1.0 - A * A)
''',
    "leaky_relu": '''\
def leaky_relu_backward(dA, Z):
    """(6) dZ = dA * g'(Z), g'(z) = 1 for z > 0, $d_leaky_backward"""
    return np.where(Z > 0, dA, 0.01 * dA)
''',
    "sigmoid": '''\
def sigmoid_backward(dA, Z):
    """(6) dZ = dA * g'(Z), g'(z) = σ(z) (1 - σ(z))"""
    A = sigmoid(Z)
    return dA * A * (1.0 - A)
''',
}

LINEAR = '''

def linear_backward(dZ, cache, need_dA_prev=True):
    """$d_linear_backward"""
    A_prev, W, b = cache
    dW = dZ @ A_prev.T  # (7) dW^[l] = (1/m) dZ^[l] A^[l-1]ᵀ, (n^[l], n^[l-1]); $c_eq2
    db = np.sum(dZ, axis=1, keepdims=True)  # (8) db^[l] = (1/m) Σ_i dZ^[l](i), (n^[l], 1); $c_eq3
    dA_prev = W.T @ dZ if need_dA_prev else None  # (9) dA^[l-1] = W^[l]ᵀ dZ^[l]; $c_eq4
    return dA_prev, dW, db


def L_model_backward(AL, Y, caches$l2_args):
    """$d_model_backward"""
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    # $c_dZL
    # $c_one_over_m
    dZ = (AL - Y) / m  # (1, m)
    for l in range(L, 0, -1):
        linear_cache, _ = caches[l - 1]
        dA_prev, dW, db = linear_backward(dZ, linear_cache, need_dA_prev=l > 1)  # $c_no_dA0
${l2_lines}\
        grads["dW" + str(l)], grads["db" + str(l)] = dW, db
        if l > 1:
            _, Z_prev = caches[l - 2]
            dZ = $hidden_backward(dA_prev, Z_prev)  # (6) $c_eq5
    return grads
'''

L2_LINES = """\
        W = linear_cache[1]
        dW = dW + lambd / m_train * W  # $c_l2_grad
"""


def backward_cell(lang: str, hidden: str, l2: bool) -> str:
    """The hidden activation's (6), ``linear_backward`` and ``L_model_backward``."""
    return fill(
        HIDDEN[hidden] + LINEAR,
        lang,
        hidden_backward=f"{hidden}_backward",
        l2_args=", lambd, m_train" if l2 else "",
        l2_lines=fill(L2_LINES, lang) if l2 else "",
    )
