"""Every public entry point rejects bad arguments with a message naming the
argument, what it must be, and what it got, and leaves the network as it was."""
import numpy as np
import pytest

from bpnet import Network, data, gradcheck

X, Y = data.article("xor")


def snapshot(net):
    return [p.copy() for p in net.weights + net.biases]


def unchanged(net, before):
    return all(np.array_equal(a, b) for a, b in zip(net.weights + net.biases, before))


@pytest.mark.parametrize("sizes, error, words", [
    ([3], ValueError, "at least 2"),
    ([], ValueError, "at least 2"),
    ([3, 0, 1], ValueError, "[3, 0, 1]"),
    ([3, -2, 1], ValueError, "positive"),
    ([3, 2.5, 1], TypeError, "ints"),
    ([3, "5", 1], TypeError, "ints"),
    ([3, True], TypeError, "ints"),
    ("3,5,1", TypeError, "list"),
    (None, TypeError, "list"),
])
def test_bad_sizes(sizes, error, words):
    with pytest.raises(error, match="sizes must be") as e:
        Network(sizes)
    assert words in str(e.value)


@pytest.mark.parametrize("kwargs, words", [
    (dict(activation="softplus"), "activation must be one of 'sigmoid', 'tanh', 'relu', got 'softplus'"),
    (dict(output="linear"), "output must be one of 'sigmoid', 'softmax', got 'linear'"),
    (dict(init="zeros"), "init must be one of 'uniform', 'normal', 'scaled', got 'zeros'"),
    (dict(output="softmax", sizes=[3, 1]), "softmax output needs sizes[-1] >= 2"),
    (dict(seed=-1), "seed must be an int between 0 and 4294967295, got -1"),
    (dict(seed=2**32), "seed must be an int between 0 and 4294967295, got 4294967296"),
    (dict(seed=1.5), "seed must be an int, got 1.5"),
    (dict(seed=None), "seed must be an int, got None"),
    (dict(bias="yes"), "bias must be True or False"),
])
def test_bad_names_and_options(kwargs, words):
    sizes = kwargs.pop("sizes", [3, 5, 2])
    with pytest.raises((ValueError, TypeError)) as e:
        Network(sizes, **kwargs)
    assert words in str(e.value)


@pytest.mark.parametrize("weights, biases, words", [
    ([np.zeros((3, 5))], None, "weights must be a list of 2 arrays, one per layer, got 1 arrays"),
    ([np.zeros((3, 5)), np.zeros((4, 1))], None, "weights[1] must have shape (5, 1), got (4, 1)"),
    ([np.zeros((3, 5)), np.zeros(5)], None, "W.reshape(-1, 1)"),
    ([np.zeros((3, 5)), np.full((5, 1), np.nan)], None, "weights[1] must hold only finite"),
    (None, [np.zeros(5)], "biases must be a list of 2 arrays"),
    (None, [np.zeros(5), np.zeros(2)], "biases[1] must have shape (1,), got (2,)"),
    ("W", None, "weights must be a list of 2 arrays"),
])
def test_bad_initial_parameters(weights, biases, words):
    with pytest.raises(ValueError) as e:
        Network([3, 5, 1], weights=weights, biases=biases)
    assert words in str(e.value)


def test_biases_need_bias_true():
    with pytest.raises(ValueError, match="bias=False"):
        Network([3, 1], bias=False, biases=[np.zeros(1)])


def test_given_parameters_are_copied():
    W = [np.ones((3, 1))]
    net = Network([3, 1], bias=False, weights=W)
    net.fit(X, Y, epochs=5, lr=1.0)
    assert np.array_equal(W[0], np.ones((3, 1)))


SIGMOID = dict(sizes=[3, 4, 1])
SOFTMAX = dict(sizes=[3, 4, 2], output="softmax")


