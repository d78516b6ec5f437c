"""One sample through the network, forward layer by layer, then backward delta
by delta: every quantity with its shape and its numbers, as a list of steps.

``bpnet.widgets.stepper`` shows these steps one Step click at a time.
"""
from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS, DERIVATIVES
from .losses import OUTPUTS


@dataclass
class Step:
    """One line of the computation: its phase, the equation, and the value it gives."""

    phase: str      # "forward", "loss", "backward" or "update"
    equation: str   # e.g. "z1 = a0 @ W0   (1, 3) @ (3, 5) -> (1, 5)"
    name: str       # the quantity computed, e.g. "z1"
    value: np.ndarray


def _shape(a):
    return str(tuple(np.shape(a)))


def backprop_steps(net, x, t, lr=1.0):
    """The steps of one forward and backward pass of ``net`` on one sample.

    ``x``: one input row (``sizes[0]`` numbers); ``t``: its target (a number
    in [0, 1] for a sigmoid output, a class label for softmax). Nothing in
    ``net`` changes.
    """
    X, T = net._check_data(np.atleast_2d(np.asarray(x, dtype=float)), np.atleast_1d(t))
    f_name, L = net.hidden, len(net.weights)
    steps, a = [], [X]
    for l, (W, b) in enumerate(zip(net.weights, net.biases)):
        z = a[l] @ W + (b if net.bias else 0.0)
        plus_b = f" + b{l}" if net.bias else ""
        steps.append(Step("forward", f"z{l + 1} = a{l} @ W{l}{plus_b}   "
                          f"{_shape(a[l])} @ {_shape(W)} -> {_shape(z)}", f"z{l + 1}", z))
        out = l == L - 1
        f = OUTPUTS[net.output][0] if out else ACTIVATIONS[f_name]
        fname = net.output if out else f_name
        a.append(f(z))
        steps.append(Step("forward", f"a{l + 1} = {fname}(z{l + 1})   {_shape(z)} -> {_shape(a[-1])}",
                          f"a{l + 1}", a[-1]))
    loss = OUTPUTS[net.output][1](a[-1], T)
    what = "1/2 * sum((a - t)**2)" if net.output == "sigmoid" else "-sum(t * log a)"
    steps.append(Step("loss", f"L = {what} with t = {np.array2string(T, precision=3)}",
                      "L", np.array(loss)))
    if net.output == "sigmoid":
        eq = f"delta{L} = (a{L} - t) * a{L} * (1 - a{L})   sigmoid's derivative from its output"
    else:
        eq = f"delta{L} = a{L} - t   softmax with cross-entropy"
    delta = OUTPUTS[net.output][2](a[-1], T)
    steps.append(Step("backward", f"{eq}   {_shape(delta)}", f"delta{L}", delta))
    grads = []
    for l in range(L - 1, -1, -1):
        W = net.weights[l]
        dW = a[l].T @ delta
        grads.append((l, dW))
        steps.append(Step("backward", f"dW{l} = a{l}.T @ delta{l + 1}   {_shape(a[l].T)} @ "
                          f"{_shape(delta)} -> {_shape(dW)}", f"dW{l}", dW))
        if l:
            prev = delta
            delta = (prev @ W.T) * DERIVATIVES[f_name](a[l])
            steps.append(Step("backward", f"delta{l} = (delta{l + 1} @ W{l}.T) * f'(a{l})   "
                              f"{_shape(prev)} @ {_shape(W.T)} -> {_shape(delta)}",
                              f"delta{l}", delta))
    for l, dW in reversed(grads):
        steps.append(Step("update", f"W{l} = W{l} - lr * dW{l}   lr = {lr:g}   {_shape(dW)}",
                          f"W{l}", net.weights[l] - lr * dW))
    return steps
