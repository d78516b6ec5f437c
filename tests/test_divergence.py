"""Divergence: judged by the rules in bpnet.divergence, said in words, undone, and
answered with advice that was tried and trains."""
import re
import numpy as np
import pytest

from bpnet import History, Network, TrainingDiverged, data
from bpnet.divergence import advise, judge

Xm, ym = data.moons(n=200, seed=0)


pytestmark = pytest.mark.usefixtures("warnings_are_errors")  # any warning fails (conftest.py)


def relu_net():
    return Network([2, 16, 2], activation="relu", output="softmax", seed=0)


@pytest.mark.parametrize("lr, words", [(100.0, "stopped being finite at epoch"),
                                       (1.0, "over ten times its start")])
def test_divergence_is_said_in_words_undone_and_answered_with_advice_that_trains(lr, words):
    net = relu_net()
    before = [p.copy() for p in net.weights + net.biases]
    with pytest.raises(TrainingDiverged) as e:
        net.fit(Xm, ym, epochs=1000, lr=lr)
    message = str(e.value)
    assert "training diverged" in message and words in message, message
    assert "nan" not in message.lower() and "reset to its weights before fit()" in message
    assert all(np.array_equal(p, q) for p, q in zip(net.weights + net.biases, before))
    assert np.isfinite(e.value.history.loss).all() and 0 <= e.value.epoch < 1000
    assert len(e.value.history.loss) <= 1000
    # every learning rate named as having diverged does diverge; the one suggested trains
    suggested_lr, _ = e.value.advice
    assert f"Try lr={suggested_lr:g}:" in message
    history = relu_net().fit(Xm, ym, epochs=1000, lr=suggested_lr)
    assert history.loss[-1] < history.loss[0] and f"falling from {history.loss[0]:.3g} to {history.loss[-1]:.3g}" in message
    too = re.search(r"; (.*) diverged too", message)
    for failed in re.findall(r"lr=([\d.e+-]+)", too.group(1)) if too else []:
        with pytest.raises(TrainingDiverged):
            relu_net().fit(Xm, ym, epochs=1000, lr=float(failed))


def test_the_advice_for_lr_100_names_every_rate_it_tried():
    with pytest.raises(TrainingDiverged) as e:
        relu_net().fit(Xm, ym, epochs=1000, lr=100.0)
    assert "lr=10 and lr=1 diverged too. Try lr=0.1" in str(e.value)
    assert e.value.advice == (0.1, 0.0)


def test_a_diverging_l2_is_blamed_and_a_smaller_one_tried():
    with pytest.raises(TrainingDiverged) as e:
        relu_net().fit(Xm, ym, epochs=20, lr=0.01, l2=1e6)
    message = str(e.value)
    assert "lr * l2 = 10000 is over 1" in message and "Try l2=10:" in message
    lr, l2 = e.value.advice
    assert (lr, l2) == (0.01, 10.0)
    relu_net().fit(Xm, ym, epochs=20, lr=lr, l2=l2)


def test_advice_says_so_when_nothing_it_tried_trains():
    tried = []
    falls, rises = History(np.array([5.0, 4.0])), History(np.array([5.0, 6.0]))
    words, setting = advise(1.0, 0.0, 50, lambda lr, l2: tried.append(lr) or (True, falls))
    assert setting is None and tried == [0.1, 0.01, 0.001, 0.0001]
    assert "lr=0.1, lr=0.01, lr=0.001 and lr=0.0001 did not train either" in words
    assert "the cause may lie elsewhere" in words
    # a setting that does not diverge but whose loss rises is no advice either
    words, setting = advise(1.0, 0.0, 50, lambda lr, l2: (lr > 0.05, falls) if lr > 0.02 else (False, rises)
                            if lr > 0.005 else (False, falls))
    assert setting == (0.001, 0.0) and "lr=0.1 diverged too; lr=0.01 did not diverge, but its loss ended" in words
    assert "Try lr=0.001: from the same start it trained for all 50 epochs, its loss falling from 5 to 4" in words


@pytest.mark.parametrize("seed", range(4))
def test_good_runs_never_trip_the_check(seed):
    net = Network([2, 16, 2], activation="tanh", output="softmax", seed=seed)
    history = net.fit(Xm, ym, epochs=1000, lr=0.01)
    assert history.loss[-1] < 0.5 * history.loss[0]
    # lr=0.1 overshoots: for some epochs the loss is over ten times its start, yet it ends
    # low; only the last loss decides
    overshoot = Network([2, 16, 2], output="softmax", seed=seed).fit(Xm, ym, epochs=1000, lr=0.1)
    assert overshoot.loss.max() > 10 * overshoot.loss[0] > overshoot.loss[-1]


