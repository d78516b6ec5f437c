"""Activations, their derivatives written from the output, and the two output layers' losses."""
import numpy as np
import pytest

from bpnet.activations import ACTIVATIONS, sigmoid, softmax
from bpnet.losses import OUTPUTS, blind_guess, cross_entropy, half_squared_error, one_hot


pytestmark = pytest.mark.usefixtures("warnings_are_errors")  # any warning fails (conftest.py)


def test_sigmoid_values_and_stability():
    z = np.array([-1000.0, -745.0, -30.0, -1.0, 0.0, 2.0, 30.0, 1000.0])
    s = sigmoid(z)
    np.testing.assert_allclose(s[2:-1], 1 / (1 + np.exp(-z[2:-1])), rtol=1e-14, atol=0)
    assert s[0] == s[1] == 0.0 and s[-1] == 1.0 and s[4] == 0.5
    np.testing.assert_allclose(s[3], 0.2689414213699951, rtol=1e-15)
    np.testing.assert_allclose(s[5], 0.8807970779778823, rtol=1e-15)


def test_the_tables_sigmoid_is_the_same_function():
    z = np.linspace(-40, 40, 81)
    np.testing.assert_array_equal(ACTIVATIONS["sigmoid"].f(z), sigmoid(z))
    assert OUTPUTS["sigmoid"].f is ACTIVATIONS["sigmoid"].f


def test_tanh_and_relu_values():
    z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    np.testing.assert_allclose(ACTIVATIONS["tanh"].f(z), np.tanh(z))
    np.testing.assert_array_equal(ACTIVATIONS["relu"].f(z), [0, 0, 0, 0.5, 2.0])


def test_softmax_values_stability_and_shift_invariance():
    z = np.array([[1000.0, 0.0, -1000.0], [1.0, 2.0, 3.0], [0.0, 0.0, np.log(2.0)]])
    p = softmax(z)
    assert np.all(np.isfinite(p))
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(p[0], [1.0, 0.0, 0.0])
    np.testing.assert_allclose(p[1], np.exp([1.0, 2, 3]) / np.exp([1.0, 2, 3]).sum(), rtol=1e-14)
    np.testing.assert_allclose(p[2], [0.25, 0.25, 0.5], rtol=1e-14)
    np.testing.assert_allclose(p[1], softmax(z[1:2] + 500.0)[0], rtol=1e-14)


def test_softmax_of_a_stack_normalises_each_row():
    z = np.random.default_rng(0).normal(size=(3, 4, 5))
    np.testing.assert_allclose(softmax(z).sum(axis=-1), 1.0)
    np.testing.assert_allclose(softmax(z)[1], softmax(z[1]))


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu"])
def test_derivatives_written_from_the_output_match_finite_differences(name):
    z = np.linspace(-3, 3, 13) + 0.05  # avoid relu's kink at 0
    f, df = ACTIVATIONS[name]
    h = 1e-6
    np.testing.assert_allclose(df(f(z)), (f(z + h) - f(z - h)) / (2 * h), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("name", ["sigmoid", "softmax"])
def test_each_loss_and_its_delta_agree_with_finite_differences(name):
    rng = np.random.default_rng(1)
    f, loss = OUTPUTS[name].f, OUTPUTS[name].loss
    z = rng.normal(size=(5, 3))
    Y = one_hot(rng.integers(0, 3, 5), 3) if name == "softmax" else rng.random((5, 3))
    _, delta = loss(f(z), Y)
    h, numeric = 1e-6, np.zeros_like(z)
    for i in np.ndindex(z.shape):
        up, down = z.copy(), z.copy()
        up[i] += h
        down[i] -= h
        numeric[i] = (loss(f(up), Y)[0] - loss(f(down), Y)[0]) / (2 * h)
    np.testing.assert_allclose(delta, numeric, rtol=1e-6, atol=1e-9)


def test_loss_values():
    a, Y = np.array([[0.2], [0.9]]), np.array([[0.0], [1.0]])
    loss, delta = half_squared_error(a, Y)
    assert loss == pytest.approx(0.5 * (0.2**2 + 0.1**2), rel=1e-14)
    np.testing.assert_allclose(delta, [[0.2 * 0.2 * 0.8], [-0.1 * 0.9 * 0.1]], rtol=1e-14)
    p, T = np.array([[0.7, 0.2, 0.1], [0.25, 0.25, 0.5]]), one_hot(np.array([0, 2]), 3)
    loss, delta = cross_entropy(p, T)
    assert loss == pytest.approx(-np.log(0.7) - np.log(0.5), rel=1e-14)
    np.testing.assert_allclose(delta, [[-0.3, 0.2, 0.1], [0.25, 0.25, -0.5]], rtol=1e-14)


def test_cross_entropy_stays_finite_when_a_probability_underflows():
    loss, _ = cross_entropy(np.array([[1.0, 0.0]]), np.array([[0.0, 1.0]]))
    assert loss == pytest.approx(-np.log(1e-300))


def test_one_hot_and_blind_guess():
    np.testing.assert_array_equal(one_hot(np.array([2, 0, 1]), 3), [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
    assert blind_guess("softmax", one_hot(np.array([0, 1, 2, 3]), 4)) == pytest.approx(4 * np.log(4))
    assert blind_guess("sigmoid", np.array([[0.0], [1.0], [1.0], [0.0]])) == pytest.approx(4 * 0.5 * 0.25)


def test_a_warning_here_is_an_error():
    import warnings
    with pytest.raises(UserWarning):
        warnings.warn("any warning fails these tests")
