"""Box regression targets: boxes encoded as deltas from anchors, and decoded back."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend import epsilon
from keras.ops._typing import ArrayLike, Tensor
from keras.utils.bounding_boxes._formats import convert_format

_ENCODINGS = ("center_xywh", "center_yxhw")


def _variance(variance: Any) -> Tensor | None:
    if variance is None:
        return None
    tensor = ops.convert_to_tensor(variance, "float32")
    if tuple(tensor.shape)[-1:] != (4,):
        raise ValueError(f"`variance` must be length 4, got {variance}")
    return tensor


def _size(image_shape: Any) -> tuple[Any, Any]:
    return (None, None) if image_shape is None else (image_shape[0], image_shape[1])


def encode_box_to_deltas(
    anchors: ArrayLike,
    boxes: ArrayLike,
    anchor_format: str,
    box_format: str,
    encoding_format: str = "center_yxhw",
    variance: Any = None,
    image_shape: Any = None,
) -> Tensor:
    """Encode boxes as offsets from anchors: `((c - c_a) / size_a, log(size / size_a))`.

    Both are converted to `encoding_format` (a center format); the center offset is divided
    by the anchor size, the size becomes a log ratio, and all four are divided by
    `variance` when given.

    Args:
        anchors: `(N, 4)` anchors.
        boxes: `(N, 4)` or `(batch, N, 4)` boxes.
        anchor_format: The format of `anchors`.
        box_format: The format of `boxes`.
        encoding_format: `"center_yxhw"` or `"center_xywh"`: the order of the deltas.
        variance: Four scale factors, or `None`.
        image_shape: `(height, width, channels)`, needed for relative formats.

    Returns:
        The deltas, shaped like `boxes`.

    Raises:
        ValueError: If `variance` is not length 4 or `encoding_format` is not a center format.

    Example:

    >>> keras.utils.bounding_boxes.encode_box_to_deltas(
    ...     np.array([[0.0, 0.0, 10.0, 10.0]]), np.array([[2.0, 0.0, 12.0, 20.0]]), "xyxy", "xyxy")
    array([[0.5      , 0.2      , 0.6931472, 0.       ]], dtype=float32)
    """
    scale = _variance(variance)
    if encoding_format not in _ENCODINGS:
        raise ValueError(
            f"`encoding_format` should be one of 'center_xywh' or 'center_yxhw', got {encoding_format}"
        )
    height, width = _size(image_shape)
    encoded_anchors = convert_format(anchors, anchor_format, encoding_format, height, width)
    encoded_boxes = convert_format(boxes, box_format, encoding_format, height, width)
    anchor_size = ops.maximum(encoded_anchors[..., 2:], epsilon())
    box_size = ops.maximum(encoded_boxes[..., 2:], epsilon())
    deltas = ops.concatenate(
        [
            ops.divide(ops.subtract(encoded_boxes[..., :2], encoded_anchors[..., :2]), anchor_size),
            ops.log(ops.divide(box_size, anchor_size)),
        ],
        axis=-1,
    )
    return deltas if scale is None else ops.divide(deltas, scale)


def decode_deltas_to_boxes(
    anchors: Any,
    boxes_delta: Any,
    anchor_format: str,
    box_format: str,
    encoded_format: str = "center_yxhw",
    variance: Any = None,
    image_shape: Any = None,
) -> Any:
    """Decode deltas from `encode_box_to_deltas` back into boxes.

    Args:
        anchors: `(N, 4)` anchors, or a dict of them per feature level.
        boxes_delta: `(N, 4)` or `(batch, N, 4)` deltas, a dict with the same keys when
            `anchors` is one.
        anchor_format: The format of `anchors`.
        box_format: The format of the decoded boxes.
        encoded_format: `"center_yxhw"` or `"center_xywh"`: the order of the deltas.
        variance: The four scale factors used when encoding, or `None`.
        image_shape: `(height, width, channels)`, needed for relative formats.

    Returns:
        The boxes in `box_format` (a dict per level for dict inputs).

    Raises:
        ValueError: If `variance` is not length 4 or `encoded_format` is not a center format.

    Example:

    >>> keras.utils.bounding_boxes.decode_deltas_to_boxes(
    ...     np.array([[0.0, 0.0, 10.0, 10.0]]), np.array([[0.5, 0.2, np.log(2.0), 0.0]]), "xyxy", "xyxy")
    array([[ 2.,  0., 12., 20.]], dtype=float32)
    """
    scale = _variance(variance)
    if encoded_format not in _ENCODINGS:
        raise ValueError(
            f"`encoded_format` should be 'center_xywh' or 'center_yxhw', but got '{encoded_format}'."
        )
    height, width = _size(image_shape)

    def decode(anchor: Any, delta: Any) -> Tensor:
        encoded_anchor = convert_format(anchor, anchor_format, encoded_format, height, width)
        delta = ops.cast(delta, "float32")
        if scale is not None:
            delta = ops.multiply(delta, scale)
        anchor_size = encoded_anchor[..., 2:]
        box = ops.concatenate(
            [
                ops.add(ops.multiply(delta[..., :2], anchor_size), encoded_anchor[..., :2]),
                ops.multiply(ops.exp(delta[..., 2:]), anchor_size),
            ],
            axis=-1,
        )
        return convert_format(box, encoded_format, box_format, height, width)

    if isinstance(anchors, dict) and isinstance(boxes_delta, dict):
        return {level: decode(anchor, boxes_delta[level]) for level, anchor in anchors.items()}
    return decode(anchors, boxes_delta)
