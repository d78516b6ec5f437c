"""Your own points from a CSV file, each bad file named in words; the stratified split."""
import numpy as np
import pytest

from bpnet import data

Xs, ys = data.load("moons", n=200, seed=0)


def write(tmp_path, text, name="points.csv"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_a_good_file_with_or_without_a_header(tmp_path):
    X, y = data.from_csv(write(tmp_path, "x1,x2,label\n0.5,1,0\n-1,2.5,1\n\n3,4,1\n"))
    np.testing.assert_array_equal(X, [[0.5, 1], [-1, 2.5], [3, 4]])
    assert list(y) == [0, 1, 1] and y.dtype.kind == "i"
    X2, y2 = data.from_csv(write(tmp_path, "0.5,1,0\n-1,2.5,1\n3,4,1\n", "bare.csv"))
    assert np.array_equal(X, X2) and np.array_equal(y, y2)
    _, y3 = data.from_csv(write(tmp_path, "0,0,2\n1,1,5\n2,2,2\n", "renumbered.csv"))
    assert list(y3) == [0, 1, 0]  # labels 2 and 5 become classes 0 and 1


@pytest.mark.parametrize("text, kwargs, words", [
    (None, {}, "path must name an existing CSV file, got"),
    ("", {}, "has no rows of data"),
    ("x1,x2,label\n", {}, "has no rows of data"),
    ("0,0,0\n1,1\n", {}, "row 2 has 2 column(s), ['1', '1']; every row must have 3: x1, x2, label"),
    ("0,0,0\n1,1,1,7\n", {}, "row 2 has 4 column(s)"),
    ("0,0,0\n1,abc,1\n", {}, "row 2, column 2 (x2) must be a finite number, got 'abc'"),
    ("0,0,0\nnan,1,1\n", {}, "row 2, column 1 (x1) must be a finite number, got 'nan'"),
    ("0,0,0\n1,1,0.5\n", {}, "row 2, column 3 (label) must be a whole number (a class), got 0.5"),
    ("0,0,1\n1,1,1\n", {}, "the label column must hold at least two classes, got only 1 in all 2 rows"),
    ("x1,x2,label\n0,0,0\n1,1,1\n", {"header": False}, "row 1 is not numbers (x1, x2, label): it looks like a header"),
    ("0,0,0\n1,1,1\n", {"header": True}, "header=True, but row 1 is numbers (0, 0, 0), not column names"),
])
def test_each_bad_file_is_named_in_words(tmp_path, text, kwargs, words):
    path = tmp_path / "missing.csv" if text is None else write(tmp_path, text)
    with pytest.raises(ValueError) as e:
        data.from_csv(path, **kwargs)
    assert words in str(e.value)


def test_bad_arguments(tmp_path):
    with pytest.raises(TypeError, match="path must be a file name"):
        data.from_csv(3)
    with pytest.raises(ValueError, match="header must be .auto., True or False, got .yes."):
        data.from_csv(write(tmp_path, "0,0,0\n1,1,1\n"), header="yes")


def test_split_is_stratified_seeded_and_keeps_every_sample_once():
    X, y = data.moons(n=200, seed=0)
    X_train, X_test, y_train, y_test = data.split(X, y, test_fraction=0.25, seed=1)
    assert len(y_test) == 50 and np.bincount(y_test).tolist() == [25, 25]
    assert sorted(map(tuple, np.vstack([X_train, X_test]))) == sorted(map(tuple, X))
    again = data.split(X, y, test_fraction=0.25, seed=1)
    assert np.array_equal(again[1], X_test) and not np.array_equal(data.split(X, y, 0.25, seed=2)[1], X_test)
    X_train, X_test, y_train, y_test = data.split(X, y, test_fraction=0.0)
    assert len(y_test) == 0 and X_test.shape == (0, 2) and len(y_train) == 200
    _, _, y_train, y_test = data.split(*data.article("xor"), test_fraction=0.9)
    assert np.bincount(y_train).tolist() == [1, 1]  # one of each class always stays to train on
    with pytest.raises(ValueError, match="test_fraction must be <= 0.9"):
        data.split(X, y, test_fraction=1.0)


@pytest.mark.parametrize("X, y, error, words", [
    (Xs, ys[:10], ValueError, "y must have shape (200,), got (10,)"),
    (Xs, np.eye(2)[ys], ValueError, "for one-hot rows pass y.argmax(axis=1)"),
    ([["a", "b"]] * 4, [0, 1, 0, 1], TypeError, "X must be an array of numbers"),
    (Xs, np.linspace(0, 1, 200), ValueError, "which is not a whole number"),
    (Xs[:, 0], ys, ValueError, "X must be a 2-D array"),
])
def test_split_names_what_is_wrong(X, y, error, words):
    with pytest.raises(error) as e:
        data.split(X, y)
    assert words in str(e.value), str(e.value)


@pytest.mark.parametrize("text, words", [
    ("x1;x2;label\n0;0;0\n1;1;1\n", "separated by ';'; from_csv needs commas"),
    ("x1\tx2\tlabel\n0\t0\t0\n1\t1\t1\n", "separated by '\\t'; from_csv needs commas"),
])
def test_a_file_from_another_locale_is_told_to_use_commas(tmp_path, text, words):
    with pytest.raises(ValueError) as e:
        data.from_csv(write(tmp_path, text))
    assert "row 2 has 1 column(s)" in str(e.value) and words in str(e.value), str(e.value)


def test_files_that_are_not_utf8_text_or_not_files(tmp_path):
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("x1,x2,label\n0,0,café\n".encode("latin-1"))
    with pytest.raises(ValueError, match="latin1.csv is not UTF-8 text: save it again as CSV UTF-8"):
        data.from_csv(latin)
    with pytest.raises(ValueError, match="which is a folder"):
        data.from_csv(tmp_path)
    for header in ("True", 1):  # the string, and 1 == True: neither is the True it means
        with pytest.raises(ValueError, match="header must be 'auto', True or False"):
            data.from_csv(write(tmp_path, "x1,x2,label\n0,0,0\n1,1,1\n"), header=header)
