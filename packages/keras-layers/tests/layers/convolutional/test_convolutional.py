"""Convolution layers: values against explicit-loop numpy references, shapes, weights, configs, errors."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._convolutional.conv import (
    Conv1D,
    Conv2D,
    Conv3D,
    Convolution1D,
    Convolution2D,
    Convolution3D,
)
from keras.layers._convolutional.conv_transpose import (
    Conv1DTranspose,
    Conv2DTranspose,
    Conv3DTranspose,
    Convolution1DTranspose,
    Convolution2DTranspose,
    Convolution3DTranspose,
)
from keras.layers._convolutional.depthwise_conv import DepthwiseConv1D, DepthwiseConv2D
from keras.layers._convolutional.separable_conv import (
    SeparableConv1D,
    SeparableConv2D,
    SeparableConvolution1D,
    SeparableConvolution2D,
)
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

RTOL = ATOL = 1e-5
LAYERS = {
    cls.__name__: cls
    for cls in (
        Conv1D,
        Conv2D,
        Conv3D,
        Conv1DTranspose,
        Conv2DTranspose,
        Conv3DTranspose,
        DepthwiseConv1D,
        DepthwiseConv2D,
        SeparableConv1D,
        SeparableConv2D,
    )
}

# --- numpy references (channels_last, float64, explicit loops over positions) ---------------


def _window_geometry(
    spatial: tuple[int, ...], ksize: tuple[int, ...], strides: Any, padding: str, dilation: Any
) -> tuple[list[int], list[int]]:
    """Output sizes and the zero padding before each axis, as Keras defines "valid"/"same"."""
    extents = [(k - 1) * d + 1 for k, d in zip(ksize, dilation, strict=True)]
    if padding == "valid":
        return [(n - e) // s + 1 for n, e, s in zip(spatial, extents, strides, strict=True)], [0] * len(
            spatial
        )
    out = [-(-n // s) for n, s in zip(spatial, strides, strict=True)]
    before = [
        max((o - 1) * s + e - n, 0) // 2 for o, s, e, n in zip(out, strides, extents, spatial, strict=True)
    ]
    return out, before


def conv_ref(
    x: np.ndarray, w: np.ndarray, strides: Any, padding: str, dilation: Any, groups: int = 1
) -> np.ndarray:
    """y[b, o, f] = sum_k,c x[b, o * s + k * d - pad, group(f) c] * w[k, c, f]."""
    spatial, ksize = x.shape[1:-1], w.shape[:-2]
    out, before = _window_geometry(spatial, ksize, strides, padding, dilation)
    per_group_in, filters = w.shape[-2], w.shape[-1]
    per_group_out = filters // groups
    y = np.zeros((x.shape[0], *out, filters))
    for o in itertools.product(*map(range, out)):
        for k in itertools.product(*map(range, ksize)):
            index = [
                oi * s + ki * d - b for oi, s, ki, d, b in zip(o, strides, k, dilation, before, strict=True)
            ]
            if any(i < 0 or i >= n for i, n in zip(index, spatial, strict=True)):
                continue
            for g in range(groups):
                cin = slice(g * per_group_in, (g + 1) * per_group_in)
                cout = slice(g * per_group_out, (g + 1) * per_group_out)
                y[(slice(None), *o, cout)] += x[(slice(None), *index, cin)] @ w[(*k, slice(None), cout)]
    return y


def conv_transpose_ref(
    x: np.ndarray, w: np.ndarray, strides: Any, padding: str, output_padding: Any, dilation: Any
) -> np.ndarray:
    """The adjoint of conv, as a scatter: y[i * s + k * d - pad] += x[i] @ w[k].T."""
    spatial, ksize = x.shape[1:-1], w.shape[:-2]
    out, before = [], []
    for axis, (n, k, s, d) in enumerate(zip(spatial, ksize, strides, dilation, strict=True)):
        extent = (k - 1) * d + 1
        if output_padding is None:
            length = n * s + max(extent - s, 0) if padding == "valid" else n * s
        else:
            pad = 0 if padding == "valid" else extent // 2
            length = (n - 1) * s + extent - 2 * pad + output_padding[axis]
        out.append(length)
        # The forward conv (output length -> n) pads `total // 2` before.
        before.append(0 if padding == "valid" else max((n - 1) * s + extent - length, 0) // 2)
    y = np.zeros((x.shape[0], *out, w.shape[-2]))
    for i in itertools.product(*map(range, spatial)):
        for k in itertools.product(*map(range, ksize)):
            t = [ii * s + ki * d - b for ii, s, ki, d, b in zip(i, strides, k, dilation, before, strict=True)]
            if all(0 <= ti < length for ti, length in zip(t, out, strict=True)):
                y[(slice(None), *t, slice(None))] += x[(slice(None), *i, slice(None))] @ w[k].T
    return y


def depthwise_ref(x: np.ndarray, w: np.ndarray, strides: Any, padding: str, dilation: Any) -> np.ndarray:
    """y[b, o, c * M + m] = sum_k x[b, o * s + k * d - pad, c] * w[k, c, m]."""
    spatial, ksize = x.shape[1:-1], w.shape[:-2]
    out, before = _window_geometry(spatial, ksize, strides, padding, dilation)
    channels, multiplier = w.shape[-2], w.shape[-1]
    y = np.zeros((x.shape[0], *out, channels * multiplier))
    for o in itertools.product(*map(range, out)):
        for k in itertools.product(*map(range, ksize)):
            index = [
                oi * s + ki * d - b for oi, s, ki, d, b in zip(o, strides, k, dilation, before, strict=True)
            ]
            if any(i < 0 or i >= n for i, n in zip(index, spatial, strict=True)):
                continue
            for c in range(channels):
                for m in range(multiplier):
                    y[(slice(None), *o, c * multiplier + m)] += x[(slice(None), *index, c)] * w[(*k, c, m)]
    return y


def reference(name: str, kwargs: dict[str, Any], x: np.ndarray, weights: list[np.ndarray]) -> np.ndarray:
    """The layer's output for channels_last `x`, bias and activation included."""
    rank = x.ndim - 2

    def per_axis(key: str, default: int) -> tuple[int, ...]:
        value = kwargs.get(key, default)
        return (value,) * rank if isinstance(value, int) else tuple(value)

    strides, dilation = per_axis("strides", 1), per_axis("dilation_rate", 1)
    padding = kwargs.get("padding", "valid").lower()
    if name.startswith("SeparableConv"):
        y = depthwise_ref(x, weights[0], strides, padding, dilation)
        y = conv_ref(y, weights[1], (1,) * rank, "valid", (1,) * rank)
    elif name.startswith("DepthwiseConv"):
        y = depthwise_ref(x, weights[0], strides, padding, dilation)
    elif name.endswith("Transpose"):
        extra = kwargs.get("output_padding")
        extra = None if extra is None else per_axis("output_padding", 0)
        y = conv_transpose_ref(x, weights[0], strides, padding, extra, dilation)
    else:
        if padding == "causal":
            left = dilation[0] * (weights[0].shape[0] - 1)
            x = np.pad(x, ((0, 0), (left, 0), (0, 0)))
            padding = "valid"
        y = conv_ref(x, weights[0], strides, padding, dilation, kwargs.get("groups", 1))
    if kwargs.get("use_bias", True):
        y = y + weights[-1]
    if kwargs.get("activation") == "relu":
        y = np.maximum(y, 0)
    return y


