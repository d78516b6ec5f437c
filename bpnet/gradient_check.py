"""Gradient checking: compare back-propagation with centred finite differences.

``(L(w + h) - L(w - h)) / (2 h)`` is accurate to O(h**2); a correct
back-propagation agrees with it to about 1e-7 relative error, a wrong one
(a sign, a missing factor) disagrees at order 1 (CS231n's recipe).
"""
import numpy as np

from .checks import check_array, check_float, describe


def numerical_gradient(f, param, h=1e-5):
    """Centred differences of the scalar ``f()`` with respect to the array ``param``.

    ``param`` (a float array, such as ``net.weights[0]``) is nudged in place, one
    entry at a time, and restored exactly, even if ``f`` raises.
    """
    if not callable(f):
        raise TypeError(f"f must be a function of no arguments that returns the loss, got {describe(f)}")
    if not isinstance(param, np.ndarray) or param.dtype.kind != "f":
        raise TypeError(f"param must be a float numpy array that f() reads, such as net.weights[0], "
                        f"got {describe(param)}")
    h = check_float("h", h, low=0, low_inclusive=False)
    grad = np.zeros_like(param)
    for i in np.ndindex(param.shape):
        old = param[i]
        try:
            param[i] = old + h
            up = f()
            param[i] = old - h
            down = f()
        finally:
            param[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad


def relative_error(analytic, numeric):
    """``||a - n|| / (||a|| + ||n||)``: 0 when equal, 1 when opposite, over a whole array.

    Taken over the array, not entry by entry, so entries whose gradient is
    almost zero (where finite differences are mostly rounding) cannot raise
    a false alarm. The two must have the same shape and be finite.
    """
    a = check_array("analytic", analytic) if np.ndim(analytic) else check_array("analytic", [analytic])
    n = check_array("numeric", numeric) if np.ndim(numeric) else check_array("numeric", [numeric])
    if a.shape != n.shape:
        raise ValueError(f"analytic and numeric must have the same shape, got {a.shape} and {n.shape}"
                         f" (compare one array at a time, such as dW[0] and its numerical gradient)")
    big = max(np.abs(a).max(), np.abs(n).max())
    if big == 0:
        return 0.0
    a, n = a / big, n / big  # scaled first, so the norms cannot overflow
    return float(np.linalg.norm(a - n) / (np.linalg.norm(a) + np.linalg.norm(n)))


def gradcheck(net, X, y, l2=0.0, h=1e-5):
    """Largest relative error between ``net.gradients`` and finite differences.

    Checks every weight array and (if the net has biases) every bias; leaves ``net``
    exactly as it was. Below about 1e-6 means back-propagation is right.
    """
    h = check_float("h", h, low=0, low_inclusive=False)
    if not hasattr(net, "gradients") or not hasattr(net, "loss"):
        raise TypeError(f"net must be a bpnet Network, such as Network([3, 5, 1]), got {describe(net)}")
    dW, db = net.gradients(X, y, l2=l2)  # raises if they are not finite

    def loss():
        return net.loss(X, y, l2=l2)

    pairs = list(zip(net.weights, dW)) + (list(zip(net.biases, db)) if net.bias else [])
    return max(relative_error(g, numerical_gradient(loss, p, h)) for p, g in pairs)
