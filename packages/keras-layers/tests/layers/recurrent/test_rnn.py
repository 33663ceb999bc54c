"""RNN, SimpleRNN, LSTM and GRU against step-by-step numpy: options, masks, states, gradients."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest
from recurrent_reference import (
    as_list,
    gru_step,
    lstm_step,
    random_weights,
    run,
    simple_rnn_step,
)

from keras import ops
from keras.backend import backend
from keras.layers import Input
from keras.layers._recurrent.gru import GRU, GRUCell
from keras.layers._recurrent.lstm import LSTM, LSTMCell
from keras.layers._recurrent.rnn import RNN
from keras.layers._recurrent.simple_rnn import SimpleRNN, SimpleRNNCell
from keras.layers._recurrent.stacked_rnn_cells import StackedRNNCells

RTOL = ATOL = 1e-5
needs_gradients = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")

BATCH, TIME, FEATURES, UNITS = 3, 5, 4, 3
X = np.random.default_rng(1).normal(size=(BATCH, TIME, FEATURES)).astype("float32")
HOLES = np.array([[1, 1, 1, 1, 1], [1, 0, 1, 0, 1], [0, 0, 1, 1, 0]], dtype=bool)
RIGHT_PADDED = np.array([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0], [1, 0, 0, 0, 0]], dtype=bool)


@dataclass(frozen=True)
class Kind:
    """A layer class and its numpy step, from Keras-layout weights."""

    name: str
    make: Callable[..., Any]
    step: Callable[[list[np.ndarray]], Any]
    states: int
    kwargs: dict[str, Any] = field(default_factory=dict)


KINDS = [
    Kind("simple_rnn", SimpleRNN, lambda w: simple_rnn_step(*w), 1),
    Kind("lstm", LSTM, lambda w: lstm_step(*w), 2),
    Kind("gru", GRU, lambda w: gru_step(*w, reset_after=True), 1),
    Kind("gru_reset_before", GRU, lambda w: gru_step(*w, reset_after=False), 1, {"reset_after": False}),
    Kind("lstm_no_bias", LSTM, lambda w: lstm_step(*w, None), 2, {"use_bias": False}),
]
OPTIONS = {
    "plain": {},
    "go_backwards": {"go_backwards": True},
    "unroll": {"unroll": True},
    "unroll_backwards": {"unroll": True, "go_backwards": True},
    "generic_loop": {"use_cudnn": False},
}


def build(kind: Kind, seed: int = 0, **kwargs: Any) -> tuple[Any, list[np.ndarray]]:
    options = {**kind.kwargs, **kwargs}
    if kind.make is SimpleRNN:
        options.pop("use_cudnn", None)
    layer = kind.make(UNITS, return_sequences=True, return_state=True, **options)
    layer.build((BATCH, TIME, FEATURES))
    weights = random_weights([tuple(w.shape) for w in layer.weights], seed)
    layer.set_weights(weights)
    return layer, weights


def expected(kind: Kind, weights: list[np.ndarray], x: np.ndarray, **kwargs: Any) -> tuple[Any, list[Any]]:
    initial = kwargs.pop("initial", [np.zeros((x.shape[0], UNITS))] * kind.states)
    return run(kind.step(weights), x.astype("float64"), initial, **kwargs)


def check(layer_outputs: Any, outputs: np.ndarray, states: list[np.ndarray]) -> None:
    got = [ops.convert_to_numpy(t) for t in as_list(layer_outputs)]
    np.testing.assert_allclose(got[0], outputs, rtol=RTOL, atol=ATOL)
    assert len(got) == 1 + len(states)
    for g, s in zip(got[1:], states, strict=True):
        np.testing.assert_allclose(g, s, rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("option", sorted(OPTIONS))
@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_matches_numpy_step_by_step(kind: Kind, option: str) -> None:
    layer, weights = build(kind, **OPTIONS[option])
    outputs, states = expected(kind, weights, X, go_backwards=OPTIONS[option].get("go_backwards", False))
    check(layer(X), outputs, states)


@pytest.mark.parametrize("zero_output_for_mask", [False, True])
@pytest.mark.parametrize("mask", [HOLES, RIGHT_PADDED], ids=["holes", "right_padded"])
@pytest.mark.parametrize("go_backwards", [False, True])
@pytest.mark.parametrize("kind", KINDS[:4], ids=lambda k: k.name)
def test_masked_steps_carry_the_state(
    kind: Kind, mask: np.ndarray, go_backwards: bool, zero_output_for_mask: bool
) -> None:
    layer, weights = build(kind, go_backwards=go_backwards, zero_output_for_mask=zero_output_for_mask)
    outputs, states = expected(
        kind, weights, X, mask=mask, go_backwards=go_backwards, zero_output_for_mask=zero_output_for_mask
    )
    check(layer(X, mask=mask), outputs, states)


def test_masked_outputs_by_hand() -> None:
    # Row 1 skips steps 1 and 3: its state is carried, its output repeats (or is zero).
    layer, weights = build(KINDS[0])
    outputs = ops.convert_to_numpy(layer(X, mask=HOLES)[0])
    np.testing.assert_allclose(outputs[1, 1], outputs[1, 0], rtol=0, atol=0)
    np.testing.assert_allclose(outputs[1, 3], outputs[1, 2], rtol=0, atol=0)
    zeroed, _ = build(KINDS[0], zero_output_for_mask=True)
    zeroed.set_weights(weights)
    np.testing.assert_array_equal(ops.convert_to_numpy(zeroed(X, mask=HOLES)[0])[2, :2], 0.0)


@pytest.mark.parametrize("kind", KINDS[:4], ids=lambda k: k.name)
def test_initial_state(kind: Kind) -> None:
    layer, weights = build(kind)
    rng = np.random.default_rng(5)
    initial = [rng.normal(size=(BATCH, UNITS)).astype("float32") for _ in range(kind.states)]
    outputs, states = expected(kind, weights, X, initial=[s.astype("float64") for s in initial])
    check(layer(X, initial_state=initial), outputs, states)


def test_return_flags_and_symbolic_shapes() -> None:
    for return_sequences in (False, True):
        for return_state in (False, True):
            layer = LSTM(UNITS, return_sequences=return_sequences, return_state=return_state)
            eager = as_list(layer(X))
            symbolic = as_list(layer(Input(shape=(TIME, FEATURES))))
            assert [tuple(t.shape)[1:] for t in eager] == [t.shape[1:] for t in symbolic]
            assert [t.shape[0] for t in symbolic] == [None] * len(symbolic)
            shapes = layer.compute_output_shape((BATCH, TIME, FEATURES))
            assert [tuple(t.shape) for t in eager] == (
                [shapes] if not return_state else [tuple(s) for s in shapes]
            )
    last = ops.convert_to_numpy(LSTM(UNITS, kernel_initializer="ones")(X))
    assert last.shape == (BATCH, UNITS)


class Accumulator:
    """A cell that is not a layer: the state is the running sum of the inputs."""

    state_size = FEATURES
    output_size = FEATURES

    def call(self, inputs: Any, states: list[Any]) -> tuple[Any, list[Any]]:
        total = ops.add(states[0], inputs)
        return total, [total]


def test_any_cell_object() -> None:
    layer = RNN(Accumulator(), return_sequences=True, return_state=True)
    outputs, state = layer(X)
    np.testing.assert_allclose(ops.convert_to_numpy(outputs), np.cumsum(X, axis=1), rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(ops.convert_to_numpy(state), X.sum(axis=1), rtol=RTOL, atol=ATOL)
    backwards = RNN(Accumulator(), return_sequences=True, go_backwards=True)(X, mask=HOLES)
    masked_x = X * HOLES[..., None]
    np.testing.assert_allclose(
        ops.convert_to_numpy(backwards), np.cumsum(masked_x[:, ::-1], axis=1), rtol=RTOL, atol=ATOL
    )


def test_rnn_with_a_cell_layer_equals_the_layer() -> None:
    cell_layer = RNN(LSTMCell(UNITS), return_sequences=True)
    cell_layer.build((BATCH, TIME, FEATURES))
    weights = random_weights([tuple(w.shape) for w in cell_layer.weights], seed=3)
    cell_layer.set_weights(weights)
    outputs, _ = run(lstm_step(*weights), X.astype("float64"), [np.zeros((BATCH, UNITS))] * 2)
    np.testing.assert_allclose(ops.convert_to_numpy(cell_layer(X)), outputs, rtol=RTOL, atol=ATOL)


def test_stacked_cells_feed_each_other() -> None:
    cells = [SimpleRNNCell(4), LSTMCell(UNITS), GRUCell(2)]
    layer = RNN(StackedRNNCells(cells), return_sequences=True, return_state=True)
    layer.build((BATCH, TIME, FEATURES))
    weights = random_weights([tuple(w.shape) for w in layer.weights], seed=4)
    layer.set_weights(weights)
    steps = [
        simple_rnn_step(*weights[:3]),
        lstm_step(*weights[3:6]),
        gru_step(*weights[6:], reset_after=True),
    ]

    def stacked(x: np.ndarray, states: list[Any]) -> tuple[np.ndarray, list[Any]]:
        new_states = []
        for step, cell_states in zip(steps, states, strict=True):
            x, next_states = step(x, cell_states)
            new_states.append(next_states)
        return x, new_states

    state = [np.zeros((BATCH, 4))], [np.zeros((BATCH, UNITS))] * 2, [np.zeros((BATCH, 2))]
    outputs, states = stacked_run(stacked, X.astype("float64"), list(state))
    got = as_list(layer(X))
    np.testing.assert_allclose(ops.convert_to_numpy(got[0]), outputs, rtol=RTOL, atol=ATOL)
    flat_expected = [s for cell_states in states for s in cell_states]
    assert len(got) == 1 + 3
    flat_got = [ops.convert_to_numpy(s) for cell_states in got[1:] for s in as_list(cell_states)]
    for g, e in zip(flat_got, flat_expected, strict=True):
        np.testing.assert_allclose(g, e, rtol=RTOL, atol=ATOL)
    assert layer.cell.state_size == [4, [UNITS, UNITS], 2]
    assert RNN([SimpleRNNCell(2), SimpleRNNCell(5)]).cell.output_size == 5


def stacked_run(step: Any, x: np.ndarray, states: list[Any]) -> tuple[np.ndarray, list[Any]]:
    outputs = []
    for t in range(x.shape[1]):
        output, states = step(x[:, t], states)
        outputs.append(output)
    return np.stack(outputs, axis=1), states


# --- stateful -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS[:4], ids=lambda k: k.name)
def test_stateful_continues_across_batches_until_reset(kind: Kind) -> None:
    layer, weights = build(kind, stateful=True)
    first, second = X[:, :2], X[:, 2:]
    whole, _ = expected(kind, weights, X)
    np.testing.assert_allclose(
        ops.convert_to_numpy(as_list(layer(first))[0]), whole[:, :2], rtol=RTOL, atol=ATOL
    )
    np.testing.assert_allclose(
        ops.convert_to_numpy(as_list(layer(second))[0]), whole[:, 2:], rtol=RTOL, atol=ATOL
    )
    assert layer.states is not None and len(layer.states) == kind.states
    assert all(w.trainable for w in layer.weights) and len(layer.weights) == 3  # states are not weights
    layer.reset_states()
    np.testing.assert_array_equal(ops.convert_to_numpy(layer.states[0]), 0.0)
    fresh, _ = expected(kind, weights, second)
    np.testing.assert_allclose(ops.convert_to_numpy(as_list(layer(second))[0]), fresh, rtol=RTOL, atol=ATOL)


def test_stateful_needs_a_static_batch_of_the_same_size() -> None:
    layer = LSTM(UNITS, stateful=True)
    with pytest.raises(ValueError, match="the batch size must be static"):
        layer.build((None, TIME, FEATURES))
    layer = LSTM(UNITS, stateful=True)
    layer(X)
    with pytest.raises(ValueError, match="Expected batch size: 3\n- Received batch size: 2"):
        layer(X[:2])


# --- dropout ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS[:4], ids=lambda k: k.name)
def test_dropout_is_active_only_in_training(kind: Kind) -> None:
    layer, weights = build(kind, dropout=0.5, recurrent_dropout=0.5, seed=7)
    outputs, _ = expected(kind, weights, X)
    np.testing.assert_allclose(ops.convert_to_numpy(as_list(layer(X))[0]), outputs, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(
        ops.convert_to_numpy(as_list(layer(X, training=False))[0]), outputs, rtol=RTOL, atol=ATOL
    )
    trained = ops.convert_to_numpy(as_list(layer(X, training=True))[0])
    assert np.all(np.isfinite(trained)) and not np.allclose(trained, outputs, atol=1e-3)
    assert layer.cell._dropout_mask is None and layer.cell._recurrent_dropout_mask is None


def test_input_dropout_mask_is_the_same_at_every_step() -> None:
    # kernel = identity and recurrent = 0: each step's output is tanh(dropped input); a
    # feature dropped at one step is dropped at every step (one mask per sequence).
    layer = SimpleRNN(FEATURES, dropout=0.5, seed=3, return_sequences=True, use_bias=False)
    layer.build((BATCH, TIME, FEATURES))
    layer.set_weights([np.eye(FEATURES), np.zeros((FEATURES, FEATURES))])
    x = np.ones((BATCH, TIME, FEATURES), dtype="float32")
    outputs = ops.convert_to_numpy(layer(x, training=True))
    dropped = outputs == 0
    assert dropped.any() and not dropped.all()
    assert np.all(dropped == dropped[:, :1])
    np.testing.assert_allclose(outputs[~dropped], np.tanh(2.0), rtol=RTOL)


# --- gradients ----------------------------------------------------------------------------


def _gradients(layer: Any, x: np.ndarray, probe: np.ndarray) -> list[np.ndarray]:
    """d sum(layer(x) * probe) / d each trainable weight, by the backend's autodiff."""
    name = backend()
    if name == "jax":
        import jax

        non_trainable = [v.value for v in layer.non_trainable_variables]

        def loss(values: list[Any]) -> Any:
            return (layer.stateless_call(values, non_trainable, x)[0] * probe).sum()

        return [np.asarray(g) for g in jax.grad(loss)([v.value for v in layer.trainable_variables])]
    if name == "torch":
        import torch

        (layer(x) * torch.as_tensor(probe)).sum().backward()
        return [v.value.grad.numpy() for v in layer.trainable_variables]
    import tensorflow as tf

    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(layer(x) * probe)
    return [g.numpy() for g in tape.gradient(loss, [v.value for v in layer.trainable_variables])]


