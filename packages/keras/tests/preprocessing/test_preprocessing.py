"""keras.preprocessing: the namespaces match the reference, the re-exports are keras.utils'
functions, and smart_resize crops to the aspect ratio then resizes (shapes and values)."""

from __future__ import annotations

import doctest
from typing import Any

import numpy as np
import pytest

import keras
import keras.preprocessing as preprocessing
from keras import ops, utils
from keras.backend import backend, standardize_dtype
from keras.preprocessing.image import smart_resize

# The names Keras 3.15 exports (reference/keras-3.15-api.jsonl).
REFERENCE_NAMES = {
    "keras.preprocessing": [
        "image_dataset_from_directory",
        "text_dataset_from_directory",
        "timeseries_dataset_from_array",
    ],
    "keras.preprocessing.image": ["array_to_img", "img_to_array", "load_img", "save_img", "smart_resize"],
    "keras.preprocessing.sequence": ["pad_sequences"],
}


@pytest.mark.parametrize(
    ("module", "namespace"),
    [
        (preprocessing, "keras.preprocessing"),
        (preprocessing.image, "keras.preprocessing.image"),
        (preprocessing.sequence, "keras.preprocessing.sequence"),
    ],
)
def test_all_is_the_reference(module: Any, namespace: str) -> None:
    assert sorted(module.__all__) == REFERENCE_NAMES[namespace]


@pytest.mark.parametrize(
    ("name", "twin"),
    [
        ("image_dataset_from_directory", utils.image_dataset_from_directory),
        ("text_dataset_from_directory", utils.text_dataset_from_directory),
        ("timeseries_dataset_from_array", utils.timeseries_dataset_from_array),
        ("image.array_to_img", utils.array_to_img),
        ("image.img_to_array", utils.img_to_array),
        ("image.load_img", utils.load_img),
        ("image.save_img", utils.save_img),
        ("sequence.pad_sequences", utils.pad_sequences),
    ],
)
def test_reexports_are_the_utils_functions(name: str, twin: Any) -> None:
    obj: Any = preprocessing
    for part in name.split("."):
        obj = getattr(obj, part)
    assert obj is twin


def crop_reference(x: np.ndarray, size: tuple[int, int], height_axis: int) -> np.ndarray:
    """The centered crop with the target aspect ratio, in numpy."""
    height, width = x.shape[height_axis], x.shape[height_axis + 1]
    crop_h = max(min(height, int(width * size[0] / size[1])), 1)
    crop_w = max(min(width, int(height * size[1] / size[0])), 1)
    top, left = (height - crop_h) // 2, (width - crop_w) // 2
    index = [slice(None)] * x.ndim
    index[height_axis] = slice(top, top + crop_h)
    index[height_axis + 1] = slice(left, left + crop_w)
    return x[tuple(index)]


RNG = np.random.default_rng(0)
CASES = [
    # (input shape, size, data_format, expected output shape)
    ((4, 6, 1), (2, 2), "channels_last", (2, 2, 1)),
    ((8, 4, 3), (4, 4), "channels_last", (4, 4, 3)),
    ((2, 9, 6, 3), (3, 2), "channels_last", (2, 3, 2, 3)),
    ((3, 10, 5), (5, 5), "channels_first", (3, 5, 5)),
    ((2, 1, 6, 12), (3, 6), "channels_first", (2, 1, 3, 6)),
]


@pytest.mark.parametrize(("shape", "size", "data_format", "expected_shape"), CASES)
def test_smart_resize_is_crop_then_resize(
    shape: tuple[int, ...], size: tuple[int, int], data_format: str, expected_shape: tuple[int, ...]
) -> None:
    x = RNG.uniform(0, 255, size=shape).astype("float32")
    out = smart_resize(x, size, data_format=data_format)
    assert isinstance(out, np.ndarray) and out.shape == expected_shape
    height_axis = x.ndim - (3 if data_format == "channels_last" else 2)
    cropped = crop_reference(x, size, height_axis)
    # when the crop already has the target size, resizing is the identity
    if cropped.shape[height_axis : height_axis + 2] == size:
        np.testing.assert_allclose(out, cropped, rtol=1e-5)
    expected = ops.convert_to_numpy(ops.image.resize(cropped, size, data_format=data_format))
    np.testing.assert_allclose(out, expected, rtol=1e-5)


def test_smart_resize_values() -> None:
    # 4x6 -> centered 4x4 crop (columns 1..4) -> bilinear 2x2 averages 2x2 blocks
    x = np.arange(24, dtype="float32").reshape(4, 6, 1)
    np.testing.assert_allclose(smart_resize(x, (2, 2))[..., 0], [[4.5, 6.5], [16.5, 18.5]])
    nearest = smart_resize(np.arange(16, dtype="float32").reshape(4, 4, 1), (2, 2), interpolation="nearest")
    np.testing.assert_allclose(nearest[..., 0], [[5.0, 7.0], [13.0, 15.0]])


def test_smart_resize_keeps_tensors_and_makes_floats() -> None:
    tensor = ops.convert_to_tensor(np.ones((4, 4, 3), "uint8"))
    out = smart_resize(tensor, (2, 2))
    assert not isinstance(out, np.ndarray) or backend() == "numpy"
    assert standardize_dtype(out.dtype) == "float32"
    np.testing.assert_allclose(ops.convert_to_numpy(out), np.ones((2, 2, 3)))


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        (
            {"x": np.ones((4, 4, 1)), "size": (2, 2, 2)},
            ValueError,
            "Expected `size` to be a tuple of 2 integers",
        ),
        ({"x": np.ones((4, 4)), "size": (2, 2)}, ValueError, r"incorrect rank, of shape \(4, 4\)"),
        (
            {"x": np.ones((4, 4, 1)), "size": (2, 2), "data_format": "nhwc"},
            ValueError,
            "Received: data_format='nhwc'",
        ),
        (
            {"x": np.ones((4, 4, 1)), "size": (2, 2), "backend_module": None},
            TypeError,
            r"\['backend_module'\]",
        ),
    ],
)
def test_smart_resize_errors(kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        smart_resize(**kwargs)


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
def test_smart_resize_docstring() -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for test in doctest.DocTestFinder().find(smart_resize, "smart_resize", globs={"keras": keras, "np": np}):
        assert runner.run(test).failed == 0
