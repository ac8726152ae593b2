"""Benchmark: the lesson's 4-layer run (2,500 iterations) with each way of training it.

    python bench/train_speed.py [--repeat 5] [--iterations 2500]

Prints the median and best wall time of each, the ratio to the naive loop, the ratio to the
FLOOR, and the final cost (all must agree). Engines: a naive loop written the way the lesson
writes it (fresh caches each step, dA computed for the input layer too, update through a
parameter copy), with BLAS as it comes; dnn's textbook engine (W1 @ X every step); dnn's dual
engine, cold (the Gram matrix is computed inside the timing) and with the Gram matrix cached
(as the app does); PyTorch on the CPU, float64, when it is installed.

The FLOOR is what the dual engine cannot avoid: the 2,500 products G Pᵀ (G 209 × 209, P 20 × 209)
on one BLAS thread, timed in this process, in the fastest of three memory layouts (so a slow
layout cannot flatter the ratio). dnn runs on one BLAS thread (``dnn.train`` sets it).
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import dnn  # noqa: E402
from dnn.dual import gram  # noqa: E402

DIMS = [12288, 20, 7, 5, 1]


# --------------------------------------------------------------- the lesson's own loop, as written
def naive(X, Y, layer_dims, learning_rate, num_iterations):
    np.random.seed(1)
    params = {}
    for l in range(1, len(layer_dims)):
        params["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(
            layer_dims[l - 1]
        )
        params["b" + str(l)] = np.zeros((layer_dims[l], 1))
    costs = []
    L = len(layer_dims) - 1
    m = Y.shape[1]
    for _ in range(num_iterations):
        caches = []
        A = X
        for l in range(1, L + 1):
            A_prev = A
            Z = np.dot(params["W" + str(l)], A_prev) + params["b" + str(l)]
            A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(0, Z)
            caches.append(((A_prev, params["W" + str(l)], params["b" + str(l)]), Z))
        AL = A
        cost = np.squeeze(-1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))
        grads = {}
        dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
        for l in reversed(range(1, L + 1)):
            (A_prev, W, b), Z = caches[l - 1]
            if l == L:
                s = 1 / (1 + np.exp(-Z))
                dZ = dA * s * (1 - s)
            else:
                dZ = np.array(dA, copy=True)
                dZ[Z <= 0] = 0
            grads["dW" + str(l)] = 1 / m * np.dot(dZ, A_prev.T)
            grads["db" + str(l)] = 1 / m * np.sum(dZ, axis=1, keepdims=True)
            dA = np.dot(W.T, dZ)  # dA^[l-1], for the input layer too
        params = copy.deepcopy(params)
        for l in range(1, L + 1):
            params["W" + str(l)] = params["W" + str(l)] - learning_rate * grads["dW" + str(l)]
            params["b" + str(l)] = params["b" + str(l)] - learning_rate * grads["db" + str(l)]
        costs.append(float(cost))
    return costs


def torch_loop(X, Y, layer_dims, learning_rate, num_iterations):
    import torch

    Xt, Yt = torch.from_numpy(np.ascontiguousarray(X)), torch.from_numpy(Y.astype(np.float64))
    rng = np.random.RandomState(1)
    Ws, bs = [], []
    for l in range(1, len(layer_dims)):
        W = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        Ws.append(torch.tensor(W, requires_grad=True))
        bs.append(torch.zeros((layer_dims[l], 1), dtype=torch.float64, requires_grad=True))
    costs = []
    for _ in range(num_iterations):
        A = Xt
        for l, (W, b) in enumerate(zip(Ws, bs, strict=True)):
            Z = W @ A + b
            A = Z if l == len(Ws) - 1 else torch.relu(Z)
        cost = torch.nn.functional.binary_cross_entropy_with_logits(Z, Yt)
        for p in Ws + bs:
            p.grad = None
        cost.backward()
        with torch.no_grad():
            for p in Ws + bs:
                p -= learning_rate * p.grad
        costs.append(float(cost.detach()))
    return costs


def engine(name, cached_gram=None):
    def run(X, Y, layer_dims, learning_rate, num_iterations):
        r = dnn.train(
            X, Y, layer_dims, learning_rate, num_iterations, engine=name, every=0, gram=cached_gram
        )
        return r.costs

    return run


def floor_seconds(X, num_iterations: int, repeat: int) -> tuple[float, float, str]:
    """Median seconds of ``num_iterations`` products G Pᵀ on one BLAS thread.

    Returns (fastest layout's time, the literal ``G @ P.T`` with P row-major, fastest layout).
    """
    from threadpoolctl import threadpool_limits

    G = gram(X)
    P = np.random.RandomState(0).rand(DIMS[1], X.shape[1])  # (20, 209)
    PT = np.ascontiguousarray(P.T)
    layouts = {
        "G @ P.T, P row-major": (lambda out: np.matmul(G, P.T, out=out), np.empty(PT.shape)),
        "G @ Pᵀ, Pᵀ row-major": (lambda out: np.matmul(G, PT, out=out), np.empty(PT.shape)),
        "P @ G (its transpose)": (lambda out: np.matmul(P, G, out=out), np.empty(P.shape)),
    }
    times = {}
    with threadpool_limits(limits=1, user_api="blas"):
        for name, (product, out) in layouts.items():
            runs = []
            for _ in range(repeat):
                start = time.perf_counter()
                for _ in range(num_iterations):
                    product(out)
                runs.append(time.perf_counter() - start)
            times[name] = statistics.median(runs)
    best = min(times, key=times.get)
    return times[best], times["G @ P.T, P row-major"], best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--iterations", type=int, default=2500)
    args = parser.parse_args()
    data = dnn.load_dataset()
    X, Y = np.ascontiguousarray(data.train_x), data.train_y
    runs = [
        ("naive lesson loop", naive),
        ("dnn textbook engine", engine("textbook")),
        ("dnn dual engine, cold", engine("dual")),
        ("dnn dual engine, G cached", engine("dual", gram(X))),
    ]
    try:
        import torch

        torch.set_num_threads(2)
        runs.append((f"PyTorch {torch.__version__} CPU float64", torch_loop))
    except ImportError:
        print("(PyTorch not installed: skipped)")
    load = os.getloadavg()[0]
    print(
        f"{args.iterations} iterations of {DIMS} on {X.shape[1]} images; "
        f"{args.repeat} runs each; numpy {np.__version__}; {platform.processor() or 'cpu'}, "
        f"{os.cpu_count()} cores; load average {load:.1f} at the start"
    )
    floor, literal, layout = floor_seconds(X, args.iterations, args.repeat)
    print(
        f"FLOOR: {args.iterations} × G Pᵀ (G {X.shape[1]}×{X.shape[1]}, P {DIMS[1]}×{X.shape[1]}), "
        f"1 BLAS thread, fastest layout ({layout}): {floor:.4f} s "
        f"(the literal G @ P.T with P row-major: {literal:.4f} s)"
    )
    rows = []
    for name, fn in runs:
        times, cost = [], None
        for _ in range(args.repeat):
            start = time.perf_counter()
            costs = fn(X, Y, DIMS, 0.0075, args.iterations)
            times.append(time.perf_counter() - start)
            cost = costs[-1]
        rows.append((name, statistics.median(times), min(times), cost))
        print(f"  … {name}: {statistics.median(times):.3f} s", file=sys.stderr)
    base = rows[0][1]
    print(f"| {'engine':32} | median s | best s | vs naive | ÷ floor | last cost |")
    print(f"|{'-' * 34}|---------:|-------:|---------:|--------:|----------:|")
    for name, med, best, cost in rows:
        print(
            f"| {name:32} | {med:8.3f} | {best:6.3f} | {base / med:7.1f}× "
            f"| {med / floor:6.2f}× | {cost:.6f} |"
        )
    print(f"load average {os.getloadavg()[0]:.1f} at the end (a shared machine inflates every row)")


if __name__ == "__main__":
    main()
