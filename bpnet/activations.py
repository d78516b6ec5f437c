"""Activation functions, their derivatives, and the softmax output.

Every derivative here is written in terms of the layer's *output* ``a``, not
its input ``z``.  For the sigmoid ``a = 1 / (1 + exp(-z))`` one finds
``da/dz = a * (1 - a)``; that is why the article writes ``lo * (1 - lo)``
right after computing ``lo``: back-propagation already holds ``a``, so the
derivative costs one multiplication and no second exponential.
"""
import numpy as np


def sigmoid(z):
    """Logistic function ``1 / (1 + exp(-z))``, safe for any finite ``z``.

    ``exp(-z)`` would overflow for ``z < -709``, so ``z`` is floored there
    first: the result is then about 1e-308 instead of a value even closer to
    0, an absolute error no double can show, and there is never an overflow.
    """
    return 1.0 / (1.0 + np.exp(-np.maximum(z, -709.0)))


def tanh(z):
    """Hyperbolic tangent (numpy's own is already stable)."""
    return np.tanh(z)


def relu(z):
    """Rectified linear unit ``max(z, 0)``."""
    return np.maximum(z, 0.0)


def softmax(z):
    """Row-wise softmax of scores ``z`` of shape (n, k), shifted by the row max.

    ``exp(z - max(z))`` never exceeds 1, so nothing overflows; the shift
    cancels in the ratio, so the probabilities are unchanged.
    """
    e = np.exp(z - z.max(axis=1, keepdims=True))  # (n, k), entries in (0, 1]
    return e / e.sum(axis=1, keepdims=True)


# name -> function, and name -> derivative written from the output a = f(z)
ACTIVATIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu}
DERIVATIVES = {
    "sigmoid": lambda a: a * (1.0 - a),
    "tanh": lambda a: 1.0 - a**2,
    "relu": lambda a: (a > 0.0).astype(a.dtype),
}
