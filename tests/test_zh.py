"""The Chinese edition: the same notebooks, cell for cell, with the same code; only
comments and the text of strings differ. Figures keep English and symbols."""
import io
import json
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAIRS = [(en, en.parent / "zh" / en.name) for folder in ("teacher", "notebooks")
         for en in sorted((ROOT / folder).glob("*.ipynb"))]


def blanked(source):
    """The code's tokens, with every comment dropped and every string literal emptied."""
    out = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT or token.type in (tokenize.NL, tokenize.NEWLINE):
            continue
        out.append("''" if token.type == tokenize.STRING else token.string)
    return " ".join(out)


def cells(path):
    return json.loads(path.read_text())["cells"]


@pytest.mark.parametrize("en, zh", PAIRS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_chinese_notebook_has_the_same_cells_and_code(en, zh):
    assert zh.exists(), f"{zh.relative_to(ROOT)} is missing: every notebook has a Chinese edition"
    a, b = cells(en), cells(zh)
    assert [c["cell_type"] for c in a] == [c["cell_type"] for c in b], f"{zh.name}: other cells"
    for i, (x, y) in enumerate(zip(a, b)):
        assert x["metadata"].get("tags") == y["metadata"].get("tags"), f"{zh.name} cell {i}: other tags"
        assert x["metadata"].get("nbgrader") == y["metadata"].get("nbgrader"), f"{zh.name} cell {i}"
        if x["cell_type"] == "code":
            assert blanked("".join(x["source"])) == blanked("".join(y["source"])), (
                f"{zh.name} cell {i}: the code differs from the English edition's (beyond comments and strings):\n"
                f"{''.join(y['source'])[:300]}")


@pytest.mark.parametrize("en, zh", PAIRS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_prose_is_chinese(en, zh):
    prose = "".join("".join(c["source"]) for c in cells(zh) if c["cell_type"] == "markdown")
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in prose)
    assert han > 0.3 * len([ch for ch in prose if ch.isalpha()]), f"{zh.name}: most of its prose is not Chinese"


def test_blanking_keeps_the_code_and_drops_only_comments_and_strings():
    assert blanked('print("你好")  # 中文\nx = 1') == blanked('print("hello")  # English\nx = 1')
    assert blanked("x = 1") != blanked("x = 2")
