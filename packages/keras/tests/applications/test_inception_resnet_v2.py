"""InceptionResNetV2 against Keras 3.15: architecture, preprocessing, weights, its scale layer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import keras
from keras import applications
from keras.applications._inception import CustomScaleLayer

numpy_only = pytest.mark.skipif(
    keras.backend.backend() != "numpy",
    reason="backend-independent; on jax each new weight shape compiles its initializer (slow)",
)
URL = "https://storage.googleapis.com/tensorflow/keras-applications/inception_resnet_v2/"


@pytest.mark.parametrize(
    "stem", [pytest.param("inception_resnet_v2", marks=numpy_only), "inception_resnet_v2_notop_75_avg"]
)
def test_architecture_matches_keras(stem: str, assert_same_architecture: Callable[[str], None]) -> None:
    assert_same_architecture(stem)


def test_preprocess_input_matches_keras(assert_preprocess_matches: Callable[[str], None]) -> None:
    assert_preprocess_matches("inception_resnet_v2")


def test_keras_weights_load_and_predict_the_same(assert_round_trip: Callable[[str], None]) -> None:
    assert_round_trip("inception_resnet_v2_rt")


def test_custom_scale_layer_adds_the_scaled_residual() -> None:
    layer = CustomScaleLayer(0.17, name="scale")
    shortcut = np.array([[1.0, -2.0, 3.0]], dtype="float32")
    residual = np.array([[10.0, 20.0, -30.0]], dtype="float32")
    out = keras.ops.convert_to_numpy(layer([shortcut, residual]))
    np.testing.assert_allclose(out, [[2.7, 1.4, -2.1]], rtol=1e-6, atol=1e-6)
    config = layer.get_config()
    assert config["scale"] == 0.17
    assert CustomScaleLayer.from_config(config).get_config() == config


@numpy_only
@pytest.mark.parametrize(
    ("include_top", "file_name", "file_hash"),
    [
        (
            True,
            "inception_resnet_v2_weights_tf_dim_ordering_tf_kernels.h5",
            "e693bd0210a403b3192acc6073ad2e96",
        ),
        (
            False,
            "inception_resnet_v2_weights_tf_dim_ordering_tf_kernels_notop.h5",
            "d19885ff4a710c122648d3b5c3b684e4",
        ),
    ],
)
def test_imagenet_weights_are_fetched_with_get_file(
    include_top: bool, file_name: str, file_hash: str, fetched_weight_files: list[Any]
) -> None:
    with pytest.raises(OSError, match="URL fetch failure"):
        applications.InceptionResNetV2(include_top=include_top)
    assert fetched_weight_files == [(file_name, URL + file_name, file_hash)]


def test_argument_errors() -> None:
    with pytest.raises(
        ValueError, match=r"Input size must be at least 75x75; Received: input_shape=\(64, 64, 3\)"
    ):
        applications.InceptionResNetV2(weights=None, include_top=False, input_shape=(64, 64, 3))
    with pytest.raises(ValueError, match=r"`classes` should be 1000.  Received classes=10"):
        applications.InceptionResNetV2(classes=10)
    with pytest.raises(ValueError, match=r"Only `None` and `softmax` activations are allowed"):
        applications.InceptionResNetV2(weights="imagenet", classifier_activation="relu")


def test_custom_scale_layer_config_is_keras3s_and_round_trips() -> None:
    # Keras 3 files name this layer by its internal module; ours must read and write that.
    from keras.applications._inception import CustomScaleLayer
    from keras.saving import deserialize_keras_object, serialize_keras_object

    config = serialize_keras_object(CustomScaleLayer(scale=0.17, name="s"))
    assert config["module"] == "keras.src.applications.inception_resnet_v2"
    assert config["registered_name"] == "CustomScaleLayer"
    assert config["config"]["scale"] == 0.17
    restored = deserialize_keras_object(config)
    assert isinstance(restored, CustomScaleLayer) and restored.scale == 0.17
