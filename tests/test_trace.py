"""The stepper's steps: what forward, backward and step computed, in order, for one sample."""
import numpy as np
import pytest

from bpnet import Network, data
from bpnet.trace import backprop_steps

X, Y = data.article("xor")


def test_a_bias_free_net_steps_in_the_articles_order():
    net = Network([3, 5, 4, 1], bias=False, init="uniform", seed=0)
    steps = backprop_steps(net, X[1], Y[1])
    assert [s.name for s in steps] == ["z1", "a1", "z2", "a2", "z3", "a3", "L", "delta3", "dW2", "delta2",
                                       "dW1", "delta1", "dW0", "W0", "W1", "W2"]
    assert [s.phase for s in steps] == ["forward"] * 6 + ["loss"] + ["backward"] * 6 + ["update"] * 3
    assert "(1, 4) @ (4, 5) -> (1, 5)" in steps[11].equation


def test_every_number_is_the_networks_own():
    net = Network([3, 5, 4, 2], activation="tanh", output="softmax", init="normal", seed=3)
    steps = {s.name: s.value for s in backprop_steps(net, X[2], Y[2], lr=0.5)}
    a = net.forward(X[2:3])
    for l in range(3):
        np.testing.assert_allclose(steps[f"a{l + 1}"], a[l + 1], rtol=1e-14)
        np.testing.assert_allclose(steps[f"z{l + 1}"], a[l] @ net.weights[l] + net.biases[l], rtol=1e-13)
    assert float(steps["L"]) == pytest.approx(net.loss(X[2:3], Y[2:3]), rel=1e-14)
    dW, db = net.gradients(X[2:3], Y[2:3])
    for l in range(3):
        np.testing.assert_allclose(steps[f"dW{l}"], dW[l], rtol=1e-13)
        np.testing.assert_allclose(steps[f"db{l}"], db[l], rtol=1e-13)
        # a bias's gradient on one sample is that layer's delta
        np.testing.assert_allclose(steps[f"delta{l + 1}"][0], db[l], rtol=1e-13)
    np.testing.assert_allclose(steps["delta3"], a[3] - np.eye(2)[[Y[2]]], rtol=1e-13)


def test_the_update_steps_are_one_real_step_and_leave_the_net_alone():
    net = Network([3, 5, 2], activation="tanh", output="softmax", seed=0)
    before = [p.copy() for p in net.weights + net.biases]
    steps = backprop_steps(net, X[1], Y[1], lr=0.3)
    updates = [s for s in steps if s.phase == "update"]
    assert [s.name for s in updates] == ["W0", "b0", "W1", "b1"]
    trained = Network([3, 5, 2], activation="tanh", output="softmax", seed=0)
    trained.fit(X[1:2], Y[1:2], epochs=1, lr=0.3)
    for s, want in zip(updates, [trained.weights[0], trained.biases[0], trained.weights[1], trained.biases[1]]):
        np.testing.assert_allclose(s.value, want, rtol=1e-14)
    assert all(np.array_equal(p, q) for p, q in zip(net.weights + net.biases, before))
    assert "W0 = W0 - lr * dW0   lr = 0.3" in updates[0].equation
