"""The explorers' figure: the network from the inside beside its decision boundary,
the loss curve underneath (and, if asked, the gradient norm of every layer).

A figure is laid out once for a network's shape and its data; then every
run or live frame only recolours its artists. A live frame is quicker still:
what does not move (axes, ticks, labels, the colour bar) is kept as a
picture and only the moving artists are drawn over it (matplotlib's
"blitting"); axes whose limits must grow are drawn in full. 9.2 inches at
90 dpi is 828 pixels, as wide as a notebook column shows a figure unscaled.
"""
import io

import matplotlib.pyplot as plt
import numpy as np
from contourpy import contour_generator
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from PIL import Image

from .layout import log_y
from .netview import MAX_UNITS, NetworkView
from .plots import CLASS_MAP, MARKERS, PALETTE, PALETTE_RGB, input_grid

WIDTH, DPI = 9.2, 90
LOSS_COLOURS = ["#000000", "#D55E00"]  # training black, test vermillion: not a class's colour


def nice(n):
    """The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of 10) >= ``n``."""
    decade = 10.0 ** np.floor(np.log10(max(n, 1e-300)))
    return next(decade * m for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if decade * m >= n * (1 - 1e-12))


class BoundaryPanel:
    """The probability map, its boundary lines and the samples; the legend above the map."""

    def __init__(self, ax, net, X, y, colorbar=True, test=None, frame=None):
        self.ax, self.k = ax, net.sizes[-1] if net.output == "softmax" else 2
        self.image = ax.imshow(np.zeros((2, 2)) if self.k == 2 else np.ones((2, 2, 3)), origin="lower",
                               aspect="auto", **(dict(cmap=CLASS_MAP, vmin=0, vmax=1, alpha=0.7) if self.k == 2 else {}))
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


class CurvePanel:
    """Curves over the epochs (the loss, or the gradient norms), on limits that only grow.

    The x axis runs to a round number of epochs; a log y axis (when the values
    span tenfold or more) to whole decades, so most live frames keep the axes.
    """

    def __init__(self, ax, ylabel, labels, colours=None):
        self.ax, self.labels = ax, labels
        colours = colours or [PALETTE[i % len(PALETTE)] for i in range(len(labels))]
        self.lines = [ax.plot([], [], color=colour, label=label)[0] for colour, label in zip(colours, labels)]
        ax.set(xlabel="epoch", ylabel=ylabel)
        ax.xaxis.set_major_locator(MaxNLocator(5, integer=True))
        self.title, self.limits = ax.set_title("", loc="left" if len(labels) > 1 else "center"), None
        if len(labels) > 1:  # the title on the left, the legend on the right, both above the axes
            ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=min(len(labels), 6), fontsize=10,
                      frameon=False, borderaxespad=0.1, handlelength=1.5, columnspacing=1.0)

    def update(self, values, title, room=1.0):
        """Draw ``values`` (epochs, curves); True if the axes had to change (a full redraw).

        ``room``: how far the x axis reaches beyond the last epoch (2: twice as far,
        so that a playing explorer keeps its axes for many frames)."""
        values = np.asarray(values, dtype=float)
        values = values[:, None] if values.ndim == 1 else values  # (epochs, curves)
        epochs = np.arange(1, len(values) + 1)
        for line, column in zip(self.lines, values.T):
            line.set_data(epochs, np.where(column > 0, column, np.nan) if self._log(values) else column)
            line.set_marker("o" if len(values) == 1 else "None")
        self.title.set_text(title)
        limits = self._limits(values, room)
        if limits == self.limits:
            return False
        self.limits = limits
        xmax, log, low, high = limits
        self.ax.set_xlim(0, xmax)
        if log:
            log_y(self.ax, np.array([low, high]))
        else:
            self.ax.set_yscale("linear")
            self.ax.yaxis.set_major_locator(MaxNLocator(5))
        self.ax.set_ylim(low, high)
        return True

    def _log(self, values):
        positive = values[np.isfinite(values) & (values > 0)]
        return positive.size > 0 and positive.max() > 10 * positive.min()

    def _limits(self, values, room):
        """``(xmax, log, ymin, ymax)``; with ``room`` > 1, the old limits while the values fit in them."""
        xmax, log, low, high = nice(max(room * len(values), 2)), False, 0.0, 1.0
        finite = values[np.isfinite(values)]
        if self._log(values):
            positive = finite[finite > 0]
            log, low, high = True, 10.0 ** np.floor(np.log10(positive.min())), 10.0 ** np.ceil(np.log10(positive.max()))
        elif finite.size and finite.max() > 0:
            high = nice(1.05 * finite.max())
        old = self.limits
        if room > 1 and old is not None and old[1] == log and len(values) <= old[0] and (
                old[2] <= low and high <= old[3]):
            return old  # it still fits: keep the axes, and the frame stays quick
        return xmax, log, low, high

    def moving(self):
        return [*self.lines, self.title, *self.ax.spines.values()]


