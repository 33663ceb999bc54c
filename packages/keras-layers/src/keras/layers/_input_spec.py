"""`InputSpec`: what a layer accepts (rank, dtype, fixed axes), and the check against it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from keras import tree
from keras.backend._dtypes import standardize_dtype

__all__ = ["InputSpec"]


class InputSpec:
    """Describe the rank, dtype and fixed dimensions a layer's input must have.

    Args:
        dtype: The expected dtype, or None for any.
        shape: The expected shape; `None` entries match any size.
        ndim: The expected rank.
        max_ndim: The highest rank allowed.
        min_ndim: The lowest rank allowed.
        axes: A dict from axis (negative counts from the end) to its required size.
        allow_last_axis_squeeze: Whether a trailing axis of size 1 may be missing or extra.
        name: The name of the input this spec applies to (for dict inputs).
        optional: Whether the input may be None.

    Example:

    >>> spec = keras.InputSpec(ndim=2, axes={-1: 3})
    >>> spec
    InputSpec(ndim=2, axes={-1: 3})
    """

    def __init__(
        self,
        dtype: Any = None,
        shape: Sequence[int | None] | None = None,
        ndim: int | None = None,
        max_ndim: int | None = None,
        min_ndim: int | None = None,
        axes: Mapping[int, int | None] | None = None,
        allow_last_axis_squeeze: bool = False,
        name: str | None = None,
        optional: bool = False,
    ) -> None:
        self.dtype = standardize_dtype(dtype) if dtype is not None else None
        self.shape = tuple(shape) if shape is not None else None
        self.ndim = len(self.shape) if self.shape is not None else ndim
        self.max_ndim = max_ndim
        self.min_ndim = min_ndim
        self.name = name
        self.optional = optional
        self.allow_last_axis_squeeze = allow_last_axis_squeeze
        try:
            self.axes = {int(k): v for k, v in (axes or {}).items()}
        except (TypeError, ValueError) as error:
            raise TypeError(
                f"Argument `axes` must be a dict with integer keys. Received: axes={axes}"
            ) from error
        if self.axes and (self.ndim is not None or self.max_ndim is not None):
            highest = self.ndim if self.ndim is not None else self.max_ndim
            assert highest is not None
            if max(self.axes) > highest - 1:
                raise ValueError(
                    f"Axis {max(self.axes)} is greater than the maximum allowed value: {highest - 1}"
                )

    def __repr__(self) -> str:
        fields = [
            f"{key}={value}"
            for key, value in (
                ("dtype", self.dtype),
                ("shape", self.shape),
                ("ndim", self.ndim),
                ("max_ndim", self.max_ndim),
                ("min_ndim", self.min_ndim),
                ("axes", self.axes),
            )
            if value
        ]
        return f"InputSpec({', '.join(fields)})"

    def get_config(self) -> dict[str, Any]:
        return {
            "dtype": self.dtype,
            "shape": self.shape,
            "ndim": self.ndim,
            "max_ndim": self.max_ndim,
            "min_ndim": self.min_ndim,
            "axes": self.axes,
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> InputSpec:
        return cls(**config)


def _shape_of(x: Any) -> tuple[int | None, ...] | None:
    shape = getattr(x, "shape", None)
    if shape is None:
        return None
    return tuple(None if d is None else int(d) for d in shape)


def check_input(spec: InputSpec | Sequence[InputSpec] | None, inputs: Any, layer_name: str) -> None:
    """Raise a `ValueError` naming the layer if `inputs` does not meet `spec`."""
    if spec is None:
        return
    specs: list[InputSpec] = list(spec) if not isinstance(spec, InputSpec) else [spec]
    if isinstance(inputs, Mapping) and any(s.name for s in specs):
        flat = [inputs.get(s.name) for s in specs]
    else:
        flat = tree.flatten(inputs)
    if len(flat) != len(specs):
        raise ValueError(
            f'Layer "{layer_name}" expects {len(specs)} input(s), but it received {len(flat)} input tensors. '
            f"Inputs received: {inputs}"
        )
    for index, (s, x) in enumerate(zip(specs, flat, strict=True)):
        if x is None:
            if s.optional:
                continue
            raise ValueError(f'Input {index} of layer "{layer_name}" is None, which its spec does not allow.')
        _check_one(s, x, index, layer_name)


def _check_one(spec: InputSpec, x: Any, index: int, layer_name: str) -> None:
    shape = _shape_of(x)
    if shape is None:
        return
    ndim = len(shape)
    where = f'Input {index} of layer "{layer_name}" is incompatible with the layer:'
    if spec.ndim is not None and not spec.allow_last_axis_squeeze and ndim != spec.ndim:
        raise ValueError(
            f"{where} expected ndim={spec.ndim}, found ndim={ndim}. Full shape received: {shape}"
        )
    if spec.max_ndim is not None and ndim > spec.max_ndim:
        raise ValueError(
            f"{where} expected max_ndim={spec.max_ndim}, found ndim={ndim}. Full shape received: {shape}"
        )
    if spec.min_ndim is not None and ndim < spec.min_ndim:
        raise ValueError(
            f"{where} expected min_ndim={spec.min_ndim}, found ndim={ndim}. Full shape received: {shape}"
        )
    if spec.dtype is not None:
        dtype = standardize_dtype(x.dtype)
        if dtype != spec.dtype:
            raise ValueError(f"{where} expected dtype={spec.dtype}, found dtype={dtype}")
    for axis, size in spec.axes.items():
        if size is None:
            continue
        if -ndim <= axis < ndim and shape[axis] is not None and shape[axis] != size:
            raise ValueError(
                f"{where} expected axis {axis} of input shape to have value {size}, but received input "
                f"with shape {shape}"
            )
    if spec.shape is not None:
        expected = spec.shape
        got = shape
        if spec.allow_last_axis_squeeze:
            expected = expected[:-1] if expected and expected[-1] == 1 else expected
            got = got[:-1] if got and got[-1] == 1 else got
        for want, have in zip(expected, got, strict=False):
            if want is not None and have is not None and want != have:
                raise ValueError(f"{where} expected shape={spec.shape}, found shape={shape}")
