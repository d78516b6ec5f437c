"""ipywidgets for the notebooks: the explorer and the back-propagation stepper.

They only wire controls to the pure functions ``bpnet.explore.run`` and
``bpnet.trace.backprop_steps``; no maths lives here. The explorer redraws
in place: the figure is an ``Image`` widget whose PNG is replaced when a
slider is released (``continuous_update=False``), so nothing stacks or flickers,
and each run draws over the same matplotlib figure, which is quicker than a new one.
"""
import html

import ipywidgets
import numpy as np
from matplotlib.figure import Figure

from . import data, explore
from .activations import ACTIVATIONS
from .checks import check_choice, check_int
from .network import EPOCHS, SEED
from .trace import backprop_steps

LEARNING_RATES = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
L2_STRENGTHS = [0.0, 0.0001, 0.001, 0.01, 0.1, 1.0]
LABEL = {"description_width": "110px"}
WIDE = ipywidgets.Layout(width="360px")
WRAP = "white-space:pre-wrap;word-break:normal;overflow-wrap:break-word"  # wrap between words


def _on_grid(name, value, grid):
    if value not in grid:
        raise ValueError(f"{name} must be one of {grid}, got {value!r}")
    return value


def explorer(hidden_layer_sizes=(5,), layers=None, activation="sigmoid", activations=None,
             output="softmax", lr=0.01, epochs=EPOCHS, l2=None, dataset="moons", datasets=None,
             seed=SEED, bias=True, init="scaled", min_hidden=1, max_hidden=32, grad_norms=False):
    """Sliders that retrain and redraw ``explore.run`` on release.

    Always: a slider per hidden layer size (``hidden_layer_sizes``; ``min_hidden=0`` lets
    a layer vanish, leaving the perceptron), ``learning rate`` (log scale),
    ``epochs``, ``dataset`` and ``seed``. ``layers`` (an int) instead gives
    one ``hidden layers`` slider and one ``hidden size`` for all of them;
    ``l2`` (a number) adds an ``L2`` slider; ``activations`` (a list) adds an
    ``activation`` menu. The other arguments are passed to ``explore.run``.
    """
    datasets = list(datasets or data.NAMES)
    check_choice("dataset", dataset, datasets)
    example = "(8,): one size for every layer" if layers is not None else "(5,) or (5, 4)"
    hidden = hidden_layer_sizes
    if not isinstance(hidden, (list, tuple)) or (layers is not None and len(hidden) != 1):
        error = TypeError if not isinstance(hidden, (list, tuple)) else ValueError
        raise error(f"hidden_layer_sizes must be a tuple of layer sizes, like {example}, "
                    f"got {hidden!r}")
    check_choice("activation", activation, activations or ACTIVATIONS)
    _on_grid("lr", lr, LEARNING_RATES)
    epochs = check_int("epochs", epochs, low=10, high=10000)
    controls = {}
    if layers is not None:
        controls["layers"] = ipywidgets.IntSlider(check_int("layers", layers, low=1, high=6), min=1, max=6,
                                         description="hidden layers")
        controls["size"] = ipywidgets.IntSlider(check_int("hidden_layer_sizes", hidden[0], low=1, high=max_hidden),
                                       min=1, max=max_hidden, description="hidden size")
    else:
        for i, h in enumerate(hidden):
            controls[f"h{i}"] = ipywidgets.IntSlider(
                check_int("hidden_layer_sizes", h, low=min_hidden, high=max_hidden), min=min_hidden,
                max=max_hidden, description="hidden size" if len(hidden) == 1 else f"hidden {i + 1}")
    controls["lr"] = ipywidgets.SelectionSlider(options=LEARNING_RATES, value=lr, description="learning rate")
    controls["epochs"] = ipywidgets.IntSlider(epochs, min=10, max=10000, step=10, description="epochs")
    if l2 is not None:
        controls["l2"] = ipywidgets.SelectionSlider(options=L2_STRENGTHS, value=_on_grid("l2", l2, L2_STRENGTHS),
                                           description="L2")
    if activations:
        controls["activation"] = ipywidgets.Dropdown(options=list(activations), value=activation,
                                            description="activation")
    controls["dataset"] = ipywidgets.Dropdown(options=datasets, value=dataset, description="dataset")
    controls["seed"] = ipywidgets.IntSlider(check_int("seed", seed, low=0, high=99), min=0, max=99,
                                   description="seed")
    for c in controls.values():
        c.style, c.layout, c.continuous_update = LABEL, WIDE, False

    image = ipywidgets.Image(format="png", layout=ipywidgets.Layout(align_self="flex-start"))  # never stretched
    summary = ipywidgets.HTML()
    summary.add_class("bpnet-summary")
    # every run draws over the last one's figure (quicker than a new one); outside
    # pyplot, so the notebook never shows it below the cell as well
    last = {"figure": Figure()}

    def settings():
        v = {k: c.value for k, c in controls.items()}
        if layers is not None:
            sizes = (v.pop("size"),) * v.pop("layers")
        else:
            sizes = tuple(v.pop(f"h{i}") for i in range(len(hidden)))
        return dict(hidden_layer_sizes=tuple(s for s in sizes if s > 0),
                    activation=v.pop("activation", activation),
                    output=output, l2=v.pop("l2", 0.0), bias=bias, init=init,
                    grad_norms=grad_norms, **v)

    def redraw(_=None):
        try:
            result = explore.run(**settings(), into=last["figure"])
            last["figure"] = result.figure
            image.value = result.png()
            colour = "#D55E00" if result.diverged else "inherit"
            text = html.escape(result.summary).replace(" → ", "\n→ ")  # settings, then result
            summary.value = f'<pre style="color:{colour};{WRAP}">{text}</pre>'
        except Exception as e:  # shown, not lost in the kernel log
            text = f"bpnet says: {html.escape(str(e))}"
            summary.value = f'<pre style="color:#D55E00;{WRAP}">{text}</pre>'

    for c in controls.values():
        c.observe(redraw, names="value")
    redraw()
    items = list(controls.values())
    half = (len(items) + 1) // 2
    box = ipywidgets.VBox([ipywidgets.HBox([ipywidgets.VBox(items[:half]), ipywidgets.VBox(items[half:])]), summary, image])
    box.add_class("bpnet-explorer")
    box.controls = controls  # the sliders and menus by name: lr, epochs, seed, ...
    box.settings = settings  # the current settings, as explore.run takes them
    box.defaults = settings()  # the settings it opened with
    return box


