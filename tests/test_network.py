"""Network: the forward pass, back-propagation checked by finite differences, the
update, fit's history, L2, predictions, and stacks of weights."""
import numpy as np
import pytest

from bpnet import Network, data, gradcheck, numerical_gradient, relative_error
from bpnet.activations import sigmoid, softmax

X, Y = data.article("xor")


pytestmark = pytest.mark.usefixtures("warnings_are_errors")  # any warning fails (conftest.py)


def test_forward_is_f_of_a_times_W_plus_b_layer_by_layer():
    net = Network([3, 4, 5, 2], activation="tanh", output="softmax", init="normal", seed=2)
    a = net.forward(X)
    W, b = net.weights, net.biases
    h1 = np.tanh(X @ W[0] + b[0])
    h2 = np.tanh(h1 @ W[1] + b[1])
    np.testing.assert_allclose(a[1], h1, rtol=1e-14)
    np.testing.assert_allclose(a[2], h2, rtol=1e-14)
    np.testing.assert_allclose(a[3], softmax(h2 @ W[2] + b[2]), rtol=1e-14)
    assert [x.shape for x in a] == [(4, 3), (4, 4), (4, 5), (4, 2)]


def test_a_bias_free_net_ignores_its_biases():
    net = Network([3, 5, 1], bias=False, init="uniform", seed=0)
    net.biases = [np.ones(5), np.ones(1)]  # would change the output if added
    np.testing.assert_allclose(net.forward(X)[-1], sigmoid(sigmoid(X @ net.weights[0]) @ net.weights[1]))


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("output, sizes, Xy", [
    ("sigmoid", [3, 5, 1], data.article("xor")),
    ("softmax", [2, 6, 4, 3], data.spiral(n=30, seed=1)),
    ("sigmoid", [3, 1], data.article("first")),
    ("sigmoid", [3, 4, 2], (X, np.c_[Y, 1 - Y] * 0.8 + 0.1)),
])
@pytest.mark.parametrize("l2", [0.0, 0.1])
def test_backprop_matches_finite_differences(activation, output, sizes, Xy, l2):
    net = Network(sizes, activation=activation, output=output, init="normal", seed=4)
    before = [p.copy() for p in net.weights + net.biases]
    assert gradcheck(net, *Xy, l2=l2) < 1e-6
    assert all(np.array_equal(p, q) for p, q in zip(net.weights + net.biases, before))


def test_the_gradient_of_every_bias_is_checked_and_right():
    Xs, ys = data.spiral(n=30, seed=1)
    net = Network([2, 6, 3], activation="tanh", output="softmax", init="normal", seed=4)
    _, db = net.gradients(Xs, ys)
    for b, g in zip(net.biases, db):
        numeric = numerical_gradient(lambda: net.loss(Xs, ys), b)
        assert relative_error(g, numeric) < 1e-7 and np.abs(g).max() > 1e-3


def test_gradcheck_catches_a_wrong_gradient():
    """The article's section 4 delta (probs + onehot) is not the gradient: error of order 1."""
    net = Network([3, 5, 2], activation="tanh", output="softmax", seed=0)
    a = net.forward(X)
    wrong = a[-1].copy()
    wrong[np.arange(4), Y] += 1  # the article's `+= 1`
    numeric = numerical_gradient(lambda: net.loss(X, Y), net.weights[1])
    assert relative_error(a[1].T @ wrong, numeric) > 0.5
    assert relative_error(net.gradients(X, Y)[0][1], numeric) < 1e-7


def test_l2_adds_half_l2_w_squared_to_the_loss_and_l2_w_to_each_weight_gradient():
    net = Network([3, 4, 2], output="softmax", init="normal", seed=1)
    plain, with_l2 = net.loss(X, Y), net.loss(X, Y, l2=0.3)
    assert with_l2 - plain == pytest.approx(0.15 * sum(np.sum(W**2) for W in net.weights), rel=1e-12)
    (dW0, db0), (dW1, db1) = net.gradients(X, Y), net.gradients(X, Y, l2=0.3)
    for g0, g1, W in zip(dW0, dW1, net.weights):
        np.testing.assert_allclose(g1 - g0, 0.3 * W, rtol=1e-10, atol=1e-12)
    for g0, g1 in zip(db0, db1):  # biases are not regularised
        np.testing.assert_array_equal(g0, g1)


