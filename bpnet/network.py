"""``Network``: the article's five networks as one class (after Nielsen's network.py).

Conventions, all the article's: rows are samples, so a layer computes
``z = a @ W + b`` with ``W`` of shape ``(n_in, n_out)``; training is
full-batch gradient descent on the loss *summed* over samples; L2 adds
``l2 * W`` to each weight gradient (biases are not regularised).
"""
import math
from dataclasses import dataclass, field

import numpy as np

from .activations import ACTIVATIONS, DERIVATIVES
from .checks import (check_array, check_bool, check_choice, check_float, check_int, check_labels,
                     check_seed)
from .losses import OUTPUTS, one_hot


def _uniform(rng, n_in, n_out):
    return 2 * rng.random_sample((n_in, n_out)) - 1  # U[-1, 1): sections 1-3


def _normal(rng, n_in, n_out):
    return rng.standard_normal((n_in, n_out))  # N(0, 1): section 5


def _scaled(rng, n_in, n_out):
    return rng.standard_normal((n_in, n_out)) / np.sqrt(n_in)  # N(0, 1/n_in): section 4


INITS = {"uniform": _uniform, "normal": _normal, "scaled": _scaled}


class TrainingDiverged(FloatingPointError):
    """``fit`` failed: the loss stopped being finite, or ended over ten times its start.

    ``epoch`` is where it went wrong; ``history`` holds the finite losses.
    """


@dataclass
class History:
    """What ``fit`` recorded: ``loss[e]`` is the loss of epoch ``e``'s forward pass;
    ``grad_norms[e, l]`` the norm of ``dW[l]`` there (only if asked for)."""

    loss: np.ndarray
    grad_norms: np.ndarray = field(default=None, repr=False)


