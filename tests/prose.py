"""The prose of a notebook as sentences, for measuring how long they are.

Markdown only: code blocks, formulas and tables are left out; inline code and
inline formulas count as one word each; headings, HTML tags and link targets
are dropped. A sentence ends at . ? ! or : followed by a space (or the end of a
line), at a blank line, and at each item of a list.
Run: python3 tests/prose.py notebooks/*.ipynb   (prints the long ones)
"""
import json
import re
import sys

END = re.compile(r"(?<=[.?!:])\s+(?=[A-Z(*\"'`$\[\d])|\n\s*\n|\n\s*(?:[-*]|\d+\.)\s+")


def plain(markdown):
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = "\n".join(line for line in text.splitlines()
                     if not line.lstrip().startswith(("|", "#", ">"))  # tables, headings, quotes' markers
                     or line.lstrip().startswith(">") and not line.strip(">").strip().startswith(("|", "#")))
    text = re.sub(r"^\s*>\s?", "", text, flags=re.M)
    text = re.sub(r"`[^`]*`", "CODE", text)
    text = re.sub(r"\$[^$]+\$", "MATH", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # a link's text stays, its target goes
    return text


def sentences(markdown):
    """The sentences of ``markdown``, each as a list of words."""
    out = []
    for chunk in END.split("\n" + plain(markdown)):
        words = [w for w in chunk.split() if re.search(r"\w", w)]
        if words:
            out.append(words)
    return out


def notebook_sentences(path):
    cells = json.load(open(path))["cells"]
    return [s for c in cells if c["cell_type"] == "markdown" for s in sentences("".join(c["source"]))]


if __name__ == "__main__":
    for path in sys.argv[1:]:
        found = notebook_sentences(path)
        lengths = [len(s) for s in found]
        long = [s for s in found if len(s) > 35]
        print(f"{path}: {len(found)} sentences, mean {sum(lengths) / len(lengths):.1f} words, "
              f"{len(long)} over 35, longest {max(lengths)}")
        for s in long:
            print("   ", len(s), " ".join(s)[:160])
