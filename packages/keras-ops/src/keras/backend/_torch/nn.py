"""Neural-network kernels for the torch backend.

torch spells a few numpy calls differently (`amax`, `permute`, `sort(...).values`) and
makes 0-d constants on the input's device; `torch.nn.functional` supplies fused kernels
for the activations, the softmax family (over one axis), trailing-axes layer
normalization and CTC.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as nnf

from keras.backend._kernels.nn import NN, Axes
from keras.ops._typing import Tensor


class TorchNN(NN):
    def _const(self, value: float, like: Tensor) -> Tensor:
        return torch.asarray(value, dtype=like.dtype, device=like.device)

    def _max(self, x: Tensor, axes: Axes, keepdims: bool) -> Tensor:
        return torch.amax(x, dim=() if axes is None else axes, keepdim=keepdims)

    def _permute(self, x: Tensor, order: tuple[int, ...]) -> Tensor:
        return torch.permute(x, order)

    def _sort_descending(self, x: Tensor, axis: int) -> Tensor:
        return torch.sort(x, dim=axis, descending=True).values

    def _erf(self, x: Tensor) -> Tensor:
        return torch.erf(x)

    def relu(self, x: Tensor, /) -> Tensor:
        return torch.relu(x)

    def sigmoid(self, x: Tensor, /) -> Tensor:
        return torch.sigmoid(x)

    def log_sigmoid(self, x: Tensor, /) -> Tensor:
        return nnf.logsigmoid(x)

    def silu(self, x: Tensor, /) -> Tensor:
        return nnf.silu(x)

    def gelu(self, x: Tensor, approximate: bool, /) -> Tensor:
        return nnf.gelu(x, approximate="tanh" if approximate else "none")

    def softmax(self, x: Tensor, axes: Axes, /) -> Tensor:
        if axes is not None and len(axes) == 1:
            return torch.softmax(x, dim=axes[0])
        return super().softmax(x, axes)

    def log_softmax(self, x: Tensor, axes: Axes, /) -> Tensor:
        if axes is not None and len(axes) == 1:
            return torch.log_softmax(x, dim=axes[0])
        return super().log_softmax(x, axes)

    def layer_normalization(
        self, x: Tensor, gamma: Tensor | None, beta: Tensor | None, axes: tuple[int, ...], epsilon: float, /
    ) -> Tensor:
        normalized = tuple(x.shape[a] for a in axes)
        size = math.prod(normalized)
        trailing = axes == tuple(range(x.ndim - len(axes), x.ndim))
        if not trailing or any(v is not None and v.numel() != size for v in (gamma, beta)):
            return super().layer_normalization(x, gamma, beta, axes, epsilon)
        weight = None if gamma is None else gamma.reshape(normalized)
        bias = None if beta is None else beta.reshape(normalized)
        return nnf.layer_norm(x, normalized, weight, bias, epsilon)

    def ctc_loss(
        self, target: Tensor, output: Tensor, target_length: Tensor, output_length: Tensor, mask_index: int, /
    ) -> Tensor:
        log_probs = torch.log_softmax(torch.transpose(output, 0, 1), dim=-1)
        return nnf.ctc_loss(
            log_probs, target, output_length, target_length, blank=mask_index, reduction="none"
        ).to(output.dtype)


KERNELS = TorchNN(torch)
