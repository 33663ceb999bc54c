"""Reductions of per-sample losses: sample weights, masks and the five reduction modes.

`reduce_weighted_values` is what `Loss.__call__` (and the metrics) run on the output of a
loss's `call`: it merges a Keras mask into the sample weights, weights the values and then
sums or averages them. The arithmetic is Keras 3's, so that a model reports the same loss:

- `"sum"`: the sum of the weighted values.
- `"sum_over_batch_size"` and `"mean"`: that sum divided by the number of values (zero
  weights still count); with a mask, divided by the number of unmasked values instead.
- `"mean_with_sample_weight"`: that sum divided by the sum of the (masked) sample weights,
  or by the number of values when there are no weights.
- `None` / `"none"`: the weighted values, unreduced.

Every division is `divide_no_nan`, so an all-zero weight or an all-masked batch gives 0.
"""

from __future__ import annotations

import math
from typing import Any

from keras import ops
from keras.backend import standardize_dtype
from keras.ops._typing import Tensor

REDUCTIONS: tuple[str | None, ...] = (
    "sum_over_batch_size",
    "sum",
    "mean",
    "mean_with_sample_weight",
    None,
    "none",
)

_AVERAGING = ("sum_over_batch_size", "mean", "mean_with_sample_weight")


def standardize_reduction(reduction: Any) -> str | None:
    """Return `reduction` if it is one of Keras's reduction modes, else raise.

    Args:
        reduction: `"sum_over_batch_size"`, `"sum"`, `"mean"`,
            `"mean_with_sample_weight"`, `"none"` or `None`.

    Returns:
        `reduction`, unchanged.

    Raises:
        ValueError: If `reduction` is anything else.
    """
    if (reduction is not None and not isinstance(reduction, str)) or reduction not in REDUCTIONS:
        raise ValueError(
            f"Invalid value for argument `reduction`. Expected one of {list(REDUCTIONS)}. "
            f"Received: reduction={reduction!r}"
        )
    return reduction


def squeeze_or_expand_to_same_rank(
    x1: Tensor, x2: Tensor, expand_rank_1: bool = True
) -> tuple[Tensor, Tensor]:
    """Align the ranks of two tensors that differ by a trailing dimension of size 1.

    When one tensor has one more dimension than the other and that last dimension is 1,
    it is squeezed away; except that a rank-1 partner is expanded instead when
    `expand_rank_1` (so `(batch,)` labels meet `(batch, 1)` predictions as `(batch, 1)`).
    Other rank differences are left to broadcasting.

    Args:
        x1: A tensor.
        x2: A tensor.
        expand_rank_1: Whether a rank-1 tensor is expanded rather than its partner squeezed.

    Returns:
        The pair `(x1, x2)`, possibly reshaped.
    """
    rank1, rank2 = len(x1.shape), len(x2.shape)
    if rank1 == rank2 + 1 and x1.shape[-1] == 1:
        if rank2 == 1 and expand_rank_1:
            return x1, ops.expand_dims(x2, axis=-1)
        return ops.squeeze(x1, axis=-1), x2
    if rank2 == rank1 + 1 and x2.shape[-1] == 1:
        if rank1 == 1 and expand_rank_1:
            return ops.expand_dims(x1, axis=-1), x2
        return x1, ops.squeeze(x2, axis=-1)
    return x1, x2


def _num_elements(x: Tensor, dtype: str) -> Tensor:
    """The number of entries of `x` as a `dtype` scalar (dynamic dimensions allowed)."""
    shape = tuple(x.shape)
    if any(dim is None for dim in shape):
        # A 1 per entry, built from `x` itself: works in graphs with unknown dimensions
        # (where `ones_like` needs a static shape) and is 1 even where `x` is inf or nan.
        one = ops.ones((), dtype=dtype)
        return ops.sum(ops.where(ops.isnan(x), one, one))
    return ops.convert_to_tensor(math.prod(shape), dtype=dtype)


