"""The README's notebook table and the notebooks folder agree."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_notebook_is_linked_and_every_link_exists():
    readme = (ROOT / "README.md").read_text()
    linked = set(re.findall(r"\]\((notebooks/[^)]+\.ipynb)\)", readme))
    present = {f"notebooks/{p.name}" for p in (ROOT / "notebooks").glob("*.ipynb")} | {"notebooks/zh/00_index.ipynb"}
    assert linked - present == set(), f"README links notebooks that do not exist: {linked - present}"
    assert present - linked == set(), f"notebooks missing from the README table: {present - linked}"
    assert (ROOT / "notebooks" / "zh" / "00_index.ipynb").exists(), "the Chinese edition's index is missing"


def test_binder_links_open_existing_notebooks_in_jupyterlab():
    readme = (ROOT / "README.md").read_text()
    targets = re.findall(r"mybinder\.org/v2/gh/([^/]+/[^/]+)/HEAD\?urlpath=lab/tree/(notebooks/[^)\s]+)", readme)
    assert targets, "README has no Binder links"
    assert len({repo for repo, _ in targets}) == 1, "one repository name for every Binder link"
    for _, path in targets:
        assert (ROOT / path).exists(), f"Binder link to a missing notebook: {path}"


def test_the_package_table_names_every_module():
    readme = (ROOT / "README.md").read_text()
    listed = set(re.findall(r"\]\(bpnet/([a-z_]+\.py)\)", readme))
    modules = {p.name for p in (ROOT / "bpnet").glob("*.py")} - {"__init__.py"}
    assert modules - listed == set(), f"bpnet modules the README's table leaves out: {modules - listed}"
    assert listed - modules == set(), f"the README's table names files that do not exist: {listed - modules}"