def same(a, b):
    """Whether two arrays hold the same numbers in the same shape."""
    return a.shape == b.shape and np.array_equal(a, b)


def top_height(net):
    """Inches for the network view's row: room for up to 16 units a column."""
    return float(np.clip(1.6 + 0.22 * max(min(n, MAX_UNITS) for n in net.sizes), 3.6, 5.2))


class ExplorerFigure:
    """The panels for one data set, laid out for a network of one depth and height.

    ``backward=True`` shows the gradients on the network's edges;
    ``grad_norms=True`` adds the panel of gradient norms per layer.
    ``pyplot=True`` makes a pyplot figure (for ``plt.show()`` in a notebook);
    otherwise the figure lives outside pyplot, so a notebook never shows it twice.
    """

    def __init__(self, net, X, y, grad_norms=False, backward=False, pyplot=False, test=None, frame=None):
        self.key, self.X, self.y, self.test, self.corners = self.layout(net, grad_norms, test), X, y, test, frame
        heights = [top_height(net), 2.2] + ([2.2] if grad_norms else [])
        height = sum(heights) + 0.95 * len(heights)
        self.figure = (plt.figure if pyplot else Figure)(figsize=(WIDTH, height), dpi=DPI)
        if not pyplot:
            FigureCanvasAgg(self.figure)
        grid = self.figure.add_gridspec(len(heights), 2, height_ratios=heights, width_ratios=[1.45, 1],
                                        left=0.085, right=0.945, bottom=0.55 / height,
                                        top=1 - 0.62 / height, wspace=0.18, hspace=0.95 / np.mean(heights))
        self.net_ax, self.view = self.figure.add_subplot(grid[0, 0]), None
        self.background, self.full = None, True
        self.show(net, backward)
        self.boundary = BoundaryPanel(self.figure.add_subplot(grid[0, 1]), net, X, y, test=test, frame=frame)
        # with a test set, the mean loss per sample, so that sets of different sizes compare
        self.loss = (CurvePanel(self.figure.add_subplot(grid[1, :]), "loss per sample (the mean)",
                                ["training", "test"], LOSS_COLOURS) if test is not None else
                     CurvePanel(self.figure.add_subplot(grid[1, :]), "loss (summed over samples)", ["loss"],
                                LOSS_COLOURS[:1]))
        layers = [f"||dW[{l}]||" for l in range(len(net.weights))]
        self.norms = CurvePanel(self.figure.add_subplot(grid[2, :]), "gradient norm", layers) if grad_norms else None

    @staticmethod
    def layout(net, grad_norms, test=None):
        """What a figure is laid out for: a run that differs in any of these needs a new one.
        (Other data, or a network of other widths, only needs new contents: ``show``.)"""
        k = net.sizes[-1] if net.output == "softmax" else 2
        return (top_height(net), len(net.weights), net.sizes[0], k, grad_norms, test is not None)

    def show(self, net, backward, X=None, y=None, test=None, frame=None):
        """Show other samples ``(X, y)`` and ``test``, if given, and draw the network view anew
        if ``net``'s shape, the samples or the view's direction changed. ``frame``: corners
        the map must cover exactly (the plane a student clicks points onto)."""
        new_data = X is not None and not (same(X, self.X) and same(y, self.y) and (
            (test is None) == (self.test is None)) and (test is None or (same(test[0], self.test[0])
                                                                         and same(test[1], self.test[1]))))
        if new_data:
            self.X, self.y, self.test, self.corners = X, y, test, frame
            self.boundary.set_data(net, X, y, test, frame)
        if self.view is not None and not new_data and (self.view.sizes, self.view.has_bias, self.view.backward) == (
                net.sizes, net.bias, backward):
            return
        same_title = self.view is not None and self.view.backward == backward
        self.net_ax.clear()
        self.view = NetworkView(self.net_ax, net, self.X if self.corners is None else self.corners,
                                backward=backward)
        self.net_ax.set_title("the network, from the inside" + (": its gradients" if backward else ""), pad=24)
        self.full |= new_data or not same_title  # the view's own artists all move: the rest stays

    def draw(self, net, history, dW=None, title=None, live=False):
        """Set every artist for ``net`` as trained so far (``history``); ``dW``: its last
        gradients. ``live``: the curves' axes reach twice as far as the epochs so far."""
        room = 2.0 if live else 1.0
        self.view.update(net, dW=dW)
        self.boundary.update(net, title)
        loss = history.loss
        if self.test is not None:  # the means, side by side
            mean, test = loss / len(self.y), history.test_loss / len(self.test[1])
            title = (f"loss per sample: training {mean[-1]:.3g}, test {test[-1]:.3g}" if len(loss)
                     else "loss per sample")
            self.full |= self.loss.update(np.column_stack([mean, test]), title, room)
        else:
            self.full |= self.loss.update(loss, f"loss: {loss[0]:.3g} → {loss[-1]:.3g}" if len(loss) else "loss",
                                          room)
        if self.norms is not None and history.grad_norms is not None:
            zero = " (a gap: the norm was 0)" if np.any(history.grad_norms <= 0) else ""
            self.full |= self.norms.update(history.grad_norms, "gradient norm per layer" + zero, room)
        return self.figure

    def to_data(self, column, row):
        """The (x1, x2) under pixel ``(column, row)`` of the figure's image (rows from the
        top), or None if that pixel is not on the map."""
        ax, height = self.boundary.ax, self.figure.bbox.height
        if not ax.bbox.contains(column, height - row):
            return None
        return tuple(ax.transData.inverted().transform((column, height - row)))

    def moving(self):
        """The artists a frame redraws, in the order a full draw draws them."""
        parts = [self.view, self.boundary, self.loss] + ([self.norms] if self.norms else [])
        order = {ax: i for i, ax in enumerate(self.figure.axes)}
        artists = [artist for part in parts for artist in part.moving()]
        return sorted(artists, key=lambda a: (order[a.axes], a.get_zorder()))  # sorted() keeps ties in order

    def png(self):
        """The whole figure drawn afresh, as PNG bytes."""
        for artist in self.moving():
            artist.set_animated(False)
        self.full = True
        buf = io.BytesIO()
        self.figure.savefig(buf, format="png", dpi=DPI, pil_kwargs={"compress_level": 1})
        return buf.getvalue()

    def frame(self):
        """The figure as JPEG bytes for a live frame, drawing only what moves when it can."""
        self._blit()
        return self._jpeg(90)

    def _blit(self):
        """Draw the moving artists over the picture of the rest, drawn anew when it changed."""
        canvas, moving = self.figure.canvas, self.moving()
        for artist in moving:
            artist.set_animated(True)
        if self.full or self.background is None:
            canvas.draw()  # everything but the moving artists
            self.background, self.full = canvas.copy_from_bbox(self.figure.bbox), False
        canvas.restore_region(self.background)
        for artist in moving:
            artist.axes.draw_artist(artist)

    def still(self):
        """The figure as a fine JPEG (quality 95, full colour detail), for an explorer at rest."""
        self._blit()
        return self._jpeg(95)

    def _jpeg(self, quality):
        # JPEG takes 3 ms where PNG takes 40-60 ms for this many pixels (mostly its filters)
        canvas, buf = self.figure.canvas, io.BytesIO()
        Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1).convert(
            "RGB").save(buf, format="jpeg", quality=quality, subsampling=0)
        return buf.getvalue()
