"""Plots: the probability map and its 0.5 boundary, the samples, loss curves, gradient norms."""
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.contour import ContourSet

from bpnet import Network, data, plots


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def pixel_of(ax, x1, x2):
    """The map's (row, column) at the point (x1, x2), from the image's own extent."""
    image = ax.images[0]
    left, right, bottom, top = image.get_extent()
    rows, cols = image.get_array().shape[:2]
    col = int(round((x1 - left) / (right - left) * (cols - 1)))
    row = int(round((x2 - bottom) / (top - bottom) * (rows - 1)))  # origin="lower": row 0 at the bottom
    return row, col


def contours(ax):
    return [c for c in ax.collections if isinstance(c, ContourSet)]


def test_the_map_is_the_networks_probability_on_the_articles_plane():
    X, y = data.article("xor")
    net = Network([3, 5, 1], bias=False, init="uniform", seed=0)
    net.fit(X, y, epochs=3000, lr=1.0)
    ax = plots.decision_boundary(net, X, y)  # third input held at 1, read from X
    image = ax.images[0].get_array()
    assert image.shape == (120, 120) and 0 <= image.min() and image.max() <= 1
    for x1, x2 in [(0, 0), (1, 0), (0, 1), (1, 1), (0.4, 0.7)]:
        row, col = pixel_of(ax, x1, x2)
        left, right, bottom, top = ax.images[0].get_extent()
        at = [[left + col / 119 * (right - left), bottom + row / 119 * (top - bottom), 1.0]]
        assert image[row, col] == pytest.approx(net.predict_proba(np.array(at))[0], abs=1e-12)
    assert image[pixel_of(ax, 1, 0)] > 0.9 and image[pixel_of(ax, 1, 1)] < 0.1
    (boundary,) = contours(ax)
    assert list(boundary.levels) == [0.5] and ax.get_xlabel() == "x1"
    assert len(ax.get_legend().get_texts()) == 2  # the samples, one entry per class


def test_inputs_after_x1_x2_are_held_where_asked():
    X = np.random.default_rng(0).random((10, 3))
    y = (X[:, 0] > 0.5).astype(int)
    net = Network([3, 2, 1], init="normal", seed=0)
    with pytest.raises(ValueError, match=r"hold must give 1 value\(s\)"):
        plots.decision_boundary(net, X, y)
    image = plots.decision_boundary(net, X, y, hold=(0.5,), resolution=5, margin=0).images[0].get_array()
    g1, g2 = np.meshgrid(np.linspace(X[:, 0].min(), X[:, 0].max(), 5), np.linspace(X[:, 1].min(), X[:, 1].max(), 5))
    want = net.predict_proba(np.column_stack([g1.ravel(), g2.ravel(), np.full(25, 0.5)])).reshape(5, 5)
    np.testing.assert_allclose(image, want, rtol=1e-12)


def test_a_flat_map_has_no_boundary_line():
    X, y = data.article("xor")
    net = Network([3, 1], bias=False, weights=[np.zeros((3, 1))])  # says 0.5 everywhere
    assert contours(plots.decision_boundary(net, X, y)) == []


def test_three_classes_get_three_colours_and_a_line_where_two_tie():
    X, y = data.spiral(n=90, seed=0)
    net = Network([2, 10, 3], activation="tanh", output="softmax", seed=0)
    net.fit(X, y, epochs=300, lr=0.01)
    ax = plots.decision_boundary(net, X, y)
    rgb = ax.images[0].get_array()
    assert rgb.shape == (120, 120, 3)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["class 0", "class 1", "class 2"]
    left, right, bottom, top = ax.images[0].get_extent()
    g1, g2 = np.meshgrid(np.linspace(left, right, 120), np.linspace(bottom, top, 120))
    winner = net.predict(np.column_stack([g1.ravel(), g2.ravel()])).reshape(120, 120)
    for c in range(3):  # each region is tinted toward its class's colour, never away from it
        region = rgb[winner == c]
        assert region.size and np.all(np.abs(region - plots.PALETTE_RGB[c]) <= np.abs(1 - plots.PALETTE_RGB[c]) + 1e-9)
    assert len(contours(ax)) == 3


def test_loss_curve_plots_every_epoch_and_picks_its_scale():
    ax = plots.loss_curve([4.0, 2.0, 1.0])
    assert ax.get_yscale() == "linear" and "4 → 1" in ax.get_title()  # under tenfold: linear
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [1, 2, 3])
    np.testing.assert_array_equal(ax.lines[0].get_ydata(), [4.0, 2.0, 1.0])
    assert plots.loss_curve([400.0, 20.0, 1.0]).get_yscale() == "log"
    with pytest.raises(ValueError, match="loss must be a History or a 1-D array"):
        plots.loss_curve(np.zeros((3, 3)))
    with pytest.raises(ValueError, match="grad_norms=True"):
        plots.grad_norms(np.zeros(5))


