"""UnitNormalization and RMSNormalization: formulas over one or several axes, dtypes, shapes, errors."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._normalization.rms_normalization import RMSNormalization
from keras.layers._normalization.unit_normalization import UnitNormalization

RNG = np.random.default_rng(3)
RTOL = ATOL = 1e-5


def numpy_of(x: Any) -> np.ndarray[Any, Any]:
    return np.asarray(ops.convert_to_numpy(x))


UNIT_CASES = [((3, 4), -1), ((2, 3, 4), 1), ((2, 3, 4), [1, 2]), ((2, 3, 4, 2), (1, 3))]


@pytest.mark.parametrize(("shape", "axis"), UNIT_CASES, ids=["rank2", "axis1", "two-axes", "tuple-axes"])
def test_unit_normalization_matches_numpy(shape: tuple[int, ...], axis: Any) -> None:
    x = RNG.standard_normal(shape).astype("float32")
    axes = tuple(axis) if isinstance(axis, (list, tuple)) else (axis,)
    expected = x / np.maximum(np.sqrt((x * x).sum(axes, keepdims=True)), 1e-12)
    out = UnitNormalization(axis=axis)(x)
    np.testing.assert_allclose(numpy_of(out), expected, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(np.sqrt((numpy_of(out) ** 2).sum(axes)), 1.0, rtol=RTOL)


def test_unit_normalization_keeps_zero_vectors_and_turns_ints_into_floats() -> None:
    out = UnitNormalization()(np.array([[0, 0], [3, 4]], dtype="int32"))
    np.testing.assert_allclose(numpy_of(out), [[0.0, 0.0], [0.6, 0.8]], rtol=RTOL)
    assert str(numpy_of(out).dtype) == "float32"


def test_unit_normalization_is_built_at_construction_and_has_no_weights() -> None:
    layer = UnitNormalization(axis=(1, 2))
    assert layer.built and layer.weights == [] and layer.axis == [1, 2]
    assert layer(Input(shape=(3, 4))).shape == (None, 3, 4)
    assert layer.name.startswith("unit_normalization")


@pytest.mark.parametrize("axis", ["a", 1.5, None])
def test_unit_normalization_rejects_a_bad_axis_type(axis: Any) -> None:
    with pytest.raises(TypeError, match=r"Invalid value for argument `axis`"):
        UnitNormalization(axis=axis)


def test_unit_normalization_rejects_an_axis_outside_the_rank() -> None:
    with pytest.raises(
        ValueError, match=r"Axis 3 is out of bounds for input shape \(2, 3\). Received: axis=3"
    ):
        UnitNormalization(axis=3)(np.ones((2, 3), dtype="float32"))
    with pytest.raises(ValueError, match=r"Axis 3 is out of bounds for input shape \(None, 3\)"):
        UnitNormalization(axis=3).compute_output_shape((None, 3))


RMS_CASES = [((3, 4), -1, (-1,)), ((2, 3, 4), [2, 1], (1, 2)), ((2, 3, 4), 1, (1,))]


@pytest.mark.parametrize(("shape", "axis", "axes"), RMS_CASES, ids=["last", "two-axes", "middle-axis"])
def test_rms_normalization_matches_numpy(shape: tuple[int, ...], axis: Any, axes: tuple[int, ...]) -> None:
    layer = RMSNormalization(axis=axis, epsilon=1e-5)
    layer.build(shape)
    assert layer.axis == list(axes)
    scale = RNG.uniform(0.5, 2, tuple(shape[a] for a in axes)).astype("float32")
    layer.set_weights([scale])
    x = RNG.standard_normal(shape).astype("float32") * 2
    broadcast = [1] * len(shape)
    for a, size in zip(axes, scale.shape, strict=True):
        broadcast[a] = size
    expected = x / np.sqrt((x * x).mean(axes, keepdims=True) + 1e-5) * scale.reshape(broadcast)
    np.testing.assert_allclose(numpy_of(layer(x)), expected, rtol=RTOL, atol=ATOL)


def test_rms_normalization_weight_and_shapes() -> None:
    layer = RMSNormalization(name="rms")
    out = layer(Input(shape=(5, 3)))
    assert out.shape == (None, 5, 3)
    assert [w.path for w in layer.weights] == ["rms/scale"]
    np.testing.assert_array_equal(numpy_of(layer.scale), np.ones(3))
    mixed = RMSNormalization(dtype="mixed_float16")
    assert str(numpy_of(mixed(np.ones((2, 3), dtype="float32"))).dtype) == "float16"
    assert mixed.scale.dtype == "float32"


def test_rms_normalization_rejects_an_axis_outside_the_rank() -> None:
    with pytest.raises(
        ValueError, match=r"Axis 2 is out of bounds for input shape \(2, 3\). Received: axis=\[2\]"
    ):
        RMSNormalization(axis=2)(np.ones((2, 3), dtype="float32"))
