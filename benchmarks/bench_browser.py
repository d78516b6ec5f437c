"""How long does a student wait, in JupyterLab, between moving an explorer's slider and the new figure?

For every notebook in notebooks/ (or the folder named by BPNET_NOTEBOOKS):
open it in headless Chromium, Run All, then for each explorer move the
hidden-size slider one step and back, several times, and type an epochs
value into the readout and back; the time is measured in the page, from
the key press to the moment both the figure and the printed settings have
changed. Prints medians (and the range) beside the kernel's share: the
time the explorer's callback takes at its defaults, in this process (as
``bench_explorers.py`` measures it). Saves a screenshot of each explorer in
test-output/browser/explorers/.
Goal: median <= 400 ms at default settings (reported, not asserted).
Run: .venv/bin/python benchmarks/bench_browser.py [MOVES]   (needs /usr/bin/chromium and playwright)
"""
import re
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
import nbformat  # noqa: E402
from labdriver import (OUTPUT, Explorer, Lab, NotebookPage, browser_missing, explorer_calls,  # noqa: E402
                       launch, notebook_dir)

from bench_explorers import time_explorer  # noqa: E402


def kernel_ms(kwargs):
    """Median ms the explorer's own callback takes at its defaults, in this process
    (``bench_explorers``: the seed slider moved away and back, the return timed)."""
    if kwargs is None:
        return float("nan")
    (slider, _), _, _ = time_explorer(kwargs, rounds=5)
    return slider


def spread(ms):
    return f"{statistics.median(ms):6.0f} ({min(ms):.0f}-{max(ms):.0f})"


def main(moves=7):
    missing = browser_missing()
    if missing:
        print(f"bench_browser skipped: {missing}")
        return
    from playwright.sync_api import sync_playwright

    folder = notebook_dir()
    shots = OUTPUT / "explorers"
    shots.mkdir(parents=True, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        lab, browser = Lab(folder, tmp).start(), None
        try:
            browser = launch(playwright)
            for path in sorted(folder.glob("*.ipynb")):
                calls = explorer_calls(nbformat.read(path, as_version=4))
                if not calls:
                    continue
                page = NotebookPage(browser, lab, path.name).open()
                page.run_all()
                for i, kwargs in enumerate(calls):
                    explorer = Explorer(page.page, i)
                    explorer.screenshot(shots / f"{path.stem}-{i + 1}.png")
                    handle = explorer.row(explorer.hidden_label()).locator("[role=slider]")
                    at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
                    away, back = ("ArrowLeft", "ArrowRight") if at_max else ("ArrowRight", "ArrowLeft")
                    hidden = [explorer.nudge_hidden(key) for _ in range(moves) for key in (away, back)]
                    epochs = int(re.search(r"epochs=(\d+)", explorer.summary()).group(1))
                    other = epochs - 100 if epochs > 100 else epochs + 100
                    typed = [explorer.type_epochs(e) for _ in range(moves) for e in (other, epochs)]
                    rows.append((path.name, i + 1, spread(hidden), spread(typed), kernel_ms(kwargs)))
                page.close()
                lab.shut_kernels()
        finally:
            if browser:
                browser.close()
            lab.stop()
    print(f"key press -> new figure and summary, in the browser, ms: median (min-max) of {2 * moves} moves")
    print(f"{'notebook':<26} {'explorer':>8} {'hidden size slider':>20} {'epochs readout':>20} {'kernel share':>13}")
    for name, i, hidden, typed, kernel in rows:
        print(f"{name:<26} {i:>8} {hidden:>20} {typed:>20} {kernel:>10.0f} ms")
    print("goal: median <= 400 ms at default settings; kernel share = the explorer's callback here, at the defaults")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
