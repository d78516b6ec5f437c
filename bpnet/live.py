"""A network in training, a chunk of epochs at a time: what an explorer plays.

``Training(settings)`` builds the data set and the network the settings
name; ``advance(epochs)`` trains on with ``Network.fit`` and adds to one
``History``; ``reset()`` puts the network back at its start. Training 1000
epochs at once or in ten chunks of 100 gives the same weights: each chunk's
``fit`` starts where the last one ended. The learning rate (``lr``) may
change between chunks, as in TensorFlow Playground.
"""
import numpy as np

from . import data
from .activations import ACTIVATIONS
from .checks import check_array, check_bool, check_choice, check_float, check_int, check_labels, check_pair, describe
from .divergence import TrainingDiverged
from .history import History
from .losses import OUTPUTS
from .network import SEED, Network

PLANE = np.array([[-2.0, -2.0], [2.0, 2.0]])  # corners of the plane the student's points go on


MAX_HIDDEN = 256  # the widest layer an explorer trains: wider retrains too slowly to play with


def hidden_sizes(hidden):
    """``hidden`` as a tuple of ints (layer sizes), or a clear error."""
    what = "hidden_layer_sizes must be a tuple of layer sizes, like (8,) or (8, 8) ((): none)"
    if isinstance(hidden, (int, np.integer)) and not isinstance(hidden, bool):
        raise TypeError(f"{what}, got the int {hidden}: write ({hidden},)")
    if not isinstance(hidden, (list, tuple, np.ndarray)):
        raise TypeError(f"{what}, got {describe(hidden)}")
    return tuple(check_int("hidden_layer_sizes", h, low=1, high=MAX_HIDDEN) for h in hidden)


