"""Plain English: short sentences in every English notebook, measured over the markdown
(code, formulas and tables left out: see tests/prose.py)."""
from pathlib import Path

import pytest

from prose import notebook_sentences

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = sorted((ROOT / "teacher").glob("*.ipynb")) + sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_sentences_are_short(path):
    found = notebook_sentences(path)
    mean = sum(map(len, found)) / len(found)
    long = [" ".join(s) for s in found if len(s) > 35]
    assert mean <= 18, f"{path.name}: {mean:.1f} words a sentence on average; at most 18"
    assert not long, f"{path.name}: sentences over 35 words: {long}"


def test_the_measure_splits_and_leaves_out_what_it_should():
    from prose import sentences
    text = ("One two three. Four `code here is one word` five.\n\n$$x = 1$$\n\n| a | b |\n|---|---|\n"
            "- item one\n- item two: $a + b$ counts once.")
    assert [len(s) for s in sentences(text)] == [3, 3, 2, 2, 3]  # a colon ends one too
