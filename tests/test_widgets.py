"""The widgets: the explorer retrains on release and shows what went wrong; the stepper's buttons."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from bpnet import Network, explore, widgets


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def parts(box):
    """The explorer's controls by description, its summary and its figure."""
    columns = box.children[0].children
    return {c.description: c for col in columns for c in col.children}, box.summary, box.image


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
    first = box.image.value
    box.controls["seed"].value = 4
    box.controls["dataset"].value = "spiral"  # three classes: a new layout
    box.controls["seed"].value = 0
    assert plt.get_fignums() == [] and box.image.value != first
    assert "dataset=spiral" in box.summary.value and "bpnet says" not in box.summary.value


def test_explorer_layers_l2_activation_and_vanishing_layer():
    box = widgets.explorer(layers=2, hidden_layer_sizes=(4,), l2=0.01, activations=["sigmoid", "relu"],
                           epochs=50, grad_norms=True)
    s = box.settings()
    assert s["hidden_layer_sizes"] == (4, 4) and s["l2"] == 0.01 and s["grad_norms"]
    box.controls["layers"].value = 3
    assert box.settings()["hidden_layer_sizes"] == (4, 4, 4) and "sizes=[2, 4, 4, 4, 2]" in box.summary.value
    box.controls["activation"].value = "relu"
    assert "activation=relu" in box.summary.value
    perceptron = widgets.explorer(hidden_layer_sizes=(0,), min_hidden=0, output="sigmoid", bias=False,
                                  init="uniform", lr=1.0, epochs=50, dataset="article: first column")
    assert perceptron.settings()["hidden_layer_sizes"] == () and "sizes=[3, 1]" in perceptron.summary.value


def test_explorer_shows_a_divergence_in_colour():
    box = widgets.explorer(hidden_layer_sizes=(5,), lr=10.0, epochs=100, activation="tanh")
    assert "DIVERGED" in box.summary.value and "#D55E00" in box.summary.value


def test_explorer_shows_errors_instead_of_losing_them(monkeypatch):
    box = widgets.explorer(hidden_layer_sizes=(5,), epochs=50)
    figure = box.image.value

    def broken(**settings):
        raise ValueError("something the student can fix")
    monkeypatch.setattr(widgets, "Training", broken)
    box.controls["seed"].value = 3  # must not raise into the kernel log
    assert "bpnet says: something the student can fix" in box.summary.value
    assert box.image.value == figure  # the last good figure stays


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
    view = box.children[2]
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
    with pytest.raises(ValueError, match=r"x must have shape \(n, 3\)"):
        widgets.stepper(net, [1, 0], 1)
    with pytest.raises(ValueError, match=r"targets in \[0, 1\]"):
        widgets.stepper(net, [1, 0, 1], 3)


def epoch_of(box):
    return int(box.count.value.split("epoch ")[1].split("<")[0])


def test_play_trains_a_chunk_per_tick_and_pause_stops():
    box = widgets.explorer(hidden_layer_sizes=(5,), lr=0.01, epochs=100)
    assert epoch_of(box) == 100 and "playing" not in box.count.value
    box.buttons["play"].click()
    assert box.ticker.playing
    frames, epochs = set(), []
    for _ in range(4):
        box.ticker.value += 1  # what the browser's ticker does every interval
        frames.add(box.image.value)
        epochs.append(epoch_of(box))
    assert len(frames) == 4 and epochs == sorted(set(epochs)) and epochs[0] > 100
    assert box.ticker.interval >= 100 and "(playing)" in box.count.value
    box.buttons["pause"].click()
    assert not box.ticker.playing and "playing" not in box.count.value
    still = box.image.value
    box.ticker.value += 1  # a tick that was already on its way does nothing
    assert box.image.value == still and epoch_of(box) == epochs[-1]
    # the network trained is the one a single fit of that many epochs gives
    net = box.training().net
    run = explore.run(**{**box.settings(), "epochs": epochs[-1]}, draw=False)
    np.testing.assert_array_equal(net.weights[0], run.net.weights[0])


def test_steps_and_reset():
    box = widgets.explorer(hidden_layer_sizes=(5,), epochs=50)
    box.buttons["step"].click()
    assert epoch_of(box) == 51
    box.buttons["step10"].click()
    assert epoch_of(box) == 61 and "epoch 61: loss" in box.summary.value
    box.buttons["reset"].click()
    first = box.image.value
    assert epoch_of(box) == 0 and "not trained yet" in box.summary.value
    box.buttons["step"].click()
    box.buttons["reset"].click()
    assert box.image.value == first and epoch_of(box) == 0


