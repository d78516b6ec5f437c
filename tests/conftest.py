"""Shared test setup: draw figures off-screen; a fixture that turns every warning into an error."""
import os
import sys
import warnings

import matplotlib
import pytest

# matplotlib.use, not the MPLBACKEND variable: kernels started by the tests
# (nbval, the browser tests' JupyterLab) must keep their inline backend
matplotlib.use("Agg")
sys.path.insert(0, os.path.dirname(__file__))  # so tests can import article_loops


@pytest.fixture
def warnings_are_errors():
    """Any warning, of any kind, fails the test (modules opt in with pytestmark)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield
