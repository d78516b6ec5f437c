"""How much slower is ``Network.fit`` than the same training written by hand in numpy?

Each case times bpnet and a hand-written loop of the same network, data and
starting weights, alternating the two in one run, and prints the ratio of
their medians (these machines are noisy: only a ratio measured side by side
means anything). The hand loop does the same arithmetic as bpnet (the same
never-overflowing sigmoid and softmax, the loss recorded every epoch), so
the ratio is the price of bpnet's generality: its loops over layers, its
method calls and its divergence check.
Goal: ratio <= 1.10.   Run: .venv/bin/python benchmarks/bench_fit.py
"""
import time

import numpy as np

from bpnet import Network, data


def sigmoid(z):
    """The article's sigmoid, floored at -709 so it never overflows (as bpnet's)."""
    return 1 / (1 + np.exp(-np.maximum(z, -709.0)))


def hand_section2(X, y, Wi, Wh, epochs):
    """The article's section 2 loop (lr = 1, no biases), recording the loss."""
    loss = np.empty(epochs)
    for e in range(epochs):
        lh = sigmoid(X @ Wi)                    # (4, 5)
        lo = sigmoid(lh @ Wh)                   # (4, 1)
        loss[e] = 0.5 * np.sum((lo - y) ** 2)
        lo_delta = (lo - y) * lo * (1 - lo)     # (4, 1)
        lh_delta = (lo_delta @ Wh.T) * lh * (1 - lh)  # (4, 5)
        Wh -= lh.T @ lo_delta
        Wi -= X.T @ lh_delta
    return loss


def hand_moons(X, y, W1, b1, W2, b2, epochs, lr):
    """A 2-16-2 tanh / softmax net with cross-entropy, by hand, recording the loss."""
    loss = np.empty(epochs)
    T = np.eye(2)[y]                                        # one-hot targets, (n, 2)
    for e in range(epochs):
        h = np.tanh(X @ W1 + b1)                            # (n, 16)
        z = h @ W2 + b2                                     # (n, 2)
        e_z = np.exp(z - z.max(axis=1, keepdims=True))      # stable softmax
        probs = e_z / e_z.sum(axis=1, keepdims=True)        # (n, 2)
        loss[e] = -np.sum(T * np.log(np.maximum(probs, 1e-300)))
        delta = probs - T
        dh = (delta @ W2.T) * (1 - h**2)                    # (n, 16)
        W2 -= lr * (h.T @ delta)
        b2 -= lr * delta.sum(axis=0)
        W1 -= lr * (X.T @ dh)
        b1 -= lr * dh.sum(axis=0)
    return loss


def compare(name, run_bpnet, run_hand, repeats=15):
    t_b, t_h = [], []
    for _ in range(repeats):  # alternate, so both see the same machine load
        for run, times in ((run_bpnet, t_b), (run_hand, t_h)):
            t0 = time.perf_counter()
            run()
            times.append(time.perf_counter() - t0)
    ratio = np.median(t_b) / np.median(t_h)
    print(f"{name:<48} bpnet/hand = {ratio:5.2f}   {'ok' if ratio <= 1.10 else 'OVER 1.10'}")
    return ratio


def main():
    X, y = data.article("xor")
    net = Network([3, 5, 1], bias=False, init="uniform", seed=0)
    start = [W.copy() for W in net.weights]

    def run_bpnet():
        Network([3, 5, 1], bias=False, weights=start).fit(X, y, epochs=10000, lr=1.0)

    def run_hand():
        hand_section2(X, y[:, None], start[0].copy(), start[1].copy(), 10000)

    # same numbers first, then speed
    a = Network([3, 5, 1], bias=False, weights=start).fit(X, y, epochs=200, lr=1.0).loss
    assert np.allclose(a, hand_section2(X, y[:, None], start[0].copy(), start[1].copy(), 200))
    compare("article section 2: 3-5-1 sigmoid, 4 samples, 10000 epochs", run_bpnet, run_hand)

    Xm, ym = data.moons(n=200, noise=0.2, seed=0)
    moons = Network([2, 16, 2], hidden="tanh", output="softmax", seed=0)
    W1, W2 = moons.weights
    b1, b2 = moons.biases

    def run_bpnet_moons(epochs=2000):
        net = Network([2, 16, 2], hidden="tanh", output="softmax", weights=[W1, W2], biases=[b1, b2])
        return net.fit(Xm, ym, epochs=epochs, lr=0.01).loss

    def run_hand_moons(epochs=2000):
        return hand_moons(Xm, ym, W1.copy(), b1.copy(), W2.copy(), b2.copy(), epochs, 0.01)

    assert np.allclose(run_bpnet_moons(200), run_hand_moons(200))
    compare("moons: 2-16-2 tanh/softmax, 200 points, 2000 epochs", run_bpnet_moons, run_hand_moons)


if __name__ == "__main__":
    main()
