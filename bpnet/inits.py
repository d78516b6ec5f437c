"""The starting weights: the article's three ways to draw them (a table), or your own, checked.

Each draws from ``np.random.RandomState(seed)``, the stream that
``np.random.seed(seed)`` sets, in the article's order, so a ``Network`` with
``seed=s`` starts exactly where the article's code starts after
``np.random.seed(s)``. ``W[l]`` has shape ``(sizes[l], sizes[l + 1])``.
"""
import numpy as np

from .checks import check_array, describe


def uniform(rng, sizes, bias):
    """Sections 1-3: ``W = 2 * U[0, 1) - 1``, uniform in [-1, 1); zero biases."""
    weights = [2 * rng.random_sample((i, j)) - 1 for i, j in zip(sizes, sizes[1:])]
    return weights, _zeros(sizes)


def scaled(rng, sizes, bias):
    """Section 4: ``W = N(0, 1) / sqrt(n_in)``; zero biases."""
    weights = [rng.standard_normal((i, j)) / np.sqrt(i) for i, j in zip(sizes, sizes[1:])]
    return weights, _zeros(sizes)


def normal(rng, sizes, bias):
    """Section 5: ``b = N(0, 1)`` for every layer first (if the net has biases), then ``W = N(0, 1)``."""
    biases = [rng.standard_normal(j) for j in sizes[1:]] if bias else _zeros(sizes)
    weights = [rng.standard_normal((i, j)) for i, j in zip(sizes, sizes[1:])]
    return weights, biases


def _zeros(sizes):
    return [np.zeros(j) for j in sizes[1:]]


INITS = {"uniform": uniform, "normal": normal, "scaled": scaled}


def draw(init, sizes, bias, seed):
    """``(weights, biases)`` for a net of these ``sizes``, drawn the ``init`` way from ``seed``."""
    return INITS[init](np.random.RandomState(seed), sizes, bias)


def check_weights(weights, sizes):
    """Copies of ``weights``, one (sizes[l], sizes[l + 1]) array per layer, or raise."""
    return _layers("weights", weights, list(zip(sizes, sizes[1:])))


def check_biases(biases, sizes, bias):
    """Copies of ``biases``, one (sizes[l + 1],) array per layer, or raise."""
    if not bias:
        raise ValueError("biases were given but bias=False; pass bias=True or drop biases")
    return _layers("biases", biases, [(j,) for j in sizes[1:]])


def _layers(name, arrays, shapes):
    if not isinstance(arrays, (list, tuple)) or len(arrays) != len(shapes):
        got = f"{len(arrays)} arrays" if isinstance(arrays, (list, tuple)) else describe(arrays)
        raise ValueError(f"{name} must be a list of {len(shapes)} arrays, one per layer, got {got}")
    out = []
    for l, (arr, shape) in enumerate(zip(arrays, shapes)):
        try:
            out.append(check_array(f"{name}[{l}]", arr, shape=shape).copy())
        except ValueError as e:
            hint = " (for one output unit, reshape it: W.reshape(-1, 1))" if (
                name == "weights" and shape[1] == 1 and np.ndim(arr) == 1) else ""
            raise ValueError(f"{e}{hint}") from None
    return out
