"""Argument checks for the public API: each error names the argument, what it
must be, and what it got, so a student knows what to change."""
import numbers

import numpy as np

from .losses import one_hot


def describe(value):
    """A short description of a bad value for an error message."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_int(name, value, low=None, high=None):
    """Return ``value`` as an int, or raise if it is not an int in [low, high]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an int, got {describe(value)}")
    value = int(value)
    if (low is not None and value < low) or (high is not None and value > high):
        where = f">= {low}" if high is None else f"between {low} and {high}"
        raise ValueError(f"{name} must be an int {where}, got {value}")
    return value


def check_float(name, value, low=None, low_inclusive=True, high=None):
    """Return ``value`` as a finite float, or raise if it is not a number in range."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {describe(value)}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value}")
    if low is not None and (value < low or (value == low and not low_inclusive)):
        bound = f">= {low}" if low_inclusive else f"> {low}"
        raise ValueError(f"{name} must be {bound}, got {value}")
    if high is not None and value > high:
        raise ValueError(f"{name} must be <= {high}, got {value}")
    return value


def check_choice(name, value, choices):
    """Return ``value`` if it is one of ``choices`` (a dict or list of names)."""
    if not isinstance(value, str) or value not in choices:
        options = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {options}, got {describe(value)}")
    return value


def check_bool(name, value):
    """Return ``value`` if it is True or False."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, got {describe(value)}")
    return value


def check_pair(name, value):
    """Return ``value`` if it is None or a pair ``(X, y)``."""
    if value is not None and (not isinstance(value, (tuple, list)) or len(value) != 2):
        raise TypeError(f"{name} must be None or a pair (X_{name}, y_{name}), got {describe(value)}")
    return value


def check_seed(value):
    """A seed is an int from 0 to 2**32 - 1 (what numpy's RandomState takes)."""
    return check_int("seed", value, low=0, high=2**32 - 1)


