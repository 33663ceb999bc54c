"""Cross-entropy losses: binary, categorical and sparse, their focal variants, and GCE.

The functions take probabilities, or logits with `from_logits=True`; label smoothing
moves the targets toward uniform (`0.5` for binary, `1 / num_classes` for categorical).
The classes wrap the functions with a reduction and write Keras 3's configs.
"""

from __future__ import annotations

import warnings
from typing import Any

from keras import ops
from keras.backend import epsilon
from keras.backend._masking import set_keras_mask
from keras.losses._loss import BuiltinLoss
from keras.ops._typing import ArrayLike, Tensor


def _check_int_axis(axis: Any) -> None:
    if isinstance(axis, bool) or not isinstance(axis, int):
        raise ValueError(
            f"Argument `axis` must be of type `int`. Received: axis={axis!r} of type {type(axis)}"
        )


def _smooth_binary(y_true: Tensor, label_smoothing: float) -> Tensor:
    """Move binary targets toward 0.5 by `label_smoothing`."""
    if not label_smoothing:
        return y_true
    return ops.add(ops.multiply(y_true, 1.0 - label_smoothing), 0.5 * label_smoothing)


def _smooth_categorical(y_true: Tensor, label_smoothing: float, dtype: str) -> Tensor:
    """Move one-hot targets toward `1 / num_classes` (classes on the last axis, as in Keras 3)."""
    if not label_smoothing:
        return y_true
    num_classes = ops.cast(ops.shape(y_true)[-1], dtype)
    return ops.add(ops.multiply(y_true, 1.0 - label_smoothing), ops.divide(label_smoothing, num_classes))


def _warn_if_single_class(loss_name: str, y_pred: Tensor) -> None:
    if y_pred.shape[-1] == 1:
        warnings.warn(
            f"In loss {loss_name}, expected y_pred.shape to be (batch_size, num_classes) with "
            f"num_classes > 1. Received: y_pred.shape={tuple(y_pred.shape)}. Consider using "
            "'binary_crossentropy' if you only have 2 classes.",
            SyntaxWarning,
            stacklevel=3,
        )


def binary_crossentropy(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    from_logits: bool = False,
    label_smoothing: float = 0.0,
    axis: int = -1,
) -> Tensor:
    """Compute the binary cross-entropy, averaged over `axis`.

    Args:
        y_true: Targets in [0, 1], shape `(batch, d0, ..., dN)`.
        y_pred: Predicted probabilities (or logits), same shape.
        from_logits: Whether `y_pred` holds logits rather than probabilities.
        label_smoothing: In [0, 1]; targets become `y_true * (1 - s) + 0.5 * s`.
        axis: The axis to average over.

    Returns:
        The losses, the inputs' shape without `axis`.

    Example:

    >>> keras.losses.binary_crossentropy(np.array([[1.0, 0.0]]), np.array([[0.5, 0.5]]))
    array([0.6931472], dtype=float32)
    """
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = _smooth_binary(ops.cast(y_true, y_pred.dtype), label_smoothing)
    return ops.mean(ops.binary_crossentropy(y_true, y_pred, from_logits=from_logits), axis=axis)


