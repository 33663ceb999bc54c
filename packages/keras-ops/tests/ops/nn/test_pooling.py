"""Tests of the pooling ops against numpy loops: values, dtypes, specs and errors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras.ops._convert import to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops.nn import _pooling as ops_module

CL, CF = "channels_last", "channels_first"


def _per_axis(value: int | Sequence[int], ndim: int) -> tuple[int, ...]:
    return (value,) * ndim if isinstance(value, int) else tuple(value)


def _pool_loop(
    x: np.ndarray, pool_size: Any, strides: Any, padding: str, data_format: str, reduce: Any
) -> np.ndarray:
    """Reduce each window over the input positions it covers (padding never counts)."""
    ndim = x.ndim - 2
    x = x if data_format == CL else np.moveaxis(x, 1, -1)
    size = _per_axis(pool_size, ndim)
    steps = size if strides is None else _per_axis(strides, ndim)
    spatial = x.shape[1:-1]
    if padding.lower() == "same":
        out = [-(-n // s) for n, s in zip(spatial, steps, strict=True)]
        before = [
            max((o - 1) * s + k - n, 0) // 2 for o, s, k, n in zip(out, steps, size, spatial, strict=True)
        ]
    else:
        out = [(n - k) // s + 1 for n, k, s in zip(spatial, size, steps, strict=True)]
        before = [0] * ndim
    y = np.zeros((x.shape[0], *out, x.shape[-1]), x.dtype)
    for position in np.ndindex(*out):
        box = tuple(
            slice(max(p * s - b, 0), min(p * s - b + k, n))
            for p, s, b, k, n in zip(position, steps, before, size, spatial, strict=True)
        )
        window = x[(slice(None), *box, slice(None))].reshape(x.shape[0], -1, x.shape[-1])
        y[(slice(None), *position)] = reduce(window, axis=1)
    return y if data_format == CL else np.moveaxis(y, -1, 1)


def ref_max_pool(
    x: np.ndarray, pool_size: Any, strides: Any = None, padding: str = "valid", data_format: str = CL
) -> np.ndarray:
    return _pool_loop(x, pool_size, strides, padding, data_format, np.max)


def ref_average_pool(
    x: np.ndarray, pool_size: Any, strides: Any = None, padding: str = "valid", data_format: str = CL
) -> np.ndarray:
    return _pool_loop(x.astype(np.float64), pool_size, strides, padding, data_format, np.mean)


def _adaptive_loop(x: np.ndarray, output_size: Any, data_format: str, reduce: Any) -> np.ndarray:
    ndim = x.ndim - 2
    x = x if data_format == CL else np.moveaxis(x, 1, -1)
    out = _per_axis(output_size, ndim)
    y = np.zeros((x.shape[0], *out, x.shape[-1]), x.dtype)
    for position in np.ndindex(*out):
        box = tuple(
            slice(int(np.floor(i * n / o)), int(np.ceil((i + 1) * n / o)))
            for i, n, o in zip(position, x.shape[1:-1], out, strict=True)
        )
        window = x[(slice(None), *box, slice(None))].reshape(x.shape[0], -1, x.shape[-1])
        y[(slice(None), *position)] = reduce(window, axis=1)
    return y if data_format == CL else np.moveaxis(y, -1, 1)


def ref_adaptive_max_pool(x: np.ndarray, output_size: Any, data_format: str = CL) -> np.ndarray:
    return _adaptive_loop(x, output_size, data_format, np.max)


def ref_adaptive_average_pool(x: np.ndarray, output_size: Any, data_format: str = CL) -> np.ndarray:
    return _adaptive_loop(x.astype(np.float64), output_size, data_format, np.mean)


TOL = {"rtol": 1e-5, "atol": 1e-5}


def _x(spatial: tuple[int, ...], data_format: str, dtype: str = "float32") -> np.ndarray:
    return rand(2, *spatial, 3, dtype=dtype) if data_format == CL else rand(2, 3, *spatial, dtype=dtype)


def _window_cases() -> list[Case]:
    cases = []
    for spatial in ((7,), (6, 5), (5, 4, 4)):
        for fmt in (CL, CF):
            x = _x(spatial, fmt)
            for pool_size, strides, padding in (
                (2, None, "valid"),
                (3, 1, "same"),
                (3, 2, "SAME"),
                (2, 1, "Valid"),
            ):
                kw = {"pool_size": pool_size, "strides": strides, "padding": padding, "data_format": fmt}
                tag = f"{len(spatial)}d-{fmt}-k{pool_size}-s{strides}-{padding}"
                cases.append(Case("max_pool", ref_max_pool, (x,), kw, "float32", id=tag, **TOL))
                cases.append(Case("average_pool", ref_average_pool, (x,), kw, "float32", id=tag, **TOL))
            for size in (1, 3, 4):
                kw = {"output_size": size, "data_format": fmt}
                tag = f"{len(spatial)}d-{fmt}-{size}"
                cases.append(
                    Case("adaptive_max_pool", ref_adaptive_max_pool, (x,), kw, "float32", id=tag, **TOL)
                )
                cases.append(
                    Case(
                        "adaptive_average_pool", ref_adaptive_average_pool, (x,), kw, "float32", id=tag, **TOL
                    )
                )
    return cases


DTYPE_CASES = [
    Case(
        "max_pool",
        ref_max_pool,
        (rand(1, 5, 2, dtype="int8"),),
        {"pool_size": 2, "padding": "same"},
        "int8",
        id="int8",
    ),
    Case(
        "max_pool",
        ref_max_pool,
        (rand(1, 4, 4, 2, dtype="int32"),),
        {"pool_size": 3, "strides": 1, "padding": "same"},
        "int32",
        id="int32",
    ),
    Case(
        "max_pool",
        ref_max_pool,
        (rand(1, 4, 4, 4, 2, dtype="uint8"),),
        {"pool_size": 2},
        "uint8",
        id="uint8-3d",
    ),
    Case(
        "max_pool",
        ref_max_pool,
        (rand(1, 4, 4, 4, 2, dtype="float16"),),
        {"pool_size": 2, "padding": "same", "strides": 1},
        "float16",
        id="float16-3d",
    ),
    Case(
        "max_pool",
        ref_max_pool,
        (rand(1, 5, 2, dtype="bfloat16"),),
        {"pool_size": 2, "padding": "same"},
        "bfloat16",
        id="bfloat16",
    ),
    Case(
        "average_pool",
        ref_average_pool,
        (rand(1, 5, 2, dtype="int8"),),
        {"pool_size": 2, "padding": "same"},
        "float32",
        id="int8-to-float32",
        **TOL,
    ),
    Case(
        "average_pool",
        ref_average_pool,
        (rand(1, 4, 4, 2, dtype="int32"),),
        {"pool_size": 3, "strides": 1, "padding": "same"},
        "float32",
        id="int32-to-float32",
        **TOL,
    ),
    Case(
        "average_pool",
        ref_average_pool,
        (rand(1, 4, 4, 4, 2, dtype="float16"),),
        {"pool_size": 2, "padding": "same", "strides": 1},
        "float16",
        rtol=1e-2,
        atol=1e-2,
        id="float16-3d",
    ),
    Case(
        "average_pool",
        ref_average_pool,
        (rand(1, 4, 4, 4, 2, dtype="float64"),),
        {"pool_size": 2, "padding": "same", "strides": 1},
        "float32",
        id="float64-narrows-as-keras-jax",
        **TOL,
    ),
    Case(
        "average_pool",
        ref_average_pool,
        (rand(1, 5, 5, 2, dtype="bfloat16"),),
        {"pool_size": 2},
        "bfloat16",
        rtol=2e-2,
        atol=2e-2,
        id="bfloat16",
    ),
    Case(
        "adaptive_max_pool",
        ref_adaptive_max_pool,
        (rand(1, 7, 2, dtype="int32"),),
        {"output_size": 3, "data_format": CL},
        "int32",
        id="int32",
    ),
    Case(
        "adaptive_average_pool",
        ref_adaptive_average_pool,
        (rand(1, 7, 2, dtype="uint8"),),
        {"output_size": 3, "data_format": CL},
        "float32",
        id="uint8-to-float32",
        **TOL,
    ),
    Case(
        "adaptive_average_pool",
        ref_adaptive_average_pool,
        (rand(1, 5, 5, 2, dtype="float16"),),
        {"output_size": 2, "data_format": CL},
        "float16",
        rtol=1e-2,
        atol=1e-2,
        id="float16",
    ),
    Case(
        "adaptive_max_pool",
        ref_adaptive_max_pool,
        (rand(1, 9, 5, 2),),
        {"output_size": (4, 5), "data_format": CL},
        "float32",
        id="per-axis-sizes",
    ),
]

CASES = _window_cases() + DTYPE_CASES


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_matches_loops(case: Case) -> None:
    check_values(ops_module, case)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_symbolic_matches_eager(case: Case) -> None:
    check_symbolic(ops_module, case)


def test_same_average_excludes_padding() -> None:
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0], "float32").reshape(1, 5, 1)
    got = to_numpy(ops_module.average_pool(x, 4, 1, "same"))
    np.testing.assert_allclose(got.ravel(), [2.0, 2.5, 3.5, 4.0, 4.5])


def test_unknown_dims_propagate() -> None:
    y = ops_module.max_pool(KerasTensor((None, 3, None, 9), "float32"), 2, data_format=CF)
    assert y.shape == (None, 3, None, 4)
    z = ops_module.adaptive_average_pool(KerasTensor((None, 9, 9, 3), "int8"), 3, data_format=CL)
    assert (z.shape, z.dtype) == ((None, 3, 3, 3), "float32")


ERRORS = [
    ("max_pool", (np.ones((4, 2), "float32"), 2), {}, r"max_pool: `inputs` must have rank 3, 4 or 5", "rank"),
    (
        "max_pool",
        (np.ones((1, 4, 2), "float32"), 2),
        {"padding": "full"},
        r"max_pool: `padding` must be 'valid' or 'same'",
        "padding",
    ),
    (
        "average_pool",
        (np.ones((1, 4, 2), "float32"), 0),
        {},
        r"average_pool: `pool_size` must be an int",
        "pool-size",
    ),
    (
        "average_pool",
        (np.ones((1, 4, 2), "float32"), 2),
        {"strides": (1, 1)},
        r"`strides` must be an int or a sequence of 1",
        "strides",
    ),
    ("average_pool", (np.ones((1, 4, 2), "float32"), 5), {}, r"larger than the input", "window-too-large"),
    (
        "max_pool",
        (np.ones((1, 4, 2), "float32"), 2),
        {"data_format": "NWC"},
        r"`data_format` must be",
        "data-format",
    ),
    (
        "adaptive_max_pool",
        (np.ones((1, 4, 2), "float32"), 0),
        {},
        r"adaptive_max_pool: `output_size` must be",
        "size",
    ),
    (
        "adaptive_average_pool",
        (np.ones((4, 2), "float32"), 2),
        {},
        r"adaptive_average_pool: `inputs` must have rank",
        "rank",
    ),
]


@pytest.mark.parametrize(
    ("name", "args", "kwargs", "match"), [e[:4] for e in ERRORS], ids=[e[0] + "-" + e[4] for e in ERRORS]
)
def test_errors(name: str, args: tuple[Any, ...], kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        getattr(ops_module, name)(*args, **kwargs)
    symbolic = (KerasTensor(args[0].shape, "float32"), *args[1:])
    with pytest.raises(ValueError, match=match):
        getattr(ops_module, name)(*symbolic, **kwargs)