def test_a_net_that_starts_near_perfect_is_judged_against_a_blind_guess_too():
    """The floor: a loss that ends over ten times a tiny start but under 1.5 times a blind
    guess's is no divergence; once the outputs saturate (every one wrong: 1.0) it is."""
    X, y = data.article("xor")
    net = Network([3, 5, 1], bias=False, init="uniform", seed=0)
    net.fit(X, y, epochs=500, lr=1.0)
    start, kept = net.loss(X, y), [W.copy() for W in net.weights]
    history = net.fit(X, y, epochs=11, lr=30.0)  # worse, but not yet diverged
    guess = 4 * 0.5**2 / 2  # every output 0.5
    assert start < 0.02 and 10 * start < history.loss[-1] < 1.5 * guess
    net.weights = kept
    with pytest.raises(TrainingDiverged, match="over 1.5 times both its start"):
        net.fit(X, y, epochs=20, lr=30.0)  # saturated: the loss sits at 1.0, twice the guess's


def test_judge_reads_the_losses_as_documented():
    def h(values):
        return History(np.array(values, dtype=float))
    assert judge(h([10.0, 5.0, 1.0]), None, True, 0.5) is None
    assert judge(h([10.0, 90.0, 99.0]), None, True, 0.5) is None  # below ten times the start
    epoch, words = judge(h([10.0, 50.0, 120.0, 101.0]), None, True, 0.5)
    assert epoch == 2 and "ended at 101, over ten times its start (10)" in words
    assert judge(h([0.1, 5.0]), None, True, 1.0) is None  # the blind-guess floor: 10 * 1.0
    assert judge(h([0.1, 11.0]), None, True, 1.0)[0] == 1
    history = h([3.0, 2.0, 0.0])
    assert judge(history, 2, True, 0.5)[0] == 2 and list(history.loss) == [3.0, 2.0]
    history = h([3.0, 2.0, 1.0])
    epoch, words = judge(history, None, False, 0.5)  # the weights ended inf or NaN
    assert epoch == 2 and "stopped being finite at epoch 3" in words and len(history.loss) == 2


def test_the_borders_of_the_rules():
    h = History(np.array([1.0, 10.0]))
    assert judge(h, None, True, 0.1) is None  # exactly ten times the start is not over it
    tried = []
    advise(1.0, 1.0, 5, lambda lr, l2: tried.append((lr, l2)) or (False, History(np.array([2.0, 1.0]))))
    assert tried == [(0.1, 1.0)]  # lr * l2 = 1 is not over 1: the learning rate is blamed


def test_the_candidates_tried_and_where_a_rise_is_said_to_start():
    from bpnet.divergence import candidates
    assert [c[1:] for c in candidates(0.01, 1e6)] == [(0.01, 10.0), (0.01, 1.0), (0.01, 0.1), (0.01, 0.01)]
    assert [c[0] for c in candidates(0.01, 1e6)] == ["l2=10", "l2=1", "l2=0.1", "l2=0.01"]
    assert [c[1] for c in candidates(0.3, 0.0)] == pytest.approx([0.03, 0.003, 0.0003, 0.00003])
    # a rate far too large: the usual rates are tried after the four powers of ten below it
    assert [c[1] for c in candidates(1e6, 0.0)] == pytest.approx([1e5, 1e4, 1e3, 1e2, 1.0, 0.1])
    assert [c[1] for c in candidates(1e4, 0.0)] == pytest.approx([1e3, 1e2, 10.0, 1.0, 0.1])
    _, words = judge(History(np.array([10.0, 50.0, 120.0, 101.0])), None, True, 0.5)
    assert "having passed that at epoch 3" in words


@pytest.mark.parametrize("sizes, X, y", [([3, 5, 1], *data.article("xor")), ([2, 5, 1], Xm, ym)])
def test_sigmoid_outputs_driven_into_saturation_are_said_to_diverge(sizes, X, y):
    """Half squared error is at most four times a blind guess's, so ten times its start could
    never be passed: a huge rate that pins every output at 0 or 1 must still raise."""
    net = Network(sizes, seed=0)
    before = [W.copy() for W in net.weights]
    with pytest.raises(TrainingDiverged) as e:
        net.fit(X, y, epochs=100, lr=1e6)
    message = str(e.value)
    assert "over 1.5 times both its start" in message and "than guessing 0.5" in message, message
    assert all(np.array_equal(W, B) for W, B in zip(net.weights, before))
    lr, _ = e.value.advice  # the advice trains, from the same start
    history = Network(sizes, seed=0).fit(X, y, epochs=100, lr=lr)
    assert history.loss[-1] < history.loss[0]


def test_judge_uses_the_outputs_own_mark():
    h = lambda losses: History(np.array(losses))  # noqa: E731
    assert judge(h([0.5, 0.7]), None, True, 0.5, times=1.5) is None    # under 1.5 * 0.5
    epoch, words = judge(h([0.5, 0.6, 0.8, 1.0]), None, True, 0.5, times=1.5)
    assert epoch == 2 and "over 1.5 times both its start (0.5) and a blind guess's (0.5)" in words
    assert judge(h([0.5, 1.0]), None, True, 0.5) is None                # ten times: not passed
