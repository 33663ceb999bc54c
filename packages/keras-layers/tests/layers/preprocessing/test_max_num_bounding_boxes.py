"""MaxNumBoundingBoxes: padding and truncation of box dicts (values from real Keras
3.15), pass-through of other inputs, shapes and the config."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._preprocessing.max_num_bounding_boxes import MaxNumBoundingBoxes

BOXES = np.arange(24, dtype="float32").reshape(2, 3, 4)
LABELS = np.array([[1, 2, 3], [4, 5, 6]], dtype="int32")
IMAGES = np.zeros((2, 4, 4, 3), dtype="float32")


def as_np(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


def data(
    boxes: np.ndarray = BOXES, labels: np.ndarray = LABELS, images: np.ndarray = IMAGES
) -> dict[str, Any]:
    return {"images": images, "bounding_boxes": {"boxes": boxes, "labels": labels}}


@pytest.mark.parametrize(
    ("max_number", "fill_value", "expected_labels"),
    [
        (5, -1, [[1, 2, 3, -1, -1], [4, 5, 6, -1, -1]]),
        (4, 7, [[1, 2, 3, 7], [4, 5, 6, 7]]),
        (3, -1, [[1, 2, 3], [4, 5, 6]]),
        (2, -1, [[1, 2], [4, 5]]),
    ],
)
def test_pads_and_truncates_like_keras(max_number: int, fill_value: int, expected_labels: Any) -> None:
    layer = MaxNumBoundingBoxes(max_number, fill_value=fill_value, bounding_box_format="xyxy")
    out = layer(data())
    boxes, labels = as_np(out["bounding_boxes"]["boxes"]), as_np(out["bounding_boxes"]["labels"])
    np.testing.assert_array_equal(labels, expected_labels)
    assert labels.dtype == np.int32 and boxes.dtype == np.float32
    kept = min(max_number, 3)
    np.testing.assert_array_equal(boxes[:, :kept], BOXES[:, :kept])
    np.testing.assert_array_equal(boxes[:, kept:], np.full((2, max_number - kept, 4), fill_value))
    np.testing.assert_array_equal(as_np(out["images"]), IMAGES)
    # Inference pads as well (the layer has no training switch).
    np.testing.assert_array_equal(as_np(layer(data(), training=False)["bounding_boxes"]["labels"]), labels)


def test_unbatched_other_keys_and_plain_images() -> None:
    layer = MaxNumBoundingBoxes(5, bounding_box_format="xyxy")
    out = layer(data(BOXES[0], LABELS[0], IMAGES[0]))
    np.testing.assert_array_equal(as_np(out["bounding_boxes"]["labels"]), [1, 2, 3, -1, -1])
    assert as_np(out["bounding_boxes"]["boxes"]).shape == (5, 4)
    extra = layer({**data(), "labels": np.array([0, 1])})
    np.testing.assert_array_equal(as_np(extra["labels"]), [0, 1])
    np.testing.assert_array_equal(as_np(layer(IMAGES)), IMAGES)


def test_symbolic_and_output_shape() -> None:
    layer = MaxNumBoundingBoxes(5, bounding_box_format="xyxy")
    shapes = {"images": (None, 4, 4, 3), "bounding_boxes": {"boxes": (None, 3, 4), "labels": (None, 3)}}
    assert layer.compute_output_shape(shapes) == {
        "images": (None, 4, 4, 3),
        "bounding_boxes": {"boxes": (None, 5, 4), "labels": (None, 5)},
    }
    out = layer(
        {"images": Input((4, 4, 3)), "bounding_boxes": {"boxes": Input((3, 4)), "labels": Input((3,))}}
    )
    assert out["bounding_boxes"]["boxes"].shape == (None, 5, 4)
    assert out["bounding_boxes"]["labels"].shape == (None, 5)


def test_config_matches_keras_and_round_trips() -> None:
    dtype = {
        "module": "keras",
        "class_name": "DTypePolicy",
        "config": {"name": "float32"},
        "registered_name": None,
    }
    base = {"trainable": True, "dtype": dtype, "data_format": "channels_last", "max_number": 5}
    plain = MaxNumBoundingBoxes(5, name="m")
    assert plain.get_config() == {"name": "m", **base}
    with_format = MaxNumBoundingBoxes(5, bounding_box_format="xyxy", name="f")
    config = with_format.get_config()
    assert config == {"name": "f", **base, "bounding_box_format": "xyxy"}
    clone = MaxNumBoundingBoxes.from_config(config)
    assert clone.get_config() == config
    np.testing.assert_array_equal(
        as_np(clone(data())["bounding_boxes"]["labels"]), [[1, 2, 3, -1, -1], [4, 5, 6, -1, -1]]
    )


def test_errors() -> None:
    with pytest.raises(ValueError, match="didn't specify a bounding box format"):
        MaxNumBoundingBoxes(5)(data())
    with pytest.raises(ValueError, match="Received: max_number=0"):
        MaxNumBoundingBoxes(0)
    bad: Any = "x"
    with pytest.raises(ValueError, match="Received: max_number=x"):
        MaxNumBoundingBoxes(bad)
