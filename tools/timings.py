"""How long each section of each notebook takes: measured from the notebooks themselves.

For every ``##`` section of every notebook it prints

- words:     words of markdown prose; fenced code blocks, formulas ($...$, $$...$$),
             tables, HTML tags and link targets are left out (an inline `code` span
             counts as one word, as it is read as one);
- code:      the number of code cells;
- kernel s:  the kernel's execution time of those cells, from each cell's stored
             metadata.execution ("shell.execute_reply" minus "iopub.execute_input");
- q, ex:     the numbered questions in a "Questions to answer with the sliders" cell,
             and the exercises (a "**Exercise N" or "### Exercise N" heading);
- minutes:   the student's time, words / 120 (a technical text read in a second
             language) + 1 per code cell (read, run, look at the output)
             + 4 per explorer question + 5 per exercise, rounded up.

A section runs from its ``##`` heading to the next one; cells above the first ``##``
heading form "(opening)". The total is the sum of the sections' minutes.

Run: python3 tools/timings.py [FOLDER]   (default: notebooks; the teacher edition: teacher)
Standard library only.
"""
import json
import math
import re
import sys
from datetime import datetime
from pathlib import Path

WORDS_PER_MINUTE, PER_CODE_CELL, PER_QUESTION, PER_EXERCISE = 120, 1, 4, 5

FENCED = re.compile(r"```.*?```", re.S)
DISPLAY_MATH = re.compile(r"\$\$.*?\$\$", re.S)
INLINE_MATH = re.compile(r"\$[^$\n]+\$")
INLINE_CODE = re.compile(r"`[^`\n]+`")
TABLE_ROW = re.compile(r"^\s*\|.*$", re.M)
LINK_TARGET = re.compile(r"\]\([^)]*\)")
HTML_TAG = re.compile(r"<[^>]+>")
EXERCISE = re.compile(r"^(\*\*|#+\s*)Exercise \d+", re.M)
QUESTION = re.compile(r"^\s*\d+\.\s", re.M)


def prose_words(markdown):
    """Words of prose in one piece of markdown."""
    text = FENCED.sub(" ", markdown)
    text = DISPLAY_MATH.sub(" ", text)
    text = INLINE_MATH.sub(" ", text)
    text = INLINE_CODE.sub(" code ", text)
    text = TABLE_ROW.sub(" ", text)
    text = HTML_TAG.sub(" ", LINK_TARGET.sub("]", text))
    return sum(1 for token in text.split() if re.search(r"\w", token))


def seconds(cell):
    """The kernel's execution time of one code cell, from its stored metadata (0 if none)."""
    ex = cell.get("metadata", {}).get("execution", {})
    if "iopub.execute_input" not in ex or "shell.execute_reply" not in ex:
        return 0.0
    start, end = (datetime.fromisoformat(ex[k].replace("Z", "+00:00"))
                  for k in ("iopub.execute_input", "shell.execute_reply"))
    return (end - start).total_seconds()


def sections(nb):
    """[name, words, code cells, kernel seconds, questions, exercises] per ## section."""
    rows = [["(opening)", 0, 0, 0.0, 0, 0]]
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code":
            rows[-1][2] += 1
            rows[-1][3] += seconds(cell)
            continue
        if cell["cell_type"] != "markdown":
            continue
        # a cell may hold several ## headings: each piece goes to its own section
        for i, piece in enumerate(re.split(r"^(?=## )", source, flags=re.M)):
            if piece.startswith("## ") and (i > 0 or source.startswith("## ")):
                rows.append([piece.splitlines()[0][3:].strip(), 0, 0, 0.0, 0, 0])
            rows[-1][1] += prose_words(piece)
            if "Questions to answer with the sliders" in piece:
                rows[-1][4] += len(QUESTION.findall(piece))
            rows[-1][5] += len(EXERCISE.findall(piece))
    return [r for r in rows if r[0] != "(opening)" or r[1] or r[2]]


def minutes(words, code, questions, exercises):
    return math.ceil(words / WORDS_PER_MINUTE + PER_CODE_CELL * code
                     + PER_QUESTION * questions + PER_EXERCISE * exercises)


def main(folder="notebooks"):
    for path in sorted(Path(folder).glob("*.ipynb")):
        rows = sections(json.loads(path.read_text(encoding="utf-8")))
        print(f"\n{path}")
        print(f"| {'section':<52} | words | code | kernel s | q | ex | minutes |")
        print(f"|{'-' * 54}|------:|-----:|---------:|--:|---:|--------:|")
        total = [0, 0, 0.0, 0, 0, 0]
        for name, words, code, secs, q, ex in rows:
            m = minutes(words, code, q, ex)
            print(f"| {name[:52]:<52} | {words:5d} | {code:4d} | {secs:8.1f} | {q:1d} | {ex:2d} | {m:7d} |")
            total = [t + v for t, v in zip(total, (words, code, secs, q, ex, m))]
        words, code, secs, q, ex, m = total
        print(f"| {'total':<52} | {words:5d} | {code:4d} | {secs:8.1f} | {q:1d} | {ex:2d} | {m:7d} |")


if __name__ == "__main__":
    main(*sys.argv[1:2])