class Network:
    """A fully connected network trained by back-propagation.

    Parameters
    ----------
    sizes : list of int
        Units per layer, input first: ``[3, 1]`` is the perceptron of section 1,
        ``[3, 5, 7, 2]`` the net of section 5.
    hidden : {"sigmoid", "tanh", "relu"}
        Activation of every hidden layer.
    output : {"sigmoid", "softmax"}
        ``"sigmoid"``: half squared error, targets in [0, 1].
        ``"softmax"``: cross-entropy, integer labels ``0 .. sizes[-1] - 1``.
    bias : bool
        ``False`` gives the bias-free nets of sections 1-3 (``biases`` stay zero).
    init : {"uniform", "normal", "scaled"}
        How to draw the initial weights, in the article's order from
        ``np.random.RandomState(seed)``, the same stream as ``np.random.seed(seed)``:
        ``"uniform"`` is ``2 * U[0, 1) - 1``, ``"scaled"`` is ``N(0, 1) / sqrt(n_in)``
        with zero biases, ``"normal"`` is ``N(0, 1)`` for the biases, then the weights.
    weights, biases : list of arrays, optional
        Start from these instead (copied). ``weights[l]`` has shape
        ``(sizes[l], sizes[l + 1])``, ``biases[l]`` shape ``(sizes[l + 1],)``.
    seed : int, optional
        Seed for the initial weights; None draws fresh ones.
    """

    def __init__(self, sizes, hidden="sigmoid", output="sigmoid", bias=True,
                 init="scaled", weights=None, biases=None, seed=None):
        self.sizes = _check_sizes(sizes)
        self.hidden = check_choice("hidden", hidden, ACTIVATIONS)
        self.output = check_choice("output", output, OUTPUTS)
        if output == "softmax" and self.sizes[-1] < 2:
            raise ValueError(f"a softmax output needs sizes[-1] >= 2 classes, got sizes={self.sizes}")
        self.bias = check_bool("bias", bias)
        self.init = check_choice("init", init, INITS)
        seed = check_seed(seed)
        pairs = list(zip(self.sizes[:-1], self.sizes[1:]))
        if biases is not None and not bias:
            raise ValueError("biases were given but bias=False; pass bias=True or drop biases")
        W = None if weights is None else _check_params("weights", weights, list(pairs))
        b = None if biases is None else _check_params("biases", biases, [(j,) for _, j in pairs])
        rng = np.random.RandomState(seed)
        if b is None:
            if bias and init == "normal" and W is None:
                b = [rng.standard_normal(j) for _, j in pairs]  # section 5 draws biases first
            else:
                b = [np.zeros(j) for _, j in pairs]
        self.weights = W if W is not None else [INITS[init](rng, i, j) for i, j in pairs]
        self.biases = b

    def __repr__(self):
        return (f"Network({self.sizes}, hidden={self.hidden!r}, output={self.output!r}, "
                f"bias={self.bias})")

    # --- forward and backward -------------------------------------------------

    def forward(self, X):
        """Activations of every layer: ``a[0] = X``, ``a[l + 1] = f(a[l] @ W[l] + b[l])``.

        ``a[l]`` has shape ``(n, sizes[l])``; ``f`` is the hidden activation,
        and the output activation (sigmoid or softmax) for the last layer.
        """
        fs = [ACTIVATIONS[self.hidden]] * (len(self.weights) - 1) + [OUTPUTS[self.output][0]]
        a = [X]
        for W, b, f in zip(self.weights, self.biases, fs):
            z = a[-1] @ W + b if self.bias else a[-1] @ W  # (n, sizes[l + 1])
            a.append(f(z))
        return a

    def backward(self, a, T, l2=0.0):
        """Gradients ``dW, db`` of the summed loss, from ``forward``'s activations ``a``.

        ``T`` holds the targets as an (n, k) array (one-hot rows for softmax).
        For a bias-free net ``db`` holds None for every layer.
        """
        df = DERIVATIVES[self.hidden]
        delta = OUTPUTS[self.output][2](a[-1], T)  # dL/dz at the output, (n, k)
        L = len(self.weights)
        dW, db = [None] * L, [None] * L
        for l in range(L - 1, -1, -1):
            W = self.weights[l]
            dW[l] = a[l].T @ delta + l2 * W if l2 else a[l].T @ delta  # (sizes[l], sizes[l+1])
            if self.bias:
                db[l] = delta.sum(axis=0)  # (sizes[l + 1],)
            if l:
                delta = (delta @ W.T) * df(a[l])  # (n, sizes[l]): chain rule through W and f
        return dW, db

    def step(self, dW, db, lr):
        """One gradient-descent step: ``W = W - lr * dW``, ``b = b - lr * db`` (in place)."""
        for W, g in zip(self.weights, dW):
            W -= lr * g  # (sizes[l], sizes[l + 1])
        if self.bias:
            for b, g in zip(self.biases, db):
                b -= lr * g  # (sizes[l + 1],)

    def _loss(self, a_out, T, l2):
        loss = OUTPUTS[self.output][1](a_out, T)
        if l2:
            loss += 0.5 * l2 * sum(float(np.sum(W * W)) for W in self.weights)
        return loss

    # --- the public API -------------------------------------------------------

    def loss(self, X, y, l2=0.0):
        """The summed loss on ``(X, y)``, plus ``l2 / 2 * sum(W**2)``, as a float."""
        X, T = self._check_data(X, y)
        l2 = check_float("l2", l2, low=0)
        with np.errstate(over="ignore", invalid="ignore"):
            return self._loss(self.forward(X)[-1], T, l2)

    def gradients(self, X, y, l2=0.0):
        """``dW, db``: the gradients of ``loss(X, y, l2)`` by back-propagation."""
        X, T = self._check_data(X, y)
        l2 = check_float("l2", l2, low=0)
        return self.backward(self.forward(X), T, l2)

    def fit(self, X, y, epochs=1000, lr=0.01, l2=0.0, grad_norms=False):
        """Full-batch gradient descent, as in the article; returns a ``History``.

        Raises ``TrainingDiverged``, naming the epoch, if the loss or weights
        stop being finite (training stops there), or if the last loss is over
        ten times the first (or ten times a blind guess's loss, if larger); the
        network is then put back as it was before ``fit``.
        """
        X, T = self._check_data(X, y)
        epochs = check_int("epochs", epochs, low=1)
        lr = check_float("lr", lr, low=0, low_inclusive=False)
        l2 = check_float("l2", l2, low=0)
        start = ([W.copy() for W in self.weights], [b.copy() for b in self.biases])
        history = History(loss=np.empty(epochs))
        if grad_norms:
            history.grad_norms = np.empty((epochs, len(self.weights)))
        stopped = None  # the epoch whose loss was not finite, if any
        # inf and nan are caught here and reported in words, not as numpy warnings
        with np.errstate(over="ignore", invalid="ignore"):
            for epoch in range(epochs):
                a = self.forward(X)
                loss = self._loss(a[-1], T, l2)
                if not math.isfinite(loss):
                    stopped = epoch
                    break
                history.loss[epoch] = loss
                dW, db = self.backward(a, T, l2)
                if grad_norms:
                    history.grad_norms[epoch] = [np.linalg.norm(g) for g in dW]
                self.step(dW, db, lr)
        problem = self._divergence(history, stopped, T)
        if problem is None:
            return history
        self.weights, self.biases = start
        epoch, what = problem
        if lr * l2 > 1:  # W -= lr * l2 * W alone overshoots zero at every step
            cause = (f"lr * l2 = {lr * l2:g} is over 1, so the L2 term alone flips every weight's "
                     f"sign at each step (W -= lr * l2 * W). Try l2 below 1 / lr = {1 / lr:g}")
        else:
            cause = (f"lr={lr:g} is too large for this network and data. Try a smaller learning "
                     f"rate, e.g. lr={lr / 10:g}")
        error = TrainingDiverged(f"training diverged: {what} of {epochs}; {cause}. The network "
                                 f"was reset to its weights before fit().")
        error.epoch, error.history = epoch, history
        raise error

    def _divergence(self, history, stopped, T):
        """None if training went well; else the epoch where it went wrong, and how, in words."""
        if stopped is None and not all(np.isfinite(p).all() for p in self.weights + self.biases):
            stopped = len(history.loss) - 1
        if stopped is not None:
            history.loss = history.loss[:stopped]  # keep only the finite losses
            if history.grad_norms is not None:
                history.grad_norms = history.grad_norms[:stopped]
            return stopped, f"the loss or the weights stopped being finite at epoch {stopped + 1}"
        limit = 10 * max(history.loss[0], self._guess_loss(T))
        if history.loss[-1] <= limit:
            return None
        first = int(np.argmax(history.loss > limit))
        return first, (f"the loss ended at {history.loss[-1]:.3g}, over ten times its start "
                       f"({history.loss[0]:.3g}), having passed that at epoch {first + 1}")

    def guess_loss(self, y):
        """The loss of a blind guess on targets ``y``: 1/k for each of k softmax
        classes, 0.5 from every sigmoid unit. A trained net should end well below it."""
        return self._guess_loss(self._check_targets(y, len(np.atleast_1d(y))))

    def _guess_loss(self, T):
        p = 1.0 / T.shape[1] if self.output == "softmax" else 0.5
        return OUTPUTS[self.output][1](np.full(T.shape, p), T)

    def predict_proba(self, X):
        """Output of a fresh forward pass: (n,) for one sigmoid unit, else (n, k)."""
        X = self._check_X(X)
        p = self.forward(X)[-1]
        return p[:, 0] if self.output == "sigmoid" and self.sizes[-1] == 1 else p

    def predict(self, X):
        """Labels: ``p >= 0.5`` for sigmoid units, ``argmax`` for softmax."""
        p = self.predict_proba(X)
        return p.argmax(axis=1) if self.output == "softmax" else (p >= 0.5).astype(int)

    # --- argument checks ------------------------------------------------------

    def _check_X(self, X):
        return check_array("X", X, ndim=2, shape=(None, self.sizes[0]))

    def _check_data(self, X, y):
        """``X`` checked, and the targets as an (n, k) array ``T`` (one-hot for softmax)."""
        X = self._check_X(X)
        return X, self._check_targets(y, len(X))

    def _check_targets(self, y, n):
        k = self.sizes[-1]
        if self.output == "softmax":
            return one_hot(check_labels(y, n, k), k)  # (n, k) targets T
        y = check_array("y", y)
        if k == 1 and y.ndim == 1:
            y = y[:, None]
        if y.shape != (n, k):
            want = f"({n},) or ({n}, 1)" if k == 1 else f"({n}, {k})"
            raise ValueError(f"y must have shape {want} for {n} samples and {k} sigmoid "
                             f"output(s), got {y.shape}")
        if y.min() < 0 or y.max() > 1:
            raise ValueError(f"y must hold targets in [0, 1] for a sigmoid output, got values "
                             f"from {y.min():g} to {y.max():g}")
        return y


def _check_sizes(sizes):
    what = "sizes must be a list of at least 2 positive ints, like [3, 5, 1]"
    if not isinstance(sizes, (list, tuple)) or not all(
            isinstance(s, (int, np.integer)) and not isinstance(s, bool) for s in sizes):
        raise TypeError(f"{what}, got {sizes!r}")
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"{what}, got {list(sizes)!r}")
    return [int(s) for s in sizes]


def _check_params(name, arrays, shapes):
    if not isinstance(arrays, (list, tuple)) or len(arrays) != len(shapes):
        got = f"{len(arrays)} arrays" if isinstance(arrays, (list, tuple)) else repr(type(arrays))
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
