"""Shared test setup: draw figures off-screen."""
import os
import sys

import matplotlib

# matplotlib.use, not the MPLBACKEND variable: kernels started by the tests
# (nbval, the browser tests' JupyterLab) must keep their inline backend
matplotlib.use("Agg")
sys.path.insert(0, os.path.dirname(__file__))  # so tests can import article_loops
