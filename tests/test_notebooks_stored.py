"""The notebooks as stored: executed in order, no errors or warnings, widget cells
marked for nbval and followed by a cell that checks the explorer's defaults."""
import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
EXPECTED = ["00_index", "01_perceptron", "02_three_layers", "03_four_layers",
            "04_softmax_tanh", "05_any_depth"]


def code_cells(path):
    cells = json.loads(path.read_text())["cells"]
    return [c for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_the_series_is_complete():
    assert [p.stem for p in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_executed_in_order_without_errors_or_warnings(path):
    cells = code_cells(path)
    counts = [c["execution_count"] for c in cells]
    assert None not in counts, f"{path.name}: cells stored unexecuted; run `make execute`"
    assert counts == sorted(counts), f"{path.name}: cells stored out of order; run `make execute`"
    for c in cells:
        for out in c["outputs"]:
            assert out["output_type"] != "error", f"{path.name}: a stored error in {c['source'][:1]}"
            assert out.get("name") != "stderr", (
                f"{path.name}: stderr output (a warning?) in cell {''.join(c['source'])[:80]!r}: "
                f"{''.join(out['text'])[:200]}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_widget_cells_are_ignored_by_nbval_and_checked_by_the_next_cell(path):
    cells = code_cells(path)
    for i, c in enumerate(cells):
        source = "".join(c["source"])
        if "widgets.explorer(" in source or "widgets.stepper(" in source:
            assert source.startswith("# NBVAL_IGNORE_OUTPUT"), (
                f"{path.name}: a widget cell must start with # NBVAL_IGNORE_OUTPUT")
            following = "".join(cells[i + 1]["source"]) if i + 1 < len(cells) else ""
            assert "NBVAL_IGNORE_OUTPUT" not in following and "assert" in following, (
                f"{path.name}: a widget cell must be followed by a plain cell that asserts")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_plot_cells_end_with_show(path):
    for c in code_cells(path):
        source = "".join(c["source"])
        draws = any(k in source for k in ("plots.", "plt.subplots", "plt.plot", "ax.plot", "r.figure"))
        if draws and "NBVAL_IGNORE_OUTPUT" not in source and "def " not in source:
            assert "plt.show()" in source, f"{path.name}: a plot cell without plt.show(): {source[:80]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_where_no_kernel_runs_each_explorer_is_shown_as_a_stored_figure(path):
    """GitHub and nbviewer run nothing: the cell after an explorer stores its figure,
    the network view included."""
    cells = code_cells(path)
    for i, c in enumerate(cells):
        if "widgets.explorer(" in "".join(c["source"]):
            after = cells[i + 1]
            assert any("image/png" in out.get("data", {}) for out in after["outputs"]), (
                f"{path.name}: the cell after an explorer stores no figure; run `make execute`")
            assert "explore.run(**box.defaults)" in "".join(after["source"])
