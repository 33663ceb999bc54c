"""Write `keras_3_15_recurrent.npz`: weights, inputs and outputs of recurrent layers from real Keras.

Run with the reference Keras 3.15 (never installed in the project's environments):

    KERAS_BACKEND=jax /tmp/allenv/bin/python make_keras_reference.py

For each case `NAME`, the archive holds `NAME/x` (inputs), `NAME/mask` (when masked),
`NAME/w0`, `NAME/w1`, ... (the layer's weights in Keras's order), `NAME/paths` (their
`Variable.path`s) and `NAME/y0`, `NAME/y1`, ... (the flattened outputs). The tests in
`test_keras_reference.py` build the same layers here, load the weights and compare.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

import keras

L = keras.layers
rng = np.random.default_rng(20240515)


def sequences(*shape: int) -> np.ndarray:
    return rng.normal(size=shape).astype("float32")


CASES = {
    "simple_rnn": (
        lambda: L.SimpleRNN(4, return_sequences=True, name="simple_rnn"),
        sequences(3, 5, 6),
        None,
    ),
    "lstm": (
        lambda: L.LSTM(4, return_sequences=True, return_state=True, name="lstm"),
        sequences(3, 5, 6),
        None,
    ),
    "gru": (lambda: L.GRU(4, return_sequences=True, return_state=True, name="gru"), sequences(3, 5, 6), None),
    "gru_reset_before": (
        lambda: L.GRU(4, reset_after=False, go_backwards=True, name="gru"),
        sequences(3, 5, 6),
        None,
    ),
    "lstm_masked": (
        lambda: L.LSTM(4, return_sequences=True, return_state=True, name="lstm"),
        sequences(3, 5, 6),
        np.array([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0], [0, 0, 1, 1, 1]], dtype=bool),
    ),
    "bidirectional": (
        lambda: L.Bidirectional(L.LSTM(4, return_sequences=True, name="lstm"), name="bidirectional"),
        sequences(3, 5, 6),
        None,
    ),
    "stacked": (
        lambda: L.RNN(
            [L.LSTMCell(3, name="lstm_cell"), L.GRUCell(2, name="gru_cell")],
            return_sequences=True,
            name="rnn",
        ),
        sequences(3, 5, 6),
        None,
    ),
    "conv_lstm2d": (
        lambda: L.ConvLSTM2D(3, 3, padding="same", return_sequences=True, name="conv_lstm2d"),
        sequences(2, 3, 5, 5, 2),
        None,
    ),
}


def main() -> None:
    arrays: dict[str, np.ndarray] = {}
    for name, (make, x, mask) in CASES.items():
        layer = make()
        layer.build(x.shape)
        weights = [rng.normal(scale=0.5, size=w.shape).astype("float32") for w in layer.weights]
        layer.set_weights(weights)
        outputs = layer(x) if mask is None else layer(x, mask=mask)
        flat = keras.tree.flatten(outputs)
        arrays[f"{name}/x"] = x
        if mask is not None:
            arrays[f"{name}/mask"] = mask
        arrays[f"{name}/paths"] = np.array([w.path for w in layer.weights])
        for i, w in enumerate(weights):
            arrays[f"{name}/w{i}"] = w
        for i, y in enumerate(flat):
            arrays[f"{name}/y{i}"] = keras.ops.convert_to_numpy(y)
    np.savez_compressed(Path(__file__).with_name("keras_3_15_recurrent.npz"), **arrays)


if __name__ == "__main__":
    main()
