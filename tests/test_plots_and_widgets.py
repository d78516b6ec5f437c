"""Plots, the explorer's pure function, the explorer widget and the stepper."""
import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from bpnet import Network, data, explore, plots, widgets
from bpnet.trace import backprop_steps


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_decision_boundary_on_the_articles_plane():
    X, y = data.article("xor")
    net = Network([3, 5, 1], bias=False, init="uniform", seed=0)
    net.fit(X, y, epochs=3000, lr=1.0)
    ax = plots.decision_boundary(net, X, y)  # third input held at 1, read from X
    image = ax.images[0].get_array()
    assert image.shape == (120, 120) and 0 <= image.min() and image.max() <= 1
    # the map agrees with the network at a corner: (x1, x2) = (1, 0) is class 1
    assert image[int(round((0 + 0.5) / 2 * 119)), -int(round(0.5 / 2 * 119)) - 1] > 0.5
    assert ax.get_xlabel() == "x1" and len(ax.collections) >= 2  # contour + points


def test_decision_boundary_needs_held_inputs_when_they_vary():
    X = np.random.default_rng(0).random((10, 3))
    net = Network([3, 2, 1], seed=0)
    with pytest.raises(ValueError, match=r"hold must give 1 value\(s\)"):
        plots.decision_boundary(net, X, (X[:, 0] > 0.5).astype(int))
    plots.decision_boundary(net, X, (X[:, 0] > 0.5).astype(int), hold=(0.5,))


def test_three_classes_get_three_colours():
    X, y = data.spiral(n=90, seed=0)
    net = Network([2, 10, 3], hidden="tanh", output="softmax", seed=0)
    ax = plots.decision_boundary(net, X, y)
    assert ax.images[0].get_array().shape == (120, 120, 3)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["class 0", "class 1", "class 2"]


def test_loss_curve_and_grad_norms_check_their_input():
    with pytest.raises(ValueError, match="loss must be a History or a 1-D array"):
        plots.loss_curve(np.zeros((3, 3)))
    with pytest.raises(ValueError, match="grad_norms=True"):
        plots.grad_norms(np.zeros(5))
    ax = plots.loss_curve([4.0, 2.0, 1.0])
    assert ax.get_yscale() == "linear" and "4 → 1" in ax.get_title()  # under tenfold: linear
    assert plots.loss_curve([400.0, 20.0, 1.0]).get_yscale() == "log"


def test_run_trains_and_says_what_it_did():
    r = explore.run(dataset="moons", hidden=(8,), activation="tanh", lr=0.01, epochs=300)
    assert "sizes=[2, 8, 2]" in r.summary and "epochs=300" in r.summary
    assert "training accuracy" in r.summary and not r.diverged
    assert len(r.history.loss) == 300 and r.png()[:4] == b"\x89PNG"


def test_run_on_the_article_data_with_a_bias_free_net():
    r = explore.run(dataset="article: xor", hidden=(5,), output="sigmoid", bias=False,
                    init="uniform", lr=1.0, epochs=3000)
    assert r.net.sizes == [3, 5, 1] and "100%" in r.summary
    r = explore.run(dataset="xor", hidden=(), output="sigmoid", bias=False, init="uniform",
                    lr=0.01, epochs=100)
    assert r.X.shape == (200, 3) and np.all(r.X[:, 2] == 1)  # the constant column added


def test_run_reports_divergence_in_words():
    r = explore.run(dataset="moons", hidden=(10,), activation="tanh", lr=1.0, epochs=200)
    assert r.diverged and "DIVERGED" in r.summary and "smaller learning rate" in r.summary


def test_run_with_gradient_norms_has_a_third_panel():
    r = explore.run(dataset="spiral", hidden=(8, 8), lr=0.01, epochs=50, grad_norms=True)
    assert r.history.grad_norms.shape == (50, 3)
    assert len([a for a in r.figure.axes if a.get_label() != "<colorbar>"]) == 3


def _pixels(png):
    return plt.imread(io.BytesIO(png), format="png")


# each run drawn over the figure of the one before; the layout changes (2 or 3
# panels, a colour bar or none, a diverged run) and stays (log or linear loss,
# 1 or 4 norm lines, dead relu units, the article's 4 samples, another seed)
SEQUENCE = [
    dict(dataset="spiral", hidden=(8, 8), epochs=60, grad_norms=True),
    dict(dataset="spiral", hidden=(8, 8, 8, 8), epochs=60, grad_norms=True, seed=3, lr=0.1),
    dict(dataset="spiral", hidden=(), epochs=60, grad_norms=True, activation="relu", lr=1.0),
    dict(dataset="moons", hidden=(6,), epochs=60, grad_norms=True, activation="relu", lr=0.03),
    dict(dataset="moons", hidden=(6,), epochs=60, grad_norms=True, activation="tanh", lr=0.1),
    dict(dataset="moons", hidden=(10,), epochs=200, activation="tanh", lr=1.0),  # diverges
    dict(dataset="article: xor", hidden=(5,), output="sigmoid", bias=False, init="uniform",
         lr=1.0, epochs=300),
    dict(dataset="article: xor", hidden=(5,), output="sigmoid", bias=False, init="uniform",
         lr=0.001, epochs=50),
    dict(dataset="circles", hidden=(3,), output="sigmoid", lr=0.03, epochs=100),
]