def test_while_it_plays_a_new_rate_goes_on_and_a_new_network_starts_again():
    box = widgets.explorer(hidden_layer_sizes=(5,), lr=0.01, epochs=100)
    box.buttons["play"].click()
    box.ticker.value += 1
    at = epoch_of(box)
    box.controls["lr"].value = 0.1
    assert epoch_of(box) == at and box.training().lr == 0.1  # no reset
    box.ticker.value += 1
    assert epoch_of(box) > at and "lr=0.1" in box.summary.value
    box.controls["h0"].value = 7
    assert "sizes=[2, 7, 2]" in box.summary.value and epoch_of(box) == 0  # a new network, from the start
    box.ticker.value += 1
    assert epoch_of(box) > 0
    box.buttons["pause"].click()


def test_the_network_view_can_show_the_gradients():
    box = widgets.explorer(hidden_layer_sizes=(5,), epochs=30)
    weights = box.image.value
    box.controls["view"].value = "gradients"
    assert box.image.value != weights and epoch_of(box) == 30  # redrawn, not retrained
    assert box.settings()["backward"]


def test_a_divergence_while_playing_pauses_and_says_so():
    box = widgets.explorer(hidden_layer_sizes=(10,), activation="tanh", lr=0.01, epochs=50)
    box.buttons["play"].click()
    box.controls["lr"].value = 10.0
    for _ in range(30):
        box.ticker.value += 1
        if not box.ticker.playing:
            break
    assert not box.ticker.playing and "DIVERGED" in box.summary.value and "stopped: diverged" in box.count.value


def test_noise_and_test_fraction_sliders():
    box = widgets.explorer(hidden_layer_sizes=(5,), epochs=50, dataset="moons")
    assert box.controls["noise"].value == 0.2 and "noise=0.2 " in box.summary.value
    box.controls["noise"].value = 0.5
    assert "noise=0.5 " in box.summary.value
    box.controls["dataset"].value = "blobs"  # each data set opens with its own noise
    assert box.controls["noise"].value == 0.5 and "dataset=blobs" in box.summary.value
    box.controls["dataset"].value = "circles"
    assert box.controls["noise"].value == 0.1 and "noise=0.1 " in box.summary.value
    box.controls["test"].value = 0.3
    assert "test=0.3" in box.summary.value and "test accuracy" in box.summary.value
    assert box.training().test is not None and len(box.training().y_test) == 60
    box.controls["test"].value = 0.0
    assert "test accuracy" not in box.summary.value
    article = widgets.explorer(hidden_layer_sizes=(5,), epochs=50, dataset="article: xor")
    assert article.controls["noise"].disabled and "noise=" not in article.summary.value


def click_at(box, x1, x2):
    """What ipyevents sends for a click on the figure at (x1, x2): the image's own pixels."""
    panels = explore.figure_for(box.training(), box.settings()["backward"])
    column, up = panels.boundary.ax.transData.transform((x1, x2))
    box.pad.click({"type": "click", "dataX": column, "dataY": panels.figure.bbox.height - up})


def test_clicks_on_the_map_add_points_that_the_next_training_uses():
    box = widgets.explorer(hidden_layer_sizes=(5,), lr=0.1, epochs=50, dataset="your points")
    assert box.pad.box.layout.display is None and "4 points" in box.pad.count.value
    box.pad.label.value = 1
    click_at(box, 1.5, 1.6)
    X, y = box.training().X, box.training().y
    assert "5 points" in box.pad.count.value and len(y) == 5
    np.testing.assert_allclose(X[-1], [1.5, 1.6], atol=0.03) and y[-1] == 1
    box.pad.click({"type": "click", "dataX": 2, "dataY": 2})  # off the map: nothing
    assert len(box.training().y) == 5
    box.pad.undo.click()
    assert "4 points" in box.pad.count.value and len(box.training().y) == 4
    box.pad.clear.click()
    assert "0 points" in box.pad.count.value and "click on the map to add some" in box.summary.value
    for x1, label in [(-1, 0), (1, 1)]:
        box.pad.label.value = label
        click_at(box, x1, 0.0)
    assert "dataset=your points n=2 " in box.summary.value and len(box.training().y) == 2
    moons = widgets.explorer(hidden_layer_sizes=(5,), epochs=50)
    assert moons.pad.box.layout.display == "none"


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(datasets="moons"), TypeError, "datasets must be a list of names, like ['moons']"),
    (dict(activations=["relu", "swish"], activation="relu"), ValueError, "activations must be one of"),
    (dict(output="linear"), ValueError, "output must be one of 'sigmoid', 'softmax', got 'linear'"),
    (dict(init="he"), ValueError, "init must be one of"),
    (dict(bias="yes"), TypeError, "bias must be True or False"),
    (dict(min_hidden=-1), ValueError, "min_hidden must be an int between 0 and 256"),
    (dict(min_hidden=5, max_hidden=3), ValueError, "max_hidden must be an int between 5 and 256, got 3"),
    (dict(hidden_layer_sizes=(10**6,), max_hidden=10**6), ValueError, "max_hidden must be an int between 1 and 256"),
])
def test_explorer_arguments_are_checked_at_the_call(kwargs, error, words):
    with pytest.raises(error) as e:
        widgets.explorer(**kwargs)
    assert words in str(e.value), str(e.value)