def binary_focal_crossentropy(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    apply_class_balancing: bool = False,
    alpha: float = 0.25,
    gamma: float = 2.0,
    from_logits: bool = False,
    label_smoothing: float = 0.0,
    axis: int = -1,
) -> Tensor:
    """Compute the binary focal cross-entropy, averaged over `axis`.

    Each binary cross-entropy term is scaled by `(1 - p_t) ** gamma`, where `p_t` is the
    predicted probability of the target, so that confident, correct predictions count
    less; with class balancing also by `alpha` for positives and `1 - alpha` for negatives.

    Args:
        y_true: Targets in [0, 1], shape `(batch, d0, ..., dN)`.
        y_pred: Predicted probabilities (or logits), same shape.
        apply_class_balancing: Whether to weight positives by `alpha`, negatives by `1 - alpha`.
        alpha: The class-balancing weight of positives.
        gamma: The focusing exponent; `0` gives the plain binary cross-entropy.
        from_logits: Whether `y_pred` holds logits rather than probabilities.
        label_smoothing: In [0, 1]; targets become `y_true * (1 - s) + 0.5 * s`.
        axis: The axis to average over.

    Returns:
        The losses, the inputs' shape without `axis`.

    Example:

    >>> keras.losses.binary_focal_crossentropy(np.array([[1.0, 0.0]]), np.array([[0.5, 0.5]]), gamma=1.0)
    array([0.3465736], dtype=float32)
    """
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = _smooth_binary(ops.cast(y_true, y_pred.dtype), label_smoothing)
    if from_logits:
        y_pred = ops.sigmoid(y_pred)
    bce = ops.binary_crossentropy(y_true, y_pred, from_logits=False)
    p_t = ops.add(
        ops.multiply(y_true, y_pred), ops.multiply(ops.subtract(1.0, y_true), ops.subtract(1.0, y_pred))
    )
    focal = ops.multiply(ops.power(ops.subtract(1.0, p_t), gamma), bce)
    if apply_class_balancing:
        weight = ops.add(ops.multiply(y_true, alpha), ops.multiply(ops.subtract(1.0, y_true), 1.0 - alpha))
        focal = ops.multiply(weight, focal)
    return ops.mean(focal, axis=axis)


def categorical_crossentropy(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    from_logits: bool = False,
    label_smoothing: float = 0.0,
    axis: int = -1,
) -> Tensor:
    """Compute the categorical cross-entropy of one-hot targets along `axis`.

    Probabilities are renormalized to sum to 1 along `axis` and clipped away from 0.

    Args:
        y_true: One-hot (or soft) targets, shape `(batch, ..., num_classes)`.
        y_pred: Predicted probabilities (or logits), same shape.
        from_logits: Whether `y_pred` holds logits rather than probabilities.
        label_smoothing: In [0, 1]; targets become `y_true * (1 - s) + s / num_classes`
            (the number of classes read from the last axis).
        axis: The class axis.

    Returns:
        The losses, the inputs' shape without `axis`.

    Raises:
        ValueError: If `axis` is not an int.

    Example:

    >>> keras.losses.categorical_crossentropy(np.array([[0.0, 1.0]]), np.array([[0.5, 0.5]]))
    array([0.6931472], dtype=float32)
    """
    _check_int_axis(axis)
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.cast(y_true, y_pred.dtype)
    _warn_if_single_class("categorical_crossentropy", y_pred)
    y_true = _smooth_categorical(y_true, label_smoothing, y_pred.dtype)
    return ops.categorical_crossentropy(y_true, y_pred, from_logits=from_logits, axis=axis)


def categorical_focal_crossentropy(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    alpha: float = 0.25,
    gamma: float = 2.0,
    from_logits: bool = False,
    label_smoothing: float = 0.0,
    axis: int = -1,
) -> Tensor:
    """Compute the categorical focal cross-entropy along `axis`.

    Each class term `-y_true * log(p)` is scaled by `alpha * (1 - p) ** gamma`, where `p`
    is the renormalized, clipped predicted probability.

    Args:
        y_true: One-hot (or soft) targets, shape `(batch, ..., num_classes)`.
        y_pred: Predicted probabilities (or logits), same shape.
        alpha: The weight of every class term.
        gamma: The focusing exponent.
        from_logits: Whether `y_pred` holds logits rather than probabilities.
        label_smoothing: In [0, 1]; targets become `y_true * (1 - s) + s / num_classes`.
        axis: The class axis.

    Returns:
        The losses, the inputs' shape without `axis`.

    Raises:
        ValueError: If `axis` is not an int.

    Example:

    >>> keras.losses.categorical_focal_crossentropy(np.array([[0.0, 1.0]]), np.array([[0.5, 0.5]]), gamma=1.0)
    array([0.0866434], dtype=float32)
    """
    _check_int_axis(axis)
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.cast(y_true, y_pred.dtype)
    _warn_if_single_class("categorical_focal_crossentropy", y_pred)
    y_true = _smooth_categorical(y_true, label_smoothing, y_pred.dtype)
    if from_logits:
        y_pred = ops.softmax(y_pred, axis=axis)
    probs = ops.divide(y_pred, ops.sum(y_pred, axis=axis, keepdims=True))
    probs = ops.clip(probs, epsilon(), 1.0 - epsilon())
    cross_entropy = ops.multiply(ops.negative(y_true), ops.log(probs))
    weight = ops.multiply(ops.power(ops.subtract(1.0, probs), gamma), alpha)
    return ops.sum(ops.multiply(weight, cross_entropy), axis=axis)


