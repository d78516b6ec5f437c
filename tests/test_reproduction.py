"""bpnet reproduces each of the article's five loops to 1e-10, from the same start."""
import numpy as np
import pytest

import article_loops as art
from bpnet import Network

SEEDS = [0, 1, 2]
TOL = dict(rtol=0, atol=1e-10)


def column(W):
    """The article keeps a single output unit's weights as a vector; bpnet as a column."""
    return W.reshape(-1, 1) if W.ndim == 1 else W


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("section, sizes", [(art.section1, [3, 1]), (art.section2, [3, 5, 1]),
                                            (art.section3, [3, 5, 4, 1])])
def test_sigmoid_sections_1_to_3(section, sizes, seed):
    start, end, lo = section(seed)
    net = Network(sizes, bias=False, weights=[column(W) for W in start])
    y = art.FIRST if section is art.section1 else art.XOR
    # the article prints lo from its last forward pass, taken before the last update
    net.fit(art.X, y, epochs=9999, lr=1.0)
    np.testing.assert_allclose(net.predict_proba(art.X), lo, **TOL)
    net.fit(art.X, y, epochs=1, lr=1.0)
    for W, W_article in zip(net.weights, end):
        np.testing.assert_allclose(W, column(W_article), **TOL)


def assert_same_run(net, end, probs):
    """Sections 4 and 5: 999 epochs give the article's last probs, one more its weights."""
    net.fit(art.X, art.XOR, epochs=999, lr=0.01, l2=0.01)
    np.testing.assert_allclose(net.predict_proba(art.X), probs, **TOL)
    net.fit(art.X, art.XOR, epochs=1, lr=0.01, l2=0.01)
    for got, want in zip(net.weights + net.biases, end):
        np.testing.assert_allclose(got, want, **TOL)


def test_section_4_corrected():
    for seed in SEEDS:
        (Wi, Wh, bh, bo), end, probs = art.section4(seed)
        net = Network([3, 5, 2], activation="tanh", output="softmax", weights=[Wi, Wh], biases=[bh, bo])
        assert_same_run(net, end, probs)


def test_section_5_corrected():
    sizes = [3, 5, 7, 2]
    for seed in SEEDS:
        start, end, probs = art.section5(seed, sizes=sizes)
        net = Network(sizes, output="softmax", weights=start[:3], biases=start[3:])
        assert_same_run(net, end, probs)


@pytest.mark.parametrize("section, kwargs", [
    (art.section1, dict(sizes=[3, 1], bias=False, init="uniform")),
    (art.section2, dict(sizes=[3, 5, 1], bias=False, init="uniform")),
    (art.section3, dict(sizes=[3, 5, 4, 1], bias=False, init="uniform")),
    (art.section4, dict(sizes=[3, 5, 2], init="scaled")),
    (art.section5, dict(sizes=[3, 5, 7, 2], init="normal")),
])
def test_seed_draws_the_articles_start(section, kwargs):
    """Network(..., seed=s) starts where the article starts after np.random.seed(s)."""
    start, _, _ = section(3, epochs=0)
    net = Network(seed=3, **kwargs)
    params = net.weights + (net.biases if kwargs.get("bias", True) else [])
    assert len(params) == len(start)
    for got, want in zip(params, start):
        np.testing.assert_array_equal(got, column(want) if got.shape[1:] == (1,) else want)


def test_the_articles_results():
    """What the article's runs show (article.md's table), through bpnet."""
    X, first, xor = art.X, art.FIRST, art.XOR
    net = Network([3, 1], bias=False, init="uniform", seed=0)
    net.fit(X, first, epochs=10000, lr=1.0)
    np.testing.assert_allclose(net.predict_proba(X), first, atol=0.02)
    for sizes in ([3, 5, 1], [3, 5, 4, 1]):
        net = Network(sizes, bias=False, init="uniform", seed=0)
        net.fit(X, xor, epochs=10000, lr=1.0)
        np.testing.assert_allclose(net.predict_proba(X), xor, atol=0.05)
    for seed in (0, 1, 2, 3):  # notebook 04, part 9: "Seeds 1, 2 and 3 do too"
        net = Network([3, 5, 2], activation="tanh", output="softmax", init="scaled", seed=seed)
        net.fit(X, xor, epochs=1000, lr=0.01, l2=0.01)
        assert list(net.predict(X)) == list(xor), seed
        _, _, probs = art.section4(seed)  # the article's corrected loop, its last probs
        assert list(probs.argmax(axis=1)) == list(xor), seed
