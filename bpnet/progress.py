"""Progress for cells that take a while: one line of text that counts as the work goes.

The line is redrawn with a carriage return, which JupyterLab shows in place
while the cell runs; it ends as "...: n/n done", the same words every run, so
a stored notebook and its re-run agree.
"""


def progress(items, what, every=1):
    """Yield each of ``items``, printing ``what: i/n`` before every ``every``-th one."""
    items = list(items)
    n = len(items)
    for i, item in enumerate(items):
        if i % every == 0:
            print(f"\r{what}: {i}/{n}", end="", flush=True)
        yield item
    print(f"\r{what}: {n}/{n} done", flush=True)
