"""explore.run: settings in, a trained network, its summary and its figure out."""
import io

import matplotlib.pyplot as plt
import numpy as np
import pytest

from bpnet import Network, data, explore, live


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_run_trains_and_says_what_it_did():
    r = explore.run(dataset="moons", hidden_layer_sizes=(8,), activation="tanh", lr=0.01, epochs=300)
    assert "sizes=[2, 8, 2]" in r.summary and "epochs=300" in r.summary
    assert not r.diverged and len(r.history.loss) == 300 and r.png()[:4] == b"\x89PNG"
    accuracy = np.mean(r.net.predict(r.X) == r.y)
    assert f"final loss {r.history.loss[-1]:.4g}, training accuracy {accuracy:.0%}" in r.summary
    # the same as training that network by hand
    X, y = data.load("moons", n=200, seed=0)
    net = Network([2, 8, 2], activation="tanh", output="softmax", seed=0)
    np.testing.assert_array_equal(net.fit(X, y, epochs=300, lr=0.01).loss, r.history.loss)


def test_run_on_the_article_data_with_a_bias_free_net():
    r = explore.run(dataset="article: xor", hidden_layer_sizes=(5,), output="sigmoid", bias=False,
                    init="uniform", lr=1.0, epochs=3000)
    assert r.net.sizes == [3, 5, 1] and "training accuracy 100%" in r.summary
    r = explore.run(dataset="xor", hidden_layer_sizes=(), output="sigmoid", bias=False, init="uniform",
                    lr=0.01, epochs=100)
    assert r.X.shape == (200, 3) and np.all(r.X[:, 2] == 1)  # the constant column added


def test_a_diverged_run_says_so_and_its_advice():
    r = explore.run(dataset="moons", hidden_layer_sizes=(10,), activation="tanh", lr=1.0, epochs=200)
    assert r.diverged and r.summary.split(" → ")[1].startswith("DIVERGED. training diverged")
    assert "Try lr=0.1: from the same start it trained" in r.summary
    assert r.panels.boundary.title.get_text() == "diverged: the net as it started"


def test_a_diverging_l2_is_blamed_not_the_learning_rate():
    r = explore.run(dataset="moons", epochs=20, l2=1e6)
    assert r.diverged and "lr * l2 = 10000 is over 1" in r.summary and "Try l2=10:" in r.summary


def test_run_with_gradient_norms_has_a_third_panel():
    r = explore.run(dataset="spiral", hidden_layer_sizes=(8, 8), lr=0.01, epochs=50, grad_norms=True)
    assert r.history.grad_norms.shape == (50, 3)
    assert len([a for a in r.figure.axes if a.get_label() != "<colorbar>"]) == 4  # network, map, loss, norms


@pytest.mark.parametrize("loss, guessing, words", [
    ([5.0, 4.0, 3.0, 2.0], False, ""),
    ([5.0, 4.0, 3.0, 2.0], True, "WARNING: no better than a blind guess"),
    ([5.0, 4.0, 6.0, 5.5], False, "WARNING: the loss ended above where it started"),
    ([5.0, 4.0, 4.5, 3.0, 3.5, 2.0], False, "WARNING: the loss went up on 40% of the epochs"),
    ([5.0, 4.0, 4.5, 3.0, 2.5, 2.0], False, ""),  # up on 1 of 5: a fifth is allowed
    ([5.0], False, ""),
])
def test_each_warning_names_what_went_wrong(loss, guessing, words):
    warning = live.warning(np.array(loss), guessing)
    assert (words in warning) if words else warning == ""


def test_run_warns_in_words_when_a_sigmoid_net_saturates():
    """A summed squared error cannot blow up, so too large a step shows as saturation."""
    r = explore.run(dataset="circles", hidden_layer_sizes=(5, 4), output="sigmoid", bias=False,
                    init="uniform", lr=1.0, epochs=200)
    assert not r.diverged and "WARNING: no better than a blind guess" in r.summary
    good = explore.run(dataset="article: xor", hidden_layer_sizes=(5,), output="sigmoid", bias=False,
                       init="uniform", lr=1.0, epochs=3000)
    assert "WARNING" not in good.summary


def test_run_warns_when_the_loss_jitters():
    r = explore.run(dataset="moons", hidden_layer_sizes=(), output="sigmoid", bias=False,
                    init="uniform", lr=1.0, epochs=1000)
    assert "WARNING: the loss went up on 45% of the epochs" in r.summary


def _pixels(png):
    return plt.imread(io.BytesIO(png), format="png")


