"""`vectorize`: lift a function on single elements (or core shapes) over batch dimensions.

Written once on top of `vectorized_map`: inputs are broadcast over their batch
dimensions, flattened to one batch axis, mapped, and reshaped back.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection
from typing import Any

from keras import tree
from keras.ops._control_flow import vectorized_map
from keras.ops._convert import convert
from keras.ops._rules import broadcast_shapes
from keras.ops.numpy._shape import broadcast_to, reshape

_CORE = r"\((\w+(?:,\s*\w+)*)?\)"
_SIGNATURE = re.compile(rf"^{_CORE}(?:,\s*{_CORE})*->{_CORE}(?:,\s*{_CORE})*$")


def _parse_signature(signature: str) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    compact = signature.replace(" ", "")
    if not _SIGNATURE.match(compact):
        raise ValueError(f"vectorize: invalid signature {signature!r}; expected e.g. '(n),(n)->()'.")
    inputs, outputs = compact.split("->")

    def dims(part: str) -> list[tuple[str, ...]]:
        return [tuple(d for d in group.split(",") if d) for group in re.findall(r"\(([^)]*)\)", part)]

    return dims(inputs), dims(outputs)


def vectorize(
    pyfunc: Callable[..., Any], *, excluded: Collection[int | str] | None = None, signature: str | None = None
) -> Callable[..., Any]:
    """Turn a function on single elements (or on core shapes) into one on whole tensors.

    Like `numpy.vectorize`: the returned function broadcasts its tensor arguments over
    their batch dimensions and calls `pyfunc` on each batch element, through
    `keras.ops.vectorized_map` (vectorized by the backend where it can be).

    Args:
        pyfunc: The function to lift.
        excluded: Positions or names of arguments passed through unchanged.
        signature: Core dimensions, e.g. `"(n),(n)->()"` for a function of two vectors
            returning a scalar. Without it, `pyfunc` takes and returns scalars.

    Returns:
        The vectorized function.

    Raises:
        ValueError: For a malformed `signature`, or arguments whose core dims do not fit it.

    Example:

    >>> total = keras.ops.vectorize(lambda v: keras.ops.sum(v), signature="(n)->()")
    >>> total(np.ones((3, 4), dtype="float32"))
    array([4., 4., 4.], dtype=float32)
    """
    excluded_set = set(excluded or ())
    # Outputs keep whatever core shape pyfunc returns; only input cores need parsing.
    input_cores = _parse_signature(signature)[0] if signature else None

    @functools.wraps(pyfunc)
    def vectorized(*args: Any, **kwargs: Any) -> Any:
        positions = [i for i in range(len(args)) if i not in excluded_set]
        tensors = [convert(args[i]) for i in positions]
        cores = input_cores or [()] * len(tensors)
        if len(cores) != len(tensors):
            raise ValueError(f"vectorize: the signature takes {len(cores)} inputs; received {len(tensors)}.")
        batch_shape: tuple[int | None, ...] = ()
        for tensor, core in zip(tensors, cores, strict=True):
            if tensor.ndim < len(core):
                raise ValueError(
                    f"vectorize: an input of shape {tuple(tensor.shape)} has fewer dimensions than its "
                    f"core dimensions {core}."
                )
            batch_shape = broadcast_shapes(batch_shape, tuple(tensor.shape)[: tensor.ndim - len(core)])
        size = 1
        for dim in batch_shape:
            size *= int(dim or 1)
        flat = []
        for tensor, core in zip(tensors, cores, strict=True):
            core_shape = tuple(tensor.shape)[tensor.ndim - len(core) :]
            full = broadcast_to(tensor, (*batch_shape, *core_shape))
            flat.append(reshape(full, (size, *core_shape)))

        def call_one(elements: Any) -> Any:
            call_args = list(args)
            for i, element in zip(positions, elements, strict=True):
                call_args[i] = element
            return pyfunc(*call_args, **kwargs)

        result = vectorized_map(call_one, tuple(flat))
        return tree.map_structure(lambda r: reshape(r, (*batch_shape, *tuple(r.shape)[1:])), result)

    return vectorized


__all__ = ["vectorize"]
