"""Pooling layers: windowed, global and adaptive, against explicit-loop numpy references."""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend._masking import get_keras_mask
from keras.layers import Input
from keras.layers._pooling.adaptive_pooling import (
    AdaptiveAveragePooling1D,
    AdaptiveAveragePooling2D,
    AdaptiveAveragePooling3D,
    AdaptiveMaxPooling1D,
    AdaptiveMaxPooling2D,
    AdaptiveMaxPooling3D,
)
from keras.layers._pooling.global_pooling import (
    GlobalAveragePooling1D,
    GlobalAveragePooling2D,
    GlobalAveragePooling3D,
    GlobalAvgPool1D,
    GlobalAvgPool2D,
    GlobalAvgPool3D,
    GlobalMaxPool1D,
    GlobalMaxPool2D,
    GlobalMaxPool3D,
    GlobalMaxPooling1D,
    GlobalMaxPooling2D,
    GlobalMaxPooling3D,
)
from keras.layers._pooling.pooling import (
    AveragePooling1D,
    AveragePooling2D,
    AveragePooling3D,
    AvgPool1D,
    AvgPool2D,
    AvgPool3D,
    MaxPool1D,
    MaxPool2D,
    MaxPool3D,
    MaxPooling1D,
    MaxPooling2D,
    MaxPooling3D,
)
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

RTOL = ATOL = 1e-6
LAYERS = {
    cls.__name__: cls
    for cls in (
        MaxPooling1D,
        MaxPooling2D,
        MaxPooling3D,
        AveragePooling1D,
        AveragePooling2D,
        AveragePooling3D,
        GlobalMaxPooling1D,
        GlobalMaxPooling2D,
        GlobalMaxPooling3D,
        GlobalAveragePooling1D,
        GlobalAveragePooling2D,
        GlobalAveragePooling3D,
        AdaptiveMaxPooling1D,
        AdaptiveMaxPooling2D,
        AdaptiveMaxPooling3D,
        AdaptiveAveragePooling1D,
        AdaptiveAveragePooling2D,
        AdaptiveAveragePooling3D,
    )
}

# --- numpy references (channels_last, explicit loops over output positions) -----------------


