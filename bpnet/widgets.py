"""ipywidgets for the notebooks: the explorer (here) and the back-propagation stepper.

They only wire controls to ``bpnet.live.Training`` and the figure of
``bpnet.panels``; no maths lives here. Releasing a slider retrains for the
chosen epochs and shows the result (``continuous_update=False``). The play
buttons train on from there a chunk of epochs at a time, each chunk a new
frame, as TensorFlow Playground does: a hidden ``ipywidgets.Play`` ticks,
and every tick trains a chunk and redraws. While it plays, a new learning
rate applies from the next chunk on; any other change starts again.
"""
import html
import time

import ipywidgets

from . import data, explore
from .activations import ACTIVATIONS
from .checks import check_bool, check_choice, check_int
from .controls import L2_STRENGTHS, LEARNING_RATES, OWN, WRAP, make_controls  # noqa: F401  (grids the notebooks read)
from .live import MAX_HIDDEN, Training
from .inits import INITS
from .losses import OUTPUTS
from .network import EPOCHS, SEED
from .pointpad import PointPad
from .stepper import stepper  # noqa: F401  (the notebooks' other widget)

FRAME_BUDGET = 0.025  # seconds of training per live frame, at most

def explorer(hidden_layer_sizes=(5,), layers=None, activation="sigmoid", activations=None,
             output="softmax", lr=0.01, epochs=EPOCHS, l2=None, dataset="moons", datasets=None,
             seed=SEED, bias=True, init="scaled", min_hidden=1, max_hidden=32, grad_norms=False,
             backward=False, noise=None, test_fraction=0.0):
    """Sliders that retrain on release, and buttons that play the training live.

    Always: a slider per hidden layer size (``hidden_layer_sizes``;
    ``min_hidden=0`` lets a layer vanish, leaving the perceptron), ``learning
    rate`` (log scale), ``epochs``, ``dataset``, ``seed`` and ``network
    edges`` (the weights, or with ``backward=True`` the gradients). ``layers``
    (an int) instead gives one ``hidden layers`` slider and one ``hidden
    size`` for all of them; ``l2`` (a number) adds an ``L2`` slider;
    ``activations`` (a list) an ``activation`` menu. The buttons: play,
    pause, one epoch, ten epochs, and reset (back to the untrained network).
    ``noise`` (None: each data set's own) and ``test fraction`` (held out,
    never trained on; 0 for none) change the data. The last data set, "your
    points", is the points you click onto the map (``bpnet.pointpad``).
    The other arguments are passed to ``bpnet.live.Training``.
    """
    if isinstance(datasets, str) or isinstance(activations, str):
        name, value = ("datasets", datasets) if isinstance(datasets, str) else ("activations", activations)
        raise TypeError(f"{name} must be a list of names, like [{value!r}], got the string {value!r}")
    for a in activations or ():
        check_choice("activations", a, ACTIVATIONS)
    check_choice("output", output, OUTPUTS)
    check_choice("init", init, INITS)
    for name, value in [("bias", bias), ("grad_norms", grad_norms), ("backward", backward)]:
        check_bool(name, value)
    min_hidden = check_int("min_hidden", min_hidden, low=0, high=MAX_HIDDEN)
    max_hidden = check_int("max_hidden", max_hidden, low=max(min_hidden, 1), high=MAX_HIDDEN)
    datasets = list(datasets or data.NAMES) + [OWN]
    check_choice("dataset", dataset, datasets)
    example = "(8,): one size for every layer" if layers is not None else "(5,) or (5, 4)"
    hidden = hidden_layer_sizes
    if not isinstance(hidden, (list, tuple)) or (layers is not None and len(hidden) != 1):
        error = TypeError if not isinstance(hidden, (list, tuple)) else ValueError
        raise error(f"hidden_layer_sizes must be a tuple of layer sizes, like {example}, got {hidden!r}")
    check_choice("activation", activation, activations or ACTIVATIONS)
    controls = make_controls(hidden, layers, activation, activations, lr, epochs, l2, dataset, datasets, seed,
                         min_hidden, max_hidden, backward, noise, test_fraction)
    buttons = {name: ipywidgets.Button(description=label, layout=ipywidgets.Layout(width="auto"))
               for name, label in [("play", "▶ play"), ("pause", "❚❚ pause"), ("step", "+1 epoch"),
                                   ("step10", "+10 epochs"), ("reset", "⟲ reset")]}
    ticker = ipywidgets.Play(interval=100, min=0, max=10**9, layout=ipywidgets.Layout(display="none"))
    count = ipywidgets.HTML()
    count.add_class("bpnet-epoch")
    image = ipywidgets.Image(format="jpeg", layout=ipywidgets.Layout(align_self="flex-start"))  # never stretched
    summary = ipywidgets.HTML()
    summary.add_class("bpnet-summary")
    state = {"training": None, "panels": None}

    def settings():
        v = {k: c.value for k, c in controls.items()}
        if layers is not None:
            sizes = (v.pop("size"),) * v.pop("layers")
        else:
            sizes = tuple(v.pop(f"h{i}") for i in range(len(hidden)))
        own = v["dataset"] == OWN
        noisy = not own and data.default_noise(v["dataset"]) is not None
        return dict(dataset="moons" if own else v["dataset"], hidden_layer_sizes=tuple(s for s in sizes if s > 0),
                    activation=v.get("activation", activation), output=output, lr=v["lr"],
                    epochs=v["epochs"], l2=v.get("l2", 0.0), seed=v["seed"], bias=bias, init=init,
                    grad_norms=grad_norms, backward=v["view"] == "gradients",
                    noise=v["noise"] if noisy else None, test_fraction=v["test"],
                    points=pad.points if own else None)

    def show(still=True):
        """Draw the training as it is now: a whole, fine still, or a quick frame while it plays."""
        training, s = state["training"], settings()
        panels = state["panels"] = explore.figure_for(training, s["backward"], state["panels"])
        title = "diverged: the net as it was" if training.diverged else None
        panels.draw(training.net, training.history, dW=training.gradients() if s["backward"] else None,
                    title=title, live=not still)
        with image.hold_sync():
            image.format, image.value = "jpeg", panels.still() if still else panels.frame()
        colour = "#D55E00" if training.diverged else "inherit"
        text = html.escape(training.summary(s["epochs"])).replace(" → ", "\n→ ")  # settings, then result
        summary.value = f'<pre style="color:{colour};{WRAP}">{text}</pre>'
        state_words = " (stopped: diverged)" if training.diverged else "" if still else " (playing)"
        count.value = f"<b>epoch {training.epoch}</b>{state_words}"  # after the image: it has arrived

    def error(e):  # shown, not lost in the kernel log
        summary.value = f'<pre style="color:#D55E00;{WRAP}">bpnet says: {html.escape(str(e))}</pre>'

    def retrain(change=None):
        owner = getattr(change, "owner", None)
        if owner is controls["dataset"]:  # each data set opens with its own noise
            own = data.default_noise(change.new) if change.new in data.NAMES else None
            pad.box.layout.display = None if change.new == OWN else "none"
            with controls["noise"].hold_trait_notifications():
                state["quiet"] = True
                controls["noise"].value = own if own is not None else controls["noise"].value
                controls["noise"].disabled = own is None
                state["quiet"] = False
        if state.get("quiet"):
            return
        s = settings()
        try:
            if state["training"] is not None and (owner is controls["view"] or (
                    ticker.playing and owner is controls["epochs"])):
                return show(still=not ticker.playing)  # the view changed, not the training
            if ticker.playing and owner is controls["lr"]:
                state["training"].lr = s["lr"]  # while it plays, a new rate applies from the next chunk on
                return
            training = Training(**{k: v for k, v in s.items() if k not in ("epochs", "backward")})
            state["training"] = training
            if not ticker.playing:
                training.advance(s["epochs"])
            show(still=not ticker.playing)
        except Exception as e:
            error(e)

    def tick(change):
        """One live frame: a chunk of epochs, then a redraw; the ticker waits for slow frames."""
        if not ticker.playing or state["training"] is None:
            return
        start, training = time.perf_counter(), state["training"]
        try:
            per_epoch = state.get("per_epoch", 1e-3)
            chunk = max(1, min(training.epoch // 20 + 1, int(FRAME_BUDGET / per_epoch)))
            t0 = time.perf_counter()
            went_on = training.advance(chunk)
            state["per_epoch"] = (time.perf_counter() - t0) / chunk
            show(still=not went_on)
            if not went_on:
                ticker.playing = False
        except Exception as e:
            ticker.playing = False
            error(e)
        ticker.interval = max(100, int(1300 * (time.perf_counter() - start)))  # 30 % to spare

    def step(epochs):
        ticker.playing = False
        try:
            state["training"].advance(epochs)
            show()
        except Exception as e:
            error(e)

    def pause(_=None):
        ticker.playing = False
        show()

    def reset(_=None):
        try:
            state["training"].reset()
            show(still=not ticker.playing)
        except Exception as e:
            error(e)

    pad = PointPad(image, lambda column, row: state["panels"] and state["panels"].to_data(column, row),
                   lambda: retrain())
    pad.box.layout.display = None if dataset == OWN else "none"
    for c in controls.values():
        c.observe(retrain, names="value")
    ticker.observe(tick, names="value")
    buttons["play"].on_click(lambda _: setattr(ticker, "playing", True))
    buttons["pause"].on_click(pause)
    buttons["step"].on_click(lambda _: step(1))
    buttons["step10"].on_click(lambda _: step(10))
    buttons["reset"].on_click(reset)
    retrain()
    items = list(controls.values())
    half = (len(items) + 1) // 2
    player = ipywidgets.HBox([*buttons.values(), count, ticker], layout=ipywidgets.Layout(align_items="center"))
    sliders = ipywidgets.HBox([ipywidgets.VBox(items[:half]), ipywidgets.VBox(items[half:])])
    sliders.add_class("bpnet-controls")
    box = ipywidgets.VBox([sliders, player, pad.box, summary, image])
    box.add_class("bpnet-explorer")
    box.controls, box.buttons, box.ticker = controls, buttons, ticker  # by name: lr, epochs, play, ...
    box.summary, box.image, box.count, box.pad = summary, image, count, pad
    box.settings = settings  # the current settings, as explore.run takes them
    box.defaults = settings()  # the settings it opened with
    box.training = lambda: state["training"]
    box.panels = lambda: state["panels"]
    return box
