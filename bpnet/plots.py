"""Plots for the series: loss curves, decision boundaries, gradient norms.

One figure style for every notebook, set when this module is imported: large
fonts for a projector, the Okabe-Ito colour-blind-safe palette, and classes
told apart by marker shape as well as colour. Every helper takes ``ax=None``
and returns the ``Axes`` it drew on (after d2l), so cells can compose them.
"""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.ticker import MaxNLocator

from .checks import check_array, check_float, check_int, check_labels, describe
from .layout import log_y, quiet_corner
from .network import Network

# Okabe & Ito (2008): told apart by people with any common colour-vision deficiency
# (their black instead of their yellow, which a thin line on white hides). Classes 0
# and 1 take their purple and green: the network view (bpnet.netview) speaks
# TensorFlow Playground's orange and blue for negative and positive numbers.
PALETTE = ["#CC79A7", "#009E73", "#D55E00", "#56B4E9", "#000000", "#0072B2", "#E69F00"]
PALETTE_RGB = np.array([to_rgb(c) for c in PALETTE])  # (7, 3), for colouring a grid at once
MARKERS = ["o", "s", "^", "D", "v", "P", "X"]
STYLE = {
    "figure.figsize": (6.4, 4.4), "figure.dpi": 90, "font.size": 13, "axes.titlesize": 13,
    "axes.labelsize": 13, "legend.fontsize": 11, "xtick.labelsize": 11, "ytick.labelsize": 11,
    "axes.titley": 1.0,  # a fixed title position: matplotlib skips a costly layout pass
    "text.hinting": "no_hinting",  # looks the same at these sizes; an explorer redraws 10% faster
    "axes.grid": True, "grid.alpha": 0.3, "axes.spines.top": False, "axes.spines.right": False,
    "lines.linewidth": 2.2, "axes.prop_cycle": plt.cycler(color=PALETTE),
}
plt.rcParams.update(STYLE)

# probability of class 1: class 0's purple through white to class 1's green
CLASS_MAP = LinearSegmentedColormap.from_list("bpnet", [PALETTE[0], "#FFFFFF", PALETTE[1]])


def axes(ax, figsize=None):
    """``ax``, or the axes of a new pyplot figure when it is None."""
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def loss_curve(loss, ax=None, title=None, label=None, log=True):
    """The loss per epoch (a ``History`` or an array); log scale if it falls tenfold or more.

    Drawn beside curves already on ``ax``, the scale and its labels cover them all."""
    values = np.asarray(getattr(loss, "loss", loss), dtype=float)
    if values.ndim != 1 or values.size == 0:
        raise ValueError(f"loss must be a History or a 1-D array of losses, got shape {values.shape}")
    ax = axes(ax)
    ax.plot(np.arange(1, values.size + 1), values, label=label,
            marker="o" if values.size == 1 else None)  # one epoch: a dot, not an invisible line
    if values.size == 1:
        ax.set_xlim(0, 2)
    every = np.concatenate([np.asarray(line.get_ydata(), dtype=float) for line in ax.lines])  # all curves here
    if log and np.all(every > 0) and every.max() > 10 * every.min():
        log_y(ax, every)  # a log scale only pays when the loss falls tenfold or more
    else:
        ax.yaxis.set_major_locator(MaxNLocator(5))
    ax.xaxis.set_major_locator(MaxNLocator(4, integer=True))
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss (summed over samples)")
    ax.set_title(title or f"loss: {values[0]:.3g} → {values[-1]:.3g}")
    if label:
        ax.legend()
    return ax


