"""When training fails: the judgement of a run, and advice that was tried first.

``fit`` calls a run diverged when its loss or weights stop being finite, or
when its last loss ends over ten times its first (or over ten times a blind
guess's loss, when that is larger: a net that starts almost perfect may
wobble above ten times a tiny start and still be fine). Sigmoid outputs
use 1.5 times instead of ten: their half squared error is at most four
times a blind guess's (every output off by 1), so a net driven into
saturation by a huge learning rate could never pass ten times. Advice is only
given once it has been tried: the suggested setting trains from the same
start on the same data for the same epochs without diverging, and its loss
falls.
"""
import numpy as np


class TrainingDiverged(FloatingPointError):
    """``fit`` failed: the loss stopped being finite, or ended over ten times its start.

    ``epoch`` is where it went wrong; ``history`` holds the finite losses;
    ``advice`` the setting that was tried and trained, or None.
    """

    def __init__(self, message, epoch, history, advice=None):
        super().__init__(message)
        self.epoch, self.history, self.advice = epoch, history, advice


def judge(history, stopped, finite_weights, guess, times=10):
    """None if training went well; else ``(epoch, what happened in words)``.

    ``stopped``: the epoch whose loss was not finite (None if every one was);
    ``finite_weights``: whether the weights ended finite; ``guess``: a blind
    guess's loss; ``times``: how many times ``max(start, guess)`` the last loss
    may reach (``Output.diverged_at``). Only the finite losses are left in ``history``.
    """
    if stopped is None and not finite_weights:
        stopped = len(history.loss) - 1  # the last update made the weights inf or NaN
    if stopped is not None:
        history.cut(stopped)
        return stopped, f"the loss or the weights stopped being finite at epoch {stopped + 1}"
    loss = history.loss
    limit = times * max(loss[0], guess)
    if loss[-1] <= limit:
        return None
    first = int(np.argmax(loss > limit))
    if times == 10:
        return first, (f"the loss ended at {loss[-1]:.3g}, over ten times its start "
                       f"({loss[0]:.3g}), having passed that at epoch {first + 1}")
    return first, (f"the loss ended at {loss[-1]:.3g}, over {times:g} times both its start ({loss[0]:.3g}) "
                   f"and a blind guess's ({guess:.3g}), so the outputs ended further from the targets "
                   f"than guessing 0.5; it passed that at epoch {first + 1}")


def candidates(lr, l2):
    """What to try instead, most likely first: ``(what to say, lr, l2)`` triples."""
    if lr * l2 > 1:  # W -= lr * l2 * W alone overshoots zero at every step
        top = 10.0 ** np.floor(np.log10(0.1 / lr))  # the largest power of ten with lr * l2 <= 0.1
        return [(f"l2={top / 10**k:g}", lr, top / 10**k) for k in range(4)]
    rates = [lr / 10**k for k in range(1, 5)]
    rates += [r for r in (1.0, 0.1) if r < rates[-1]]  # a rate far too large: also try the usual ones
    return [(f"lr={r:g}", r, l2) for r in rates]


def advise(lr, l2, epochs, attempt):
    """``(sentence, setting)``: advice whose every suggestion was tried first.

    ``attempt(lr, l2)`` trains the same network from the same start and gives
    ``(diverged, history)``. A setting is suggested only if it did not diverge
    *and* its loss fell (ended below where it started). ``setting`` is that
    ``(lr, l2)``, or None if none of the candidates did.
    """
    if lr * l2 > 1:
        cause = (f"lr * l2 = {lr * l2:g} is over 1, so the L2 term alone flips every weight's "
                 f"sign at each step (W -= lr * l2 * W)")
    else:
        cause = f"lr={lr:g} is too large for this network and data"
    diverged, stalled = [], []
    for words, lr_, l2_ in candidates(lr, l2):
        failed, history = attempt(lr_, l2_)
        loss = history.loss
        if not failed and loss[-1] < loss[0]:
            tried = "".join(f"; {_and(items)} {what}" for items, what in [
                (diverged, "diverged too"), (stalled, "did not diverge, but its loss ended above its start"
                                             if len(stalled) == 1 else
                                             "did not diverge, but their losses ended above their starts")]
                            if items)
            return (f"{cause}{tried}. Try {words}: from the same start it trained for all {epochs} "
                    f"epochs, its loss falling from {loss[0]:.3g} to {loss[-1]:.3g}"), (lr_, l2_)
        (diverged if failed else stalled).append(words)
    return (f"{cause}, but {_and(diverged + stalled)} did not train either, so the cause may lie "
            f"elsewhere: look at the scale of the inputs, the initial weights and l2"), None


def _and(items):
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
