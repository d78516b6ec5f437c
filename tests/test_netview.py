"""The network view: each unit's map is its output, edges carry the weights' sign and size."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from bpnet import Network, data
from bpnet.netview import CLAMP, MAX_UNITS, SIGNED, NetworkView, edge_widths, network_view


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def view(net, X, **kwargs):
    _, ax = plt.subplots(figsize=(6, 3.6))
    return NetworkView(ax, net, X, **kwargs)


def test_each_units_map_is_its_output_over_the_input_plane():
    X, y = data.article("xor")
    net = Network([3, 5, 1], bias=False, init="uniform", seed=0)
    v = view(net, X)
    v.update(net)
    a = net.forward(v.grid)
    assert np.all(v.grid[:, 2] == 1)  # the constant input held at 1
    for l, j in [(1, 0), (1, 4), (2, 0)]:
        np.testing.assert_allclose(v.data[l, j], a[l][:, j].reshape(v.shape))
    x1 = v.data[0, 0]
    assert x1.max() == pytest.approx(1.0) and np.all(np.diff(x1, axis=1) > 0)  # x1 grows to the right
    rows, cols, enlarge = v.maps[2, 0]  # and the picture shows those values, in the signed colours
    np.testing.assert_array_equal(v.canvas[rows, cols], SIGNED(CLAMP(v.data[2, 0]), bytes=True)[enlarge])
    assert v.canvas[0, 0, 3] == 0  # transparent between the maps


def test_edges_take_each_weights_sign_and_size():
    X, y = data.moons(n=50, seed=0)
    net = Network([2, 3, 2], activation="tanh", output="softmax", init="normal", seed=1)
    v = view(net, X)
    v.update(net)
    weights = np.concatenate([W.ravel() for W in net.weights])
    assert len(v.edges.get_segments()) == 2 * 3 + 3 * 2
    np.testing.assert_allclose(v.edges.get_linewidths(), edge_widths(weights))
    np.testing.assert_allclose(v.edges.get_colors()[:, :3], SIGNED(CLAMP(weights))[:, :3])
    assert edge_widths(0.0) < edge_widths(1.0) < edge_widths(5.0) == edge_widths(9.0)
    np.testing.assert_allclose(v.bias.get_facecolors()[:, :3],
                               SIGNED(CLAMP(np.concatenate(net.biases)))[:, :3])
    assert "largest 2." in v.caption.get_text() or "largest" in v.caption.get_text()


def test_backward_edges_fade_with_the_gradient():
    X, y = data.spiral(n=60, seed=0)
    net = Network([2, 4, 4, 3], output="softmax", init="scaled", seed=0)
    dW = [np.full_like(W, 0.01) for W in net.weights]
    dW[-1][:] = 1.0  # the last layer's gradient a hundred times the others'
    v = view(net, X, backward=True)
    v.update(net, dW=dW)
    widths = v.edges.get_linewidths()
    first, last = widths[:8], widths[-12:]
    assert np.all(last > 5 * first) and "gradients dW" in v.caption.get_text()


def test_big_networks_are_drawn_as_far_as_they_can_be_and_say_so():
    X, y = data.moons(n=50, seed=0)
    net = Network([2, 20] + [3] * 7 + [2], output="softmax")
    v = view(net, X)
    v.update(net)
    texts = [t.get_text() for t in v.ax.texts]
    assert "h1 (+4)" in texts and "not drawn" in v.caption.get_text()
    assert sum(1 for (l, _) in v.maps if l == 1) == MAX_UNITS and 8 not in {l for l, _ in v.maps}


def test_values_are_written_beside_the_units_and_bad_nets_are_named():
    X, y = data.article("xor")
    net = Network([3, 2, 1], bias=False, seed=0)
    ax = network_view(net, X, values=[None, np.array([0.25, -1.5]), np.array([0.125])])
    assert {"0.25", "-1.5", "0.125"} <= {t.get_text() for t in ax.texts}
    with pytest.raises(TypeError, match="net must be a bpnet.Network"):
        network_view("net", X)
