"""Drive the notebooks in a real JupyterLab with headless Chromium (Playwright).

One ``Lab`` serves a copy of the notebooks on a free loopback port; a
``NotebookPage`` opens one of them, runs it and moves an explorer's controls.
The browser test (``test_notebooks_in_lab.py``) and the benchmarks
(``benchmarks/bench_browser.py``, ``bench_explorers.py``) share these helpers,
``explorer_calls`` among them: what each notebook's explorers are built with.
"""
import ast
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# headless, and quiet: without the networking flags Chromium floods a closed network
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
INSTALL = ("install Chromium with `apt-get install -y chromium` (it must be /usr/bin/chromium) "
           "and the pinned Playwright with `.venv/bin/pip install -r requirements.txt`; "
           "never `playwright install`, it downloads another browser")
SETTINGS = {  # JupyterLab user settings: no news, and every cell kept in the page
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}
TIMEOUT_MS = 120_000
ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output" / "browser"  # screenshots (gitignored)


def notebook_dir():
    """The notebooks to serve: ``notebooks/``, or the folder named by ``BPNET_NOTEBOOKS`` (while developing)."""
    return Path(os.environ.get("BPNET_NOTEBOOKS", ROOT / "notebooks"))


# the kernel is really ready: the indicator says idle before a kernel exists
READY = """() => { const i = document.querySelector('.jp-Notebook-ExecutionIndicator');
  const k = document.querySelector('.jp-Toolbar-kernelName');
  return !!i && i.dataset.status === 'idle' && !!k && !/No Kernel/.test(k.textContent); }"""
# Run All has finished (or stopped at an error): nothing queued, something ran
FINISHED = """() => { const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
  .map(e => e.textContent.trim());
  return p.length > 0 && !p.includes('[*]:') && p.some(s => /^\\[\\d+\\]:$/.test(s)); }"""
# per code cell: its prompt and the MIME types of its outputs
CELLS = """() => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')].map(c => ({
  prompt: c.querySelector('.jp-InputPrompt').textContent.trim(),
  collapsed: !!c.querySelector('.jp-InputPlaceholder'),  // its code out of sight: no prompt shown
  mimes: [...c.querySelectorAll('.jp-OutputArea-child > .jp-OutputArea-output')]
    .map(o => o.dataset.mimeType || '') }))"""
# start a clock at the next key press and stop it when this explorer's figure and summary change
ARM = """([box, key]) => { const img = box.querySelector('img');
  const text = box.querySelector('.bpnet-summary');
  const t = {start: null, img: null, text: null, src: img.src, summary: text.textContent};
  const press = e => { if (e.key === key) { t.start = performance.now();
    document.removeEventListener('keydown', press, true); } };
  document.addEventListener('keydown', press, true);
  new MutationObserver((_, obs) => { if (img.src !== t.src) { t.img = performance.now(); obs.disconnect(); } })
    .observe(img, {attributes: true, attributeFilter: ['src']});
  new MutationObserver((_, obs) => { if (text.textContent !== t.summary) { t.text = performance.now(); obs.disconnect(); } })
    .observe(text, {childList: true, subtree: true, characterData: true});
  box.__clock = t; }"""
REDRAWN = "box => { const t = box.__clock; return t.start !== null && t.img !== null && t.text !== null; }"
ELAPSED = "box => { const t = box.__clock; return Math.max(t.img, t.text) - t.start; }"


def explorer_calls(nb):
    """The keyword arguments of each ``widgets.explorer(...)`` call, in order (None where not all literals)."""
    from IPython.core.inputtransformer2 import TransformerManager  # notebook cells may hold magics

    calls = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(TransformerManager().transform_cell(cell.source))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "explorer":
                try:
                    calls.append({k.arg: ast.literal_eval(k.value) for k in node.keywords} if not node.args else None)
                except ValueError:
                    calls.append(None)
    return calls


def browser_missing():
    """Why the browser test cannot run here, or None when it can."""
    if not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} not found: {INSTALL}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return f"the playwright package is not installed: {INSTALL}"
    return None


