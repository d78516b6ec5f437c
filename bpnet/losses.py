"""The two output layers and their losses, summed over samples as in the article.

``sigmoid`` output: half squared error ``L = 1/2 * sum((a - y)**2)``, whose
delta at the output scores is ``(a - y) * a * (1 - a)``.

``softmax`` output: cross-entropy ``L = -sum(T * log p)`` with one-hot targets
``T``, whose delta at the output scores is ``p - T``: the softmax's Jacobian
and the log's derivative cancel to that simple difference (notebook 04
derives it).

Both take targets as an (n, k) array; ``Network`` turns softmax labels
``y`` into one-hot rows ``T`` once, before training.
"""
import numpy as np

from .activations import sigmoid, softmax


def half_squared_error(a, T):
    """``1/2 * sum((a - T)**2)`` for sigmoid outputs ``a`` and targets ``T``, both (n, k)."""
    return 0.5 * float(np.sum((a - T) ** 2))


def half_squared_error_delta(a, T):
    """dL/dz at a sigmoid output: ``(a - T) * a * (1 - a)``, shape (n, k)."""
    return (a - T) * a * (1.0 - a)


def cross_entropy(p, T):
    """``-sum(T * log p)`` for softmax outputs ``p`` and one-hot targets ``T``, both (n, k).

    A probability that underflowed to 0 counts as 1e-300, so the loss stays
    finite (about 690 for that sample) instead of becoming ``inf``.
    """
    return -float(np.sum(T * np.log(np.maximum(p, 1e-300))))


def cross_entropy_delta(p, T):
    """dL/dz at a softmax output: ``p - T``, shape (n, k).

    The same as the article's ``probs[range(n), y] -= 1`` (with ``-=``, on a copy).
    """
    return p - T


def one_hot(y, k):
    """Integer labels ``y`` (n,) as one-hot rows ``T`` (n, k): ``T[i, y[i]] = 1``."""
    return np.eye(k)[y]


# output name -> (activation, loss from (a, T), delta at the scores from (a, T))
OUTPUTS = {
    "sigmoid": (sigmoid, half_squared_error, half_squared_error_delta),
    "softmax": (softmax, cross_entropy, cross_entropy_delta),
}
