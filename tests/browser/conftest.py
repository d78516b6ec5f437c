"""One JupyterLab server and one headless Chromium for the whole browser session.

Without Chromium or Playwright the browser tests skip, saying how to install
them; with ``CI=true`` they fail instead: CI must never pass by skipping.
"""
import pytest

from labdriver import Lab, browser_missing, cannot_run, launch, notebook_dir

LATENCY = pytest.StashKey[list]()


@pytest.fixture(scope="session")
def browser():
    missing = browser_missing()
    if missing:
        cannot_run(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def lab(browser, tmp_path_factory):
    """JupyterLab serving a copy of the notebooks (asks for ``browser`` first, so a skip starts no server)."""
    server = Lab(notebook_dir(), tmp_path_factory.mktemp("lab")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def latency(request):
    """Rows of the latency table printed at the end of the session."""
    return request.config.stash.setdefault(LATENCY, [])


def pytest_terminal_summary(terminalreporter, config):
    rows = config.stash.get(LATENCY, [])
    if not rows:
        return
    tr = terminalreporter
    tr.section("browser: key press -> new figure and summary (goal <= 400 ms at default settings)")
    tr.write_line(f"{'notebook':<28} {'explorer':>8} {'hidden size':>12} {'epochs':>8} {'3 frames':>9}"
                  f"   open / Run All")
    for row in rows:
        tr.write_line(f"{row['notebook']:<28} {row['explorer']:>8} {row['hidden']:>9.0f} ms "
                      f"{row['epochs']:>5.0f} ms {row['frames']:>7.1f} s   {row['open']:.1f} s / {row['run_all']:.1f} s")
