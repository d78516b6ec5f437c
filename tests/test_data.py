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


def test_one_loader_for_every_menu_name():
    assert data.NAMES[:2] == ["article: first column", "article: xor"]
    X, y = data.load("article: xor")
    assert np.array_equal(X, data.article("xor")[0]) and list(y) == [0, 1, 1, 0]
    assert list(data.load("article: first column")[1]) == [0, 0, 1, 1]
    X, y = data.load("moons", n=50, seed=2, add_ones=True)
    X2, y2 = data.moons(n=50, seed=2)
    assert X.shape == (50, 3) and np.all(X[:, 2] == 1) and np.array_equal(X[:, :2], X2)
    assert np.array_equal(y, y2)
    assert np.array_equal(data.load("circles", n=50, noise=0.0)[0], data.circles(n=50, noise=0.0)[0])
    assert not np.array_equal(data.load("circles", n=50)[0], data.circles(n=50, noise=0.0)[0])


def test_moons_and_circles_have_their_shapes():
    X, y = data.moons(n=100, noise=0.0)
    top, bottom = X[y == 0], X[y == 1]
    np.testing.assert_allclose(np.linalg.norm(top, axis=1), 1.0)
    np.testing.assert_allclose(np.linalg.norm(bottom - [1.0, 0.5], axis=1), 1.0)
    assert top[:, 1].min() >= -1e-12 and bottom[:, 1].max() <= 0.5 + 1e-12
    X, y = data.circles(n=100, noise=0.0, factor=0.3)
    np.testing.assert_allclose(np.linalg.norm(X[y == 0], axis=1), 1.0)
    np.testing.assert_allclose(np.linalg.norm(X[y == 1], axis=1), 0.3)


def test_xor_and_blobs_put_each_class_where_it_belongs():
    X, y = data.xor(n=400, noise=0.1, seed=1)
    np.testing.assert_array_equal(y, (np.sign(X[:, 0]) != np.sign(X[:, 1])).astype(int))
    X, y = data.blobs(n=300, noise=0.2, seed=1, k=3)
    for c in range(3):
        centre = 2 * np.array([np.cos(2 * np.pi * c / 3), np.sin(2 * np.pi * c / 3)])
        np.testing.assert_allclose(X[y == c].mean(axis=0), centre, atol=0.1)
        assert 0.15 < X[y == c].std(axis=0).mean() < 0.25


def test_spiral_arms_wind_outward():
    X, y = data.spiral(n=300, noise=0.0, k=3)
    r = np.linalg.norm(X, axis=1)
    for c in range(3):
        assert np.all(np.diff(r[y == c]) > 0) and r[y == c].max() == pytest.approx(1.0)
