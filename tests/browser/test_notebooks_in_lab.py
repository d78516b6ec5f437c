"""Every notebook, run in a real JupyterLab, shows what a student should see.

nbval proves the notebooks run; only a browser proves the widgets render: for
each notebook, Run All from cleared outputs, then no error or traceback, no
widget left as "Loading widget..." or as plain text, no plot missing; every
explorer shows its controls and redraws, with the settings it states, when
its hidden-size slider moves and when an epochs value is typed; each
stepper answers a Step click. On failure, screenshots go to test-output/browser/.
"""
import html
import re
import time
from pathlib import Path

import nbformat
import pytest

from labdriver import (OUTPUT, READY, Explorer, NotebookPage, cannot_run, explorer_calls, fingerprint, notebook_dir,
                       sizes_in)

# both editions: the English notebooks and the Chinese ones in zh/ (the same widgets, so the
# Chinese ones get the opening checks and one slider move, not the whole live round again)
NOTEBOOKS = sorted(notebook_dir().glob("*.ipynb")) + sorted(notebook_dir().glob("zh/*.ipynb"))


def served(path):
    """The notebook's path inside the served folder: NAME.ipynb or zh/NAME.ipynb."""
    return path.relative_to(notebook_dir()).as_posix()
# what a widget looks like when the page cannot display it: an error, or its plain-text repr
WIDGET_ERRORS = ["Error displaying widget", "(children=("]  # interactive(children=(..., VBox(children=(...


def expected_explorer(kwargs):
    """What the kernel builds for these arguments: its controls' descriptions and its opening summary."""
    from bpnet import widgets

    box = widgets.explorer(**kwargs)
    controls, summary = box.children[0], box.summary
    labels = [c.description for column in controls.children for c in column.children]
    return labels, html.unescape(re.sub(r"<[^>]+>", "", summary.value))


