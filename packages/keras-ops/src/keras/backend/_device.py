"""`keras.device`, `keras.remat` and `keras.RematScope`."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, Literal

from keras.backend._active import K
from keras.backend._scopes import _Scope, current

RematMode = Literal["full", "activations", "larger_than", "list_of_layers"] | None


def device(device_name: str) -> contextlib.AbstractContextManager[None]:
    """Place the tensors created inside the block on a device.

    Args:
        device_name: `"cpu"`, `"gpu"` or `"tpu"`, optionally with an index (`"gpu:1"`).

    Returns:
        A context manager.

    Raises:
        ValueError: For a malformed name, or a device the backend does not have.

    Example:

    >>> with keras.device("cpu:0"):
    ...     x = keras.ops.ones((2,))
    """
    return K.device.scope(device_name)


def remat(f: Callable[..., Any]) -> Callable[..., Any]:
    """Return `f` with its intermediate activations recomputed during backpropagation.

    Saves memory at the cost of computing `f` twice. On the numpy backend (no gradients)
    `f` is returned unchanged.

    Args:
        f: The function to rematerialize.

    Returns:
        A function with the same signature and values.

    Example:

    >>> keras.remat(keras.ops.sin)(np.array([0.0], dtype="float32"))
    array([0.], dtype=float32)
    """
    return K.device.remat(f)


class RematScope(_Scope):
    """Ask the layers called inside the block to rematerialize their activations.

    Args:
        mode: `"full"` (every layer), `"activations"` (activation functions only),
            `"larger_than"` (layers whose output has more than `output_size_threshold`
            elements), `"list_of_layers"` (the layers named in `layer_names`) or `None`
            (no rematerialization).
        output_size_threshold: The size above which `"larger_than"` applies.
        layer_names: The layer names for `"list_of_layers"`.

    Example:

    >>> with keras.RematScope(mode="full"):
    ...     pass
    """

    _kind = "remat"

    def __init__(
        self,
        mode: RematMode = "full",
        output_size_threshold: int = 1024,
        layer_names: list[str] | None = None,
    ) -> None:
        if mode not in ("full", "activations", "larger_than", "list_of_layers", None):
            raise ValueError(
                "Invalid mode. Expected one of 'full', 'activations', 'larger_than', 'list_of_layers' or "
                f"None. Received: mode={mode!r}"
            )
        if mode == "list_of_layers" and not layer_names:
            raise ValueError("mode='list_of_layers' needs the names of the layers in `layer_names`.")
        self.mode = mode
        self.output_size_threshold = output_size_threshold
        self.layer_names = list(layer_names or [])


def current_remat_scope() -> RematScope | None:
    scope: RematScope | None = current("remat")
    return scope
