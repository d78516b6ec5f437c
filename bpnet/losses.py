"""The two output layers and their losses, summed over samples as in the article.

``sigmoid`` output: half squared error ``L = 1/2 * sum((a - y)**2)``, whose
delta at the output scores is ``(a - y) * a * (1 - a)``.

``softmax`` output: cross-entropy ``L = -sum(log p[i, y_i])``, whose delta at
the output scores is ``p - onehot(y)``: the softmax's Jacobian and the log's
derivative cancel to that simple difference (notebook 04 derives it).
"""
import numpy as np

from .activations import log_softmax, sigmoid, softmax


def half_squared_error(a, y):
    """``1/2 * sum((a - y)**2)`` for sigmoid outputs ``a`` and targets ``y``, both (n, k)."""
    return 0.5 * float(np.sum((a - y) ** 2))


def half_squared_error_delta(a, y):
    """dL/dz at a sigmoid output: ``(a - y) * a * (1 - a)``, shape (n, k)."""
    return (a - y) * a * (1.0 - a)


def cross_entropy(z, y):
    """``-sum(log softmax(z)[i, y_i])`` from the scores ``z`` (n, k) and labels ``y`` (n,)."""
    return -float(log_softmax(z)[np.arange(len(y)), y].sum())


def cross_entropy_delta(p, y):
    """dL/dz at a softmax output: ``p - onehot(y)``, shape (n, k).  ``p`` is not modified."""
    delta = p.copy()  # a copy: the article's `lo_delta = probs` edits probs too
    delta[np.arange(len(y)), y] -= 1.0
    return delta


# output name -> (activation, loss from (z, a, y), delta from (a, y))
OUTPUTS = {
    "sigmoid": (sigmoid, lambda z, a, y: half_squared_error(a, y), half_squared_error_delta),
    "softmax": (softmax, lambda z, a, y: cross_entropy(z, y), cross_entropy_delta),
}
