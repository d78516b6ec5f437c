"""`make lab` (tools/lab.sh) for root and non-root users, with and without a browser.

No server is started: LAB_DRY_RUN=1 prints the command, and one test runs a stand-in
`jupyter` that prints what JupyterLab prints. `id`, `uname` and the browser openers are
stand-ins too, on a PATH that holds nothing else.
"""
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASH = shutil.which("bash")
pytestmark = pytest.mark.skipif(not BASH, reason="tools/lab.sh needs bash")


def tool(folder, name, body):
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)


def lab(tmp_path, uid=1000, system="Linux", openers=(), jupyter="/nowhere/jupyter", extra=(), dry=True, **env):
    bin_ = tmp_path / "bin"
    bin_.mkdir(exist_ok=True)
    tool(bin_, "id", f"echo {uid}")
    tool(bin_, "uname", f"echo {system}")
    for opener in openers:
        tool(bin_, opener, "exit 0")
    environ = {"PATH": str(bin_), "HOME": str(tmp_path), **env}
    if dry:
        environ["LAB_DRY_RUN"] = "1"
    result = subprocess.run([BASH, str(ROOT / "tools" / "lab.sh"), jupyter, *extra],
                            capture_output=True, text=True, env=environ, timeout=60)
    return result


def command(result):
    assert result.returncode == 0, result.stderr
    line = [ln for ln in result.stdout.splitlines() if ln.startswith("lab: would run: ")]
    assert len(line) == 1, result.stdout
    return line[0].removeprefix("lab: would run: ").split()


def test_root_without_a_browser_gets_allow_root_and_no_browser(tmp_path):
    result = lab(tmp_path, uid=0, openers=["xdg-open", "sensible-browser"])   # installed, but no display
    assert command(result) == ["/nowhere/jupyter", "lab", "notebooks/", "--allow-root",
                               "--no-browser", "--ServerApp.ip=127.0.0.1"]
    assert "you are root (uid 0), so JupyterLab is started with --allow-root" in result.stdout
    assert "--no-browser on 127.0.0.1" in result.stdout


def test_a_user_at_a_desktop_gets_plain_jupyter_lab(tmp_path):
    result = lab(tmp_path, openers=["xdg-open"], DISPLAY=":0")
    assert command(result) == ["/nowhere/jupyter", "lab", "notebooks/"]
    assert "allow-root" not in result.stdout and "no-browser" not in result.stdout


def test_root_at_a_desktop_gets_allow_root_only(tmp_path):
    assert command(lab(tmp_path, uid=0, openers=["sensible-browser"], WAYLAND_DISPLAY="wayland-0"))[3:] == [
        "--allow-root"]


@pytest.mark.parametrize("openers, env", [
    ((), {"DISPLAY": ":0"}),                 # a display but nothing to open a browser with
    (("xdg-open",), {}),                     # xdg-open on a server: no display
    (("open",), {}),                         # on Linux `open` is not a browser opener
])
def test_no_browser_cases(tmp_path, openers, env):
    assert "--no-browser" in command(lab(tmp_path, openers=openers, **env))


def test_macos_opens_with_open_and_browser_variable_is_respected(tmp_path):
    assert "--no-browser" not in command(lab(tmp_path, system="Darwin", openers=["open"]))
    assert "--no-browser" not in command(lab(tmp_path, BROWSER="firefox"))


def test_extra_options_pass_through_and_an_own_ip_is_not_doubled(tmp_path):
    args = command(lab(tmp_path, uid=0, extra=["--ServerApp.ip=0.0.0.0", "--port=9000"]))
    assert args[-2:] == ["--ServerApp.ip=0.0.0.0", "--port=9000"]
    assert [a for a in args if "ip" in a.lower() and a != "--allow-root"] == ["--ServerApp.ip=0.0.0.0"]


def test_the_address_to_open_is_pointed_at_after_jupyterlab_prints_it(tmp_path):
    """A stand-in JupyterLab: its log (stderr) is passed through, then a line says what to open."""
    fake = tmp_path / "jupyter"
    url = "http://127.0.0.1:8890/lab?token=0123abcd"
    fake.write_text("#!/bin/sh\n"
                    f'echo "args: $*"\n'
                    f'echo "[I ServerApp] {url}" >&2\n'
                    f'echo "    Or copy and paste one of these URLs:" >&2\n'
                    f'echo "        {url}" >&2\n'
                    f'{shutil.which("sleep")} 2\n'
                    'echo "[I ServerApp] later" >&2\n'
                    "exit 3\n")
    fake.chmod(0o755)
    result = lab(tmp_path, uid=0, jupyter=str(fake), dry=False)
    assert result.returncode == 3, "JupyterLab's exit status is make's"
    assert "args: lab notebooks/ --allow-root --no-browser --ServerApp.ip=127.0.0.1" in result.stdout
    log = result.stderr.splitlines()
    said = [i for i, ln in enumerate(log) if "line above in your browser" in ln]
    assert len(said) == 1, result.stderr
    assert "open the http://127.0.0.1:8890/lab?token=... line above in your browser" in log[said[0]]
    assert log[said[0] + 1].split() == ["lab:", "==>", url]
    assert said[0] > max(i for i, ln in enumerate(log) if url in ln and not ln.startswith("lab:"))
    assert "[I ServerApp] later" in log


def test_make_lab_still_builds_the_venv_first_and_calls_the_helper():
    makefile = (ROOT / "Makefile").read_text()
    rule = re.search(r"^lab: (.*)\n\t(.*)$", makefile, re.M)
    assert rule and rule.group(1).strip() == "$(STAMP)"
    assert rule.group(2).startswith("bash tools/lab.sh $(BIN)/jupyter")
    assert os.access(ROOT / "tools" / "lab.sh", os.X_OK)