def sparse_categorical_crossentropy(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    from_logits: bool = False,
    ignore_class: int | None = None,
    axis: int = -1,
) -> Tensor:
    """Compute the cross-entropy of integer class labels against predicted distributions.

    Args:
        y_true: Integer labels, shape `(batch, d0, ..., dN)` (a trailing dimension of
            size 1 is allowed).
        y_pred: Predicted probabilities (or logits), shape `(batch, d0, ..., dN, num_classes)`
            with the classes on `axis`.
        from_logits: Whether `y_pred` holds logits rather than probabilities.
        ignore_class: A label whose entries get loss 0 and are masked out of the
            reduction (e.g. a "void" class in segmentation); None ignores nothing.
        axis: The class axis of `y_pred`.

    Returns:
        The losses, shape `y_pred.shape` without `axis`; carries a Keras mask when
        `ignore_class` is set.

    Example:

    >>> keras.losses.sparse_categorical_crossentropy(np.array([1, 0]), np.array([[0.5, 0.5], [0.25, 0.75]]))
    array([0.6931472, 1.3862944], dtype=float32)
    """
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true)
    if len(y_true.shape) == len(y_pred.shape) and y_true.shape[axis] == 1:
        y_true = ops.squeeze(y_true, axis=axis)
    if ignore_class is None:
        return ops.sparse_categorical_crossentropy(y_true, y_pred, from_logits=from_logits, axis=axis)
    valid = ops.not_equal(y_true, ops.cast(ignore_class, y_true.dtype))
    y_true = ops.where(valid, y_true, ops.zeros((), dtype=y_true.dtype))
    # Ignored entries get uniform predictions (finite everywhere; their losses are zeroed below).
    y_pred = ops.where(ops.expand_dims(valid, axis), y_pred, ops.ones((), dtype=y_pred.dtype))
    losses = ops.sparse_categorical_crossentropy(y_true, y_pred, from_logits=from_logits, axis=axis)
    if tuple(valid.shape) != tuple(losses.shape):
        valid = ops.reshape(valid, ops.shape(losses))
    losses = ops.where(valid, losses, ops.zeros((), dtype=losses.dtype))
    set_keras_mask(losses, valid)
    return losses


def categorical_generalized_cross_entropy(y_true: ArrayLike, y_pred: ArrayLike, q: float) -> Tensor:
    """Compute the generalized cross-entropy `(1 - p ** q) / q` of integer labels.

    `p` is the predicted probability of the true class. `q` trades robustness to noisy
    labels (`q = 1` gives the mean absolute error) against the convergence of the
    cross-entropy (the limit `q -> 0`).

    Args:
        y_true: Integer labels, shape `(batch,)` (or `(batch, 1)`).
        y_pred: Predicted probabilities, shape `(batch, num_classes)`.
        q: In (0, 1).

    Returns:
        The losses, shape `(batch,)`.

    Example:

    >>> keras.losses.categorical_generalized_cross_entropy(np.array([1]), np.array([[0.75, 0.25]]), q=0.5)
    array([1.], dtype=float32)
    """
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true)
    if len(y_true.shape) == len(y_pred.shape) and y_true.shape[-1] == 1:
        y_true = ops.squeeze(y_true, axis=-1)
    num_classes = y_pred.shape[-1]
    one_hot = ops.one_hot(ops.cast(y_true, "int32"), num_classes, dtype=y_pred.dtype)
    p = ops.sum(ops.multiply(y_pred, one_hot), axis=-1)
    return ops.divide(ops.subtract(1.0, ops.power(p, q)), q)


