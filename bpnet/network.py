"""``Network``: the article's five networks as one class (after Nielsen's network.py).

Conventions, all the article's: rows are samples, so a layer computes
``z = a @ W + b`` with ``W`` of shape ``(n_in, n_out)``; training is
full-batch gradient descent on the loss *summed* over samples; L2 adds
``l2 * W`` to each weight gradient (biases are not regularised).

``forward``, ``backward`` and ``step`` also take weights with a leading
"stack" axis, ``W[l]`` of shape ``(S, n_in, n_out)``: ``@`` then multiplies
S networks' matrices at once, which is how ``bpnet.sweep`` trains fifty
seeds in one run of the same code.
"""
import numpy as np

from . import checks, training
from .activations import ACTIVATIONS
from .inits import INITS, check_biases, check_weights, draw
from .losses import OUTPUTS

SEED, EPOCHS = 0, 1000  # the defaults everywhere: Network, fit, explore.run, the explorers


class Network:
    """A fully connected network trained by back-propagation.

    Parameters
    ----------
    sizes : list of int
        Units per layer, input first: ``[3, 1]`` is the perceptron of section 1,
        ``[3, 5, 7, 2]`` the net of section 5.
    activation : {"sigmoid", "tanh", "relu"}
        The activation of every hidden layer.
    output : {"sigmoid", "softmax"}
        ``"sigmoid"``: half squared error, targets in [0, 1].
        ``"softmax"``: cross-entropy, integer labels ``0 .. sizes[-1] - 1``.
    bias : bool
        ``False`` gives the bias-free nets of sections 1-3 (``biases`` stay zero).
    init : {"uniform", "normal", "scaled"}
        How to draw the starting weights (``bpnet.inits``), as the article's
        sections 1-3, 5 and 4 do after ``np.random.seed(seed)``.
    weights, biases : list of arrays, optional
        Start from these instead (copied). ``weights[l]`` has shape
        ``(sizes[l], sizes[l + 1])``, ``biases[l]`` shape ``(sizes[l + 1],)``.
    seed : int
        Seed for the starting weights.
    """

    # The product ``@``, as the quickest numpy function that computes it. For one
    # network's 2-D weights that is ``np.dot``, the article's own: on its tiny
    # arrays it costs a third less than ``np.matmul``, a sixth of an epoch.
    # ``bpnet.sweep`` sets ``np.matmul``, which also multiplies stacks of weights.
    matmul = staticmethod(np.dot)

    def __init__(self, sizes, activation="sigmoid", output="sigmoid", bias=True, init="scaled",
                 weights=None, biases=None, seed=SEED):
        self.sizes = checks.check_sizes(sizes, output)
        self.activation = checks.check_choice("activation", activation, ACTIVATIONS)
        self.output = checks.check_choice("output", output, OUTPUTS)
        self.bias = checks.check_bool("bias", bias)
        self.init = checks.check_choice("init", init, INITS)
        seed = checks.check_seed(seed)
        self.weights, self.biases = draw(init, self.sizes, bias and weights is None, seed)
        if weights is not None:
            self.weights = check_weights(weights, self.sizes)
        if biases is not None:
            self.biases = check_biases(biases, self.sizes, bias)

    def __repr__(self):
        return (f"Network({self.sizes}, activation={self.activation!r}, output={self.output!r}, "
                f"bias={self.bias})")

    # --- the chain rule, written once ----------------------------------------

    def forward(self, X, trace=None):
        """Activations of every layer: ``a[0] = X``, ``a[l + 1] = f(a[l] @ W[l] + b[l])``.

        ``a[l]`` has shape ``(n, sizes[l])``; ``f`` is the hidden activation,
        and the output's (sigmoid or softmax) for the last layer. Each score
        ``z`` is appended to the list ``trace``, if one is given.
        """
        f, f_out, last = ACTIVATIONS[self.activation].f, OUTPUTS[self.output].f, len(self.weights) - 1
        matmul, a = self.matmul, [X]
        for l, W in enumerate(self.weights):
            z = matmul(a[l], W)  # a @ W: (n, sizes[l]) @ (sizes[l], sizes[l + 1])
            if self.bias:
                z = z + self.biases[l]
            if trace is not None:
                trace.append(z)
            a.append(f_out(z) if l == last else f(z))
        return a

    def backward(self, a, delta, l2=0.0, trace=None):
        """Gradients ``dW, db`` of the summed loss, from ``forward``'s activations ``a``.

        ``delta`` is dL/dz at the output scores, (n, k): the second value the
        output's loss gives (``bpnet.losses``). From there the chain rule runs
        down the layers. A bias-free net's ``db`` holds None per layer. Each
        delta, from the output down, is appended to the list ``trace``, if given.
        """
        df, matmul = ACTIVATIONS[self.activation].df, self.matmul
        L = len(self.weights)
        dW, db = [None] * L, [None] * L
        for l in range(L - 1, -1, -1):
            W = self.weights[l]
            if trace is not None:
                trace.append(delta)
            dW[l] = matmul(a[l].mT, delta)  # a.T @ delta: (sizes[l], n) @ (n, sizes[l + 1])
            if l2:
                dW[l] = dW[l] + l2 * W
            if self.bias:
                db[l] = delta.sum(axis=-2)  # (sizes[l + 1],)
            if l:
                delta = matmul(delta, W.mT) * df(a[l])  # (delta @ W.T) * f'(a): (n, sizes[l])
        return dW, db

    def step(self, dW, db, lr):
        """One gradient-descent step, in place: ``W = W - lr * dW``, ``b = b - lr * db``."""
        for W, g in zip(self.weights, dW):
            W -= g if lr == 1 else lr * g  # (sizes[l], sizes[l + 1]); lr = 1 skips a product
        if self.bias:
            for b, g in zip(self.biases, db):
                b -= g if lr == 1 else lr * g  # (sizes[l + 1],)

    def loss_and_delta(self, a_out, Y, l2=0.0):
        """``(L, delta)``: the summed loss (plus ``l2 / 2 * sum(W**2)``) of the output
        ``a_out`` against the (n, k) targets ``Y``, and dL/dz at the output scores."""
        loss, delta = OUTPUTS[self.output].loss(a_out, Y)
        if l2:
            loss += 0.5 * l2 * sum(float(np.vdot(W, W)) for W in self.weights)
        return loss, delta

    # --- training ---------------------------------------------------------------

    def fit(self, X, y, epochs=EPOCHS, lr=0.01, l2=0.0, grad_norms=False, test=None):
        """Full-batch gradient descent, as in the article; returns a ``History``.

        ``test=(X_test, y_test)``: held-out samples, never trained on, whose loss
        is recorded every epoch beside the training loss (``History.test_loss``).

        If the loss or the weights stop being finite (training stops there), or
        the last loss ends over ten times the first, raises ``TrainingDiverged``
        naming the epoch, with advice that was tried (``bpnet.divergence``), and
        puts the network back as it was before ``fit``. The loop: ``bpnet.training``.
        """
        X, Y = self.checked(X, y)
        epochs = checks.check_int("epochs", epochs, low=1, high=checks.MAX_EPOCHS)
        lr = checks.check_float("lr", lr, low=0, low_inclusive=False)
        l2 = checks.check_float("l2", l2, low=0)
        grad_norms = checks.check_bool("grad_norms", grad_norms)
        if checks.check_pair("test", test) is not None:
            test = self.checked(*test, names=("X_test", "y_test"))
        start = self.weights, self.biases
        self.weights, self.biases = training.copies(start)
        history, problem = training.train(self, X, Y, epochs, lr, l2, grad_norms, test)
        if problem is not None:
            training.give_up(self, start, X, Y, epochs, lr, l2, history, problem)  # raises
        return history

    # --- using the network -------------------------------------------------------

    def loss(self, X, y, l2=0.0):
        """The summed loss on ``(X, y)``, plus ``l2 / 2 * sum(W**2)``, as a float."""
        X, Y = self.checked(X, y)
        with np.errstate(over="ignore", invalid="ignore"):
            loss = self.loss_and_delta(self.forward(X)[-1], Y, checks.check_float("l2", l2, low=0))[0]
        return checks.check_finite("the loss and its L2 term", loss)

    def gradients(self, X, y, l2=0.0):
        """``dW, db``: the gradients of ``loss(X, y, l2)`` by back-propagation."""
        X, Y = self.checked(X, y)
        l2 = checks.check_float("l2", l2, low=0)
        with np.errstate(over="ignore", invalid="ignore"):
            a = self.forward(X)
            dW, db = self.backward(a, self.loss_and_delta(a[-1], Y, l2)[1], l2)
        checks.check_finite("the gradients", *dW)
        return dW, db

    def predict_proba(self, X):
        """Output of a fresh forward pass: (n,) for one sigmoid unit, else (n, k)."""
        X = checks.check_inputs(X, self.sizes[0])
        with np.errstate(over="ignore", invalid="ignore"):
            p = checks.check_finite("the outputs", self.forward(X)[-1])
        return p[:, 0] if self.output == "sigmoid" and self.sizes[-1] == 1 else p

    def predict(self, X):
        """Labels: ``p >= 0.5`` for sigmoid units, ``argmax`` for softmax."""
        p = self.predict_proba(X)
        return p.argmax(axis=1) if self.output == "softmax" else (p >= 0.5).astype(int)

    def checked(self, X, y, names=("X", "y")):
        """``(X, Y)``, checked: the targets ``y`` as the (n, k) array ``Y`` the losses take."""
        X = checks.check_inputs(X, self.sizes[0], names[0])
        return X, checks.check_targets(y, len(X), self.sizes[-1], self.output, names[1])
