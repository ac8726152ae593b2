"""The matrix dimensions of an L-layer network: one source for the engine and the theory page."""

from __future__ import annotations

from dataclasses import dataclass


def param_shapes(layer_dims: tuple[int, ...] | list[int]) -> dict[str, tuple[int, int]]:
    """Shapes of every parameter: W^[l] is (n_l, n_{l-1}), b^[l] is (n_l, 1).

    Parameters
    ----------
    layer_dims : sequence of int
        n^[0], n^[1], …, n^[L].

    Returns
    -------
    dict
        ``{"W1": (n_1, n_0), "b1": (n_1, 1), …}`` in layer order.
    """
    shapes: dict[str, tuple[int, int]] = {}
    for l in range(1, len(layer_dims)):
        shapes[f"W{l}"] = (int(layer_dims[l]), int(layer_dims[l - 1]))
        shapes[f"b{l}"] = (int(layer_dims[l]), 1)
    return shapes


@dataclass(frozen=True)
class LayerDims:
    """One row of the dimension table: the shapes of layer l's quantities for m examples."""

    layer: int
    units: int
    W: tuple[int, int]
    b: tuple[int, int]
    Z: tuple[int, int]
    A: tuple[int, int]
    dW: tuple[int, int]
    db: tuple[int, int]
    parameters: int


def dimension_table(layer_dims: tuple[int, ...] | list[int], m: int) -> list[LayerDims]:
    """The lesson's dimension rules applied to a network, one row per layer 1..L.

    W and b keep their shapes when vectorized; Z and A gain the m columns. Row 0 (the input,
    A^[0] = X of shape (n_0, m)) is included with no parameters.
    """
    rows = [
        LayerDims(
            0,
            int(layer_dims[0]),
            (0, 0),
            (0, 0),
            (0, 0),
            (int(layer_dims[0]), m),
            (0, 0),
            (0, 0),
            0,
        )
    ]
    shapes = param_shapes(layer_dims)
    for l in range(1, len(layer_dims)):
        W, b = shapes[f"W{l}"], shapes[f"b{l}"]
        rows.append(LayerDims(l, W[0], W, b, (W[0], m), (W[0], m), W, b, W[0] * W[1] + b[0]))
    return rows