def pool_ref(x: np.ndarray, pool_size: Any, strides: Any, padding: str, reduce: Any) -> np.ndarray:
    """Reduce each window with `reduce`; "same" windows cover only the input positions they overlap."""
    spatial = x.shape[1:-1]
    if padding == "valid":
        out = [(n - p) // s + 1 for n, p, s in zip(spatial, pool_size, strides, strict=True)]
        before = [0] * len(spatial)
    else:
        out = [-(-n // s) for n, s in zip(spatial, strides, strict=True)]
        before = [
            max((o - 1) * s + p - n, 0) // 2
            for o, s, p, n in zip(out, strides, pool_size, spatial, strict=True)
        ]
    y = np.zeros((x.shape[0], *out, x.shape[-1]))
    for o in itertools.product(*map(range, out)):
        window = tuple(
            slice(max(oi * s - b, 0), min(oi * s - b + p, n))
            for oi, s, b, p, n in zip(o, strides, before, pool_size, spatial, strict=True)
        )
        block = x[(slice(None), *window, slice(None))]
        y[(slice(None), *o, slice(None))] = reduce(block.reshape(x.shape[0], -1, x.shape[-1]), axis=1)
    return y


def adaptive_ref(x: np.ndarray, output_size: Any, reduce: Any) -> np.ndarray:
    """Window i of n over length L spans floor(i * L / n) .. ceil((i + 1) * L / n) - 1."""
    spatial = x.shape[1:-1]
    y = np.zeros((x.shape[0], *output_size, x.shape[-1]))
    for o in itertools.product(*map(range, output_size)):
        window = tuple(
            slice(math.floor(i * n / m), math.ceil((i + 1) * n / m))
            for i, n, m in zip(o, spatial, output_size, strict=True)
        )
        block = x[(slice(None), *window, slice(None))]
        y[(slice(None), *o, slice(None))] = reduce(block.reshape(x.shape[0], -1, x.shape[-1]), axis=1)
    return y


def reference(name: str, args: tuple[Any, ...], kwargs: dict[str, Any], x: np.ndarray) -> np.ndarray:
    rank = x.ndim - 2
    reduce = np.max if "Max" in name else np.mean
    if name.startswith("Global"):
        y = reduce(x, axis=tuple(range(1, rank + 1)), keepdims=kwargs.get("keepdims", False))
        return np.asarray(y)
    if name.startswith("Adaptive"):
        size = args[0]
        return adaptive_ref(x, (size,) * rank if isinstance(size, int) else size, reduce)
    pool = args[0] if args else 2
    pool = (pool,) * rank if isinstance(pool, int) else pool
    strides = kwargs.get("strides") or pool
    strides = (strides,) * rank if isinstance(strides, int) else strides
    return pool_ref(x, pool, strides, kwargs.get("padding", "valid").lower(), reduce)


@dataclass(frozen=True)
class Case:
    layer: str
    args: tuple[Any, ...]
    input_shape: tuple[int, ...]  # channels_last
    kwargs: dict[str, Any] = field(default_factory=dict)
    id: str = ""


CASES = [
    Case("MaxPooling1D", (), (2, 7, 3), id="max1d-default"),
    Case("MaxPooling1D", (3,), (2, 7, 3), {"strides": 1, "padding": "same"}, id="max1d-same"),
    Case("MaxPooling2D", ((2, 3),), (2, 5, 7, 2), {"strides": (1, 2)}, id="max2d-strided"),
    Case("MaxPooling2D", (3,), (1, 5, 6, 2), {"strides": 2, "padding": "SAME"}, id="max2d-same"),
    Case("MaxPooling3D", (), (1, 4, 5, 3, 2), id="max3d-default"),
    Case("MaxPooling3D", (2,), (1, 3, 4, 5, 2), {"padding": "same"}, id="max3d-same"),
    Case("AveragePooling1D", (2,), (2, 7, 3), id="avg1d-valid"),
    Case("AveragePooling1D", (3,), (2, 7, 3), {"strides": 2, "padding": "same"}, id="avg1d-same"),
    Case("AveragePooling2D", ((2, 3),), (2, 5, 7, 2), {"strides": 1}, id="avg2d-overlapping"),
    Case("AveragePooling2D", (2,), (1, 5, 5, 2), {"padding": "same"}, id="avg2d-same-partial-windows"),
    Case("AveragePooling3D", ((1, 2, 3),), (1, 3, 4, 6, 2), id="avg3d-valid"),
    Case("AveragePooling3D", (2,), (1, 3, 3, 3, 1), {"padding": "same", "strides": 1}, id="avg3d-same"),
    Case("GlobalMaxPooling1D", (), (2, 5, 3), id="gmax1d"),
    Case("GlobalMaxPooling2D", (), (2, 4, 5, 3), {"keepdims": True}, id="gmax2d-keepdims"),
    Case("GlobalMaxPooling3D", (), (2, 2, 3, 4, 3), id="gmax3d"),
    Case("GlobalAveragePooling1D", (), (2, 5, 3), {"keepdims": True}, id="gavg1d-keepdims"),
    Case("GlobalAveragePooling2D", (), (2, 4, 5, 3), id="gavg2d"),
    Case("GlobalAveragePooling3D", (), (2, 2, 3, 4, 3), {"keepdims": True}, id="gavg3d-keepdims"),
    Case("AdaptiveMaxPooling1D", (3,), (2, 7, 2), id="amax1d-overlapping"),
    Case("AdaptiveMaxPooling2D", ((2, 3),), (1, 5, 7, 2), id="amax2d"),
    Case("AdaptiveMaxPooling3D", (2,), (1, 3, 4, 5, 2), id="amax3d"),
    Case("AdaptiveAveragePooling1D", (4,), (2, 6, 2), id="aavg1d"),
    Case("AdaptiveAveragePooling2D", ((3, 2),), (1, 7, 5, 2), id="aavg2d"),
    Case("AdaptiveAveragePooling3D", ((1, 2, 3),), (1, 3, 5, 7, 2), id="aavg3d"),
]


def make(case: Case, data_format: str = "channels_last") -> Any:
    return LAYERS[case.layer](*case.args, data_format=data_format, **case.kwargs)


def to_format(x: np.ndarray, data_format: str) -> np.ndarray:
    return x if data_format == "channels_last" or x.ndim < 3 else np.moveaxis(x, -1, 1)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_matches_numpy_reference(case: Case, data_format: str) -> None:
    x = np.random.default_rng(0).normal(size=case.input_shape).astype("float32")
    got = ops.convert_to_numpy(make(case, data_format)(to_format(x, data_format)))
    expected = to_format(reference(case.layer, case.args, case.kwargs, x.astype("float64")), data_format)
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, expected, rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_symbolic_and_computed_shapes_equal_eager(case: Case, data_format: str) -> None:
    x = to_format(np.ones(case.input_shape, "float32"), data_format)
    eager = tuple(make(case, data_format)(x).shape)
    assert tuple(make(case, data_format)(Input(shape=x.shape[1:])).shape) == (None, *eager[1:])
    assert make(case, data_format).compute_output_shape(x.shape) == eager


def test_unknown_spatial_sizes_stay_unknown_except_for_adaptive_and_global() -> None:
    assert MaxPooling2D()(Input(shape=(None, 6, 3))).shape == (None, None, 3, 3)
    assert AdaptiveAveragePooling2D(2)(Input(shape=(None, None, 3))).shape == (None, 2, 2, 3)
    assert GlobalMaxPooling1D(data_format="channels_first")(Input(shape=(3, None))).shape == (None, 3)


def test_max_pooling_same_padding_never_picks_the_padding() -> None:
    x = -np.arange(1.0, 6.0, dtype="float32").reshape(1, 5, 1)
    y = ops.convert_to_numpy(MaxPooling1D(2, padding="same")(x))
    np.testing.assert_array_equal(y[0, :, 0], [-1.0, -3.0, -5.0])


# --- masking ------------------------------------------------------------------------------


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
@pytest.mark.parametrize("keepdims", [False, True])
def test_global_average_pooling_1d_averages_only_unmasked_steps(data_format: str, keepdims: bool) -> None:
    x = np.random.default_rng(1).normal(size=(3, 5, 2)).astype("float32")
    x[0, 3:] = np.inf  # masked steps may hold anything
    mask = np.array([[1, 1, 1, 0, 0], [1, 0, 1, 0, 1], [0, 0, 0, 0, 1]], dtype=bool)
    expected = np.stack([x[b][mask[b]].astype("float64").mean(axis=0) for b in range(3)])
    if keepdims:
        expected = expected[:, None, :]
    layer = GlobalAveragePooling1D(data_format=data_format, keepdims=keepdims)
    y = layer(to_format(x, data_format), mask=mask)
    np.testing.assert_allclose(ops.convert_to_numpy(y), to_format(expected, data_format), rtol=1e-5)
    assert get_keras_mask(y) is None
    assert layer.compute_mask(x, mask) is None


# --- configs ------------------------------------------------------------------------------

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}

# Copied from Keras 3.15's get_config().
CONFIGS = [
    (
        MaxPooling1D(name="p"),
        {"pool_size": (2,), "padding": "valid", "strides": (2,), "data_format": "channels_last"},
    ),
    (
        MaxPooling2D(strides=1, padding="same", name="p"),
        {"pool_size": (2, 2), "padding": "same", "strides": (1, 1), "data_format": "channels_last"},
    ),
    (
        AveragePooling3D(2, data_format="channels_first", name="p"),
        {"pool_size": (2, 2, 2), "padding": "valid", "strides": (2, 2, 2), "data_format": "channels_first"},
    ),
    (GlobalAveragePooling1D(name="p"), {"data_format": "channels_last", "keepdims": False}),
    (GlobalMaxPooling2D(keepdims=True, name="p"), {"data_format": "channels_last", "keepdims": True}),
    (AdaptiveAveragePooling1D(3, name="p"), {"output_size": (3,), "data_format": "channels_last"}),
    (AdaptiveMaxPooling2D((2, 3), name="p"), {"output_size": (2, 3), "data_format": "channels_last"}),
    (AdaptiveMaxPooling3D(2, name="p"), {"output_size": (2, 2, 2), "data_format": "channels_last"}),
]


@pytest.mark.parametrize(
    ("layer", "expected"), CONFIGS, ids=lambda v: getattr(v, "__class__", type(v)).__name__
)
def test_config_equals_keras(layer: Any, expected: dict[str, Any]) -> None:
    assert layer.get_config() == {"name": "p", "trainable": True, "dtype": DTYPE, **expected}


@pytest.mark.parametrize("case", CASES[::2], ids=[c.id for c in CASES[::2]])
def test_config_and_serialization_round_trips(case: Case) -> None:
    x = np.random.default_rng(2).normal(size=case.input_shape).astype("float32")
    layer = make(case, "channels_last")
    cls = type(layer)
    clone = cls.from_config(json.loads(json.dumps(layer.get_config())))
    np.testing.assert_array_equal(ops.convert_to_numpy(clone(x)), ops.convert_to_numpy(layer(x)))
    restored = deserialize_keras_object(serialize_keras_object(layer), module_objects={cls.__name__: cls})
    assert type(restored) is cls and restored.get_config() == layer.get_config()


def test_windowed_and_global_layers_are_built_at_construction() -> None:
    assert MaxPooling2D().built and GlobalAveragePooling3D().built and MaxPooling2D().weights == []
    assert not AdaptiveMaxPooling1D(2).built


def test_aliases_are_the_same_classes() -> None:
    assert (MaxPool1D, MaxPool2D, MaxPool3D) == (MaxPooling1D, MaxPooling2D, MaxPooling3D)
    assert (AvgPool1D, AvgPool2D, AvgPool3D) == (AveragePooling1D, AveragePooling2D, AveragePooling3D)
    assert (GlobalMaxPool1D, GlobalMaxPool2D, GlobalMaxPool3D) == (
        GlobalMaxPooling1D,
        GlobalMaxPooling2D,
        GlobalMaxPooling3D,
    )
    assert (GlobalAvgPool1D, GlobalAvgPool2D, GlobalAvgPool3D) == (
        GlobalAveragePooling1D,
        GlobalAveragePooling2D,
        GlobalAveragePooling3D,
    )


# --- errors -------------------------------------------------------------------------------


def test_window_larger_than_valid_input_names_the_layer() -> None:
    with pytest.raises(
        ValueError, match=r'MaxPooling2D layer "mp": the window \(of extent 3 once dilated\) is larger'
    ):
        MaxPooling2D(3, name="mp")(np.zeros((1, 2, 5, 1), "float32"))
    with pytest.raises(ValueError, match=r'AveragePooling1D layer "ap": the window'):
        AveragePooling1D(4, name="ap")(Input(shape=(3, 2)))


@pytest.mark.parametrize(
    ("make_layer", "error", "match"),
    [
        (lambda: MaxPooling2D(padding="full"), ValueError, r"Received: padding='full'"),
        (lambda: AveragePooling1D(2, padding="causal"), ValueError, r"Received: padding='causal'"),
        (
            lambda: MaxPooling2D((2, 2, 2)),
            ValueError,
            r"The `pool_size` argument must be a tuple of 2 integers",
        ),
        (lambda: MaxPooling1D(2, strides=0), ValueError, r"`strides` argument must be a tuple of 1 integers"),
        (lambda: GlobalMaxPooling1D(data_format="NWC"), ValueError, r"Received: data_format='NWC'"),
        (
            lambda: AdaptiveMaxPooling1D((2, 3)),
            ValueError,
            r"The `output_size` argument must be a tuple of 1",
        ),
        (lambda: AdaptiveAveragePooling2D(0), ValueError, r"including values \[0\] that do not satisfy"),
        (
            lambda: AdaptiveAveragePooling3D("2"),
            TypeError,
            r"`output_size` must be an int or a tuple of 3 ints",
        ),
    ],
)
def test_bad_arguments_raise(make_layer: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        make_layer()


@pytest.mark.parametrize(
    "layer", [MaxPooling2D(), AveragePooling1D(2), GlobalMaxPooling3D(), AdaptiveMaxPooling2D(2)], ids=str
)
def test_wrong_input_rank_names_the_layer(layer: Any) -> None:
    with pytest.raises(
        ValueError, match=rf'layer "{layer.name}" is incompatible with the layer: expected ndim='
    ):
        layer(np.zeros((1, 4, 4, 4, 4, 1), "float32"))
    with pytest.raises(
        ValueError, match=rf'{type(layer).__name__} layer "{layer.name}" expects inputs of rank'
    ):
        layer.compute_output_shape((None, 4))
