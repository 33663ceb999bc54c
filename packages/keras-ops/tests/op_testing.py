"""Shared machinery for op tests: table rows, numpy comparison, symbolic checks.

A `Case` row names an op, its numpy (or closed-form) reference, the arguments and the
expected output dtype. The same rows drive three checks: values against the reference,
the output dtype, and the symbolic spec (shape and dtype on `KerasTensor` inputs)
against the eager result.
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import numpy as np

from keras.backend import standardize_dtype
from keras.ops._convert import to_numpy
from keras.ops._keras_tensor import KerasTensor

RNG = np.random.default_rng(1234)
# One generator per calling module: a module's data must not depend on which other test
# modules pytest happened to import first.
_MODULE_RNGS: dict[str, np.random.Generator] = {}


def _rng_of_caller() -> np.random.Generator:
    module = sys._getframe(2).f_globals.get("__name__", "")
    if module not in _MODULE_RNGS:
        _MODULE_RNGS[module] = np.random.default_rng(zlib.crc32(module.encode()))
    return _MODULE_RNGS[module]


def rand(*shape: int, dtype: str = "float32", low: float = -2.0, high: float = 2.0) -> np.ndarray:
    """Return reproducible random data of `shape` and `dtype` (ints drawn in [low, high)).

    The data depends only on the calling module and the order of its calls.
    """
    generator = _rng_of_caller()
    if dtype == "bool":
        return generator.random(shape) > 0.5
    if np.dtype(dtype).kind in "iu":
        return generator.integers(
            int(low) if np.dtype(dtype).kind == "i" else 0, max(int(high), 1), size=shape
        ).astype(dtype)
    return generator.uniform(low, high, size=shape).astype(dtype)


@dataclass(frozen=True)
class Case:
    """One row of an op table."""

    op: str
    ref: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    dtype: str | None = None  # expected output dtype; None: the reference's dtype
    rtol: float = 1e-6
    atol: float = 1e-6
    id: str = ""
    symbolic: bool = True  # whether the symbolic check applies (data-dependent shapes do not)


def case_id(case: Case) -> str:
    return f"{case.op}-{case.id}" if case.id else case.op


def call(module: ModuleType, case: Case) -> Any:
    return getattr(module, case.op)(*case.args, **case.kwargs)


def check_values(module: ModuleType, case: Case) -> None:
    """Assert the op's values equal the reference's within the row's tolerances, and the dtype."""
    got = call(module, case)
    expected = case.ref(*case.args, **case.kwargs)
    for g, e in zip(_as_list(got), _as_list(expected), strict=True):
        g_np = to_numpy(g)
        e_np = np.asarray(e)
        assert g_np.shape == e_np.shape, f"shape {g_np.shape} != expected {e_np.shape}"
        expected_dtype = case.dtype or standardize_dtype(e_np.dtype)
        if _is_inexact(g_np.dtype) or _is_inexact(e_np.dtype):
            g_np, e_np = _widen(g_np), _widen(e_np)
            np.testing.assert_allclose(
                g_np.astype(np.complex128 if g_np.dtype.kind == "c" else np.float64),
                e_np,
                rtol=case.rtol,
                atol=case.atol,
            )
        else:
            np.testing.assert_array_equal(g_np, e_np)
        assert standardize_dtype(g.dtype) == expected_dtype, (
            f"dtype {standardize_dtype(g.dtype)} != expected {expected_dtype}"
        )


def _is_inexact(dtype: np.dtype) -> bool:
    # bfloat16 and float8 (ml_dtypes) report kind 'V' to numpy: floats all the same.
    return dtype.kind in "fc" or standardize_dtype(dtype) in ("bfloat16", "float8_e4m3fn", "float8_e5m2")


def _widen(array: np.ndarray) -> np.ndarray:
    return array if array.dtype.kind in "fciub" else array.astype(np.float64)


def _symbolic(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return KerasTensor(value.shape, standardize_dtype(value.dtype))
    if isinstance(value, list) and value and all(isinstance(v, np.ndarray) for v in value):
        return [_symbolic(v) for v in value]
    if isinstance(value, tuple) and value and all(isinstance(v, np.ndarray) for v in value):
        return tuple(_symbolic(v) for v in value)
    return value


def check_symbolic(module: ModuleType, case: Case) -> None:
    """Assert that KerasTensor inputs give the shape and dtype of the eager result.

    Rows marked `symbolic=False` (data-dependent output shapes) are not checked here.
    """
    if not case.symbolic:
        return
    eager = call(module, case)
    args = tuple(_symbolic(a) for a in case.args)
    kwargs = {k: _symbolic(v) for k, v in case.kwargs.items()}
    symbolic = getattr(module, case.op)(*args, **kwargs)
    for s, e in zip(_as_list(symbolic), _as_list(eager), strict=True):
        assert isinstance(s, KerasTensor), f"expected a KerasTensor, got {type(s).__name__}"
        assert s.shape == tuple(to_numpy(e).shape), f"symbolic shape {s.shape} != eager {to_numpy(e).shape}"
        assert s.dtype == standardize_dtype(e.dtype), f"symbolic dtype {s.dtype} != eager {e.dtype}"


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


# --- gradients ------------------------------------------------------------------------------


def backend_gradient(function: Callable[..., Any], *xs: np.ndarray) -> list[np.ndarray]:
    """Gradient of `sum(function(*xs))` with the active backend's autodiff, in float64."""
    from keras.backend import backend

    name = backend()
    if name == "jax":
        import jax
        import jax.numpy as jnp

        grads = jax.grad(lambda *a: jnp.sum(function(*a)), argnums=tuple(range(len(xs))))(
            *map(jnp.asarray, xs)
        )
        return [np.asarray(g) for g in grads]
    if name == "torch":
        import torch

        tensors = [torch.tensor(x, requires_grad=True) for x in xs]
        function(*tensors).sum().backward()
        return [t.grad.numpy() for t in tensors]
    import tensorflow as tf

    variables = [tf.Variable(x) for x in xs]
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(function(*(tf.convert_to_tensor(v) for v in variables)))
    return [np.asarray(g) for g in tape.gradient(total, variables)]


def numeric_gradient(
    reference: Callable[..., Any], xs: tuple[np.ndarray, ...], eps: float = 1e-6
) -> list[np.ndarray]:
    """Central finite differences of `sum(reference(*xs))` in float64."""
    grads = []
    for position, x in enumerate(xs):
        grad = np.zeros_like(x)
        for index in np.ndindex(x.shape):
            step = np.zeros_like(x)
            step[index] = eps
            plus = [*xs[:position], x + step, *xs[position + 1 :]]
            minus = [*xs[:position], x - step, *xs[position + 1 :]]
            grad[index] = (np.sum(reference(*plus)) - np.sum(reference(*minus))) / (2 * eps)
        grads.append(grad)
    return grads
