"""EfficientNetV2 B0-B3, S, M and L against Keras 3.15: architecture, preprocessing, weights."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import keras
from keras import applications

numpy_only = pytest.mark.skipif(
    keras.backend.backend() != "numpy",
    reason="backend-independent; on jax each new weight shape compiles its initializer (slow)",
)
URL = "https://storage.googleapis.com/tensorflow/keras-applications/efficientnet_v2/"


@pytest.mark.parametrize(
    "stem",
    [
        pytest.param("efficientnetv2_b0", marks=numpy_only),
        pytest.param("efficientnetv2_b1", marks=numpy_only),
        pytest.param("efficientnetv2_b2", marks=numpy_only),
        pytest.param("efficientnetv2_b3", marks=numpy_only),
        pytest.param("efficientnetv2_s", marks=numpy_only),
        pytest.param("efficientnetv2_m", marks=numpy_only),
        pytest.param("efficientnetv2_l", marks=numpy_only),
        "efficientnetv2_b0_notop_64_max_nopre",
        pytest.param("efficientnetv2_b0_gray_avg", marks=numpy_only),
        pytest.param("efficientnetv2_s_classes7_logits", marks=numpy_only),
    ],
)
def test_architecture_matches_keras(stem: str, assert_same_architecture: Callable[[str], None]) -> None:
    assert_same_architecture(stem)


def test_preprocess_input_matches_keras(assert_preprocess_matches: Callable[[str], None]) -> None:
    assert_preprocess_matches("efficientnet_v2")
    x = np.ones((1, 2, 2, 3), dtype="float32")
    assert applications.efficientnet_v2.preprocess_input(x) is x


def test_keras_weights_load_and_predict_the_same(assert_round_trip: Callable[[str], None]) -> None:
    assert_round_trip("efficientnetv2_b0_rt")


@numpy_only
@pytest.mark.parametrize(
    ("builder", "include_top", "file_name", "file_hash"),
    [
        ("EfficientNetV2B0", False, "efficientnetv2-b0_notop.h5", "893217f2bb855e2983157299931e43ff"),
        ("EfficientNetV2B3", True, "efficientnetv2-b3.h5", "1f1fc43bd98a6e4fd8fdfd551e02c7a0"),
        ("EfficientNetV2S", False, "efficientnetv2-s_notop.h5", "af0682fb74e8c54910f2d4393339c070"),
        ("EfficientNetV2B1", True, "efficientnetv2-b1.h5", "069f0534ff22adf035c89e2d9547a9dc"),
    ],
)
def test_imagenet_weights_are_fetched_with_get_file(
    builder: str, include_top: bool, file_name: str, file_hash: str, fetched_weight_files: list[Any]
) -> None:
    with pytest.raises(OSError, match="URL fetch failure"):
        getattr(applications, builder)(include_top=include_top)
    assert fetched_weight_files == [(file_name, URL + file_name, file_hash)]


def test_argument_errors() -> None:
    with pytest.raises(
        ValueError, match=r"Input size must be at least 32x32; Received: input_shape=\(16, 16, 3\)"
    ):
        applications.EfficientNetV2B0(weights=None, include_top=False, input_shape=(16, 16, 3))
    with pytest.raises(ValueError, match=r"`classes` should be 1000.  Received classes=5"):
        applications.EfficientNetV2S(classes=5)


@numpy_only
def test_preprocessing_layers_follow_the_variant() -> None:
    keras.backend.clear_session()
    b0 = applications.EfficientNetV2B0(weights=None, include_top=False, input_shape=(32, 32, 3), name="tiny")
    assert [type(layer).__name__ for layer in b0.layers[1:3]] == ["Rescaling", "Normalization"]
    assert b0.name == "tiny"
    x = np.full((1, 32, 32, 3), 255.0, dtype="float32")
    rescaled = keras.ops.convert_to_numpy(b0.layers[2](b0.layers[1](x)))
    np.testing.assert_allclose(
        rescaled[0, 0, 0], (1.0 - np.array([0.485, 0.456, 0.406])) / [0.229, 0.224, 0.225], rtol=1e-5
    )
    s = applications.EfficientNetV2S(weights=None, include_top=False, input_shape=(32, 32, 3))
    assert s.layers[1].get_config()["scale"] == 1.0 / 128.0
    assert s.layers[1].get_config()["offset"] == -1
    assert type(s.layers[2]).__name__ == "Conv2D"
