"""Shared test setup: draw figures off-screen."""
import os
import sys

os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, os.path.dirname(__file__))  # so tests can import article_loops
