"""How much slower is ``Network.fit`` than the article's own loop, and than a hand loop?

1. The article's section 2 net (3-5-1 sigmoid, no biases, lr = 1, 4 samples,
   10000 epochs): ``fit`` beside the article's loop exactly as written (its
   plain ``1 / (1 + np.exp(-z))``, ``np.outer``, no loss recorded), from the
   same starting weights. fit does more: it records the loss every epoch,
   checks that it stays finite, and judges the run at the end.
2. A 2-16-2 tanh / softmax net on 200 moons points, 2000 epochs: fit beside a
   hand loop of the same arithmetic (stable softmax, loss recorded).

The two are alternated in one run and the ratio of their medians printed
(these machines are noisy: only a ratio measured side by side means anything).
Goal: ratio <= 1.10.   Run: .venv/bin/python benchmarks/bench_fit.py
"""
import time

import numpy as np

from bpnet import Network, data


def article_section2(X, y, Wi, Wh, epochs=10000):
    """The article's section 2 loop, as written (after its own np.random draws)."""
    for i in range(epochs):
        li = X
        lh = 1 / (1 + np.exp(-np.dot(li, Wi)))
        lo = 1 / (1 + np.exp(-np.dot(lh, Wh)))
        lo_error = y - lo
        lo_delta = lo_error * (lo * (1 - lo))
        lh_delta = np.outer(lo_delta, Wh) * (lh * (1 - lh))   # outer product! thanks numpy
        Wh += np.dot(lh.T, lo_delta)
        Wi += np.dot(li.T, lh_delta)
    return lo


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


def compare(name, run_bpnet, run_other, other, repeats=15):
    t_b, t_o = [], []
    for _ in range(repeats):  # alternate, so both see the same machine load
        for run, times in ((run_bpnet, t_b), (run_other, t_o)):
            t0 = time.perf_counter()
            run()
            times.append(time.perf_counter() - t0)
    ratio = np.median(t_b) / np.median(t_o)
    print(f"{name:<52} bpnet/{other} = {ratio:5.2f}   {'ok' if ratio <= 1.10 else 'OVER 1.10'}")
    return ratio


def main():
    X, y = data.article("xor")
    net = Network([3, 5, 1], bias=False, init="uniform", seed=0)
    Wi, Wh = net.weights[0], net.weights[1][:, 0]  # the article keeps one output's weights as a vector

    def run_bpnet():
        Network([3, 5, 1], bias=False, weights=[Wi, Wh[:, None]]).fit(X, y, epochs=10000, lr=1.0)

    def run_article():
        article_section2(X, y, Wi.copy(), Wh.copy())

    # the same numbers first, then speed
    same = Network([3, 5, 1], bias=False, weights=[Wi, Wh[:, None]])
    same.fit(X, y, epochs=199, lr=1.0)
    assert np.allclose(same.predict_proba(X), article_section2(X, y, Wi.copy(), Wh.copy(), 200))
    compare("article section 2: 3-5-1 sigmoid, 4 samples, 10000 epochs", run_bpnet, run_article,
            "article")

    Xm, ym = data.moons(n=200, noise=0.2, seed=0)
    moons = Network([2, 16, 2], activation="tanh", output="softmax", seed=0)
    W1, W2 = moons.weights
    b1, b2 = moons.biases

    def run_bpnet_moons(epochs=2000):
        net = Network([2, 16, 2], activation="tanh", output="softmax", weights=[W1, W2], biases=[b1, b2])
        return net.fit(Xm, ym, epochs=epochs, lr=0.01).loss

    def run_hand_moons(epochs=2000):
        return hand_moons(Xm, ym, W1.copy(), b1.copy(), W2.copy(), b2.copy(), epochs, 0.01)

    assert np.allclose(run_bpnet_moons(200), run_hand_moons(200))
    compare("moons: 2-16-2 tanh/softmax, 200 points, 2000 epochs", run_bpnet_moons, run_hand_moons,
            "hand")


if __name__ == "__main__":
    main()
