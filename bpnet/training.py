"""The loop inside ``Network.fit``: full-batch gradient descent, epoch by epoch.

It is the article's ``for j in range(...)`` loop: forward, loss, backward,
update, with the losses recorded in a ``History``. When a run diverges,
``give_up`` tries other settings from the same start (``bpnet.divergence``),
puts the network back as it was and raises ``TrainingDiverged``.
"""
import math

import numpy as np

from . import divergence
from .history import History
from .losses import OUTPUTS, blind_guess


def train(net, X, Y, epochs, lr, l2, grad_norms=False, test=None):
    """Train ``net`` in place on checked data: ``(history, None)``, or
    ``(history, problem)`` if it diverged (``problem`` as ``divergence.judge`` says)."""
    history = History(np.empty(epochs), np.empty((epochs, len(net.weights))) if grad_norms else None,
                      None if test is None else np.empty(epochs))
    stopped, losses = None, history.loss
    # local names for what runs every epoch: on the article's tiny arrays, a few % quicker
    forward, loss_and_delta, backward, step, isfinite = (
        net.forward, net.loss_and_delta, net.backward, net.step, math.isfinite)
    with np.errstate(over="ignore", invalid="ignore"):  # inf and NaN are told in words below
        for epoch in range(epochs):
            a = forward(X)
            loss, delta = loss_and_delta(a[-1], Y, l2)
            if not isfinite(loss):
                stopped = epoch
                break
            losses[epoch] = loss
            dW, db = backward(a, delta, l2)
            if grad_norms:
                history.grad_norms[epoch] = [math.sqrt(np.vdot(g, g)) for g in dW]
            if test is not None:  # the same weights, on samples it never trains on
                history.test_loss[epoch] = loss_and_delta(forward(test[0])[-1], test[1])[0]
            step(dW, db, lr)
    finite = all(np.isfinite(p).all() for p in net.weights + net.biases)
    guess, times = blind_guess(net.output, Y), OUTPUTS[net.output].diverged_at
    return history, divergence.judge(history, stopped, finite, guess, times)


def copies(params):
    """``(weights, biases)``, each array copied."""
    weights, biases = params
    return [W.copy() for W in weights], [b.copy() for b in biases]


def give_up(net, start, X, Y, epochs, lr, l2, history, problem):
    """After a diverged run: try other settings from ``start`` (the weights and
    biases before ``fit``), put ``net`` back at ``start``, raise ``TrainingDiverged``."""
    def attempt(lr_, l2_):  # the same run with other settings, from the same start
        net.weights, net.biases = copies(start)
        history_, problem_ = train(net, X, Y, epochs, lr_, l2_)
        return problem_ is not None, history_

    advice, setting = divergence.advise(lr, l2, epochs, attempt)
    net.weights, net.biases = start
    raise divergence.TrainingDiverged(
        f"training diverged: {problem[1]} of {epochs}; {advice}. The network was reset to its "
        f"weights before fit().", problem[0], history, setting)