def test_curves_drawn_together_get_labels_over_all_of_them():
    _, ax = plt.subplots()
    plots.loss_curve(np.geomspace(100, 0.01, 50), ax=ax, label="falls far")
    plots.loss_curve(np.geomspace(60, 15, 50), ax=ax, label="falls a little")  # alone: labels 15 to 60
    ax.figure.canvas.draw()
    lo, hi = ax.get_ylim()
    shown = [float(t.get_text()) for t in ax.get_yticklabels() if t.get_text() and lo <= t.get_position()[1] <= hi]
    assert min(shown) <= 0.1 and max(shown) >= 50, shown


def test_grad_norms_draw_one_line_per_layer():
    norms = np.column_stack([np.geomspace(1, 0.01, 30), np.geomspace(2, 1, 30)])
    ax = plots.grad_norms(norms)
    assert len(ax.lines) == 2 and ax.get_yscale() == "log"
    np.testing.assert_allclose(ax.lines[1].get_ydata(), norms[:, 1])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["||dW[0]||", "||dW[1]||"]


def test_points_take_lists_and_the_legend_avoids_the_points():
    X, y = data.xor(n=200, seed=0)
    ax = plots.points(X.tolist(), y.tolist())
    fx, fy = ax.transAxes.inverted().transform(ax.transData.transform(X)).T
    corner = ax.get_legend()._loc  # the code matplotlib keeps: 1 upper right, 2 upper left, ...
    box = {1: (fx > 0.55) & (fy > 0.78), 2: (fx < 0.45) & (fy > 0.78),
           3: (fx < 0.45) & (fy < 0.22), 4: (fx > 0.55) & (fy < 0.22)}
    assert box[corner].sum() == min(b.sum() for b in box.values())
    assert [c.get_offsets().shape[0] for c in ax.collections] == [100, 100]


def test_a_single_epoch_is_drawn_as_a_dot_on_whole_epochs():
    for ax in (plots.loss_curve([2.0]), plots.grad_norms(np.ones((1, 2)))):
        ax.figure.canvas.draw()
        assert ax.lines[0].get_marker() == "o"
        lo, hi = ax.get_xlim()
        ticks = [t for t in ax.get_xticks() if lo <= t <= hi]
        assert ticks and all(t == round(t) for t in ticks), ticks


def test_gradient_panel_keeps_every_epoch_and_says_where_norms_were_zero():
    norms = np.ones((100, 2))
    norms[10:] = 0.0  # dead units from epoch 11 on
    ax = plots.grad_norms(norms)
    assert ax.get_xlim()[1] >= 100 and "(a gap: the norm was 0)" in ax.get_title()
    assert np.isnan(ax.lines[0].get_ydata()[10:]).all()


@pytest.mark.parametrize("call, error, words", [
    (lambda X, y, net: plots.decision_boundary(None, X, y), TypeError, "net must be a bpnet.Network"),
    (lambda X, y, net: plots.decision_boundary(net, X, y[:3]), ValueError, r"y must have shape \(200,\)"),
    (lambda X, y, net: plots.decision_boundary(net, X, np.where(y == 0, np.nan, y)), ValueError,
     "y must hold only finite numbers"),
    (lambda X, y, net: plots.decision_boundary(net, np.where(X > 1, np.inf, X), y), ValueError,
     "X must hold only finite numbers"),
    (lambda X, y, net: plots.decision_boundary(net, X[:0], y[:0]), ValueError, "X must not be empty"),
    (lambda X, y, net: plots.decision_boundary(net, X, y, resolution=0), ValueError,
     "resolution must be an int between 2 and 1000, got 0"),
    (lambda X, y, net: plots.decision_boundary(net, X, y, margin=np.nan), ValueError,
     "margin must be a finite number"),
    (lambda X, y, net: plots.points(X, y, size=-5), ValueError, "size must be > 0, got -5"),
    (lambda X, y, net: plots.points(X, y + 0.5), ValueError, "y must hold class labels 0, 1, 2"),
    (lambda X, y, net: plots.grad_norms(np.ones((5, 0))), ValueError, r"got shape \(5, 0\)"),
    (lambda X, y, net: plots.grad_norms(-np.ones((5, 2))), ValueError, "norms must be >= 0"),
])
def test_plots_reject_odd_input_in_words(call, error, words):
    X, y = data.moons(n=200, seed=0)
    net = Network([2, 3, 2], output="softmax", seed=0)
    with pytest.raises(error, match=words):
        call(X, y, net)


def test_a_map_of_data_without_the_constant_column_says_how_to_add_it():
    Xm, ym = data.load("moons")
    with pytest.raises(ValueError, match=r"3 input columns .*got 2; .*data.add_ones\(X\)"):
        plots.decision_boundary(Network([3, 5, 1]), Xm, ym)
    plt.close("all")
