"""Control-flow kernels for the tensorflow backend: `tf.cond`, `tf.while_loop`... inside `tf.function`."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras import tree
from keras.backend._kernels.control_flow import ControlFlow, StartIndices
from keras.backend._tensorflow.core import KERNELS as CORE
from keras.ops._typing import Tensor


def _traced(x: Any) -> bool:
    return isinstance(x, tf.Tensor) and tf.is_symbolic_tensor(x)


def _int_vector(start_indices: StartIndices) -> Tensor:
    if isinstance(start_indices, (list, tuple)):
        return tf.stack([tf.cast(s, tf.int32) for s in start_indices])
    return tf.cast(start_indices, tf.int32)


class TensorflowControlFlow(ControlFlow):
    def cond(self, pred: Any, true_fn: Callable[[], Any], false_fn: Callable[[], Any], /) -> Any:
        if _traced(pred):
            return tf.cond(pred, true_fn, false_fn)
        return super().cond(pred, true_fn, false_fn)

    def switch(self, index: Any, branches: Sequence[Callable[..., Any]], operands: tuple[Any, ...], /) -> Any:
        if _traced(index):
            position = tf.clip_by_value(tf.cast(index, tf.int32), 0, len(branches) - 1)
            return tf.switch_case(position, [lambda b=b: b(*operands) for b in branches])
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
        xs_flat = tree.flatten(xs) if xs is not None else []
        n: Any = length if length is not None else xs_flat[0].shape[0]
        if n == 0:
            return super().scan(f, init, xs, 0, reverse, unroll)
        if n is None:
            n = tf.shape(xs_flat[0])[0]

        def x_at(i: Any) -> Any:
            return None if xs is None else tree.pack_sequence_as(xs, [tf.gather(leaf, i) for leaf in xs_flat])

        # The first step runs outside the loop: it tells the dtypes of the `y` arrays.
        first = n - 1 if reverse else 0
        carry, y = f(init, x_at(first))
        y_flat = [None if v is None else tf.convert_to_tensor(v) for v in tree.flatten(y)]
        arrays = [
            tf.TensorArray(v.dtype, size=n, element_shape=v.shape).write(first, v)
            for v in y_flat
            if v is not None
        ]

        def body(k: Any, carry: Any, arrays: list[Any]) -> tuple[Any, Any, list[Any]]:
            i = n - 1 - k if reverse else k
            carry, y = f(carry, x_at(i))
            values = [v for v in tree.flatten(y) if v is not None]
            return k + 1, carry, [a.write(i, v) for a, v in zip(arrays, values, strict=True)]

        _, carry, arrays = tf.while_loop(lambda k, *_: k < n, body, (tf.constant(1), carry, arrays))
        stacked = iter([a.stack() for a in arrays])
        return carry, tree.pack_sequence_as(y, [None if v is None else next(stacked) for v in y_flat])

    def vectorized_map(self, function: Callable[[Any], Any], elements: Any, /) -> Any:
        return tf.vectorized_map(function, elements)

    def fori_loop(self, lower: Any, upper: Any, body_fun: Callable[[Any, Any], Any], init_val: Any, /) -> Any:
        _, value = tf.while_loop(
            lambda i, _: i < upper,
            lambda i, value: (i + 1, body_fun(i, value)),
            (tf.cast(lower, tf.int32), init_val),
        )
        return value

    def while_loop(
        self,
        cond: Callable[..., Any],
        body: Callable[..., tuple[Any, ...]],
        loop_vars: tuple[Any, ...],
        maximum_iterations: int | None,
        /,
    ) -> tuple[Any, ...]:
        return tuple(tf.while_loop(cond, body, loop_vars, maximum_iterations=maximum_iterations))

    def stop_gradient(self, x: Tensor, /) -> Tensor:
        return tf.stop_gradient(x)

    def custom_gradient(self, f: Callable[..., tuple[Any, Callable[..., Any]]], /) -> Callable[..., Any]:
        wrapped: Callable[..., Any] = tf.custom_gradient(f)
        return wrapped

    def slice(self, x: Tensor, start_indices: StartIndices, shape: tuple[int, ...], /) -> Tensor:
        return tf.slice(x, _int_vector(start_indices), shape)

    def slice_update(self, x: Tensor, start_indices: StartIndices, updates: Tensor, /) -> Tensor:
        if not updates.shape.rank:
            return updates
        # The coordinates of every entry of the window, offset by the start indices.
        grids = tf.meshgrid(*(tf.range(n) for n in updates.shape), indexing="ij")
        indices = tf.stack(grids, -1) + _int_vector(start_indices)
        return tf.tensor_scatter_nd_update(x, indices, updates)

    def _wrap(self, indices: Tensor, dims: Sequence[int]) -> Tensor:
        sizes = tf.constant(list(dims), dtype=indices.dtype)
        return tf.where(indices < 0, indices + sizes, indices)

    def scatter(self, indices: Tensor, values: Tensor, shape: tuple[int, ...], /) -> Tensor:
        k = int(indices.shape[-1])
        return tf.scatter_nd(self._wrap(indices, shape[:k]), values, shape)

    def scatter_update(self, x: Tensor, indices: Tensor, updates: Tensor, reduction: str | None, /) -> Tensor:
        k = int(indices.shape[-1])
        indices = self._wrap(indices, x.shape[:k])
        if reduction == "mul":
            # No tensor_scatter_nd_mul: multiply by per-position products (1 where untouched).
            dims = x.shape[:k]
            linear = tf.zeros_like(indices[..., 0])
            for j, size in enumerate(dims):
                linear = linear * size + indices[..., j]
            factors = tf.math.unsorted_segment_prod(updates, linear, math.prod(dims))
            return x * tf.reshape(factors, x.shape)
        scatter = {
            None: tf.tensor_scatter_nd_update,
            "add": tf.tensor_scatter_nd_add,
            "max": tf.tensor_scatter_nd_max,
            "min": tf.tensor_scatter_nd_min,
        }[reduction]
        return scatter(x, indices, updates)

    def unstack(self, x: Tensor, num: int, axis: int, /) -> list[Tensor]:
        return list(tf.unstack(x, num=num, axis=axis))

    def view_as_complex(self, x: Tensor, /) -> Tensor:
        return tf.complex(x[..., 0], x[..., 1])

    def view_as_real(self, x: Tensor, /) -> Tensor:
        if x.dtype.is_complex:
            return tf.stack([tf.math.real(x), tf.math.imag(x)], -1)
        return tf.stack([x, tf.zeros_like(x)], -1)


KERNELS = TensorflowControlFlow(tnp, CORE)
