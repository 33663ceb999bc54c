"""Moving boxes with their image: clipping to the image, cropping, padding, affine transforms."""

from __future__ import annotations

import math
from typing import Any

from keras import ops
from keras.backend import is_float_dtype, standardize_dtype
from keras.ops._typing import ArrayLike, Tensor
from keras.utils.bounding_boxes._formats import join_parts, split_parts


def _require_xyxy(function: str, bounding_box_format: str, allowed: tuple[str, ...] = ("xyxy",)) -> None:
    if bounding_box_format not in allowed:
        raise NotImplementedError(
            f"{function}() supports bounding_box_format in {allowed}; convert the boxes with "
            f"`convert_format` first. Received: bounding_box_format={bounding_box_format!r}"
        )


def _clip_parts(parts: tuple[Any, Any, Any, Any], height: Any, width: Any) -> Tensor:
    x1, y1, x2, y2 = parts
    return join_parts(
        (ops.clip(x1, 0, width), ops.clip(y1, 0, height), ops.clip(x2, 0, width), ops.clip(y2, 0, height))
    )


def clip_to_image_size(
    bounding_boxes: dict[str, Any], height: Any = None, width: Any = None, bounding_box_format: str = "xyxy"
) -> dict[str, Any]:
    """Clip boxes to the image; boxes left with no area get the label `-1`.

    Args:
        bounding_boxes: A dict with `"boxes"` `(N, 4)` or `(batch, N, 4)` and optionally
            `"labels"` `(N,)` or `(batch, N)`.
        height: The image height (`"xyxy"` only).
        width: The image width (`"xyxy"` only).
        bounding_box_format: `"xyxy"` (clip to `[0, width] x [0, height]`) or `"rel_xyxy"`
            (clip to `[0, 1]`).

    Returns:
        A new dict with the clipped boxes (and labels).

    Raises:
        ValueError: If `height` or `width` is missing for `"xyxy"`.
        NotImplementedError: For other formats.

    Example:

    >>> out = keras.utils.bounding_boxes.clip_to_image_size(
    ...     {"boxes": np.array([[-10.0, -20.0, 150.0, 160.0], [130.0, 40.0, 170.0, 80.0]]),
    ...      "labels": np.array([0, 1])}, height=100, width=120)
    >>> out["boxes"], out["labels"]
    (array([[  0.,   0., 120., 100.],
           [120.,  40., 120.,  80.]], dtype=float32), array([ 0, -1], dtype=int32))
    """
    _require_xyxy("clip_to_image_size", bounding_box_format, ("xyxy", "rel_xyxy"))
    if bounding_box_format == "xyxy" and (height is None or width is None):
        raise ValueError("`height` and `width` must be set if `format='xyxy'`.")
    boxes = ops.convert_to_tensor(bounding_boxes["boxes"])
    if bounding_box_format == "rel_xyxy":
        height = width = 1.0
    clipped = _clip_parts(split_parts(boxes), ops.cast(height, boxes.dtype), ops.cast(width, boxes.dtype))
    result = {**bounding_boxes, "boxes": clipped}
    labels = bounding_boxes.get("labels")
    if labels is not None:
        x1, y1, x2, y2 = split_parts(clipped)
        area = ops.squeeze(ops.multiply(ops.subtract(x2, x1), ops.subtract(y2, y1)), axis=-1)
        labels = ops.convert_to_tensor(labels)
        result["labels"] = ops.where(ops.greater(area, 0), labels, ops.cast(-1, labels.dtype))
    return result


def crop(
    boxes: ArrayLike, top: Any, left: Any, height: Any, width: Any, bounding_box_format: str = "xyxy"
) -> Tensor:
    """Move boxes into a crop of the image and clip them to it.

    Args:
        boxes: `(N, 4)` or `(batch, N, 4)` boxes.
        top: The crop's top offset.
        left: The crop's left offset.
        height: The crop's height.
        width: The crop's width.
        bounding_box_format: `"xyxy"`.

    Returns:
        The boxes in crop coordinates, clipped to `[0, width] x [0, height]`.

    Raises:
        NotImplementedError: For other formats.

    Example:

    >>> keras.utils.bounding_boxes.crop(np.array([[10, 20, 50, 60]]), top=10, left=20, height=40, width=30)
    array([[ 0, 10, 30, 40]], dtype=int32)
    """
    _require_xyxy("crop", bounding_box_format)
    x1, y1, x2, y2 = split_parts(ops.convert_to_tensor(boxes))
    moved = (ops.subtract(x1, left), ops.subtract(y1, top), ops.subtract(x2, left), ops.subtract(y2, top))
    return _clip_parts(moved, height, width)


def pad(
    boxes: ArrayLike,
    top: Any,
    left: Any,
    height: Any = None,
    width: Any = None,
    bounding_box_format: str = "xyxy",
) -> Tensor:
    """Shift boxes by the padding added above and left of their image.

    Args:
        boxes: `(N, 4)` or `(batch, N, 4)` boxes.
        top: Rows added at the top.
        left: Columns added at the left.
        height: Unused (Keras's signature).
        width: Unused (Keras's signature).
        bounding_box_format: `"xyxy"`.

    Returns:
        The shifted boxes.

    Raises:
        NotImplementedError: For other formats.

    Example:

    >>> keras.utils.bounding_boxes.pad(np.array([[10, 20, 50, 60]]), top=5, left=3)
    array([[13, 25, 53, 65]], dtype=int32)
    """
    _require_xyxy("pad", bounding_box_format)
    x1, y1, x2, y2 = split_parts(ops.convert_to_tensor(boxes))
    return join_parts((ops.add(x1, left), ops.add(y1, top), ops.add(x2, left), ops.add(y2, top)))


