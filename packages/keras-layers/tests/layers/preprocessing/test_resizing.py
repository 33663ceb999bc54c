"""Resizing and CenterCrop: values against numpy, shapes, configs and errors."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._preprocessing.resizing import CenterCrop, Resizing

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
X = np.arange(2 * 6 * 8 * 3, dtype="float32").reshape(2, 6, 8, 3)


def test_resizing_nearest_and_bilinear_match_references() -> None:
    x = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
    out = Resizing(2, 2, interpolation="nearest")(x)
    np.testing.assert_array_equal(ops.convert_to_numpy(out)[0, :, :, 0], [[5.0, 7.0], [13.0, 15.0]])
    # Bilinear halving of a linear ramp samples at pixel centers 0.5 and 2.5.
    out = Resizing(2, 2)(x)
    np.testing.assert_allclose(ops.convert_to_numpy(out)[0, :, :, 0], [[2.5, 4.5], [10.5, 12.5]], rtol=1e-6)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_resizing_shapes_and_unbatched(data_format: str) -> None:
    layer = Resizing(3, 5, data_format=data_format)
    x = X if data_format == "channels_last" else np.transpose(X, (0, 3, 1, 2))
    expected = (2, 3, 5, 3) if data_format == "channels_last" else (2, 3, 3, 5)
    assert tuple(layer(x).shape) == expected
    assert tuple(layer(x[0]).shape) == expected[1:]
    assert layer(Input(shape=x.shape[1:])).shape == (None, *expected[1:])


def test_resizing_crop_and_pad_to_aspect_ratio() -> None:
    x = np.ones((1, 4, 8, 1), dtype="float32")
    padded = ops.convert_to_numpy(Resizing(4, 4, pad_to_aspect_ratio=True, fill_value=-1.0)(x))[0, :, :, 0]
    np.testing.assert_array_equal(padded[0], [-1.0] * 4)
    np.testing.assert_array_equal(padded[1:3], np.ones((2, 4)))
    cropped = ops.convert_to_numpy(
        Resizing(2, 2, crop_to_aspect_ratio=True)(np.arange(32, dtype="float32").reshape(1, 4, 8, 1))
    )
    np.testing.assert_allclose(cropped[0, :, :, 0], [[6.5, 8.5], [22.5, 24.5]], rtol=1e-6)


def test_resizing_config_and_errors() -> None:
    assert Resizing(4, 5, name="resizing").get_config() == {
        "name": "resizing",
        "trainable": True,
        "dtype": DTYPE,
        "data_format": "channels_last",
        "height": 4,
        "width": 5,
        "interpolation": "bilinear",
        "crop_to_aspect_ratio": False,
        "pad_to_aspect_ratio": False,
        "fill_mode": "constant",
        "fill_value": 0.0,
        "antialias": False,
    }
    clone = Resizing.from_config(Resizing(3, 2, interpolation="nearest").get_config())
    assert (clone.height, clone.width, clone.interpolation) == (3, 2, "nearest")
    with pytest.raises(ValueError, match="Invalid value for argument `interpolation`"):
        Resizing(2, 2, interpolation="cubic")
    with pytest.raises(ValueError, match="Only one of `crop_to_aspect_ratio` and `pad_to_aspect_ratio`"):
        Resizing(2, 2, crop_to_aspect_ratio=True, pad_to_aspect_ratio=True)
    with pytest.raises(ValueError, match=r"expects images of rank 3 .* Received: inputs with rank 2"):
        Resizing(2, 2)(np.ones((4, 4), "float32"))


CROPS = [(4, 6, "channels_last"), (3, 3, "channels_last"), (5, 7, "channels_first"), (6, 8, "channels_last")]


@pytest.mark.parametrize(("height", "width", "data_format"), CROPS)
def test_center_crop_matches_numpy_slicing(height: int, width: int, data_format: str) -> None:
    x = X if data_format == "channels_last" else np.transpose(X, (0, 3, 1, 2))
    out = ops.convert_to_numpy(CenterCrop(height, width, data_format=data_format)(x))
    top, left = (6 - height) // 2, (8 - width) // 2
    if data_format == "channels_last":
        expected = x[:, top : top + height, left : left + width, :]
    else:
        expected = x[:, :, top : top + height, left : left + width]
    np.testing.assert_array_equal(out, expected)


def test_center_crop_upsizes_small_images_and_config() -> None:
    out = CenterCrop(12, 8)(X)
    assert tuple(out.shape) == (2, 12, 8, 3)
    assert CenterCrop(4, 5)(Input(shape=(6, 8, 3))).shape == (None, 4, 5, 3)
    assert CenterCrop(4, 5, name="center_crop").get_config() == {
        "name": "center_crop",
        "trainable": True,
        "dtype": DTYPE,
        "data_format": "channels_last",
        "height": 4,
        "width": 5,
    }


def test_unbatched_center_crop() -> None:
    out: Any = CenterCrop(2, 2)(X[0])
    np.testing.assert_array_equal(ops.convert_to_numpy(out), X[0, 2:4, 3:5, :])
