"""One sample through the network, as a list of steps: forward layer by layer,
the loss, backward delta by delta, then the update. Every number is what
``Network.forward``, ``backward`` and ``step`` computed (they record into a
list when given one); only the equations beside them are written here.

``bpnet.widgets.stepper`` shows these steps one Step click at a time.
"""
import copy
from dataclasses import dataclass

import numpy as np

from .checks import check_float


@dataclass
class Step:
    """One line of the computation: its phase, the equation, and the value it gives."""

    phase: str      # "forward", "loss", "backward" or "update"
    equation: str   # e.g. "z1 = a0 @ W0   (1, 3) @ (3, 5) -> (1, 5)"
    name: str       # the quantity computed, e.g. "z1"
    value: np.ndarray


def _shape(a):
    return str(tuple(np.shape(a)))


def backprop_steps(net, x, y, lr=1.0):
    """The steps of one forward pass, backward pass and update of ``net`` on one sample.

    ``x``: one input row (``sizes[0]`` numbers); ``y``: its target (a number
    in [0, 1] for a sigmoid output, a class label for softmax). Nothing in
    ``net`` changes: the update is made on a copy.
    """
    X, Y = net.checked(np.atleast_2d(x), np.atleast_1d(y), names=("x", "y"))
    lr = check_float("lr", lr, low=0, low_inclusive=False)
    L, f = len(net.weights), net.activation
    zs, deltas, after = [], [], copy.deepcopy(net)
    with np.errstate(over="ignore", invalid="ignore"):
        a = net.forward(X, trace=zs)
        loss, delta = net.loss_and_delta(a[-1], Y)
        dW, db = net.backward(a, delta, trace=deltas)
        after.step(dW, db, lr)
    steps = []
    for l in range(L):
        fname = net.output if l == L - 1 else f
        steps += [Step("forward", f"z{l + 1} = a{l} @ W{l}{f' + b{l}' if net.bias else ''}   {_shape(a[l])} @ "
                       f"{_shape(net.weights[l])} -> {_shape(zs[l])}", f"z{l + 1}", zs[l]),
                  Step("forward", f"a{l + 1} = {fname}(z{l + 1})   {_shape(zs[l])} -> {_shape(a[l + 1])}",
                       f"a{l + 1}", a[l + 1])]
    what = "1/2 * sum((a - y)**2)" if net.output == "sigmoid" else "-sum(y * log a)"
    steps.append(Step("loss", f"L = {what} with y = {np.array2string(Y, precision=3)}",
                      "L", np.array(loss)))
    steps.append(Step("backward", (f"delta{L} = (a{L} - y) * a{L} * (1 - a{L})   sigmoid's derivative "
                                   f"from its output" if net.output == "sigmoid" else
                                   f"delta{L} = a{L} - y   softmax with cross-entropy")
                      + f"   {_shape(deltas[0])}", f"delta{L}", deltas[0]))
    for i, l in enumerate(range(L - 1, -1, -1)):
        steps.append(Step("backward", f"dW{l} = a{l}.T @ delta{l + 1}   {_shape(a[l].T)} @ "
                          f"{_shape(deltas[i])} -> {_shape(dW[l])}", f"dW{l}", dW[l]))
        if net.bias:
            steps.append(Step("backward", f"db{l} = sum of delta{l + 1} over samples   "
                              f"{_shape(deltas[i])} -> {_shape(db[l])}", f"db{l}", db[l]))
        if l:
            steps.append(Step("backward", f"delta{l} = (delta{l + 1} @ W{l}.T) * {f}'(a{l})   "
                              f"{_shape(deltas[i])} @ {_shape(net.weights[l].T)} -> "
                              f"{_shape(deltas[i + 1])}", f"delta{l}", deltas[i + 1]))
    for l in range(L):
        steps.append(Step("update", f"W{l} = W{l} - lr * dW{l}   lr = {lr:g}   {_shape(dW[l])}",
                          f"W{l}", after.weights[l]))
        if net.bias:
            steps.append(Step("update", f"b{l} = b{l} - lr * db{l}   lr = {lr:g}   {_shape(db[l])}",
                              f"b{l}", after.biases[l]))
    return steps
