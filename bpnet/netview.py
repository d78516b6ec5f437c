"""The network drawn from the inside, in TensorFlow Playground's visual language.

One column of units per layer. Every unit is a small square map of its own
output over the input plane (x1, x2): for the article's samples, with the
constant third input held at 1. Edges run between units, coloured by the
sign of their weight and widened by its size; a small square at a unit's
lower left is its bias. One diverging scale, clamped at ±1, colours maps,
weights and biases alike: orange negative, grey zero, blue positive.

``backward=True`` colours the edges by the last gradient ``dW`` instead,
scaled by the largest one: a layer whose gradient has vanished fades out.
"""
import textwrap

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import LinearSegmentedColormap, Normalize

from .checks import check_bool, describe
from .network import Network
from .plots import axes, input_grid

NEGATIVE, ZERO, POSITIVE = "#f59322", "#e8eaeb", "#0877bd"  # Playground's playground.ts
SIGNED = LinearSegmentedColormap.from_list("playground", [NEGATIVE, ZERO, POSITIVE])
CLAMP = Normalize(-1.0, 1.0, clip=True)
MAX_UNITS, MAX_HIDDEN = 16, 6  # drawn per layer; hidden layers drawn


def edge_widths(size):
    """Playground's edge width in points: 1 to 10 pixels for sizes 0 to 5 (clamped)."""
    return (1.0 + 9.0 * np.clip(np.abs(size), 0.0, 5.0) / 5.0) * 0.8  # 90 dpi: 0.8 pt a pixel


