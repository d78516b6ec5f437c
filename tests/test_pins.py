"""requirements.txt pins every package exactly, and environment.yml (Binder) uses the same pins."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([0-9][A-Za-z0-9.+\-]*)$")


def requirement_lines(text):
    return [ln.split("#")[0].strip() for ln in text.splitlines() if ln.split("#")[0].strip()]


def conda_pip_section(text):
    """The entries under `- pip:` in environment.yml (a list of '- item' lines)."""
    lines, out, inside = text.splitlines(), [], False
    for ln in lines:
        if re.match(r"^\s*-\s*pip:\s*$", ln):
            inside, indent = True, len(ln) - len(ln.lstrip())
            continue
        if inside:
            if ln.strip() and len(ln) - len(ln.lstrip()) <= indent:
                break
            m = re.match(r"^\s*-\s*(.+?)\s*$", ln)
            if m:
                out.append(m.group(1))
    return out


def pins_of(entries, base):
    """{name: version} from pip entries, following `-r file` includes."""
    pins = {}
    for entry in entries:
        if entry.startswith("-r "):
            pins.update(pins_of(requirement_lines((base / entry[3:].strip()).read_text()), base))
        elif PIN.match(entry):
            name, version = PIN.match(entry).groups()
            pins[name.lower()] = version
    return pins


def test_every_requirement_is_pinned_exactly():
    lines = requirement_lines((ROOT / "requirements.txt").read_text())
    bad = [ln for ln in lines if not PIN.match(ln)]
    assert not bad, f"requirements.txt must pin exact versions (name==x.y.z); fix: {bad}"
    names = {PIN.match(ln).group(1).lower() for ln in lines}
    assert {"numpy", "matplotlib", "ipywidgets", "jupyterlab", "nbval", "pytest"} <= names


def test_environment_yml_has_the_same_pins():
    env = (ROOT / "environment.yml").read_text()
    assert re.search(r"^\s*-\s*python=3\.11\s*$", env, re.M), "environment.yml must ask for python=3.11"
    entries = conda_pip_section(env)
    assert "-e ." in entries, "environment.yml's pip section must install bpnet (-e .)"
    want = pins_of(requirement_lines((ROOT / "requirements.txt").read_text()), ROOT)
    got = pins_of(entries, ROOT)
    assert got == want, f"environment.yml pins {got} differ from requirements.txt {want}"


def test_conda_pip_section_parser_sees_a_drift(tmp_path):
    """The check above can fail: a copied pin that drifted is caught."""
    (tmp_path / "requirements.txt").write_text("numpy==2.4.6\n")
    entries = conda_pip_section("dependencies:\n  - pip\n  - pip:\n      - numpy==2.3.0\n")
    assert pins_of(entries, tmp_path) != pins_of(["-r requirements.txt"], tmp_path)
