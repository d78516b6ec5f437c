"""The explorers' pure function: settings in, trained network and figure out.

``run(...)`` builds a dataset and a ``Network``, trains it, and draws the loss
curve beside the decision boundary (and, if asked, the per-layer gradient
norms). The sliders in ``bpnet.widgets`` only call it; a benchmark times it.
"""
import io
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from . import data, plots
from .activations import ACTIVATIONS
from .checks import check_bool, check_choice, check_int, describe
from .divergence import TrainingDiverged
from .history import History
from .network import EPOCHS, SEED, Network


@dataclass
class Run:
    """One explorer run: what was trained, how it went, and the figure."""

    net: Network
    history: History
    X: np.ndarray
    y: np.ndarray
    figure: plt.Figure  # None for a run made with draw=False
    summary: str
    diverged: bool = False

    def png(self, dpi=90):
        """The figure as PNG bytes; a pyplot figure is closed (each run draws one figure)."""
        if self.figure is None:
            raise ValueError("this run was made with draw=False, so it has no figure: "
                             "run it again with draw=True")
        buf = io.BytesIO()
        self.figure.savefig(buf, format="png", dpi=dpi, pil_kwargs={"compress_level": 1})
        plt.close(self.figure)
        return buf.getvalue()


def run(dataset="moons", hidden_layer_sizes=(5,), activation="sigmoid", output="softmax", lr=0.01,
        epochs=EPOCHS, l2=0.0, seed=SEED, bias=True, init="scaled", n=200, grad_norms=False,
        into=None, draw=True):
    """Train one network with these settings and draw what happened.

    ``hidden_layer_sizes`` lists the hidden layers' sizes (empty: the perceptron). ``seed``
    draws both the data (2-D sets) and the initial weights. A run whose
    training diverges still returns: its summary says so, and the loss curve
    shows the epochs before it did.

    The figure is a new pyplot figure, for ``plt.show()``. An explorer passes
    its last run's figure as ``into`` instead, to be drawn over: refilling a
    figure is quicker than building one. If its panels do not fit this run
    (two panels or three, a colour bar or none), a new figure is made, outside
    pyplot like the one it replaces. ``draw=False`` draws nothing (``figure``
    is None): the way to loop over many settings and compare their summaries.
    """
    if into is not None and not isinstance(into, Figure):
        raise TypeError(f"into must be None or a matplotlib Figure from an earlier run "
                        f"(its .figure), got {describe(into)}")
    hidden = _hidden_sizes(hidden_layer_sizes)
    check_choice("activation", activation, ACTIVATIONS)
    check_bool("grad_norms", grad_norms)
    check_bool("draw", draw)
    X, y = data.load(dataset, n=n, seed=seed, add_ones=not check_bool("bias", bias))
    k = int(y.max()) + 1
    if output == "sigmoid" and k > 2:
        output = "softmax"  # one sigmoid unit cannot tell 3 classes apart
    sizes = [X.shape[1], *hidden, k if output == "softmax" else 1]
    net = Network(sizes, activation=activation, output=output, bias=bias, init=init, seed=seed)
    try:
        history = net.fit(X, y, epochs=epochs, lr=lr, l2=l2, grad_norms=grad_norms)
        diverged = False
        accuracy = float(np.mean(net.predict(X) == y))
        result = f"final loss {history.loss[-1]:.4g}, training accuracy {accuracy:.0%}"
        majority = np.bincount(y).max() / len(y)  # always answering the commonest class
        result += warning(history.loss, accuracy <= majority)
    except TrainingDiverged as e:
        history, diverged, result = e.history, True, f"DIVERGED. {e}"
    settings = (f"dataset={dataset} sizes={sizes} activation={activation} output={output} "
                f"lr={lr:g} epochs={epochs}" + (f" l2={l2:g}" if l2 else "") + f" seed={seed}")
    figure = _draw(net, X, y, history, grad_norms and not diverged, diverged, into) if draw else None
    return Run(net, history, X, y, figure, f"{settings} → {result}", diverged)


def _hidden_sizes(hidden):
    """``hidden`` as a tuple of ints (layer sizes), or a clear error."""
    what = "hidden_layer_sizes must be a tuple of layer sizes, like (8,) or (8, 8) ((): none)"
    if isinstance(hidden, (int, np.integer)) and not isinstance(hidden, bool):
        raise TypeError(f"{what}, got the int {hidden}: write ({hidden},)")
    if not isinstance(hidden, (list, tuple, np.ndarray)):
        raise TypeError(f"{what}, got {describe(hidden)}")
    return tuple(check_int("hidden_layer_sizes", h, low=1) for h in hidden)


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


def _draw(net, X, y, history, with_norms, diverged, into=None):
    """The panels. The settings are not repeated on the figure: the summary above it has them."""
    panels = 3 if with_norms else 2
    layout = (panels, net.sizes[-1] <= 2)  # the panels, and whether the map has a colour bar
    fig, axes = _panels(layout, into)
    if len(history.loss):
        plots.loss_curve(history, ax=axes[0])
    title = "diverged: the net as it started" if diverged else None
    plots.decision_boundary(net, X, y, ax=axes[1], title=title, colorbar=fig is not into)
    if with_norms:
        plots.grad_norms(history, ax=axes[2])
    return fig


def _panels(layout, into):
    """``into`` and its panels, emptied, if it was laid out for ``layout``; else a new figure."""
    if into is not None and getattr(into, "bpnet_layout", None) == layout:
        axes = into.axes[:layout[0]]  # a colour bar, if any, comes after the panels
        for ax in axes:
            _empty(ax)
        return into, axes
    # 9.2 inches at 90 dpi: 828 pixels, as wide as a notebook column shows unscaled;
    # the gradient norms go underneath, across both columns, sharing nothing but the width
    rows = 2 if layout[0] == 3 else 1
    height = 3.6 + 2.7 * (rows - 1)  # inches; the margins below are 0.58 and 0.40 inches
    fig = plt.figure(figsize=(9.2, height)) if into is None else Figure(figsize=(9.2, height))
    grid = fig.add_gridspec(rows, 2, height_ratios=[1.0, 0.68][:rows], left=0.11, right=0.98,
                            bottom=0.576 / height, top=1 - 0.396 / height, wspace=0.36, hspace=0.42)
    axes = [fig.add_subplot(grid[0, 0]), fig.add_subplot(grid[0, 1])]
    if rows == 2:
        axes.append(fig.add_subplot(grid[1, :]))
    fig.bpnet_layout = layout
    return fig, axes


def _empty(ax):
    """What the plots drew on ``ax`` taken off, leaving the axes, ticks and grid set as new."""
    for artist in [*ax.lines, *ax.images, *ax.collections, *ax.texts, *ax.patches]:
        artist.remove()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    ax.set_yscale("linear")  # the loss and norm plots choose their own scale
    ax.relim()  # forget the old data's limits
    ax.set_autoscale_on(True)
    ax.set_prop_cycle(None)  # the first line drawn takes the first colour again
    ax.set(title="", xlabel="", ylabel="")
