"""Train many seeds at once: the article's bias-free sigmoid nets, vectorised.

Notebook 02 asks how often XOR training gets stuck, which takes dozens of
runs per hidden size. Stacking the seeds' weights along a first axis, every
matrix product becomes a batched one (``@`` broadcasts over that axis), so
50 seeds cost little more than one. Each seed starts exactly where
``Network(sizes, bias=False, init="uniform", seed=s)`` starts and ends where
its ``fit`` ends.
"""
import numpy as np

from .activations import sigmoid
from .checks import check_array, check_float, check_int
from .network import Network


def train_many(sizes, seeds, X, y, epochs=2000, lr=1.0):
    """Outputs after training one bias-free sigmoid net per seed: shape (len(seeds), n).

    Full-batch gradient descent on the summed half squared error, as in the
    article's sections 1-3 (and as ``Network.fit``), for all seeds at once.
    """
    nets = [Network(sizes, bias=False, init="uniform", seed=s) for s in seeds]
    if not nets:
        raise ValueError(f"seeds must name at least one seed, got {seeds!r}")
    epochs = check_int("epochs", epochs, low=1)
    lr = check_float("lr", lr, low=0, low_inclusive=False)
    X, T = nets[0]._check_data(X, y)                        # (n, sizes[0]), (n, 1)
    Ws = [np.stack(Wl) for Wl in zip(*(net.weights for net in nets))]  # Ws[l]: (S, in, out)
    for _ in range(epochs):
        a = [X]
        for W in Ws:
            a.append(sigmoid(a[-1] @ W))                    # (S, n, out)
        delta = (a[-1] - T) * a[-1] * (1 - a[-1])           # (S, n, 1)
        for l in range(len(Ws) - 1, -1, -1):
            dW = np.swapaxes(a[l], -1, -2) @ delta if l else X.T @ delta  # (S, in, out)
            if l:
                delta = (delta @ np.swapaxes(Ws[l], -1, -2)) * a[l] * (1 - a[l])
            Ws[l] -= lr * dW
    out = X
    for W in Ws:
        out = sigmoid(out @ W)
    return out[..., 0]                                      # (S, n)


def success_rate(sizes, seeds, X, y, epochs=2000, lr=1.0):
    """Fraction of seeds whose trained net gets every sample right (output on the right side of 0.5)."""
    y = check_array("y", y, ndim=1)
    out = train_many(sizes, seeds, X, y, epochs=epochs, lr=lr)
    return float(np.mean(np.all((out >= 0.5) == (y >= 0.5), axis=1)))
