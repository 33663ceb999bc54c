"""Image galleries with matplotlib: images, images with boxes, images with masks.

matplotlib is imported when a gallery is drawn; a clear `ImportError` says how to install
it when it is missing.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from keras import ops
from keras.backend import image_data_format
from keras.visualization._draw import check_batch, draw_bounding_boxes, draw_segmentation_masks


def _pyplot(function: str) -> Any:
    try:
        return importlib.import_module("matplotlib.pyplot")
    except ImportError as error:
        raise ImportError(
            f"The `{function}` function requires the `matplotlib` package. Please install it with "
            "`pip install matplotlib`."
        ) from error


def _channels_last(images: Any, data_format: str | None) -> np.ndarray:
    array = np.asarray(ops.convert_to_numpy(images))
    return array.transpose(0, 2, 3, 1) if (data_format or image_data_format()) == "channels_first" else array


def plot_image_gallery(
    images: Any,
    y_true: Any = None,
    y_pred: Any = None,
    label_map: Mapping[Any, str] | None = None,
    rows: int | None = None,
    cols: int | None = None,
    value_range: tuple[float, float] = (0, 255),
    scale: float = 2,
    path: str | None = None,
    show: bool | None = None,
    transparent: bool = True,
    dpi: int = 60,
    legend_handles: Sequence[Any] | None = None,
    data_format: str | None = None,
) -> None:
    """Show a grid of images (saved to `path` instead, when given), titled with labels.

    Args:
        images: `(batch, height, width, channels)` images.
        y_true: True class ids, titled "Label: name".
        y_pred: Predicted class ids, titled "Pred: name".
        label_map: Class id to name; required with `y_true` or `y_pred`.
        rows: Grid rows; default `ceil(sqrt(batch))`.
        cols: Grid columns; default `batch // rows`.
        value_range: The images' value range, mapped to `[0, 255]`.
        scale: The size of each cell in inches.
        path: Where to save the figure.
        show: Whether to show it; default: when `path` is not given.
        transparent: Whether the saved figure's background is transparent.
        dpi: The saved figure's resolution.
        legend_handles: matplotlib handles for a legend.
        data_format: `"channels_last"` or `"channels_first"`.

    Raises:
        ImportError: If matplotlib is not installed.
        ValueError: If both `path` and `show` are set, labels come without a `label_map`,
            or `images` is not 4D.

    Example:

    >>> keras.visualization.plot_image_gallery(np.zeros((4, 8, 8, 3)), path="gallery.png")  # doctest: +SKIP
    """
    plt = _pyplot("plot_image_gallery")
    if path is not None and show:
        raise ValueError("plot_gallery() expects either `path` to be set, or `show` to be true.")
    if (y_true is not None or y_pred is not None) and label_map is None:
        raise ValueError("If `y_true` or `y_pred` are provided, a `label_map` must also be provided.")
    batch = check_batch(images)[0]
    rows = rows or math.ceil(math.sqrt(batch))
    cols = cols or max(batch // rows, 1)
    low, high = value_range
    pixels = _channels_last(images, data_format)[: rows * cols].astype("float32")
    pixels = np.clip((pixels - low) / (high - low) * 255.0, 0, 255).astype("uint8")
    fig, axes = plt.subplots(
        rows, cols, figsize=(cols * scale, rows * scale), frameon=False, layout="tight", squeeze=False
    )
    fig.subplots_adjust(wspace=0, hspace=0)
    if legend_handles is not None:
        fig.legend(handles=legend_handles, loc="lower center")
    truths = None if y_true is None else np.asarray(ops.convert_to_numpy(y_true))
    predictions = None if y_pred is None else np.asarray(ops.convert_to_numpy(y_pred))
    names = label_map or {}
    for index, axis in enumerate(axes.flat):
        axis.axis("off")
        if index >= len(pixels):
            continue
        axis.imshow(pixels[index])
        axis.margins(x=0, y=0)
        title = []
        if truths is not None and index < len(truths):
            title.append(f"Label: {names.get(truths[index], 'Unknown')}")
        if predictions is not None and index < len(predictions):
            title.append(f"Pred: {names.get(predictions[index], 'Unknown')}")
        if title:
            axis.set_title("  ".join(title), fontsize=8)
    if path is not None:
        plt.savefig(fname=path, pad_inches=0, bbox_inches="tight", transparent=transparent, dpi=dpi)
        plt.close()
    elif show if show is not None else True:
        plt.show()
        plt.close()


def plot_bounding_box_gallery(
    images: Any,
    bounding_box_format: str,
    y_true: dict[str, Any] | None = None,
    y_pred: dict[str, Any] | None = None,
    value_range: tuple[float, float] = (0, 255),
    true_color: tuple[int, int, int] = (0, 188, 212),
    pred_color: tuple[int, int, int] = (255, 235, 59),
    line_thickness: int = 2,
    font_scale: float = 1.0,
    text_thickness: int | None = None,
    class_mapping: Mapping[int, str] | None = None,
    ground_truth_mapping: Mapping[int, str] | None = None,
    prediction_mapping: Mapping[int, str] | None = None,
    legend: bool = False,
    legend_handles: Sequence[Any] | None = None,
    rows: int | None = None,
    cols: int | None = None,
    data_format: str | None = None,
    **kwargs: Any,
) -> None:
    """Show a gallery of images with their true and predicted boxes drawn.

    Args:
        images: `(batch, height, width, channels)` images.
        bounding_box_format: The format of the boxes.
        y_true: True boxes, `{"boxes", "labels"}`, drawn in `true_color`.
        y_pred: Predicted boxes, drawn in `pred_color`.
        value_range: The images' value range.
        true_color: The color of the true boxes.
        pred_color: The color of the predicted boxes.
        line_thickness: The outline width.
        font_scale: The text size.
        text_thickness: The text stroke width.
        class_mapping: Class id to name, for both kinds of boxes.
        ground_truth_mapping: Class id to name for the true boxes.
        prediction_mapping: Class id to name for the predicted boxes.
        legend: Whether to add a "Ground Truth" / "Prediction" legend.
        legend_handles: matplotlib handles for a custom legend.
        rows: Grid rows.
        cols: Grid columns.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Passed to `plot_image_gallery` (`path`, `show`, `scale`, ...).

    Raises:
        ImportError: If matplotlib is not installed.
        ValueError: If `images` is not 4D, or both `legend` and `legend_handles` are given.

    Example:

    >>> keras.visualization.plot_bounding_box_gallery(images, "xyxy", y_true=boxes, path="boxes.png")  # doctest: +SKIP
    """
    _pyplot("plot_bounding_box_gallery")
    patches = importlib.import_module("matplotlib.patches")
    check_batch(images)
    pixels = _channels_last(images, data_format)
    drawn = pixels
    thickness = text_thickness or line_thickness
    for boxes, color, mapping in (
        (y_true, true_color, ground_truth_mapping or class_mapping),
        (y_pred, pred_color, prediction_mapping or class_mapping),
    ):
        if boxes is not None:
            drawn = draw_bounding_boxes(
                drawn,
                boxes,
                bounding_box_format,
                mapping,
                color,
                line_thickness,
                thickness,
                font_scale,
                "channels_last",
            )
    if legend:
        if legend_handles:
            raise ValueError(
                "Only pass `legend` OR `legend_handles` to `keras.visualization.plot_bounding_box_gallery()`."
            )
        legend_handles = [
            patches.Patch(color=np.array(true_color) / 255.0, label="Ground Truth"),
            patches.Patch(color=np.array(pred_color) / 255.0, label="Prediction"),
        ]
    plot_image_gallery(
        drawn,
        value_range=value_range,
        legend_handles=legend_handles,
        rows=rows,
        cols=cols,
        data_format="channels_last",
        **kwargs,
    )


def plot_segmentation_mask_gallery(
    images: Any,
    num_classes: int,
    value_range: tuple[float, float] = (0, 255),
    y_true: Any = None,
    y_pred: Any = None,
    color_mapping: Mapping[int, Sequence[int]] | None = None,
    blend: bool = True,
    alpha: float = 0.8,
    ignore_index: int = -1,
    data_format: str | None = None,
    **kwargs: Any,
) -> None:
    """Show each image beside its true and predicted segmentation masks, one row per image.

    Args:
        images: `(batch, height, width, channels)` images.
        num_classes: The number of classes.
        value_range: The images' value range.
        y_true: True masks, `(batch, height, width, 1)` class ids.
        y_pred: Predicted masks.
        color_mapping: Class id to RGB color.
        blend: Whether to blend the masks over the images.
        alpha: The blending weight of the masks.
        ignore_index: The mask value of unlabelled pixels.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Passed to `plot_image_gallery`.

    Raises:
        ImportError: If matplotlib is not installed.
        ValueError: If `images` is not 4D.

    Example:

    >>> keras.visualization.plot_segmentation_mask_gallery(images, 3, y_true=masks, path="masks.png")  # doctest: +SKIP
    """
    _pyplot("plot_segmentation_mask_gallery")
    batch = check_batch(images)[0]
    pixels = _channels_last(images, data_format)
    columns = [pixels]
    for masks in (y_true, y_pred):
        if masks is not None:
            ids = _channels_last(masks, data_format).astype("int32")
            columns.append(
                draw_segmentation_masks(
                    pixels, ids, num_classes, color_mapping, alpha, blend, ignore_index, "channels_last"
                ).astype(pixels.dtype)
            )
    gallery = np.stack([column[i] for i in range(batch) for column in columns], axis=0)
    plot_image_gallery(
        gallery, value_range=value_range, rows=batch, cols=len(columns), data_format="channels_last", **kwargs
    )