def _affine_coefficients(params: dict[str, Tensor], height: Any, width: Any) -> tuple[Tensor, ...]:
    """The 2x3 matrix `[[a0, a1, a2], [b0, b1, b2]]` (each `(batch,)`) that maps a point."""
    degrees = math.pi / 180.0
    rot = ops.multiply(ops.negative(params["angle"]), degrees)
    shear_x = ops.multiply(ops.negative(params["shear_x"]), degrees)
    shear_y = ops.multiply(ops.negative(params["shear_y"]), degrees)
    cx = ops.multiply(params["center_x"], ops.subtract(width, 1))
    cy = ops.multiply(params["center_y"], ops.subtract(height, 1))
    shifted_x = ops.add(cx, ops.multiply(ops.negative(params["translate_x"]), ops.subtract(width, 1)))
    shifted_y = ops.add(cy, ops.multiply(ops.negative(params["translate_y"]), ops.subtract(height, 1)))
    cos_sy, tan_sx = ops.cos(shear_y), ops.tan(shear_x)
    a = ops.divide(ops.cos(ops.subtract(rot, shear_y)), cos_sy)
    b = ops.add(ops.multiply(a, tan_sx), ops.sin(rot))
    c = ops.divide(ops.negative(ops.sin(ops.subtract(rot, shear_y))), cos_sy)
    d = ops.subtract(ops.cos(rot), ops.multiply(c, tan_sx))
    scale = params["scale"]
    a0, a1 = ops.multiply(d, scale), ops.multiply(ops.negative(b), scale)
    b0, b1 = ops.multiply(ops.negative(c), scale), ops.multiply(a, scale)
    a2 = ops.subtract(ops.subtract(cx, ops.multiply(a0, shifted_x)), ops.multiply(a1, shifted_y))
    b2 = ops.subtract(ops.subtract(cy, ops.multiply(b0, shifted_x)), ops.multiply(b1, shifted_y))
    return a0, a1, a2, b0, b1, b2


def affine_transform(
    boxes: ArrayLike,
    angle: Any,
    translate_x: Any,
    translate_y: Any,
    scale: Any,
    shear_x: Any,
    shear_y: Any,
    height: Any,
    width: Any,
    center_x: Any = None,
    center_y: Any = None,
    bounding_box_format: str = "xyxy",
) -> Tensor:
    """Apply a rotation / translation / scale / shear to boxes; return the boxes around the
    transformed corners.

    The parameters are scalars or `(batch,)` tensors (one transform per image), as the
    `RandomAffine`-style layers draw them.

    Args:
        boxes: `(N, 4)` or `(batch, N, 4)` boxes.
        angle: The rotation, in degrees.
        translate_x: The horizontal shift, a fraction of the width.
        translate_y: The vertical shift, a fraction of the height.
        scale: The zoom factor.
        shear_x: The shear along x, in degrees.
        shear_y: The shear along y, in degrees.
        height: The image height.
        width: The image width.
        center_x: The transform center, a fraction of the width (default 0.5).
        center_y: The transform center, a fraction of the height (default 0.5).
        bounding_box_format: `"xyxy"`.

    Returns:
        `xyxy` boxes of `boxes`' shape: the axis-aligned hull of each transformed box.

    Raises:
        NotImplementedError: For other formats.

    Example:

    >>> keras.utils.bounding_boxes.affine_transform(
    ...     np.array([[10.0, 10.0, 20.0, 30.0]]), angle=0.0, translate_x=0.1, translate_y=0.0,
    ...     scale=1.0, shear_x=0.0, shear_y=0.0, height=101, width=101)
    array([[20., 10., 30., 30.]], dtype=float32)
    """
    _require_xyxy("affine_transform", bounding_box_format)
    tensor = ops.convert_to_tensor(boxes)
    dtype = standardize_dtype(tensor.dtype)
    dtype = dtype if is_float_dtype(dtype) else "float32"
    batched = len(tensor.shape) == 3
    if not batched:
        tensor = ops.expand_dims(tensor, 0)
    tensor = ops.cast(tensor, dtype)
    raw = {
        "angle": angle,
        "translate_x": translate_x,
        "translate_y": translate_y,
        "scale": scale,
        "shear_x": shear_x,
        "shear_y": shear_y,
        "center_x": 0.5 if center_x is None else center_x,
        "center_y": 0.5 if center_y is None else center_y,
    }
    params = {name: ops.reshape(ops.cast(value, dtype), (-1, 1, 1)) for name, value in raw.items()}
    a0, a1, a2, b0, b1, b2 = _affine_coefficients(params, ops.cast(height, dtype), ops.cast(width, dtype))
    x1, y1, x2, y2 = (tensor[..., i] for i in range(4))
    xs = ops.stack([x1, x2, x2, x1], axis=-1)  # the four corners, (batch, N, 4)
    ys = ops.stack([y1, y1, y2, y2], axis=-1)
    new_xs = ops.add(ops.add(ops.multiply(a0, xs), ops.multiply(a1, ys)), a2)
    new_ys = ops.add(ops.add(ops.multiply(b0, xs), ops.multiply(b1, ys)), b2)
    out = ops.stack(
        [
            ops.min(new_xs, axis=-1),
            ops.min(new_ys, axis=-1),
            ops.max(new_xs, axis=-1),
            ops.max(new_ys, axis=-1),
        ],
        axis=-1,
    )
    return out if batched else out[0]
