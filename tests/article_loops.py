"""The article's five training loops, drawn and run the article's way.

Each function seeds numpy's global generator, draws the initial weights with
the article's calls in the article's order, keeps a copy of them, runs the
article's loop, and returns ``(start, end, out)``: the initial parameters,
the final ones, and the output of the last forward pass.  Sections 4 and 5
are in corrected form (``-= 1`` on a copy; section 5 with a softmax output),
since bpnet is correct; ``fixed=False`` gives them as written.
"""
import numpy as np

X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
FIRST = np.array([0, 0, 1, 1])
XOR = np.array([0, 1, 1, 0])


def section1(seed, epochs=10000):
    np.random.seed(seed)
    y = FIRST
    Wi = 2 * np.random.random(3) - 1
    start = [Wi.copy()]
    lo = probs = None  # stays None for epochs=0
    for _ in range(epochs):
        li = X
        lo = 1 / (1 + np.exp(-np.dot(li, Wi)))
        lo_error = y - lo
        lo_delta = lo_error * lo * (1 - lo)
        Wi += np.dot(lo_delta, li)
    return start, [Wi], lo


def section2(seed, epochs=10000):
    np.random.seed(seed)
    y = XOR
    Wi = 2 * np.random.random((3, 5)) - 1
    Wh = 2 * np.random.random(5) - 1
    start = [Wi.copy(), Wh.copy()]
    lo = probs = None  # stays None for epochs=0
    for _ in range(epochs):
        li = X
        lh = 1 / (1 + np.exp(-np.dot(li, Wi)))
        lo = 1 / (1 + np.exp(-np.dot(lh, Wh)))
        lo_error = y - lo
        lo_delta = lo_error * (lo * (1 - lo))
        lh_delta = np.outer(lo_delta, Wh) * (lh * (1 - lh))
        Wh += np.dot(lh.T, lo_delta)
        Wi += np.dot(li.T, lh_delta)
    return start, [Wi, Wh], lo


def section3(seed, epochs=10000):
    np.random.seed(seed)
    y = XOR
    Wi = 2 * np.random.random((3, 5)) - 1
    Wh1 = 2 * np.random.random((5, 4)) - 1
    Wh2 = 2 * np.random.random(4) - 1
    start = [Wi.copy(), Wh1.copy(), Wh2.copy()]
    lo = probs = None  # stays None for epochs=0
    for _ in range(epochs):
        li = X
        lh1 = 1 / (1 + np.exp(-np.dot(li, Wi)))
        lh2 = 1 / (1 + np.exp(-np.dot(lh1, Wh1)))
        lo = 1 / (1 + np.exp(-np.dot(lh2, Wh2)))
        lo_error = y - lo
        lo_delta = lo_error * (lo * (1 - lo))
        lh2_delta = np.outer(lo_delta, Wh2.T) * (lh2 * (1 - lh2))
        lh1_delta = np.dot(lh2_delta, Wh1.T) * (lh1 * (1 - lh1))
        Wh2 += np.dot(lh2.T, lo_delta)
        Wh1 += np.dot(lh1.T, lh2_delta)
        Wi += np.dot(li.T, lh1_delta)
    return start, [Wi, Wh1, Wh2], lo


def section4(seed, epochs=1000, fixed=True):
    np.random.seed(seed)
    y = XOR
    ni, nh, no = 3, 5, 2
    Wi = np.random.randn(ni, nh) / np.sqrt(ni)
    Wh = np.random.randn(nh, no) / np.sqrt(nh)
    bh = np.zeros(nh)
    bo = np.zeros(no)
    start = [Wi.copy(), Wh.copy(), bh.copy(), bo.copy()]
    lo = probs = None  # stays None for epochs=0
    for _ in range(epochs):
        lh = np.tanh(np.dot(X, Wi) + bh)
        lo = np.exp(np.dot(lh, Wh) + bo)
        probs = lo / np.sum(lo, axis=1, keepdims=True)
        if fixed:
            lo_delta = probs.copy()
            lo_delta[range(X.shape[0]), y] -= 1
        else:
            lo_delta = probs
            lo_delta[range(X.shape[0]), y] += 1
        lh_delta = np.dot(lo_delta, Wh.T) * (1 - np.power(lh, 2))
        epsilon, lamda = 0.01, 0.01
        bo += -epsilon * np.sum(lo_delta, axis=0, keepdims=True).reshape(-1)
        Wh += -epsilon * (np.dot(lh.T, lo_delta) + lamda * Wh)
        bh += -epsilon * np.sum(lh_delta, axis=0)
        Wi += -epsilon * (np.dot(X.T, lh_delta) + lamda * Wi)
    return start, [Wi, Wh, bh, bo], probs


def section5(seed, epochs=1000, sizes=(3, 5, 7, 2), fixed=True):
    np.random.seed(seed)
    y = XOR
    sizes = list(sizes)
    biases = [np.random.randn(j) for j in sizes[1:]]
    weights = [np.random.randn(i, j) for i, j in zip(sizes[:-1], sizes[1:])]
    start = [W.copy() for W in weights] + [b.copy() for b in biases]
    layers = [None] * len(sizes)
    layers[0] = X
    layers_delta = [None] * (len(sizes) - 1)
    epsilon, lamda = 0.01, 0.01
    lo = probs = None  # stays None for epochs=0
    for _ in range(epochs):
        for i in range(1, len(layers)):
            z = np.dot(layers[i - 1], weights[i - 1]) + biases[i - 1]
            if fixed and i == len(layers) - 1:  # corrected: a softmax output layer
                e = np.exp(z - z.max(axis=1, keepdims=True))
                layers[i] = e / e.sum(axis=1, keepdims=True)
            else:
                layers[i] = 1 / (1 + np.exp(-z))
        probs = layers[-1] / np.sum(layers[-1], axis=1, keepdims=True)
        if fixed:
            layers_delta[-1] = probs.copy()
            layers_delta[-1][range(X.shape[0]), y] -= 1
        else:
            layers_delta[-1] = probs
            layers_delta[-1][range(X.shape[0]), y] += 1
        for i in range(len(sizes) - 2, 0, -1):
            layers_delta[i - 1] = np.dot(layers_delta[i], weights[i].T) * (layers[i] * (1 - layers[i]))
        for i in range(len(sizes) - 2, -1, -1):
            biases[i] -= epsilon * np.sum(layers_delta[i], axis=0)
            weights[i] -= epsilon * (np.dot(layers[i].T, layers_delta[i]) + lamda * weights[i])
    return start, weights + biases, probs
