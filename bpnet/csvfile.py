"""Your own data from a CSV file: two feature columns (x1, x2) and a label column.

    x1,x2,label
    0.5,1.2,0
    ...

Every error names the row and the column where it applies, and what to change.
"""
import csv
from pathlib import Path

import numpy as np

from .checks import describe

COLUMNS = ("x1", "x2", "label")


def _number(text):
    try:
        value = float(text)
    except ValueError:
        return None
    return value if np.isfinite(value) else None


def from_csv(path, header="auto"):
    """``(X, y)`` from a CSV file of rows ``x1, x2, label``.

    ``header``: "auto" skips a first row that is not numbers (column names);
    True always skips the first row; False reads it as data. Labels must be
    whole numbers; they are renumbered 0, 1, 2, ... in their sorted order.
    """
    if not isinstance(path, (str, Path)):
        raise TypeError(f"path must be a file name (a str or Path), got {describe(path)}")
    if not (header == "auto" or header is True or header is False):
        raise ValueError(f"header must be 'auto', True or False, got {describe(header)}")
    path = Path(path)
    if path.is_dir():
        raise ValueError(f"path must name a CSV file, got {str(path)!r}, which is a folder")
    if not path.is_file():
        raise ValueError(f"path must name an existing CSV file, got {str(path)!r}: there is no such "
                         f"file (in {Path.cwd()}; check the name and the folder)")
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = [(n, row) for n, row in enumerate(csv.reader(f), start=1) if any(c.strip() for c in row)]
    except UnicodeDecodeError:
        raise ValueError(f"{path.name} is not UTF-8 text: save it again as CSV UTF-8 "
                         f"(in Excel: Save As, then 'CSV UTF-8 (Comma delimited)')") from None
    if rows:
        n, first = rows[0]
        numeric = all(_number(cell) is not None for cell in first)
        if header is True and numeric:
            raise ValueError(f"header=True, but row {n} is numbers ({', '.join(first)}), not column "
                             f"names: pass header=False to read it as data")
        if header is False and not numeric:
            raise ValueError(f"row {n} is not numbers ({', '.join(first)}): it looks like a header; "
                             f"pass header='auto' or header=True to skip it")
        if header is True or (header == "auto" and not numeric):
            rows = rows[1:]
    if not rows:
        raise ValueError(f"{path.name} has no rows of data: it needs one row per point, x1, x2, label")
    values = np.empty((len(rows), 3))
    for i, (n, row) in enumerate(rows):
        if len(row) != 3:
            other = [d for d in (";", "\t", " ") if len(row) == 1 and d in row[0].strip()]
            hint = (f": its values seem separated by {other[0]!r}; from_csv needs commas (save as "
                    f"'CSV (Comma delimited)')" if other else "")
            raise ValueError(f"row {n} has {len(row)} column(s), {row!r}; every row must have 3: "
                             f"x1, x2, label{hint}")
        for j, cell in enumerate(row):
            value = _number(cell)
            if value is None:
                raise ValueError(f"row {n}, column {j + 1} ({COLUMNS[j]}) must be a finite number, "
                                 f"got {cell.strip()!r}")
            values[i, j] = value
    labels = values[:, 2]
    whole = labels == np.round(labels)
    if not whole.all():
        n = rows[int(np.argmin(whole))][0]
        raise ValueError(f"row {n}, column 3 (label) must be a whole number (a class), got {labels[~whole][0]:g}")
    classes = np.unique(labels)
    if len(classes) < 2:
        raise ValueError(f"the label column must hold at least two classes, got only {classes[0]:g} "
                         f"in all {len(rows)} rows")
    return values[:, :2], np.searchsorted(classes, labels)