def test_step_moves_every_parameter_against_its_gradient():
    net = Network([3, 4, 2], output="softmax", init="normal", seed=1)
    W0, b0 = [W.copy() for W in net.weights], [b.copy() for b in net.biases]
    dW, db = net.gradients(X, Y)
    net.step(dW, db, lr=0.5)
    for W, W_old, g in zip(net.weights, W0, dW):
        np.testing.assert_allclose(W, W_old - 0.5 * g, rtol=1e-14)
    for b, b_old, g in zip(net.biases, b0, db):
        np.testing.assert_allclose(b, b_old - 0.5 * g, rtol=1e-14)
    net.step(dW, db, lr=1.0)
    np.testing.assert_allclose(net.weights[0], W0[0] - 1.5 * dW[0], rtol=1e-14)


def test_fit_is_forward_backward_step_repeated():
    net = Network([3, 4, 2], activation="tanh", output="softmax", init="normal", seed=1)
    copy = Network([3, 4, 2], activation="tanh", output="softmax", init="normal", seed=1)
    history = net.fit(X, Y, epochs=3, lr=0.1, l2=0.01)
    losses = []
    for _ in range(3):
        losses.append(copy.loss(X, Y, l2=0.01))
        copy.step(*copy.gradients(X, Y, l2=0.01), lr=0.1)
    np.testing.assert_allclose(history.loss, losses, rtol=1e-13)
    for p, q in zip(net.weights + net.biases, copy.weights + copy.biases):
        np.testing.assert_allclose(p, q, rtol=1e-13)


def test_history_records_one_loss_per_epoch_and_grad_norms():
    net = Network([3, 5, 1], bias=False, init="uniform", seed=0)
    history = net.fit(X, Y, epochs=300, lr=1.0, grad_norms=True)
    assert history.loss.shape == (300,) and history.grad_norms.shape == (300, 2)
    assert history.loss[-1] < 0.5 * history.loss[0]
    fresh = Network([3, 5, 1], bias=False, init="uniform", seed=0)
    assert history.loss[0] == pytest.approx(fresh.loss(X, Y), rel=1e-14)  # the starting weights' loss
    assert history.grad_norms[0] == pytest.approx([np.linalg.norm(g) for g in fresh.gradients(X, Y)[0]])
    assert net.fit(X, Y, epochs=5, lr=1.0).grad_norms is None


def test_l2_shrinks_weights():
    Xm, ym = data.moons(n=100, seed=0)
    norms = []
    for l2 in (0.0, 1.0):
        net = Network([2, 10, 2], activation="tanh", output="softmax", seed=0)
        net.fit(Xm, ym, epochs=500, lr=0.01, l2=l2)
        norms.append(sum(np.linalg.norm(W) for W in net.weights))
    assert norms[1] < 0.7 * norms[0]


def test_predict_shapes_thresholds_and_labels():
    net = Network([3, 5, 1], bias=False, init="uniform", seed=0)
    net.fit(X, Y, epochs=10000, lr=1.0)
    p = net.predict_proba(X)
    assert p.shape == (4,) and list(net.predict(X)) == list(Y)
    np.testing.assert_array_equal(net.predict(X), (p >= 0.5).astype(int))
    Xs, ys = data.spiral(n=90, seed=0)
    soft = Network([2, 20, 3], activation="tanh", output="softmax", seed=0)
    soft.fit(Xs, ys, epochs=10, lr=0.01)
    p = soft.predict_proba(Xs)
    assert p.shape == (90, 3) and np.allclose(p.sum(axis=1), 1)
    np.testing.assert_array_equal(soft.predict(Xs), p.argmax(axis=1))


def test_multi_output_sigmoid():
    targets = np.c_[Y, 1 - Y]
    net = Network([3, 6, 2], seed=0)
    net.fit(X, targets, epochs=3000, lr=1.0)
    assert net.predict_proba(X).shape == (4, 2)
    assert (net.predict(X) == targets).all()


def test_huge_scores_train_without_warnings():
    for activation in ("sigmoid", "tanh"):
        net = Network([3, 4, 2], activation=activation, output="softmax", init="normal", seed=0)
        history = net.fit(X * 1000.0, Y, epochs=50, lr=0.1)
        assert np.isfinite(history.loss).all()
        assert np.isfinite(net.predict_proba(X * 1e6)).all()


