"""bpnet: the article 极简反传(BP)神经网络 as one small, tested package.

    from bpnet import Network, data
    X, y = data.article("xor")
    net = Network([3, 5, 1], bias=False, init="uniform", seed=0)
    history = net.fit(X, y, epochs=10000, lr=1.0)
"""
from . import data
from .activations import sigmoid, softmax
from .divergence import TrainingDiverged
from .gradient_check import gradcheck, numerical_gradient, relative_error
from .history import History
from .network import Network

__all__ = ["Network", "History", "TrainingDiverged", "gradcheck", "numerical_gradient",
           "relative_error", "sigmoid", "softmax", "data"]
