"""Build the student edition (notebooks/) from the teacher edition (teacher/), its one source.

The teacher edition holds every worked solution and the explorers' answers,
marked the way nbgrader marks them, so a teacher who grades with nbgrader can
use it as it is (nbgrader_config.py at the top of the repository sets the same
stubs as this script):

- in a code cell, the lines from ``### BEGIN SOLUTION`` to ``### END SOLUTION``
  become ``answer = None  # your answer: replace None`` (indented as the marker was):
  the exercise's self-check then says it is not answered yet;
- a markdown cell whose metadata marks it a solution (``nbgrader.solution``)
  becomes the text stub: the answers are in the teacher's edition.

Outputs are cleared; ``make student`` then executes the student edition.
Run: python3 tools/editions.py [TEACHER_DIR STUDENT_DIR]   (default: both languages)
"""
import json
import re
import sys
from pathlib import Path

CODE_STUB = "answer = None  # your answer: replace None"
TEXT_STUB = ("*Your teacher has the answers to these questions (the teacher's edition of this "
             "notebook). Try the sliders first.*")
# the Chinese edition's (teacher/zh -> notebooks/zh): the same stubs, in Chinese
STUBS_ZH = ("answer = None  # 你的答案：替换 None", "*这些问题的答案在教师版里（本 notebook 的教师版）。先自己动手试试滑块。*")
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"


def clear_code(source, stub=CODE_STUB):
    """``source`` with each solution region replaced by the stub, at the region's indentation."""
    out, inside = [], False
    for line in source.splitlines(keepends=True):
        if line.strip() == BEGIN:
            inside = True
            out.append(re.match(r"\s*", line).group(0) + stub + "\n")
        elif line.strip() == END:
            if not inside:
                raise ValueError(f"{END} without {BEGIN} in:\n{source}")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise ValueError(f"{BEGIN} without {END} in:\n{source}")
    return "".join(out)


def is_solution(cell):
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("solution"))


def student(nb, stubs=(CODE_STUB, TEXT_STUB)):
    """The student edition of one teacher notebook (a new dict; outputs cleared)."""
    nb = json.loads(json.dumps(nb))
    code_stub, text_stub = stubs
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code":
            source = clear_code(source, code_stub)
            cell["outputs"], cell["execution_count"] = [], None
            cell["metadata"].pop("execution", None)
        elif is_solution(cell):
            source = text_stub
        cell["metadata"].pop("nbgrader", None)  # the student edition carries no grading marks
        cell["source"] = source.splitlines(keepends=True)
    return nb


def stubs_for(folder):
    """The stubs for the edition in ``folder``: Chinese in a folder named zh."""
    return STUBS_ZH if Path(folder).name == "zh" else (CODE_STUB, TEXT_STUB)


def build(teacher_dir, student_dir):
    """Write the student edition of every notebook in ``teacher_dir`` into ``student_dir``."""
    Path(student_dir).mkdir(parents=True, exist_ok=True)
    for path in sorted(Path(teacher_dir).glob("*.ipynb")):
        nb = student(json.loads(path.read_text()), stubs_for(teacher_dir))
        (Path(student_dir) / path.name).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
        print(f"{path} -> {Path(student_dir) / path.name}")


if __name__ == "__main__":
    pairs = [sys.argv[1:3]] if len(sys.argv) > 2 else [("teacher", "notebooks"), ("teacher/zh", "notebooks/zh")]
    for teacher_dir, student_dir in pairs:
        if Path(teacher_dir).is_dir():
            build(teacher_dir, student_dir)
