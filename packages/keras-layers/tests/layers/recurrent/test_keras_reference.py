"""Weights saved by real Keras 3.15 load into our recurrent layers and give Keras's outputs.

The data (`data/keras_3_15_recurrent.npz`) was written by `data/make_keras_reference.py`
with the reference Keras; see `data/README.md`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from keras import ops, tree
from keras.layers._recurrent.bidirectional import Bidirectional
from keras.layers._recurrent.conv_lstm import ConvLSTM2D
from keras.layers._recurrent.gru import GRU, GRUCell
from keras.layers._recurrent.lstm import LSTM, LSTMCell
from keras.layers._recurrent.rnn import RNN
from keras.layers._recurrent.simple_rnn import SimpleRNN

DATA = np.load(Path(__file__).with_name("data") / "keras_3_15_recurrent.npz")

LAYERS: dict[str, Callable[[], Any]] = {
    "simple_rnn": lambda: SimpleRNN(4, return_sequences=True, name="simple_rnn"),
    "lstm": lambda: LSTM(4, return_sequences=True, return_state=True, name="lstm"),
    "gru": lambda: GRU(4, return_sequences=True, return_state=True, name="gru"),
    "gru_reset_before": lambda: GRU(4, reset_after=False, go_backwards=True, name="gru"),
    "lstm_masked": lambda: LSTM(4, return_sequences=True, return_state=True, name="lstm"),
    "bidirectional": lambda: Bidirectional(LSTM(4, return_sequences=True, name="lstm"), name="bidirectional"),
    "stacked": lambda: RNN(
        [LSTMCell(3, name="lstm_cell"), GRUCell(2, name="gru_cell")], return_sequences=True, name="rnn"
    ),
    "conv_lstm2d": lambda: ConvLSTM2D(3, 3, padding="same", return_sequences=True, name="conv_lstm2d"),
}


def _unnumbered(path: str) -> str:
    """`rnn/stacked_rnn_cells_3/lstm_cell` -> `rnn/stacked_rnn_cells/lstm_cell` (auto-name counters)."""
    return re.sub(r"_\d+(?=/|$)", "", path)


@pytest.mark.parametrize("case", sorted(LAYERS))
def test_keras_weights_give_keras_outputs(case: str) -> None:
    x = DATA[f"{case}/x"]
    mask = DATA[f"{case}/mask"] if f"{case}/mask" in DATA.files else None
    layer = LAYERS[case]()
    layer.build(x.shape)
    assert [_unnumbered(w.path) for w in layer.weights] == [str(p) for p in DATA[f"{case}/paths"]]
    layer.set_weights([DATA[f"{case}/w{i}"] for i in range(len(layer.weights))])
    outputs = tree.flatten(layer(x) if mask is None else layer(x, mask=mask))
    expected = [DATA[f"{case}/y{i}"] for i in range(sum(k.startswith(f"{case}/y") for k in DATA.files))]
    assert len(outputs) == len(expected)
    for got, want in zip(outputs, expected, strict=True):
        np.testing.assert_allclose(ops.convert_to_numpy(got), want, rtol=1e-5, atol=1e-5)