@pytest.mark.parametrize("net_kwargs, X_, y_, error, words", [
    (SIGMOID, X[0], Y, ValueError, "X must be a 2-D array, got shape (3,)"),
    (SIGMOID, X[:, :2], Y, ValueError, "X must have shape (n, 3), got (4, 2)"),
    (SIGMOID, np.zeros((0, 3)), Y[:0], ValueError, "X must not be empty"),
    (SIGMOID, np.where(X == 1, np.nan, X), Y, ValueError, "X must hold only finite numbers"),
    (SIGMOID, np.where(X == 1, np.inf, X), Y, ValueError, "X must hold only finite numbers"),
    (SIGMOID, [["a", "b", "c"]] * 4, Y, TypeError, "X must be an array of numbers"),
    (SIGMOID, X, Y[:3], ValueError, "y must have shape (4,) or (4, 1) for 4 samples"),
    (SIGMOID, X, Y * 2.0, ValueError, "y must hold targets in [0, 1] for a sigmoid output, got values from 0 to 2"),
    (SIGMOID, X, -Y, ValueError, "targets in [0, 1]"),
    (SOFTMAX, X, Y + 1, ValueError, "y must hold integer class labels 0..1 for a softmax of 2 units, got values from 1 to 2"),
    (SOFTMAX, X, Y - 1, ValueError, "integer class labels 0..1"),
    (SOFTMAX, X, Y * 0.5, ValueError, "integer class labels"),
    (SOFTMAX, X, Y[:, None], ValueError, "y must be a 1-D array, got shape (4, 1)"),
    (SOFTMAX, X, Y[:2], ValueError, "y must have shape (4,), got (2,)"),
])
def test_bad_data_leaves_the_network_unchanged(net_kwargs, X_, y_, error, words):
    kwargs = dict(net_kwargs)
    net = Network(kwargs.pop("sizes"), seed=0, **kwargs)
    before = snapshot(net)
    for call in (lambda: net.fit(X_, y_, epochs=3), lambda: net.loss(X_, y_),
                 lambda: net.gradients(X_, y_), lambda: gradcheck(net, X_, y_)):
        with pytest.raises(error) as e:
            call()
        assert words in str(e.value)
    assert unchanged(net, before)


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(lr=0), ValueError, "lr must be > 0, got 0.0"),
    (dict(lr=-0.1), ValueError, "lr must be > 0"),
    (dict(lr=float("nan")), ValueError, "lr must be a finite number, got nan"),
    (dict(lr=float("inf")), ValueError, "lr must be a finite number"),
    (dict(lr="0.1"), TypeError, "lr must be a number, got '0.1'"),
    (dict(epochs=0), ValueError, "epochs must be an int between 1 and 10000000, got 0"),
    (dict(epochs=10.0), TypeError, "epochs must be an int, got 10.0"),
    (dict(epochs=True), TypeError, "epochs must be an int"),
    (dict(l2=-0.01), ValueError, "l2 must be >= 0, got -0.01"),
    (dict(l2=float("inf")), ValueError, "l2 must be a finite number"),
    (dict(grad_norms=1), TypeError, "grad_norms must be True or False, got 1"),
])
def test_bad_training_settings(kwargs, error, words):
    net = Network([3, 4, 1], seed=0)
    before = snapshot(net)
    with pytest.raises(error) as e:
        net.fit(X, Y, **kwargs)
    assert words in str(e.value)
    assert unchanged(net, before)


def test_predict_checks_X():
    net = Network([3, 2, 1], seed=0)
    with pytest.raises(ValueError, match=r"X must have shape \(n, 3\), got \(4, 2\)"):
        net.predict(X[:, :2])
    with pytest.raises(ValueError, match="X must be a 2-D array"):
        net.predict_proba([0, 1, 1])


