"""Datasets: shapes, labels, seeds, and the article's four samples."""
import numpy as np
import pytest

from bpnet import data


def test_article_samples():
    X, y = data.article("first")
    assert X.shape == (4, 3) and (X[:, 2] == 1).all() and list(y) == list(X[:, 0].astype(int))
    X, y = data.article("xor")
    assert list(y) == [0, 1, 1, 0]
    X[0, 0] = 9  # a copy: editing it does not change the next call
    assert data.article()[0][0, 0] == 0


@pytest.mark.parametrize("name", list(data.DATASETS))
def test_2d_sets(name):
    X, y = data.load(name, n=101, seed=3)
    assert X.shape == (101, 2) and y.shape == (101,) and y.dtype.kind == "i"
    k = len(np.unique(y))
    assert k >= 2 and np.bincount(y).min() >= 101 // k - 1  # classes balanced
    X2, y2 = data.load(name, n=101, seed=3)
    assert np.array_equal(X, X2) and np.array_equal(y, y2)
    assert not np.array_equal(X, data.load(name, n=101, seed=4)[0])


def test_noise_zero_is_exact_and_noise_moves_points():
    X0, _ = data.moons(n=50, noise=0)
    assert np.allclose(np.linalg.norm(X0[:25], axis=1), 1.0)
    assert not np.allclose(data.moons(n=50, noise=0.3)[0], X0)


def test_spiral_and_blobs_classes():
    assert set(data.spiral(n=60, k=4)[1]) == {0, 1, 2, 3}
    assert set(data.blobs(n=60, k=2)[1]) == {0, 1}
