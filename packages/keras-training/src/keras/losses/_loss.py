"""`Loss`, the base class of every loss, and `LossFunctionWrapper`, a loss made from a function.

A loss object computes per-sample values in `call(y_true, y_pred)`; `__call__` converts
the inputs to the loss's dtype, picks up Keras masks (on `y_pred`, and on what `call`
returns) and reduces with `keras.losses._reduction.reduce_weighted_values`.
The built-in losses are `LossFunctionWrapper`s around the public loss functions, through
`BuiltinLoss`, which adds the attributes and the Keras 3 config of each.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

from keras import ops, tree
from keras.backend import floatx, standardize_dtype
from keras.backend._masking import get_keras_mask
from keras.backend._naming import unique_name
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object
from keras.losses._reduction import (
    reduce_weighted_values,
    squeeze_or_expand_to_same_rank,
    standardize_reduction,
)
from keras.ops._typing import ArrayLike, Tensor

LossFunction = Callable[..., Tensor]


def _to_snake_case(name: str) -> str:
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()


def _compute_dtype(dtype: Any) -> str:
    """The dtype a loss computes in: `floatx()` for None, a policy's compute dtype, or `dtype`."""
    if dtype is None:
        return floatx()
    compute = getattr(dtype, "compute_dtype", None)
    if isinstance(compute, str):
        return compute
    if isinstance(dtype, str) and dtype.startswith("mixed_"):
        return standardize_dtype(dtype[len("mixed_") :])
    return standardize_dtype(dtype)


def _combine_masks(first: Tensor | None, second: Tensor | None) -> Tensor | None:
    if first is None:
        return second
    if second is None:
        return first
    return ops.logical_and(ops.cast(first, "bool"), ops.cast(second, "bool"))


class Loss:
    """Base class of losses: subclass it and implement `call(y_true, y_pred)`.

    `call` returns per-sample losses; calling the loss object then weights them by
    `sample_weight`, leaves out entries masked by a Keras mask on `y_pred` (or on the
    output of `call`), and reduces them.

    Args:
        name: Name of the loss instance; the snake-cased class name (made unique) when None.
        reduction: How the per-sample losses are reduced: `"sum_over_batch_size"` (the
            default) and `"mean"` divide their weighted sum by the number of entries (the
            number of unmasked entries under a mask), `"sum"` returns the sum,
            `"mean_with_sample_weight"` divides the sum by the sum of the sample weights,
            and `"none"` or `None` return the weighted losses unreduced.
        dtype: The dtype the loss computes in: `keras.backend.floatx()` when None; for a
            dtype policy, its compute dtype.

    Raises:
        ValueError: If `reduction` is not one of the modes above.

    Example:

    >>> class MeanCubedError(keras.losses.Loss):
    ...     def call(self, y_true, y_pred):
    ...         return keras.ops.mean(keras.ops.abs(y_pred - y_true) ** 3, axis=-1)
    >>> loss = MeanCubedError(name="cubed")
    >>> loss(np.array([[0.0, 0.0]]), np.array([[1.0, 2.0]]))
    array(4.5, dtype=float32)
    """

    def __init__(
        self, name: str | None = None, reduction: str | None = "sum_over_batch_size", dtype: Any = None
    ) -> None:
        self.name = name or unique_name(_to_snake_case(type(self).__name__))
        self.reduction = standardize_reduction(reduction)
        self._dtype_policy = dtype
        self._dtype = _compute_dtype(dtype)

    @property
    def dtype(self) -> str:
        """The dtype the loss computes in."""
        return self._dtype

    def __call__(self, y_true: Any, y_pred: Any, sample_weight: ArrayLike | None = None) -> Tensor:
        """Compute the reduced, weighted loss.

        Args:
            y_true: Ground-truth values (a tensor, or a structure of tensors).
            y_pred: Predictions, of the same structure; a Keras mask on it excludes the
                masked entries.
            sample_weight: Optional weights, shape `(batch,)` or that of the per-sample
                losses.

        Returns:
            A scalar tensor of `self.dtype`, or the per-sample losses for reduction `None`.
        """
        in_mask = get_keras_mask(y_pred)
        y_pred = tree.map_structure(lambda x: ops.convert_to_tensor(x, dtype=self.dtype), y_pred)
        y_true = tree.map_structure(lambda x: ops.convert_to_tensor(x, dtype=self.dtype), y_true)
        losses = self.call(y_true, y_pred)
        mask = _combine_masks(in_mask, get_keras_mask(losses))
        return reduce_weighted_values(
            losses, sample_weight=sample_weight, mask=mask, reduction=self.reduction, dtype=self.dtype
        )

    def call(self, y_true: Any, y_pred: Any) -> Tensor:
        """Return the per-sample losses; subclasses implement it.

        Args:
            y_true: Ground-truth values, already converted to `self.dtype`.
            y_pred: Predictions, already converted to `self.dtype`.

        Returns:
            The unreduced losses.
        """
        raise NotImplementedError(
            f"Loss subclass {type(self).__name__} must implement `call(y_true, y_pred)`."
        )

    def get_config(self) -> dict[str, Any]:
        """Return the constructor arguments that rebuild this loss (Keras 3's keys)."""
        return {"name": self.name, "reduction": self.reduction}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Loss:
        """Build a loss from the dict `get_config` returned."""
        return cls(**config)

    def _obj_type(self) -> str:
        return "Loss"


