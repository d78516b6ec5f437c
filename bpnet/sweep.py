"""Train many seeds at once: one stack of networks, through ``Network``'s own code.

Notebook 02 asks how often XOR training gets stuck, which takes dozens of
runs per hidden size. The seeds' weights are stacked along a first axis,
``W[l]`` of shape ``(S, n_in, n_out)``; ``Network.forward``, ``backward``
and ``step`` then multiply all S networks' matrices at once (``@``
broadcasts over that axis), so 50 seeds cost little more than one. Each
seed starts where ``Network(sizes, bias=False, init="uniform", seed=s)``
starts and ends where its ``fit`` ends.
"""
import numpy as np

from .checks import check_float, check_int, check_labels
from .network import EPOCHS, Network


def train_many(X, y, sizes, seeds, epochs=EPOCHS, lr=1.0):
    """Outputs after training one bias-free sigmoid net per seed: shape (len(seeds), n).

    Full-batch gradient descent on the summed half squared error, as in the
    article's sections 1-3 (and as ``Network.fit``), for all seeds at once.
    """
    if not hasattr(seeds, "__iter__"):
        raise TypeError(f"seeds must be a list of seeds, such as range(50), got {seeds!r}")
    nets = [Network(sizes, bias=False, init="uniform", seed=s) for s in seeds]
    if not nets:
        raise ValueError(f"seeds must name at least one seed, got {seeds!r}")
    epochs = check_int("epochs", epochs, low=1)
    lr = check_float("lr", lr, low=0, low_inclusive=False)
    stack = nets[0]
    X, Y = stack.checked(X, y)                                   # (n, sizes[0]), (n, 1)
    stack.weights = [np.stack(W) for W in zip(*(net.weights for net in nets))]  # (S, in, out)
    stack.matmul = np.matmul                                     # the product that takes stacks
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(epochs):
            a = stack.forward(X)                                 # a[l]: (S, n, sizes[l])
            stack.step(*stack.backward(a, stack.loss_and_delta(a[-1], Y)[1]), lr)
        return stack.forward(X)[-1][..., 0]                      # (S, n)


def success_rate(X, y, sizes, seeds, epochs=EPOCHS, lr=1.0):
    """Fraction of seeds whose trained net gets every sample right (output on the right side of 0.5)."""
    y = check_labels(y, len(np.atleast_1d(y)))
    out = train_many(X, y, sizes, seeds, epochs=epochs, lr=lr)
    return float(np.mean(np.all((out >= 0.5) == (y >= 0.5), axis=1)))
