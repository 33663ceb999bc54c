"""Control-flow and state-like update kernels, written once for numpy-like modules.

The base class runs loops and branches as plain Python, which is right for numpy and
for eager torch; jax and tensorflow override them with their own tracing-aware
primitives (`lax.*`, `tf.cond`, `tf.while_loop`...). Tensors arrive converted and
promoted; loop carries and `xs` arrive as nested structures of native tensors; the ops
have already checked shapes, so kernels do no validation and hold no dtype policy.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from typing import Any

from keras import tree
from keras.backend._kernels.core import Core
from keras.ops._typing import Tensor

# Start indices: Python ints (static) or scalar tensors / a 1-d int tensor (dynamic).
StartIndices = Sequence[Any] | Tensor


class ControlFlow:
    """Control-flow kernels written against the numpy API (`self.xnp`), with Python loops."""

    def __init__(self, xnp: Any, core: Core) -> None:
        self.xnp = xnp
        self.core = core

    # --- helpers a backend overrides where its library differs -----------------------------

    def _stack(self, values: Sequence[Any]) -> Tensor:
        return self.xnp.stack(list(values), 0)

    def _concatenate(self, values: Sequence[Tensor], axis: int) -> Tensor:
        return self.xnp.concatenate(list(values), axis)

    def _flip(self, x: Tensor, axis: int) -> Tensor:
        return self.xnp.flip(x, axis)

    def _transpose(self, x: Tensor, permutation: tuple[int, ...]) -> Tensor:
        return self.xnp.transpose(x, permutation)

    def _copy(self, x: Tensor) -> Tensor:
        return self.xnp.array(x, copy=True)

    def _ints(self, start_indices: StartIndices) -> list[int]:
        """Return start indices as Python ints (the Python-loop backends are never traced)."""
        return [int(s) for s in start_indices]

    # --- branches ----------------------------------------------------------------------------

    def cond(self, pred: Any, true_fn: Callable[[], Any], false_fn: Callable[[], Any], /) -> Any:
        return true_fn() if bool(pred) else false_fn()

    def switch(self, index: Any, branches: Sequence[Callable[..., Any]], operands: tuple[Any, ...], /) -> Any:
        position = builtins.min(builtins.max(int(index), 0), len(branches) - 1)
        return branches[position](*operands)

    # --- loops -------------------------------------------------------------------------------

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
        n = length if length is not None else int(xs_flat[0].shape[0])

        def x_at(i: int) -> Any:
            return None if xs is None else tree.pack_sequence_as(xs, [leaf[i] for leaf in xs_flat])

        if n == 0:
            # Learn the structure of `y` from one call on zero slices; return it empty.
            zeros = [self.xnp.zeros(tuple(leaf.shape[1:]), dtype=leaf.dtype) for leaf in xs_flat]
            first = None if xs is None else tree.pack_sequence_as(xs, zeros)
            _, y = f(init, first)
            return init, tree.map_structure(lambda v: None if v is None else self._stack([v])[:0], y)
        carry = init
        ys: list[Any] = []
        for i in range(n - 1, -1, -1) if reverse else range(n):
            carry, y = f(carry, x_at(i))
            ys.append(y)
        if reverse:
            ys.reverse()
        return carry, self._stack_structures(ys)

    def _stack_structures(self, ys: list[Any]) -> Any:
        return tree.map_structure(lambda *leaves: None if leaves[0] is None else self._stack(leaves), *ys)

    def map(self, f: Callable[[Any], Any], xs: Any, /) -> Any:
        _, ys = self.scan(lambda carry, x: (carry, f(x)), (), xs, None, False, 1)
        return ys

    def vectorized_map(self, function: Callable[[Any], Any], elements: Any, /) -> Any:
        return self.map(function, elements)

    def fori_loop(self, lower: Any, upper: Any, body_fun: Callable[[Any, Any], Any], init_val: Any, /) -> Any:
        value = init_val
        for i in range(int(lower), int(upper)):
            value = body_fun(i, value)
        return value

    def while_loop(
        self,
        cond: Callable[..., Any],
        body: Callable[..., tuple[Any, ...]],
        loop_vars: tuple[Any, ...],
        maximum_iterations: int | None,
        /,
    ) -> tuple[Any, ...]:
        count = 0
        while (maximum_iterations is None or count < maximum_iterations) and bool(cond(*loop_vars)):
            loop_vars = body(*loop_vars)
            count += 1
        return loop_vars

    def associative_scan(self, f: Callable[[Any, Any], Any], elems: Any, reverse: bool, axis: int, /) -> Any:
        flat = tree.flatten(elems)
        if reverse:
            flat = [self._flip(x, axis) for x in flat]

        def combine(a: list[Tensor], b: list[Tensor]) -> list[Tensor]:
            return tree.flatten(f(tree.pack_sequence_as(elems, a), tree.pack_sequence_as(elems, b)))

        result = self._associative_scan(combine, flat, axis)
        if reverse:
            result = [self._flip(x, axis) for x in result]
        return tree.pack_sequence_as(elems, result)

    def _slice_axis(self, x: Tensor, start: int, stop: int | None, step: int, axis: int) -> Tensor:
        return x[(builtins.slice(None),) * axis + (builtins.slice(start, stop, step),)]

    def _associative_scan(
        self, combine: Callable[[list[Tensor], list[Tensor]], list[Tensor]], flat: list[Tensor], axis: int
    ) -> list[Tensor]:
        """Prefix-combine `flat` along `axis` in O(log n) rounds: pairs, recurse, fill evens."""
        n = int(flat[0].shape[axis])
        if n < 2:
            return flat
        pairs = combine(
            [self._slice_axis(x, 0, n - 1, 2, axis) for x in flat],
            [self._slice_axis(x, 1, None, 2, axis) for x in flat],
        )
        odd = self._associative_scan(combine, pairs, axis)
        # Even positions after the first: the odd prefix before them combined with themselves.
        count = (n + 1) // 2 - 1
        even = combine(
            [self._slice_axis(x, 0, count, 1, axis) for x in odd],
            [self._slice_axis(x, 2, None, 2, axis) for x in flat],
        )
        even = [
            self._concatenate([self._slice_axis(x, 0, 1, 1, axis), e], axis)
            for x, e in zip(flat, even, strict=True)
        ]
        return [self._interleave(e, o, axis) for e, o in zip(even, odd, strict=True)]

    def _interleave(self, a: Tensor, b: Tensor, axis: int) -> Tensor:
        """Interleave `a` and `b` along `axis`; `a` is as long as `b` or one longer."""
        m = int(b.shape[axis])
        head = self._slice_axis(a, 0, m, 1, axis)
        shape = tuple(head.shape)
        pairs = self.xnp.stack([head, b], axis + 1)
        merged = self.xnp.reshape(pairs, (*shape[:axis], 2 * m, *shape[axis + 1 :]))
        if int(a.shape[axis]) > m:
            merged = self._concatenate([merged, self._slice_axis(a, m, m + 1, 1, axis)], axis)
        return merged

    # --- gradients ---------------------------------------------------------------------------

    def stop_gradient(self, x: Tensor, /) -> Tensor:
        return x

    def custom_gradient(self, f: Callable[..., tuple[Any, Callable[..., Any]]], /) -> Callable[..., Any]:
        """Return `f`'s value alone: a backend without gradients never calls the gradient."""

        def value_only(*args: Any, **kwargs: Any) -> Any:
            return f(*args, **kwargs)[0]

        return value_only

    # --- slices and scatters -----------------------------------------------------------------

    def slice(self, x: Tensor, start_indices: StartIndices, shape: tuple[int, ...], /) -> Tensor:
        starts = self._ints(start_indices)
        return x[tuple(builtins.slice(s, s + n) for s, n in zip(starts, shape, strict=True))]

    def slice_update(self, x: Tensor, start_indices: StartIndices, updates: Tensor, /) -> Tensor:
        starts = self._ints(start_indices)
        out = self._copy(x)
        out[tuple(builtins.slice(s, s + n) for s, n in zip(starts, tuple(updates.shape), strict=True))] = (
            updates
        )
        return out

    def scatter(self, indices: Tensor, values: Tensor, shape: tuple[int, ...], /) -> Tensor:
        return self.scatter_update(self.xnp.zeros(shape, dtype=values.dtype), indices, values, "add")

    def scatter_update(self, x: Tensor, indices: Tensor, updates: Tensor, reduction: str | None, /) -> Tensor:
        """Write (or reduce) `updates` into a copy of `x` at the `(..., k)` `indices`."""
        k = int(indices.shape[-1])
        rest = tuple(x.shape[k:])
        flat_indices = self.xnp.reshape(indices, (-1, k))
        flat_updates = self.xnp.reshape(updates, (-1, *rest))
        key = tuple(flat_indices[:, j] for j in range(k))
        return self._scatter(x, key, flat_updates, reduction)

    def _scatter(self, x: Tensor, key: tuple[Tensor, ...], updates: Tensor, reduction: str | None) -> Tensor:
        xnp = self.xnp
        out = self._copy(x)
        if reduction is None:
            out[key] = updates
        else:
            ufunc = {"add": xnp.add, "max": xnp.maximum, "min": xnp.minimum, "mul": xnp.multiply}[reduction]
            ufunc.at(out, key, updates)
        return out

    # --- casts, views and reshapes -----------------------------------------------------------

    def saturate_cast(
        self,
        x: Tensor,
        low: int | float | None,
        high: int | float | None,
        dtype: str,
        nan_to_zero: bool,
        /,
    ) -> Tensor:
        """Clip `x` to `[low, high]` (exact in `x`'s dtype; `None`: no clip), then cast."""
        if nan_to_zero:
            x = self.xnp.where(self.xnp.isnan(x), self.xnp.zeros_like(x), x)
        if low is not None and high is not None:
            x = self.xnp.clip(x, low, high)
        return self.core.cast(x, dtype)

    def unstack(self, x: Tensor, num: int, axis: int, /) -> list[Tensor]:
        prefix = (builtins.slice(None),) * axis
        return [x[(*prefix, i)] for i in range(num)]

    def rearrange(
        self,
        x: Tensor,
        decomposed_shape: tuple[int, ...],
        permutation: tuple[int, ...],
        shape: tuple[int, ...],
        /,
    ) -> Tensor:
        if tuple(x.shape) != decomposed_shape:
            x = self.xnp.reshape(x, decomposed_shape)
        if permutation != tuple(range(len(permutation))):
            x = self._transpose(x, permutation)
        if tuple(x.shape) != shape:
            x = self.xnp.reshape(x, shape)
        return x

    def view_as_complex(self, x: Tensor, /) -> Tensor:
        """Return the complex64 tensor whose real and imaginary parts are `x[..., 0]`, `x[..., 1]`."""
        return x[..., 0] + 1j * x[..., 1]

    def view_as_real(self, x: Tensor, /) -> Tensor:
        return self.xnp.stack([self.xnp.real(x), self.xnp.imag(x)], -1)
