"""How long does one live frame take, at each notebook's explorer defaults?

For every ``widgets.explorer(...)`` call in the notebooks (read from the
notebooks themselves), this builds that explorer, presses play and drives
its ticker as the browser does: each tick trains a chunk of epochs and
redraws. Beside it, interleaved in the same run, it times a plain new
figure of the same settings (``explore.run(...).png()``: a new matplotlib
figure, drawn whole, as a notebook cell draws one) and prints the ratio.
Goal: frame median <= 100 ms (10 frames a second).
Run: .venv/bin/python benchmarks/bench_live.py
"""
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))

import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
from labdriver import explorer_calls  # noqa: E402  (how the notebooks build their explorers)

from bpnet import explore, widgets  # noqa: E402

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def time_frames(kwargs, frames=30, fresh_every=6):
    """Median ms of a live frame (after the first, which lays out the figure) and of a new figure."""
    box = widgets.explorer(**kwargs)
    box.buttons["play"].click()
    box.ticker.value += 1  # the first frame draws the whole figure once
    frame_ms, fresh_ms = [], []
    for i in range(frames):
        t0 = time.perf_counter()
        box.ticker.value += 1
        frame_ms.append(1000 * (time.perf_counter() - t0))
        if i % fresh_every == 0:
            t0 = time.perf_counter()
            explore.run(**box.defaults).png()
            fresh_ms.append(1000 * (time.perf_counter() - t0))
            plt.close("all")
    epochs = box.training().epoch
    box.buttons["pause"].click()
    assert "bpnet says" not in box.summary.value, box.summary.value
    return statistics.median(frame_ms), max(frame_ms), statistics.median(fresh_ms), epochs


def main():
    print(f"{'notebook':<17}{'frame ms':>9}{'(max)':>7}{'new figure ms':>15}{'frame/new':>11}"
          f"{'epochs after 31':>17}   goal: frame <= 100 ms")
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for kwargs in filter(None, explorer_calls(nbformat.read(path, as_version=4))):
            frame, worst, fresh, epochs = time_frames(kwargs)
            print(f"{path.stem:<17}{frame:>9.0f}{worst:>7.0f}{fresh:>15.0f}{frame / fresh:>11.2f}{epochs:>17}"
                  f"   {'ok' if frame <= 100 else 'OVER'}")


if __name__ == "__main__":
    main()
