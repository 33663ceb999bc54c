"""Drawing on image batches with numpy: box outlines and segmentation masks.

The results are uint8 numpy arrays, ready for display. Box labels are written with OpenCV
when it is installed; without it the outlines alone are drawn.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from keras import ops
from keras.backend import image_data_format, is_int_dtype, standardize_dtype
from keras.utils.bounding_boxes._formats import convert_format


def _optional(name: str) -> Any:
    """Import an optional package, or return `None` when it is not installed."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def check_batch(images: Any) -> tuple[Any, ...]:
    """Return the shape of a batch of images, refusing anything but rank 4."""
    shape = tuple(ops.shape(images))
    if len(shape) != 4:
        raise ValueError(f"`images` must be batched 4D tensor. Received: images.shape={shape}")
    return shape


def to_uint8(images: np.ndarray) -> np.ndarray:
    """Floats in `[0, 1]` are scaled to `[0, 255]`; other values are clipped to `[0, 255]`."""
    images = np.asarray(images)
    if images.dtype.kind == "f" and images.size > 0:
        images = np.clip(images, 0, 1) * 255 if images.max() <= 1.0 else np.clip(images, 0, 255)
    return images.astype("uint8")


def _outline(image: np.ndarray, box: Sequence[int], color: np.ndarray, thickness: int) -> None:
    """Draw a rectangle outline in place, each side `thickness` pixels wide, centered on the edge."""
    height, width = image.shape[:2]
    x1, y1, x2, y2 = box
    before, after = (thickness - 1) // 2, thickness // 2

    def band(edge: int, size: int) -> slice:
        return slice(max(edge - before, 0), max(min(edge + after + 1, size), 0))

    rows = slice(max(min(y1, y2) - before, 0), max(min(max(y1, y2) + after + 1, height), 0))
    cols = slice(max(min(x1, x2) - before, 0), max(min(max(x1, x2) + after + 1, width), 0))
    image[band(y1, height), cols] = color
    image[band(y2, height), cols] = color
    image[rows, band(x1, width)] = color
    image[rows, band(x2, width)] = color


def _text_origin(x: int, y: int, font_scale: float, thickness: int) -> tuple[int, int]:
    """Above the box when there is room, else inside its top-left corner."""
    font_height = int(font_scale * 12)
    if y - 8 - 2 * font_height > 0:
        return x, y - 8
    return x + 3, y + 2 * font_height + thickness + 3


def draw_bounding_boxes(
    images: Any,
    bounding_boxes: dict[str, Any],
    bounding_box_format: str,
    class_mapping: Mapping[int, str] | None = None,
    color: tuple[int, int, int] = (128, 128, 128),
    line_thickness: int = 2,
    text_thickness: int = 1,
    font_scale: float = 1.0,
    data_format: str | None = None,
) -> np.ndarray:
    """Draw box outlines (and class names) on a batch of images.

    Args:
        images: `(batch, height, width, channels)` images (channels first with
            `data_format="channels_first"`); floats in `[0, 1]` are scaled to `[0, 255]`.
        bounding_boxes: A dict with `"boxes"` `(batch, N, 4)`, `"labels"` `(batch, N)`
            (boxes labelled `-1` are skipped) and optionally `"confidences"`.
        bounding_box_format: The format of the boxes (see
            `keras.utils.bounding_boxes.convert_format`).
        class_mapping: Class id to name, for the text labels (drawn with OpenCV when
            it is installed).
        color: The RGB color of outlines and text.
        line_thickness: The outline width in pixels.
        text_thickness: The text stroke width.
        font_scale: The text size.
        data_format: `"channels_last"` or `"channels_first"`; default
            `keras.config.image_data_format()`.

    Returns:
        A uint8 numpy array of the images' shape, with the boxes drawn.

    Raises:
        ValueError: If `images` is not 4D or `bounding_boxes` lacks `"boxes"`/`"labels"`.
        TypeError: If `bounding_boxes` is not a dict.

    Example:

    >>> out = keras.visualization.draw_bounding_boxes(
    ...     np.zeros((1, 5, 5, 1)), {"boxes": np.array([[[1, 1, 3, 3]]]), "labels": np.array([[0]])},
    ...     "xyxy", color=(9,), line_thickness=1)
    >>> out[0, ..., 0]
    array([[0, 0, 0, 0, 0],
           [0, 9, 9, 9, 0],
           [0, 9, 0, 9, 0],
           [0, 9, 9, 9, 0],
           [0, 0, 0, 0, 0]], dtype=uint8)
    """
    data_format = data_format or image_data_format()
    shape = check_batch(images)
    if not isinstance(bounding_boxes, dict):
        raise TypeError(
            f"`bounding_boxes` should be a dict. Received: bounding_boxes={bounding_boxes} of type {type(bounding_boxes)}"
        )
    if "boxes" not in bounding_boxes or "labels" not in bounding_boxes:
        raise ValueError(
            f"`bounding_boxes` should be a dict containing 'boxes' and 'labels' keys. Received: bounding_boxes={bounding_boxes}"
        )
    channels_first = data_format == "channels_first"
    height, width = (shape[2], shape[3]) if channels_first else (shape[1], shape[2])
    xyxy = convert_format(bounding_boxes, bounding_box_format, "xyxy", height, width)
    pixels = to_uint8(np.asarray(ops.convert_to_numpy(images)))
    canvas = np.ascontiguousarray(pixels.transpose(0, 2, 3, 1) if channels_first else pixels.copy())
    boxes = np.asarray(ops.convert_to_numpy(xyxy["boxes"])).astype("int32")
    labels = np.asarray(ops.convert_to_numpy(xyxy["labels"])).astype("int32")
    confidences = bounding_boxes.get("confidences")
    scores = None if confidences is None else np.asarray(ops.convert_to_numpy(confidences))
    paint = np.array(color, dtype="uint8")[: canvas.shape[-1]]
    mapping = class_mapping or {}
    text_thickness = text_thickness or line_thickness
    cv2 = _optional("cv2")
    for index, image in enumerate(canvas):
        for number, (box, label) in enumerate(zip(boxes[index], labels[index], strict=True)):
            if label == -1:
                continue
            x1, y1, x2, y2 = (int(v) for v in box)
            _outline(image, (x1, y1, x2, y2), paint, line_thickness)
            if cv2 is not None and int(label) in mapping:
                text = mapping[int(label)]
                if scores is not None:
                    text = f"{text} | {scores[index][number]:.2f}"
                origin = _text_origin(x1, y1, font_scale, text_thickness)
                cv2.putText(
                    image,
                    text,
                    origin,
                    cv2.FONT_HERSHEY_SIMPLEX,
                    font_scale,
                    tuple(int(c) for c in color),
                    text_thickness,
                )
    return canvas.transpose(0, 3, 1, 2) if channels_first else canvas