def cannot_run(reason, ci=None):
    """Skip a test with ``reason``; but fail it when ``ci`` (default: the CI variable) is "true"."""
    import pytest

    ci = os.environ.get("CI", "") if ci is None else ci
    if ci.lower() == "true":
        pytest.fail(f"CI=true, so the browser test must run, but: {reason}", pytrace=False)
    pytest.skip(reason)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """A JupyterLab server on loopback serving a copy of ``notebooks``, with private settings.

    Started with ``start()``, stopped with ``stop()``: its kernels through its
    API, then the server by its process id (and process group), never by name.
    """

    def __init__(self, notebooks, workdir):
        self.notebooks, self.dir = Path(notebooks), Path(workdir)
        self.served, self.proc, self.log = self.dir / "notebooks", None, self.dir / "jupyterlab.log"

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=60):
        serve = self.served  # a copy: JupyterLab autosaves and signs what it opens
        shutil.copytree(self.notebooks, serve, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        for name, value in SETTINGS.items():
            path = self.dir / "settings" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(value))
        env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # tests set Agg; a kernel must not
        for var, sub in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                         ("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython")]:
            env[var] = str(self.dir / sub)
        cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
               "--allow-root", "--IdentityProvider.token=", "--ServerApp.password=",
               "--ServerApp.disable_check_xsrf=True", "--ServerApp.port_retries=0",
               f"--ServerApp.root_dir={serve}", f"--LabApp.user_settings_dir={self.dir / 'settings'}",
               f"--LabApp.workspaces_dir={self.dir / 'workspaces'}",
               "--LabApp.extension_manager=readonly", "--LabApp.news_url=None"]
        for _ in range(3):  # another program may take the free port before the server binds it
            self.port = free_port()
            with open(self.log, "wb") as log:
                self.proc = subprocess.Popen([*cmd, f"--port={self.port}"], stdout=log, stderr=subprocess.STDOUT,
                                             env=env, cwd=serve, start_new_session=True)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and self.proc.poll() is None:
                try:
                    with urllib.request.urlopen(f"{self.url}/api/status", timeout=2):
                        return self
                except OSError:
                    time.sleep(0.2)
            if self.proc.poll() is None:
                self.stop()
                raise RuntimeError(f"JupyterLab did not answer on {self.url} within {timeout} s:\n{self.log_tail()}")
            if "already in use" not in self.log_tail():
                break
        raise RuntimeError(f"JupyterLab exited with {self.proc.returncode}:\n{self.log_tail()}")

    def log_tail(self, n=30):
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:]) if self.log.exists() else ""

    def api(self, method, path):
        req = urllib.request.Request(f"{self.url}/api/{path}", method=method)
        with urllib.request.urlopen(req, timeout=30) as r:
            body = r.read()
        return json.loads(body) if body else None

    def shut_kernels(self):
        """Stop every kernel (between notebooks: two cores are not many)."""
        for kernel in self.api("GET", "kernels"):
            self.api("DELETE", f"kernels/{kernel['id']}")

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        try:  # kernels run in process groups of their own: ask the server to stop them first
            self.shut_kernels()
        except OSError:
            pass
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        try:  # whatever the server started and left behind, by process group id
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def launch(playwright):
    """Debian's headless Chromium (never one that Playwright would download)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class NotebookPage:
    """One notebook open in JupyterLab, in its own browser page."""

    def __init__(self, browser, lab, name):
        self.name, self.lab = name, lab
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.page.set_default_timeout(TIMEOUT_MS)

    def open(self):
        self.page.goto(f"{self.lab.url}/lab/tree/{self.name}?reset")
        self.page.wait_for_function(READY)
        return self

    def menu(self, top, item):
        self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{top}$")).click()
        self.page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{item}$")).click()

    def run_all(self):
        """Clear every output, Run All, wait until it has finished; the cells' prompts and output types."""
        self.menu("Edit", "Clear Outputs of All Cells")
        self.page.wait_for_function("() => ![...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
                                    ".some(e => /\\d/.test(e.textContent))")
        self.menu("Run", "Run All Cells")
        self.page.wait_for_function(FINISHED)
        self.page.wait_for_function(READY)
        return self.page.evaluate(CELLS)

    def texts(self, mime):
        return self.page.locator(f'.jp-OutputArea-output[data-mime-type="{mime}"]').all_inner_texts()

    def close(self):
        self.page.close()


