"""ConvLSTM1D/2D/3D: values against a numpy ConvLSTM1D, shapes, data formats, masks, errors."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from recurrent_reference import as_list, conv_lstm1d_step, random_weights, run

from keras import ops
from keras.layers import Input
from keras.layers._recurrent.conv_lstm import ConvLSTM1D, ConvLSTM2D, ConvLSTM3D

RTOL = ATOL = 1e-5
X = np.random.default_rng(21).normal(size=(2, 3, 7, 2)).astype("float32")  # (batch, time, length, channels)


@pytest.mark.parametrize(
    "options",
    [
        {"padding": "valid"},
        {"padding": "same"},
        {"padding": "same", "strides": 2},
        {"padding": "valid", "dilation_rate": 2},
        {"padding": "same", "go_backwards": True},
    ],
    ids=["valid", "same", "strided", "dilated", "backwards"],
)
def test_conv_lstm1d_matches_numpy(options: dict[str, Any]) -> None:
    layer = ConvLSTM1D(3, 3, return_sequences=True, return_state=True, **options)
    layer.build(X.shape)
    weights = random_weights([tuple(w.shape) for w in layer.weights], seed=5)
    layer.set_weights(weights)
    step = conv_lstm1d_step(
        *weights, options.get("strides", 1), options["padding"], options.get("dilation_rate", 1)
    )
    got = [ops.convert_to_numpy(t) for t in as_list(layer(X))]
    state_shape = got[1].shape
    outputs, states = run(
        step,
        X.astype("float64"),
        [np.zeros(state_shape)] * 2,
        go_backwards=options.get("go_backwards", False),
    )
    for g, e in zip(got, [outputs, *states], strict=True):
        np.testing.assert_allclose(g, e, rtol=RTOL, atol=ATOL)
    assert layer.compute_output_shape(X.shape) == tuple(tuple(t.shape) for t in got)


def test_conv_lstm1d_channels_first_equals_channels_last() -> None:
    last = ConvLSTM1D(3, 3, padding="same", return_sequences=True)
    first = ConvLSTM1D(3, 3, padding="same", return_sequences=True, data_format="channels_first")
    last.build(X.shape)
    first.build((2, 3, 2, 7))
    weights = random_weights([tuple(w.shape) for w in last.weights], seed=6)
    last.set_weights(weights)
    first.set_weights(weights)
    expected = ops.convert_to_numpy(last(X))
    got = ops.convert_to_numpy(first(np.transpose(X, (0, 1, 3, 2))))
    np.testing.assert_allclose(np.transpose(got, (0, 1, 3, 2)), expected, rtol=RTOL, atol=ATOL)


def test_masked_steps_keep_the_state() -> None:
    layer = ConvLSTM1D(2, 3, padding="same", return_sequences=True, return_state=True)
    layer.build(X.shape)
    weights = random_weights([tuple(w.shape) for w in layer.weights], seed=7)
    layer.set_weights(weights)
    mask = np.array([[1, 0, 1], [1, 1, 0]], dtype=bool)
    got = [ops.convert_to_numpy(t) for t in as_list(layer(X, mask=mask))]
    outputs, states = run(
        conv_lstm1d_step(*weights, 1, "same", 1), X.astype("float64"), [np.zeros((2, 7, 2))] * 2, mask=mask
    )
    for g, e in zip(got, [outputs, *states], strict=True):
        np.testing.assert_allclose(g, e, rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize(
    ("cls", "shape", "expected"),
    [
        (ConvLSTM2D, (2, 3, 6, 5, 2), (None, 3, 4, 3, 4)),
        (ConvLSTM3D, (1, 2, 5, 5, 5, 1), (None, 2, 3, 3, 3, 4)),
    ],
)
def test_shapes_weights_and_paths(cls: Any, shape: tuple[int, ...], expected: tuple[Any, ...]) -> None:
    layer = cls(4, 3, return_sequences=True)
    eager = layer(np.zeros(shape, dtype="float32"))
    assert tuple(eager.shape) == (shape[0], *expected[1:])
    assert layer(Input(shape=shape[1:])).shape == expected
    rank = len(shape) - 3
    assert [tuple(w.shape) for w in layer.weights] == [
        (3,) * rank + (shape[-1], 16),
        (3,) * rank + (4, 16),
        (16,),
    ]
    assert [w.path.split("/", 1)[1] for w in layer.weights] == [
        "conv_lstm_cell/kernel",
        "conv_lstm_cell/recurrent_kernel",
        "conv_lstm_cell/bias",
    ]
    bias = layer.weights[2].numpy()
    np.testing.assert_array_equal(bias, np.repeat([0.0, 1.0, 0.0, 0.0], 4))  # unit_forget_bias


def test_conv_lstm_errors() -> None:
    with pytest.raises(ValueError, match="expected ndim=5, found ndim=4"):
        ConvLSTM2D(2, 3)(X)
    with pytest.raises(
        ValueError, match="ConvLSTM layers only support static input shapes for the spatial dimension"
    ):
        ConvLSTM1D(2, 3)(Input(shape=(3, None, 2)))
    with pytest.raises(ValueError, match="expected a positive integer, got 0"):
        ConvLSTM1D(0, 3)
    with pytest.raises(ValueError, match="The `padding` argument must be one of"):
        ConvLSTM1D(2, 3, padding="full")