def _finite_differences(
    reference: Callable[[list[np.ndarray]], np.ndarray], weights: list[np.ndarray]
) -> list[np.ndarray]:
    eps = 1e-6
    grads = []
    for position, w in enumerate(weights):
        grad = np.zeros_like(w)
        for index in np.ndindex(w.shape):
            shifted = [v.copy() for v in weights]
            shifted[position][index] += eps
            plus = reference(shifted)
            shifted[position][index] -= 2 * eps
            grad[index] = (plus - reference(shifted)) / (2 * eps)
        grads.append(grad)
    return grads


@needs_gradients
@pytest.mark.parametrize(
    ("kind", "options"),
    [(KINDS[0], {}), (KINDS[1], {}), (KINDS[1], {"use_cudnn": False}), (KINDS[2], {}), (KINDS[3], {})],
    ids=["simple_rnn", "lstm", "lstm_generic", "gru", "gru_reset_before"],
)
def test_gradients_through_time_match_finite_differences(kind: Kind, options: dict[str, Any]) -> None:
    x = np.random.default_rng(2).normal(size=(2, 3, 2))
    probe = np.random.default_rng(3).normal(size=(2, 3, 2))
    # float32: keras-ops narrows float64 Variables to float32 inside ops (reported to the lead).
    layer = kind.make(2, return_sequences=True, **kind.kwargs, **options)
    layer.build(x.shape)
    weights = random_weights([tuple(w.shape) for w in layer.weights], seed=9)
    layer.set_weights(weights)

    def reference(values: list[np.ndarray]) -> float:
        outputs, _ = run(kind.step(values), x, [np.zeros((2, 2))] * kind.states)
        return float((outputs * probe).sum())

    grads = _gradients(layer, x.astype("float32"), probe.astype("float32"))
    for got, want in zip(grads, _finite_differences(reference, weights), strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5)