def input_grid(net, X, hold, resolution, margin):
    """``(G, extent, shape)``: a resolution x resolution grid of inputs over the first
    two columns of ``X`` (widened by ``margin``), the other inputs held at ``hold``."""
    lo, hi = X[:, :2].min(axis=0) - margin, X[:, :2].max(axis=0) + margin
    g1, g2 = np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution)
    G1, G2 = np.meshgrid(g1, g2)
    extra = net.sizes[0] - 2
    if X.shape[1] != net.sizes[0] and (hold is None or X.shape[1] != 2):
        raise ValueError(f"X must have the network's {net.sizes[0]} input columns (or x1, x2 with "
                         f"hold=...), got {X.shape[1]}" + (
                             "; for the article's layout, add the constant column: data.add_ones(X)"
                             if X.shape[1] == 2 and net.sizes[0] == 3 else ""))
    if hold is None:
        hold = X[0, 2:] if X.shape[1] > 2 and np.all(X[:, 2:] == X[0, 2:]) else None
    if extra and (hold is None or len(hold) != extra):
        raise ValueError(f"hold must give {extra} value(s) for the inputs after x1, x2 "
                         f"(the article's constant third input: hold=(1,)), got {hold!r}")
    held = [] if hold is None else hold[:extra]
    cols = [G1.ravel(), G2.ravel()] + [np.full(G1.size, float(v)) for v in held]
    return np.column_stack(cols), (lo[0], hi[0], lo[1], hi[1]), G1.shape


def _samples(X, y):
    """``X`` as an (n, >= 2) float array and ``y`` as n integer labels, or a clear error."""
    X = check_array("X", X, ndim=2)
    if X.shape[1] < 2:
        raise ValueError(f"X must have at least 2 columns (x1, x2), got shape {X.shape}")
    return X, check_labels(y, len(X))


def points(X, y, ax=None, size=None):
    """The samples, one colour and one marker shape per class, with a legend."""
    X, y = _samples(X, y)
    size = (160 if len(y) <= 20 else 30) if size is None else check_float(
        "size", size, low=0, low_inclusive=False)
    ax = axes(ax)
    for c in np.unique(y):
        m = y == c
        ax.scatter(X[m, 0], X[m, 1], s=size, c=PALETTE[c % len(PALETTE)],
                   marker=MARKERS[c % len(MARKERS)], edgecolors="black", linewidths=0.8,
                   label=f"class {c}", zorder=3)
    corner = quiet_corner(X[:, 0], X[:, 1], entries=len(np.unique(y)), ax=ax)
    ax.legend(loc=corner, framealpha=0.9, markerscale=0.6 if size > 60 else 1.0, fontsize=10)
    return ax


