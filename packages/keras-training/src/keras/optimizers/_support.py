"""Helpers the optimizers share: naming, initializers, argument checks, gradient filtering
and the training-backend check."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from typing import Any

from keras import ops
from keras.backend import backend
from keras.backend._variable import Variable
from keras.ops._typing import Tensor

TRAINING_BACKENDS = ("jax", "torch", "tensorflow")


def to_snake_case(name: str) -> str:
    """Return Keras's snake_case of a class name (`"RMSprop"` -> `"rm_sprop"`)."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def require_training_backend(what: str) -> None:
    """Raise if the active backend cannot train (numpy has no gradients)."""
    if backend() not in TRAINING_BACKENDS:
        raise NotImplementedError(
            f"{what} updates variables from gradients, which the {backend()} backend cannot do: "
            f"it has no gradients. Use one of the backends that can train: {', '.join(TRAINING_BACKENDS)} "
            "(set the KERAS_BACKEND environment variable)."
        )


def constant_initializer(value: float) -> Callable[..., Tensor]:
    """Return an initializer `(shape, dtype) -> tensor` filled with `value`."""

    def initialize(shape: Any, dtype: Any = None) -> Tensor:
        return ops.full(shape, value, dtype=dtype)

    return initialize


def slot_name(reference_variable: Variable, name: str | None) -> str:
    """Return `"{reference path, / and : as _}_{name}"`, the name of a slot variable."""
    path = getattr(reference_variable, "path", None) or str(reference_variable.name)
    return f"{path.replace('/', '_').replace(':', '_')}_{name or 'var'}"


def resolve_initializer(initializer: Any) -> Any:
    if isinstance(initializer, str) and initializer in ("zeros", "ones"):
        return constant_initializer(0.0 if initializer == "zeros" else 1.0)
    return initializer


def check_arguments(
    clipnorm: Any,
    clipvalue: Any,
    global_clipnorm: Any,
    use_ema: bool,
    ema_momentum: Any,
    ema_overwrite_frequency: Any,
    gradient_accumulation_steps: Any,
) -> None:
    if gradient_accumulation_steps and not gradient_accumulation_steps >= 2:
        raise ValueError(
            "`gradient_accumulation_steps` must be an integer >= 2. "
            f"Received: gradient_accumulation_steps={gradient_accumulation_steps}"
        )
    if use_ema:
        if ema_momentum > 1 or ema_momentum < 0:
            raise ValueError(
                f"`ema_momentum` must be in the range [0, 1]. Received: ema_momentum={ema_momentum}"
            )
        if ema_overwrite_frequency and (
            not isinstance(ema_overwrite_frequency, int) or ema_overwrite_frequency < 1
        ):
            raise ValueError(
                "`ema_overwrite_frequency` must be an integer >= 1 or None. "
                f"Received: ema_overwrite_frequency={ema_overwrite_frequency}"
            )
    if sum(a is not None for a in (clipnorm, clipvalue, global_clipnorm)) > 1:
        raise ValueError(
            "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. "
            f"Received: clipnorm={clipnorm}, clipvalue={clipvalue}, global_clipnorm={global_clipnorm}"
        )


def filter_empty_gradients(grads: list[Any], variables: list[Variable]) -> tuple[list[Any], list[Variable]]:
    kept = [(g, v) for g, v in zip(grads, variables, strict=True) if g is not None]
    if not kept:
        raise ValueError("No gradients provided for any variable.")
    missing = [v.path for g, v in zip(grads, variables, strict=True) if g is None]
    if missing:
        warnings.warn(
            f"Gradients do not exist for variables {missing} when minimizing the loss. If using "
            "`model.compile()`, did you forget to provide a `loss` argument?",
            stacklevel=3,
        )
    return [g for g, _ in kept], [v for _, v in kept]
