"""How long does each notebook's explorer take to answer a slider, at its defaults?

For every notebook with an explorer, this reads the ``widgets.explorer(...)``
call from the notebook itself (so it times what students get) and builds
that explorer. Then, over several rounds, side by side:

- slider: the ``seed`` slider is moved off its default (not timed) and back
  (timed): the explorer's own callback retrains at the default settings and
  draws over its figure. This is what a student waits for in the kernel.
- fresh: ``explore.run(**defaults).png()``, a new figure each time, as a
  notebook cell draws it (and the explorer's very first draw).

Both are split into train (``Network.fit``) and the rest (drawing, PNG).
Goal: slider median <= 250 ms in the kernel (the browser adds the rest of the 400 ms budget).
Run: .venv/bin/python benchmarks/bench_explorers.py
"""
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))

import nbformat  # noqa: E402
from labdriver import explorer_calls  # noqa: E402  (how the notebooks build their explorers)

from bpnet import explore, network, widgets  # noqa: E402

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


class FitClock:
    """Adds up the time spent in ``Network.fit`` while it is installed."""

    def __init__(self):
        self.seconds, self._fit = 0.0, network.Network.fit

    def __enter__(self):
        def timed(net, *args, **kwargs):
            t0 = time.perf_counter()
            try:
                return self._fit(net, *args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - t0
        network.Network.fit = timed
        return self

    def __exit__(self, *exc):
        network.Network.fit = self._fit


def timed(action):
    """(total, of which fit) seconds for one call of ``action``."""
    with FitClock() as clock:
        t0 = time.perf_counter()
        action()
        return time.perf_counter() - t0, clock.seconds


def time_explorer(kwargs, rounds=9):
    """Median (total, fit) seconds for a slider release and for a fresh run, interleaved."""
    box = widgets.explorer(**kwargs)
    seed = box.controls["seed"]
    default = seed.value

    def slider():
        seed.value = default

    slider_times, fresh_times = [], []
    for _ in range(rounds):
        seed.value = 1 if default == 0 else 0  # off the default: not timed
        slider_times.append(timed(slider))
        fresh_times.append(timed(lambda: explore.run(**box.defaults).png()))
    assert "bpnet says" not in box.summary.value, box.summary.value

    def median(times):
        return tuple(1000 * statistics.median(t[i] for t in times) for i in (0, 1))
    return median(slider_times), median(fresh_times), box.defaults


def main():
    print(f"{'notebook':<17}{'slider ms':>10}{'(fit)':>7}{'fresh ms':>10}{'(fit)':>7}"
          f"{'slider/fresh':>14}   goal: slider <= 250 ms")
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for kwargs in filter(None, explorer_calls(nbformat.read(path, as_version=4))):
            (slider, s_fit), (fresh, f_fit), s = time_explorer(kwargs)
            print(f"{path.stem:<17}{slider:>10.0f}{s_fit:>7.0f}{fresh:>10.0f}{f_fit:>7.0f}"
                  f"{slider / fresh:>14.2f}   {'ok' if slider <= 250 else 'OVER'}  "
                  f"({s['dataset']}, hidden={s['hidden_layer_sizes']}, epochs={s['epochs']}"
                  f"{', gradient norms' if s['grad_norms'] else ''})")


if __name__ == "__main__":
    main()
    sys.exit(0)