def test_drawing_over_a_figure_looks_exactly_like_a_new_figure():
    last = None
    reused = 0
    for settings in SEQUENCE:
        r = explore.run(**settings, into=None if last is None else last.figure)
        reused += last is not None and r.figure is last.figure
        fresh = explore.run(**settings)
        assert np.array_equal(_pixels(r.png()), _pixels(fresh.png())), settings
        last = r
    assert reused >= 5  # the runs that kept their layout were drawn over, not made anew


def test_a_figure_drawn_over_stays_out_of_pyplot():
    plt.close("all")
    r = explore.run(dataset="moons", hidden=(4,), epochs=20, into=Figure())
    again = explore.run(dataset="moons", hidden=(5,), epochs=20, into=r.figure)
    assert again.figure is r.figure and plt.get_fignums() == []  # nothing for the notebook to show
    assert explore.run(dataset="moons", epochs=20).figure.number in plt.get_fignums()


def test_explorer_leaves_no_figure_open_and_keeps_one_for_itself():
    plt.close("all")
    box = widgets.explorer(hidden=(5,), lr=0.01, epochs=50)
    first = box.children[2].value
    box.controls["seed"].value = 4
    box.controls["dataset"].value = "spiral"  # three classes: a new layout
    box.controls["seed"].value = 0
    assert plt.get_fignums() == [] and box.children[2].value != first
    assert "dataset=spiral" in box.children[1].value and "bpnet says" not in box.children[1].value


@pytest.mark.parametrize("x, y, entries, corner", [
    ([0, 1, 0, 0.1, 0.5], [0, 0, 1, 0.9, 0.5], 2, "upper right"),  # upper right is empty
    ([0, 1, 1, 0.9, 0.5], [0, 0, 1, 0.9, 0.5], 2, "upper left"),
    ([0, 1, 1, 0, 0.9, 0.1], [0, 0, 1, 1, 0.9, 0.9], 2, "lower left"),  # ties: the first
    ([0, 1, 0, 1, 0.5], [0, 0, 1, 1, 0.5], 2, "upper right"),  # every corner has one: the first
    # one point per corner, two more below the upper right one, one beside the upper left one:
    ([0, 1, 0, 1, 0.9, 0.95, 0.05], [0, 0, 1, 1, 0.7, 0.8, 0.95], 1, "upper right"),  # a 1-row
    ([0, 1, 0, 1, 0.9, 0.95, 0.05], [0, 0, 1, 1, 0.7, 0.8, 0.95], 4, "lower left"),  # box, a 4-row
    ([0, np.nan, 1, 1], [0, 5, -np.inf, 1], 2, "upper left"),  # nan and -inf left out
    ([], [], 3, "upper right"),
])
def test_quiet_corner_puts_the_legend_where_fewest_points_are(x, y, entries, corner):
    assert plots.quiet_corner(x, y, entries) == corner


def test_bad_into_and_quiet_corner_arguments_say_what_to_pass():
    with pytest.raises(TypeError, match=r"into must be None or a matplotlib Figure .* got 'fig'"):
        explore.run(dataset="moons", epochs=10, into="fig")
    with pytest.raises(ValueError, match="x and y must hold one value per point, got 3 and 2"):
        plots.quiet_corner([1, 2, 3], [1, 2], 2)
    with pytest.raises(ValueError, match="entries must be an int >= 1, got 0"):
        plots.quiet_corner([1, 2], [1, 2], 0)


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(hidden=5), TypeError, r"hidden must be a tuple of hidden layer sizes.*write \(5,\)"),
    (dict(hidden="8"), TypeError, "hidden must be a tuple of hidden layer sizes"),
    (dict(hidden=(0,)), ValueError, "hidden must be an int >= 1, got 0"),
    (dict(activation="Relu"), ValueError, "activation must be one of 'sigmoid', 'tanh', 'relu'"),
    (dict(output="linear"), ValueError, "output must be one of"),
    (dict(grad_norms="yes"), TypeError, "grad_norms must be True or False, got 'yes'"),
    (dict(seed=2**40), ValueError, "seed must be an int between 0 and 4294967295"),
])
def test_run_bad_arguments(kwargs, error, words):
    with pytest.raises(error, match=words):
        explore.run(dataset="moons", epochs=10, **kwargs)


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(hidden=5), TypeError, r"like \(5,\) or \(5, 4\), got 5"),
    (dict(layers=2, hidden=8), TypeError, r"like \(8,\): one size for every layer, got 8"),
    (dict(layers=2, hidden=()), ValueError, r"one size for every layer, got \(\)"),
    (dict(activation="relu", activations=["sigmoid", "tanh"]), ValueError,
     "activation must be one of 'sigmoid', 'tanh', got 'relu'"),
])
def test_explorer_bad_hidden_and_activation(kwargs, error, words):
    with pytest.raises(error, match=words):
        widgets.explorer(epochs=10, **kwargs)


