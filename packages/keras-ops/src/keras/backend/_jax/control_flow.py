"""Control-flow kernels for the jax backend: `lax` primitives, so that they trace under `jax.jit`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp
from jax import lax

from keras.backend._jax.core import KERNELS as CORE
from keras.backend._kernels.control_flow import ControlFlow, StartIndices
from keras.ops._typing import Tensor


def _traced(x: Any) -> bool:
    return isinstance(x, jax.core.Tracer)


class JaxControlFlow(ControlFlow):
    def cond(self, pred: Any, true_fn: Callable[[], Any], false_fn: Callable[[], Any], /) -> Any:
        if _traced(pred):
            return lax.cond(pred, true_fn, false_fn)
        return super().cond(pred, true_fn, false_fn)

    def switch(self, index: Any, branches: Sequence[Callable[..., Any]], operands: tuple[Any, ...], /) -> Any:
        if _traced(index):
            return lax.switch(index, list(branches), *operands)
        return super().switch(index, branches, operands)

    def scan(
        self,
        f: Callable[[Any, Any], tuple[Any, Any]],
        init: Any,
        xs: Any,
        length: int | None,
        reverse: bool,
        unroll: int | bool,
        /,
    ) -> tuple[Any, Any]:
        return lax.scan(f, init, xs, length=length, reverse=reverse, unroll=unroll)

    def map(self, f: Callable[[Any], Any], xs: Any, /) -> Any:
        return lax.map(f, xs)

    def vectorized_map(self, function: Callable[[Any], Any], elements: Any, /) -> Any:
        return jax.vmap(function)(elements)

    def fori_loop(self, lower: Any, upper: Any, body_fun: Callable[[Any, Any], Any], init_val: Any, /) -> Any:
        return lax.fori_loop(lower, upper, body_fun, init_val)

    def while_loop(
        self,
        cond: Callable[..., Any],
        body: Callable[..., tuple[Any, ...]],
        loop_vars: tuple[Any, ...],
        maximum_iterations: int | None,
        /,
    ) -> tuple[Any, ...]:
        if maximum_iterations is None:
            result: tuple[Any, ...] = lax.while_loop(lambda v: cond(*v), lambda v: body(*v), loop_vars)
            return result
        # Count the iterations in one more carry, and stop at the limit.
        counted = lax.while_loop(
            lambda v: jnp.logical_and(v[1] < maximum_iterations, cond(*v[0])),
            lambda v: (body(*v[0]), v[1] + 1),
            (loop_vars, jnp.asarray(0, dtype=jnp.int32)),
        )
        result = counted[0]
        return result

    def associative_scan(self, f: Callable[[Any, Any], Any], elems: Any, reverse: bool, axis: int, /) -> Any:
        return lax.associative_scan(f, elems, reverse=reverse, axis=axis)

    def stop_gradient(self, x: Tensor, /) -> Tensor:
        return lax.stop_gradient(x)

    def custom_gradient(self, f: Callable[..., tuple[Any, Callable[..., Any]]], /) -> Callable[..., Any]:
        wrapped: Callable[..., Any] = jax.custom_gradient(f)  # type: ignore[no-untyped-call]
        return wrapped

    def slice(self, x: Tensor, start_indices: StartIndices, shape: tuple[int, ...], /) -> Tensor:
        return lax.dynamic_slice(x, tuple(start_indices), shape)

    def slice_update(self, x: Tensor, start_indices: StartIndices, updates: Tensor, /) -> Tensor:
        return lax.dynamic_update_slice(x, updates, tuple(start_indices))

    def _scatter(self, x: Tensor, key: tuple[Tensor, ...], updates: Tensor, reduction: str | None) -> Tensor:
        at = x.at[key]
        if reduction is None:
            return at.set(updates)
        return {"add": at.add, "max": at.max, "min": at.min, "mul": at.multiply}[reduction](updates)

    def view_as_complex(self, x: Tensor, /) -> Tensor:
        return lax.complex(x[..., 0], x[..., 1])


KERNELS = JaxControlFlow(jnp, CORE)
