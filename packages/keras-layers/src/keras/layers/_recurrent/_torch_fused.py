"""The torch backend's fused LSTM and GRU time loops (`torch.lstm`, `torch.gru`).

Imported only on the torch backend, by `fused.try_fused`. Keras's weight layout is
converted here: torch keeps `(4 * units, input_dim)` matrices, LSTM gates in the same
order (i, f, g, o), GRU gates as (r, z, n) where Keras has (z, r, h). A right-padded mask
runs as a packed sequence; the padded steps then output zeros, or (the default) the last
unmasked output, and keep the last unmasked state, as the generic loop does.
"""

from __future__ import annotations

from typing import Any

import torch
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

__all__: list[str] = []


def _lengths_if_right_padded(mask: torch.Tensor) -> torch.Tensor | None:
    """The sequence lengths if `mask` is `True...True False...False` on every row (and not empty)."""
    mask = mask.bool()
    lengths = mask.sum(dim=1)
    steps = torch.arange(mask.shape[1], device=mask.device)
    if bool((lengths == 0).any()) or not bool(torch.equal(steps[None, :] < lengths[:, None], mask)):
        return None
    return lengths


def _run(
    kernel_fn: Any,
    inputs: torch.Tensor,
    hidden: Any,
    params: list[torch.Tensor],
    mask: torch.Tensor | None,
    go_backwards: bool,
    training: bool,
) -> tuple[torch.Tensor, Any, torch.Tensor | None] | None:
    """Run `torch.lstm`/`torch.gru`; return `(outputs, hidden, mask_or_None)` or None if unsupported."""
    has_biases = len(params) == 4
    if mask is not None and bool(mask.all()):
        mask = None
    if mask is None:
        if go_backwards:
            inputs = torch.flip(inputs, dims=(1,))
        outputs, *new_hidden = kernel_fn(inputs, hidden, params, has_biases, 1, 0.0, training, False, True)
        return outputs, new_hidden, None
    if go_backwards:
        return None
    lengths = _lengths_if_right_padded(mask)
    if lengths is None:
        return None
    packed = pack_padded_sequence(inputs, lengths.cpu(), batch_first=True, enforce_sorted=False)
    order, undo = packed.sorted_indices, packed.unsorted_indices
    hidden = (
        tuple(h.index_select(1, order) for h in hidden)
        if isinstance(hidden, tuple)
        else hidden.index_select(1, order)
    )
    data, *new_hidden = kernel_fn(
        packed.data, packed.batch_sizes, hidden, params, has_biases, 1, 0.0, training, False
    )
    outputs, _ = pad_packed_sequence(
        PackedSequence(data, packed.batch_sizes, order, undo), batch_first=True, total_length=inputs.shape[1]
    )
    return outputs, [h.index_select(1, undo) for h in new_hidden], mask.bool()


def _finish(
    outputs: torch.Tensor, states: list[torch.Tensor], mask: torch.Tensor | None, zero_output_for_mask: bool
) -> tuple[torch.Tensor, torch.Tensor, list[torch.Tensor]]:
    if mask is not None and not zero_output_for_mask:
        outputs = torch.where(mask[:, :, None], outputs, states[0][:, None, :])
    return outputs[:, -1], outputs, states


def _zeros_bias(rows: int, like: torch.Tensor) -> torch.Tensor:
    return torch.zeros(rows, dtype=like.dtype, device=like.device)


def lstm(
    inputs: torch.Tensor,
    initial_state: list[torch.Tensor],
    kernel: torch.Tensor,
    recurrent_kernel: torch.Tensor,
    bias: torch.Tensor | None,
    mask: torch.Tensor | None,
    go_backwards: bool,
    zero_output_for_mask: bool,
    training: bool,
) -> tuple[torch.Tensor, torch.Tensor, list[torch.Tensor]] | None:
    """Keras's LSTM over `(batch, time, features)` inputs; None if the mask is not right-padded."""
    params = [kernel.t(), recurrent_kernel.t()]
    if bias is not None:
        params += [bias, _zeros_bias(bias.shape[0], bias)]
    h0, c0 = (s.unsqueeze(0) for s in initial_state)
    result = _run(torch.lstm, inputs, (h0, c0), params, mask, go_backwards, training)
    if result is None:
        return None
    outputs, (h, c), mask = result
    return _finish(outputs, [h[0], c[0]], mask, zero_output_for_mask)


def _zrh_to_rzn(matrix: torch.Tensor) -> torch.Tensor:
    """Reorder the three gate blocks of the last axis from Keras's (z, r, h) to torch's (r, z, n)."""
    z, r, h = torch.chunk(matrix, 3, dim=-1)
    return torch.cat([r, z, h], dim=-1)


def gru(
    inputs: torch.Tensor,
    initial_state: list[torch.Tensor],
    kernel: torch.Tensor,
    recurrent_kernel: torch.Tensor,
    bias: torch.Tensor | None,
    mask: torch.Tensor | None,
    go_backwards: bool,
    zero_output_for_mask: bool,
    training: bool,
) -> tuple[torch.Tensor, torch.Tensor, list[torch.Tensor]] | None:
    """Keras's GRU (`reset_after=True`); None if the mask is not right-padded."""
    params = [_zrh_to_rzn(kernel).t(), _zrh_to_rzn(recurrent_kernel).t()]
    if bias is not None:
        params += [_zrh_to_rzn(bias[0]), _zrh_to_rzn(bias[1])]
    result = _run(torch.gru, inputs, initial_state[0].unsqueeze(0), params, mask, go_backwards, training)
    if result is None:
        return None
    outputs, (h,), mask = result
    return _finish(outputs, [h[0]], mask, zero_output_for_mask)