def _check_broadcastable(values: Tensor, sample_weight: Tensor) -> None:
    """Raise a ValueError naming both shapes when they cannot broadcast (static dims only)."""
    for a, b in zip(reversed(values.shape), reversed(sample_weight.shape), strict=False):
        if a is not None and b is not None and a != b and a != 1 and b != 1:
            raise ValueError(
                "Argument `sample_weight` must broadcast with the per-sample losses. "
                f"Received: sample_weight.shape={tuple(sample_weight.shape)} for losses of "
                f"shape {tuple(values.shape)}"
            )


def apply_mask(
    sample_weight: Tensor | None, mask: Tensor | None, dtype: str, reduction: str | None
) -> Tensor | None:
    """Fold a boolean mask into the sample weights.

    For `"sum_over_batch_size"` and `"mean"` the unmasked entries get weight
    `total / valid`, so that dividing by the total count later averages over the unmasked
    entries only.

    Args:
        sample_weight: The sample weights, or None.
        mask: A boolean mask shaped like the losses, or None.
        dtype: The float dtype of the losses.
        reduction: The reduction mode.

    Returns:
        The merged weights, or `sample_weight` itself when there is no mask.
    """
    if mask is None:
        return sample_weight
    if reduction in ("sum_over_batch_size", "mean"):
        valid = ops.sum(ops.cast(mask, dtype))
        scale = ops.divide_no_nan(_num_elements(mask, dtype), valid)
        float_mask = ops.where(ops.cast(mask, "bool"), scale, ops.zeros((), dtype=dtype))
    else:
        float_mask = ops.cast(mask, dtype)
    if sample_weight is None:
        return float_mask
    float_mask, sample_weight = squeeze_or_expand_to_same_rank(float_mask, ops.cast(sample_weight, dtype))
    _check_broadcastable(float_mask, sample_weight)
    return ops.multiply(sample_weight, float_mask)


def reduce_values(
    values: Tensor, sample_weight: Tensor | None = None, reduction: str | None = "sum_over_batch_size"
) -> Tensor:
    """Sum or average already-weighted values as `reduction` says.

    Scalars and empty vectors are returned unchanged, as are all values for `None`/`"none"`.

    Args:
        values: The weighted per-sample losses.
        sample_weight: The weights used (the divisor of `"mean_with_sample_weight"`).
        reduction: The reduction mode.

    Returns:
        The reduced loss.
    """
    shape = tuple(values.shape)
    if reduction is None or reduction == "none" or shape == () or shape == (0,):
        return values
    total = ops.sum(values)
    if reduction not in _AVERAGING:
        return total
    if reduction == "mean_with_sample_weight" and sample_weight is not None:
        divisor = ops.cast(ops.sum(sample_weight), total.dtype)
    else:
        divisor = _num_elements(values, total.dtype)
    return ops.divide_no_nan(total, divisor)


def reduce_weighted_values(
    values: Tensor,
    sample_weight: Any = None,
    mask: Any = None,
    reduction: str | None = "sum_over_batch_size",
    dtype: Any = None,
) -> Tensor:
    """Weight per-sample losses by `sample_weight` and `mask`, then reduce them.

    Args:
        values: The per-sample losses.
        sample_weight: Optional weights: shape `(batch,)` or the shape of `values`
            (a trailing dimension of size 1 is aligned), or anything that broadcasts.
        mask: Optional boolean mask shaped like `values`; masked entries are left out.
        reduction: The reduction mode (see the module docstring).
        dtype: The dtype to compute in; `values`' own dtype when None.

    Returns:
        The reduced loss: a scalar, or the weighted values for `None`/`"none"`.

    Raises:
        ValueError: If `reduction` is unknown, or `sample_weight` cannot broadcast.
    """
    reduction = standardize_reduction(reduction)
    values = ops.convert_to_tensor(values, dtype=dtype)
    if sample_weight is not None:
        sample_weight = ops.convert_to_tensor(sample_weight, dtype=dtype)
    if mask is not None:
        mask = ops.convert_to_tensor(mask, dtype=dtype)
    sample_weight = apply_mask(sample_weight, mask, standardize_dtype(values.dtype), reduction)
    if sample_weight is not None:
        sample_weight = ops.cast(sample_weight, values.dtype)
        values, sample_weight = squeeze_or_expand_to_same_rank(values, sample_weight)
        _check_broadcastable(values, sample_weight)
        values = ops.multiply(values, sample_weight)
    return reduce_values(values, sample_weight, reduction)
