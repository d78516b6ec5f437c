"""How long does each notebook's explorer take to answer a slider, at its defaults?

For every notebook with an explorer, this reads the ``widgets.explorer(...)``
call from the notebook itself (so it times what students get), then times
what a slider release costs in the kernel: ``explore.run`` (train) plus
``Run.png`` (draw), the two halves side by side, over several repeats.
Goal: median <= 150 ms.   Run: .venv/bin/python benchmarks/bench_explorers.py
"""
import ast
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")

from bpnet import explore, widgets  # noqa: E402

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def explorer_calls(path):
    """The keyword arguments of every ``widgets.explorer(...)`` call in a notebook's code cells."""
    for cell in json.loads(path.read_text())["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        for node in ast.walk(ast.parse(source)):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "explorer"):
                yield {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords}


def time_defaults(kwargs, repeats=7):
    """Median train and draw times (seconds) for an explorer's default settings."""
    settings = widgets.explorer(**kwargs).defaults
    train, draw = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run = explore.run(**settings)
        t1 = time.perf_counter()
        run.png()
        train.append(t1 - t0)
        draw.append(time.perf_counter() - t1)
    return statistics.median(train), statistics.median(draw), settings


def main():
    print(f"{'notebook':<24}{'train ms':>9}{'draw ms':>9}{'total ms':>10}   goal <= 150 ms")
    worst = 0.0
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for kwargs in explorer_calls(path):
            train, draw, s = time_defaults(kwargs)
            total = 1000 * (train + draw)
            worst = max(worst, total)
            print(f"{path.stem:<24}{1000 * train:>9.0f}{1000 * draw:>9.0f}{total:>10.0f}   "
                  f"{'ok' if total <= 150 else 'OVER'}  ({s['dataset']}, hidden={s['hidden']}, "
                  f"epochs={s['epochs']})")
    return worst


if __name__ == "__main__":
    main()
    sys.exit(0)
