"""The gradient check's two parts: centred differences, and the relative error between arrays."""
import numpy as np
import pytest

from bpnet import Network, data, gradcheck, numerical_gradient, relative_error


def test_relative_error_values():
    a = np.array([3.0, 4.0])
    assert relative_error(a, a) == 0.0
    assert relative_error(a, -a) == pytest.approx(1.0)
    assert relative_error([1.0, 0.0], [0.0, 1.0]) == pytest.approx(np.sqrt(2) / 2)
    assert relative_error(a, 1.1 * a) == pytest.approx(0.5 / 10.5)
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0


def test_numerical_gradient_is_exact_on_a_quadratic_and_restores_the_parameter():
    w = np.array([[1.0, -2.0], [0.5, 3.0]])
    before = w.copy()
    grad = numerical_gradient(lambda: float(np.sum(w**2) + 3 * w[0, 1]), w)
    np.testing.assert_allclose(grad, 2 * before + np.array([[0, 3.0], [0, 0]]), rtol=1e-8)
    np.testing.assert_array_equal(w, before)


def test_gradcheck_reports_a_wrong_backward_pass():
    X, y = data.article("xor")
    net = Network([3, 4, 2], output="softmax", init="normal", seed=0)
    assert gradcheck(net, X, y) < 1e-7
    net.backward = lambda a, delta, l2=0.0, trace=None: Network.backward(net, a, 2 * delta, l2)
    assert gradcheck(net, X, y) == pytest.approx(1 / 3, rel=1e-3)  # twice the gradient
