"""The two editions: the student edition is built from the teacher edition, every worked
solution passes its own self-check, and every exercise left unanswered says so, never raising."""
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import editions  # noqa: E402

TEACHER = sorted((ROOT / "teacher").glob("*.ipynb")) + sorted((ROOT / "teacher" / "zh").glob("*.ipynb"))
WORDS = {"teacher": ("correct", "Not quite", "not answered yet"), "zh": ("正确", "还不对", "还没有作答")}


def student_of(path):
    """The student edition's file for a teacher edition's notebook (English or Chinese)."""
    return ROOT / "notebooks" / path.relative_to(ROOT / "teacher")


def load(path):
    return json.loads(Path(path).read_text())


def text(cell):
    return "".join("".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", ""))
                   for o in cell.get("outputs", []))


def self_checks(teacher):
    """Where the self-check cells are: each right after an exercise's answer cell (the
    teacher edition marks those as nbgrader solutions); the student edition's are there too."""
    cells = teacher["cells"]
    return [i + 1 for i, c in enumerate(cells[:-1]) if c["cell_type"] == "code"
            and c["metadata"].get("nbgrader", {}).get("solution")]


def test_both_editions_hold_the_same_notebooks():
    for folder in ("", "zh"):
        assert sorted(p.name for p in (ROOT / "teacher" / folder).glob("*.ipynb")) == sorted(
            p.name for p in (ROOT / "notebooks" / folder).glob("*.ipynb"))


@pytest.mark.parametrize("path", TEACHER, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_student_edition_is_built_from_the_teacher_edition(path):
    built, stored = editions.student(load(path), editions.stubs_for(path.parent)), load(student_of(path))
    assert [(c["cell_type"], "".join(c["source"])) for c in built["cells"]] == [
        (c["cell_type"], "".join(c["source"])) for c in stored["cells"]], (
        f"{student_of(path).relative_to(ROOT)} differs from the teacher edition's: edit teacher/, then run `make student`")
    student = json.dumps(stored)
    assert "BEGIN SOLUTION" not in student and "What you should find" not in student


@pytest.mark.parametrize("path", TEACHER, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_solution_passes_and_every_unanswered_exercise_says_so(path):
    teacher, student = load(path), load(student_of(path))
    right, wrong, unanswered = WORDS[path.parent.name]
    checks = self_checks(teacher)
    assert len(checks) >= (3 if path.stem != "00_index" else 0), f"{path.name}: only {len(checks)} exercises"
    for solved, open_ in ((teacher["cells"][i], student["cells"][i]) for i in checks):
        name = "".join(solved["source"]).splitlines()[0]
        for cell in (solved, open_):
            assert cell["execution_count"] is not None, f"{path.name}: {name} stored unexecuted"
            assert not [o for o in cell["outputs"] if o["output_type"] == "error"], f"{path.name}: {name} raised"
        assert right in text(solved) and wrong not in text(solved), (path.name, name, text(solved))
        assert unanswered in text(open_), (path.name, name, text(open_))


def test_solution_regions_are_cleared_at_their_indentation():
    source = "def f(z):\n    ### BEGIN SOLUTION\n    answer = z + 1\n    ### END SOLUTION\n    return answer\n"
    assert editions.clear_code(source) == f"def f(z):\n    {editions.CODE_STUB}\n    return answer\n"
    with pytest.raises(ValueError, match="without"):
        editions.clear_code("### BEGIN SOLUTION\nx = 1\n")


def test_nbgrader_would_write_the_same_stubs():
    settings = (ROOT / "nbgrader_config.py").read_text()
    assert repr(editions.CODE_STUB) in settings.replace('"', "'")
    assert editions.TEXT_STUB.split("(")[0] in settings