def png_counts(nb):
    """How many figures each code cell of the stored notebook shows."""
    return [sum("image/png" in out.get("data", {}) for out in cell.get("outputs", []))
            for cell in nb.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("path", NOTEBOOKS or [None], ids=[served(p) for p in NOTEBOOKS] or ["no-notebooks"])
def test_notebook_in_lab(path, browser, lab, latency):
    if path is None:
        cannot_run(f"{notebook_dir()} holds no notebook yet")
    nb = nbformat.read(lab.served / served(path), as_version=4)  # the copy the page shows, as it was served
    page = NotebookPage(browser, lab, served(path))
    try:
        check_notebook(page, nb, served(path), latency)
    except BaseException:
        keep_screenshots(page, served(path).replace("/", "-")[:-6])
        raise
    finally:
        page.close()
        lab.shut_kernels()


def check_notebook(page, nb, name, latency):
    t0 = time.perf_counter()
    page.open()
    t1 = time.perf_counter()
    cells = page.run_all()
    timings = {"open": t1 - t0, "run_all": time.perf_counter() - t1}

    # Run All went through: every code cell ran, nothing is red, no widget is broken
    sources = [c.source for c in nb.cells if c.cell_type == "code"]
    # a collapsed cell shows no prompt: it ran if it shows outputs again (all were cleared first)
    not_run = [i for i, (c, src) in enumerate(zip(cells, sources))
               if src.strip() and not re.fullmatch(r"\[\d+\]:", c["prompt"])
               and not (c["collapsed"] and c["mimes"])]
    stderr = page.texts("application/vnd.jupyter.stderr") + page.texts("application/vnd.jupyter.error")
    assert not not_run, f"Run All stopped: code cells {not_run} did not run; errors: {stderr}"
    assert not [t for t in stderr if "Traceback" in t or "Error" in t or "Warning" in t], stderr
    outputs = page.page.locator(".jp-OutputArea-output")
    expect_count(outputs.filter(has_text="Loading widget"), 0, timeout=30_000)
    texts = "\n".join(outputs.all_inner_texts())
    for error in WIDGET_ERRORS:
        assert error not in texts, f"{name}: a widget did not display ({error!r}):\n{texts[:2000]}"

    # no plot went missing: each cell shows as many figures as the stored notebook
    shown = [c["mimes"].count("image/png") for c in cells]
    stored = png_counts(nb)
    assert len(shown) == len(stored), f"{len(shown)} code cells in the page, {len(stored)} in {name}"
    missing = [i for i, (s, want) in enumerate(zip(shown, stored)) if s < want]
    assert not missing, (f"{name}: figures missing after Run All in code cells {missing} "
                         f"(shown {[shown[i] for i in missing]}, stored {[stored[i] for i in missing]})")

    calls = explorer_calls(nb)
    explorers = page.page.locator(".bpnet-explorer")
    expect_count(explorers, len(calls))
    for i, kwargs in enumerate(calls):
        explorer = Explorer(page.page, i)
        row = check_explorer(explorer, kwargs, f"{name} explorer {i + 1}")
        chinese = name.startswith("zh/")
        if i == 0 and not chinese:  # as a student sees it after a slider move (the README shows 05's)
            page.page.set_viewport_size({"width": 1400, "height": 1700})
            explorer.screenshot(OUTPUT / f"{Path(name).stem}-explorer.png")
            page.page.set_viewport_size({"width": 1400, "height": 1000})
        row["frames"] = float("nan") if chinese else check_live(explorer, f"{name} explorer {i + 1}")
        if name.startswith("04") and i == 0:  # one explorer is enough for the data controls
            check_data_controls(explorer, kwargs, f"{name} explorer {i + 1}")
        latency.append({"notebook": name, "explorer": i + 1, **row, **timings})

    steppers = page.page.locator(".bpnet-stepper")
    if Path(name).stem.startswith("03"):
        assert steppers.count() >= 1, f"{name} should show the back-propagation stepper"
    for i in range(steppers.count()):
        check_stepper(steppers.nth(i))


def check_explorer(explorer, kwargs, where):
    """Controls there, a figure inside, and a redraw stating the new settings; the redraw times in ms."""
    labels = explorer.labels()
    if kwargs is not None:
        want_labels, want_summary = expected_explorer(kwargs)
        assert labels == want_labels, f"{where}: controls {labels}, expected {want_labels}"
        assert explorer.summary().strip() == want_summary.strip(), f"{where}: opened with another summary"
    for label in ["learning rate", "epochs", "dataset", "seed"]:
        assert label in labels, f"{where}: no {label!r} control in {labels}"
    assert "hidden size" in labels or "hidden 1" in labels, f"{where}: no hidden-size slider in {labels}"
    for label in labels:  # each slider a real slider (a handle), each menu a real <select>
        control = explorer.row(label)
        expect_count(control.locator("[role=slider], select"), 1)
    expect_count(explorer.box.locator("img"), 1)  # the figure, inside the explorer

    before = explorer.summary()
    src = explorer.figure_src()
    ms_hidden = explorer.nudge_hidden()
    after = explorer.summary()
    n_in, n_out = sizes_in(before)[0], sizes_in(before)[-1]
    want = [n_in, *explorer.hidden_sizes(), n_out]
    assert sizes_in(after) == want and want != sizes_in(before), (
        f"{where}: after the hidden-size slider moved the summary says {after!r}, expected sizes={want}")
    assert explorer.figure_src() != src, f"{where}: the figure was not redrawn"

    epochs = int(re.search(r"epochs=(\d+)", after).group(1))
    epochs = epochs - 100 if epochs > 100 else epochs + 100
    src = explorer.figure_src()
    ms_epochs = explorer.type_epochs(epochs)
    assert f" epochs={epochs} " in explorer.summary(), f"{where}: typed epochs={epochs}, got {explorer.summary()!r}"
    assert explorer.figure_src() != src, f"{where}: the figure was not redrawn"
    return {"hidden": ms_hidden, "epochs": ms_epochs}


def check_live(explorer, where):
    """Play, pause, the steps, the edges menu and reset, as a student presses them; the seconds
    play took to show three new frames."""
    page = explorer.page
    start = explorer.epoch()
    explorer.press("▶ play")
    frames, t0 = set(), time.monotonic()
    while time.monotonic() - t0 < 3.0 and len(frames) < 4:  # the first is the still it started from
        frames.add(explorer.pixels())
        page.wait_for_timeout(30)
    took = time.monotonic() - t0
    assert len(frames) >= 4, f"{where}: play showed {len(frames) - 1} new frames in 3 s"
    assert explorer.epoch() > start, f"{where}: the epoch count stayed at {start} while playing"
    explorer.press("❚❚ pause")
    from playwright.sync_api import expect
    expect(explorer.box.locator(".bpnet-epoch")).not_to_contain_text("playing", timeout=20_000)  # the still
    paused, epoch = explorer.pixels(), explorer.epoch()
    page.wait_for_timeout(600)  # several tick intervals
    assert (explorer.pixels(), explorer.epoch()) == (paused, epoch), f"{where}: frames went on after pause"
    explorer.press("+1 epoch")
    explorer.wait_for_epoch(epoch + 1)
    explorer.press("+10 epochs")
    explorer.wait_for_epoch(epoch + 11)
    edges = explorer.row("network edges").locator("select")
    before, view, src = explorer.pixels(), edges.input_value(), explorer.figure_src()
    edges.select_option("gradients" if view == "weights" else "weights")
    page.wait_for_function("([img, src]) => img.src !== src",
                           arg=[explorer.box.locator("img").element_handle(), src])
    page.wait_for_function(READY)
    assert explorer.pixels() != before and explorer.epoch() == epoch + 11, f"{where}: the edges menu did nothing"
    explorer.press("⟲ reset")
    explorer.wait_for_epoch(0)
    page.wait_for_function(READY)
    first = explorer.pixels()
    explorer.press("+1 epoch")
    explorer.wait_for_epoch(1)
    page.wait_for_function(READY)
    assert explorer.pixels() != first, f"{where}: one epoch changed nothing on the figure"
    explorer.press("⟲ reset")
    explorer.wait_for_epoch(0)
    page.wait_for_function(READY)
    page.wait_for_timeout(200)
    assert explorer.pixels() == first, f"{where}: reset did not bring back the first frame"
    return took


def map_pixel(kwargs, x1, x2):
    """Where (x1, x2) lies on the explorer's figure, in its pixels from the top left, once the
    dataset is "your points": the same figure built in this process (drawn at its own size)."""
    from bpnet import widgets

    box = widgets.explorer(**kwargs)
    box.controls["dataset"].value = "your points"
    panels = box.panels()
    column, up = panels.boundary.ax.transData.transform((x1, x2))
    return column, panels.figure.bbox.height - up


def check_data_controls(explorer, kwargs, where):
    """The noise and test sliders redraw; a click on the map adds a point the next training uses."""
    page = explorer.page
    for label, words in [("noise", "noise="), ("test fraction", "test=")]:
        before, src = explorer.summary(), explorer.figure_src()
        explorer.row(label).locator("[role=slider]").focus()
        explorer.row(label).locator("[role=slider]").press("ArrowRight")
        page.wait_for_function("([img, src]) => img.src !== src",
                               arg=[explorer.box.locator("img").element_handle(), src])
        page.wait_for_function(READY)
        assert explorer.summary() != before and words in explorer.summary(), f"{where}: {label} did nothing"
    assert "test accuracy" in explorer.summary(), f"{where}: no test accuracy with a test set"
    explorer.row("dataset").locator("select").select_option("your points")
    count = explorer.box.locator(".bpnet-points")
    expect_text(count, "4 points")
    expect_text(explorer.box.locator(".bpnet-summary"), "dataset=your points n=4 ")
    page.wait_for_function(READY)
    column, row = map_pixel(kwargs, 1.5, 1.5)
    src = explorer.figure_src()
    explorer.box.locator("img").click(position={"x": column, "y": row})
    expect_text(count, "5 points")
    expect_text(explorer.box.locator(".bpnet-summary"), "dataset=your points n=5 ")
    page.wait_for_function("([img, src]) => img.src !== src", arg=[explorer.box.locator("img").element_handle(), src])
    explorer.box.get_by_role("button", name="undo", exact=True).click()
    expect_text(count, "4 points")
    expect_text(explorer.box.locator(".bpnet-summary"), "dataset=your points n=4 ")


def check_stepper(stepper):
    view = stepper.locator(".bpnet-stepper-view")
    first = re.match(r"step 1 of (\d+)", view.inner_text())
    assert first, f"the stepper opened at {view.inner_text()[:40]!r}, not at step 1"
    drawing = fingerprint(stepper.locator("img"))
    stepper.get_by_role("button", name="Step ▶").click()
    expect_text(view, f"step 2 of {first.group(1)}")
    stepper.page.wait_for_timeout(300)
    assert fingerprint(stepper.locator("img")) != drawing, "the stepper's network drawing did not change"
    stepper.get_by_role("button", name="◀ Back").click()
    expect_text(view, f"step 1 of {first.group(1)}")


def expect_count(locator, n, timeout=10_000):
    from playwright.sync_api import expect

    expect(locator).to_have_count(n, timeout=timeout)


def expect_text(locator, text, timeout=10_000):
    from playwright.sync_api import expect

    expect(locator).to_contain_text(text, timeout=timeout)


def keep_screenshots(page, stem):
    """The whole notebook and each explorer, as the student would have seen them."""
    folder = OUTPUT / stem
    folder.mkdir(parents=True, exist_ok=True)
    try:
        page.page.screenshot(path=str(folder / "page.png"), full_page=True)
        for i in range(page.page.locator(".bpnet-explorer").count()):
            Explorer(page.page, i).screenshot(folder / f"explorer-{i + 1}.png")
    except Exception as e:  # a screenshot must not hide the failure itself
        print(f"no screenshot of {stem}: {e}")