def test_draw_false_trains_without_a_figure():
    plt.close("all")
    r = explore.run(dataset="moons", hidden=np.array([8]), epochs=20, draw=False)
    assert r.figure is None and plt.get_fignums() == [] and "sizes=[2, 8, 2]" in r.summary
    with pytest.raises(ValueError, match="draw=False, so it has no figure"):
        r.png()


def test_a_diverging_l2_is_blamed_not_the_learning_rate():
    r = explore.run(dataset="moons", epochs=20, l2=1e6)
    assert r.diverged and "lr * l2 = 10000 is over 1" in r.summary and "l2 below 1 / lr = 100" in r.summary


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
    (lambda X, y, net: plots.quiet_corner(None, None, 1), TypeError, "x and y must be arrays"),
    (lambda X, y, net: plots.quiet_corner([1], [1], 1, width=-1), ValueError, "width must be > 0"),
])
def test_plots_reject_odd_input_in_words(call, error, words):
    X, y = data.moons(n=200, seed=0)
    net = Network([2, 3, 2], output="softmax", seed=0)
    with pytest.raises(error, match=words):
        call(X, y, net)


def test_points_take_lists_and_the_legend_avoids_the_points():
    X, y = data.xor(n=200, seed=0)
    ax = plots.points(X.tolist(), y.tolist())
    fx, fy = ax.transAxes.inverted().transform(ax.transData.transform(X)).T
    corner = ax.get_legend()._loc  # the code matplotlib keeps: 1 upper right, 2 upper left, ...
    box = {1: (fx > 0.55) & (fy > 0.78), 2: (fx < 0.45) & (fy > 0.78),
           3: (fx < 0.45) & (fy < 0.22), 4: (fx > 0.55) & (fy < 0.22)}
    assert box[corner].sum() == min(b.sum() for b in box.values())


@pytest.mark.parametrize("low, high", [(0.03, 0.05), (0.1, 0.5), (1, 20), (1e-5, 100)])
def test_log_axes_always_show_two_numbers(low, high):
    ax = plots.grad_norms(np.column_stack([np.geomspace(high, low, 50), np.full(50, low)]))
    ax.figure.canvas.draw()
    lo, hi = ax.get_ylim()
    labels = [t for t in ax.get_yticklabels() if lo <= t.get_position()[1] <= hi and t.get_text()]
    assert len(labels) >= 2, [t.get_text() for t in labels]


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


def test_explorer_retrains_when_a_slider_moves():
    box = widgets.explorer(hidden=(5,), lr=0.01, epochs=100)
    sliders = {c.description: c for c in box.children[0].children[0].children + box.children[0].children[1].children}
    assert {"hidden size", "learning rate", "epochs", "dataset", "seed"} <= set(sliders)
    assert all(not s.continuous_update for s in sliders.values())
    summary, image = box.children[1], box.children[2]
    first = image.value
    assert "sizes=[2, 5, 2]" in summary.value
    sliders["hidden size"].value = 9
    assert "sizes=[2, 9, 2]" in summary.value and image.value != first
    sliders["epochs"].value = 50
    assert "epochs=50 " in summary.value
    assert box.settings()["hidden"] == (9,) and box.settings()["epochs"] == 50


def test_explorer_layers_l2_activation_and_vanishing_layer():
    box = widgets.explorer(layers=2, hidden=(4,), l2=0.01, activations=["sigmoid", "relu"],
                           epochs=50, grad_norms=True)
    s = box.settings()
    assert s["hidden"] == (4, 4) and s["l2"] == 0.01 and s["grad_norms"]
    perceptron = widgets.explorer(hidden=(0,), min_hidden=0, output="sigmoid", bias=False,
                                  init="uniform", lr=1.0, epochs=50, dataset="article: first column")
    assert perceptron.settings()["hidden"] == () and "sizes=[3, 1]" in perceptron.children[1].value