def stepper(net, x, y, lr=1.0):
    """Step through one forward and backward pass on one sample, a quantity at a time.

    ``Step`` shows the next equation with its shapes and numbers, ``Back`` the
    previous one, ``Reset`` starts again. The newest step is drawn at the top,
    in bold; the earlier ones stay listed below it, newest first.
    """
    steps = backprop_steps(net, x, y, lr=lr)
    state = {"i": 0}
    back, step, reset = ipywidgets.Button(description="◀ Back"), ipywidgets.Button(description="Step ▶"), ipywidgets.Button(description="Reset")
    view = ipywidgets.HTML()
    view.add_class("bpnet-stepper-view")

    def show():
        i = state["i"]
        rows = []
        for j, s in enumerate(steps[: i + 1]):
            numbers = np.array2string(np.asarray(s.value), precision=4, suppress_small=True)
            weight = "bold" if j == i else "normal"
            rows.append(f'<div style="font-weight:{weight}">[{s.phase}] {html.escape(s.equation)}'
                        f'<pre style="margin:0 0 6px 24px">{s.name} =\n{html.escape(numbers)}</pre></div>')
        head = f"<b>step {i + 1} of {len(steps)}: {steps[i].phase}</b>"
        view.value = head + '<div style="font-family:monospace">' + "".join(rows[::-1]) + "</div>"
        back.disabled, step.disabled = i == 0, i == len(steps) - 1

    def move(delta):
        state["i"] = 0 if delta is None else min(max(state["i"] + delta, 0), len(steps) - 1)
        show()

    step.on_click(lambda _: move(1))
    back.on_click(lambda _: move(-1))
    reset.on_click(lambda _: move(None))
    show()
    box = ipywidgets.VBox([ipywidgets.HBox([back, step, reset]), view])
    box.add_class("bpnet-stepper")
    box.steps = steps
    return box
