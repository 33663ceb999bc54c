"""Helpers shared by the image ops: data formats, ranks, layouts and compute dtypes.

Image kernels take batched channels-last `(batch, height, width, channels)` float
tensors; these helpers move any accepted input into that layout and back, and pick
the float dtype the arithmetic runs in.
"""

from __future__ import annotations

from typing import Any

import ml_dtypes
import numpy as np

from keras.backend._active import K
from keras.backend._config import image_data_format
from keras.backend._dtypes import is_float_dtype, is_int_dtype, result_type
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import Shape, Tensor

__all__ = [
    "channels_last",
    "check_choice",
    "check_rank",
    "compute_dtype",
    "spec_dtype",
    "from_canonical",
    "gaussian_1d",
    "restore_dtype",
    "to_canonical",
]


def channels_last(op_name: str, data_format: Any) -> bool:
    """Whether `data_format` (None: `image_data_format()`) is "channels_last"; raise otherwise."""
    name = image_data_format() if data_format is None else data_format
    if name in ("channels_last", "channels_first"):
        return bool(name == "channels_last")
    raise ValueError(
        f"{op_name}: `data_format` must be 'channels_last', 'channels_first' or None. "
        f"Received: data_format={data_format!r}"
    )


def check_rank(op_name: str, name: str, x: Any, ranks: tuple[int, ...] = (3, 4)) -> Spec:
    """Return the spec of `x`, or raise unless its rank is one of `ranks`."""
    spec = as_spec(x)
    if spec.ndim not in ranks:
        expected = " or ".join(str(r) for r in ranks)
        raise ValueError(
            f"{op_name}: `{name}` must have rank {expected}"
            f"{' (an image or a batch of images)' if ranks == (3, 4) else ''}. "
            f"Received: {name}.shape={tuple(spec.shape)}"
        )
    return spec


def check_choice(op_name: str, name: str, value: Any, choices: tuple[Any, ...]) -> None:
    if value not in choices:
        raise ValueError(f"{op_name}: `{name}` must be one of {choices}. Received: {name}={value!r}")


def hw_axes(ndim: int, last: bool) -> tuple[int, int]:
    """The height and width axes of a rank-3 or rank-4 image tensor."""
    return (ndim - 3, ndim - 2) if last else (ndim - 2, ndim - 1)


def image_shape(shape: Shape, last: bool) -> tuple[int | None, int | None, int | None]:
    """`(height, width, channels)` of an image shape in either data format."""
    if last:
        return shape[-3], shape[-2], shape[-1]
    return shape[-2], shape[-1], shape[-3]


def with_image_shape(shape: Shape, height: int | None, width: int | None, last: bool) -> Shape:
    """`shape` with its height and width replaced."""
    h_axis, w_axis = hw_axes(len(shape), last)
    out = list(shape)
    out[h_axis], out[w_axis] = height, width
    return tuple(out)


def to_canonical(x: Tensor, last: bool) -> Tensor:
    """A rank-3 or rank-4 image tensor as `(batch, height, width, channels)`."""
    if x.ndim == 3:
        x = K.shape.reshape(x, (1, *(int(d) for d in x.shape)))
    if not last:
        x = K.shape.transpose(x, (0, 2, 3, 1))
    return x


def from_canonical(x: Tensor, ndim: int, last: bool) -> Tensor:
    """Undo `to_canonical` for an input of rank `ndim`."""
    if not last:
        x = K.shape.transpose(x, (0, 3, 1, 2))
    if ndim == 3:
        x = K.shape.reshape(x, tuple(int(d) for d in x.shape[1:]))
    return x


def compute_dtype(dtype: str) -> str:
    """The float dtype image arithmetic runs in: float32, or float64 for float64 inputs."""
    return "float64" if dtype == "float64" else "float32"


def restore_dtype(x: Tensor, dtype: str) -> Tensor:
    """Cast a float result back to `dtype`; integers are rounded (half to even) and saturated."""
    if is_int_dtype(dtype) or dtype == "bool":
        info = np.iinfo(dtype) if dtype != "bool" else np.iinfo("uint8")
        x = K.elementwise.clip(
            K.elementwise.round(x, 0), _scalar(float(info.min), x), _scalar(float(info.max), x)
        )
    if K.core.dtype_of(x) == dtype:
        return x
    return K.core.cast(x, dtype)


def _scalar(value: float, like: Tensor) -> Tensor:
    return K.core.convert_to_tensor(np.asarray(value), K.core.dtype_of(like))


def float_eps(dtype: str) -> float:
    """Machine epsilon of a float dtype, bfloat16 and float8 included."""
    info: Any = ml_dtypes.finfo(dtype)  # type: ignore[no-untyped-call]
    return float(info.eps)


def gaussian_1d(size: int, sigma: float) -> np.ndarray[Any, Any]:
    """A normalised Gaussian window of `size` taps (float64)."""
    x = np.arange(size, dtype=np.float64) - (size - 1) / 2.0
    window = np.exp(-0.5 * (x / sigma) ** 2)
    result: np.ndarray[Any, Any] = window / window.sum()
    return result


def same_pads(size: int, extent: int, stride: int) -> tuple[int, int]:
    """The `(before, after)` zero padding of "same" windows, as jax and tensorflow pad."""
    total = max((-(-size // stride) - 1) * stride + extent - size, 0)
    return total // 2, total - total // 2


def spec_dtype(spec: Spec) -> str:
    """The dtype a tensor of `spec` has once converted (float64 narrows like `promote`)."""
    return str(result_type(spec.dtype))


def is_float(dtype: str) -> bool:
    return bool(is_float_dtype(dtype))
