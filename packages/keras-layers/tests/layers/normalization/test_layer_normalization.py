"""LayerNormalization: the formula over one or several axes, rms_scaling, masks, mixed precision, errors."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend._masking import get_keras_mask, set_keras_mask
from keras.layers import Input
from keras.layers._normalization.layer_normalization import LayerNormalization

RNG = np.random.default_rng(1)
RTOL = ATOL = 1e-5


def numpy_of(x: Any) -> np.ndarray[Any, Any]:
    return np.asarray(ops.convert_to_numpy(x))


def along(v: np.ndarray[Any, Any], ndim: int, axes: list[int]) -> np.ndarray[Any, Any]:
    """Reshape a weight over `axes` to broadcast against a rank-`ndim` input."""
    shape = [1] * ndim
    for a, size in zip(axes, v.shape, strict=True):
        shape[a] = size
    return v.reshape(shape)


@dataclass(frozen=True)
class Case:
    shape: tuple[int, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)
    axes: tuple[int, ...] = (-1,)  # sorted, as the layer stores them
    id: str = ""


CASES = [
    Case((4, 5), id="rank2"),
    Case((2, 3, 5), id="rank3-last"),
    Case((2, 3, 5), {"axis": 1}, (1,), id="rank3-axis1"),
    Case((2, 3, 4, 5), {"axis": (3, 1)}, (1, 3), id="two-axes-sorted"),
    Case((2, 3, 4), {"axis": [1, 2], "epsilon": 1e-5}, (1, 2), id="all-features"),
    Case((3, 6), {"center": False}, id="no-center"),
    Case((3, 6), {"scale": False}, id="no-scale"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_matches_numpy(case: Case) -> None:
    layer = LayerNormalization(**case.kwargs)
    layer.build(case.shape)
    x = (RNG.standard_normal(case.shape) * 3 + 2).astype("float32")
    ndim = x.ndim
    axes = [a % ndim for a in case.axes]
    weight_shape = tuple(case.shape[a] for a in axes)
    values = {
        "gamma": RNG.uniform(0.5, 2, weight_shape).astype("float32"),
        "beta": RNG.standard_normal(weight_shape).astype("float32"),
    }
    layer.set_weights([values[w.name] for w in layer.weights])
    mean = x.mean(tuple(axes), keepdims=True)
    var = x.var(tuple(axes), keepdims=True)
    expected = (x - mean) / np.sqrt(var + layer.epsilon)
    if layer.scale:
        expected = expected * along(values["gamma"], ndim, axes)
    if layer.center:
        expected = expected + along(values["beta"], ndim, axes)
    out = layer(x)
    np.testing.assert_allclose(numpy_of(out), expected, rtol=RTOL, atol=ATOL)
    assert layer.axis == list(case.axes)
    # The same in training: layer normalization has no batch statistics.
    np.testing.assert_allclose(numpy_of(layer(x, training=True)), expected, rtol=RTOL, atol=ATOL)


def test_rms_scaling_divides_by_the_standard_deviation_and_warns() -> None:
    with pytest.warns(UserWarning, match="`rms_scaling=True` is deprecated"):
        layer = LayerNormalization(rms_scaling=True, epsilon=1e-4)
    x = RNG.standard_normal((3, 4)).astype("float32") + 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        layer.build(x.shape)
        gamma = RNG.uniform(0.5, 2, 4).astype("float32")
        layer.set_weights([gamma])
        out = layer(x)
    assert [w.name for w in layer.weights] == ["gamma"] and layer.beta is None
    np.testing.assert_allclose(numpy_of(out), x / np.sqrt(x.var(-1, keepdims=True) + 1e-4) * gamma, rtol=RTOL)


def test_mixed_precision_outputs_the_compute_dtype() -> None:
    layer = LayerNormalization(dtype="mixed_float16")
    x = RNG.standard_normal((2, 8)).astype("float32") * 100
    out = layer(x)
    assert str(numpy_of(out).dtype) == "float16"
    assert [w.dtype for w in layer.weights] == ["float32", "float32"]
    expected = (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-3)
    np.testing.assert_allclose(numpy_of(out).astype("float32"), expected, rtol=2e-3, atol=2e-3)


def test_masks_pass_through() -> None:
    x = ops.convert_to_tensor(np.ones((2, 3, 4), dtype="float32"))
    mask = ops.convert_to_tensor(np.array([[True, False, True], [True, True, False]]))
    set_keras_mask(x, mask)
    out = LayerNormalization()(x)
    np.testing.assert_array_equal(numpy_of(get_keras_mask(out)), numpy_of(mask))


def test_symbolic_shape_matches_eager() -> None:
    layer = LayerNormalization(axis=[1, 2])
    symbolic = layer(Input(shape=(3, 4)))
    eager = layer(np.ones((2, 3, 4), dtype="float32"))
    assert symbolic.shape == (None, 3, 4) and tuple(eager.shape) == (2, 3, 4)
    assert layer.compute_output_shape((None, 3, 4)) == (None, 3, 4)


def test_weights_are_named_and_ordered_as_keras() -> None:
    layer = LayerNormalization(name="ln")
    layer(np.ones((2, 4), dtype="float32"))
    assert [w.path for w in layer.weights] == ["ln/gamma", "ln/beta"]
    assert layer.name == "ln" and LayerNormalization().name.startswith("layer_normalization")


@pytest.mark.parametrize("axis", ["a", 1.0, [1, "b"], None])
def test_a_bad_axis_type_is_rejected(axis: Any) -> None:
    with pytest.raises(
        TypeError, match=r"Invalid value for argument `axis`: expected an int or a list/tuple"
    ):
        LayerNormalization(axis=axis)


@pytest.mark.parametrize("axis", [3, -4, [1, 5]])
def test_an_axis_outside_the_rank_is_rejected(axis: Any) -> None:
    with pytest.raises(ValueError, match=r"is out of bounds for input shape \(2, 3, 4\)"):
        LayerNormalization(axis=axis)(np.ones((2, 3, 4), dtype="float32"))
    with pytest.raises(ValueError, match=r"is out of bounds for input shape \(2, 3, 4\)"):
        LayerNormalization(axis=axis).compute_output_shape((2, 3, 4))
