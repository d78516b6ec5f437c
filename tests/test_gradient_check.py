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


def test_relative_error_refuses_what_it_cannot_compare():
    with pytest.raises(ValueError, match="analytic must hold only finite numbers"):
        relative_error(np.nan, 1.0)                 # NaN used to compare as "identical": 0.0
    with pytest.raises(ValueError, match="numeric must hold only finite numbers"):
        relative_error([1.0, 1.0], [np.inf, 1.0])
    with pytest.raises(ValueError, match=r"the same shape, got \(3, 1\) and \(3,\)"):
        relative_error(np.ones((3, 1)), np.ones(3))   # would broadcast to a false 0.46
    assert relative_error(1e300 * np.ones(3), 1e300 * np.ones(3)) == 0.0   # no overflow in the norms
    assert relative_error([1e300, 0.0], [-1e300, 0.0]) == 1.0


def test_numerical_gradient_restores_the_parameter_when_f_raises_and_checks_its_arguments():
    p = np.array([1.0, 2.0])

    def broken():
        raise ValueError("inside f")
    with pytest.raises(ValueError, match="inside f"):
        numerical_gradient(broken, p)
    assert list(p) == [1.0, 2.0]
    with pytest.raises(TypeError, match="param must be a float numpy array"):
        numerical_gradient(lambda: 0.0, np.array([1, 2]))   # ints: p + 1e-5 would be truncated
    with pytest.raises(TypeError, match="param must be a float numpy array"):
        numerical_gradient(lambda: 0.0, [1.0, 2.0])
    with pytest.raises(TypeError, match="f must be a function"):
        numerical_gradient(3.0, p)
    with pytest.raises(ValueError, match="h must be"):
        numerical_gradient(lambda: 0.0, p, h=0)
