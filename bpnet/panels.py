"""The explorers' figure: the network from the inside beside its decision boundary,
the loss curve underneath (and, if asked, the gradient norm of every layer).

A figure is laid out once for a network's shape and its data; then every
run or live frame only recolours its artists. A live frame is quicker still:
what does not move (axes, ticks, labels, the colour bar) is kept as a
picture and only the moving artists are drawn over it (matplotlib's
"blitting"). That picture is kept in layers, each drawn over the one before:
the map with its colour bar, then each curve panel's axes (the gradient
norms', the loss's), then the network view's title and fixed labels. A change
redraws its own layer and those above it (new limits for the loss: not the
map); no layer overlaps another, so the order changes no pixel. 9.2 inches
at 90 dpi is 828 pixels, as wide as a notebook column shows a figure unscaled.
"""
import io

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from .curves import CurvePanel
from .mappanel import BoundaryPanel
from .netview import MAX_UNITS, NetworkView

WIDTH, DPI = 9.2, 90
LOSS_COLOURS = ["#000000", "#D55E00"]  # training black, test vermillion: not a class's colour


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
        self.layers, self.dirty = [], 0  # the pictures kept; the first layer to draw again (None: none)
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
        depth = len(net.weights) if grad_norms else None  # (a curve per layer; the view is drawn anew)
        return (top_height(net), depth, net.sizes[0], k, grad_norms, test is not None)

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
            self.redraw("map")
        if self.view is not None and not new_data and (self.view.sizes, self.view.has_bias, self.view.backward) == (
                net.sizes, net.bias, backward):
            return
        same_title = self.view is not None and self.view.backward == backward
        fixed = None if self.view is None else self.view.fixed_look()
        self.net_ax.clear()
        self.view = NetworkView(self.net_ax, net, self.X if self.corners is None else self.corners,
                                backward=backward)
        self.net_ax.set_title("the network, from the inside" + (": its gradients" if backward else ""), pad=24)
        self.net_ax.patch.set_visible(False)  # white on white, and a layer drawn last must not cover the map's label
        if not same_title or self.view.fixed_look() != fixed:  # (its moving artists: drawn every frame)
            self.redraw("view")

    def groups(self):
        """The layers, bottom up: names and their axes (the first: everything the others are not)."""
        return [("map", None)] + ([("norms", [self.norms.ax])] if self.norms is not None else []) + [
            ("loss", [self.loss.ax]), ("view", [self.net_ax])]

    def redraw(self, name):
        """Mark the layer ``name`` ("map", "norms", "loss" or "view") and those above it to be drawn
        again at the next frame."""
        if self.dirty != 0:  # (0: all of it already, as while the figure is built)
            layer = [n for n, _ in self.groups()].index(name)
            self.dirty = layer if self.dirty is None else min(self.dirty, layer)

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
            moved = self.loss.update(np.column_stack([mean, test]), title, room)
        else:
            moved = self.loss.update(loss, f"loss: {loss[0]:.3g} → {loss[-1]:.3g}" if len(loss) else "loss",
                                     room)
        if moved:  # new limits: the loss panel's axes are drawn again, over the layers below as they were
            self.redraw("loss")
        if self.norms is not None and history.grad_norms is not None:
            zero = " (a gap: the norm was 0)" if np.any(history.grad_norms <= 0) else ""
            if self.norms.update(history.grad_norms, "gradient norm per layer" + zero, room):
                self.redraw("norms")
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
        buf = io.BytesIO()  # (the pictures kept for frames stay good: same size, same artists)
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
        groups = [axes for _, axes in self.groups()]
        if self.dirty is not None:
            if self.dirty == 0:  # layer 0: the whole figure but the moving artists and the later layers
                later = [ax for axes in groups[1:] for ax in axes]
                for ax in later:
                    ax.set_visible(False)
                canvas.draw()
                for ax in later:
                    ax.set_visible(True)
                self.layers = [canvas.copy_from_bbox(self.figure.bbox)]
            del self.layers[max(self.dirty, 1):]
            for group in groups[len(self.layers):]:  # each later layer over the one before
                canvas.restore_region(self.layers[-1])
                for ax in group:
                    self.figure.draw_artist(ax)
                self.layers.append(canvas.copy_from_bbox(self.figure.bbox))
            self.dirty = None
        canvas.restore_region(self.layers[-1])
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
