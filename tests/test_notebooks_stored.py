"""The notebooks as stored: executed in order, no errors or warnings, widget cells
marked for nbval and followed by a cell that checks the explorer's defaults."""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EVERY = [p for folder in ("notebooks", "notebooks/zh", "teacher", "teacher/zh") for p in sorted((ROOT / folder).glob("*.ipynb"))]


def name(path):
    return f"{path.parent.relative_to(ROOT)}/{path.stem}"
EXPECTED = ["00_index", "01_perceptron", "02_three_layers", "03_four_layers",
            "04_softmax_tanh", "05_any_depth"]


def code_cells(path):
    cells = json.loads(path.read_text())["cells"]
    return [c for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_the_series_is_complete():
    assert [p.stem for p in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", EVERY, ids=name)
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


def ignored(cell):
    return "nbval-ignore-output" in cell["metadata"].get("tags", [])


@pytest.mark.parametrize("path", EVERY, ids=name)
def test_widget_cells_are_ignored_by_nbval_and_checked_by_a_collapsed_cell(path):
    """A widget's output is left to the browser tests (a tag, no comment a student reads); the
    cell after it draws the defaults, asserts, and is collapsed (its code out of sight)."""
    cells = code_cells(path)
    for i, c in enumerate(cells):
        source = "".join(c["source"])
        assert "NBVAL" not in source, f"{path.name}: test jargon in a cell a student reads: {source[:60]!r}"
        assert "the tests" not in source, f"{path.name}: test jargon in a cell: {source[:60]!r}"
        if "widgets.explorer(" in source or "widgets.stepper(" in source:
            assert ignored(c), f"{path.name}: a widget cell must carry the tag nbval-ignore-output"
            following = cells[i + 1] if i + 1 < len(cells) else {"source": [], "metadata": {}}
            assert not ignored(following) and "assert" in "".join(following["source"]), (
                f"{path.name}: a widget cell must be followed by a plain cell that asserts")
            if "widgets.explorer(" in source:
                assert following["metadata"].get("jupyter", {}).get("source_hidden"), (
                    f"{path.name}: the check after an explorer must be collapsed")


@pytest.mark.parametrize("path", EVERY, ids=name)
def test_plot_cells_end_with_show(path):
    for c in code_cells(path):
        source = "".join(c["source"])
        draws = any(k in source for k in ("plots.", "plt.subplots", "plt.plot", "ax.plot", "r.figure"))
        if draws and not ignored(c) and "def " not in source:
            assert "plt.show()" in source, f"{path.name}: a plot cell without plt.show(): {source[:80]!r}"


@pytest.mark.parametrize("path", EVERY, ids=name)
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


@pytest.mark.parametrize("path", EVERY, ids=name)
def test_a_prediction_is_asked_for_before_every_explorer_and_the_seed_sweep(path):
    cells = json.loads(path.read_text())["cells"]
    for i, c in enumerate(cells):
        source = "".join(c["source"])
        if c["cell_type"] == "code" and ("widgets.explorer(" in source or "progress(hidden_sizes" in source):
            before = "".join(cells[i - 1]["source"])
            assert "Predict before you run" in before or "先预测" in before, (
                f"{path.name}: no prediction asked for before {source.splitlines()[0]!r}")
