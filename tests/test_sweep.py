"""Training many seeds at once gives each seed's own fit, and the success rate counts them."""
import numpy as np
import pytest

from bpnet import Network, data
from bpnet.sweep import success_rate, train_many

X, Y = data.article("xor")


def test_train_many_matches_network_fit_seed_by_seed():
    out = train_many(X, Y, [3, 4, 1], range(6), epochs=500)
    for s in range(6):
        net = Network([3, 4, 1], bias=False, init="uniform", seed=s)
        net.fit(X, Y, epochs=500, lr=1.0)
        np.testing.assert_allclose(out[s], net.predict_proba(X), rtol=0, atol=1e-10)
    deep = train_many(X, Y, [3, 5, 4, 1], [0, 1], epochs=300, lr=0.5)
    net = Network([3, 5, 4, 1], bias=False, init="uniform", seed=1)
    net.fit(X, Y, epochs=300, lr=0.5)
    np.testing.assert_allclose(deep[1], net.predict_proba(X), rtol=0, atol=1e-10)


def test_success_rate_counts_the_seeds_that_learned_every_sample():
    seeds = range(10)
    learned = []
    for s in seeds:  # each seed on its own, judged by its own predictions
        net = Network([3, 2, 1], bias=False, init="uniform", seed=s)
        net.fit(X, Y, epochs=1000, lr=1.0)
        learned.append(list(net.predict(X)) == list(Y))
    rate = success_rate(X, Y, [3, 2, 1], seeds, epochs=1000)
    assert rate == sum(learned) / 10 and 0 < rate < 1


def test_train_many_checks_its_arguments():
    with pytest.raises(ValueError, match="seeds must name at least one seed"):
        train_many(X, Y, [3, 2, 1], [])
    with pytest.raises(ValueError, match="epochs must be an int >= 1"):
        train_many(X, Y, [3, 2, 1], [0], epochs=0)
    with pytest.raises(ValueError, match=r"X must have shape \(n, 3\)"):
        train_many(X[:, :2], Y, [3, 2, 1], [0])


def test_seeds_must_be_a_list_of_seeds():
    X, y = data.article("xor")
    with pytest.raises(TypeError, match=r"seeds must be a list of seeds, such as range\(50\), got 50"):
        train_many(X, y, [3, 5, 1], 50)