class BinaryCrossentropy(BuiltinLoss):
    """Binary cross-entropy between targets in [0, 1] and predicted probabilities or logits.

    Args:
        from_logits: Whether `y_pred` holds logits rather than probabilities.
        label_smoothing: In [0, 1]; targets become `y_true * (1 - s) + 0.5 * s`.
        axis: The axis to average over.
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.BinaryCrossentropy(from_logits=True)(np.array([[1.0, 0.0]]), np.array([[0.0, 0.0]]))
    array(0.6931472, dtype=float32)
    """

    CONFIG_KEYS = ("from_logits", "label_smoothing", "axis")
    from_logits: bool
    label_smoothing: float
    axis: int

    def __init__(
        self,
        from_logits: bool = False,
        label_smoothing: float = 0.0,
        axis: int = -1,
        reduction: str | None = "sum_over_batch_size",
        name: str = "binary_crossentropy",
        dtype: Any = None,
    ) -> None:
        super().__init__(
            binary_crossentropy,
            reduction,
            name,
            dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )


class BinaryFocalCrossentropy(BuiltinLoss):
    """Binary focal cross-entropy: binary cross-entropy down-weighting easy examples.

    Args:
        apply_class_balancing: Whether to weight positives by `alpha`, negatives by `1 - alpha`.
        alpha: The class-balancing weight of positives.
        gamma: The focusing exponent.
        from_logits: Whether `y_pred` holds logits rather than probabilities.
        label_smoothing: In [0, 1]; targets become `y_true * (1 - s) + 0.5 * s`.
        axis: The axis to average over.
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.BinaryFocalCrossentropy(gamma=1.0)(np.array([[1.0, 0.0]]), np.array([[0.5, 0.5]]))
    array(0.3465736, dtype=float32)
    """

    CONFIG_KEYS = ("from_logits", "label_smoothing", "axis", "apply_class_balancing", "alpha", "gamma")
    apply_class_balancing: bool
    alpha: float
    gamma: float
    from_logits: bool
    label_smoothing: float
    axis: int

    def __init__(
        self,
        apply_class_balancing: bool = False,
        alpha: float = 0.25,
        gamma: float = 2.0,
        from_logits: bool = False,
        label_smoothing: float = 0.0,
        axis: int = -1,
        reduction: str | None = "sum_over_batch_size",
        name: str = "binary_focal_crossentropy",
        dtype: Any = None,
    ) -> None:
        super().__init__(
            binary_focal_crossentropy,
            reduction,
            name,
            dtype,
            apply_class_balancing=apply_class_balancing,
            alpha=alpha,
            gamma=gamma,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )


class CategoricalCrossentropy(BuiltinLoss):
    """Categorical cross-entropy between one-hot targets and predicted distributions.

    Args:
        from_logits: Whether `y_pred` holds logits rather than probabilities.
        label_smoothing: In [0, 1]; targets become `y_true * (1 - s) + s / num_classes`.
        axis: The class axis.
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.CategoricalCrossentropy()(np.array([[0.0, 1.0]]), np.array([[0.5, 0.5]]))
    array(0.6931472, dtype=float32)
    """

    CONFIG_KEYS = ("from_logits", "label_smoothing", "axis")
    from_logits: bool
    label_smoothing: float
    axis: int

    def __init__(
        self,
        from_logits: bool = False,
        label_smoothing: float = 0.0,
        axis: int = -1,
        reduction: str | None = "sum_over_batch_size",
        name: str = "categorical_crossentropy",
        dtype: Any = None,
    ) -> None:
        super().__init__(
            categorical_crossentropy,
            reduction,
            name,
            dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )


