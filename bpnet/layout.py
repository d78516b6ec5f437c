"""Where things go on a panel: a legend in the corner with the fewest points,
and log axes that always show at least two plain numbers."""
import numpy as np
from matplotlib.ticker import FormatStrFormatter, LogLocator, MaxNLocator, NullLocator

from .checks import check_float, check_int, describe


def log_y(ax, values):
    """A log y axis with plain numbers (0.01, 1, 100), at least two of them for ``values``.

    Over many decades a label per decade or so; over one or two, 1-2-5 steps;
    over less than half a decade, four plain steps (a log axis with a single
    label cannot be read).
    """
    positive = values[np.isfinite(values) & (values > 0)]
    decades = np.log10(positive.max() / positive.min()) if positive.size else 0.0
    ax.set_yscale("log")
    ax.yaxis.set_major_locator(LogLocator(numticks=6) if decades >= 2 else
                               LogLocator(subs=(1.0, 2.0, 5.0)) if decades >= 0.5 else
                               MaxNLocator(4))
    ax.yaxis.set_major_formatter(FormatStrFormatter("%g"))
    ax.yaxis.set_minor_locator(NullLocator())


def quiet_corner(x, y, entries, width=0.45, ax=None):
    """The corner holding the fewest of the points ``(x, y)``, as a legend ``loc``.

    matplotlib's ``loc="best"`` weighs every artist on the axes and takes a
    few milliseconds per legend; counting points in four corner boxes is
    enough here, and instant. With ``ax`` the corners are the axes' own (at
    its current limits and scales); without, the points' bounding box's. A
    box is ``width`` of that wide and as tall as a legend of ``entries`` rows.
    Points that are not finite (or not positive, on a log axis) are left out.
    Ties go to the first of upper right, upper left, lower left, lower right.
    """
    entries = check_int("entries", entries, low=1)
    width = check_float("width", width, low=0, low_inclusive=False)
    x_, y_ = np.asarray(x), np.asarray(y)
    if x_.dtype.kind not in "biuf" or y_.dtype.kind not in "biuf":
        raise TypeError(f"x and y must be arrays of numbers, got {describe(x)} and {describe(y)}")
    x, y = x_.astype(float).ravel(), y_.astype(float).ravel()
    if x.shape != y.shape:
        raise ValueError(f"x and y must hold one value per point, got {x.size} and {y.size}")
    if ax is not None:  # data -> axes coordinates, 0..1 across the panel
        ax.get_xlim(), ax.get_ylim()  # settle the autoscaled limits first
        with np.errstate(all="ignore"):
            x, y = ax.transAxes.inverted().transform(
                ax.transData.transform(np.column_stack([x, y]))).T
    keep = np.isfinite(x) & np.isfinite(y)
    x, y = x[keep], y[keep]
    if ax is None and x.size:  # 0..1 across the points' bounding box
        x = (x - x.min()) / max(np.ptp(x), 1e-12)
        y = (y - y.min()) / max(np.ptp(y), 1e-12)
    height = 0.06 + 0.08 * entries  # a row of 10-point text is about 8% of a panel's height
    right, left, upper, lower = x > 1 - width, x < width, y > 1 - height, y < height
    counts = {"upper right": np.sum(right & upper), "upper left": np.sum(left & upper),
              "lower left": np.sum(left & lower), "lower right": np.sum(right & lower)}
    return min(counts, key=counts.get)
