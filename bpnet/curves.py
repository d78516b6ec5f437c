"""The explorers' curve panels: the loss (or the gradient norms) over the epochs, on
axes whose limits only grow while the explorer plays (see ``bpnet.panels``)."""
import numpy as np
from matplotlib.ticker import MaxNLocator

from .layout import log_y
from .plots import PALETTE


def nice(n):
    """The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of 10) >= ``n``."""
    decade = 10.0 ** np.floor(np.log10(max(n, 1e-300)))
    return next(decade * m for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if decade * m >= n * (1 - 1e-12))


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
