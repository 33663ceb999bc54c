"""Bounding box formats and `convert_format`.

Every conversion goes through `xyxy` (`[left, top, right, bottom]`, in pixels): a format
is a pair of functions from and to the four `xyxy` coordinates. The `rel_` formats are
their absolute twins divided by the image width (x coordinates) and height (y ones).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keras import ops
from keras.ops._typing import ArrayLike, Tensor

Parts = tuple[Any, Any, Any, Any]

SUPPORTED_FORMATS = (
    "xyxy",
    "yxyx",
    "xywh",
    "center_xywh",
    "center_yxhw",
    "rel_xyxy",
    "rel_yxyx",
    "rel_xywh",
    "rel_center_xywh",
)


def _center_to_corners(cx: Any, cy: Any, w: Any, h: Any) -> Parts:
    half_w, half_h = ops.divide(w, 2.0), ops.divide(h, 2.0)
    return ops.subtract(cx, half_w), ops.subtract(cy, half_h), ops.add(cx, half_w), ops.add(cy, half_h)


def _corners_to_center(x1: Any, y1: Any, x2: Any, y2: Any) -> Parts:
    w, h = ops.subtract(x2, x1), ops.subtract(y2, y1)
    return ops.add(x1, ops.divide(w, 2.0)), ops.add(y1, ops.divide(h, 2.0)), w, h


# base format -> (its four parts -> xyxy parts, xyxy parts -> its four parts)
_TO_XYXY: dict[str, Callable[..., Parts]] = {
    "xyxy": lambda x1, y1, x2, y2: (x1, y1, x2, y2),
    "yxyx": lambda y1, x1, y2, x2: (x1, y1, x2, y2),
    "xywh": lambda x1, y1, w, h: (x1, y1, ops.add(x1, w), ops.add(y1, h)),
    "center_xywh": _center_to_corners,
    "center_yxhw": lambda cy, cx, h, w: _center_to_corners(cx, cy, w, h),
}
_FROM_XYXY: dict[str, Callable[..., Parts]] = {
    "xyxy": lambda x1, y1, x2, y2: (x1, y1, x2, y2),
    "yxyx": lambda x1, y1, x2, y2: (y1, x1, y2, x2),
    "xywh": lambda x1, y1, x2, y2: (x1, y1, ops.subtract(x2, x1), ops.subtract(y2, y1)),
    "center_xywh": _corners_to_center,
    "center_yxhw": lambda *p: (lambda cx, cy, w, h: (cy, cx, h, w))(*_corners_to_center(*p)),
}


def split_parts(boxes: Tensor) -> Parts:
    """Split `(..., 4)` boxes into four `(..., 1)` coordinate tensors."""
    first, second, third, fourth = ops.split(boxes, 4, axis=-1)
    return first, second, third, fourth


def join_parts(parts: Parts) -> Tensor:
    """The inverse of `split_parts`."""
    return ops.concatenate(list(parts), axis=-1)


def _scale(parts: Parts, sx: Any, sy: Any, divide: bool) -> Parts:
    scale = ops.divide if divide else ops.multiply
    x1, y1, x2, y2 = parts
    return scale(x1, sx), scale(y1, sy), scale(x2, sx), scale(y2, sy)


def _check_format(name: str, value: Any) -> str:
    if not isinstance(value, str) or value.lower() not in SUPPORTED_FORMATS:
        raise ValueError(
            f"Invalid `{name}` format. Supported formats: {SUPPORTED_FORMATS}. Received: {name}={value!r}"
        )
    return value.lower()


def convert_format(
    boxes: Any,
    source: str,
    target: str,
    height: Any = None,
    width: Any = None,
    dtype: str = "float32",
) -> Any:
    """Convert bounding boxes between formats.

    Formats (case-insensitive): `"xyxy"` `[left, top, right, bottom]`, `"yxyx"`
    `[top, left, bottom, right]`, `"xywh"` `[left, top, width, height]`, `"center_xywh"`
    `[center_x, center_y, width, height]`, `"center_yxhw"` `[center_y, center_x, height,
    width]`, and `"rel_xyxy"`, `"rel_yxyx"`, `"rel_xywh"`, `"rel_center_xywh"`: the same
    with x divided by the image width and y by its height.

    Args:
        boxes: Boxes of shape `(..., 4)`, or a dict whose `"boxes"` entry holds them
            (the other entries are kept).
        source: The format of `boxes`.
        target: The format to convert to.
        height: The image height; needed when either format is relative.
        width: The image width; needed when either format is relative.
        dtype: The dtype of the result.

    Returns:
        The converted boxes (a new dict for a dict input).

    Raises:
        ValueError: If a format is unknown, the last dimension is not 4, or `height` /
            `width` are missing for a relative format.

    Example:

    >>> keras.utils.bounding_boxes.convert_format(
    ...     np.array([[10, 20, 30, 40]]), source="xyxy", target="center_yxhw")
    array([[30., 20., 20., 20.]], dtype=float32)
    """
    if isinstance(boxes, dict):
        return {**boxes, "boxes": convert_format(boxes["boxes"], source, target, height, width, dtype)}
    source, target = _check_format("source", source), _check_format("target", target)
    tensor = ops.convert_to_tensor(boxes)
    if tuple(tensor.shape)[-1:] != (4,):
        raise ValueError(
            f"`boxes` must be a tensor with the last dimension of 4. Received: boxes.shape={tuple(tensor.shape)}"
        )
    relative = (source.startswith("rel_"), target.startswith("rel_"))
    if any(relative) and (height is None or width is None):
        raise ValueError(
            "convert_format() must receive `height` and `width` transforming between relative and absolute "
            f"formats. Received: source={source!r}, target={target!r}, height={height}, width={width}"
        )
    tensor = ops.cast(tensor, dtype)
    if source == target:
        return tensor
    if all(relative):  # both relative: the scale cancels
        relative = (False, False)
    w = None if width is None else ops.cast(width, dtype)
    h = None if height is None else ops.cast(height, dtype)
    parts = _TO_XYXY[source.removeprefix("rel_")](*split_parts(tensor))
    if relative[0]:
        parts = _scale(parts, w, h, divide=False)
    if relative[1]:
        parts = _scale(parts, w, h, divide=True)
    return join_parts(_FROM_XYXY[target.removeprefix("rel_")](*parts))


def to_xyxy(boxes: ArrayLike, bounding_box_format: str, image_shape: Any = None) -> Tensor:
    """Convert boxes to float32 `xyxy`, taking the image size from `(height, width, channels)`."""
    height, width = (None, None) if image_shape is None else (image_shape[0], image_shape[1])
    return convert_format(boxes, source=bounding_box_format, target="xyxy", height=height, width=width)