class CategoricalFocalCrossentropy(BuiltinLoss):
    """Categorical focal cross-entropy: categorical cross-entropy down-weighting easy examples.

    Args:
        alpha: The weight of every class term.
        gamma: The focusing exponent.
        from_logits: Whether `y_pred` holds logits rather than probabilities.
        label_smoothing: In [0, 1]; targets become `y_true * (1 - s) + s / num_classes`.
        axis: The class axis.
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.CategoricalFocalCrossentropy(gamma=1.0)(np.array([[0.0, 1.0]]), np.array([[0.5, 0.5]]))
    array(0.0866434, dtype=float32)
    """

    CONFIG_KEYS = ("from_logits", "label_smoothing", "axis", "alpha", "gamma")
    alpha: float
    gamma: float
    from_logits: bool
    label_smoothing: float
    axis: int

    def __init__(
        self,
        alpha: float = 0.25,
        gamma: float = 2.0,
        from_logits: bool = False,
        label_smoothing: float = 0.0,
        axis: int = -1,
        reduction: str | None = "sum_over_batch_size",
        name: str = "categorical_focal_crossentropy",
        dtype: Any = None,
    ) -> None:
        super().__init__(
            categorical_focal_crossentropy,
            reduction,
            name,
            dtype,
            alpha=alpha,
            gamma=gamma,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )


class SparseCategoricalCrossentropy(BuiltinLoss):
    """Cross-entropy between integer labels and predicted distributions.

    Note: like Keras 3, `get_config` does not record `axis`.

    Args:
        from_logits: Whether `y_pred` holds logits rather than probabilities.
        ignore_class: A label whose entries are left out of the loss; None ignores nothing.
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        axis: The class axis of `y_pred`.
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> loss = keras.losses.SparseCategoricalCrossentropy(ignore_class=-1)
    >>> loss(np.array([1, -1]), np.array([[0.5, 0.5], [0.25, 0.75]]))
    array(0.6931472, dtype=float32)
    """

    CONFIG_KEYS = ("from_logits", "ignore_class")
    from_logits: bool
    ignore_class: int | None
    axis: int

    def __init__(
        self,
        from_logits: bool = False,
        ignore_class: int | None = None,
        reduction: str | None = "sum_over_batch_size",
        axis: int = -1,
        name: str = "sparse_categorical_crossentropy",
        dtype: Any = None,
    ) -> None:
        super().__init__(
            sparse_categorical_crossentropy,
            reduction,
            name,
            dtype,
            from_logits=from_logits,
            ignore_class=ignore_class,
            axis=axis,
        )


class CategoricalGeneralizedCrossEntropy(BuiltinLoss):
    """Generalized cross-entropy `(1 - p ** q) / q` of integer labels, robust to label noise.

    Args:
        q: In (0, 1): toward 1 more robust to noisy labels, toward 0 closer to the
            cross-entropy.
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Raises:
        ValueError: If `q` is not in (0, 1).

    Example:

    >>> keras.losses.CategoricalGeneralizedCrossEntropy(q=0.5)(np.array([1]), np.array([[0.75, 0.25]]))
    array(1., dtype=float32)
    """

    CONFIG_KEYS = ("q",)
    q: float

    def __init__(
        self,
        q: float = 0.5,
        reduction: str | None = "sum_over_batch_size",
        name: str = "categorical_generalized_cross_entropy",
        dtype: Any = None,
    ) -> None:
        if not 0 < q < 1:
            raise ValueError(f"Argument `q` must be in the interval (0, 1). Received: q={q!r}")
        super().__init__(categorical_generalized_cross_entropy, reduction, name, dtype, q=q)