class LossFunctionWrapper(Loss):
    """A loss object that calls a loss function `fn(y_true, y_pred, **kwargs)`.

    The ranks of `y_true` and `y_pred` are aligned first (a trailing dimension of size 1
    on one side is squeezed, or added to a rank-1 other side).

    Args:
        fn: The loss function.
        reduction: The reduction mode, as for `Loss`.
        name: Name of the loss instance.
        dtype: The dtype the loss computes in.
        **kwargs: Keyword arguments passed to `fn` on every call.

    Example:

    >>> from keras.losses._loss import LossFunctionWrapper
    >>> loss = LossFunctionWrapper(keras.losses.huber, delta=0.5)
    >>> loss(np.array([[0.0, 0.0]]), np.array([[1.0, 0.2]]))
    array(0.1975, dtype=float32)
    """

    def __init__(
        self,
        fn: LossFunction,
        reduction: str | None = "sum_over_batch_size",
        name: str | None = None,
        dtype: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(name=name, reduction=reduction, dtype=dtype)
        self.fn = fn
        self._fn_kwargs = kwargs

    def call(self, y_true: Any, y_pred: Any) -> Tensor:
        pairs = tree.map_structure(squeeze_or_expand_to_same_rank, y_true, y_pred)
        y_true = tree.map_structure_up_to(y_true, lambda pair: pair[0], pairs)
        y_pred = tree.map_structure_up_to(y_pred, lambda pair: pair[1], pairs)
        return self.fn(y_true, y_pred, **self._fn_kwargs)

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        config["fn"] = serialize_keras_object(self.fn)
        config.update(serialize_keras_object(self._fn_kwargs))
        return config

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Loss:
        config = dict(config)
        if "fn" in config:
            from keras.losses._lookup import ALL_OBJECTS

            config = deserialize_keras_object(config, module_objects=ALL_OBJECTS)
        return cls(**config)

    def __repr__(self) -> str:
        return f"<LossFunctionWrapper({self.fn}, kwargs={self._fn_kwargs})>"


class BuiltinLoss(LossFunctionWrapper):
    """A built-in loss class: a wrapper whose function arguments are attributes.

    `CONFIG_KEYS` lists the arguments Keras 3 writes into the config, in its order
    (some Keras 3 classes leave arguments out, e.g. `Huber`'s `delta`; so do we, so that
    configs are identical).
    """

    CONFIG_KEYS: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self, fn: LossFunction, reduction: str | None, name: str | None, dtype: Any, **kwargs: Any
    ) -> None:
        super().__init__(fn, reduction=reduction, name=name, dtype=dtype, **kwargs)
        for key, value in kwargs.items():
            setattr(self, key, value)

    def get_config(self) -> dict[str, Any]:
        config = Loss.get_config(self)
        config.update({key: getattr(self, key) for key in self.CONFIG_KEYS})
        return config

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Loss:
        return cls(**config)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name!r} reduction={self.reduction!r}>"