# --- cases --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    layer: str
    args: tuple[Any, ...]
    input_shape: tuple[int, ...]  # channels_last
    kwargs: dict[str, Any] = field(default_factory=dict)
    id: str = ""


CASES = [
    Case("Conv1D", (3, 3), (2, 7, 2), id="1d-valid"),
    Case("Conv1D", (2, 3), (2, 7, 2), {"padding": "same", "strides": 2}, id="1d-same-strided"),
    Case("Conv1D", (2, 3), (2, 8, 2), {"padding": "causal", "dilation_rate": 2}, id="1d-causal-dilated"),
    Case("Conv1D", (4, 2), (2, 6, 6), {"groups": 2, "activation": "relu"}, id="1d-groups-relu"),
    Case(
        "Conv1D", (3, 4), (1, 9, 2), {"padding": "SAME", "use_bias": False}, id="1d-same-even-kernel-no-bias"
    ),
    Case("Conv2D", (3, (2, 3)), (2, 6, 7, 2), id="2d-valid"),
    Case("Conv2D", (4, 3), (2, 7, 6, 2), {"padding": "same", "strides": (2, 3)}, id="2d-same-strided"),
    Case("Conv2D", (2, 2), (1, 7, 7, 3), {"dilation_rate": (2, 3)}, id="2d-dilated"),
    Case("Conv2D", (6, 3), (1, 5, 5, 4), {"groups": 2, "padding": "same"}, id="2d-groups"),
    Case("Conv3D", (2, 2), (1, 4, 5, 3, 2), id="3d-valid"),
    Case("Conv3D", (3, (3, 2, 1)), (1, 5, 4, 3, 2), {"padding": "same", "strides": 2}, id="3d-same-strided"),
    Case("Conv1DTranspose", (2, 3), (2, 5, 3), id="t1d-valid"),
    Case("Conv1DTranspose", (2, 3), (2, 5, 3), {"strides": 2, "padding": "same"}, id="t1d-same-strided"),
    Case("Conv1DTranspose", (2, 2), (1, 4, 2), {"strides": 3}, id="t1d-stride-over-kernel"),
    Case("Conv1DTranspose", (2, 3), (1, 4, 2), {"strides": 2, "output_padding": 1}, id="t1d-output-padding"),
    Case("Conv1DTranspose", (2, 3), (1, 4, 2), {"dilation_rate": 2, "padding": "same"}, id="t1d-dilated"),
    Case("Conv2DTranspose", (3, (2, 3)), (2, 3, 4, 2), {"strides": (2, 1)}, id="t2d-valid"),
    Case(
        "Conv2DTranspose",
        (2, 3),
        (1, 3, 3, 2),
        {"strides": 2, "padding": "same", "output_padding": (1, 0)},
        id="t2d-same-output-padding",
    ),
    Case("Conv3DTranspose", (2, 2), (1, 2, 3, 2, 2), {"strides": 2}, id="t3d-valid"),
    Case("DepthwiseConv1D", (3,), (2, 7, 3), {"depth_multiplier": 2}, id="dw1d-multiplier"),
    Case("DepthwiseConv1D", (3,), (2, 7, 2), {"padding": "same", "strides": 2}, id="dw1d-same-strided"),
    Case(
        "DepthwiseConv2D",
        ((2, 3),),
        (2, 5, 6, 2),
        {"dilation_rate": 2, "depth_multiplier": 3},
        id="dw2d-dilated",
    ),
    Case(
        "DepthwiseConv2D",
        (3,),
        (1, 6, 6, 3),
        {"padding": "same", "strides": 2, "dilation_rate": 1},
        id="dw2d-same",
    ),
    Case("SeparableConv1D", (4, 3), (2, 7, 3), {"depth_multiplier": 2}, id="sep1d-multiplier"),
    Case("SeparableConv1D", (2, 2), (2, 7, 2), {"padding": "same", "strides": 2}, id="sep1d-same-strided"),
    Case(
        "SeparableConv2D", (4, 3), (1, 6, 5, 2), {"padding": "same", "dilation_rate": 2}, id="sep2d-dilated"
    ),
]


