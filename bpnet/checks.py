"""Argument checks for the public API: each error names the argument, what it
must be, and what it got, so a student knows what to change."""
import numbers

import numpy as np


def _got(value):
    """A short description of a bad value for an error message."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_int(name, value, low=None, high=None):
    """Return ``value`` as an int, or raise if it is not an int in [low, high]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an int, got {_got(value)}")
    value = int(value)
    if (low is not None and value < low) or (high is not None and value > high):
        where = f">= {low}" if high is None else f"between {low} and {high}"
        raise ValueError(f"{name} must be an int {where}, got {value}")
    return value


def check_float(name, value, low=None, low_inclusive=True):
    """Return ``value`` as a finite float, or raise if it is not a number above ``low``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {_got(value)}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value}")
    if low is not None and (value < low or (value == low and not low_inclusive)):
        bound = f">= {low}" if low_inclusive else f"> {low}"
        raise ValueError(f"{name} must be {bound}, got {value}")
    return value


def check_choice(name, value, choices):
    """Return ``value`` if it is one of ``choices`` (a dict or list of names)."""
    if not isinstance(value, str) or value not in choices:
        options = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {options}, got {_got(value)}")
    return value


def check_bool(name, value):
    """Return ``value`` if it is True or False."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, got {_got(value)}")
    return value


def check_labels(y, n, k=None):
    """Return ``y`` as n integer class labels (below ``k``, if given), or raise."""
    labels = check_array("y", y, ndim=1, shape=(n,))
    if np.any(labels != np.round(labels)) or labels.min() < 0 or (k and labels.max() > k - 1):
        want = f"integer class labels 0..{k - 1} for a softmax of {k} units" if k else (
            "class labels 0, 1, 2, ...")
        raise ValueError(f"y must hold {want}, got values from {labels.min():g} "
                         f"to {labels.max():g}")
    return labels.astype(int)


def check_seed(value):
    """A seed is None or an int from 0 to 2**32 - 1 (what numpy's RandomState takes)."""
    return None if value is None else check_int("seed", value, low=0, high=2**32 - 1)


def check_array(name, value, ndim=None, shape=None):
    """Return ``value`` as a finite float64 array, checking its rank and shape.

    ``shape`` may hold None for "any length" in that axis.
    """
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be an array of numbers, got {_got(value)}") from None
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must be a {ndim}-D array, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {arr.shape}")
    if shape is not None and (len(shape) != arr.ndim
                              or any(s not in (None, d) for s, d in zip(shape, arr.shape))):
        want = str(tuple("n" if s is None else s for s in shape)).replace("'", "")
        raise ValueError(f"{name} must have shape {want}, got {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must hold only finite numbers, got NaN or inf")
    return arr
