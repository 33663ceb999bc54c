"""Configs equal to real Keras 3.15's (dicts copied from it), and round trips that keep outputs."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from recurrent_reference import as_list, random_weights

from keras import ops
from keras.layers._core.dense import Dense
from keras.layers._recurrent.bidirectional import Bidirectional
from keras.layers._recurrent.conv_lstm import ConvLSTM1D, ConvLSTM2D, ConvLSTM3D
from keras.layers._recurrent.gru import GRU, GRUCell
from keras.layers._recurrent.lstm import LSTM, LSTMCell
from keras.layers._recurrent.rnn import RNN
from keras.layers._recurrent.simple_rnn import SimpleRNN, SimpleRNNCell
from keras.layers._recurrent.stacked_rnn_cells import StackedRNNCells
from keras.layers._recurrent.time_distributed import TimeDistributed
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

# Until keras.layers re-exports these names, resolve them explicitly.
CUSTOM = {
    cls.__name__: cls
    for cls in (
        Bidirectional, ConvLSTM1D, ConvLSTM2D, ConvLSTM3D, Dense, GRU, GRUCell, LSTM, LSTMCell, RNN,
        SimpleRNN, SimpleRNNCell, StackedRNNCells, TimeDistributed,
    )
}  # fmt: skip

# --- pieces of Keras 3.15's configs ------------------------------------------------------------
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
ORTHOGONAL = {
    "module": "keras.initializers",
    "class_name": "Orthogonal",
    "config": {"seed": None, "gain": 1.0},
    "registered_name": None,
}
ZEROS = {"module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": None}
RNN_FLAGS = {
    "return_sequences": False,
    "return_state": False,
    "go_backwards": False,
    "stateful": False,
    "unroll": False,
    "zero_output_for_mask": False,
}
CELL_ARGS = {
    "activation": "tanh",
    "use_bias": True,
    "kernel_initializer": GLOROT,
    "recurrent_initializer": ORTHOGONAL,
    "bias_initializer": ZEROS,
    "kernel_regularizer": None,
    "recurrent_regularizer": None,
    "bias_regularizer": None,
    "kernel_constraint": None,
    "recurrent_constraint": None,
    "bias_constraint": None,
    "dropout": 0.0,
    "recurrent_dropout": 0.0,
}


def base(name: str) -> dict[str, Any]:
    return {"name": name, "trainable": True, "dtype": DTYPE}


def gru_config(name: str, **changes: Any) -> dict[str, Any]:
    config = {
        **base(name),
        **RNN_FLAGS,
        "units": 2,
        **CELL_ARGS,
        "recurrent_activation": "sigmoid",
        "activity_regularizer": None,
        "reset_after": True,
        "seed": None,
    }
    return {**config, **changes}


KERAS_CONFIGS: dict[str, tuple[Any, dict[str, Any]]] = {
    "lstm": (
        lambda: LSTM(3, name="lstm"),
        {
            **base("lstm"),
            **RNN_FLAGS,
            "units": 3,
            **CELL_ARGS,
            "recurrent_activation": "sigmoid",
            "unit_forget_bias": True,
            "activity_regularizer": None,
            "seed": None,
        },
    ),
    "gru": (
        lambda: GRU(3, reset_after=False, go_backwards=True, dropout=0.25, seed=4, name="gru"),
        gru_config("gru", units=3, go_backwards=True, dropout=0.25, reset_after=False, seed=4),
    ),
    "simple_rnn": (  # Keras's SimpleRNN config has no "seed"
        lambda: SimpleRNN(2, activation="relu", return_state=True, name="simple_rnn", seed=1),
        {
            **base("simple_rnn"),
            **RNN_FLAGS,
            "return_state": True,
            "units": 2,
            **CELL_ARGS,
            "activation": "relu",
            "activity_regularizer": None,
        },
    ),
    "rnn": (
        lambda: RNN(SimpleRNNCell(2, name="cell"), unroll=True, zero_output_for_mask=True, name="rnn"),
        {
            **base("rnn"),
            **RNN_FLAGS,
            "unroll": True,
            "zero_output_for_mask": True,
            "cell": {
                "module": "keras.layers",
                "class_name": "SimpleRNNCell",
                "config": {**base("cell"), "units": 2, **CELL_ARGS, "seed": None},
                "registered_name": None,
            },
        },
    ),
    "conv_lstm1d": (
        lambda: ConvLSTM1D(2, 3, strides=2, padding="same", name="conv_lstm1d"),
        {
            **base("conv_lstm1d"),
            **RNN_FLAGS,
            "filters": 2,
            "kernel_size": (3,),
            "strides": (2,),
            "padding": "same",
            "data_format": "channels_last",
            "dilation_rate": (1,),
            **CELL_ARGS,
            "recurrent_activation": "sigmoid",
            "unit_forget_bias": True,
            "activity_regularizer": None,
            "seed": None,
        },
    ),
    "time_distributed": (
        lambda: TimeDistributed(Dense(3, name="dense"), name="td"),
        {
            **base("td"),
            "layer": {
                "module": "keras.layers",
                "class_name": "Dense",
                "config": {
                    **base("dense"),
                    "units": 3,
                    "activation": "linear",
                    "use_bias": True,
                    "kernel_initializer": GLOROT,
                    "bias_initializer": ZEROS,
                    "kernel_regularizer": None,
                    "bias_regularizer": None,
                    "kernel_constraint": None,
                    "bias_constraint": None,
                    "quantization_config": None,
                },
                "registered_name": None,
            },
        },
    ),
    "bidirectional": (
        lambda: Bidirectional(GRU(2, name="gru"), merge_mode="sum", name="bidi"),
        {
            **base("bidi"),
            "merge_mode": "sum",
            "layer": {
                "module": "keras.layers",
                "class_name": "GRU",
                "config": gru_config("forward_gru"),
                "registered_name": None,
            },
            "backward_layer": {
                "module": "keras.layers",
                "class_name": "GRU",
                "config": gru_config("backward_gru", go_backwards=True),
                "registered_name": None,
            },
        },
    ),
}


@pytest.mark.parametrize("case", sorted(KERAS_CONFIGS))
def test_get_config_equals_keras(case: str) -> None:
    make, expected = KERAS_CONFIGS[case]
    assert make().get_config() == expected


def test_cell_configs_equal_keras() -> None:
    lstm_cell = {
        **base("c"),
        "units": 3,
        **CELL_ARGS,
        "recurrent_activation": "sigmoid",
        "unit_forget_bias": True,
        "seed": None,
    }
    assert LSTMCell(3, name="c").get_config() == lstm_cell
    assert GRUCell(2, name="c").get_config() == {
        **base("c"),
        "units": 2,
        **CELL_ARGS,
        "recurrent_activation": "sigmoid",
        "reset_after": True,
        "seed": None,
    }
    stacked = StackedRNNCells([LSTMCell(3, name="c")], name="s").get_config()
    assert stacked == {
        **base("s"),
        "cells": [
            {"module": "keras.layers", "class_name": "LSTMCell", "config": lstm_cell, "registered_name": None}
        ],
    }


X = np.random.default_rng(8).normal(size=(2, 4, 3)).astype("float32")
ROUND_TRIPS: dict[str, tuple[Any, tuple[int, ...]]] = {
    "lstm": (lambda: LSTM(2, return_sequences=True, return_state=True), X.shape),
    "gru": (lambda: GRU(2, reset_after=False, go_backwards=True), X.shape),
    "simple_rnn": (lambda: SimpleRNN(2, unroll=True), X.shape),
    "rnn_stacked": (lambda: RNN([LSTMCell(2), GRUCell(3)], return_sequences=True), X.shape),
    "bidirectional": (lambda: Bidirectional(LSTM(2, return_sequences=True), merge_mode="ave"), X.shape),
    "bidirectional_backward": (
        lambda: Bidirectional(LSTM(2), backward_layer=GRU(3, go_backwards=True)),
        X.shape,
    ),
    "time_distributed": (lambda: TimeDistributed(Dense(2)), X.shape),
    "conv_lstm2d": (lambda: ConvLSTM2D(2, 2, return_sequences=True), (2, 3, 4, 4, 3)),
}


def _outputs(layer: Any, x: np.ndarray) -> list[np.ndarray]:
    from keras import tree

    return [ops.convert_to_numpy(t) for t in tree.flatten(as_list(layer(x)))]


@pytest.mark.parametrize("case", sorted(ROUND_TRIPS))
def test_round_trips_keep_outputs(case: str) -> None:
    make, shape = ROUND_TRIPS[case]
    x = np.random.default_rng(9).normal(size=shape).astype("float32")
    layer = make()
    layer.build(shape)
    weights = random_weights([tuple(w.shape) for w in layer.weights], seed=2)
    layer.set_weights(weights)
    expected = _outputs(layer, x)
    config = layer.get_config()
    copies = [
        type(layer).from_config(config, custom_objects=CUSTOM),
        deserialize_keras_object(serialize_keras_object(layer), custom_objects=CUSTOM),
    ]
    for copy in copies:
        if not copy.built:
            copy.build(shape)
        assert copy.get_config() == config
        copy.set_weights(weights)
        for got, want in zip(_outputs(copy, x), expected, strict=True):
            np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)


def test_keras_2_implementation_argument_is_accepted() -> None:
    # Old configs carry `implementation`; it is read and dropped, as Keras 3 does.
    assert LSTM(2, implementation=1, name="a").get_config() == LSTM(2, name="a").get_config()
    assert GRUCell(2, implementation=2, name="b").get_config() == GRUCell(2, name="b").get_config()
