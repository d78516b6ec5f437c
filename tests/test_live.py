"""Training in chunks: the same as one fit, a learning rate that may change, reset, divergence."""
import numpy as np
import pytest

from bpnet import Network, data
from bpnet.live import Training


def test_chunks_train_exactly_like_one_fit():
    t = Training("moons", (6,), "tanh", "softmax", lr=0.01, seed=2)
    for chunk in (1, 9, 90, 400, 500):
        assert t.advance(chunk)
    X, y = data.load("moons", seed=2)
    net = Network([2, 6, 2], activation="tanh", output="softmax", seed=2)
    history = net.fit(X, y, epochs=1000, lr=0.01)
    assert t.epoch == 1000
    np.testing.assert_array_equal(t.history.loss, history.loss)
    for W, W_fit in zip(t.net.weights, net.weights):
        np.testing.assert_array_equal(W, W_fit)


def test_a_new_learning_rate_applies_from_the_next_chunk():
    t = Training("article: xor", (5,), output="sigmoid", lr=1.0, bias=False, init="uniform")
    t.advance(50)
    t.lr = 0.1
    t.advance(50)
    X, y = data.article("xor")
    net = Network([3, 5, 1], bias=False, init="uniform")
    first, second = net.fit(X, y, epochs=50, lr=1.0), net.fit(X, y, epochs=50, lr=0.1)
    np.testing.assert_array_equal(t.history.loss, np.concatenate([first.loss, second.loss]))
    assert "lr=0.1 epochs=100" in t.summary(100)


def test_reset_goes_back_to_the_start():
    t = Training("spiral", (8,), grad_norms=True)
    start = [W.copy() for W in t.net.weights]
    t.advance(30)
    t.reset()
    assert t.epoch == 0 and t.history.grad_norms.shape == (0, 2)
    assert all(np.array_equal(W, W0) for W, W0 in zip(t.net.weights, start))
    assert t.summary(30).endswith("→ epoch 0: not trained yet")
    t.advance(5)
    assert t.history.grad_norms.shape == (5, 2) and "epoch 5: loss" in t.summary(30)


def test_a_divergence_stops_the_training_and_says_why():
    t = Training("moons", (10,), "tanh", lr=10.0)
    assert not t.advance(100)
    assert "DIVERGED. training diverged" in t.summary(100) and "Try lr=" in t.summary(100)
    epochs = t.epoch
    assert np.isfinite(t.history.loss).all() and 0 < epochs <= 100
    assert not t.advance(10) and t.epoch == epochs  # stays stopped until reset
    t.reset()
    assert t.diverged is None and t.epoch == 0


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(hidden_layer_sizes=5), TypeError, r"write \(5,\)"),
    (dict(lr=0), ValueError, "lr must be > 0"),
    (dict(output="linear"), ValueError, "output must be one of"),
    (dict(dataset="iris"), ValueError, "dataset must be one of"),
])
def test_bad_settings_are_named(kwargs, error, words):
    with pytest.raises(error, match=words):
        Training(**kwargs)


def test_noise_and_a_test_set_held_out():
    t = Training("moons", (32,), "tanh", lr=0.03, n=40, noise=0.3, test_fraction=0.5)
    assert len(t.y) == len(t.y_test) == 20
    X, y = data.load("moons", n=40, noise=0.3)
    assert sorted(map(tuple, np.vstack([t.X, t.X_test]))) == sorted(map(tuple, X))
    t.advance(3000)
    assert len(t.history.test_loss) == 3000
    summary = t.summary(3000)
    assert "noise=0.3 test=0.5" in summary and "training accuracy 100%, test accuracy 65% (20 held out)" in summary
    assert Training("moons", (5,)).test is None and Training("moons", (5,)).history.test_loss is None


def test_the_students_own_points():
    t = Training(hidden_layer_sizes=(4,), points=([[0, 0], [1, 1], [0, 1], [1, 0]], [0, 0, 1, 1]), lr=0.1)
    assert t.X.shape == (4, 2) and "dataset=your points n=4 " in t.summary(10)
    with pytest.raises(ValueError, match="at least one point of each of two classes.*click on the map"):
        Training(points=([[0, 0]], [1]))