class NetworkView:
    """The artists of a network view on ``ax``; ``update`` recolours them for new weights.

    ``X`` gives the input plane (its range, and the values of inputs after
    x1, x2, held like ``plots.decision_boundary`` holds them).
    """

    def __init__(self, ax, net, X, hold=None, backward=False, resolution=28):
        if not isinstance(net, Network):
            raise TypeError(f"net must be a bpnet.Network, got {describe(net)}")
        self.ax, self.backward = ax, check_bool("backward", backward)
        self.sizes, self.has_bias = list(net.sizes), net.bias
        self.grid, extent, self.shape = input_grid(net, X, hold, resolution, margin=0.5)
        self.shown = [min(n, MAX_UNITS) for n in net.sizes]
        layers = list(range(len(net.sizes)))
        if len(net.sizes) - 2 > MAX_HIDDEN:  # the first hidden layers, and the output
            layers = layers[:MAX_HIDDEN + 1] + layers[-1:]
        self.layers = layers
        self._place(ax, net)
        ax.set(xlim=(0, 1), ylim=(0, 1), xticks=[], yticks=[])
        ax.grid(False)
        for side in ax.spines.values():
            side.set_visible(False)
        self.edges = LineCollection(self._segments(), zorder=1, capstyle="round")
        ax.add_collection(self.edges)
        self.maps = self._mosaic(ax, resolution)  # (layer, unit) -> the map's rows and columns
        self.data = {}  # (layer, unit) -> the values its map shows, (resolution, resolution)
        self.bias = None
        if net.bias:
            corners = [(self.centre[l][j][0] - 0.62 * self.side, self.centre[l][j][1] - 0.62 * self.side * self.aspect)
                       for l in layers[1:] for j in range(self.shown[l])]
            self.bias = ax.scatter(*np.transpose(corners), s=(self.side_pt * 0.28) ** 2, marker="s",
                                   edgecolors="black", linewidths=0.4, zorder=3)
        self._labels(ax, net)
        self.values = []

    def _mosaic(self, ax, resolution):
        """One picture the size of the axes holds every map (quicker to draw than one image
        a unit); each unit's map is its grid of values, enlarged to its square's pixels."""
        box = ax.get_position()
        fig = ax.figure
        width, height = (int(round(box.width * fig.get_figwidth() * fig.dpi)),
                         int(round(box.height * fig.get_figheight() * fig.dpi)))
        # bytes, not floats: matplotlib draws an RGBA uint8 picture about twice as fast
        self.canvas = np.zeros((height, width, 4), dtype=np.uint8)  # transparent between the maps
        self.mosaic = ax.imshow(self.canvas, extent=(0, 1, 0, 1), origin="lower", interpolation="nearest",
                                aspect="auto", zorder=2)
        maps, s = {}, self.side / 2
        for l in self.layers:
            for j in range(self.shown[l]):
                x, y = self.centre[l][j]
                c0, c1 = int(round((x - s) * width)), int(round((x + s) * width))
                r0, r1 = int(round((y - s * self.aspect) * height)), int(round((y + s * self.aspect) * height))
                rows = ((np.arange(r0, r1) - r0 + 0.5) * resolution / max(r1 - r0, 1)).astype(int)
                cols = ((np.arange(c0, c1) - c0 + 0.5) * resolution / max(c1 - c0, 1)).astype(int)
                keep_r, keep_c = (np.arange(r0, r1) >= 0) & (np.arange(r0, r1) < height), (
                    np.arange(c0, c1) >= 0) & (np.arange(c0, c1) < width)  # the part inside the axes
                maps[l, j] = (slice(max(r0, 0), min(r1, height)), slice(max(c0, 0), min(c1, width)),
                              np.ix_(rows[keep_r], cols[keep_c]))
        return maps

    def _place(self, ax, net):
        """Where each shown unit's centre goes, in axes fractions, and how big a map is."""
        box = ax.get_position()
        width, height = box.width * ax.figure.get_figwidth(), box.height * ax.figure.get_figheight()
        columns, rows = len(self.layers), max(self.shown[l] for l in self.layers)
        side_in = min(0.55, 0.64 * height / (1.25 * rows), 0.42 * width / columns)  # a map's side, inches
        self.side, self.aspect, self.side_pt = side_in / width, width / height, side_in * 72
        xs = np.linspace(0.06, 0.94, columns) if columns > 1 else [0.5]
        self.centre = {}
        for l, x in zip(self.layers, xs):
            n = self.shown[l]
            span = (n - 1) * 1.25 * side_in / height  # top to bottom of the column, under 0.64
            ys = np.linspace(0.6 + span / 2, 0.6 - span / 2, n) if n > 1 else [0.6]
            self.centre[l] = [(x, y) for y in ys]

    def _segments(self):
        half = self.side / 2
        return [[(self.centre[a][i][0] + half, self.centre[a][i][1]), (self.centre[b][j][0] - half, self.centre[b][j][1])]
                for a, b in zip(self.layers, self.layers[1:]) for i in range(self.shown[a]) for j in range(self.shown[b])]

    def _labels(self, ax, net):
        L = len(net.sizes) - 1
        short = len(self.layers) > 4  # many columns: short names
        self.fixed = []  # texts that stay while the network trains (a live frame need not draw them)
        for l in self.layers:
            name = ("in" if short else "input") if l == 0 else ("out" if short else "output") if l == L else (
                f"h{l}" if short else f"hidden {l}")
            more = f" (+{net.sizes[l] - MAX_UNITS})" if net.sizes[l] > MAX_UNITS else ""
            self.fixed.append(ax.text(self.centre[l][0][0], 0.97, f"{name}{more}", ha="center", va="top", fontsize=10))
        for j, name in enumerate(["x1", "x2"] + ["1"] * (net.sizes[0] - 2)):
            if j < self.shown[0]:
                x, y = self.centre[0][j]
                ax.text(x - self.side / 2 - 0.01, y, name, ha="right", va="center", fontsize=10)
        hidden = len(net.sizes) - 2
        self.skipped = " (hidden layers 7 to %d not drawn)" % hidden if hidden > MAX_HIDDEN else ""
        # the caption: its first lines name the largest edge, so they change every frame; the
        # rest stays. Both are anchored at the bottom: the changing text ends in blank lines
        # as tall as the fixed ones, so its lines stand just above them.
        self.wrap = int(self.ax.get_position().width * self.ax.figure.get_figwidth() * 15)  # 9-point characters
        key = ["squares: each unit's output over (x1, x2), −1 orange … +1 blue"] + (
            ["small squares: the biases"] if net.bias else [])
        key = "\n".join(textwrap.fill(line, self.wrap) for line in key)
        self.fixed.append(ax.text(0.5, 0.0, key, ha="center", va="bottom", fontsize=9, linespacing=1.3))
        self.blank = "\n" * (key.count("\n") + 1)
        self.caption = ax.text(0.5, 0.0, "", ha="center", va="bottom", fontsize=9, linespacing=1.3)

    def fixed_look(self):
        """What the texts that a live frame does not draw say, and where."""
        return [(t.get_text(), t.get_position()) for t in self.fixed]

    def update(self, net, dW=None, values=None):
        """Recolour for ``net``'s weights (or, backward, the gradients ``dW``); ``values``
        (one array per layer, one sample) are written beside the units."""
        with np.errstate(over="ignore", invalid="ignore"):
            a = net.forward(self.grid)
        for (l, j), (rows, cols, enlarge) in self.maps.items():
            column = a[l][:, j]
            if l == 0:  # an input: scaled to reach ±1 on the plane
                column = column / max(np.abs(column).max(), 1e-12)
            self.data[l, j] = column.reshape(self.shape)
            self.canvas[rows, cols] = SIGNED(CLAMP(self.data[l, j]), bytes=True)[enlarge]
        self.mosaic.set_data(self.canvas)
        pairs = list(zip(self.layers, self.layers[1:]))
        if self.backward and dW is not None:
            scale = max(float(np.abs(g).max()) for g in dW) or 1.0
            sizes = np.concatenate([_between(dW, net, a, b)[:self.shown[a], :self.shown[b]].ravel() / scale
                                    for a, b in pairs])
            what = f"edges: gradients dW, blue + orange −, width ∝ |dW| (largest {scale:.2g})"
            widths = edge_widths(5 * sizes)
        else:
            sizes = np.concatenate([_between(net.weights, net, a, b)[:self.shown[a], :self.shown[b]].ravel()
                                    for a, b in pairs])
            biggest = max(float(np.abs(W).max()) for W in net.weights)
            what = f"edges: weights W, blue + orange −, width ∝ |w| (largest {biggest:.2f})"
            widths = edge_widths(sizes)
        colours = SIGNED(CLAMP(sizes))
        colours[:, 3] = 0.85
        self.edges.set_color(colours)
        self.edges.set_linewidths(widths)
        if self.bias is not None:
            b = np.concatenate([net.biases[l - 1][:self.shown[l]] for l in self.layers[1:]])
            self.bias.set_facecolors(SIGNED(CLAMP(b)))
        self.caption.set_text(textwrap.fill(what + self.skipped, self.wrap) + self.blank)
        for text in self.values:
            text.remove()
        self.values = []
        for l, v in enumerate(values or []):
            if l in self.centre and v is not None:
                for j, number in enumerate(np.ravel(v)[:self.shown[l]]):
                    x, y = self.centre[l][j]
                    self.values.append(self.ax.text(x + self.side / 2 + 0.005, y, f"{number:.3g}", fontsize=9,
                                                    ha="left", va="center", zorder=4))
        return self.ax

    def moving(self):
        """The artists that change with the weights, and the texts that move with the widths."""
        # the input names too: then a view drawn anew for other widths leaves the background as it was
        return [self.edges, self.mosaic, *([self.bias] if self.bias is not None else []),
                *[t for t in self.ax.texts if t not in self.fixed]]


def _between(matrices, net, a, b):
    """``matrices[a]`` (weights or gradients) from layer a to b; zeros across layers not drawn."""
    return matrices[a] if b == a + 1 else np.zeros((net.sizes[a], net.sizes[b]))


def network_view(net, X, ax=None, backward=False, dW=None, hold=None, values=None):
    """Draw ``net`` from the inside on ``ax`` (see the module's docstring); returns the axes.

    ``X``: samples whose (x1, x2) range the unit maps cover. ``backward=True``
    colours the edges by the gradients ``dW`` (``net.gradients(X, y)[0]``).
    ``values``: one array per layer for one sample, written beside its units.
    """
    ax = axes(ax, figsize=(7.5, 3.6))
    return NetworkView(ax, net, np.asarray(X, dtype=float), hold=hold, backward=backward).update(
        net, dW=dW, values=values)
