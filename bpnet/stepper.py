"""The back-propagation stepper: one sample through the network, a quantity at a time.

Each click on Step shows the next line of ``bpnet.trace.backprop_steps``:
its equation, its shapes and its numbers, and the network drawn with the
numbers at its units: the outputs ``a`` going forward, the deltas coming back.
"""
import html
import io

import ipywidgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .netview import NetworkView
from .trace import backprop_steps


def numbers_at_units(steps, i, layers):
    """What the drawing writes at each layer's units after step ``i``: the outputs
    ``a`` during the forward pass, then the deltas (None where nothing is known yet)."""
    values, backward = [None] * layers, steps[i].phase in ("backward", "update")
    for s in steps[: i + 1]:
        name = s.name
        if not backward and name.startswith("a"):
            values[int(name[1:])] = np.ravel(s.value)
        if backward and name.startswith("delta"):
            values[int(name[5:])] = np.ravel(s.value)
    return values


def stepper(net, x, y, lr=1.0, X=None):
    """Step through one forward and backward pass on one sample, a quantity at a time.

    ``Step`` shows the next equation with its shapes and numbers, ``Back`` the
    previous one, ``Reset`` starts again. The newest step is drawn at the top,
    in bold; the earlier ones stay listed below it, newest first. Beside them,
    the network with those numbers at its units; its maps cover the (x1, x2)
    range of ``X`` (default: the sample's neighbourhood).
    """
    steps = backprop_steps(net, x, y, lr=lr)
    sample = np.atleast_2d(np.asarray(x, dtype=float))
    figure = Figure(figsize=(6.4, 3.4), dpi=90)
    FigureCanvasAgg(figure)
    view = NetworkView(figure.add_axes([0.02, 0.02, 0.96, 0.9]), net, sample if X is None else np.asarray(X, float))
    state = {"i": 0}
    back, step, reset = (ipywidgets.Button(description=d) for d in ("◀ Back", "Step ▶", "Reset"))
    text = ipywidgets.HTML()
    text.add_class("bpnet-stepper-view")
    drawing = ipywidgets.Image(format="png", layout=ipywidgets.Layout(align_self="flex-start"))

    def show():
        i = state["i"]
        rows = []
        for j, s in enumerate(steps[: i + 1]):
            numbers = np.array2string(np.asarray(s.value), precision=4, suppress_small=True)
            weight = "bold" if j == i else "normal"
            rows.append(f'<div style="font-weight:{weight}">[{s.phase}] {html.escape(s.equation)}'
                        f'<pre style="margin:0 0 6px 24px">{s.name} =\n{html.escape(numbers)}</pre></div>')
        head = f"<b>step {i + 1} of {len(steps)}: {steps[i].phase}</b>"
        text.value = head + '<div style="font-family:monospace">' + "".join(rows[::-1]) + "</div>"
        back.disabled, step.disabled = i == 0, i == len(steps) - 1
        backward = steps[i].phase in ("backward", "update")
        view.update(net, values=numbers_at_units(steps, i, len(net.sizes)))
        view.ax.set_title(f"numbers at the units: {'the deltas, coming back' if backward else 'the outputs a'}"
                          f" (step {i + 1})", fontsize=11)
        buf = io.BytesIO()
        figure.savefig(buf, format="png", dpi=90, pil_kwargs={"compress_level": 1})
        drawing.value = buf.getvalue()

    def move(delta):
        state["i"] = 0 if delta is None else min(max(state["i"] + delta, 0), len(steps) - 1)
        show()

    step.on_click(lambda _: move(1))
    back.on_click(lambda _: move(-1))
    reset.on_click(lambda _: move(None))
    show()
    box = ipywidgets.VBox([ipywidgets.HBox([back, step, reset]), drawing, text])
    box.add_class("bpnet-stepper")
    box.steps = steps
    return box
