"""Activation functions and their derivatives, as one table.

Every derivative here is written in terms of the layer's *output* ``a``, not
its input ``z``. For the sigmoid ``a = 1 / (1 + exp(-z))`` one finds
``da/dz = a * (1 - a)``; that is why the article writes ``lo * (1 - lo)``
right after computing ``lo``: back-propagation already holds ``a``, so the
derivative costs one multiplication and no second exponential.
"""
from typing import Callable, NamedTuple

import numpy as np


def sigmoid(z):
    """Logistic function ``1 / (1 + exp(-z))``, exact for every ``z``.

    Below ``z = -709``, ``exp(-z)`` is too large for a double and becomes
    ``inf``; then ``1 / (1 + inf)`` is 0.0, the right answer to double
    precision. numpy would warn of that overflow, so it is told here that
    the overflow is expected. ``Network`` calls the bare formula
    (``ACTIVATIONS["sigmoid"].f``) inside one such ``errstate`` for a whole
    training run instead: entering it costs about as much as the formula.
    """
    with np.errstate(over="ignore"):
        return _sigmoid(z)


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))  # needs np.errstate(over="ignore") for z < -709


def tanh(z):
    """Hyperbolic tangent (numpy's own never overflows)."""
    return np.tanh(z)


def relu(z):
    """Rectified linear unit ``max(z, 0)``: "rectified" because negative scores are cut to 0."""
    return np.maximum(z, 0.0)


def softmax(z):
    """Row-wise softmax of scores ``z`` of shape (..., n, k), shifted by the row max.

    ``exp(z - max(z))`` never exceeds 1, so nothing overflows; the shift
    cancels in the ratio, so the probabilities are unchanged.
    """
    e = np.exp(z - z.max(axis=-1, keepdims=True))  # (n, k), entries in (0, 1]
    return e / e.sum(axis=-1, keepdims=True)


class Activation(NamedTuple):
    """A hidden layer's function ``f`` and its derivative ``df``, written from the output ``a = f(z)``."""

    f: Callable
    df: Callable


ACTIVATIONS = {
    "sigmoid": Activation(_sigmoid, lambda a: a * (1.0 - a)),
    "tanh": Activation(np.tanh, lambda a: 1.0 - a * a),
    "relu": Activation(relu, lambda a: (a > 0.0).astype(a.dtype)),
}
