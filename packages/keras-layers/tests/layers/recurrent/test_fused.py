"""The torch fused LSTM/GRU path equals the generic loop; the loop compiles under jax.jit / tf.function."""

from __future__ import annotations

import sys
from typing import Any
from unittest import mock

import numpy as np
import pytest
from recurrent_reference import random_weights

from keras import ops, tree
from keras.backend import backend
from keras.layers._recurrent.gru import GRU
from keras.layers._recurrent.lstm import LSTM

RTOL = ATOL = 1e-5
X = np.random.default_rng(31).normal(size=(3, 6, 4)).astype("float32")
RIGHT_PADDED = np.array([[1] * 6, [1, 1, 1, 1, 0, 0], [1, 0, 0, 0, 0, 0]], dtype=bool)
HOLES = np.array([[1] * 6, [1, 0, 1, 1, 0, 1], [0, 1, 1, 1, 1, 1]], dtype=bool)
on_torch = pytest.mark.skipif(backend() != "torch", reason="the fused kernels are torch's")

CASES = {
    "lstm": (LSTM, {}),
    "lstm_backwards": (LSTM, {"go_backwards": True}),
    "lstm_no_bias": (LSTM, {"use_bias": False}),
    "lstm_zero_output": (LSTM, {"zero_output_for_mask": True}),
    "gru": (GRU, {}),
    "gru_backwards": (GRU, {"go_backwards": True}),
    "gru_zero_output": (GRU, {"zero_output_for_mask": True}),
}


def pair(cls: Any, options: dict[str, Any]) -> tuple[Any, Any]:
    fused = cls(5, return_sequences=True, return_state=True, **options)
    generic = cls(5, return_sequences=True, return_state=True, use_cudnn=False, **options)
    for layer in (fused, generic):
        layer.build(X.shape)
    weights = random_weights([tuple(w.shape) for w in fused.weights], seed=3)
    fused.set_weights(weights)
    generic.set_weights(weights)
    return fused, generic


def assert_same(a: Any, b: Any) -> None:
    for x, y in zip(tree.flatten(a), tree.flatten(b), strict=True):
        np.testing.assert_allclose(ops.convert_to_numpy(x), ops.convert_to_numpy(y), rtol=RTOL, atol=ATOL)


@on_torch
@pytest.mark.parametrize("mask", [None, RIGHT_PADDED, HOLES], ids=["no_mask", "right_padded", "holes"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_fused_equals_generic(case: str, mask: Any) -> None:
    from keras.layers._recurrent import _torch_fused

    cls, options = CASES[case]
    fused, generic = pair(cls, options)
    kind = "lstm" if cls is LSTM else "gru"
    kernel = getattr(_torch_fused, kind)
    returned: list[Any] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        returned.append(kernel(*args, **kwargs))
        return returned[-1]

    with mock.patch.object(_torch_fused, kind, spy):
        assert_same(fused(X, mask=mask), generic(X, mask=mask))
    assert len(returned) == 1
    # The kernel ran unless the mask had holes or was read backwards (then the generic loop ran).
    used = returned[0] is not None
    assert used == (mask is None or (mask is RIGHT_PADDED and not options.get("go_backwards")))


@on_torch
def test_fused_gradients_equal_generic() -> None:
    import torch

    fused, generic = pair(LSTM, {})
    grads = []
    for layer in (fused, generic):
        layer(X, mask=RIGHT_PADDED)[0].sum().backward()
        grads.append([v.value.grad.numpy().copy() for v in layer.trainable_variables])
    for a, b in zip(*grads, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-5)
    assert isinstance(fused.trainable_variables[0].value, torch.Tensor)


@on_torch
def test_fused_stateful_and_input_dropout() -> None:
    fused, generic = pair(GRU, {"stateful": True})
    for _ in range(2):
        assert_same(fused(X), generic(X))
    layer = LSTM(5, dropout=0.5, seed=1, return_sequences=True)
    out = ops.convert_to_numpy(layer(X, training=True))
    assert np.all(np.isfinite(out)) and out.shape == (3, 6, 5)


@on_torch
def test_configurations_the_kernel_cannot_run_use_the_loop() -> None:
    from keras.layers._recurrent import _torch_fused

    for layer in (
        LSTM(2, activation="relu"),
        LSTM(2, unroll=True),
        GRU(2, reset_after=False),
        LSTM(2, use_cudnn=False),
    ):
        with mock.patch.object(_torch_fused, "lstm") as lstm, mock.patch.object(_torch_fused, "gru") as gru:
            layer(X)
        assert lstm.call_count == gru.call_count == 0
    with mock.patch.object(_torch_fused, "lstm") as lstm:
        LSTM(2, recurrent_dropout=0.5)(X, training=True)
    assert lstm.call_count == 0


@pytest.mark.skipif(backend() == "torch", reason="torch has the fused kernels")
def test_other_backends_never_import_torch_code() -> None:
    LSTM(2)(X)
    GRU(2)(X)
    assert "keras.layers._recurrent._torch_fused" not in sys.modules


@pytest.mark.skipif(backend() not in ("jax", "tensorflow"), reason="compiles with jax.jit or tf.function")
def test_the_loop_compiles() -> None:
    layer = LSTM(5, return_sequences=True)
    layer.build(X.shape)
    eager = ops.convert_to_numpy(layer(X, mask=HOLES))
    if backend() == "jax":
        import jax

        trainable = [v.value for v in layer.trainable_variables]
        non_trainable = [v.value for v in layer.non_trainable_variables]
        step = jax.jit(lambda w, n, x, m: layer.stateless_call(w, n, x, mask=m)[0])
        compiled = step(trainable, non_trainable, X, HOLES)
    else:
        import tensorflow as tf

        compiled = tf.function(lambda x, m: layer(x, mask=m))(X, HOLES)
    np.testing.assert_allclose(ops.convert_to_numpy(compiled), eager, rtol=RTOL, atol=ATOL)