def make(case: Case, data_format: str = "channels_last") -> Any:
    return LAYERS[case.layer](*case.args, data_format=data_format, **case.kwargs)


def to_format(x: np.ndarray, data_format: str) -> np.ndarray:
    """A channels_last array in `data_format`."""
    return x if data_format == "channels_last" else np.moveaxis(x, -1, 1)


def random_weights(layer: Any, seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [rng.normal(size=w.shape).astype("float32") for w in layer.weights]


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_matches_numpy_reference(case: Case, data_format: str) -> None:
    x = np.random.default_rng(1).normal(size=case.input_shape).astype("float32")
    layer = make(case, data_format)
    layer.build(to_format(x, data_format).shape)
    weights = random_weights(layer, 2)
    layer.set_weights(weights)
    got = ops.convert_to_numpy(layer(to_format(x, data_format)))
    expected = to_format(reference(case.layer, case.kwargs, x.astype("float64"), weights), data_format)
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, expected, rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_symbolic_and_computed_shapes_equal_eager(case: Case, data_format: str) -> None:
    x = to_format(np.ones(case.input_shape, "float32"), data_format)
    eager = tuple(make(case, data_format)(x).shape)
    symbolic = make(case, data_format)(Input(shape=x.shape[1:]))
    assert tuple(symbolic.shape) == (None, *eager[1:])
    assert make(case, data_format).compute_output_shape(x.shape) == eager


def test_unknown_spatial_size_gives_unknown_output_size() -> None:
    assert Conv2D(4, 3)(Input(shape=(None, 8, 2))).shape == (None, None, 6, 4)
    assert Conv1DTranspose(3, 2, strides=2)(Input(shape=(None, 2))).shape == (None, None, 3)
    assert SeparableConv1D(5, 3, data_format="channels_first")(Input(shape=(2, None))).shape == (
        None,
        5,
        None,
    )


def test_causal_output_depends_only_on_the_past() -> None:
    layer = Conv1D(1, 3, padding="causal", dilation_rate=2, kernel_initializer="ones")
    x = np.zeros((1, 9, 1), "float32")
    x[0, 5, 0] = 1.0
    y = ops.convert_to_numpy(layer(x))[0, :, 0]
    np.testing.assert_array_equal(y, [0, 0, 0, 0, 0, 1, 0, 1, 0])  # y[t] = x[t] + x[t-2] + x[t-4]


# --- weights ------------------------------------------------------------------------------

# From Keras 3.15: [(w.path, w.shape) for w in layer.weights] after build.
WEIGHTS = [
    (Conv1D(4, 3, name="c"), (None, 10, 2), [("c/kernel", (3, 2, 4)), ("c/bias", (4,))]),
    (Conv2D(4, 3, groups=2, name="c"), (None, 10, 10, 2), [("c/kernel", (3, 3, 1, 4)), ("c/bias", (4,))]),
    (
        Conv3D(4, (1, 2, 3), data_format="channels_first", use_bias=False, name="c"),
        (None, 2, 5, 5, 5),
        [("c/kernel", (1, 2, 3, 2, 4))],
    ),
    (Conv1DTranspose(4, 3, name="t"), (None, 10, 2), [("t/kernel", (3, 4, 2)), ("t/bias", (4,))]),
    (Conv3DTranspose(4, 3, name="t"), (None, 9, 9, 9, 2), [("t/kernel", (3, 3, 3, 4, 2)), ("t/bias", (4,))]),
    (
        SeparableConv1D(4, 3, depth_multiplier=2, name="s"),
        (None, 10, 2),
        [("s/depthwise_kernel", (3, 2, 2)), ("s/pointwise_kernel", (1, 4, 4)), ("s/bias", (4,))],
    ),
    (
        SeparableConv2D(4, 3, name="s"),
        (None, 10, 10, 2),
        [("s/depthwise_kernel", (3, 3, 2, 1)), ("s/pointwise_kernel", (1, 1, 2, 4)), ("s/bias", (4,))],
    ),
    (
        DepthwiseConv1D(3, depth_multiplier=2, name="d"),
        (None, 10, 2),
        [("d/kernel", (3, 2, 2)), ("d/bias", (4,))],
    ),
    (DepthwiseConv2D(3, name="d"), (None, 10, 10, 2), [("d/kernel", (3, 3, 2, 1)), ("d/bias", (2,))]),
]


@pytest.mark.parametrize(
    ("layer", "input_shape", "expected"), WEIGHTS, ids=lambda v: getattr(v, "name", None)
)
def test_weight_paths_shapes_and_order_match_keras(layer: Any, input_shape: Any, expected: Any) -> None:
    layer.build(input_shape)
    assert [(w.path, tuple(w.shape)) for w in layer.weights] == expected
    assert all(w.trainable for w in layer.weights)


def test_initializers_and_regularizers_are_used() -> None:
    layer = Conv1D(2, 2, kernel_initializer="ones", bias_initializer="ones", kernel_regularizer="l2")
    y = ops.convert_to_numpy(layer(np.ones((1, 3, 2), "float32")))
    np.testing.assert_allclose(y, np.full((1, 2, 2), 5.0))  # 2 taps * 2 channels + bias 1
    [loss] = layer.losses
    np.testing.assert_allclose(float(ops.convert_to_numpy(loss)), 0.01 * 8, rtol=1e-6)


# --- configs ------------------------------------------------------------------------------

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
GLOROT = {
    "module": "keras.initializers",
    "class_name": "GlorotUniform",
    "config": {"seed": None, "input_axes": None, "output_axes": None},
    "registered_name": None,
}
ZEROS = {"module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": None}
L2 = {"module": "keras.regularizers", "class_name": "L2", "config": {"l2": 0.01}, "registered_name": None}
BASE = {"trainable": True, "dtype": DTYPE}
KERNEL_ARGS = {
    "activation": "linear",
    "use_bias": True,
    "kernel_initializer": GLOROT,
    "bias_initializer": ZEROS,
    "kernel_regularizer": None,
    "bias_regularizer": None,
    "activity_regularizer": None,
    "kernel_constraint": None,
    "bias_constraint": None,
}
DEPTHWISE_ARGS = {
    "activation": "linear",
    "use_bias": True,
    "depthwise_initializer": GLOROT,
    "bias_initializer": ZEROS,
    "depthwise_regularizer": None,
    "bias_regularizer": None,
    "activity_regularizer": None,
    "depthwise_constraint": None,
    "bias_constraint": None,
}

# Copied from Keras 3.15's get_config().
CONFIGS = [
    (
        Conv2D(4, 3, groups=2, padding="SAME", name="c"),
        {
            **BASE,
            "name": "c",
            "filters": 4,
            "kernel_size": (3, 3),
            "strides": (1, 1),
            "padding": "same",
            "data_format": "channels_last",
            "dilation_rate": (1, 1),
            "groups": 2,
            **KERNEL_ARGS,
        },
    ),
    (
        Conv1D(4, 3, padding="causal", name="c"),
        {
            **BASE,
            "name": "c",
            "filters": 4,
            "kernel_size": (3,),
            "strides": (1,),
            "padding": "causal",
            "data_format": "channels_last",
            "dilation_rate": (1,),
            "groups": 1,
            **KERNEL_ARGS,
        },
    ),
    (
        Conv1DTranspose(4, 3, output_padding=1, strides=2, name="t"),
        {
            **BASE,
            "name": "t",
            "filters": 4,
            "kernel_size": (3,),
            "strides": (2,),
            "padding": "valid",
            "output_padding": (1,),
            "data_format": "channels_last",
            "dilation_rate": (1,),
            **KERNEL_ARGS,
        },
    ),
    (
        Conv3DTranspose(4, 3, data_format="channels_first", name="t"),
        {
            **BASE,
            "name": "t",
            "filters": 4,
            "kernel_size": (3, 3, 3),
            "strides": (1, 1, 1),
            "padding": "valid",
            "output_padding": None,
            "data_format": "channels_first",
            "dilation_rate": (1, 1, 1),
            **KERNEL_ARGS,
        },
    ),
    (
        SeparableConv1D(4, 3, depth_multiplier=2, name="s"),
        {
            **BASE,
            "name": "s",
            "depth_multiplier": 2,
            "filters": 4,
            "kernel_size": (3,),
            "strides": (1,),
            "padding": "valid",
            "data_format": "channels_last",
            "dilation_rate": (1,),
            "activation": "linear",
            "use_bias": True,
            "depthwise_initializer": GLOROT,
            "pointwise_initializer": GLOROT,
            "bias_initializer": ZEROS,
            "depthwise_regularizer": None,
            "pointwise_regularizer": None,
            "bias_regularizer": None,
            "activity_regularizer": None,
            "depthwise_constraint": None,
            "pointwise_constraint": None,
            "bias_constraint": None,
        },
    ),
    (
        DepthwiseConv2D(3, depthwise_regularizer="l2", activation="relu", name="d"),
        {
            **BASE,
            "name": "d",
            "depth_multiplier": 1,
            "kernel_size": (3, 3),
            "strides": (1, 1),
            "padding": "valid",
            "data_format": "channels_last",
            "dilation_rate": (1, 1),
            **DEPTHWISE_ARGS,
            "activation": "relu",
            "depthwise_regularizer": L2,
        },
    ),
]


@pytest.mark.parametrize(("layer", "expected"), CONFIGS, ids=lambda v: getattr(v, "name", None))
def test_config_equals_keras(layer: Any, expected: dict[str, Any]) -> None:
    assert layer.get_config() == expected


@pytest.mark.parametrize("case", CASES[::3], ids=[c.id for c in CASES[::3]])
def test_config_and_serialization_round_trips_give_the_same_outputs(case: Case) -> None:
    x = np.random.default_rng(3).normal(size=case.input_shape).astype("float32")
    layer = make(case)
    y = ops.convert_to_numpy(layer(x))
    cls = type(layer)
    clone = cls.from_config(json.loads(json.dumps(layer.get_config())))
    clone.build(x.shape)
    clone.set_weights(layer.get_weights())
    np.testing.assert_allclose(ops.convert_to_numpy(clone(x)), y, rtol=RTOL, atol=ATOL)
    restored = deserialize_keras_object(serialize_keras_object(layer), module_objects={cls.__name__: cls})
    assert type(restored) is cls and restored.get_config() == layer.get_config()


def test_aliases_are_the_same_classes() -> None:
    assert (Convolution1D, Convolution2D, Convolution3D) == (Conv1D, Conv2D, Conv3D)
    assert (Convolution1DTranspose, Convolution2DTranspose, Convolution3DTranspose) == (
        Conv1DTranspose,
        Conv2DTranspose,
        Conv3DTranspose,
    )
    assert (SeparableConvolution1D, SeparableConvolution2D) == (SeparableConv1D, SeparableConv2D)


def test_data_format_defaults_to_the_global_setting() -> None:
    from keras import backend

    backend.set_image_data_format("channels_first")
    try:
        assert Conv2D(2, 3).data_format == "channels_first"
    finally:
        backend.set_image_data_format("channels_last")
    assert Conv2D(2, 3).data_format == "channels_last"
    assert Conv2D(2, 3, data_format="Channels_First").data_format == "channels_first"


# --- errors -------------------------------------------------------------------------------


def test_kernel_larger_than_valid_input_names_the_layer() -> None:
    with pytest.raises(
        ValueError, match=r'Conv2D layer "big": the window \(of extent 5 once dilated\) is larger'
    ):
        Conv2D(2, 5, name="big")(np.zeros((1, 3, 8, 1), "float32"))
    with pytest.raises(
        ValueError, match=r'DepthwiseConv1D layer "dw": the window \(of extent 5 once dilated\)'
    ):
        DepthwiseConv1D(3, dilation_rate=2, name="dw")(Input(shape=(4, 2)))
    with pytest.raises(ValueError, match=r'SeparableConv2D layer "sep": the window'):
        SeparableConv2D(2, 3, name="sep").compute_output_shape((None, 2, 2, 1))


@pytest.mark.parametrize(
    ("make_layer", "match"),
    [
        (
            lambda: Conv2D(2, 3, padding="full"),
            r"`padding` argument must be one of \['valid', 'same'\]. Received: padding='full'",
        ),
        (lambda: Conv2D(2, 3, padding="causal"), r"Received: padding='causal'"),
        (lambda: Conv1D(2, 3, padding="causal ", name="x"), r"\['valid', 'same', 'causal'\]"),
        (lambda: DepthwiseConv2D(3, padding=1), r"Received: padding=1"),
        (
            lambda: Conv2D(3, 3, groups=2),
            r"filters must be evenly divisible by the number of groups. Received: groups=2, filters=3",
        ),
        (lambda: Conv2D(0, 3), r"`filters`. Expected a strictly positive integer. Received filters=0"),
        (lambda: Conv2D(2, 3, groups=0), r"Received groups=0"),
        (lambda: SeparableConv1D(2, 3, depth_multiplier=0), r"Received depth_multiplier=0"),
        (lambda: Conv2D(2, (3, 3, 3)), r"The `kernel_size` argument must be a tuple of 2 integers"),
        (lambda: Conv1D(2, 0), r"including values \[0\] that do not satisfy `value > 0`"),
        (
            lambda: Conv2D(2, 3, strides=2, dilation_rate=2),
            r"`strides > 1` not supported in conjunction with `dilation_rate > 1`",
        ),
        (lambda: Conv2D(2, 3, data_format="NHWC"), r"Received: data_format='NHWC'"),
        (
            lambda: Conv1DTranspose(2, 3, strides=2, output_padding=2),
            r"`output_padding` must be strictly less than `strides`",
        ),
    ],
)
def test_bad_arguments_raise(make_layer: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        make_layer()


def test_wrong_input_rank_names_the_layer() -> None:
    with pytest.raises(
        ValueError, match=r'layer "c2" is incompatible with the layer: expected ndim=4, found ndim=3'
    ):
        Conv2D(2, 3, name="c2")(np.zeros((1, 5, 5), "float32"))
    with pytest.raises(
        ValueError, match=r'Conv1D layer "c1" expects inputs of rank 3 \(batch, 1 spatial axis'
    ):
        Conv1D(2, 3, name="c1").compute_output_shape((None, 5, 5, 1))
    with pytest.raises(
        ValueError, match=r'layer "t" is incompatible with the layer: expected ndim=5, found ndim=4'
    ):
        Conv3DTranspose(2, 3, name="t")(Input(shape=(4, 4, 1)))


def test_input_channels_must_divide_into_groups_and_match_after_build() -> None:
    with pytest.raises(
        ValueError, match=r'Conv2D layer "g": the number of input channels must be evenly divisible'
    ):
        Conv2D(4, 3, groups=4, name="g")(np.zeros((1, 5, 5, 6), "float32"))
    layer = Conv1D(2, 3, name="c")
    layer(np.zeros((1, 5, 3), "float32"))
    with pytest.raises(ValueError, match=r"expected axis -1 of input shape to have value 3"):
        layer(np.zeros((1, 5, 4), "float32"))


def test_unknown_channels_raise_at_build() -> None:
    with pytest.raises(
        ValueError, match=r'Conv1D layer "c": the channel dimension of the inputs must be known'
    ):
        Conv1D(2, 3, name="c").build((None, 5, None))


@pytest.mark.parametrize("name", ["Conv2D", "Conv2DTranspose", "DepthwiseConv2D", "SeparableConv2D"])
def test_mixed_precision_computes_in_float16_with_float32_weights(name: str) -> None:
    case = next(c for c in CASES if c.layer == name)
    layer = LAYERS[name](*case.args, dtype="mixed_float16", **case.kwargs)
    x = np.random.default_rng(4).normal(size=case.input_shape).astype("float32")
    y = layer(x)
    assert ops.convert_to_numpy(y).dtype == np.float16
    assert all(w.dtype == "float32" for w in layer.weights)
    expected = reference(name, case.kwargs, x.astype("float64"), [w.numpy() for w in layer.weights])
    np.testing.assert_allclose(ops.convert_to_numpy(y), expected, rtol=2e-2, atol=2e-2)


def test_numpy_integers_are_accepted_and_stored_as_ints() -> None:
    layer = Conv2D(np.int64(4), np.int32(3), strides=[np.int64(1), 2])
    assert (layer.filters, layer.kernel_size, layer.strides) == (4, (3, 3), (1, 2))
    assert type(layer.filters) is int and all(type(k) is int for k in layer.kernel_size)