@pytest.mark.parametrize("call, words", [
    (lambda: data.moons(n=1), "n must be an int between 2 and 1000000, got 1"),
    (lambda: data.moons(n=10.5), "n must be an int, got 10.5"),
    (lambda: data.circles(noise=-1), "noise must be >= 0, got -1.0"),
    (lambda: data.spiral(k=1), "k must be an int >= 2, got 1"),
    (lambda: data.blobs(seed="a"), "seed must be an int, got 'a'"),
    (lambda: data.article("and"), "target must be one of 'first', 'xor', got 'and'"),
    (lambda: data.load("iris"), "dataset must be one of 'article: first column', 'article: xor', 'moons'"),
    (lambda: data.load("moons", add_ones=1), "add_ones must be True or False, got 1"),
])
def test_bad_dataset_arguments(call, words):
    with pytest.raises((ValueError, TypeError)) as e:
        call()
    assert words in str(e.value)


@pytest.mark.parametrize("call, error, words", [
    (lambda net: net.fit(X.astype(complex), Y), TypeError, "X must be an array of real numbers, got"),
    (lambda net: net.fit(X, None), TypeError, "y must be an array of real numbers, got None"),
    (lambda net: net.fit([[0, 0, 1], [0, 1]], Y[:2]), TypeError, "X must be an array of numbers with rows of equal length"),
    (lambda net: net.fit(X[0], Y), ValueError, "for one sample, pass X.reshape(1, -1)"),
    (lambda net: net.fit(X[:, :2], Y), ValueError, "add the constant column with data.add_ones(X)"),
    (lambda net: net.fit(np.where(np.eye(4, 3) > 0, np.nan, X), Y), ValueError, "(the first at index (0, 0))"),
    (lambda net: net.fit(X, Y, test=(X[:0], Y[:0])), ValueError, "X_test must not be empty"),
    (lambda net: net.fit(X, Y, test=(X, Y[:2])), ValueError, "y_test must have shape (4,) or (4, 1)"),
    (lambda net: net.predict_proba(X[:, :1]), ValueError, "this network takes 3 inputs per row"),
])
def test_data_mistakes_are_named_with_what_to_do(call, error, words):
    net = Network([3, 4, 1], seed=0)
    before = snapshot(net)
    with pytest.raises(error) as e:
        call(net)
    assert words in str(e.value), str(e.value)
    assert unchanged(net, before)


@pytest.mark.parametrize("y, words", [
    (np.eye(2)[Y], "for one-hot rows pass y.argmax(axis=1)"),
    ([0, 0.5, 1, 0], "got 0.5, which is not a whole number"),
    ([0, 1, 2, 0], "got values from 0 to 2"),
])
def test_softmax_label_mistakes(y, words):
    net = Network([3, 4, 2], output="softmax", seed=0)
    with pytest.raises(ValueError) as e:
        net.fit(X, y)
    assert words in str(e.value), str(e.value)


def test_weights_too_large_to_compute_with_are_said_in_words_not_warned():
    W = [np.full((3, 4), 1e200), np.array([[1e200], [-1e200], [1e200], [-1e200]])]
    net = Network([3, 4, 1], activation="relu", weights=W)
    with np.errstate(all="raise"):  # no numpy warning may escape either
        for call in (net.predict_proba, lambda X_: net.loss(X_, Y), lambda X_: net.gradients(X_, Y),
                     lambda X_: gradcheck(net, X_, Y)):
            with pytest.raises(ValueError, match="are not finite .*too large"):
                call(X)


@pytest.mark.parametrize("call, words", [
    (lambda: Network([3, 10**9, 1]), "would need 4,000,000,000 weights (32.0 GB)"),
    (lambda: Network([3, 5, 1]).fit(X, Y, epochs=10**12), "epochs must be an int between 1 and 10000000"),
    (lambda: data.load("moons", n=10**10), "n must be an int between 2 and 1000000"),
])
def test_sizes_too_large_for_the_machine_are_refused_before_any_memory_is_taken(call, words):
    with pytest.raises(ValueError) as e:
        call()
    assert words in str(e.value)
