"""When training fails: the judgement of a run, and advice that was tried first.

``fit`` calls a run diverged when its loss or weights stop being finite, or
when its last loss ends over ten times its first (or over ten times a blind
guess's loss, when that is larger: a net that starts almost perfect may
wobble above ten times a tiny start and still be fine). Advice is only
given once it has been tried: the suggested setting trains from the same
start on the same data for the same epochs without diverging.
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


def judge(history, stopped, finite_weights, guess):
    """None if training went well; else ``(epoch, what happened in words)``.

    ``stopped``: the epoch whose loss was not finite (None if every one was);
    ``finite_weights``: whether the weights ended finite; ``guess``: a blind
    guess's loss. Only the finite losses are left in ``history``.
    """
    if stopped is None and not finite_weights:
        stopped = len(history.loss) - 1  # the last update made the weights inf or NaN
    if stopped is not None:
        history.cut(stopped)
        return stopped, f"the loss or the weights stopped being finite at epoch {stopped + 1}"
    loss = history.loss
    limit = 10 * max(loss[0], guess)
    if loss[-1] <= limit:
        return None
    first = int(np.argmax(loss > limit))
    return first, (f"the loss ended at {loss[-1]:.3g}, over ten times its start "
                   f"({loss[0]:.3g}), having passed that at epoch {first + 1}")


def candidates(lr, l2):
    """What to try instead, most likely first: ``(what to say, lr, l2)`` triples."""
    if lr * l2 > 1:  # W -= lr * l2 * W alone overshoots zero at every step
        top = 10.0 ** np.floor(np.log10(0.1 / lr))  # the largest power of ten with lr * l2 <= 0.1
        return [(f"l2={top / 10**k:g}", lr, top / 10**k) for k in range(4)]
    return [(f"lr={lr / 10**k:g}", lr / 10**k, l2) for k in range(1, 5)]


def advise(lr, l2, epochs, diverges):
    """``(sentence, setting)``: advice whose every suggestion was tried with
    ``diverges(lr, l2)`` (True if that run diverged too). ``setting`` is the
    ``(lr, l2)`` that trained, or None."""
    if lr * l2 > 1:
        cause = (f"lr * l2 = {lr * l2:g} is over 1, so the L2 term alone flips every weight's "
                 f"sign at each step (W -= lr * l2 * W)")
    else:
        cause = f"lr={lr:g} is too large for this network and data"
    failed = []
    for words, lr_, l2_ in candidates(lr, l2):
        if not diverges(lr_, l2_):
            also = f"; {_and(failed)} diverged too" if failed else ""
            return (f"{cause}{also}. Try {words}: from the same start it trained for all "
                    f"{epochs} epochs without diverging"), (lr_, l2_)
        failed.append(words)
    return (f"{cause}, but {_and(failed)} diverged too, so the cause may lie elsewhere: "
            f"look at the scale of the inputs, the initial weights and l2"), None


def _and(items):
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
