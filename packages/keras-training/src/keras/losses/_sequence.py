"""The CTC loss for unaligned sequence labelling (speech, handwriting)."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.losses._loss import BuiltinLoss
from keras.ops._typing import ArrayLike, Tensor


def ctc(y_true: ArrayLike, y_pred: ArrayLike) -> Tensor:
    """Compute the connectionist temporal classification loss per sequence.

    Label 0 is both the padding of `y_true` and the CTC blank class; a label sequence's
    length is its number of non-zero entries, and every prediction sequence is used in full.

    Args:
        y_true: Integer labels, shape `(batch, max_label_length)`, padded with 0.
        y_pred: Logits, shape `(batch, max_time, num_classes)`.

    Returns:
        The negative log-likelihoods, shape `(batch,)`.

    Raises:
        ValueError: If `y_true` is not 2-D or `y_pred` not 3-D.

    Example:

    >>> float(keras.losses.ctc(np.array([[1]]), np.zeros((1, 1, 2)))[0])  # log(2)
    0.6931...
    """
    y_true = ops.convert_to_tensor(y_true)
    y_pred = ops.convert_to_tensor(y_pred)
    if len(y_true.shape) != 2:
        raise ValueError(
            "Targets `y_true` are expected to be a tensor of shape `(batch_size, max_length)` in integer "
            f"format. Received: y_true.shape={tuple(y_true.shape)}"
        )
    if len(y_pred.shape) != 3:
        raise ValueError(
            "Logits `y_pred` are expected to be a tensor of shape `(batch_size, max_length, num_classes)`. "
            f"Received: y_pred.shape={tuple(y_pred.shape)}"
        )
    # Every sequence uses all time steps: count them per row (works for unknown batch sizes).
    output_length = ops.sum(ops.ones_like(y_pred[:, :, 0], dtype="int32"), axis=1)
    target_length = ops.cast(ops.sum(ops.cast(ops.not_equal(y_true, 0), "int32"), axis=-1), "int32")
    return ops.ctc_loss(y_true, y_pred, target_length, output_length, mask_index=0)


class CTC(BuiltinLoss):
    """Connectionist temporal classification loss between padded labels and logits.

    Args:
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> float(keras.losses.CTC()(np.array([[1]]), np.zeros((1, 1, 2))))  # log(2)
    0.6931...
    """

    def __init__(
        self, reduction: str | None = "sum_over_batch_size", name: str = "ctc", dtype: Any = None
    ) -> None:
        super().__init__(ctc, reduction, name, dtype)
