"""Tests of the reduction ops: values against numpy, dtypes against Keras 3, symbolic specs, errors."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras.backend import backend, standardize_dtype
from keras.ops._convert import convert, to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops.numpy import _reductions as ops_module

X234 = rand(2, 3, 4)
X34 = rand(3, 4)
I8 = rand(3, 4, dtype="int8", low=-5, high=5)
U8 = rand(3, 4, dtype="uint8", high=6)
BOOLS = X34 > 0
F16 = rand(3, 4).astype("float16")
NANS = np.array(
    [[1.0, np.nan, 3.0, -2.0], [np.nan, np.nan, np.nan, np.nan], [0.5, 4.0, np.nan, -1.0]], dtype="float32"
)
EMPTY = np.zeros((0, 3), dtype="float32")


def quiet(reference: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a numpy reference so that all-NaN slices do not warn."""

    def run(*args: Any, **kwargs: Any) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return reference(*args, **kwargs)

    return run


def as_dtype(reference: Callable[..., Any], dtype: str) -> Callable[..., Any]:
    """Wrap a numpy reference so that its result has `dtype`."""

    def run(*args: Any, **kwargs: Any) -> Any:
        return np.asarray(quiet(reference)(*args, **kwargs)).astype(dtype)

    return run


def keras_nanargmax(x: np.ndarray, axis: int | None = None, keepdims: bool = False) -> np.ndarray:
    """numpy's nanargmax, with Keras's -1 for all-NaN slices instead of an error."""
    filled = np.where(np.isnan(x), -np.inf, x)
    out = np.where(
        np.isnan(x).all(axis=axis, keepdims=keepdims), -1, np.argmax(filled, axis, keepdims=keepdims)
    )
    return out.astype("int32")


def keras_nanargmin(x: np.ndarray, axis: int | None = None, keepdims: bool = False) -> np.ndarray:
    filled = np.where(np.isnan(x), np.inf, x)
    out = np.where(
        np.isnan(x).all(axis=axis, keepdims=keepdims), -1, np.argmin(filled, axis, keepdims=keepdims)
    )
    return out.astype("int32")


