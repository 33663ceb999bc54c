"""preprocess_input (caffe, tf, torch; numpy and tensors) and decode_predictions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from keras import applications, ops
from keras.applications import _imagenet_utils, imagenet_utils

CAFFE_MEAN = np.array([103.939, 116.779, 123.68], "float32")
TORCH_MEAN = np.array([0.485, 0.456, 0.406], "float32")
TORCH_STD = np.array([0.229, 0.224, 0.225], "float32")


def _images(channels_first: bool = False, batch: bool = True) -> np.ndarray[Any, Any]:
    x = np.random.default_rng(1).uniform(0, 255, (2, 4, 5, 3)).astype("float32")
    if channels_first:
        x = np.transpose(x, (0, 3, 1, 2))
    return x if batch else x[0]


def _expected(x: np.ndarray[Any, Any], mode: str, channels_first: bool) -> np.ndarray[Any, Any]:
    axis = (0 if x.ndim == 3 else 1) if channels_first else -1
    shape = [1] * x.ndim
    shape[axis] = 3
    if mode == "tf":
        return x / 127.5 - 1.0
    if mode == "torch":
        return (x / 255.0 - TORCH_MEAN.reshape(shape)) / TORCH_STD.reshape(shape)
    return np.flip(x, axis) - CAFFE_MEAN.reshape(shape)


@pytest.mark.parametrize("mode", ["caffe", "tf", "torch"])
@pytest.mark.parametrize("channels_first", [False, True])
@pytest.mark.parametrize("batch", [False, True])
@pytest.mark.parametrize("as_tensor", [False, True])
def test_preprocess_input_modes(mode: str, channels_first: bool, batch: bool, as_tensor: bool) -> None:
    x = _images(channels_first, batch)
    expected = _expected(x.copy(), mode, channels_first)
    data_format = "channels_first" if channels_first else "channels_last"
    value = ops.convert_to_tensor(x) if as_tensor else x.copy()
    out = imagenet_utils.preprocess_input(value, data_format=data_format, mode=mode)
    np.testing.assert_allclose(ops.convert_to_numpy(out), expected, rtol=1e-5, atol=1e-4)


def test_preprocess_input_integer_numpy_becomes_float() -> None:
    x = np.full((1, 2, 2, 3), 255, dtype="uint8")
    out = imagenet_utils.preprocess_input(x, mode="tf")
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, np.ones((1, 2, 2, 3)))


@pytest.mark.parametrize(
    ("module", "mode"),
    [
        ("resnet", "caffe"),
        ("resnet50", "caffe"),
        ("vgg16", "caffe"),
        ("vgg19", "caffe"),
        ("resnet_v2", "tf"),
        ("mobilenet", "tf"),
        ("mobilenet_v2", "tf"),
        ("xception", "tf"),
        ("inception_v3", "tf"),
        ("inception_resnet_v2", "tf"),
        ("nasnet", "tf"),
        ("densenet", "torch"),
    ],
)
def test_family_preprocess_input_modes(module: str, mode: str) -> None:
    x = _images()
    out = getattr(applications, module).preprocess_input(x.copy())
    np.testing.assert_allclose(ops.convert_to_numpy(out), _expected(x, mode, False), rtol=1e-5, atol=1e-4)


@pytest.mark.parametrize("module", ["mobilenet_v3", "efficientnet", "efficientnet_v2", "convnext"])
def test_pass_through_preprocess_input(module: str) -> None:
    x = _images()
    assert getattr(applications, module).preprocess_input(x) is x


def test_preprocess_input_errors() -> None:
    with pytest.raises(
        ValueError, match=r"Expected mode to be one of `caffe`, `tf` or `torch`. Received: mode=foo"
    ):
        imagenet_utils.preprocess_input(_images(), mode="foo")
    with pytest.raises(ValueError, match=r"Received: data_format=NHWC"):
        imagenet_utils.preprocess_input(_images(), data_format="NHWC")


@pytest.fixture
def class_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    index = {str(i): [f"n{i:08d}", f"class_{i}"] for i in range(1000)}
    path = tmp_path / "imagenet_class_index.json"
    path.write_text(json.dumps(index))
    calls: list[tuple[Any, ...]] = []

    def fake_get_file(fname: str, origin: str, **kwargs: Any) -> str:
        calls.append((fname, origin, kwargs))
        return str(path)

    monkeypatch.setattr(_imagenet_utils, "get_file", fake_get_file)
    monkeypatch.setattr(_imagenet_utils, "_CLASS_INDEX", None)
    return calls


def test_decode_predictions(class_index: list[tuple[Any, ...]]) -> None:
    preds = np.zeros((2, 1000), "float32")
    preds[0, [3, 7, 500]] = [0.2, 0.5, 0.3]
    preds[1, 999] = 1.0
    out = applications.resnet50.decode_predictions(preds, top=3)
    assert [row[:2] for row in out[0]] == [
        ("n00000007", "class_7"),
        ("n00000500", "class_500"),
        ("n00000003", "class_3"),
    ]
    np.testing.assert_allclose([row[2] for row in out[0]], [0.5, 0.3, 0.2])
    assert out[1][0][:2] == ("n00000999", "class_999")
    assert len(out[1]) == 3
    fname, origin, kwargs = class_index[0]
    assert fname == "imagenet_class_index.json"
    assert origin == "https://storage.googleapis.com/download.tensorflow.org/data/imagenet_class_index.json"
    assert kwargs == {"cache_subdir": "models", "file_hash": "c2c37ea517e94d9795004a39431a14cb"}
    imagenet_utils.decode_predictions(ops.convert_to_tensor(preds))
    assert len(class_index) == 1  # the index is read once and cached


def test_decode_predictions_default_top(class_index: list[tuple[Any, ...]]) -> None:
    preds = np.random.default_rng(0).uniform(size=(1, 1000)).astype("float32")
    out = imagenet_utils.decode_predictions(preds)
    assert len(out[0]) == 5
    assert [int(name[1:]) for name, _, _ in out[0]] == list(np.argsort(preds[0])[::-1][:5])


def test_decode_predictions_shape_error() -> None:
    with pytest.raises(ValueError, match=r"Received array with shape: \(2, 10\)"):
        imagenet_utils.decode_predictions(np.zeros((2, 10)))
