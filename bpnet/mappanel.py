"""The explorers' map panel: the probability map, its boundary lines and the samples
(test samples hollow), updated in place for every frame (see ``bpnet.panels``)."""
import numpy as np
from contourpy import contour_generator
from matplotlib.collections import LineCollection
from matplotlib.ticker import MaxNLocator

from .plots import CLASS_MAP, MARKERS, PALETTE, PALETTE_RGB, input_grid


class BoundaryPanel:
    """The probability map, its boundary lines and the samples; the legend above the map."""

    def __init__(self, ax, net, X, y, colorbar=True, test=None, frame=None):
        self.ax, self.k = ax, net.sizes[-1] if net.output == "softmax" else 2
        # nearest pixels: at this size it looks the same as smoothed, and draws about a third quicker
        self.image = ax.imshow(np.zeros((2, 2)) if self.k == 2 else np.ones((2, 2, 3)), origin="lower",
                               interpolation="nearest", aspect="auto",
                               **(dict(cmap=CLASS_MAP, vmin=0, vmax=1, alpha=0.7) if self.k == 2 else {}))
        if self.k == 2 and colorbar:
            ax.figure.colorbar(self.image, ax=ax, label="P(class 1)", ticks=[0, 0.5, 1], pad=0.02)
        self.points = [ax.scatter([], [], c=PALETTE[c % len(PALETTE)], marker=MARKERS[c % len(MARKERS)],
                                  edgecolors="black", linewidths=0.8, label=f"class {c}", zorder=3)
                       for c in range(self.k)]
        # held-out points: hollow, in their class's colour (the first one also names them)
        self.tests = [ax.scatter([], [], facecolors="none", edgecolors=PALETTE[c % len(PALETTE)],
                                 marker=MARKERS[c % len(MARKERS)], linewidths=1.6, zorder=3,
                                 label="hollow: test" if c == 0 else None) for c in range(self.k)]
        ax.set(xlabel="x1", ylabel="x2")
        ax.xaxis.set_major_locator(MaxNLocator(5))
        ax.yaxis.set_major_locator(MaxNLocator(5))
        ax.grid(False)
        self.title = ax.set_title("", pad=24)
        self.lines = LineCollection([], colors="black", linewidths=2 if self.k == 2 else 1.5, zorder=2)
        ax.add_collection(self.lines)
        self.set_data(net, X, y, test, frame)

    def set_data(self, net, X, y, test=None, frame=None):
        """Show the samples ``(X, y)`` and the held-out ``test``: the map's extent, the points
        and the legend follow them (or the map covers the corners ``frame`` exactly)."""
        X_test, y_test = test if test is not None else (X[:0], y[:0])
        margin = 0.0 if frame is not None else 0.8 if len(X) + len(X_test) <= 20 else 0.5
        plane = frame if frame is not None else np.vstack([X, X_test])
        self.grid, self.extent, self.shape = input_grid(net, plane, None, 120, margin)
        self.image.set_extent(self.extent)
        self.xy = np.meshgrid(np.linspace(*self.extent[:2], self.shape[1]), np.linspace(*self.extent[2:], self.shape[0]))
        size = 160 if len(y) + len(y_test) <= 20 else 30
        for c, (points, tests) in enumerate(zip(self.points, self.tests)):
            points.set_offsets(X[y == c, :2])
            tests.set_offsets(X_test[y_test == c, :2])
            points.set_sizes([size])
            tests.set_sizes([size])
        self.ax.set(xlim=self.extent[:2], ylim=self.extent[2:])
        shown = self.points + (self.tests[:1] if len(y_test) else [])
        self.ax.legend(handles=shown, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=min(len(shown), 4), fontsize=10,
                       frameon=False, borderaxespad=0.2, handletextpad=0.2, columnspacing=1.0,
                       markerscale=0.6 if len(y) <= 20 else 1.0)

    def update(self, net, title=None):
        p = net.predict_proba(self.grid)
        if self.k == 2:
            p1 = (p if p.ndim == 1 else p[:, 1]).reshape(self.shape)
            self.image.set_data(p1)
            flat = not (p1.min() < 0.5 - 1e-9 and p1.max() > 0.5 + 1e-9)  # a flat map has no boundary
            fields = [] if flat else [p1 - 0.5]
        else:
            sure = (p.max(axis=1) - 1 / self.k) / (1 - 1 / self.k)  # 0 at a blind guess, 1 when certain
            colours = PALETTE_RGB[p.argmax(axis=1) % len(PALETTE)]
            self.image.set_data((1 - 0.6 * sure[:, None] * (1 - colours)).reshape(self.shape + (3,)))
            fields = [(p[:, c] - np.delete(p, c, axis=1).max(axis=1)).reshape(self.shape) for c in range(self.k)]
        # where each field crosses 0 (contourpy: what ax.contour uses, without a ContourSet per frame)
        self.lines.set_segments([line for field in fields for line in
                                 contour_generator(*self.xy, field, line_type="Separate").lines(0.0)])
        tie = "p = 0.5" if self.k == 2 else "classes tie"
        self.title.set_text(title or f"decision boundary (black: {tie})")

    def moving(self):
        return [self.image, self.lines, *self.points, *self.tests, *self.ax.spines.values()]
