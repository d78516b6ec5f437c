"""The two output layers and their losses, summed over samples as in the article.

``sigmoid`` output: half squared error ``L = 1/2 * sum((a - y)**2)``, whose
delta at the output scores is ``(a - y) * a * (1 - a)``.

``softmax`` output: cross-entropy ``L = -sum(Y * log p)`` with one-hot targets
``Y``, whose delta at the output scores is ``p - Y``: the softmax's Jacobian
(its table of partial derivatives dp_i/dz_j) and the log's derivative cancel
to that simple difference (notebook 04 derives it).

Each loss returns both ``(L, delta)``: the two share their first step, and
``fit`` needs both every epoch. Both take targets as an (n, k) array ``Y``;
``Network`` turns softmax labels ``y`` into one-hot rows once, before training.
"""
from typing import Callable, NamedTuple

import numpy as np

from .activations import ACTIVATIONS, softmax


def half_squared_error(a, Y):
    """``(L, delta)`` for sigmoid outputs ``a`` and targets ``Y``, both (n, k).

    ``L = 1/2 * sum((a - Y)**2)`` and ``delta = dL/dz = (a - Y) * a * (1 - a)``,
    shape (n, k): the error times the sigmoid's derivative, written from its output.
    """
    e = a - Y  # (n, k)
    return 0.5 * float(np.vdot(e, e)), e * (a * (1.0 - a))  # vdot: the sum of squares in one call


def cross_entropy(p, Y):
    """``(L, delta)`` for softmax outputs ``p`` and one-hot targets ``Y``, both (n, k).

    ``L = -sum(Y * log p)`` and ``delta = dL/dz = p - Y``, shape (n, k): the
    same as the article's ``probs[range(n), y] -= 1`` (with ``-=``, on a copy).
    A probability that underflowed to 0 counts as 1e-300, so the loss stays
    finite (about 690 for that sample) instead of becoming ``inf``.
    """
    return 0.0 - float(np.vdot(Y, np.log(np.maximum(p, 1e-300)))), p - Y  # 0.0 - x: never -0.0


def one_hot(y, k):
    """Integer labels ``y`` (n,) as one-hot rows ``Y`` (n, k): ``Y[i, y[i]] = 1``."""
    return np.eye(k)[y]


class Output(NamedTuple):
    """An output layer: its activation ``f``; ``loss(a, Y)``, which gives the summed
    loss and its delta dL/dz at the output scores, the start of back-propagation;
    ``guess(k)``, each of ``k`` units' output under a blind guess; and
    ``diverged_at``: a run whose last loss is over this many times its start
    (and a blind guess's loss) has diverged (``bpnet.divergence``)."""

    f: Callable
    loss: Callable
    guess: Callable
    diverged_at: float


OUTPUTS = {
    # half squared error is at most 4 times a blind guess's: ten times could never be passed
    "sigmoid": Output(ACTIVATIONS["sigmoid"].f, half_squared_error, lambda k: 0.5, 1.5),
    "softmax": Output(softmax, cross_entropy, lambda k: 1.0 / k, 10),
}


def blind_guess(output, Y):
    """The loss of a blind guess on targets ``Y``: 1/k for each of k softmax
    classes, 0.5 from every sigmoid unit. A trained net should end well below it."""
    out = OUTPUTS[output]
    return out.loss(np.full(Y.shape, out.guess(Y.shape[1])), Y)[0]
