"""Bidirectional and TimeDistributed against numpy: direction order, merge modes, states, masks."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from recurrent_reference import as_list, gru_step, lstm_step, random_weights, run

from keras import ops
from keras.layers import Input
from keras.layers._core.dense import Dense
from keras.layers._recurrent.bidirectional import Bidirectional
from keras.layers._recurrent.gru import GRU
from keras.layers._recurrent.lstm import LSTM
from keras.layers._recurrent.time_distributed import TimeDistributed

RTOL = ATOL = 1e-5
BATCH, TIME, FEATURES, UNITS = 2, 4, 3, 2
X = np.random.default_rng(11).normal(size=(BATCH, TIME, FEATURES)).astype("float32")
MASK = np.array([[1, 1, 1, 1], [1, 1, 0, 0]], dtype=bool)
MERGES = {
    "concat": lambda f, b: np.concatenate([f, b], axis=-1),
    "sum": lambda f, b: f + b,
    "mul": lambda f, b: f * b,
    "ave": lambda f, b: (f + b) / 2,
}


def bidirectional(merge_mode: Any = "concat", **kwargs: Any) -> tuple[Any, list[np.ndarray]]:
    layer = Bidirectional(LSTM(UNITS, return_sequences=True, **kwargs), merge_mode=merge_mode)
    layer.build(X.shape)
    weights = random_weights([tuple(w.shape) for w in layer.weights], seed=1)
    layer.set_weights(weights)
    return layer, weights


def directions(weights: list[np.ndarray], mask: Any = None) -> tuple[Any, Any, Any, Any]:
    zeros = [np.zeros((BATCH, UNITS))] * 2
    x = X.astype("float64")
    forward, forward_states = run(
        lstm_step(*weights[:3]), x, zeros, mask=mask, zero_output_for_mask=mask is not None
    )
    backward, backward_states = run(
        lstm_step(*weights[3:]), x, zeros, mask=mask, go_backwards=True, zero_output_for_mask=mask is not None
    )
    return forward, backward[:, ::-1], forward_states, backward_states


@pytest.mark.parametrize("merge_mode", sorted(MERGES))
def test_merge_modes(merge_mode: str) -> None:
    layer, weights = bidirectional(merge_mode)
    forward, backward, _, _ = directions(weights)
    got = ops.convert_to_numpy(layer(X))
    np.testing.assert_allclose(got, MERGES[merge_mode](forward, backward), rtol=RTOL, atol=ATOL)


def test_concat_puts_the_forward_direction_first_in_input_order() -> None:
    layer, weights = bidirectional()
    got = ops.convert_to_numpy(layer(X))
    forward, backward, _, _ = directions(weights)
    np.testing.assert_allclose(got[..., :UNITS], forward, rtol=RTOL, atol=ATOL)
    # Step t of the backward half has read steps T-1 ... t: its last step (t = 0) saw everything.
    np.testing.assert_allclose(got[:, 0, UNITS:], backward[:, 0], rtol=RTOL, atol=ATOL)
    assert [w.path.split("/")[1].split("_")[0] for w in layer.weights] == ["forward"] * 3 + ["backward"] * 3


def test_merge_none_and_states_order() -> None:
    layer = Bidirectional(LSTM(UNITS, return_sequences=True, return_state=True), merge_mode=None)
    layer.build(X.shape)
    weights = random_weights([tuple(w.shape) for w in layer.weights], seed=1)
    layer.set_weights(weights)
    outputs = [ops.convert_to_numpy(t) for t in as_list(layer(X))]
    forward, backward, forward_states, backward_states = directions(weights)
    expected = [forward, backward, *forward_states, *backward_states]
    assert len(outputs) == len(expected) == 6
    for got, want in zip(outputs, expected, strict=True):
        np.testing.assert_allclose(got, want, rtol=RTOL, atol=ATOL)
    symbolic = layer(Input(shape=(TIME, FEATURES)))
    assert [t.shape for t in symbolic] == [(None, TIME, UNITS)] * 2 + [(None, UNITS)] * 4


def test_initial_state_is_split_between_directions() -> None:
    layer, weights = bidirectional()
    rng = np.random.default_rng(2)
    states = [rng.normal(size=(BATCH, UNITS)).astype("float32") for _ in range(4)]
    got = ops.convert_to_numpy(layer(X, initial_state=states))
    s64 = [s.astype("float64") for s in states]
    forward, _ = run(lstm_step(*weights[:3]), X.astype("float64"), s64[:2])
    backward, _ = run(lstm_step(*weights[3:]), X.astype("float64"), s64[2:], go_backwards=True)
    np.testing.assert_allclose(got, np.concatenate([forward, backward[:, ::-1]], -1), rtol=RTOL, atol=ATOL)


def test_masked_bidirectional_zeroes_padded_steps() -> None:
    layer, weights = bidirectional()
    forward, backward, _, _ = directions(weights, mask=MASK)
    got = ops.convert_to_numpy(layer(X, mask=MASK))
    np.testing.assert_allclose(got, np.concatenate([forward, backward], -1), rtol=RTOL, atol=ATOL)
    np.testing.assert_array_equal(got[1, 2:], 0.0)
    assert layer.compute_mask(X, MASK) is MASK


def test_backward_layer_and_last_output() -> None:
    backward = GRU(3, go_backwards=True)
    layer = Bidirectional(LSTM(UNITS), backward_layer=backward)
    layer.build(X.shape)
    weights = random_weights([tuple(w.shape) for w in layer.weights], seed=4)
    layer.set_weights(weights)
    forward, _ = run(lstm_step(*weights[:3]), X.astype("float64"), [np.zeros((BATCH, UNITS))] * 2)
    reverse, _ = run(
        gru_step(*weights[3:], reset_after=True),
        X.astype("float64"),
        [np.zeros((BATCH, 3))],
        go_backwards=True,
    )
    expected = np.concatenate([forward[:, -1], reverse[:, -1]], axis=-1)
    np.testing.assert_allclose(ops.convert_to_numpy(layer(X)), expected, rtol=RTOL, atol=ATOL)
    assert layer.compute_output_shape(X.shape) == (BATCH, UNITS + 3)


def test_stateful_bidirectional_reset() -> None:
    layer = Bidirectional(LSTM(UNITS, stateful=True))
    first = ops.convert_to_numpy(layer(X))
    second = ops.convert_to_numpy(layer(X))
    assert not np.allclose(first, second) and layer.states is not None and len(layer.states) == 4
    layer.reset_states()
    np.testing.assert_allclose(ops.convert_to_numpy(layer(X)), first, rtol=RTOL, atol=ATOL)
    with pytest.raises(AttributeError, match="Layer must be stateful"):
        Bidirectional(LSTM(UNITS)).reset_states()


def test_bidirectional_errors() -> None:
    with pytest.raises(
        ValueError, match=r"Please initialize `Bidirectional` layer with a `keras.layers.Layer`"
    ):
        Bidirectional("lstm")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"Invalid merge mode. Received: max"):
        Bidirectional(LSTM(2), merge_mode="max")
    with pytest.raises(ValueError, match="should have different `go_backwards` value"):
        Bidirectional(LSTM(2), backward_layer=LSTM(2))
    with pytest.raises(ValueError, match='same value for attribute "return_sequences"'):
        Bidirectional(LSTM(2), backward_layer=LSTM(2, go_backwards=True, return_sequences=True))
    with pytest.raises(ValueError, match=r"`backward_layer` need to be a `keras.layers.Layer` instance"):
        Bidirectional(LSTM(2), backward_layer=3)  # type: ignore[arg-type]


# --- TimeDistributed ----------------------------------------------------------------------


def test_time_distributed_dense_at_every_step() -> None:
    layer = TimeDistributed(Dense(5))
    layer.build(X.shape)
    kernel, bias = random_weights([(FEATURES, 5), (5,)], seed=6)
    layer.set_weights([kernel, bias])
    np.testing.assert_allclose(ops.convert_to_numpy(layer(X)), X @ kernel + bias, rtol=RTOL, atol=ATOL)
    assert [w.path for w in layer.weights] == [
        f"{layer.name}/{layer.layer.name}/kernel",
        f"{layer.name}/{layer.layer.name}/bias",
    ]
    assert layer(Input(shape=(TIME, FEATURES))).shape == (None, TIME, 5)
    assert layer.compute_output_shape((None, 7, FEATURES)) == (None, 7, 5)


def test_time_distributed_nested_and_masked() -> None:
    inner = LSTM(UNITS)
    layer = TimeDistributed(inner)
    x = np.random.default_rng(3).normal(size=(BATCH, 3, TIME, FEATURES)).astype("float32")
    mask = np.array([[1, 1, 0], [1, 0, 0]], dtype=bool)
    got = ops.convert_to_numpy(layer(x, mask=mask))
    weights = [w.numpy().astype("float64") for w in inner.weights]
    for t in range(3):
        expected, _ = run(lstm_step(*weights), x[:, t].astype("float64"), [np.zeros((BATCH, UNITS))] * 2)
        np.testing.assert_allclose(got[:, t], expected[:, -1], rtol=RTOL, atol=ATOL)
    assert layer.compute_mask(x, mask) is mask


def test_time_distributed_errors() -> None:
    with pytest.raises(
        ValueError, match=r"Please initialize `TimeDistributed` layer with a `keras.layers.Layer`"
    ):
        TimeDistributed(Dense)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="should be passed an `input_shape` with at least 3 dimensions"):
        TimeDistributed(Dense(2))(np.zeros((2, 3), dtype="float32"))
    with pytest.raises(ValueError, match="The `mask` passed to the `TimeDistributed` layer has a shape"):
        TimeDistributed(Dense(2))(X, mask=np.ones((BATCH, TIME + 1), dtype=bool))
