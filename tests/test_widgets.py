"""The widgets: the explorer retrains on release and shows what went wrong; the stepper's buttons."""
import matplotlib.pyplot as plt
import pytest

from bpnet import Network, explore, widgets


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def parts(box):
    """The explorer's controls by description, its summary and its figure."""
    columns = box.children[0].children
    return {c.description: c for col in columns for c in col.children}, box.children[1], box.children[2]


def test_explorer_retrains_when_a_slider_moves():
    box = widgets.explorer(hidden_layer_sizes=(5,), lr=0.01, epochs=100)
    sliders, summary, image = parts(box)
    assert {"hidden size", "learning rate", "epochs", "dataset", "seed"} <= set(sliders)
    assert all(not s.continuous_update for s in sliders.values())
    first = image.value
    assert "sizes=[2, 5, 2]" in summary.value
    sliders["hidden size"].value = 9
    assert "sizes=[2, 9, 2]" in summary.value and image.value != first
    sliders["epochs"].value = 50
    assert "epochs=50 " in summary.value
    assert box.settings()["hidden_layer_sizes"] == (9,) and box.settings()["epochs"] == 50
    # what it shows is explore.run's own summary for those settings
    assert explore.run(**box.settings(), draw=False).summary.split(" → ")[0] in summary.value


def test_explorer_leaves_no_figure_open_and_keeps_one_for_itself():
    plt.close("all")
    box = widgets.explorer(hidden_layer_sizes=(5,), lr=0.01, epochs=50)
    first = box.children[2].value
    box.controls["seed"].value = 4
    box.controls["dataset"].value = "spiral"  # three classes: a new layout
    box.controls["seed"].value = 0
    assert plt.get_fignums() == [] and box.children[2].value != first
    assert "dataset=spiral" in box.children[1].value and "bpnet says" not in box.children[1].value


def test_explorer_layers_l2_activation_and_vanishing_layer():
    box = widgets.explorer(layers=2, hidden_layer_sizes=(4,), l2=0.01, activations=["sigmoid", "relu"],
                           epochs=50, grad_norms=True)
    s = box.settings()
    assert s["hidden_layer_sizes"] == (4, 4) and s["l2"] == 0.01 and s["grad_norms"]
    box.controls["layers"].value = 3
    assert box.settings()["hidden_layer_sizes"] == (4, 4, 4) and "sizes=[2, 4, 4, 4, 2]" in box.children[1].value
    box.controls["activation"].value = "relu"
    assert "activation=relu" in box.children[1].value
    perceptron = widgets.explorer(hidden_layer_sizes=(0,), min_hidden=0, output="sigmoid", bias=False,
                                  init="uniform", lr=1.0, epochs=50, dataset="article: first column")
    assert perceptron.settings()["hidden_layer_sizes"] == () and "sizes=[3, 1]" in perceptron.children[1].value


def test_explorer_shows_a_divergence_in_colour():
    box = widgets.explorer(hidden_layer_sizes=(5,), lr=10.0, epochs=100, activation="tanh")
    assert "DIVERGED" in box.children[1].value and "#D55E00" in box.children[1].value


def test_explorer_shows_errors_instead_of_losing_them(monkeypatch):
    box = widgets.explorer(hidden_layer_sizes=(5,), epochs=50)
    figure = box.children[2].value

    def broken(**settings):
        raise ValueError("something the student can fix")
    monkeypatch.setattr(explore, "run", broken)
    box.controls["seed"].value = 3  # must not raise into the kernel log
    assert "bpnet says: something the student can fix" in box.children[1].value
    assert box.children[2].value == figure  # the last good figure stays


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(lr=0.05), ValueError, "lr must be one of"),
    (dict(l2=0.5), ValueError, "l2 must be one of"),
    (dict(epochs=0), ValueError, "epochs must be an int between 10 and 10000"),
    (dict(dataset="iris"), ValueError, "dataset must be one of"),
    (dict(hidden_layer_sizes=(50,)), ValueError, "hidden_layer_sizes must be an int between 1 and 32"),
    (dict(hidden_layer_sizes=5), TypeError, r"like \(5,\) or \(5, 4\), got 5"),
    (dict(layers=2, hidden_layer_sizes=8), TypeError, r"like \(8,\): one size for every layer, got 8"),
    (dict(layers=2, hidden_layer_sizes=()), ValueError, r"one size for every layer, got \(\)"),
    (dict(activation="relu", activations=["sigmoid", "tanh"]), ValueError,
     "activation must be one of 'sigmoid', 'tanh', got 'relu'"),
])
def test_explorer_bad_arguments(kwargs, error, words):
    with pytest.raises(error, match=words):
        widgets.explorer(**{"epochs": 10, **kwargs})


def test_stepper_buttons_walk_the_steps_newest_first():
    net = Network([3, 2, 2], activation="tanh", output="softmax", seed=0)
    box = widgets.stepper(net, [1, 0, 1], 1)
    back, step, reset = box.children[0].children
    view = box.children[1]
    assert "step 1 of" in view.value and back.disabled
    step.click()
    step.click()
    assert "step 3 of" in view.value and "z2 = a1 @ W1 + b1" in view.value
    assert view.value.index("z2 = a1") < view.value.index("a1 = tanh(z1)") < view.value.index("z1 = a0")
    back.click()
    assert "step 2 of" in view.value and "z2 = a1" not in view.value
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
