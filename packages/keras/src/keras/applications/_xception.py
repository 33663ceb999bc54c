"""Xception builder."""

from __future__ import annotations

from typing import Any

from keras import layers
from keras.applications import _imagenet_utils as utils
from keras.ops._typing import Tensor
from keras.trainers import Model

_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/xception/"
_HASHES = ("0a58e3b7378bc2990ea3b43d5981f1f6", "b0042744bf5b25fce3cb969f33bebb97")


def _bn(x: Tensor, name: str | None = None) -> Tensor:
    return layers.BatchNormalization(axis=utils.channel_axis(), name=name)(x)


def _sepconv(x: Tensor, filters: int, name: str, relu_first: bool = True) -> Tensor:
    """[relu ->] separable conv -> batch norm, named `{name}_act`, `{name}`, `{name}_bn`."""
    if relu_first:
        x = layers.Activation("relu", name=f"{name}_act")(x)
    x = layers.SeparableConv2D(filters, (3, 3), padding="same", use_bias=False, name=name)(x)
    return _bn(x, f"{name}_bn")


def _down_block(x: Tensor, filters: tuple[int, int], block: int) -> Tensor:
    """Two separable convolutions and a strided max pool, plus a strided 1x1 shortcut."""
    residual = layers.Conv2D(filters[1], (1, 1), strides=(2, 2), padding="same", use_bias=False)(x)
    residual = _bn(residual)
    if block == 2:
        x = layers.SeparableConv2D(
            filters[0], (3, 3), padding="same", use_bias=False, name="block2_sepconv1"
        )(x)
        x = _bn(x, "block2_sepconv1_bn")
    else:
        x = _sepconv(x, filters[0], f"block{block}_sepconv1")
    x = _sepconv(x, filters[1], f"block{block}_sepconv2")
    x = layers.MaxPooling2D((3, 3), strides=(2, 2), padding="same", name=f"block{block}_pool")(x)
    return layers.Add()([x, residual])


@utils.document(
    "Build the Xception image classifier (Chollet, 2017).",
    "Call `keras.applications.xception.preprocess_input` (scales to [-1, 1]) on inputs first; "
    "the default input size is 299x299 (at least 71x71).",
)
def Xception(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "xception",
) -> Model:
    utils.check_arguments(weights, include_top, classes)
    shape = utils.obtain_input_shape(input_shape, 299, 71, include_top, weights)
    img_input = utils.image_input(input_tensor, shape)
    x = layers.Conv2D(32, (3, 3), strides=(2, 2), use_bias=False, name="block1_conv1")(img_input)
    x = layers.Activation("relu", name="block1_conv1_act")(_bn(x, "block1_conv1_bn"))
    x = layers.Conv2D(64, (3, 3), use_bias=False, name="block1_conv2")(x)
    x = layers.Activation("relu", name="block1_conv2_act")(_bn(x, "block1_conv2_bn"))
    x = _down_block(x, (128, 128), 2)
    x = _down_block(x, (256, 256), 3)
    x = _down_block(x, (728, 728), 4)
    for block in range(5, 13):
        residual = x
        for i in (1, 2, 3):
            x = _sepconv(x, 728, f"block{block}_sepconv{i}")
        x = layers.Add()([x, residual])
    x = _down_block(x, (728, 1024), 13)
    x = _sepconv(x, 1536, "block14_sepconv1", relu_first=False)
    x = layers.Activation("relu", name="block14_sepconv1_act")(x)
    x = _sepconv(x, 2048, "block14_sepconv2", relu_first=False)
    x = layers.Activation("relu", name="block14_sepconv2_act")(x)
    if include_top:
        x = utils.classifier(x, classes, classifier_activation, weights)
    else:
        x = utils.pool(x, pooling, None, None)
    model = utils.functional(img_input, input_tensor, x, name)
    suffix, file_hash = ("", _HASHES[0]) if include_top else ("_notop", _HASHES[1])
    file_name = f"xception_weights_tf_dim_ordering_tf_kernels{suffix}.h5"
    return utils.load_weights(model, weights, file_name, _PATH + file_name, file_hash)
