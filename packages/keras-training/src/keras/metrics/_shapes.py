"""Shape helpers shared by the metrics: rank matching, masks, static shape checks."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend._masking import get_keras_mask
from keras.ops._typing import Tensor


def match_ranks(x1: Tensor, x2: Tensor, expand_rank_1: bool = True) -> tuple[Tensor, Tensor]:
    """Squeeze or expand a trailing size-1 axis so that `x1` and `x2` have the same rank.

    Only a rank difference of one with a trailing dimension of 1 is fixed: a rank-1
    partner is expanded when `expand_rank_1`, otherwise the longer one is squeezed.
    """
    rank1, rank2 = len(x1.shape), len(x2.shape)
    if rank1 == rank2 + 1 and x1.shape[-1] == 1:
        if rank2 == 1 and expand_rank_1:
            x2 = ops.expand_dims(x2, -1)
        else:
            x1 = ops.squeeze(x1, -1)
    elif rank2 == rank1 + 1 and x2.shape[-1] == 1:
        if rank1 == 1 and expand_rank_1:
            x1 = ops.expand_dims(x1, -1)
        else:
            x2 = ops.squeeze(x2, -1)
    return x1, x2


def check_broadcastable(y_true: Tensor, y_pred: Tensor, what: str = "y_true") -> None:
    """Raise if the static shapes of `y_true` and `y_pred` cannot broadcast together."""
    shape1, shape2 = tuple(y_true.shape), tuple(y_pred.shape)
    for dim1, dim2 in zip(reversed(shape1), reversed(shape2), strict=False):
        if dim1 is not None and dim2 is not None and dim1 != dim2 and 1 not in (dim1, dim2):
            raise ValueError(
                f"Shapes of `{what}` and `y_pred` are incompatible: {what}.shape={shape1}, "
                f"y_pred.shape={shape2}."
            )


def mask_weights(sample_weight: Any, mask: Any, dtype: str) -> Any:
    """Fold a Keras mask into `sample_weight` (masked entries get weight 0)."""
    if mask is None:
        return sample_weight
    mask = ops.cast(mask, dtype)
    if sample_weight is None:
        return mask
    sample_weight = ops.cast(sample_weight, dtype)
    mask, sample_weight = match_ranks(mask, sample_weight)
    return ops.multiply(sample_weight, mask)


def prediction_mask(y_pred: Any) -> Any:
    """Return the Keras mask carried by `y_pred`, if any."""
    return get_keras_mask(y_pred)
