"""Tests of the normalization ops: values against numpy, dtypes against Keras 3 (JAX backend),
symbolic specs, errors and gradients."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from op_testing import Case, backend_gradient, case_id, check_symbolic, check_values, numeric_gradient, rand

from keras.backend import backend, epsilon, standardize_dtype
from keras.ops._convert import convert, to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops.nn import _normalization as ops_module
from keras.ops.numpy._elementwise import multiply

X = rand(2, 3, 4)
VEC3 = rand(3, low=0.5, high=2.0)
VEC4 = rand(4, low=0.5, high=2.0)
GAMMA34 = rand(3, 4, low=0.5, high=2.0)


def _axes(axis: Any, ndim: int) -> tuple[int, ...]:
    if axis is None:
        return tuple(range(ndim))
    return (axis,) if isinstance(axis, int) else tuple(axis)


def np_moments(x: Any, axes: Any, keepdims: bool = False, synchronized: bool = False) -> tuple[Any, Any]:
    x = np.asarray(x, "float64")
    a = _axes(axes, x.ndim)
    return np.mean(x, axis=a, keepdims=keepdims), np.var(x, axis=a, keepdims=keepdims)


def np_batch_normalization(
    x: Any, mean: Any, variance: Any, axis: int, offset: Any = None, scale: Any = None, epsilon: float = 1e-3
) -> Any:
    shape = [1] * np.ndim(x)
    shape[axis] = -1
    out = (np.asarray(x, "float64") - np.reshape(mean, shape)) / np.sqrt(
        np.reshape(variance, shape) + epsilon
    )
    if scale is not None:
        out = out * np.reshape(scale, shape)
    return out if offset is None else out + np.reshape(offset, shape)


def np_normalize(x: Any, axis: Any = -1, order: int = 2, epsilon: float | None = None) -> Any:
    x = np.asarray(x, "float64")
    norm = np.sum(np.abs(x) ** order, axis=_axes(axis, x.ndim), keepdims=True) ** (1 / order)
    return x / np.maximum(norm, 1e-7 if epsilon is None else epsilon)


def _lay(value: Any, shape: tuple[int, ...], axes: tuple[int, ...]) -> Any:
    if value is None or np.ndim(value) == len(shape):
        return value
    return np.reshape(value, [d if i in axes else 1 for i, d in enumerate(shape)])


def np_layer_normalization(
    x: Any, gamma: Any = None, beta: Any = None, axis: Any = -1, epsilon: float | None = None
) -> Any:
    x = np.asarray(x, "float64")
    axes = tuple(a % x.ndim for a in _axes(axis, x.ndim))
    out = (x - x.mean(axis=axes, keepdims=True)) / np.sqrt(
        x.var(axis=axes, keepdims=True) + (epsilon or 1e-7)
    )
    gamma, beta = _lay(gamma, x.shape, axes), _lay(beta, x.shape, axes)
    out = out if gamma is None else out * gamma
    return out if beta is None else out + beta


def np_rms_normalization(x: Any, scale: Any = None, axis: Any = -1, epsilon: float | None = None) -> Any:
    x = np.asarray(x, "float64")
    mean_square = np.mean(x**2, axis=_axes(axis, x.ndim), keepdims=True)
    out = x / np.sqrt(mean_square + (epsilon or 1e-7))
    return out if scale is None else out * scale


def _case(
    name: str, ref: Callable[..., Any], *args: Any, id: str = "", dtype: str = "float32", **kwargs: Any
) -> Case:
    return Case(name, ref, args, kwargs, dtype=dtype, rtol=1e-5, atol=1e-5, id=id)


CASES = [
    _case("moments", np_moments, X, [0]),
    _case("moments", np_moments, X, (0, 2), id="two-axes"),
    _case("moments", np_moments, X, [1], id="keepdims", keepdims=True),
    _case("moments", np_moments, X, None, id="all"),
    _case("moments", np_moments, X, -1, id="int-axis-synchronized", synchronized=True),
    _case("moments", np_moments, np.arange(6, dtype="int8").reshape(2, 3), [1], id="int8"),
    _case("batch_normalization", np_batch_normalization, X, VEC3, VEC3, 1),
    _case("batch_normalization", np_batch_normalization, X, VEC4, VEC4, -1, VEC4, VEC4, id="offset-scale"),
    _case("batch_normalization", np_batch_normalization, X, VEC3, VEC3, 1, id="epsilon", epsilon=0.5),
    _case("normalize", np_normalize, X),
    _case("normalize", np_normalize, X, id="axes", axis=(0, 2)),
    _case("normalize", np_normalize, X, id="order1", order=1),
    _case("normalize", np_normalize, X, id="order3", axis=1, order=3),
    _case(
        "normalize", np_normalize, np.array([[1, 2], [0, 0]], dtype="int32"), id="int-zero-row", epsilon=0.5
    ),
    _case("layer_normalization", np_layer_normalization, X),
    _case("layer_normalization", np_layer_normalization, X, VEC4, VEC4, id="gamma-beta"),
    _case(
        "layer_normalization", np_layer_normalization, X, GAMMA34, GAMMA34, id="trailing-axes", axis=(1, 2)
    ),
    _case("layer_normalization", np_layer_normalization, X, VEC3, VEC3, id="middle-axis", axis=1),
    _case("layer_normalization", np_layer_normalization, X, rand(2, 3), None, id="leading-axes", axis=(0, 1)),
    _case("layer_normalization", np_layer_normalization, X, id="epsilon", epsilon=0.1),
    _case("rms_normalization", np_rms_normalization, X),
    _case("rms_normalization", np_rms_normalization, X, VEC4, id="scale"),
    _case("rms_normalization", np_rms_normalization, X, GAMMA34, id="axes", axis=(1, 2)),
    _case("rms_normalization", np_rms_normalization, X, id="epsilon", axis=0, epsilon=0.5),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_matches_numpy(case: Case) -> None:
    check_values(ops_module, case)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_symbolic_matches_eager(case: Case) -> None:
    check_symbolic(ops_module, case)


def test_moments_of_float16_are_computed_in_float32() -> None:
    """The float16 sum of these would overflow; the float32 statistics are exact."""
    x = np.full((4, 1000), 300.0, dtype="float16")
    mean, variance = ops_module.moments(x, axes=[1])
    assert standardize_dtype(mean.dtype) == standardize_dtype(variance.dtype) == "float16"
    np.testing.assert_allclose(to_numpy(mean).astype("float32"), np.full(4, 300.0))
    np.testing.assert_allclose(to_numpy(variance).astype("float32"), np.zeros(4))


def test_moments_of_float16_clip_to_its_range() -> None:
    mean, variance = ops_module.moments(np.array([-60000.0, 60000.0], dtype="float16"), axes=[0])
    assert to_numpy(variance).astype("float32") == np.float32(65504.0)
    assert to_numpy(mean).astype("float32") == 0.0


def test_normalize_of_a_scalar_is_a_vector() -> None:
    got = ops_module.normalize(np.float32(-3.0))
    np.testing.assert_allclose(to_numpy(got), [-1.0])


def test_layer_normalization_rms_scaling_warns_and_divides_by_std() -> None:
    with pytest.warns(UserWarning, match="rms_scaling=True` is deprecated"):
        got = ops_module.layer_normalization(X, VEC4, axis=-1, epsilon=0.0, rms_scaling=True)
    np.testing.assert_allclose(to_numpy(got), X / X.std(axis=-1, keepdims=True) * VEC4, rtol=1e-5)


# --- dtypes: expected values recorded from Keras 3.15.1 on its JAX backend ---------------------


def _input(dtype: str, shape: tuple[int, ...] = (2, 3)) -> Any:
    values = (np.arange(int(np.prod(shape))).reshape(shape) % 3).astype("float32")
    return convert(values, dtype) if dtype == "bfloat16" else values.astype(dtype)


DTYPE_ROWS: list[tuple[str, Callable[[str], Any], dict[str, str]]] = [
    (
        "moments",
        lambda d: ops_module.moments(_input(d), axes=[0])[1],
        {
            "int8": "float32",
            "int32": "float32",
            "bool": "float32",
            "float16": "float16",
            "bfloat16": "bfloat16",
            "float64": "float32",
        },
    ),
    (
        "batch_normalization",
        lambda d: ops_module.batch_normalization(_input(d), _input(d, (3,)), _input(d, (3,)), axis=-1),
        {
            "int8": "float32",
            "int32": "float32",
            "float16": "float16",
            "bfloat16": "bfloat16",
            "float64": "float32",
        },
    ),
    (
        "normalize",
        lambda d: ops_module.normalize(_input(d)),
        {
            "int8": "float32",
            "bool": "float32",
            "float16": "float16",
            "bfloat16": "bfloat16",
            "float64": "float32",
        },
    ),
    (
        "layer_normalization",
        lambda d: ops_module.layer_normalization(_input(d)),
        {
            "int8": "int8",
            "int32": "int32",
            "bool": "bool",
            "float16": "float16",
            "bfloat16": "bfloat16",
            "float64": "float32",
        },
    ),
    (
        "rms_normalization",
        lambda d: ops_module.rms_normalization(_input(d)),
        {
            "int8": "int8",
            "int32": "int32",
            "bool": "bool",
            "float16": "float16",
            "bfloat16": "bfloat16",
            "float64": "float32",
        },
    ),
]
FLAT_DTYPE_ROWS = [(name, fn, d, e) for name, fn, table in DTYPE_ROWS for d, e in table.items()]


@pytest.mark.parametrize(
    ("function", "dtype", "expected"),
    [r[1:] for r in FLAT_DTYPE_ROWS],
    ids=[f"{r[0]}-{r[2]}" for r in FLAT_DTYPE_ROWS],
)
def test_output_dtype(function: Callable[[str], Any], dtype: str, expected: str) -> None:
    assert standardize_dtype(function(dtype).dtype) == expected


def test_mixed_dtypes() -> None:
    f16, f32 = _input("float16"), _input("float32", (3,))
    assert standardize_dtype(ops_module.batch_normalization(f16, f32, f32, axis=-1).dtype) == "float32"
    assert standardize_dtype(ops_module.layer_normalization(f16, gamma=f32).dtype) == "float16"


@pytest.mark.parametrize("name", ["layer_normalization", "rms_normalization"])
def test_half_precision_values(name: str) -> None:
    got = getattr(ops_module, name)(X.astype("float16"))
    expected = {"layer_normalization": np_layer_normalization, "rms_normalization": np_rms_normalization}[
        name
    ](X)
    np.testing.assert_allclose(to_numpy(got).astype("float32"), expected, rtol=1e-2, atol=1e-2)


# --- errors ------------------------------------------------------------------------------------

ERROR_ROWS: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    (
        "moments-axis",
        lambda: ops_module.moments(X, axes=[3]),
        ValueError,
        r"moments: axis 3 is out of bounds",
    ),
    ("moments-repeated", lambda: ops_module.moments(X, axes=[1, -2]), ValueError, r"moments: repeated axis"),
    (
        "batch-norm-mean-shape",
        lambda: ops_module.batch_normalization(X, VEC4, VEC3, axis=1),
        ValueError,
        r"batch_normalization: `mean` must be a vector of length x.shape\[axis\] = 3. Received: mean.shape=\(4,\)",
    ),
    (
        "batch-norm-scale-shape",
        lambda: ops_module.batch_normalization(X, VEC3, VEC3, axis=1, scale=GAMMA34),
        ValueError,
        r"`scale` must be a vector",
    ),
    (
        "batch-norm-axis",
        lambda: ops_module.batch_normalization(X, VEC3, VEC3, axis=3),
        ValueError,
        r"axis 3 is out",
    ),
    (
        "normalize-order-0",
        lambda: ops_module.normalize(X, order=0),
        ValueError,
        r"`order` must be an int >= 1. Received: order=0",
    ),
    ("normalize-order-float", lambda: ops_module.normalize(X, order=2.0), ValueError, r"Received: order=2.0"),
    (
        "normalize-axis",
        lambda: ops_module.normalize(X, axis=4),
        ValueError,
        r"normalize: axis 4 is out of bounds",
    ),
    (
        "layer-norm-axis",
        lambda: ops_module.layer_normalization(X, axis=-4),
        ValueError,
        r"layer_normalization: axis -4",
    ),
    (
        "layer-norm-kwarg",
        lambda: ops_module.layer_normalization(X, center=True),
        TypeError,
        r"layer_normalization\(\) got unexpected keyword arguments: \['center'\]",
    ),
    (
        "rms-norm-axis",
        lambda: ops_module.rms_normalization(X, axis=5),
        ValueError,
        r"rms_normalization: axis 5",
    ),
]


@pytest.mark.parametrize(
    ("function", "error", "match"), [r[1:] for r in ERROR_ROWS], ids=[r[0] for r in ERROR_ROWS]
)
def test_errors(function: Callable[[], Any], error: type[Exception], match: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(error, match=match):
            function()


def test_symbolic_shapes_with_unknown_dimensions() -> None:
    x = KerasTensor((None, 3, 4), "float16")
    mean, _ = ops_module.moments(x, axes=[1])
    assert (mean.shape, mean.dtype) == ((None, 4), "float16")
    assert ops_module.layer_normalization(x).shape == (None, 3, 4)
    with pytest.raises(ValueError, match=r"`variance` must be a vector"):
        ops_module.batch_normalization(x, VEC3, VEC4, axis=1)


def test_default_epsilon_is_the_backend_epsilon() -> None:
    tiny = np.full((1, 2), 1e-9, dtype="float32")
    np.testing.assert_allclose(to_numpy(ops_module.normalize(tiny)), tiny / epsilon(), rtol=1e-5)


# --- gradients against central finite differences --------------------------------------------


W = rand(2, 3, 4, low=-1.0, high=1.0).astype("float64")
X64 = X.astype("float64")
G64, B64 = VEC4.astype("float64"), rand(4).astype("float64")
GRADIENT_ROWS: list[tuple[str, Callable[..., Any], Callable[..., Any], tuple[np.ndarray, ...]]] = [
    (
        "layer_normalization",
        lambda x, g, b: multiply(ops_module.layer_normalization(x, g, b), W),
        lambda x, g, b: np_layer_normalization(x, g, b) * W,
        (X64, G64, B64),
    ),
    (
        "layer_normalization-middle-axis",
        lambda x: multiply(ops_module.layer_normalization(x, axis=1), W),
        lambda x: np_layer_normalization(x, axis=1) * W,
        (X64,),
    ),
    (
        "rms_normalization",
        lambda x, g: multiply(ops_module.rms_normalization(x, g), W),
        lambda x, g: np_rms_normalization(x, g) * W,
        (X64, G64),
    ),
    (
        "batch_normalization",
        lambda x, m, v: multiply(ops_module.batch_normalization(x, m, v, axis=2), W),
        lambda x, m, v: np_batch_normalization(x, m, v, axis=2) * W,
        (X64, B64, G64),
    ),
    (
        "normalize",
        lambda x: multiply(ops_module.normalize(x), W),
        lambda x: np_normalize(x) * W,
        (X64,),
    ),
    (
        "moments-variance",
        lambda x: ops_module.moments(x, axes=[0, 2])[1],
        lambda x: np_moments(x, [0, 2])[1],
        (X64,),
    ),
]


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize(
    ("function", "reference", "xs"), [r[1:] for r in GRADIENT_ROWS], ids=[r[0] for r in GRADIENT_ROWS]
)
def test_gradient(
    function: Callable[..., Any], reference: Callable[..., Any], xs: tuple[np.ndarray, ...]
) -> None:
    for got, expected in zip(backend_gradient(function, *xs), numeric_gradient(reference, xs), strict=True):
        np.testing.assert_allclose(got, expected, rtol=1e-4, atol=2e-5)
