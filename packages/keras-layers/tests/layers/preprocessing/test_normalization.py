"""Normalization and Rescaling: values against numpy, adapt, weights, shapes and configs."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import epsilon
from keras.layers import Input
from keras.layers._preprocessing.normalization import Normalization
from keras.layers._preprocessing.rescaling import Rescaling

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
RNG = np.random.default_rng(0)
DATA = (RNG.normal(size=(8, 3, 4)) * [1.0, 2.0, 5.0, 0.5] + [0.0, 3.0, -2.0, 10.0]).astype("float32")


def normalized(x: np.ndarray, data: np.ndarray, reduce_axes: tuple[int, ...]) -> np.ndarray:
    mean = data.astype("float64").mean(axis=reduce_axes, keepdims=True)
    std = np.maximum(np.sqrt(data.astype("float64").var(axis=reduce_axes, keepdims=True)), epsilon())
    return (x - mean) / std


# (axis, axes reduced over)
AXES = [(-1, (0, 1)), (1, (0, 2)), ((1, 2), (0,)), (None, (0, 1, 2))]


@pytest.mark.parametrize(("axis", "reduce_axes"), AXES, ids=[str(a) for a, _ in AXES])
def test_adapt_on_array_matches_numpy(axis: Any, reduce_axes: tuple[int, ...]) -> None:
    layer = Normalization(axis=axis)
    layer.adapt(DATA)
    out = ops.convert_to_numpy(layer(DATA))
    np.testing.assert_allclose(out, normalized(DATA, DATA, reduce_axes), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize(("axis", "reduce_axes"), AXES, ids=[str(a) for a, _ in AXES])
def test_adapt_on_batches_equals_adapt_on_whole(axis: Any, reduce_axes: tuple[int, ...]) -> None:
    layer = Normalization(axis=axis)
    layer.adapt([DATA[:3], DATA[3:5], (DATA[5:], None)])
    out = ops.convert_to_numpy(layer(DATA))
    np.testing.assert_allclose(out, normalized(DATA, DATA, reduce_axes), rtol=1e-4, atol=1e-5)


def test_adapt_on_tensor_and_tf_dataset() -> None:
    layer = Normalization()
    layer.adapt(ops.convert_to_tensor(DATA))
    np.testing.assert_allclose(ops.convert_to_numpy(layer.adapt_mean), DATA.mean(axis=(0, 1)), rtol=1e-5)
    tf = pytest.importorskip("tensorflow")
    layer = Normalization()
    layer.adapt(tf.data.Dataset.from_tensor_slices(DATA).batch(3))
    np.testing.assert_allclose(ops.convert_to_numpy(layer.adapt_variance), DATA.var(axis=(0, 1)), rtol=1e-4)


def test_weights_names_order_and_dtypes_match_keras() -> None:
    layer = Normalization(name="normalization")
    layer.adapt(DATA)
    assert [w.path for w in layer.weights] == [
        "normalization/mean",
        "normalization/variance",
        "normalization/count",
    ]
    assert [w.trainable for w in layer.weights] == [False, False, False]
    assert [tuple(w.shape) for w in layer.weights] == [(4,), (4,), ()]
    assert layer.trainable_weights == []


def test_given_mean_and_variance_and_invert() -> None:
    x = np.array([[1.0, 2.0], [3.0, 4.0]], dtype="float32")
    layer = Normalization(mean=[1.0, 2.0], variance=[4.0, 16.0])
    out = ops.convert_to_numpy(layer(x))
    np.testing.assert_allclose(out, (x - [1.0, 2.0]) / [2.0, 4.0], rtol=1e-6)
    assert layer.weights == []
    back = Normalization(mean=[1.0, 2.0], variance=[4.0, 16.0], invert=True)(out)
    np.testing.assert_allclose(ops.convert_to_numpy(back), x, rtol=1e-6)


def test_scalar_mean_broadcasts_and_int_inputs_are_cast() -> None:
    layer = Normalization(mean=2.0, variance=4.0)
    out = layer(np.array([[2, 4]], dtype="int32"))
    np.testing.assert_allclose(ops.convert_to_numpy(out), [[0.0, 1.0]])
    assert "float32" in str(out.dtype)


def test_unadapted_layer_is_identity_and_set_weights() -> None:
    layer = Normalization()
    x = DATA[:2]
    np.testing.assert_allclose(ops.convert_to_numpy(layer(x)), x, rtol=1e-6)
    layer.set_weights([np.full(4, 1.0, "float32"), np.full(4, 4.0, "float32"), np.array(0, "int32")])
    np.testing.assert_allclose(ops.convert_to_numpy(layer(x)), (x - 1.0) / 2.0, rtol=1e-6)


def test_symbolic_and_computed_shapes() -> None:
    layer = Normalization(mean=0.0, variance=1.0)
    assert layer(Input(shape=(3, 4))).shape == (None, 3, 4)
    assert Normalization().compute_output_shape((None, 5)) == (None, 5)


def test_config_matches_keras_and_round_trips() -> None:
    layer = Normalization(name="normalization")
    assert layer.get_config() == {
        "name": "normalization",
        "trainable": True,
        "dtype": DTYPE,
        "axis": (-1,),
        "invert": False,
        "mean": None,
        "variance": None,
    }
    given = Normalization(mean=[1.0, 2.0], variance=[1.0, 4.0], name="n")
    config = given.get_config()
    assert config["mean"] == [1.0, 2.0] and config["variance"] == [1.0, 4.0]
    x = np.array([[3.0, 4.0]], dtype="float32")
    clone = Normalization.from_config(config)
    np.testing.assert_allclose(ops.convert_to_numpy(clone(x)), ops.convert_to_numpy(given(x)))


def test_build_config_rebuilds_weights() -> None:
    layer = Normalization()
    layer.adapt(DATA)
    clone = Normalization.from_config(layer.get_config())
    clone.build_from_config(layer.get_build_config() or {})
    clone.set_weights(layer.get_weights())
    np.testing.assert_allclose(
        ops.convert_to_numpy(clone(DATA)), ops.convert_to_numpy(layer(DATA)), rtol=1e-6
    )


ERRORS = [
    ({"mean": [1.0]}, "both `mean` and `variance` must be set"),
    ({"mean": [1.0, 2.0], "variance": [1.0]}, "must have the same shape"),
    (
        {"mean": [[1.0]], "variance": [[1.0]]},
        r"The rank of `mean` must be less than or equal to the number of axes \(1\)",
    ),
]


@pytest.mark.parametrize(("kwargs", "match"), ERRORS)
def test_constructor_errors(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Normalization(**kwargs)


def test_axis_out_of_range_and_incompatible_adapt() -> None:
    with pytest.raises(ValueError, match=r"All `axis` values must be in the range \[-ndim, ndim\)"):
        Normalization(axis=3).build((None, 4))
    layer = Normalization()
    layer.adapt(DATA)
    with pytest.raises(ValueError, match="incompatible shape"):
        layer.adapt(np.zeros((2, 5), "float32"))
    with pytest.raises(ValueError, match="empty iterable"):
        Normalization().adapt([])


# Rescaling --------------------------------------------------------------------------------

RESCALING = [(1 / 255.0, 0.0), (2.0, -1.0), (0.5, 3.0)]


@pytest.mark.parametrize(("scale", "offset"), RESCALING)
def test_rescaling_values(scale: float, offset: float) -> None:
    x = RNG.uniform(0, 255, size=(2, 3, 3, 2)).astype("float32")
    out = ops.convert_to_numpy(Rescaling(scale, offset)(x))
    np.testing.assert_allclose(out, x * scale + offset, rtol=1e-6, atol=1e-6)


def test_rescaling_per_channel_int_inputs_and_config() -> None:
    x = np.ones((1, 2, 2, 3), dtype="uint8")
    out = Rescaling([1.0, 2.0, 3.0])(x)
    np.testing.assert_allclose(ops.convert_to_numpy(out)[0, 0, 0], [1.0, 2.0, 3.0])
    assert "float32" in str(out.dtype)
    layer = Rescaling(1 / 255.0, name="rescaling")
    assert layer.get_config() == {
        "name": "rescaling",
        "trainable": True,
        "dtype": DTYPE,
        "scale": 0.00392156862745098,
        "offset": 0.0,
    }
    clone = Rescaling.from_config(Rescaling(2.0, 1.0).get_config())
    assert (clone.scale, clone.offset) == (2.0, 1.0)
    assert layer(Input(shape=(4, 4, 3))).shape == (None, 4, 4, 3)
