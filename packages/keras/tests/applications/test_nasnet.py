"""NASNetMobile and NASNetLarge against Keras 3.15: architecture, preprocessing, weights, errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

import keras
from keras import applications

numpy_only = pytest.mark.skipif(
    keras.backend.backend() != "numpy",
    reason="backend-independent; on jax each new weight shape compiles its initializer (slow)",
)
URL = "https://storage.googleapis.com/tensorflow/keras-applications/nasnet/"


@pytest.mark.parametrize(
    "stem",
    [
        pytest.param("nasnet_mobile", marks=numpy_only),
        pytest.param("nasnet_mobile_notop_max", marks=numpy_only),
        "nasnet_mobile_notop_64",
        pytest.param("nasnet_large", marks=numpy_only),
    ],
)
def test_architecture_matches_keras(stem: str, assert_same_architecture: Callable[[str], None]) -> None:
    assert_same_architecture(stem)


def test_preprocess_input_matches_keras(assert_preprocess_matches: Callable[[str], None]) -> None:
    assert_preprocess_matches("nasnet")


def test_keras_weights_load_and_predict_the_same(assert_round_trip: Callable[[str], None]) -> None:
    assert_round_trip("nasnet_mobile_rt")


@numpy_only
@pytest.mark.parametrize(
    ("builder", "include_top", "file_name", "url_name", "file_hash"),
    [
        ("NASNetMobile", True, "nasnet_mobile.h5", "NASNet-mobile.h5", "020fb642bf7360b370c678b08e0adf61"),
        (
            "NASNetMobile",
            False,
            "nasnet_mobile_no_top.h5",
            "NASNet-mobile-no-top.h5",
            "1ed92395b5b598bdda52abe5c0dbfd63",
        ),
        ("NASNetLarge", True, "nasnet_large.h5", "NASNet-large.h5", "11577c9a518f0070763c2b964a382f17"),
        (
            "NASNetLarge",
            False,
            "nasnet_large_no_top.h5",
            "NASNet-large-no-top.h5",
            "d81d89dc07e6e56530c4e77faddd61b5",
        ),
    ],
)
def test_imagenet_weights_are_fetched_with_get_file(
    builder: str,
    include_top: bool,
    file_name: str,
    url_name: str,
    file_hash: str,
    fetched_weight_files: list[Any],
) -> None:
    with pytest.raises(OSError, match="URL fetch failure"):
        getattr(applications, builder)(include_top=include_top)
    assert fetched_weight_files == [(file_name, URL + url_name, file_hash)]


@pytest.fixture
def channels_first() -> Iterator[None]:
    previous = keras.config.image_data_format()
    keras.config.set_image_data_format("channels_first")
    yield
    keras.config.set_image_data_format(previous)


@pytest.mark.usefixtures("channels_first")
def test_channels_first_is_refused() -> None:
    with pytest.raises(ValueError, match=r"NASNet does not support the `channels_first` image data format"):
        applications.NASNetMobile(weights=None)


def test_argument_errors() -> None:
    with pytest.raises(
        ValueError, match=r"the input_shape argument must be static .* `input_shape=\(None, 64, 3\)`"
    ):
        applications.NASNetLarge(include_top=False, input_shape=(None, 64, 3))
    with pytest.raises(
        ValueError, match=r"Input size must be at least 32x32; Received: input_shape=\(16, 16, 3\)"
    ):
        applications.NASNetMobile(weights=None, include_top=False, input_shape=(16, 16, 3))
    with pytest.raises(ValueError, match=r"`input_shape` should be \(224, 224, 3\)"):
        applications.NASNetMobile(input_shape=(64, 64, 3))


@numpy_only
def test_mobile_without_top_defaults_to_224() -> None:
    keras.backend.clear_session()
    model = applications.NASNetMobile(weights=None, include_top=False, pooling="avg", name="features")
    assert tuple(model.input.shape) == (None, 224, 224, 3)
    assert tuple(model.output.shape) == (None, 1056)
    assert model.name == "features"
