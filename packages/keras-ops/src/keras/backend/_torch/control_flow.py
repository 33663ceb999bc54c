"""Control-flow kernels for the torch backend: Python loops, `torch.func.vmap`, autograd functions."""

from __future__ import annotations

import functools
import math
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import torch

from keras.backend._kernels.control_flow import ControlFlow
from keras.backend._torch.core import KERNELS as CORE
from keras.ops._typing import Tensor

# torch's names for the reductions of `index_reduce_`.
_INDEX_REDUCE = {"max": "amax", "min": "amin", "mul": "prod"}


class _CustomGradient(torch.autograd.Function):
    """Run `f` forward; on the way back, call the gradient function it returned."""

    @staticmethod
    def forward(ctx: Any, f: Callable[..., Any], *args: Any) -> Any:
        output, gradient_fn = f(*args)
        ctx.gradient_fn = gradient_fn
        ctx.tensor_args = tuple(isinstance(a, torch.Tensor) for a in args)
        return output

    @staticmethod
    def backward(ctx: Any, *upstream: Any) -> Any:
        grads = ctx.gradient_fn(*upstream)
        grads = tuple(grads) if isinstance(grads, (tuple, list)) else (grads,)
        # One gradient per argument: `None` for `f` and for non-tensor arguments.
        it = iter(grads)
        return (None, *(next(it, None) if is_tensor else None for is_tensor in ctx.tensor_args))


class TorchControlFlow(ControlFlow):
    def _stack(self, values: Sequence[Any]) -> Tensor:
        return torch.stack([v if isinstance(v, torch.Tensor) else torch.as_tensor(v) for v in values])

    def _concatenate(self, values: Sequence[Tensor], axis: int) -> Tensor:
        return torch.cat(list(values), dim=axis)

    def _flip(self, x: Tensor, axis: int) -> Tensor:
        return torch.flip(x, (axis,))

    def _transpose(self, x: Tensor, permutation: tuple[int, ...]) -> Tensor:
        return x.permute(permutation)

    def _copy(self, x: Tensor) -> Tensor:
        return x.clone()

    def vectorized_map(self, function: Callable[[Any], Any], elements: Any, /) -> Any:
        return torch.func.vmap(function)(elements)

    def stop_gradient(self, x: Tensor, /) -> Tensor:
        return x.detach()

    def custom_gradient(self, f: Callable[..., tuple[Any, Callable[..., Any]]], /) -> Callable[..., Any]:
        def with_gradient(*args: Any, **kwargs: Any) -> Any:
            # autograd.Function.apply takes positional arguments only: bind keywords first.
            forward = functools.partial(f, **kwargs) if kwargs else f
            return _CustomGradient.apply(forward, *args)  # type: ignore[no-untyped-call]

        return with_gradient

    def _scatter(self, x: Tensor, key: tuple[Tensor, ...], updates: Tensor, reduction: str | None) -> Tensor:
        key = tuple(k.long() for k in key)
        out = x.clone()
        if reduction is None or reduction == "add":
            return out.index_put_(key, updates, accumulate=reduction == "add")
        # index_reduce_ works along one dim: number the indexed positions of the leading dims.
        dims = x.shape[: len(key)]
        linear = torch.zeros_like(key[0])
        for k, size in zip(key, dims, strict=True):
            linear = linear * size + torch.where(k < 0, k + size, k)
        flat = out.reshape(math.prod(dims), *x.shape[len(key) :])
        with warnings.catch_warnings():  # torch marks index_reduce_ as beta
            warnings.simplefilter("ignore", UserWarning)
            flat.index_reduce_(0, linear, updates, _INDEX_REDUCE[reduction], include_self=True)
        return flat.reshape(x.shape)

    def unstack(self, x: Tensor, num: int, axis: int, /) -> list[Tensor]:
        return list(torch.unbind(x, axis))

    def view_as_complex(self, x: Tensor, /) -> Tensor:
        return torch.complex(x[..., 0], x[..., 1])

    def view_as_real(self, x: Tensor, /) -> Tensor:
        if x.is_complex():
            return torch.view_as_real(x)
        return torch.stack([x, torch.zeros_like(x)], -1)


KERNELS = TorchControlFlow(torch, CORE)
