"""The explorers' figure: a live frame draws only what moves, and looks like a full drawing."""
import io

import matplotlib.pyplot as plt
import numpy as np
import pytest

from bpnet.live import Training
from bpnet.curves import nice
from bpnet.panels import ExplorerFigure


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("settings, backward", [
    (dict(dataset="moons", hidden_layer_sizes=(5,), activation="tanh"), False),
    (dict(dataset="spiral", hidden_layer_sizes=(8, 8), grad_norms=True), True),
    (dict(dataset="article: xor", hidden_layer_sizes=(5, 4), output="sigmoid", bias=False, init="uniform",
          lr=1.0), False),
])
def test_a_live_frame_looks_exactly_like_the_whole_figure_drawn_afresh(settings, backward):
    t = Training(**settings)
    panels = ExplorerFigure(t.net, t.X, t.y, t.grad_norms, backward)
    for chunk in (30, 1, 1, 5, 200):  # frames that keep the axes, and one that must grow them
        t.advance(chunk)
        dW = t.gradients() if backward else None
        base = panels.layers[0] if panels.layers else None
        panels.draw(t.net, t.history, dW=dW, live=True)
        frame = plt.imread(io.BytesIO(panels.frame()), format="jpeg").astype(int)
        blit = np.asarray(panels.figure.canvas.buffer_rgba())[..., :3].copy()
        whole = plt.imread(io.BytesIO(panels.png()), format="png")[..., :3]  # drawn whole, afresh
        assert np.array_equal(blit, np.round(whole * 255).astype(np.uint8)), (settings, t.epoch)
        assert np.abs(frame - blit).mean() < 3  # the JPEG is close to it too
        assert base is None or panels.layers[0] is base  # after the first frame, never the whole figure again


def test_a_figure_kept_for_other_widths_and_data_still_draws_what_a_new_one_draws():
    from bpnet.explore import figure_for
    panels = None
    for settings in [dict(dataset="moons", hidden_layer_sizes=(5,)), dict(dataset="moons", hidden_layer_sizes=(9,)),
                     dict(dataset="moons", hidden_layer_sizes=(9,), seed=3), dict(dataset="xor", hidden_layer_sizes=(2,))]:
        t = Training(**settings)
        t.advance(50)
        kept = figure_for(t, False, panels)
        assert panels is None or kept is panels
        panels = kept
        panels.draw(t.net, t.history)
        panels.still()
        blit = np.asarray(panels.figure.canvas.buffer_rgba())[..., :3].copy()
        new = ExplorerFigure(t.net, t.X, t.y)
        new.draw(t.net, t.history)
        whole = plt.imread(io.BytesIO(new.png()), format="png")[..., :3]
        assert np.array_equal(blit, np.round(whole * 255).astype(np.uint8)), settings


def test_a_deeper_network_in_the_same_figure_gets_its_layer_names_drawn_anew():
    from bpnet import Network
    t = Training("moons", (5,))
    t.advance(50)
    panels = ExplorerFigure(t.net, t.X, t.y)
    panels.draw(t.net, t.history)
    panels.still()
    deeper = Network([2, 5, 4, 2], activation="sigmoid", seed=0)
    panels.show(deeper, False, t.X, t.y)
    panels.draw(deeper, t.history)  # the same curves: only the network view has changed
    panels.still()
    blit = np.asarray(panels.figure.canvas.buffer_rgba())[..., :3].copy()
    new = ExplorerFigure(deeper, t.X, t.y)
    new.draw(deeper, t.history)
    whole = plt.imread(io.BytesIO(new.png()), format="png")[..., :3]
    assert np.array_equal(blit, np.round(whole * 255).astype(np.uint8))


def test_the_loss_axes_only_change_when_the_curve_outgrows_them():
    t = Training("moons", (5,))
    panels = ExplorerFigure(t.net, t.X, t.y)
    t.advance(90)
    assert panels.loss.update(t.history.loss, "loss")  # the first drawing sets the limits: 0 to 100
    t.advance(10)
    assert not panels.loss.update(t.history.loss, "loss") and panels.loss.limits[0] == 100
    t.advance(1)
    assert panels.loss.update(t.history.loss, "loss") and panels.loss.limits[0] == 120
    assert not panels.loss.update(t.history.loss, "loss", room=2.0)  # live: it still fits
    t.advance(19)
    assert not panels.loss.update(t.history.loss, "loss", room=2.0)
    t.advance(1)  # 121 epochs: live axes reach twice as far
    assert panels.loss.update(t.history.loss, "loss", room=2.0) and panels.loss.limits[0] == 250
    t.advance(129)
    assert not panels.loss.update(t.history.loss, "loss", room=2.0)
    t.advance(1)
    assert panels.loss.update(t.history.loss, "loss", room=2.0) and panels.loss.limits[0] == 600


def test_round_limits():
    assert [nice(n) for n in (1, 2, 7, 110, 300, 301, 999, 1001)] == [1, 2, 8, 120, 300, 400, 1000, 1200]


def test_with_a_test_set_the_loss_is_a_mean_beside_the_test_loss_and_test_points_are_hollow():
    t = Training("moons", (8,), "tanh", n=40, noise=0.3, test_fraction=0.5)
    panels = ExplorerFigure(t.net, t.X, t.y, test=t.test)
    t.advance(40)
    panels.draw(t.net, t.history)
    training, test = panels.loss.lines
    np.testing.assert_allclose(training.get_ydata(), t.history.loss / 20)
    np.testing.assert_allclose(test.get_ydata(), t.history.test_loss / 20)
    assert panels.loss.ax.get_ylabel() == "loss per sample (the mean)"
    assert [len(s.get_offsets()) for s in panels.boundary.tests] == [10, 10]
    assert all(len(s.get_facecolors()) == 0 or s.get_facecolors()[:, 3].max() == 0 for s in panels.boundary.tests)
    panels.frame()
    blit = np.asarray(panels.figure.canvas.buffer_rgba())[..., :3].copy()
    whole = plt.imread(io.BytesIO(panels.png()), format="png")[..., :3]
    assert np.array_equal(blit, np.round(whole * 255).astype(np.uint8))