# --- errors -------------------------------------------------------------------------------


class NoStateSize:
    def call(self, inputs: Any, states: Any) -> Any:
        return inputs, states


class NoCall:
    state_size = 2


def test_cell_errors() -> None:
    with pytest.raises(
        ValueError, match=r"The RNN cell should have a `state_size` attribute .* Received: cell="
    ):
        RNN(NoStateSize())
    with pytest.raises(ValueError, match=r"Argument `cell` should have a `call` method. Received: cell="):
        RNN(NoCall())
    with pytest.raises(ValueError, match="All cells must have a `state_size` attribute"):
        StackedRNNCells([LSTMCell(2), NoStateSize()])
    with pytest.raises(ValueError, match="All cells must have a `call` method"):
        RNN([NoCall()])
    with pytest.raises(ValueError, match="expected a positive integer, got 0"):
        LSTMCell(0)
    with pytest.raises(ValueError, match=r"Received an invalid value for argument `units`.*got -1"):
        GRU(-1)
    with pytest.raises(ValueError, match=r"Expected one of {'auto', True, False}. Received: use_cudnn=yes"):
        LSTM(2, use_cudnn="yes")


def test_wrong_input_rank() -> None:
    flat = np.zeros((BATCH, FEATURES), dtype="float32")
    for layer in (LSTM(2), GRU(2), SimpleRNN(2)):
        with pytest.raises(ValueError, match=f'layer "{layer.name}".*expected ndim=3, found ndim=2'):
            layer(flat)
    cell_rnn = RNN(LSTMCell(2), name="my_rnn")
    with pytest.raises(
        ValueError, match=r"RNN layer 'my_rnn' expects inputs of shape \(batch, timesteps, features"
    ):
        cell_rnn(flat)
    with pytest.raises(
        ValueError, match=r"LSTMCell '.*' expects step inputs of rank 2 .* input_shape=\(3, 5, 4\)"
    ):
        RNN(LSTMCell(2))(np.zeros((BATCH, TIME, 5, FEATURES), dtype="float32"))
    with pytest.raises(ValueError, match=r"expects 2 initial state tensor\(s\).*Received: 1"):
        LSTM(2)(X, initial_state=[np.zeros((BATCH, 2), dtype="float32")])


def test_unroll_needs_a_static_time_axis() -> None:
    with pytest.raises(ValueError, match="Cannot unroll a RNN if the time dimension is undefined"):
        LSTM(2, unroll=True).call(Input(shape=(None, FEATURES)))


def test_use_cudnn_true_without_a_fused_kernel() -> None:
    layer = GRU(2, reset_after=False, use_cudnn=True)
    with pytest.raises(ValueError, match="use_cudnn=True was specified"):
        layer(X)
    if backend() != "torch":
        with pytest.raises(ValueError, match="use_cudnn=True was specified"):
            LSTM(2, use_cudnn=True)(X)


def test_mask_propagation() -> None:
    layer = LSTM(2, return_sequences=True)
    assert layer.compute_mask(X, HOLES) is HOLES
    assert LSTM(2).compute_mask(X, HOLES) is None
    assert LSTM(2, return_state=True, return_sequences=True).compute_mask(X, HOLES) == [HOLES, None, None]
