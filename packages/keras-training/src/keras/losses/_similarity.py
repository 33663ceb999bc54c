"""Circle loss for metric learning on L2-normalized embeddings."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend._masking import set_keras_mask
from keras.losses._loss import BuiltinLoss
from keras.ops._typing import ArrayLike, Tensor


def _pair_masks(labels: Tensor, ref_labels: Tensor, remove_diagonal: bool) -> tuple[Tensor, Tensor]:
    """Boolean `(n, m)` masks of same-label (positive) and different-label (negative) pairs."""
    positive = ops.equal(ops.reshape(labels, (-1, 1)), ops.reshape(ref_labels, (1, -1)))
    negative = ops.logical_not(positive)
    if remove_diagonal:
        ones = ops.ones_like(positive, dtype="int32")  # row/column indices, for any (even unknown) shape
        diagonal = ops.equal(ops.cumsum(ones, axis=0), ops.cumsum(ones, axis=1))
        positive = ops.logical_and(positive, ops.logical_not(diagonal))
    return positive, negative


def circle(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    ref_labels: ArrayLike | None = None,
    ref_embeddings: ArrayLike | None = None,
    remove_diagonal: bool = True,
    gamma: float = 80,
    margin: float = 0.4,
) -> Tensor:
    """Compute the Circle loss of each embedding against the reference embeddings.

    With cosine distances `d` between embeddings, positive pairs (same label) are pulled
    below `margin` and negative pairs pushed above `1 - margin`, each term weighted by how
    far it is from its optimum: the loss is `softplus(logsumexp(pos) + logsumexp(neg))`
    over the pairs of each row. Rows without any positive pair get loss 0 and are masked.

    Args:
        y_true: Integer labels, shape `(batch,)`.
        y_pred: L2-normalized embeddings, shape `(batch, dim)`.
        ref_labels: Labels of the reference embeddings; `y_true` when None.
        ref_embeddings: L2-normalized reference embeddings; `y_pred` when None.
        remove_diagonal: Whether to leave each embedding's pair with itself out of the
            positives.
        gamma: The scale of the similarity terms.
        margin: The relaxation margin.

    Returns:
        The losses, shape `(batch,)`, carrying a mask of the rows with a positive loss.

    Example:

    >>> e = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    >>> keras.losses.circle(np.array([0, 0, 1]), e, gamma=1.0).round(4)
    array([0.5459, 0.5459, 0.    ], dtype=float32)
    """
    y_pred = ops.convert_to_tensor(y_pred)
    labels = ops.cast(y_true, "int32")
    ref_embeddings = y_pred if ref_embeddings is None else ops.convert_to_tensor(ref_embeddings)
    ref = labels if ref_labels is None else ops.cast(ref_labels, "int32")
    distances = ops.maximum(ops.subtract(1.0, ops.matmul(y_pred, ops.transpose(ref_embeddings))), 0.0)
    positive, negative = _pair_masks(labels, ref, remove_diagonal)
    pos_float = ops.cast(positive, distances.dtype)
    neg_float = ops.cast(negative, distances.dtype)
    pos_weights = ops.maximum(ops.multiply(ops.add(margin, distances), pos_float), 0.0)
    neg_weights = ops.maximum(ops.multiply(ops.subtract(1.0 + margin, distances), neg_float), 0.0)
    pos_terms = ops.multiply(-gamma, ops.multiply(pos_weights, ops.subtract(margin, distances)))
    neg_terms = ops.multiply(gamma, ops.multiply(neg_weights, ops.subtract(1.0 - margin, distances)))
    minus_inf = ops.full((), float("-inf"), dtype=distances.dtype)
    pos_loss = ops.logsumexp(ops.where(positive, pos_terms, minus_inf), axis=1)
    neg_loss = ops.logsumexp(ops.where(negative, neg_terms, minus_inf), axis=1)
    losses = ops.softplus(ops.add(pos_loss, neg_loss))
    set_keras_mask(losses, ops.greater(losses, 0.0))
    return losses


class Circle(BuiltinLoss):
    """Circle loss between integer labels and L2-normalized embeddings (metric learning).

    Feed it embeddings from a layer without activation followed by a unit normalization.

    Args:
        gamma: The scale of the similarity terms.
        margin: The relaxation margin: positives are pulled below it, negatives pushed
            above `1 - margin` (in cosine distance).
        remove_diagonal: Whether to leave each embedding's pair with itself out of the
            positives.
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> e = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    >>> keras.losses.Circle(gamma=1.0)(np.array([0, 0, 1]), e).round(4)
    np.float32(0.5459)
    """

    CONFIG_KEYS = ("gamma", "margin", "remove_diagonal")
    gamma: float
    margin: float
    remove_diagonal: bool

    def __init__(
        self,
        gamma: float = 80.0,
        margin: float = 0.4,
        remove_diagonal: bool = True,
        reduction: str | None = "sum_over_batch_size",
        name: str = "circle",
        dtype: Any = None,
    ) -> None:
        super().__init__(
            circle, reduction, name, dtype, gamma=gamma, margin=margin, remove_diagonal=remove_diagonal
        )
