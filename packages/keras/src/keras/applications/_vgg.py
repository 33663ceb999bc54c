"""VGG16 and VGG19 builders."""

from __future__ import annotations

from typing import Any

from keras import layers
from keras.applications import _imagenet_utils as utils
from keras.trainers import Model

_BASE = "https://storage.googleapis.com/tensorflow/keras-applications/"
# (with top, without top) md5 hashes of Keras's weight files.
_HASHES = {
    "vgg16": ("64373286793e3c8b2b4e3219cbf3544b", "6d6bbae143d832006294945121d1f1fc"),
    "vgg19": ("cbe5617147190e668d6c5d5026f83318", "253f8cb515780f3b799900260a226db6"),
}


def _vgg(
    convs_per_block: tuple[int, ...],
    weights_name: str,
    include_top: bool,
    weights: Any,
    input_tensor: Any,
    input_shape: Any,
    pooling: str | None,
    classes: int,
    classifier_activation: Any,
    name: str,
) -> Model:
    utils.check_arguments(weights, include_top, classes)
    shape = utils.obtain_input_shape(input_shape, 224, 32, include_top, weights)
    img_input = utils.image_input(input_tensor, shape)
    x = img_input
    for block, (filters, convs) in enumerate(zip((64, 128, 256, 512, 512), convs_per_block, strict=True), 1):
        for i in range(1, convs + 1):
            x = layers.Conv2D(
                filters, (3, 3), activation="relu", padding="same", name=f"block{block}_conv{i}"
            )(x)
        x = layers.MaxPooling2D((2, 2), strides=(2, 2), name=f"block{block}_pool")(x)
    if include_top:
        x = layers.Flatten(name="flatten")(x)
        x = layers.Dense(4096, activation="relu", name="fc1")(x)
        x = layers.Dense(4096, activation="relu", name="fc2")(x)
        utils.validate_activation(classifier_activation, weights)
        x = layers.Dense(classes, activation=classifier_activation, name="predictions")(x)
    else:
        x = utils.pool(x, pooling, None, None)
    model = utils.functional(img_input, input_tensor, x, name)
    suffix, file_hash = (
        ("", _HASHES[weights_name][0]) if include_top else ("_notop", _HASHES[weights_name][1])
    )
    file_name = f"{weights_name}_weights_tf_dim_ordering_tf_kernels{suffix}.h5"
    return utils.load_weights(model, weights, file_name, f"{_BASE}{weights_name}/{file_name}", file_hash)


_PRE = "Call `keras.applications.vgg16.preprocess_input` (caffe mode) on inputs first."


@utils.document("Build the VGG16 image classifier (Simonyan & Zisserman, 2014).", _PRE)
def VGG16(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "vgg16",
) -> Model:
    return _vgg(
        (2, 2, 3, 3, 3),
        "vgg16",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document("Build the VGG19 image classifier (Simonyan & Zisserman, 2014).", _PRE)
def VGG19(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "vgg19",
) -> Model:
    return _vgg(
        (2, 2, 4, 4, 4),
        "vgg19",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )
