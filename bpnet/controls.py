"""The explorer's sliders and menus, checked: one place for their grids and labels.

``bpnet.widgets.explorer`` lays them out and wires them to the training.
"""
import ipywidgets

from . import data
from .checks import check_bool, check_int

LEARNING_RATES = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
L2_STRENGTHS = [0.0, 0.0001, 0.001, 0.01, 0.1, 1.0]
NOISES = [0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8]  # every data set's own noise is one of these
TEST_FRACTIONS = [0.0, 0.1, 0.2, 0.3, 0.5]
OWN = "your points"  # the last entry of every dataset menu: the points you click onto the map
LABEL = {"description_width": "110px"}
WIDE = ipywidgets.Layout(width="360px")
WRAP = "white-space:pre-wrap;word-break:normal;overflow-wrap:break-word"  # wrap between words


def _on_grid(name, value, grid):
    if value not in grid:
        raise ValueError(f"{name} must be one of {grid}, got {value!r}")
    return value


def make_controls(hidden, layers, activation, activations, lr, epochs, l2, dataset, datasets, seed,
              min_hidden, max_hidden, backward, noise, test_fraction):
    """The explorer's sliders and menus, by name, checked."""
    controls = {}
    if layers is not None:
        controls["layers"] = ipywidgets.IntSlider(check_int("layers", layers, low=1, high=6), min=1, max=6,
                                                  description="hidden layers")
        controls["size"] = ipywidgets.IntSlider(check_int("hidden_layer_sizes", hidden[0], low=1,
                                                          high=max_hidden),
                                                min=1, max=max_hidden, description="hidden size")
    else:
        for i, h in enumerate(hidden):
            controls[f"h{i}"] = ipywidgets.IntSlider(
                check_int("hidden_layer_sizes", h, low=min_hidden, high=max_hidden), min=min_hidden,
                max=max_hidden, description="hidden size" if len(hidden) == 1 else f"hidden {i + 1}")
    controls["lr"] = ipywidgets.SelectionSlider(options=LEARNING_RATES, value=_on_grid("lr", lr, LEARNING_RATES),
                                                description="learning rate")
    controls["epochs"] = ipywidgets.IntSlider(check_int("epochs", epochs, low=10, high=10000), min=10,
                                              max=10000, step=10, description="epochs")
    if l2 is not None:
        controls["l2"] = ipywidgets.SelectionSlider(options=L2_STRENGTHS, value=_on_grid("l2", l2, L2_STRENGTHS),
                                                    description="L2")
    if activations:
        controls["activation"] = ipywidgets.Dropdown(options=list(activations), value=activation,
                                                     description="activation")
    controls["dataset"] = ipywidgets.Dropdown(options=datasets, value=dataset, description="dataset")
    own = data.default_noise(dataset) if dataset in data.NAMES else None
    controls["noise"] = ipywidgets.SelectionSlider(options=NOISES, description="noise", value=_on_grid(
        "noise", own if noise is None and own is not None else noise if noise is not None else 0.0, NOISES),
        disabled=own is None)
    controls["test"] = ipywidgets.SelectionSlider(options=TEST_FRACTIONS, description="test fraction",
                                                  value=_on_grid("test_fraction", test_fraction, TEST_FRACTIONS))
    controls["seed"] = ipywidgets.IntSlider(check_int("seed", seed, low=0, high=99), min=0, max=99,
                                            description="seed")
    controls["view"] = ipywidgets.Dropdown(options=["weights", "gradients"],
                                           value="gradients" if check_bool("backward", backward) else "weights",
                                           description="network edges")
    for c in controls.values():
        c.style, c.layout, c.continuous_update = LABEL, WIDE, False
    return controls
