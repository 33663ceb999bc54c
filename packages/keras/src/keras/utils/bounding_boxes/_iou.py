"""Overlap measures between boxes: pairwise IoU and element-wise Complete IoU (CIoU)."""

from __future__ import annotations

import math
from typing import Any

from keras import ops
from keras.backend import epsilon
from keras.ops._typing import ArrayLike, Tensor
from keras.utils.bounding_boxes._formats import split_parts, to_xyxy


def _check_relative(bounding_box_format: str, image_shape: Any) -> None:
    if "rel" in bounding_box_format and image_shape is None:
        raise ValueError(
            "When using relative bounding box formats (e.g. `rel_yxyx`) the `image_shape` argument must be "
            f"provided. Received `image_shape`: {image_shape}"
        )


def _area(boxes: Tensor) -> Tensor:
    x1, y1, x2, y2 = split_parts(boxes)
    return ops.squeeze(ops.multiply(ops.subtract(x2, x1), ops.subtract(y2, y1)), axis=-1)


def compute_iou(
    boxes1: ArrayLike,
    boxes2: ArrayLike,
    bounding_box_format: str,
    use_masking: bool = False,
    mask_val: int = -1,
    image_shape: Any = None,
) -> Tensor:
    """Return the intersection over union of every pair of boxes.

    Args:
        boxes1: `(M, 4)` or `(batch, M, 4)` boxes.
        boxes2: `(N, 4)` or `(batch, N, 4)` boxes.
        bounding_box_format: The format of both (see `convert_format`).
        use_masking: Whether pairs involving a padding box (all four values negative) get
            `mask_val` instead of their IoU.
        mask_val: The value of masked pairs.
        image_shape: `(height, width, channels)`, needed for relative formats.

    Returns:
        `(M, N)` IoUs, or `(batch, M, N)` when either input is batched:
        `area(a & b) / (area(a | b) + epsilon)`.

    Raises:
        ValueError: If a rank is not 2 or 3, or `image_shape` is missing for a relative
            format.

    Example:

    >>> keras.utils.bounding_boxes.compute_iou(
    ...     np.array([[0, 0, 2, 2]]), np.array([[1, 1, 3, 3], [0, 0, 2, 2]]), "xyxy")
    array([[0.14285715, 1.        ]], dtype=float32)
    """
    ranks = (len(ops.shape(boxes1)), len(ops.shape(boxes2)))
    for index, rank in enumerate(ranks, start=1):
        if rank not in (2, 3):
            raise ValueError(
                f"compute_iou() expects boxes{index} to be batched, or to be unbatched. Received "
                f"len(boxes1.shape)={ranks[0]}, len(boxes2.shape)={ranks[1]}. Expected either "
                f"len(boxes{index}.shape)=2 AND or len(boxes{index}.shape)=3."
            )
    _check_relative(bounding_box_format, image_shape)
    first = to_xyxy(boxes1, bounding_box_format, image_shape)
    second = to_xyxy(boxes2, bounding_box_format, image_shape)
    # (..., M, 1) against (..., 1, N)
    a = split_parts(first)
    b = [ops.swapaxes(part, -1, -2) for part in split_parts(second)]
    overlap_w = ops.maximum(ops.subtract(ops.minimum(a[2], b[2]), ops.maximum(a[0], b[0])), 0.0)
    overlap_h = ops.maximum(ops.subtract(ops.minimum(a[3], b[3]), ops.maximum(a[1], b[1])), 0.0)
    intersection = ops.multiply(overlap_w, overlap_h)
    union = ops.subtract(
        ops.add(ops.expand_dims(_area(first), -1), ops.expand_dims(_area(second), -2)), intersection
    )
    iou = ops.divide(intersection, ops.add(union, epsilon()))
    if not use_masking:
        return iou
    padding1 = ops.less(ops.max(first, axis=-1, keepdims=True), 0.0)
    padding2 = ops.swapaxes(ops.less(ops.max(second, axis=-1, keepdims=True), 0.0), -1, -2)
    return ops.where(ops.logical_or(padding1, padding2), ops.cast(mask_val, iou.dtype), iou)


def compute_ciou(
    boxes1: ArrayLike, boxes2: ArrayLike, bounding_box_format: str, image_shape: Any = None
) -> Tensor:
    """Return the Complete IoU of corresponding boxes (element-wise, broadcasting).

    `CIoU = IoU - d² / c² - alpha v`, where `d` is the distance between the centers, `c` the
    diagonal of the smallest box enclosing both, `v = 4/π² (atan(w2/h2) - atan(w1/h1))²`
    compares the aspect ratios and `alpha = v / (v - IoU + 1)`; `1 - CIoU` is the CIoU loss.

    Args:
        boxes1: Boxes of shape `(..., 4)`.
        boxes2: Boxes broadcastable with `boxes1`.
        bounding_box_format: The format of both (see `convert_format`).
        image_shape: `(height, width, channels)`, needed for relative formats.

    Returns:
        The CIoU of each pair, of the broadcast shape without the last axis.

    Raises:
        ValueError: If `image_shape` is missing for a relative format.

    Example:

    >>> keras.utils.bounding_boxes.compute_ciou(np.array([0, 0, 2, 2]), np.array([0, 0, 2, 2]), "xyxy")
    array(1., dtype=float32)
    """
    _check_relative(bounding_box_format, image_shape)
    eps = epsilon()
    x1a, y1a, x2a, y2a = split_parts(to_xyxy(boxes1, bounding_box_format, image_shape))
    x1b, y1b, x2b, y2b = split_parts(to_xyxy(boxes2, bounding_box_format, image_shape))
    w1, h1 = ops.subtract(x2a, x1a), ops.add(ops.subtract(y2a, y1a), eps)
    w2, h2 = ops.subtract(x2b, x1b), ops.add(ops.subtract(y2b, y1b), eps)
    overlap_w = ops.maximum(ops.subtract(ops.minimum(x2a, x2b), ops.maximum(x1a, x1b)), 0.0)
    overlap_h = ops.maximum(ops.subtract(ops.minimum(y2a, y2b), ops.maximum(y1a, y1b)), 0.0)
    intersection = ops.multiply(overlap_w, overlap_h)
    union = ops.add(ops.subtract(ops.add(ops.multiply(w1, h1), ops.multiply(w2, h2)), intersection), eps)
    iou = ops.divide(intersection, ops.add(union, eps))
    enclosing_w = ops.subtract(ops.maximum(x2a, x2b), ops.minimum(x1a, x1b))
    enclosing_h = ops.subtract(ops.maximum(y2a, y2b), ops.minimum(y1a, y1b))
    diagonal = ops.add(ops.add(ops.square(enclosing_w), ops.square(enclosing_h)), eps)
    center_dx = ops.divide(ops.subtract(ops.add(x1a, x2a), ops.add(x1b, x2b)), 2.0)
    center_dy = ops.divide(ops.subtract(ops.add(y1a, y2a), ops.add(y1b, y2b)), 2.0)
    distance = ops.add(ops.square(center_dx), ops.square(center_dy))
    aspect = ops.multiply(
        4.0 / math.pi**2,
        ops.square(ops.subtract(ops.arctan(ops.divide(w2, h2)), ops.arctan(ops.divide(w1, h1)))),
    )
    alpha = ops.divide(aspect, ops.add(ops.subtract(aspect, iou), 1.0 + eps))
    ciou = ops.subtract(iou, ops.add(ops.divide(distance, diagonal), ops.multiply(aspect, alpha)))
    return ops.squeeze(ciou, axis=-1)
