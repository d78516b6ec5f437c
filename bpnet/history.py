"""What ``Network.fit`` records, epoch by epoch."""
from dataclasses import dataclass, field

import numpy as np


@dataclass
class History:
    """``loss[e]``: the loss of epoch ``e``'s forward pass, before its update (so
    ``loss[0]`` is the starting weights' loss). ``grad_norms[e, l]``: the norm of
    ``dW[l]`` there (only if ``fit`` was asked for it). ``test_loss[e]``: the summed
    loss on the held-out samples at the same weights, without the L2 term (only if
    ``fit`` was given a test set)."""

    loss: np.ndarray
    grad_norms: np.ndarray = field(default=None, repr=False)
    test_loss: np.ndarray = field(default=None, repr=False)

    def cut(self, epochs):
        """Keep only the first ``epochs`` entries (the finite ones, after a divergence)."""
        self.loss = self.loss[:epochs]
        if self.grad_norms is not None:
            self.grad_norms = self.grad_norms[:epochs]
        if self.test_loss is not None:
            self.test_loss = self.test_loss[:epochs]
