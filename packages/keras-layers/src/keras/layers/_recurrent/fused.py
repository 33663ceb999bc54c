"""When an LSTM or GRU layer may skip the generic loop for a fused backend kernel.

Like Keras's cuDNN path: the fused kernel computes exactly the layer's recurrence, so it
is used only when the configuration is the kernel's (tanh and sigmoid, no recurrent
dropout while training, no `unroll`, `reset_after=True` for GRU, no mask or a
right-padded mask read forwards). Today the one fused kernel is torch's
(`torch.lstm`/`torch.gru`, on CPU and GPU), imported lazily from `_torch_fused`.
"""

from __future__ import annotations

from typing import Any

from keras import activations, ops
from keras.backend import backend
from keras.ops._typing import Tensor

__all__: list[str] = []

_TANH = (activations.tanh, ops.tanh)
_SIGMOID = (activations.sigmoid, ops.sigmoid)


def _configuration_allows(layer: Any, kind: str, training: Any) -> bool:
    cell = layer.cell
    return (
        backend() == "torch"
        and cell.activation in _TANH
        and cell.recurrent_activation in _SIGMOID
        and not layer.unroll
        and not (training and cell.recurrent_dropout > 0)
        and (kind == "lstm" or cell.reset_after)
    )


def try_fused(
    layer: Any, kind: str, sequences: Tensor, initial_state: list[Any], mask: Any, training: Any
) -> tuple[Tensor, Tensor, list[Any]] | None:
    """Return `(last_output, outputs, states)` from the fused kernel, or None to use the generic loop.

    Raises:
        ValueError: If `layer.use_cudnn is True` and the fused kernel cannot run.
    """
    result = None
    if layer.use_cudnn is not False and _configuration_allows(layer, kind, training):
        from keras.layers._recurrent import _torch_fused

        cell = layer.cell
        inputs = sequences
        if training and cell.dropout > 0:
            # One input mask per sequence, the same at every step: apply it up front.
            step_mask = cell.get_dropout_mask(sequences[:, 0])
            inputs = ops.multiply(sequences, ops.expand_dims(step_mask, 1))
        dtype = inputs.dtype
        bias = None if cell.bias is None else ops.cast(cell.bias, dtype)
        run = _torch_fused.lstm if kind == "lstm" else _torch_fused.gru
        result = run(
            inputs,
            [ops.convert_to_tensor(s) for s in initial_state],
            ops.cast(cell.kernel, dtype),
            ops.cast(cell.recurrent_kernel, dtype),
            bias,
            mask=None if mask is None else ops.convert_to_tensor(mask),
            go_backwards=layer.go_backwards,
            zero_output_for_mask=layer.zero_output_for_mask,
            training=bool(training),
        )
    if result is None and layer.use_cudnn is True:
        raise ValueError(
            "use_cudnn=True was specified, but cuDNN is not supported for this layer configuration with this "
            "backend. Pass use_cudnn='auto' to fallback to a non-cuDNN implementation."
        )
    return result
