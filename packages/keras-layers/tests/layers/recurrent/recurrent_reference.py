"""Step-by-step numpy references of the recurrent cells and of the time loop (float64).

Weights are in Keras's layout: `kernel` `(input_dim, gates * units)`, `recurrent_kernel`
`(units, gates * units)`, gate blocks i, f, c, o (LSTM) and z, r, h (GRU).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

Array = np.ndarray
Step = Callable[[Array, list[Array]], tuple[Array, list[Array]]]


def sigmoid(x: Array) -> Array:
    return 1.0 / (1.0 + np.exp(-x))


def simple_rnn_step(kernel: Array, recurrent: Array, bias: Array | None) -> Step:
    def step(x: Array, states: list[Array]) -> tuple[Array, list[Array]]:
        h = np.tanh(x @ kernel + states[0] @ recurrent + (0 if bias is None else bias))
        return h, [h]

    return step


def lstm_step(kernel: Array, recurrent: Array, bias: Array | None) -> Step:
    def step(x: Array, states: list[Array]) -> tuple[Array, list[Array]]:
        h, c = states
        z = x @ kernel + h @ recurrent + (0 if bias is None else bias)
        i, f, g, o = np.split(z, 4, axis=-1)
        c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
        h = sigmoid(o) * np.tanh(c)
        return h, [h, c]

    return step


def gru_step(kernel: Array, recurrent: Array, bias: Array | None, reset_after: bool) -> Step:
    units = recurrent.shape[0]
    if bias is None:
        input_bias, recurrent_bias = np.zeros(3 * units), np.zeros(3 * units)
    elif reset_after:
        input_bias, recurrent_bias = bias[0], bias[1]
    else:
        input_bias, recurrent_bias = bias, np.zeros(3 * units)

    def step(x: Array, states: list[Array]) -> tuple[Array, list[Array]]:
        h = states[0]
        x_z, x_r, x_h = np.split(x @ kernel + input_bias, 3, axis=-1)
        u_z, u_r, u_h = np.split(recurrent, 3, axis=-1)
        b_z, b_r, b_h = np.split(recurrent_bias, 3)
        z = sigmoid(x_z + h @ u_z + b_z)
        r = sigmoid(x_r + h @ u_r + b_r)
        candidate = np.tanh(x_h + (r * (h @ u_h + b_h) if reset_after else (r * h) @ u_h))
        h = z * h + (1 - z) * candidate
        return h, [h]

    return step


def run(
    step: Step,
    x: Array,
    states: Sequence[Array],
    mask: Array | None = None,
    go_backwards: bool = False,
    zero_output_for_mask: bool = False,
) -> tuple[Array, list[Array]]:
    """Outputs `(batch, time, ...)` in processing order, and the final states.

    A masked step keeps the states; its output is zero or the previous output (the first state).
    """
    states = list(states)
    order = range(x.shape[1] - 1, -1, -1) if go_backwards else range(x.shape[1])
    outputs = []
    for t in order:
        output, new_states = step(x[:, t], states)
        if mask is not None:
            keep = mask[:, t].reshape((-1,) + (1,) * (output.ndim - 1))
            output = np.where(keep, output, 0.0 if zero_output_for_mask else states[0])
            new_states = [np.where(keep, new, old) for new, old in zip(new_states, states, strict=True)]
        states = new_states
        outputs.append(output)
    return np.stack(outputs, axis=1), states


def conv1d(x: Array, kernel: Array, stride: int, padding: str, dilation: int) -> Array:
    """`(batch, length, channels)` convolved with `(size, channels, filters)`, Keras's padding."""
    length, size = x.shape[1], kernel.shape[0]
    extent = (size - 1) * dilation + 1
    if padding == "valid":
        out, before = (length - extent) // stride + 1, 0
    else:
        out = -(-length // stride)
        before = max((out - 1) * stride + extent - length, 0) // 2
    y = np.zeros((x.shape[0], out, kernel.shape[-1]))
    for o in range(out):
        for k in range(size):
            i = o * stride + k * dilation - before
            if 0 <= i < length:
                y[:, o] += x[:, i] @ kernel[k]
    return y


def conv_lstm1d_step(
    kernel: Array, recurrent: Array, bias: Array, stride: int, padding: str, dilation: int
) -> Step:
    def step(x: Array, states: list[Array]) -> tuple[Array, list[Array]]:
        h, c = states
        z = conv1d(x, kernel, stride, padding, dilation) + bias + conv1d(h, recurrent, 1, "same", 1)
        i, f, g, o = np.split(z, 4, axis=-1)
        c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
        h = sigmoid(o) * np.tanh(c)
        return h, [h, c]

    return step


def random_weights(shapes: Sequence[tuple[int, ...]], seed: int = 0, scale: float = 0.5) -> list[Array]:
    rng = np.random.default_rng(seed)
    return [rng.normal(scale=scale, size=shape) for shape in shapes]


def as_list(outputs: Any) -> list[Any]:
    return list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]
