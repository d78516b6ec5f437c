"""Binder's setup (binder/) and the links made from binder/REPOSITORY (tools/links.py).

Fast and offline: nothing is installed and nothing is fetched.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([0-9][A-Za-z0-9.+\-]*)$")
RUNTIME = {"numpy", "matplotlib", "contourpy", "pillow", "ipywidgets", "ipyevents", "jupyterlab", "notebook", "ipykernel"}
TEST_TOOLS = {"pytest", "nbval", "playwright"}

sys.path.insert(0, str(ROOT / "tools"))
import links  # noqa: E402  (tools/links.py)


def requirement_lines(path):
    lines = [ln.split("#")[0].strip() for ln in path.read_text().splitlines()]
    return [ln for ln in lines if ln]


def pins(path):
    """{name: version}; fails on any line that is not an exact pin."""
    out = {}
    for line in requirement_lines(path):
        m = PIN.match(line)
        assert m, f"{path.relative_to(ROOT)}: `{line}` is not an exact pin (name==x.y.z)"
        out[m.group(1).lower().replace("_", "-")] = m.group(2)
    return out


# --- binder/requirements.txt ------------------------------------------------------------

def test_binder_pins_are_exact_and_the_same_as_requirements_txt():
    binder, top = pins(BINDER / "requirements.txt"), pins(ROOT / "requirements.txt")
    assert set(binder) == RUNTIME, f"binder/requirements.txt should name {sorted(RUNTIME)}, names {sorted(binder)}"
    differ = {name: (version, top.get(name)) for name, version in binder.items() if top.get(name) != version}
    assert not differ, f"binder/requirements.txt pins differ from requirements.txt (binder, top): {differ}"


def test_binder_installs_no_test_tools():
    named = {ln.split("==")[0].split("[")[0].lower() for ln in requirement_lines(BINDER / "requirements.txt")}
    assert not named & TEST_TOOLS, f"binder/requirements.txt names test tools: {named & TEST_TOOLS}"


def test_binder_requirements_name_no_local_path():
    """A local line (-e .., -r ...) would make repo2docker reinstall everything after every commit."""
    local = [ln for ln in requirement_lines(BINDER / "requirements.txt") if ln.startswith("-") or "/" in ln]
    assert not local, f"binder/requirements.txt: install bpnet in postBuild instead of {local}"


def test_the_notebook_pin_accepts_the_jupyterlab_pin():
    """notebook 7.4 (Binder's base image) needs jupyterlab<4.5: the pinned notebook must take the pinned lab."""
    top = pins(ROOT / "requirements.txt")
    try:
        installed = metadata.version("notebook")
    except metadata.PackageNotFoundError:
        pytest.skip("notebook is not installed here")
    if installed != top["notebook"]:
        pytest.skip(f"notebook {installed} is installed, not the pinned {top['notebook']}")
    from packaging.requirements import Requirement
    lab = [Requirement(r) for r in metadata.requires("notebook") if r.lower().startswith("jupyterlab")
           and "extra" not in r]
    lab = [r for r in lab if r.name == "jupyterlab"]
    assert lab and lab[0].specifier.contains(top["jupyterlab"]), (
        f"notebook {installed} requires {lab[0] if lab else '?'}, but jupyterlab=={top['jupyterlab']} is pinned")


# --- how bpnet and Python get onto Binder ---------------------------------------------------

def test_binder_folder_holds_only_what_binder_reads():
    # an environment.yml here would make repo2docker ignore requirements.txt (conda wins)
    assert sorted(p.name for p in BINDER.iterdir()) == ["REPOSITORY", "postBuild", "requirements.txt", "runtime.txt"]


def test_runtime_txt_asks_for_the_python_of_environment_yml():
    """Binder's default Python is 3.10; the pinned numpy, matplotlib and ipykernel need 3.11."""
    runtime = (BINDER / "runtime.txt").read_text().strip()
    assert re.fullmatch(r"python-3\.\d+", runtime), f"binder/runtime.txt must read python-3.x, reads {runtime!r}"
    conda = re.search(r"^\s*-\s*python=(3\.\d+)\s*$", (ROOT / "environment.yml").read_text(), re.M)
    assert conda and runtime == f"python-{conda.group(1)}"


def test_postbuild_is_an_executable_script_that_stops_on_error():
    post = BINDER / "postBuild"
    text = post.read_text()
    assert text.startswith("#!/bin/bash\n")
    assert re.search(r"^set -e", text, re.M), "without set -e a failed install does not fail the build"
    assert os.access(post, os.X_OK), "binder/postBuild must be executable (chmod +x)"


def test_postbuild_installs_bpnet_editable_without_dependencies(tmp_path):
    """Run postBuild as repo2docker does (from the top folder), with a stand-in python that records its call."""
    bash = shutil.which("bash")
    if not bash:
        pytest.skip("bash is not installed")
    record = tmp_path / "call.txt"
    fake = tmp_path / "env" / "bin" / "python"
    fake.parent.mkdir(parents=True)
    fake.write_text(f'#!/bin/sh\necho "$PWD|$*" > "{record}"\n')
    fake.chmod(0o755)
    env = dict(os.environ, KERNEL_PYTHON_PREFIX=str(tmp_path / "env"))
    subprocess.run([bash, "binder/postBuild"], cwd=ROOT, env=env, check=True, timeout=30)
    cwd, args = record.read_text().strip().split("|")
    assert Path(cwd).resolve() == ROOT
    assert args.split() == ["-m", "pip", "install", "--no-cache-dir", "--no-deps", "-e", "."]
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert re.search(r'^name = "bpnet"', pyproject, re.M) and 'packages = ["bpnet"]' in pyproject, (
        "`pip install -e .` at the top folder must install the bpnet package")


# --- links made from binder/REPOSITORY ------------------------------------------------------

def test_the_setting_is_one_owner_slash_name():
    assert links.REPOSITORY.match(links.read_setting())


def test_readme_and_index_have_binder_links_to_existing_notebooks():
    for name in ["README.md", "notebooks/00_index.ipynb"]:
        text = (ROOT / name).read_text()
        targets = re.findall(r"mybinder\.org/v2/gh/[^/]+/[^/]+/HEAD\?urlpath=lab/tree/([^)\s\"]+\.ipynb)", text)
        assert targets, f"{name} has no Binder links"
        missing = [t for t in targets if not (ROOT / t).exists()]
        assert not missing, f"{name}: Binder links to missing notebooks {missing}"


def test_every_link_agrees_with_the_setting():
    repository = links.read_setting()
    checked = [ROOT / "README.md", ROOT / "notebooks" / "00_index.ipynb"]
    assert set(checked) <= set(links.files())
    bad = {p.relative_to(ROOT).as_posix(): links.disagreements(p.read_text(), repository) for p in links.files()}
    bad = {name: found for name, found in bad.items() if found}
    assert not bad, (f"links that do not point at binder/REPOSITORY ({repository}): {bad}; "
                     "run python tools/links.py")


def test_the_link_patterns_see_each_kind_of_link():
    text = ("[b](https://mybinder.org/v2/gh/OWNER/REPO/HEAD?urlpath=lab/tree/notebooks/01_perceptron.ipynb)\n"
            "https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/01_perceptron.ipynb\n"
            "https://HUB/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2FOWNER%2FREPO&branch=main"
            "&urlpath=lab%2Ftree%2FREPO%2Fnotebooks%2F00_index.ipynb\n"
            "https://HUB/hub/user-redirect/git-pull?repo=https://github.com/OWNER/REPO&branch=main"
            "&urlpath=lab/tree/REPO/notebooks/00_index.ipynb\n"
            "!pip install git+https://github.com/OWNER/REPO.git@main\n"
            "and https://github.com/jupyterhub/nbgitpuller is left alone\n")
    assert len(links.links(text)) == 5
    assert len(links.disagreements(text, "alice/fork")) == 5 and not links.disagreements(text, "OWNER/REPO")
    new = links.rewrite(text, "alice/fork")
    assert new.count("alice/fork") == 4 and new.count("alice%2Ffork") == 1
    assert "lab%2Ftree%2Ffork%2Fnotebooks" in new and "lab/tree/fork/notebooks" in new  # the clone's folder
    assert "git+https://github.com/alice/fork.git@main" in new
    assert "github.com/jupyterhub/nbgitpuller" in new and "OWNER" not in new
    assert links.rewrite(new, "alice/fork") == new


def test_links_py_rewrites_copies_of_the_real_files(tmp_path):
    """A fork's one-line change, then tools/links.py, on copies of README, the index and this kit's page."""
    names = [p.relative_to(ROOT) for p in links.files()] + [Path(links.SETTING)]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    old = links.read_setting(tmp_path)
    before = {n: (tmp_path / n).read_text() for n in names if n.suffix in (".md", ".ipynb")}
    setting = tmp_path / links.SETTING
    setting.write_text(setting.read_text().replace(f"\n{old}\n", "\nalice/bpnet-fork\n"))
    assert links.read_setting(tmp_path) == "alice/bpnet-fork"

    def run(*args):
        return subprocess.run([sys.executable, str(ROOT / "tools" / "links.py"), "--root", str(tmp_path), *args],
                              capture_output=True, text=True, timeout=60)

    check = run("--check")
    assert check.returncode == 1 and "README.md:" in check.stdout and "00_index.ipynb:" in check.stdout
    assert run().returncode == 0
    assert run("--check").returncode == 0
    for name, text in before.items():
        after = (tmp_path / name).read_text()
        assert len(links.links(after)) == len(links.links(text))
        assert not links.disagreements(after, "alice/bpnet-fork")
        assert links.rewrite(after, old) == text, f"{name}: more than the links changed"
    assert json.loads((tmp_path / "notebooks" / "00_index.ipynb").read_text())["cells"]
    again = run()
    assert again.returncode == 0 and "0 links rewritten" in again.stdout