CASES = [
    # sum
    Case("sum", np.sum, (X234,), rtol=1e-5),
    Case("sum", np.sum, (X234,), {"axis": (0, 2), "keepdims": True}, rtol=1e-5, id="axes-keepdims"),
    Case("sum", np.sum, (X234,), {"axis": -1}, rtol=1e-5, id="negative-axis"),
    Case("sum", np.sum, (I8,), {"axis": 0}, dtype="int32", id="int8"),
    Case("sum", np.sum, (U8,), dtype="uint32", id="uint8"),
    Case("sum", np.sum, (BOOLS,), {"axis": 1}, dtype="int32", id="bool"),
    Case("sum", np.sum, (F16,), {"axis": 1}, rtol=1e-2, atol=1e-2, id="float16"),
    Case("sum", np.sum, (3,), dtype="int32", id="weak-int", symbolic=False),
    Case("sum", np.sum, ([[1, 2], [3, 4]],), {"axis": 0}, dtype="int32", id="list", symbolic=False),
    Case("sum", np.sum, (EMPTY,), {"axis": 0}, id="empty"),
    # prod
    Case("prod", np.prod, (X34,), {"axis": 1}, rtol=1e-5),
    Case("prod", np.prod, (X234,), {"axis": (0, 2)}, rtol=1e-5, id="axes"),
    Case("prod", np.prod, (X234,), {"keepdims": True}, rtol=1e-5, id="all-keepdims"),
    Case("prod", np.prod, (I8,), {"axis": 0}, dtype="int32", id="int8"),
    Case("prod", np.prod, (U8,), {"axis": 1}, dtype="uint32", id="uint8"),
    Case("prod", np.prod, (BOOLS,), {"axis": 1}, dtype="int32", id="bool"),
    Case("prod", as_dtype(np.prod, "float32"), (I8,), {"axis": 1, "dtype": "float32"}, id="dtype"),
    Case("nanprod", np.nanprod, (NANS,), {"axis": 1}, rtol=1e-5),
    Case("nanprod", np.nanprod, (I8,), {"axis": 0}, dtype="int32", id="int8"),
    # nansum
    Case("nansum", np.nansum, (NANS,)),
    Case("nansum", np.nansum, (NANS,), {"axis": 1, "keepdims": True}, id="axis-keepdims"),
    Case("nansum", np.nansum, (I8,), {"axis": 1}, dtype="int32", id="int8"),
    # cumulative
    Case("cumsum", np.cumsum, (X234,), {"axis": 1}, rtol=1e-5),
    Case("cumsum", np.cumsum, (X234,), rtol=1e-5, id="flat"),
    Case("cumsum", np.cumsum, (I8,), {"axis": -1}, dtype="int8", id="int8-stays"),
    Case("cumsum", np.cumsum, (BOOLS,), {"axis": 0}, dtype="int32", id="bool"),
    Case("cumsum", as_dtype(np.cumsum, "float32"), (I8,), {"axis": 0, "dtype": "float32"}, id="dtype"),
    Case("cumprod", np.cumprod, (X34,), {"axis": 0}, rtol=1e-5),
    Case("cumprod", np.cumprod, (X34,), rtol=1e-5, id="flat"),
    Case("cumprod", as_dtype(np.cumprod, "uint8"), (U8,), {"axis": 1}, id="uint8-wraps"),
    Case("nancumsum", np.nancumsum, (NANS,), {"axis": 1}),
    Case("nancumsum", np.nancumsum, (NANS,), id="flat"),
    Case("nancumprod", np.nancumprod, (NANS,), {"axis": 0}),
    Case("nancumprod", np.nancumprod, (I8,), {"axis": 0}, dtype="int8", id="int8"),
    # means and moments
    Case("mean", np.mean, (X234,), {"axis": (0, 1)}),
    Case("mean", np.mean, (X234,), {"keepdims": True}, id="all-keepdims"),
    Case("mean", as_dtype(np.mean, "float32"), (I8,), {"axis": 1}, id="int8"),
    Case("mean", as_dtype(np.mean, "float32"), (BOOLS,), id="bool"),
    Case("mean", np.mean, (F16,), {"axis": 0}, rtol=1e-3, atol=1e-3, id="float16"),
    Case("mean", as_dtype(np.mean, "float32"), (2,), id="weak-int", symbolic=False),
    Case("var", np.var, (X234,), {"axis": 2}, rtol=1e-5),
    Case("var", np.var, (X234,), {"axis": (0, 2), "keepdims": True}, rtol=1e-5, id="axes"),
    Case("var", as_dtype(np.var, "float32"), (I8,), rtol=1e-5, id="int8"),
    Case("std", np.std, (X234,), {"axis": 0}, rtol=1e-5),
    Case("std", as_dtype(np.std, "float32"), (U8,), {"axis": 1}, rtol=1e-5, id="uint8"),
    Case("std", np.std, (F16,), rtol=1e-3, atol=1e-3, id="float16"),
    Case("nanmean", quiet(np.nanmean), (NANS,), {"axis": 1}, id="all-nan-row"),
    Case("nanmean", np.nanmean, (NANS,), {"axis": None, "keepdims": True}, id="keepdims"),
    Case("nanmean", as_dtype(np.nanmean, "float32"), (I8,), {"axis": 0}, id="int8"),
    Case("nanvar", quiet(np.nanvar), (NANS,), {"axis": 1}, rtol=1e-5),
    Case("nanvar", np.nanvar, (NANS,), rtol=1e-5, id="all"),
    Case("nanstd", quiet(np.nanstd), (NANS,), {"axis": 1, "keepdims": True}, rtol=1e-5),
    Case("average", np.average, (X234,)),
    Case("average", np.average, (X234,), {"axis": 1}, id="axis"),
    Case(
        "average",
        np.average,
        (X34,),
        {"axis": 1, "weights": np.array([1.0, 2.0, 0.5, 3.0])},
        dtype="float32",
        id="1d-weights",
    ),
    Case(
        "average", np.average, (X34,), {"axis": 0, "weights": np.abs(X34) + 0.1}, rtol=1e-5, id="full-weights"
    ),
    Case("average", np.average, (X34,), {"weights": np.abs(X34) + 0.1}, rtol=1e-5, id="full-weights-all"),
    Case("average", as_dtype(np.average, "float32"), (I8,), {"axis": -1}, id="int8"),
    # extrema
    Case("max", np.max, (X234,), {"axis": 1}),
    Case("max", np.max, (X234,), {"axis": (0, 2), "keepdims": True}, id="axes-keepdims"),
    Case("max", np.max, (I8,), {"axis": 1, "initial": 2}, id="initial"),
    Case("max", np.max, (I8,), {"initial": 1.5}, id="initial-float-into-int8"),
    Case("max", np.max, (EMPTY,), {"axis": 0, "initial": -1.0}, id="empty-initial"),
    Case("max", np.max, (BOOLS,), {"axis": 0}, id="bool"),
    Case("max", np.max, (np.array([1.0, np.nan, 3.0], dtype="float32"),), id="nan-propagates"),
    Case("min", np.min, (X234,), {"axis": 2}),
    Case("min", np.min, (U8,), {"axis": 0, "initial": 1}, id="initial"),
    Case("min", np.min, (EMPTY,), {"axis": 0, "keepdims": True, "initial": 5.0}, id="empty-initial-keepdims"),
    Case("min", np.min, (BOOLS,), id="bool"),
    Case("amax", np.amax, (X234,), {"axis": -1}),
    Case("amax", np.amax, (F16,), id="float16"),
    Case("amin", np.amin, (I8,), {"axis": 0, "keepdims": True}),
    Case("ptp", np.ptp, (X234,), {"axis": 1}, rtol=1e-6),
    Case("ptp", np.ptp, (I8,), {"axis": (0, 1), "keepdims": True}, id="int8"),
    Case("nanmax", quiet(np.nanmax), (NANS,), {"axis": 1}),
    Case("nanmax", np.nanmax, (NANS,), {"axis": 0, "keepdims": True}, id="axis0"),
    Case("nanmax", np.nanmax, (I8,), {"axis": 0}, id="int8"),
    Case("nanmin", quiet(np.nanmin), (NANS,), {"axis": 1, "keepdims": True}),
    Case("nanmin", np.nanmin, (NANS,), id="all"),
    # truth
    Case("all", np.all, (X234 > -1.5,), {"axis": 1}),
    Case("all", np.all, (I8,), {"axis": (0, 1), "keepdims": True}, id="int8"),
    Case("all", np.all, (EMPTY,), {"axis": 0}, id="empty-true"),
    Case("any", np.any, (X234 > 1.5,), {"axis": 2}),
    Case("any", np.any, (X34,), id="float"),
    Case("any", np.any, (EMPTY,), {"axis": 0}, id="empty-false"),
    # positions and counts
    Case("argmax", as_dtype(np.argmax, "int32"), (X234,)),
    Case("argmax", as_dtype(np.argmax, "int32"), (X234,), {"axis": 1}, id="axis"),
    Case("argmax", as_dtype(np.argmax, "int32"), (X234,), {"axis": -1, "keepdims": True}, id="keepdims"),
    Case("argmax", as_dtype(np.argmax, "int32"), (X234,), {"keepdims": True}, id="flat-keepdims"),
    Case(
        "argmax",
        as_dtype(np.argmax, "int32"),
        (np.array([[1, 3, 3], [2, 2, 0]], "int8"),),
        {"axis": 1},
        id="ties",
    ),
    Case("argmax", as_dtype(np.argmax, "int32"), (BOOLS,), {"axis": 0}, id="bool"),
    Case("argmax", as_dtype(np.argmax, "int32"), (np.array([1.0, np.nan, 5.0, np.nan]),), id="first-nan"),
    Case("argmin", as_dtype(np.argmin, "int32"), (X234,), {"axis": 0}),
    Case("argmin", as_dtype(np.argmin, "int32"), (U8,), id="uint8"),
    Case("argmin", as_dtype(np.argmin, "int32"), (np.array([1.0, np.nan, -5.0]),), id="nan"),
    Case("nanargmax", keras_nanargmax, (NANS,), {"axis": 1}, id="all-nan-row"),
    Case("nanargmax", keras_nanargmax, (NANS,), {"axis": 0, "keepdims": True}, id="keepdims"),
    Case("nanargmax", as_dtype(np.argmax, "int32"), (I8,), {"axis": 1}, id="int8"),
    Case("nanargmin", keras_nanargmin, (NANS,), {"axis": 1}),
    Case("nanargmin", keras_nanargmin, (NANS,), id="flat"),
    Case("count_nonzero", as_dtype(np.count_nonzero, "int32"), (I8,)),
    Case("count_nonzero", as_dtype(np.count_nonzero, "int32"), (I8,), {"axis": 1}, id="axis"),
    Case("count_nonzero", as_dtype(np.count_nonzero, "int32"), (X234 > 0,), {"axis": (0, 2)}, id="axes"),
    # order statistics
    Case("median", np.median, (X234,), {"axis": 1}),
    Case("median", np.median, (X234,), {"axis": (0, 2), "keepdims": True}, id="axes-keepdims"),
    Case("median", np.median, (X234,), id="all"),
    Case("median", as_dtype(np.median, "float32"), (I8,), {"axis": 0}, id="int8"),
    Case(
        "median",
        np.median,
        (np.array([[1.0, np.nan, 2.0], [3.0, 1.0, 2.0]], "float32"),),
        {"axis": 1},
        id="nan",
    ),
    Case("quantile", np.quantile, (X234, 0.3), {"axis": 2}, rtol=1e-5),
    Case(
        "quantile",
        np.quantile,
        (X234, np.array([0.0, 0.3, 1.0], "float32")),
        {"axis": (0, 1)},
        rtol=1e-5,
        id="1d-q",
    ),
    Case(
        "quantile",
        np.quantile,
        (X234, [0.2, 0.7]),
        {"keepdims": True},
        rtol=1e-5,
        dtype="float32",
        id="1d-q-keepdims",
    ),
    Case("quantile", np.quantile, (X34, 0.4), {"axis": 1, "method": "lower"}, id="lower"),
    Case("quantile", np.quantile, (X34, 0.4), {"axis": 1, "method": "higher"}, id="higher"),
    Case(
        "quantile",
        np.quantile,
        (X34, [0.4, 0.9]),
        {"axis": 0, "method": "midpoint"},
        dtype="float32",
        id="midpoint",
    ),
    Case("quantile", np.quantile, (X34, [0.1, 0.45, 0.9]), {"axis": 1, "method": "nearest"}, id="nearest"),
    Case("quantile", as_dtype(np.quantile, "float32"), (I8, 0.5), {"axis": 1}, id="int8"),
    Case(
        "quantile",
        lambda x, q, method: np.array([0.0, 1.0, 2.0, 3.0], "float32"),
        (np.arange(5, dtype="float32"), [0.125, 0.375, 0.625, 0.875]),
        {"method": "nearest"},
        id="nearest-ties-go-lower",
    ),
    Case("percentile", np.percentile, (X234, 30), {"axis": 1}, rtol=1e-5),
    Case("percentile", np.percentile, (X34, [10, 90]), {"method": "higher"}, id="1d-q-higher"),
    Case("nanquantile", quiet(np.nanquantile), (NANS, 0.3), {"axis": 1}, rtol=1e-5),
    Case("nanquantile", np.nanquantile, (NANS, [0.2, 0.8]), {"method": "lower"}, id="flat-lower"),
    Case("nanquantile", quiet(np.nanquantile), (NANS, 0.5), {"axis": 1, "keepdims": True}, id="keepdims"),
    Case("nanpercentile", quiet(np.nanpercentile), (NANS, [25, 50]), {"axis": 1}, rtol=1e-5, dtype="float32"),
    Case("nanmedian", quiet(np.nanmedian), (NANS,), {"axis": 1}),
    Case("nanmedian", np.nanmedian, (NANS,), {"axis": 0, "keepdims": True}, id="axis0-keepdims"),
    Case("nanmedian", np.nanmedian, (X234,), id="no-nans"),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_values(case: Case) -> None:
    check_values(ops_module, case)


@pytest.mark.parametrize("case", [c for c in CASES if c.symbolic], ids=case_id)
def test_symbolic_matches_eager(case: Case) -> None:
    check_symbolic(ops_module, case)


def test_every_op_is_tested() -> None:
    assert sorted(ops_module.__all__) == sorted({c.op for c in CASES})


# --- dtypes: measured on Keras 3.15.1 -------------------------------------------------------

# Expected dtypes per input dtype, in DTYPES' order. Keras's jax backend gives these for
# every 32-bit-or-narrower input; for int64 and float64 inputs (which Keras's jax backend
# cannot hold without x64) they are what Keras's numpy backend gives.
DTYPES = ("bool", "int8", "uint8", "int16", "int32", "int64", "float16", "bfloat16", "float32", "float64")
SAME = DTYPES
FLOAT = ("float32",) * 6 + ("float16", "bfloat16", "float32", "float32")
SUM = ("int32", "int32", "uint32", "int32", "int32", "int64", "float16", "bfloat16", "float32", "float64")
PROD = ("int32", "int32", "uint32", "int32", "int32", "int32", "float16", "bfloat16", "float32", "float32")
CUMULATIVE = ("int32", "int8", "uint8", "int16", "int32", "int32", *FLOAT[6:])
FLOAT32 = ("float32",) * 10
INDEX = ("int32",) * 10
BOOL = ("bool",) * 10

DTYPE_TABLE: dict[str, tuple[Callable[[Any], Any], tuple[str, ...]]] = {
    "sum": (lambda x: ops_module.sum(x), SUM),
    "prod": (lambda x: ops_module.prod(x), PROD),
    "prod_dtype_int8": (lambda x: ops_module.prod(x, dtype="int8"), ("int8",) * 10),
    "nansum": (lambda x: ops_module.nansum(x), SUM),
    "nanprod": (lambda x: ops_module.nanprod(x), PROD),
    "cumsum": (lambda x: ops_module.cumsum(x), CUMULATIVE),
    "cumsum_dtype_float32": (lambda x: ops_module.cumsum(x, dtype="float32"), FLOAT32),
    "cumprod": (lambda x: ops_module.cumprod(x), CUMULATIVE),
    "nancumsum": (lambda x: ops_module.nancumsum(x), CUMULATIVE),
    "nancumprod": (lambda x: ops_module.nancumprod(x), CUMULATIVE),
    "mean": (lambda x: ops_module.mean(x), FLOAT),
    "var": (lambda x: ops_module.var(x), FLOAT),
    "std": (lambda x: ops_module.std(x), FLOAT),
    "nanmean": (lambda x: ops_module.nanmean(x), FLOAT),
    "nanvar": (lambda x: ops_module.nanvar(x), FLOAT),
    "nanstd": (lambda x: ops_module.nanstd(x), FLOAT),
    "average": (lambda x: ops_module.average(x, axis=0), FLOAT),
    "average_float32_weights": (
        lambda x: ops_module.average(x, axis=1, weights=np.ones(3, "float32")),
        FLOAT32,
    ),
    "average_int32_weights": (lambda x: ops_module.average(x, axis=1, weights=np.ones(3, "int32")), FLOAT),
    "max": (lambda x: ops_module.max(x), SAME),
    "max_initial_int": (lambda x: ops_module.max(x, initial=1), SAME),
    "max_initial_float": (lambda x: ops_module.max(x, initial=1.5), SAME),
    "min": (lambda x: ops_module.min(x), SAME),
    "amax": (lambda x: ops_module.amax(x), SAME),
    "amin": (lambda x: ops_module.amin(x), SAME),
    "nanmax": (lambda x: ops_module.nanmax(x), SAME),
    "nanmin": (lambda x: ops_module.nanmin(x), SAME),
    "all": (lambda x: ops_module.all(x), BOOL),
    "any": (lambda x: ops_module.any(x), BOOL),
    "argmax": (lambda x: ops_module.argmax(x), INDEX),
    "argmin": (lambda x: ops_module.argmin(x), INDEX),
    "nanargmax": (lambda x: ops_module.nanargmax(x), INDEX),
    "nanargmin": (lambda x: ops_module.nanargmin(x), INDEX),
    "count_nonzero": (lambda x: ops_module.count_nonzero(x), INDEX),
    "median": (lambda x: ops_module.median(x), FLOAT),
    "nanmedian": (lambda x: ops_module.nanmedian(x), FLOAT),
    "quantile": (lambda x: ops_module.quantile(x, 0.5), FLOAT),
    "quantile_float64_q": (lambda x: ops_module.quantile(x, np.array(0.5, "float64")), FLOAT),
    "percentile": (lambda x: ops_module.percentile(x, 50), FLOAT),
    "nanquantile": (lambda x: ops_module.nanquantile(x, 0.5), FLOAT),
    "nanpercentile": (lambda x: ops_module.nanpercentile(x, 50), FLOAT),
}


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", sorted(DTYPE_TABLE))
def test_dtypes_match_keras(name: str, dtype: str) -> None:
    call, expected = DTYPE_TABLE[name]
    x = convert(np.array([[3.0, 1.0, 2.0], [1.0, 0.0, 3.0]], dtype="float32"), dtype)
    got = call(x)
    assert standardize_dtype(got.dtype) == expected[DTYPES.index(dtype)]
    symbolic = call(KerasTensor((2, 3), dtype))
    assert (symbolic.shape, symbolic.dtype) == (tuple(to_numpy(got).shape), standardize_dtype(got.dtype))


def test_ptp_of_bool_raises() -> None:
    with pytest.raises(TypeError, match=r"ptp: boolean tensors are not supported"):
        ops_module.ptp(BOOLS)
    with pytest.raises(TypeError, match=r"ptp: boolean tensors are not supported"):
        ops_module.ptp(KerasTensor((3, 4), "bool"))


WEAK = [
    ("sum", (3,), {}, "int32", 3),
    ("sum", (True,), {}, "int32", 1),
    ("mean", (2,), {}, "float32", 2.0),
    ("mean", ([1.0, 2.0],), {}, "float32", 1.5),
    ("max", (2.5,), {}, "float32", 2.5),
    ("prod", ([True, False],), {}, "int32", 0),
    ("argmax", ([1.0, 3.0],), {}, "int32", 1),
    ("average", ([1, 2],), {"weights": np.array([1, 2], "int8")}, "float32", 5.0 / 3.0),
    (
        "average",
        (np.array([1, 2], "float16"),),
        {"weights": np.array([1, 2], "float16")},
        "float16",
        5.0 / 3.0,
    ),
    ("cumsum", (np.array([1.5, 2.0], "float32"),), {"dtype": "int32"}, "int32", [1, 3]),
    ("cumsum", (np.array([1, 2], "int8"),), {"dtype": "int16"}, "int16", [1, 3]),
    ("prod", (np.array([1.5, 2.0], "float32"),), {"dtype": "int32"}, "int32", 2),
    ("quantile", (np.array([1, 2], "int8"), np.array([0.5], "float64")), {}, "float32", [1.5]),
]


@pytest.mark.parametrize(
    ("name", "args", "kwargs", "dtype", "value"), WEAK, ids=[f"{w[0]}-{w[3]}" for w in WEAK]
)
def test_python_values_and_dtype_arguments(
    name: str, args: tuple[Any, ...], kwargs: dict[str, Any], dtype: str, value: Any
) -> None:
    got = getattr(ops_module, name)(*args, **kwargs)
    assert standardize_dtype(got.dtype) == dtype
    np.testing.assert_allclose(to_numpy(got).astype("float64"), value, rtol=1e-3)


# --- symbolic rules with unknown dimensions -------------------------------------------------


def test_symbolic_shapes_with_unknown_dims() -> None:
    x = KerasTensor((None, 3, 4), "int8")
    assert (ops_module.sum(x, axis=1).shape, ops_module.sum(x).dtype) == ((None, 4), "int32")
    assert ops_module.mean(x, axis=(0, 2), keepdims=True).shape == (1, 3, 1)
    assert ops_module.mean(x, axis=-1).dtype == "float32"
    assert ops_module.argmax(x, keepdims=True).shape == (1, 1, 1)
    assert ops_module.argmax(x, axis=0).shape == (3, 4)
    assert ops_module.cumsum(x).shape == (None,)
    assert ops_module.cumsum(KerasTensor((2, 3))).shape == (6,)
    assert ops_module.cumsum(x, axis=1).shape == (None, 3, 4)
    assert ops_module.quantile(x, [0.1, 0.5, 0.9], axis=1).shape == (3, None, 4)
    assert ops_module.quantile(x, KerasTensor((5,)), keepdims=True).shape == (5, 1, 1, 1)
    assert ops_module.percentile(x, 50, axis=0).shape == (3, 4)
    assert ops_module.average(x, axis=2, weights=KerasTensor((4,))).shape == (None, 3)
    assert ops_module.count_nonzero(x, axis=(1, 2)).shape == (None,)
    assert ops_module.max(KerasTensor((None, 3)), axis=0).shape == (3,)
    assert ops_module.max(KerasTensor((0, 3)), axis=0, initial=0.0).shape == (3,)


# --- errors ---------------------------------------------------------------------------------

ERRORS: list[tuple[str, tuple[Any, ...], dict[str, Any], type[Exception], str]] = [
    ("sum", (X234,), {"axis": 3}, ValueError, r"sum: axis 3 is out of bounds for a tensor of rank 3"),
    ("mean", (X234,), {"axis": (0, -3)}, ValueError, r"mean: repeated axis in \(0, -3\)"),
    ("var", (X234,), {"axis": -4}, ValueError, r"var: axis -4 is out of bounds"),
    (
        "argmax",
        (X234,),
        {"axis": (0, 1)},
        ValueError,
        r"argmax: `axis` must be an int or None. Received: axis=\(0, 1\)",
    ),
    ("nanargmin", (X234,), {"axis": 3}, ValueError, r"nanargmin: axis 3 is out of bounds"),
    ("cumsum", (X234,), {"axis": (0,)}, ValueError, r"cumsum: `axis` must be an int or None"),
    ("cumprod", (X234,), {"axis": 5}, ValueError, r"cumprod: axis 5 is out of bounds"),
    ("max", (EMPTY,), {"axis": 0}, ValueError, r"max: cannot reduce over an empty axis"),
    ("amin", (EMPTY,), {}, ValueError, r"amin: cannot reduce over an empty axis.*x.shape=\(0, 3\)"),
    ("argmax", (EMPTY,), {"axis": 0}, ValueError, r"argmax: cannot reduce over an empty axis"),
    (
        "quantile",
        (X34, 0.5),
        {"method": "cubic"},
        ValueError,
        r"quantile: `method` must be one of .*method='cubic'",
    ),
    ("quantile", (X34, 1.5), {}, ValueError, r"quantile: `q` must lie in \[0, 1\]. Received: q=1.5"),
    ("quantile", (X34, [[0.5]]), {}, ValueError, r"quantile: `q` must be a scalar or 1-D"),
    ("percentile", (X34, [50, 101]), {}, ValueError, r"percentile: `q` must lie in \[0, 100\]"),
    ("nanquantile", (X34, -0.1), {}, ValueError, r"nanquantile: `q` must lie in \[0, 1\]"),
    ("quantile", (X34, 0.5), {"axis": 2}, ValueError, r"quantile: axis 2 is out of bounds"),
    (
        "average",
        (X34,),
        {"axis": 1, "weights": np.ones(3)},
        ValueError,
        r"average: `weights` must have the shape of `x`, or be 1-D",
    ),
    ("average", (X34,), {"weights": np.ones(4)}, ValueError, r"average: `weights` must .*axis=None"),
    ("average", (X34,), {"axis": (0, 1)}, ValueError, r"average: `axis` must be an int or None"),
    (
        "average",
        (X34,),
        {"weights": np.ones((4, 3))},
        ValueError,
        r"average: `weights` must have the shape of `x`",
    ),
]


@pytest.mark.parametrize(
    ("op_name", "args", "kwargs", "error", "match"), ERRORS, ids=[e[4][:40] for e in ERRORS]
)
def test_errors(
    op_name: str, args: tuple[Any, ...], kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        getattr(ops_module, op_name)(*args, **kwargs)
    symbolic = (KerasTensor(args[0].shape, standardize_dtype(args[0].dtype)), *args[1:])
    with pytest.raises(error, match=match):
        getattr(ops_module, op_name)(*symbolic, **kwargs)


def test_initial_must_be_a_scalar() -> None:
    with pytest.raises(ValueError, match=r"max: `initial` must be a scalar. Received: initial=\[1, 2\]"):
        ops_module.max(X34, initial=[1, 2])


# --- gradients ------------------------------------------------------------------------------

needs_gradients = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")


def _weights(shape: tuple[int, ...]) -> np.ndarray:
    return np.arange(1, int(np.prod(shape)) + 1, dtype="float32").reshape(shape) / 7.0


def _backend_gradient(f: Callable[[Any], Any], x: np.ndarray) -> np.ndarray:
    """Return d/dx sum(f(x) * w) with the active backend's autodiff, for fixed weights w."""
    name = backend()
    if name == "jax":
        import jax
        import jax.numpy as jnp

        return np.asarray(jax.grad(lambda t: jnp.sum(f(t) * _weights(tuple(f(t).shape))))(convert(x)))
    if name == "torch":
        import torch

        t = convert(x).requires_grad_(True)
        y = f(t)
        torch.sum(y * convert(_weights(tuple(y.shape)))).backward()
        return np.asarray(t.grad.cpu().numpy())
    import tensorflow as tf

    v = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = f(v.value())
        total = tf.reduce_sum(y * _weights(tuple(y.shape)))
    return np.asarray(tape.gradient(total, v))


def _numeric_gradient(f: Callable[[Any], Any], x: np.ndarray, eps: float = 1e-3) -> np.ndarray:
    grad = np.zeros(x.shape, dtype="float64")
    for i in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[i] += eps
        down[i] -= eps
        delta = to_numpy(f(up)).astype("float64") - to_numpy(f(down)).astype("float64")
        grad[i] = (delta * _weights(delta.shape)).sum() / (2 * eps)
    return grad


# Distinct, well-separated values, so max, median and quantiles have unique derivatives.
SMOOTH = (np.random.default_rng(7).permutation(12).reshape(3, 4) * 0.37 + 0.5).astype("float32")

GRADIENTS: dict[str, Callable[[Any], Any]] = {
    "sum": lambda t: ops_module.sum(t, axis=1),
    "prod": lambda t: ops_module.prod(t, axis=0),
    "mean": lambda t: ops_module.mean(t, axis=(0, 1)),
    "var": lambda t: ops_module.var(t, axis=1),
    "std": lambda t: ops_module.std(t, axis=0, keepdims=True),
    "average": lambda t: ops_module.average(t, axis=1, weights=np.array([1.0, 2.0, 3.0, 0.5], "float32")),
    "max": lambda t: ops_module.max(t, axis=1),
    "min": lambda t: ops_module.min(t),
    "ptp": lambda t: ops_module.ptp(t, axis=0),
    "cumsum": lambda t: ops_module.cumsum(t, axis=1),
    "cumprod": lambda t: ops_module.cumprod(t, axis=0),
    "median": lambda t: ops_module.median(t, axis=1),
    "quantile": lambda t: ops_module.quantile(t, [0.3, 0.8], axis=0),
    "nansum": lambda t: ops_module.nansum(t, axis=0),
    "nanmean": lambda t: ops_module.nanmean(t, axis=1),
    "nanstd": lambda t: ops_module.nanstd(t),
}


@needs_gradients
@pytest.mark.parametrize("name", sorted(GRADIENTS))
def test_gradient_matches_finite_differences(name: str) -> None:
    f = GRADIENTS[name]
    np.testing.assert_allclose(
        _backend_gradient(f, SMOOTH), _numeric_gradient(f, SMOOTH), rtol=5e-3, atol=5e-3
    )


# --- docstring examples ---------------------------------------------------------------------


@pytest.mark.skipif(backend() != "numpy", reason="the examples print numpy arrays")
def test_docstring_examples_run() -> None:
    import doctest
    from types import SimpleNamespace

    globs = {"keras": SimpleNamespace(ops=ops_module), "np": np}
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    tests = [t for t in finder.find(ops_module, globs=globs) if t.examples]
    assert {t.name.rsplit(".", 1)[-1] for t in tests} >= set(ops_module.__all__)
    for test in tests:
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
