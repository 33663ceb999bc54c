"""The op shortcut (`keras.ops._op.FastPath`) returns exactly what the general path returns.

A shortcut op's first call on a dtype goes the general way (and resolves the backend's
tensor class), the second judges the dtype, the third takes the shortcut if the dtype
qualifies. Each check below compares the third call with the first.
"""

from __future__ import annotations

import numpy as np
import pytest

from keras import ops
from keras.backend import backend
from keras.backend._active import K, reset_kernels
from keras.ops._convert import to_numpy
from keras.ops._op import _FAST_PATHS, FastPath, _Unresolved

FAST = {fast.op_name: fast for fast in _FAST_PATHS}
# Positive values in (0.5, 1.5): inside the domain of log, sqrt and friends for every op here.
DTYPES = ("float32", "float16", "bfloat16", "int32", "int8", "bool")


def _tensor(dtype: str, shape: tuple[int, ...], seed: int) -> object:
    values = np.random.default_rng(seed).uniform(0.5, 1.5, size=shape)
    if dtype == "bool":
        values = values > 1.0
    elif dtype.startswith("int"):
        values = np.round(values * 3)
    return K.core.convert_to_tensor(values, dtype)


def _call_three_times(name: str, *args: object) -> list[tuple[str, np.ndarray]]:
    results = []
    for _ in range(3):
        out = getattr(ops, name)(*args)
        results.append((str(ops.dtype(out)), to_numpy(out)))
    return results


def test_every_shortcut_op_is_public_and_of_one_or_two_tensors() -> None:
    assert len(FAST) == len(_FAST_PATHS) >= 40
    for name, fast in FAST.items():
        assert getattr(ops, name).__name__ == name
        assert fast.parameters in (("x",), ("x1", "x2"))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", sorted(FAST))
def test_shortcut_gives_the_general_result(name: str, dtype: str) -> None:
    fast = FAST[name]
    args = [_tensor(dtype, (3, 4), seed) for seed in range(len(fast.parameters))]
    try:
        results = _call_three_times(name, *args)
    except Exception as error:  # the op (or the library) rejects this dtype: it must do so every time
        for _ in range(2):
            with pytest.raises(type(error)):
                getattr(ops, name)(*args)
        return
    (first_dtype, first), _, (third_dtype, third) = results
    assert third_dtype == first_dtype
    np.testing.assert_array_equal(third, first)


@pytest.mark.parametrize("name", ["add", "multiply", "maximum", "matmul", "exp", "relu", "negative"])
def test_float32_takes_the_shortcut(name: str) -> None:
    fast = FAST[name]
    args = [_tensor("float32", (4, 4), seed) for seed in range(len(fast.parameters))]
    _call_three_times(name, *args)
    assert fast.state[0] is type(args[0])
    assert args[0].dtype in fast.dtypes  # type: ignore[attr-defined]


def test_shortcut_keeps_the_general_error() -> None:
    a, b = _tensor("float32", (2, 3), 0), _tensor("float32", (2, 3), 1)
    _call_three_times("add", a, b)
    with pytest.raises(ValueError, match=r"add: Cannot broadcast shape \(2, 3\) with shape \(4, 5\)"):
        ops.add(a, _tensor("float32", (4, 5), 2))
    _call_three_times("matmul", a, ops.transpose(b))
    with pytest.raises(ValueError, match="matmul: the last axis of `x1` \\(3\\) must match"):
        ops.matmul(a, b)


def test_matmul_of_bool_and_int8_keeps_keras_dtypes() -> None:
    # bool matmul computes in int32 and casts back; int8 gives int32: neither may take the shortcut.
    assert [
        d for d, _ in _call_three_times("matmul", _tensor("bool", (2, 2), 0), _tensor("bool", (2, 2), 1))
    ] == ["bool"] * 3
    assert [
        d for d, _ in _call_three_times("matmul", _tensor("int8", (2, 2), 0), _tensor("int8", (2, 2), 1))
    ] == ["int32"] * 3


@pytest.mark.skipif(backend() != "numpy", reason="numpy's own matmul turns bfloat16 into float32")
def test_numpy_bfloat16_matmul_stays_bfloat16() -> None:
    a = _tensor("bfloat16", (2, 2), 0)
    assert [d for d, _ in _call_three_times("matmul", a, a)] == ["bfloat16"] * 3
    assert a.dtype not in FAST["matmul"].dtypes  # type: ignore[attr-defined]


def test_mixed_dtypes_and_scalars_take_the_general_path() -> None:
    a = _tensor("float16", (2,), 0)
    b = _tensor("float32", (2,), 1)
    assert [d for d, _ in _call_three_times("add", a, b)] == ["float32"] * 3
    assert [d for d, _ in _call_three_times("add", a, 2.0)] == ["float16"] * 3


def test_a_backend_reset_forgets_the_resolved_class() -> None:
    a = _tensor("float32", (2,), 0)
    _call_three_times("add", a, a)
    reset_kernels()
    fast: FastPath = FAST["add"]
    assert fast.state[0] is _Unresolved and not fast.dtypes
    a = _tensor("float32", (2,), 0)
    (_, first), _, (_, third) = _call_three_times("add", a, a)
    np.testing.assert_array_equal(third, first)
    assert a.dtype in fast.dtypes  # type: ignore[attr-defined]
