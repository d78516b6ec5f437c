"""Gradient checking: compare back-propagation with centred finite differences.

``(L(w + h) - L(w - h)) / (2 h)`` is accurate to O(h**2); a correct
back-propagation agrees with it to about 1e-7 relative error, a wrong one
(a sign, a missing factor) disagrees at order 1 (CS231n's recipe).
"""
import numpy as np

from .checks import check_float


def numerical_gradient(f, param, h=1e-5):
    """Centred differences of the scalar ``f()`` with respect to the array ``param``.

    ``param`` is nudged in place, one entry at a time, and restored exactly.
    """
    grad = np.zeros_like(param)
    for i in np.ndindex(param.shape):
        old = param[i]
        param[i] = old + h
        up = f()
        param[i] = old - h
        down = f()
        param[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad


def relative_error(analytic, numeric):
    """``||a - n|| / (||a|| + ||n||)``: 0 when equal, 1 when opposite, over a whole array.

    Taken over the array, not entry by entry, so entries whose gradient is
    almost zero (where finite differences are mostly rounding) cannot raise
    a false alarm.
    """
    a, n = np.asarray(analytic, float), np.asarray(numeric, float)
    scale = np.linalg.norm(a) + np.linalg.norm(n)
    return float(np.linalg.norm(a - n) / scale) if scale > 0 else 0.0


def gradcheck(net, X, y, l2=0.0, h=1e-5):
    """Largest relative error between ``net.gradients`` and finite differences.

    Checks every weight array and (if the net has biases) every bias; leaves ``net``
    exactly as it was. Below about 1e-6 means back-propagation is right.
    """
    h = check_float("h", h, low=0, low_inclusive=False)
    dW, db = net.gradients(X, y, l2=l2)

    def loss():
        return net.loss(X, y, l2=l2)

    pairs = list(zip(net.weights, dW)) + (list(zip(net.biases, db)) if net.bias else [])
    return max(relative_error(g, numerical_gradient(loss, p, h)) for p, g in pairs)
