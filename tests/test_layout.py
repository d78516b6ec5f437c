"""Layout: the legend's quiet corner and log axes that always carry two numbers."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from bpnet import layout, plots


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("x, y, entries, corner", [
    ([0, 1, 0, 0.1, 0.5], [0, 0, 1, 0.9, 0.5], 2, "upper right"),  # upper right is empty
    ([0, 1, 1, 0.9, 0.5], [0, 0, 1, 0.9, 0.5], 2, "upper left"),
    ([0, 1, 1, 0, 0.9, 0.1], [0, 0, 1, 1, 0.9, 0.9], 2, "lower left"),  # ties: the first
    ([0, 1, 0, 1, 0.5], [0, 0, 1, 1, 0.5], 2, "upper right"),  # every corner has one: the first
    ([0, 1, 1, 0, 0.9, 0.1, 0.9], [0, 0, 1, 1, 0.9, 0.9, 0.1], 2, "lower left"),
    # one point per corner, two more below the upper right one, one beside the upper left one:
    ([0, 1, 0, 1, 0.9, 0.95, 0.05], [0, 0, 1, 1, 0.7, 0.8, 0.95], 1, "upper right"),  # a 1-row
    ([0, 1, 0, 1, 0.9, 0.95, 0.05], [0, 0, 1, 1, 0.7, 0.8, 0.95], 4, "lower left"),  # box, a 4-row
    ([0, np.nan, 1, 1], [0, 5, -np.inf, 1], 2, "upper left"),  # nan and -inf left out
    ([], [], 3, "upper right"),
])
def test_quiet_corner_puts_the_legend_where_fewest_points_are(x, y, entries, corner):
    assert layout.quiet_corner(x, y, entries) == corner


def test_quiet_corner_on_axes_uses_the_axes_corners():
    _, ax = plt.subplots()
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    # the points fill the upper right of their own box, but only the lower left of these axes
    assert layout.quiet_corner([0, 1, 1], [0, 1, 0], 1, ax=ax) == "upper right"
    assert layout.quiet_corner([0, 1, 1], [0, 1, 0], 1) == "upper left"


@pytest.mark.parametrize("low, high", [(0.03, 0.05), (0.1, 0.5), (1, 20), (1e-5, 100)])
def test_log_axes_always_show_two_numbers(low, high):
    ax = plots.grad_norms(np.column_stack([np.geomspace(high, low, 50), np.full(50, low)]))
    ax.figure.canvas.draw()
    lo, hi = ax.get_ylim()
    labels = [t for t in ax.get_yticklabels() if lo <= t.get_position()[1] <= hi and t.get_text()]
    assert len(labels) >= 2, [t.get_text() for t in labels]


def test_bad_quiet_corner_arguments_say_what_to_pass():
    with pytest.raises(ValueError, match="x and y must hold one value per point, got 3 and 2"):
        layout.quiet_corner([1, 2, 3], [1, 2], 2)
    with pytest.raises(ValueError, match="entries must be an int >= 1, got 0"):
        layout.quiet_corner([1, 2], [1, 2], 0)
    with pytest.raises(TypeError, match="x and y must be arrays"):
        layout.quiet_corner(None, None, 1)
    with pytest.raises(ValueError, match="width must be > 0"):
        layout.quiet_corner([1], [1], 1, width=-1)