@pytest.mark.parametrize("init, check", [
    ("uniform", lambda W: W.min() >= -1 and W.max() < 1 and W.std() > 0.4),
    ("normal", lambda W: 0.8 < W.std() < 1.2),
    ("scaled", lambda W: 0.8 / np.sqrt(40) < W.std() < 1.2 / np.sqrt(40)),
])
def test_initial_weights_have_the_articles_scale(init, check):
    net = Network([40, 50, 2], output="softmax", init=init, seed=0)
    assert check(net.weights[0])
    biases = np.concatenate(net.biases)
    assert (biases.std() > 0.5) if init == "normal" else np.all(biases == 0)


def test_same_seed_same_start_other_seed_other_start():
    a, b, c = (Network([3, 5, 1], seed=s) for s in (7, 7, 8))
    assert np.array_equal(a.weights[0], b.weights[0]) and not np.array_equal(a.weights[0], c.weights[0])


def test_the_stack_axis_trains_each_network_as_on_its_own():
    seeds = [0, 1, 2]
    nets = [Network([3, 4, 1], bias=False, init="uniform", seed=s) for s in seeds]
    stack = Network([3, 4, 1], bias=False, init="uniform")
    stack.weights = [np.stack(W) for W in zip(*(n.weights for n in nets))]
    stack.matmul = np.matmul
    Yt = Y[:, None].astype(float)
    a = stack.forward(X)
    assert a[-1].shape == (3, 4, 1)
    dW, db = stack.backward(a, stack.loss_and_delta(a[-1], Yt)[1])
    for s, net in enumerate(nets):
        one = net.gradients(X, Y)[0]
        for l in range(2):
            np.testing.assert_allclose(dW[l][s], one[l], rtol=1e-13)
    for step in range(20):
        a = stack.forward(X)
        stack.step(*stack.backward(a, stack.loss_and_delta(a[-1], Yt)[1]), lr=1.0)
    for s, net in enumerate(nets):
        net.fit(X, Y, epochs=20, lr=1.0)
        np.testing.assert_allclose(stack.weights[0][s], net.weights[0], rtol=1e-12)


def test_a_sigmoid_output_of_exactly_one_half_counts_as_class_1():
    net = Network([3, 1], bias=False, weights=[np.zeros((3, 1))])
    assert list(net.predict_proba(X)) == [0.5] * 4 and list(net.predict(X)) == [1, 1, 1, 1]


def test_the_defaults_are_seed_0_and_1000_epochs_at_lr_0_01():
    Xm, ym = data.moons(n=40, seed=0)
    a, b = Network([2, 3, 2], output="softmax"), Network([2, 3, 2], output="softmax", seed=0)
    assert np.array_equal(a.weights[0], b.weights[0])
    history = a.fit(Xm, ym)
    np.testing.assert_array_equal(history.loss, b.fit(Xm, ym, epochs=1000, lr=0.01).loss)


def test_fit_records_the_test_loss_at_each_epochs_weights_and_never_trains_on_it():
    Xm, ym = data.moons(n=60, noise=0.3, seed=0)
    X_train, X_test, y_train, y_test = data.split(Xm, ym, 0.5)
    net = Network([2, 6, 2], activation="tanh", output="softmax", seed=1)
    replay = Network([2, 6, 2], activation="tanh", output="softmax", seed=1)
    history = net.fit(X_train, y_train, epochs=5, lr=0.05, l2=0.1, test=(X_test, y_test))
    plain = Network([2, 6, 2], activation="tanh", output="softmax", seed=1)
    plain.fit(X_train, y_train, epochs=5, lr=0.05, l2=0.1)
    np.testing.assert_array_equal(net.weights[0], plain.weights[0])  # the test set changes no weight
    for e in range(5):
        assert history.test_loss[e] == pytest.approx(replay.loss(X_test, y_test), rel=1e-12)  # no L2 term
        replay.fit(X_train, y_train, epochs=1, lr=0.05, l2=0.1)
    with pytest.raises(TypeError, match=r"test must be None or a pair \(X_test, y_test\)"):
        net.fit(X_train, y_train, epochs=1, test=X_test)
    with pytest.raises(ValueError, match=r"X_test must have shape \(n, 2\)"):
        net.fit(X_train, y_train, epochs=1, test=(X_test[:, :1], y_test))