def check_array(name, value, ndim=None, shape=None):
    """Return ``value`` as a finite float64 array, checking its rank and shape.

    ``shape`` may hold None for "any length" in that axis.
    """
    try:
        raw = np.asarray(value)
    except ValueError:  # rows of different lengths
        raise TypeError(f"{name} must be an array of numbers with rows of equal length, "
                        f"got {describe(value)}") from None
    if value is None or raw.dtype.kind == "c":
        raise TypeError(f"{name} must be an array of real numbers, got {describe(value)}")
    try:
        arr = raw.astype(float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be an array of numbers, got {describe(value)}") from None
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must be a {ndim}-D array, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {arr.shape}")
    if shape is not None and (len(shape) != arr.ndim
                              or any(s not in (None, d) for s, d in zip(shape, arr.shape))):
        want = str(tuple("n" if s is None else s for s in shape)).replace("'", "")
        raise ValueError(f"{name} must have shape {want}, got {arr.shape}")
    if not np.all(np.isfinite(arr)):
        where = np.argwhere(~np.isfinite(arr))[0]
        at = f" (the first at index {tuple(int(i) for i in where)})" if arr.ndim > 1 else (
            f" (the first at index {int(where[0])})")
        raise ValueError(f"{name} must hold only finite numbers, got NaN, inf or None{at}: "
                         f"drop or fill those entries first")
    return arr


def _shape(value):
    """``np.shape(value)``, or () where numpy cannot tell (a string, ragged rows)."""
    try:
        return () if isinstance(value, (str, bytes)) else np.shape(value)
    except ValueError:
        return ()


def check_finite(what, *values):
    """Return the first of ``values`` if every one is finite; else say what is not, and why."""
    if not all(np.isfinite(v).all() for v in values):
        raise ValueError(f"{what} are not finite (inf or NaN): the weights, the inputs or l2 are "
                         f"too large; scale the inputs to about 1, or start from new weights")
    return values[0]


def check_labels(y, n, k=None, name="y"):
    """Return ``y`` as n integer class labels (below ``k``, if given), or raise."""
    shape = _shape(y)
    if len(shape) == 2 and shape[1] > 1 and (k is None or shape[1] == k):
        raise ValueError(f"{name} must be a 1-D array of class labels, got shape {shape}; "
                         f"for one-hot rows pass {name}.argmax(axis=1)")
    labels = check_array(name, y, ndim=1, shape=(n,))
    want = f"integer class labels 0..{k - 1} for a softmax of {k} units" if k else (
        "class labels 0, 1, 2, ...")
    whole = labels == np.round(labels)
    if not whole.all():
        raise ValueError(f"{name} must hold {want}, got {labels[~whole][0]:g}, which is not a whole number")
    if labels.min() < 0 or (k and labels.max() > k - 1):
        raise ValueError(f"{name} must hold {want}, got values from {labels.min():g} "
                         f"to {labels.max():g}")
    return labels.astype(int)


MAX_WEIGHTS = 10**7  # 80 MB of float64: far more than any network in the series (Network's sizes)
MAX_EPOCHS = 10**7   # fit's history holds a loss per epoch (Network.fit's epochs)


def check_sizes(sizes, output):
    """Return ``sizes`` as a list of at least 2 positive ints, or raise."""
    what = "sizes must be a list of at least 2 positive ints, like [3, 5, 1]"
    if not isinstance(sizes, (list, tuple)) or not all(
            isinstance(s, (int, np.integer)) and not isinstance(s, bool) for s in sizes):
        raise TypeError(f"{what}, got {sizes!r}")
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"{what}, got {list(sizes)!r}")
    weights = sum(int(a) * int(b) for a, b in zip(sizes, sizes[1:]))
    if weights > MAX_WEIGHTS:
        raise ValueError(f"sizes={list(sizes)} would need {weights:,} weights ({weights * 8 / 1e9:.1f} GB); "
                         f"this package is for small networks: keep it under {MAX_WEIGHTS:,}")
    if output == "softmax" and sizes[-1] < 2:
        raise ValueError(f"a softmax output needs sizes[-1] >= 2 classes, got sizes={list(sizes)}")
    return [int(s) for s in sizes]


def check_inputs(X, n_in, name="X"):
    """Return ``X`` as an (n, n_in) float array of inputs, or raise."""
    try:
        return check_array(name, X, ndim=2, shape=(None, n_in))
    except ValueError as e:
        shape = _shape(X)
        if len(shape) == 1 and shape[0] == n_in:
            hint = f"; for one sample, pass {name}.reshape(1, -1)"
        elif len(shape) == 2 and shape[1] == 2 and n_in == 3 and name.startswith("X"):  # the article's layout
            hint = (f"; this network takes {n_in} inputs: add the constant column with "
                    f"data.add_ones({name}), or build Network([{n_in - 1}, ...])")
        elif len(shape) == 2 and shape[1] != n_in and shape[0] > 0:
            hint = f"; this network takes {n_in} inputs per row (sizes[0])"
        else:
            hint = ""
        raise ValueError(f"{e}{hint}") from None


def check_targets(y, n, k, output, name="y"):
    """The targets ``y`` of n samples as an (n, k) array ``Y``: one-hot rows for a
    softmax of k units, values in [0, 1] for k sigmoid units."""
    if output == "softmax":
        return one_hot(check_labels(y, n, k, name), k)  # (n, k)
    Y = check_array(name, y)
    if k == 1 and Y.ndim == 1:
        Y = Y[:, None]
    if Y.shape != (n, k):
        want = f"({n},) or ({n}, 1)" if k == 1 else f"({n}, {k})"
        raise ValueError(f"{name} must have shape {want} for {n} samples and {k} sigmoid "
                         f"output(s), got {Y.shape}")
    if Y.min() < 0 or Y.max() > 1:
        raise ValueError(f"{name} must hold targets in [0, 1] for a sigmoid output, got values "
                         f"from {Y.min():g} to {Y.max():g}")
    return Y
