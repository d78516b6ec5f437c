"""Stable activations, gradients checked by finite differences, divergence said in words."""
import warnings

import numpy as np
import pytest

from bpnet import Network, TrainingDiverged, data, gradcheck, numerical_gradient
from bpnet.activations import ACTIVATIONS, DERIVATIVES, sigmoid, softmax

X, Y = data.article("xor")


@pytest.fixture(autouse=True)
def no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def test_sigmoid_is_stable_and_exact_where_it_matters():
    z = np.array([-1000.0, -745.0, -30.0, 0.0, 30.0, 1000.0])
    s = sigmoid(z)
    assert np.all(np.isfinite(s)) and 0 <= s[0] < 1e-300 and s[-1] == 1.0 and s[3] == 0.5
    np.testing.assert_allclose(s[2], np.exp(-30.0) / (1 + np.exp(-30.0)), rtol=1e-12)


def test_softmax_is_stable_and_shift_invariant():
    z = np.array([[1000.0, 0.0, -1000.0], [1.0, 2.0, 3.0]])
    p = softmax(z)
    assert np.all(np.isfinite(p))
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(p[0], [1.0, 0.0, 0.0])
    np.testing.assert_allclose(p[1], softmax(z[1:] + 500.0)[0])


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu"])
def test_derivatives_written_from_the_output_match_finite_differences(name):
    z = np.linspace(-3, 3, 13) + 0.05  # avoid relu's kink at 0
    f, df = ACTIVATIONS[name], DERIVATIVES[name]
    h = 1e-6
    np.testing.assert_allclose(df(f(z)), (f(z + h) - f(z - h)) / (2 * h), atol=1e-7)


@pytest.mark.parametrize("hidden", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("output, sizes, Xy", [
    ("sigmoid", [3, 5, 1], data.article("xor")),
    ("softmax", [2, 6, 4, 3], data.spiral(n=30, seed=1)),
    ("sigmoid", [3, 1], data.article("first")),
])
@pytest.mark.parametrize("l2", [0.0, 0.1])
def test_backprop_matches_finite_differences(hidden, output, sizes, Xy, l2):
    net = Network(sizes, hidden=hidden, output=output, init="normal", seed=4)
    before = [p.copy() for p in net.weights + net.biases]
    assert gradcheck(net, *Xy, l2=l2) < 1e-6
    assert all(np.array_equal(a, b) for a, b in zip(net.weights + net.biases, before))


def test_gradcheck_catches_a_wrong_gradient():
    """The article's section 4 delta (probs + onehot) is not the gradient: error of order 1."""
    net = Network([3, 5, 2], hidden="tanh", output="softmax", seed=0)
    a = net.forward(X)
    wrong = a[-1].copy()
    wrong[np.arange(4), Y] += 1  # the article's `+= 1`
    dW_wrong = a[1].T @ wrong
    numeric = numerical_gradient(lambda: net.loss(X, Y), net.weights[1])
    from bpnet.gradcheck import relative_error
    assert relative_error(dW_wrong, numeric) > 0.5
    assert relative_error(net.gradients(X, Y)[0][1], numeric) < 1e-7


def test_huge_scores_train_without_warnings():
    Xb = X * 1000.0
    for hidden in ("sigmoid", "tanh"):
        net = Network([3, 4, 2], hidden=hidden, output="softmax", init="normal", seed=0)
        history = net.fit(Xb, Y, epochs=50, lr=0.1)
        assert np.isfinite(history.loss).all()


def test_divergence_is_said_in_words_and_undone():
    Xm, ym = data.moons(n=200, seed=0)
    for lr, words in [(100.0, "stopped being finite at epoch"), (1.0, "over ten times its start")]:
        net = Network([2, 16, 2], hidden="relu", output="softmax", seed=0)
        before = [p.copy() for p in net.weights + net.biases]
        with pytest.raises(TrainingDiverged) as e:
            net.fit(Xm, ym, epochs=1000, lr=lr)
        message = str(e.value)
        assert "training diverged" in message and words in message, message
        assert f"lr={lr / 10:g}" in message and "nan" not in message.lower()
        assert all(np.array_equal(a, b) for a, b in zip(net.weights + net.biases, before))
        assert np.isfinite(e.value.history.loss).all() and e.value.epoch < 1000


def test_a_good_run_never_trips_the_divergence_check():
    Xm, ym = data.moons(n=200, seed=0)
    for seed in range(5):
        net = Network([2, 16, 2], hidden="tanh", output="softmax", seed=seed)
        net.fit(Xm, ym, epochs=2000, lr=0.01)
        # lr=0.1 overshoots at first (the loss jumps far above its start), then recovers
        Network([2, 16, 2], output="softmax", seed=0).fit(Xm, ym, epochs=1000, lr=0.1)
        net.fit(Xm, ym, epochs=200, lr=0.01)  # continuing from a low loss is fine too


def test_history_records_one_loss_per_epoch_and_grad_norms():
    net = Network([3, 5, 1], bias=False, init="uniform", seed=0)
    history = net.fit(X, Y, epochs=300, lr=1.0, grad_norms=True)
    assert history.loss.shape == (300,) and history.grad_norms.shape == (300, 2)
    assert history.loss[-1] < history.loss[0]
    # the first entry is the loss of the starting weights
    fresh = Network([3, 5, 1], bias=False, init="uniform", seed=0)
    assert history.loss[0] == pytest.approx(fresh.loss(X, Y))
    assert history.grad_norms[0] == pytest.approx([np.linalg.norm(g) for g in fresh.gradients(X, Y)[0]])


def test_l2_shrinks_weights():
    Xm, ym = data.moons(n=100, seed=0)
    norms = []
    for l2 in (0.0, 1.0):
        net = Network([2, 10, 2], hidden="tanh", output="softmax", seed=0)
        net.fit(Xm, ym, epochs=500, lr=0.01, l2=l2)
        norms.append(sum(np.linalg.norm(W) for W in net.weights))
    assert norms[1] < 0.7 * norms[0]


def test_predict_shapes_and_labels():
    net = Network([3, 5, 1], bias=False, init="uniform", seed=0)
    net.fit(X, Y, epochs=10000, lr=1.0)
    assert net.predict_proba(X).shape == (4,)
    assert list(net.predict(X)) == list(Y)
    Xs, ys = data.spiral(n=90, seed=0)
    soft = Network([2, 20, 3], hidden="tanh", output="softmax", seed=0)
    soft.fit(Xs, ys, epochs=10, lr=0.01)
    p = soft.predict_proba(Xs)
    assert p.shape == (90, 3) and np.allclose(p.sum(axis=1), 1)
    assert set(soft.predict(Xs)) <= {0, 1, 2}


def test_multi_output_sigmoid():
    targets = np.c_[Y, 1 - Y]
    net = Network([3, 6, 2], seed=0)
    net.fit(X, targets, epochs=3000, lr=1.0)
    assert net.predict_proba(X).shape == (4, 2)
    assert (net.predict(X) == targets).all()
