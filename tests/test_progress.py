"""The progress line counts the items and ends with the same words every run."""
from bpnet.progress import progress


def test_progress_counts_and_ends_done(capsys):
    assert list(progress(range(5), "runs", every=2)) == [0, 1, 2, 3, 4]
    out = capsys.readouterr().out
    assert out == "\rruns: 0/5\rruns: 2/5\rruns: 4/5\rruns: 5/5 done\n"
