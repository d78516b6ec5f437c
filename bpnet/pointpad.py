"""Your own points: click on the explorer's map to add a point of the chosen class.

ipyevents reports each click on the figure's image in the image's own pixels
(a well-kept widget library that JupyterLab renders with no build step);
the explorer's figure turns those pixels into (x1, x2). Undo takes the last
point off, clear takes them all.
"""
import ipyevents
import ipywidgets
import numpy as np

# the points the pad opens with: XOR's four corners, to be changed by clicking
START = (np.array([[-1.0, -1.0], [1.0, 1.0], [-1.0, 1.0], [1.0, -1.0]]), np.array([0, 0, 1, 1]))


class PointPad:
    """The class buttons, undo, clear and the count; ``points`` is ``(X, y)`` as now."""

    def __init__(self, image, to_data, changed):
        self.X, self.y = [list(p) for p in START[0]], list(START[1])
        self.to_data, self.changed = to_data, changed
        self.label = ipywidgets.ToggleButtons(options=[("class 0", 0), ("class 1", 1)], value=0,
                                              description="click adds", style={"button_width": "70px"})
        self.undo = ipywidgets.Button(description="undo", layout=ipywidgets.Layout(width="auto"))
        self.clear = ipywidgets.Button(description="clear", layout=ipywidgets.Layout(width="auto"))
        self.count = ipywidgets.HTML()
        self.count.add_class("bpnet-points")
        self.undo.on_click(lambda _: self._edit(lambda: (self.X.pop(), self.y.pop()) if self.y else None))
        self.clear.on_click(lambda _: self._edit(lambda: (self.X.clear(), self.y.clear())))
        self.events = ipyevents.Event(source=image, watched_events=["click"])
        self.events.on_dom_event(self.click)
        self.box = ipywidgets.HBox([self.label, self.undo, self.clear, self.count],
                                   layout=ipywidgets.Layout(align_items="center"))
        self._count()

    @property
    def points(self):
        return np.array(self.X, dtype=float).reshape(-1, 2), np.array(self.y, dtype=int)

    def click(self, event):
        """A click at ``(dataX, dataY)``, the image's own pixels: a new point, if on the map."""
        where = self.to_data(event.get("dataX", -1), event.get("dataY", -1))
        if where is not None:
            self._edit(lambda: (self.X.append(list(where)), self.y.append(self.label.value)))

    def _edit(self, change):
        change()
        self._count()
        self.changed()

    def _count(self):
        counts = np.bincount(np.array(self.y, dtype=int), minlength=2)
        self.count.value = f"<b>{len(self.y)} points</b> ({counts[0]} of class 0, {counts[1]} of class 1)"
