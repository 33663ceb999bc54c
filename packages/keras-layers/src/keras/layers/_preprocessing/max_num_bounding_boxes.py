"""`MaxNumBoundingBoxes`: give every image the same number of bounding boxes."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.layers._preprocessing._image import ImageLayer
from keras.ops._typing import Tensor

__all__ = ["MaxNumBoundingBoxes"]


class MaxNumBoundingBoxes(ImageLayer):
    """Pad or truncate the bounding boxes of each image to `max_number` boxes.

    The layer takes a dict `{"images": ..., "bounding_boxes": {"boxes": ...,
    "labels": ...}}` (boxes `(batch, num_boxes, 4)` and labels `(batch,
    num_boxes)`, or without the batch axis for one image): boxes past `max_number`
    are dropped, and missing ones are added with every coordinate and the label
    equal to `fill_value`. Images and any other entries pass through unchanged, in
    training and inference alike; a plain tensor input is returned as is.

    Args:
        max_number: The number of boxes per image in the outputs.
        fill_value: The coordinates and label of the padding boxes.
        **kwargs: Base layer arguments (`name`, `dtype`, `data_format`, and
            `bounding_box_format`, which dict inputs with boxes require).

    Raises:
        ValueError: If `max_number` is not a positive integer, or a call gets
            bounding boxes without a `bounding_box_format` on the layer.

    Note: as in Keras 3.15, `fill_value` is not part of `get_config()`.

    Example:

    >>> layer = keras.layers.MaxNumBoundingBoxes(3, bounding_box_format="xyxy")
    >>> boxes = {"boxes": np.ones((1, 2, 4), "float32"), "labels": np.array([[4, 5]], "int32")}
    >>> out = layer({"images": np.zeros((1, 8, 8, 3), "float32"), "bounding_boxes": boxes})
    >>> out["bounding_boxes"]["labels"]
    array([[ 4,  5, -1]], dtype=int32)
    """

    def __init__(self, max_number: int, fill_value: int = -1, **kwargs: Any) -> None:
        bounding_box_format = kwargs.pop("bounding_box_format", None)
        super().__init__(**kwargs)
        try:
            number = int(max_number)
        except (TypeError, ValueError):
            number = 0
        if number < 1:
            raise ValueError(f"`max_number` must be a positive integer. Received: max_number={max_number}")
        self.max_number = number
        self.fill_value = int(fill_value)
        self.bounding_box_format = bounding_box_format

    def call(self, inputs: Any) -> Any:
        if not isinstance(inputs, dict) or "bounding_boxes" not in inputs:
            return inputs
        if not self.bounding_box_format:
            raise ValueError(
                "You passed an input with a 'bounding_boxes' key, but you didn't specify a bounding box "
                "format. Pass a `bounding_box_format` argument to your MaxNumBoundingBoxes layer, e.g. "
                "`bounding_box_format='xyxy'`."
            )
        boxes = dict(inputs["bounding_boxes"])
        boxes["boxes"] = self._fit(boxes["boxes"], -2)
        boxes["labels"] = self._fit(boxes["labels"], -1)
        return {**inputs, "bounding_boxes": boxes}

    def _fit(self, values: Tensor, axis: int) -> Tensor:
        """Truncate or pad `values` along the box `axis` to `max_number` entries."""
        axis %= len(values.shape)
        count = int(values.shape[axis])
        if count >= self.max_number:
            return values[(slice(None),) * axis + (slice(0, self.max_number),)]
        pads = [[0, 0]] * len(values.shape)
        pads[axis] = [0, self.max_number - count]
        return ops.pad(values, pads, constant_values=self.fill_value)

    def compute_output_shape(self, input_shape: Any) -> Any:
        if not isinstance(input_shape, dict) or "bounding_boxes" not in input_shape:
            return input_shape
        shapes = dict(input_shape["bounding_boxes"])
        for key, axis in (("boxes", -2), ("labels", -1)):
            shape = list(shapes[key])
            shape[axis] = self.max_number
            shapes[key] = tuple(shape)
        return {**input_shape, "bounding_boxes": shapes}

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        if self.bounding_box_format is not None:
            config["bounding_box_format"] = self.bounding_box_format
        return {**config, "max_number": self.max_number}