def decision_boundary(net, X, y, ax=None, hold=None, title=None, resolution=120, margin=None,
                      colorbar=True):
    """The network's probability map over (x1, x2), its 0.5 boundary, and the samples.

    For one sigmoid unit or a two-class softmax the map is P(class 1), purple
    to green; for k > 2 classes each region takes its class's colour, paler
    where the network is less sure. Inputs after x1, x2 are held at ``hold``
    (by default at X's values there, when they are constant, as the
    article's third input is). ``margin`` widens the view around the samples
    (default 0.5, or 0.8 for a handful of samples, leaving the legend room).
    ``colorbar=False`` leaves out the P(class 1) scale (an explorer redrawing
    into its figure keeps the one it drew first: the scale never changes).
    """
    if not isinstance(net, Network):
        raise TypeError(f"net must be a bpnet.Network, got {describe(net)}")
    X, y = _samples(X, y)
    if net.output == "sigmoid" and net.sizes[-1] != 1:
        raise ValueError("decision_boundary draws one sigmoid unit or a softmax, "
                         f"got {net.sizes[-1]} sigmoid outputs")
    hold = None if hold is None else check_array("hold", hold, ndim=1)
    resolution = check_int("resolution", resolution, low=2, high=1000)
    margin = (0.8 if len(X) <= 20 else 0.5) if margin is None else check_float(
        "margin", margin, low=0)
    G, extent, shape = input_grid(net, X, hold, resolution, margin)
    ax = axes(ax)
    p = net.predict_proba(G)
    if p.ndim == 1 or p.shape[1] == 2:
        p1 = (p if p.ndim == 1 else p[:, 1]).reshape(shape)
        im = ax.imshow(p1, origin="lower", extent=extent, cmap=CLASS_MAP, vmin=0, vmax=1,
                       aspect="auto", alpha=0.7)
        if p1.min() < 0.5 - 1e-9 and p1.max() > 0.5 + 1e-9:  # a flat map has no boundary
            ax.contour(p1, levels=[0.5], colors="black", linewidths=2, extent=extent)
        if colorbar:
            ax.figure.colorbar(im, ax=ax, label="P(class 1)", ticks=[0, 0.5, 1], pad=0.02)
    else:
        k = p.shape[1]
        sure = (p.max(axis=1) - 1 / k) / (1 - 1 / k)  # 0 at a blind guess, 1 when certain
        colours = PALETTE_RGB[p.argmax(axis=1) % len(PALETTE)]  # (n, 3), one row per grid point
        rgb = 1 - 0.6 * sure[:, None] * (1 - colours)  # white blended toward the class colour
        ax.imshow(rgb.reshape(shape + (3,)), origin="lower", extent=extent, aspect="auto")
        for c in range(k):
            rest = np.delete(p, c, axis=1).max(axis=1)
            ax.contour((p[:, c] - rest).reshape(shape), levels=[0], colors="black",
                       linewidths=1.5, extent=extent)
    ax.set_xlim(extent[0], extent[1])  # before the points, whose legend looks for a free corner
    ax.set_ylim(extent[2], extent[3])
    points(X, y, ax=ax)
    ax.xaxis.set_major_locator(MaxNLocator(5))
    ax.yaxis.set_major_locator(MaxNLocator(5))
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    ax.grid(False)
    tie = "p = 0.5" if p.ndim == 1 or p.shape[1] == 2 else "classes tie"
    ax.set_title(title or f"decision boundary (black: {tie})")
    return ax


def grad_norms(norms, ax=None, title=None):
    """Per-layer gradient norms ``||dW[l]||`` over the epochs, log scale; legend rows of up to 4."""
    norms = np.asarray(getattr(norms, "grad_norms", norms), dtype=float)
    if norms.ndim != 2 or 0 in norms.shape:
        raise ValueError(f"norms must be a History fitted with grad_norms=True or an "
                         f"(epochs, layers) array, got shape {norms.shape}")
    if np.any(norms < 0):
        raise ValueError(f"norms must be >= 0 (they are lengths), got a value of {norms.min():g}")
    ax = axes(ax)
    epochs, layers = np.arange(1, len(norms) + 1), norms.shape[1]
    zero = norms <= 0  # a zero norm (dead relu units) has no place on a log axis: a gap
    for l in range(layers):
        ax.plot(epochs, np.where(zero[:, l], np.nan, norms[:, l]), color=PALETTE[l % len(PALETTE)],
                label=f"||dW[{l}]||", marker="o" if len(epochs) == 1 else None)
    log_y(ax, norms)
    # every epoch on the axis, so norms that dropped to 0 leave a visible gap
    pad = 0.05 * (len(epochs) - 1) if len(epochs) > 1 else 1.0
    ax.set_xlim(1 - pad, len(epochs) + pad)
    ax.xaxis.set_major_locator(MaxNLocator(4, integer=True))
    ax.set_xlabel("epoch")
    ax.set_ylabel("gradient norm")
    gap = " (a gap: the norm was 0)" if zero.any() else ""
    ax.set_title(title or "gradient norm per layer" + gap)
    ncols = min(layers, 4)
    rows = -(-layers // ncols)
    inches = ax.get_position().width * ax.figure.get_figwidth()
    corner = quiet_corner(np.repeat(epochs, layers), norms.ravel(), entries=rows, ax=ax,
                          width=min(1.0, 1.1 * ncols / inches))  # an entry: about 1.1 inches
    ax.legend(loc=corner, fontsize=10, ncols=ncols)
    return ax