# each run drawn over the figure of the one before: new panels where the network's shape
# or the data change; drawn over where they stay (another rate or activation, dead relu
# units, a log or a linear loss, a divergence, the article's 4 samples)
SEQUENCE = [
    dict(dataset="spiral", hidden_layer_sizes=(8, 8), epochs=40, grad_norms=True),
    dict(dataset="spiral", hidden_layer_sizes=(8, 8), epochs=40, grad_norms=True, lr=0.1, backward=True),
    dict(dataset="spiral", hidden_layer_sizes=(8, 8), epochs=40, grad_norms=True, activation="relu", lr=1.0,
         backward=True),
    dict(dataset="moons", hidden_layer_sizes=(6,), epochs=40, activation="relu", lr=0.03),
    dict(dataset="moons", hidden_layer_sizes=(9,), epochs=40, activation="tanh", lr=0.1),  # a new view
    dict(dataset="moons", hidden_layer_sizes=(6,), epochs=100, activation="tanh", lr=1.0),  # diverges
    dict(dataset="article: xor", hidden_layer_sizes=(5,), output="sigmoid", bias=False, init="uniform",
         lr=1.0, epochs=300),
    dict(dataset="article: xor", hidden_layer_sizes=(5,), output="sigmoid", bias=False, init="uniform",
         lr=0.001, epochs=50),
    dict(dataset="circles", hidden_layer_sizes=(3,), output="sigmoid", lr=0.03, epochs=100),
]


def test_drawing_over_a_figure_looks_exactly_like_a_new_figure():
    last = None
    reused = 0
    for settings in SEQUENCE:
        r = explore.run(**settings, into=None if last is None else last.panels)
        reused += last is not None and r.panels is last.panels
        fresh = explore.run(**settings)
        assert np.array_equal(_pixels(r.png()), _pixels(fresh.png())), settings
        last = r
    assert reused == 5  # the runs that kept their data and depth were drawn over, not made anew


def test_a_figure_drawn_over_stays_out_of_pyplot():
    plt.close("all")
    first = explore.run(dataset="moons", hidden_layer_sizes=(4,), epochs=20)
    plt.close("all")
    r = explore.run(dataset="spiral", hidden_layer_sizes=(4, 4), epochs=20, into=first.panels)
    again = explore.run(dataset="spiral", hidden_layer_sizes=(5,), epochs=30, into=r.panels)
    assert again.panels is r.panels is not first.panels  # three classes: new panels; another depth: drawn over
    assert plt.get_fignums() == []  # nothing for the notebook to show
    assert explore.run(dataset="moons", epochs=20).figure.number in plt.get_fignums()


def test_draw_false_trains_without_a_figure():
    plt.close("all")
    r = explore.run(dataset="moons", hidden_layer_sizes=np.array([8]), epochs=20, draw=False)
    assert r.figure is None and plt.get_fignums() == [] and "sizes=[2, 8, 2]" in r.summary
    with pytest.raises(ValueError, match="draw=False, so it has no figure"):
        r.png()


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(hidden_layer_sizes=5), TypeError, r"hidden_layer_sizes must be a tuple of layer sizes.*write \(5,\)"),
    (dict(hidden_layer_sizes="8"), TypeError, "hidden_layer_sizes must be a tuple of layer sizes"),
    (dict(hidden_layer_sizes=(0,)), ValueError, "hidden_layer_sizes must be an int between 1 and 256, got 0"),
    (dict(activation="Relu"), ValueError, "activation must be one of 'sigmoid', 'tanh', 'relu'"),
    (dict(output="linear"), ValueError, "output must be one of"),
    (dict(grad_norms="yes"), TypeError, "grad_norms must be True or False, got 'yes'"),
    (dict(seed=2**40), ValueError, "seed must be an int between 0 and 4294967295"),
    (dict(into="fig"), TypeError, r"into must be None or the panels of an earlier run .* got 'fig'"),
    (dict(dataset="iris"), ValueError, "dataset must be one of 'article: first column'"),
])
def test_run_bad_arguments(kwargs, error, words):
    with pytest.raises(error, match=words):
        explore.run(**{"dataset": "moons", "epochs": 10, **kwargs})


def test_run_copes_with_one_epoch():
    r = explore.run(dataset="moons", epochs=1)  # no warning from an empty diff
    assert len(r.history.loss) == 1 and "epochs=1 " in r.summary and "went up" not in r.summary


@pytest.mark.parametrize("points, error, words", [
    ((np.zeros((2, 2)), np.array([0.5, 1])), ValueError, "points[1] (y) must hold class labels"),
    ((np.zeros((3, 3)), np.array([0, 1, 0])), ValueError, "points[0] (X) must have shape (n, 2), got (3, 3)"),
    ((np.zeros((4, 2)), np.array([0, 1, 0])), ValueError, "points[1] (y) must have shape (4,), got (3,)"),
    (np.zeros((3, 2)), TypeError, "points must be None or a pair"),
    (([], []), ValueError, "click on the map to add some"),
])
def test_your_points_are_checked(points, error, words):
    with pytest.raises(error) as e:
        explore.run(points=points, draw=False, epochs=5)
    assert words in str(e.value), str(e.value)


def test_your_labels_are_renumbered_as_from_csv_does():
    run = explore.run(points=(np.array([[0.0, 0.0], [1.0, 1.0]]), np.array([0, 5])), draw=False, epochs=5)
    assert run.net.sizes[-1] == 2 and list(run.y) == [0, 1]