@pytest.mark.parametrize("kwargs, words", [
    (dict(lr=0.05), "lr must be one of"),
    (dict(l2=0.5), "l2 must be one of"),
    (dict(epochs=0), "epochs must be an int between 10 and 10000"),
    (dict(dataset="iris"), "dataset must be one of"),
    (dict(hidden=(50,)), "hidden must be an int between 1 and 32"),
])
def test_explorer_bad_arguments(kwargs, words):
    with pytest.raises(ValueError, match=words):
        widgets.explorer(**kwargs)


def test_explorer_shows_errors_instead_of_losing_them():
    box = widgets.explorer(hidden=(5,), lr=10.0, epochs=100, activation="tanh")
    assert "DIVERGED" in box.children[1].value


def test_stepper_numbers_are_the_networks_gradients():
    X, y = data.article("xor")
    net = Network([3, 5, 4, 1], bias=False, init="uniform", seed=0)
    steps = backprop_steps(net, X[1], y[1])
    names = [s.name for s in steps]
    assert names == ["z1", "a1", "z2", "a2", "z3", "a3", "L", "delta3", "dW2", "delta2", "dW1",
                     "delta1", "dW0", "W0", "W1", "W2"]
    dW, _ = net.gradients(X[1:2], y[1:2])
    got = {s.name: s.value for s in steps}
    for l in range(3):
        np.testing.assert_allclose(got[f"dW{l}"], dW[l])
    assert "(1, 4) @ (4, 5) -> (1, 5)" in steps[names.index("delta1")].equation


def test_stepper_buttons_walk_the_steps():
    net = Network([3, 2, 2], hidden="tanh", output="softmax", seed=0)
    box = widgets.stepper(net, [1, 0, 1], 1)
    back, step, reset = box.children[0].children
    view = box.children[1]
    assert "step 1 of" in view.value and back.disabled
    step.click()
    step.click()
    assert "step 3 of" in view.value and "z2 = a1 @ W1 + b1" in view.value
    back.click()
    assert "step 2 of" in view.value
    reset.click()
    assert "step 1 of" in view.value
    for _ in range(len(box.steps) + 3):
        step.click()
    assert f"step {len(box.steps)} of {len(box.steps)}" in view.value and step.disabled


def test_stepper_checks_its_sample():
    net = Network([3, 2, 1], seed=0)
    with pytest.raises(ValueError, match=r"X must have shape \(n, 3\)"):
        widgets.stepper(net, [1, 0], 1)
    with pytest.raises(ValueError, match=r"targets in \[0, 1\]"):
        widgets.stepper(net, [1, 0, 1], 3)


def test_train_many_matches_network_fit_seed_by_seed():
    from bpnet.sweep import success_rate, train_many
    X, y = data.article("xor")
    out = train_many([3, 4, 1], range(6), X, y, epochs=500)
    for s in range(6):
        net = Network([3, 4, 1], bias=False, init="uniform", seed=s)
        net.fit(X, y, epochs=500, lr=1.0)
        np.testing.assert_allclose(out[s], net.predict_proba(X), rtol=0, atol=1e-10)
    deep = train_many([3, 5, 4, 1], [0, 1], X, y, epochs=300)
    net = Network([3, 5, 4, 1], bias=False, init="uniform", seed=1)
    net.fit(X, y, epochs=300, lr=1.0)
    np.testing.assert_allclose(deep[1], net.predict_proba(X), rtol=0, atol=1e-10)
    rate = success_rate([3, 4, 1], range(6), X, y, epochs=500)
    assert rate == np.mean([np.all((o >= 0.5) == y) for o in out])


def test_run_warns_in_words_when_a_sigmoid_net_saturates():
    """A summed squared error cannot blow up, so too large a step shows as saturation."""
    r = explore.run(dataset="circles", hidden=(5, 4), output="sigmoid", bias=False,
                    init="uniform", lr=1.0, epochs=200)
    assert not r.diverged and "WARNING: no better than a blind guess" in r.summary
    good = explore.run(dataset="article: xor", hidden=(5,), output="sigmoid", bias=False,
                       init="uniform", lr=1.0, epochs=3000)
    assert "WARNING" not in good.summary


def test_guess_loss():
    assert Network([2, 3, 4], output="softmax").guess_loss([0, 1, 2, 3]) == pytest.approx(4 * np.log(4))
    assert Network([2, 1]).guess_loss([0, 1, 1, 0]) == pytest.approx(4 * 0.5 * 0.25)


def test_run_checks_its_dataset_and_copes_with_one_epoch():
    with pytest.raises(ValueError, match="dataset must be one of 'article: first column'"):
        explore.run(dataset="iris")
    r = explore.run(dataset="moons", epochs=1)  # no warning from an empty diff
    assert len(r.history.loss) == 1 and "epochs=1 " in r.summary