def sizes_in(summary):
    """The layer sizes an explorer's summary states: 'sizes=[2, 5, 2]' -> [2, 5, 2]."""
    m = re.search(r"sizes=\[([\d, ]*)\]", summary)
    return [int(s) for s in m.group(1).split(",") if s.strip()] if m else None


class Explorer:
    """One ``bpnet.widgets.explorer`` on the page (the ``.bpnet-explorer`` box)."""

    def __init__(self, page, index):
        self.page = page
        self.box = page.locator(".bpnet-explorer").nth(index)

    def row(self, label):
        return self.box.locator(".widget-inline-hbox").filter(
            has=self.page.locator(f"label.widget-label:text-is('{label}')"))

    def labels(self):
        """The controls' descriptions, column by column."""
        controls = self.box.locator(".bpnet-controls label.widget-label")
        return [t.strip() for t in controls.all_inner_texts() if t.strip()]

    def value(self, label):
        return int(float(self.row(label).locator("[role=slider]").get_attribute("aria-valuenow")))

    def summary(self):
        return self.box.locator(".bpnet-summary").inner_text()

    def figure_src(self):
        return self.box.locator("img").get_attribute("src")

    def hidden_label(self):
        labels = self.labels()
        return "hidden size" if "hidden size" in labels else "hidden 1"

    def hidden_sizes(self):
        """The hidden layer sizes the sliders now ask for (as ``explorer`` builds them: a 0 drops the layer)."""
        labels = self.labels()
        if "hidden layers" in labels:
            sizes = [self.value("hidden size")] * self.value("hidden layers")
        elif "hidden size" in labels:
            sizes = [self.value("hidden size")]
        else:
            sizes = [self.value(label) for label in labels if re.fullmatch(r"hidden \d+", label)]
        return [s for s in sizes if s > 0]

    def _timed(self, key, act):
        """Do ``act`` (which ends with pressing ``key``); ms from that key press to the new figure and summary."""
        handle = self.box.element_handle()
        self.page.evaluate(ARM, [handle, key])
        act()
        self.page.wait_for_function(REDRAWN, arg=handle)
        self.page.wait_for_function(READY)
        return self.page.evaluate(ELAPSED, handle)

    def nudge_hidden(self, key=None):
        """Move the (first) hidden-size slider one step with the keyboard (up, unless at its maximum);
        the time from the key press to the new figure and summary, in ms."""
        handle = self.row(self.hidden_label()).locator("[role=slider]")
        if key is None:
            up = float(handle.get_attribute("aria-valuenow")) < float(handle.get_attribute("aria-valuemax"))
            key = "ArrowRight" if up else "ArrowLeft"
        handle.focus()
        return self._timed(key, lambda: handle.press(key))

    def type_epochs(self, epochs):
        """Type ``epochs`` into the epochs readout; the time from Enter to the new figure, in ms."""
        readout = self.row("epochs").locator(".widget-readout")

        def act():
            readout.click()
            readout.press("Control+a")
            readout.type(str(epochs))
            readout.press("Enter")
        return self._timed("Enter", act)

    def screenshot(self, path):
        self.box.scroll_into_view_if_needed()
        self.box.screenshot(path=str(path))

    def epoch(self):
        """The epoch count the explorer shows ("epoch 120")."""
        return int(re.search(r"epoch (\d+)", self.box.locator(".bpnet-epoch").inner_text()).group(1))

    def press(self, label):
        self.box.get_by_role("button", name=label, exact=True).click()

    def wait_for_epoch(self, epoch, timeout=20_000):
        from playwright.sync_api import expect

        expect(self.box.locator(".bpnet-epoch")).to_contain_text(re.compile(rf"epoch {epoch}\b"), timeout=timeout)

    def pixels(self):
        """A fingerprint of the figure's pixels, once loaded (its src is a new blob for every image)."""
        return fingerprint(self.box.locator("img"))


def fingerprint(img):
    """A hash of an <img>'s pixels and its size, read through a canvas after it has loaded."""
    return img.evaluate("""async img => { if (!img.complete || !img.naturalWidth) await img.decode();
      const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;
      const g = c.getContext('2d'); g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data; let h = 0;
      for (let i = 0; i < d.length; i += 7) h = (h * 31 + d[i]) | 0;
      return `${c.width}x${c.height}:${h}`; }""")