class Training:
    """The data set, the network and its history for one explorer's settings."""

    def __init__(self, dataset="moons", hidden_layer_sizes=(5,), activation="sigmoid", output="softmax",
                 lr=0.01, l2=0.0, seed=SEED, bias=True, init="scaled", n=200, grad_norms=False,
                 noise=None, test_fraction=0.0, points=None):
        hidden = hidden_sizes(hidden_layer_sizes)
        check_choice("activation", activation, ACTIVATIONS)
        check_choice("output", output, OUTPUTS)
        self.grad_norms = check_bool("grad_norms", grad_norms)
        add_ones = not check_bool("bias", bias)
        if points is None:  # a data set by name; else the student's own points (X, y)
            X, y = data.load(dataset, n=n, noise=noise, seed=seed, add_ones=add_ones)
        else:
            check_pair("points", points)
            X, y = np.zeros((0, 2)), np.zeros(0, dtype=int)
            if np.size(points[0]):  # none yet: said below, with what to do
                X = check_array("points[0] (X)", points[0], ndim=2, shape=(None, 2))
                y = np.unique(check_labels(points[1], len(X), name="points[1] (y)"), return_inverse=True)[1]
            if len(np.unique(y)) < 2:  # classes renumbered 0, 1, ... above, as from_csv does
                raise ValueError(f"points must hold at least one point of each of two classes, got "
                                 f"{len(y)} point(s) of {len(np.unique(y))} class(es): click on the map to add some")
            X = np.column_stack([X, np.ones(len(X))]) if add_ones else X
        # the student's points live on a fixed plane, so that the map stays put under the mouse
        self.plane = None if points is None else PLANE
        self.X, self.X_test, self.y, self.y_test = data.split(X, y, test_fraction, seed)
        k = int(self.y.max()) + 1
        if output == "sigmoid" and k > 2:
            output = "softmax"  # one sigmoid unit cannot tell 3 classes apart
        sizes = [self.X.shape[1], *hidden, k if output == "softmax" else 1]
        self.net = Network(sizes, activation=activation, output=output, bias=bias, init=init, seed=seed)
        self.lr, self.l2 = check_float("lr", lr, low=0, low_inclusive=False), check_float("l2", l2, low=0)
        where = f"your points n={len(y)}" if points is not None else dataset
        extra = (f" noise={noise:g}" if noise is not None else "") + (f" test={test_fraction:g}" if test_fraction else "")
        self.settings = (f"dataset={where} sizes={sizes} activation={activation} output={output}{extra}", seed)
        self.start = [W.copy() for W in self.net.weights], [b.copy() for b in self.net.biases]
        self.reset()

    def reset(self):
        """Back to the starting weights, with nothing trained yet."""
        self.net.weights = [W.copy() for W in self.start[0]]
        self.net.biases = [b.copy() for b in self.start[1]]
        L = len(self.net.weights)
        self.history = History(np.empty(0), np.empty((0, L)) if self.grad_norms else None,
                               np.empty(0) if len(self.y_test) else None)
        self.diverged = None  # the divergence message, once training diverged

    @property
    def test(self):
        """``(X_test, y_test)``, the held-out samples, or None when there are none."""
        return (self.X_test, self.y_test) if len(self.y_test) else None

    @property
    def epoch(self):
        """How many epochs the network has been trained for."""
        return len(self.history.loss)

    def advance(self, epochs):
        """Train ``epochs`` more epochs at the current ``lr`` and ``l2``; False if training diverged.

        After a divergence the network stays as it was before this chunk, and
        ``diverged`` holds what went wrong, in words, and what to try.
        """
        if self.diverged:
            return False
        try:
            chunk = self.net.fit(self.X, self.y, epochs=epochs, lr=self.lr, l2=self.l2,
                                 grad_norms=self.grad_norms, test=self.test)
        except TrainingDiverged as e:
            chunk, self.diverged = e.history, str(e)
        self.history.loss = np.concatenate([self.history.loss, chunk.loss])
        if self.grad_norms:
            self.history.grad_norms = np.concatenate([self.history.grad_norms, chunk.grad_norms])
        if self.test:
            self.history.test_loss = np.concatenate([self.history.test_loss, chunk.test_loss])
        return self.diverged is None

    def gradients(self):
        """``dW`` at the current weights (what the backward network view draws)."""
        return self.net.gradients(self.X, self.y, l2=self.l2)[0]

    def summary(self, epochs):
        """The settings (``epochs``: the explorer's epochs setting), then how training went, in words."""
        settings, seed = self.settings
        head = f"{settings} lr={self.lr:g} epochs={epochs}" + (f" l2={self.l2:g}" if self.l2 else "")
        head += f" seed={seed}"
        if self.diverged:
            return f"{head} → DIVERGED. {self.diverged}"
        if not self.epoch:
            return f"{head} → epoch 0: not trained yet"
        accuracy = float(np.mean(self.net.predict(self.X) == self.y))
        loss = self.history.loss[-1]
        result = (f"final loss {loss:.4g}" if self.epoch == epochs else f"epoch {self.epoch}: loss {loss:.4g}")
        result += f", training accuracy {accuracy:.0%}"
        if self.test:
            test_accuracy = float(np.mean(self.net.predict(self.X_test) == self.y_test))
            result += f", test accuracy {test_accuracy:.0%} ({len(self.y_test)} held out)"
        majority = np.bincount(self.y).max() / len(self.y)  # always answering the commonest class
        return f"{head} → {result}{warning(self.history.loss, accuracy <= majority)}"


def warning(loss, no_better_than_guessing):
    """A sentence for a run that went badly without diverging, else ""."""
    if no_better_than_guessing:
        return (". WARNING: no better than a blind guess: nothing useful was learned. Too "
                "large a learning rate (saturated units), too small a one or too few epochs, "
                "an unlucky start (try another seed) or a network too simple for this data "
                "can each do that")
    if len(loss) > 1 and loss[-1] >= loss[0]:
        return ". WARNING: the loss ended above where it started: try a smaller learning rate"
    rose = float(np.mean(np.diff(loss) > 0)) if len(loss) > 1 else 0.0
    if rose > 0.2:
        return (f". WARNING: the loss went up on {rose:.0%} of the epochs: the steps overshoot, "
                f"and a smaller learning rate descends smoothly")
    return ""
