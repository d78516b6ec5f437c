"""Datasets as pure numpy functions returning ``(X, y)``.

``article`` gives the article's four samples; the rest are 2-D sets
(``X`` of shape (n, 2), integer labels ``y`` of shape (n,)) with ``n``
points, Gaussian ``noise`` and a ``seed``, after scikit-learn's generators.
``split`` holds some samples back for testing; ``from_csv`` (``csvfile.py``)
reads your own points from a file.
"""
import inspect

import numpy as np

from .checks import check_array, check_bool, check_choice, check_float, check_int, check_labels, check_seed
from .csvfile import from_csv  # noqa: F401  (one place to find every way to get data)

# the article's inputs: two bits and a constant 1 standing in for a bias
ARTICLE_X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=float)
ARTICLE_TARGETS = {"first": np.array([0, 0, 1, 1]), "xor": np.array([0, 1, 1, 0])}


def article(target="xor"):
    """The article's four samples: ``"first"`` (y = first column, section 1) or ``"xor"``."""
    check_choice("target", target, ARTICLE_TARGETS)
    return ARTICLE_X.copy(), ARTICLE_TARGETS[target].copy()


def _checked(n, noise, seed, min_n=2):
    n = check_int("n", n, low=min_n, high=10**6)  # a million points: more is no teaching set
    noise = check_float("noise", noise, low=0)
    return n, noise, np.random.default_rng(check_seed(seed))


def moons(n=200, noise=0.2, seed=0):
    """Two interleaving half circles (class 0 on top, class 1 below)."""
    n, noise, rng = _checked(n, noise, seed)
    n0 = n // 2
    t0, t1 = np.linspace(0, np.pi, n0), np.linspace(0, np.pi, n - n0)
    X = np.vstack([np.c_[np.cos(t0), np.sin(t0)],
                   np.c_[1 - np.cos(t1), 0.5 - np.sin(t1)]])  # (n, 2)
    y = np.r_[np.zeros(n0, int), np.ones(n - n0, int)]
    return X + noise * rng.standard_normal(X.shape), y


def circles(n=200, noise=0.1, seed=0, factor=0.5):
    """A small circle (class 1) inside a large one (class 0); ``factor`` is the radius ratio."""
    n, noise, rng = _checked(n, noise, seed)
    factor = check_float("factor", factor, low=0)
    n0 = n // 2
    t0 = np.linspace(0, 2 * np.pi, n0, endpoint=False)
    t1 = np.linspace(0, 2 * np.pi, n - n0, endpoint=False)
    X = np.vstack([np.c_[np.cos(t0), np.sin(t0)], factor * np.c_[np.cos(t1), np.sin(t1)]])
    y = np.r_[np.zeros(n0, int), np.ones(n - n0, int)]
    return X + noise * rng.standard_normal(X.shape), y


def spiral(n=300, noise=0.2, seed=0, k=3):
    """``k`` interleaved spiral arms, one class each (after Karpathy's CS231n example)."""
    k = check_int("k", k, low=2)
    n, noise, rng = _checked(n, noise, seed, min_n=k)
    y = np.arange(n) % k
    r = np.linspace(0.05, 1, -(-n // k))[np.arange(n) // k]  # radius grows along each arm to 1
    t = 4 * r + 2 * np.pi * y / k + noise * rng.standard_normal(n)
    return np.c_[r * np.sin(t), r * np.cos(t)], y


def blobs(n=200, noise=0.5, seed=0, k=2):
    """``k`` round Gaussian clusters with centres on a circle of radius 2; ``noise`` is their std."""
    k = check_int("k", k, low=2)
    n, noise, rng = _checked(n, noise, seed, min_n=k)
    y = np.arange(n) % k
    angle = 2 * np.pi * y / k
    X = 2 * np.c_[np.cos(angle), np.sin(angle)]  # (n, 2) centres
    return X + noise * rng.standard_normal(X.shape), y


def xor(n=200, noise=0.2, seed=0):
    """Noisy XOR: points around the four corners of [-1, 1]^2, class = sign(x1) != sign(x2)."""
    n, noise, rng = _checked(n, noise, seed, min_n=4)
    corners = np.array([[-1, -1], [-1, 1], [1, -1], [1, 1]], dtype=float)
    c = np.arange(n) % 4
    y = np.array([0, 1, 1, 0])[c]
    return corners[c] + noise * rng.standard_normal((n, 2)), y


# name -> generator, for the explorers' dataset menus
DATASETS = {"moons": moons, "circles": circles, "xor": xor, "blobs": blobs, "spiral": spiral}
# the article's four samples, as two more entries of those menus
ARTICLE_SETS = {"article: first column": "first", "article: xor": "xor"}
NAMES = list(ARTICLE_SETS) + list(DATASETS)


def default_noise(name):
    """The noise a data set has unless told otherwise (None for the article's four samples)."""
    check_choice("dataset", name, NAMES)
    return None if name in ARTICLE_SETS else inspect.signature(DATASETS[name]).parameters["noise"].default


def load(name, n=200, noise=None, seed=0, add_ones=False):
    """``(X, y)`` for a menu name: the article's sets, or ``DATASETS[name](n, noise, seed)``.

    ``noise=None`` keeps that set's default. ``add_ones=True`` appends the
    article's constant input, a column of ones, to a 2-D set: a bias-free
    net (sections 1-3) then still has a bias, its weight on that column.
    The article's own sets have that column already and ignore n, noise, seed.
    """
    check_choice("dataset", name, NAMES)
    if name in ARTICLE_SETS:
        return article(ARTICLE_SETS[name])
    kwargs = {} if noise is None else {"noise": noise}
    X, y = DATASETS[name](n=n, seed=seed, **kwargs)
    return (np.column_stack([X, np.ones(len(X))]), y) if check_bool("add_ones", add_ones) else (X, y)


def split(X, y, test_fraction=0.3, seed=0):
    """``(X_train, X_test, y_train, y_test)``: a seeded split, stratified by class.

    Each class keeps its share: ``round(test_fraction * n_c)`` of its ``n_c``
    samples go to the test set (at least one stays for training).
    ``test_fraction=0`` gives an empty test set.
    """
    X = check_array("X", X, ndim=2)
    check_labels(y, len(X))  # whole-number class labels, one per row of X
    y = np.asarray(y)
    test_fraction = check_float("test_fraction", test_fraction, low=0, high=0.9)
    rng = np.random.default_rng(check_seed(seed))
    test = np.zeros(len(y), dtype=bool)
    for c in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == c))
        test[members[:min(int(round(test_fraction * len(members))), len(members) - 1)]] = True
    return X[~test], X[test], y[~test], y[test]