def color_palette(num_classes: int) -> list[list[int]]:
    """Keras's default class colors: `(i * [2**25 - 1, 2**15 - 1, 2**21 - 1]) % 255`."""
    palette = np.array([2**25 - 1, 2**15 - 1, 2**21 - 1])
    return [(i * palette % 255).tolist() for i in range(num_classes)]


def draw_segmentation_masks(
    images: Any,
    segmentation_masks: Any,
    num_classes: int | None = None,
    color_mapping: Mapping[int, Sequence[int]] | None = None,
    alpha: float = 0.8,
    blend: bool = True,
    ignore_index: int = -1,
    data_format: str | None = None,
) -> np.ndarray:
    """Paint each pixel of a batch of images with the color of its mask class.

    Args:
        images: `(batch, height, width, channels)` images (channels first with
            `data_format="channels_first"`).
        segmentation_masks: Integer class ids, `(batch, height, width, 1)`.
        num_classes: The number of classes; default `max(segmentation_masks) + 1`.
        color_mapping: Class id to RGB color; default `color_palette(num_classes)`.
        alpha: The weight of the mask color when blending.
        blend: Whether to blend `alpha * color + (1 - alpha) * image` (pixels equal to
            `ignore_index` keep the image); otherwise return the painted images.
        ignore_index: The mask value that marks unlabelled pixels.
        data_format: `"channels_last"` or `"channels_first"`; default
            `keras.config.image_data_format()`.

    Returns:
        A numpy array, channels last: uint8 when blending, float32 otherwise.

    Raises:
        ValueError: If `images` is not 4D.
        TypeError: If the masks are not integers.

    Example:

    >>> images = np.full((1, 1, 2, 3), 100.0)
    >>> masks = np.array([[[[1], [-1]]]])
    >>> keras.visualization.draw_segmentation_masks(images, masks, color_mapping={0: (0, 0, 0), 1: (200, 0, 0)}, alpha=0.5)
    array([[[[150,  50,  50],
             [100, 100, 100]]]], dtype=uint8)
    """
    data_format = data_format or image_data_format()
    check_batch(images)
    pixels = np.asarray(ops.convert_to_numpy(images), dtype="float32")
    masks = np.asarray(ops.convert_to_numpy(segmentation_masks))
    if data_format == "channels_first":
        pixels, masks = pixels.transpose(0, 2, 3, 1), masks.transpose(0, 2, 3, 1)
    if not is_int_dtype(standardize_dtype(masks.dtype)):
        raise TypeError(
            f"`segmentation_masks` must be in integer dtype. Received: segmentation_masks.dtype={standardize_dtype(masks.dtype)}"
        )
    classes = masks[..., 0]
    if num_classes is None:
        num_classes = int(classes.max()) + 1
    colors = (
        color_palette(num_classes)
        if color_mapping is None
        else [color_mapping[i] for i in range(num_classes)]
    )
    painted = pixels.copy()
    for class_id, class_color in enumerate(colors):
        painted[classes == class_id] = np.asarray(class_color, dtype="float32")[: painted.shape[-1]]
    if not blend:
        return painted
    mixed = pixels * (1 - alpha) + painted * alpha
    valid = (classes != ignore_index)[..., None]
    return np.where(valid, mixed, pixels).astype("uint8")
