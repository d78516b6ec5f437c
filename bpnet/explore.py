"""The explorers' pure function: settings in, trained network and figure out.

``run(...)`` builds a data set and a ``Network`` (a ``bpnet.live.Training``),
trains it, and draws the network from the inside beside its decision
boundary, with the loss curve underneath (``bpnet.panels``). The explorers
in ``bpnet.widgets`` call the same pieces; a benchmark times them.
"""
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np

from .checks import check_bool, describe
from .history import History
from .live import Training
from .network import EPOCHS, SEED, Network
from .panels import ExplorerFigure


@dataclass
class Run:
    """One explorer run: what was trained, how it went, and its figure."""

    net: Network
    history: History
    X: np.ndarray
    y: np.ndarray
    panels: ExplorerFigure  # None for a run made with draw=False
    summary: str
    diverged: bool = False

    @property
    def figure(self):
        """The matplotlib figure (None for a run made with draw=False)."""
        return None if self.panels is None else self.panels.figure

    def png(self):
        """The figure as PNG bytes; a pyplot figure is closed (each run draws one figure)."""
        if self.panels is None:
            raise ValueError("this run was made with draw=False, so it has no figure: "
                             "run it again with draw=True")
        png = self.panels.png()
        plt.close(self.panels.figure)
        return png


def run(dataset="moons", hidden_layer_sizes=(5,), activation="sigmoid", output="softmax", lr=0.01,
        epochs=EPOCHS, l2=0.0, seed=SEED, bias=True, init="scaled", n=200, grad_norms=False,
        backward=False, noise=None, test_fraction=0.0, points=None, into=None, draw=True):
    """Train one network with these settings and draw what happened.

    ``hidden_layer_sizes`` lists the hidden layers' sizes (empty: the
    perceptron). ``seed`` draws both the data (2-D sets) and the initial
    weights. A run whose training diverges still returns: its summary says
    so, and the loss curve shows the epochs before it did. ``backward=True``
    colours the network's edges by the last gradients instead of the weights.
    ``noise`` (None: the data set's own), ``test_fraction`` (held out, never
    trained on) and ``points`` (your own ``(X, y)`` instead of a data set) go to
    ``bpnet.live.Training``.

    The figure is a new pyplot figure, for ``plt.show()``. An explorer passes
    its last run's ``panels`` as ``into`` instead, to be drawn over when they
    were laid out for the same network shape and data (quicker than a new
    figure); otherwise a new figure is made outside pyplot. ``draw=False``
    draws nothing: the way to loop over many settings and compare summaries.
    """
    if into is not None and not isinstance(into, ExplorerFigure):
        raise TypeError(f"into must be None or the panels of an earlier run (its .panels), "
                        f"got {describe(into)}")
    check_bool("draw", draw)
    training = Training(dataset, hidden_layer_sizes, activation, output, lr, l2, seed, bias, init, n,
                        grad_norms, noise, test_fraction, points)
    training.advance(epochs)
    summary = training.summary(epochs)
    panels = None
    if draw:
        panels = figure_for(training, check_bool("backward", backward), into, pyplot=into is None)
        title = "diverged: the net as it started" if training.diverged else None
        panels.draw(training.net, training.history, dW=training.gradients() if backward else None, title=title)
    return Run(training.net, training.history, training.X, training.y, panels, summary,
               training.diverged is not None)


def figure_for(training, backward, into=None, pyplot=False):
    """``into`` if it was laid out for this network's depth and classes (given the new
    data and widths to show); else new panels."""
    frame = None
    if training.plane is not None:  # the student's own points: the map covers the plane exactly
        frame = np.column_stack([training.plane, np.ones((2, training.X.shape[1] - 2))])
    if into is not None and into.key == ExplorerFigure.layout(training.net, training.grad_norms, training.test):
        into.show(training.net, backward, training.X, training.y, training.test, frame)
        return into
    return ExplorerFigure(training.net, training.X, training.y, training.grad_norms, backward, pyplot=pyplot,
                          test=training.test, frame=frame)
