"""MobileNetV3Small and MobileNetV3Large builders."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from keras import backend, layers
from keras.applications import _imagenet_utils as utils
from keras.ops._typing import Tensor
from keras.trainers import Model

_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet_v3/"
# (with top, without top) md5 hashes of Keras's weight files.
_HASHES = {
    "large_224_0.75_float": ("765b44a33ad4005b3ac83185abf1d0eb", "40af19a13ebea4e2ee0c676887f69a2e"),
    "large_224_1.0_float": ("59e551e166be033d707958cf9e29a6a7", "07fb09a5933dd0c8eaafa16978110389"),
    "large_minimalistic_224_1.0_float": (
        "675e7b876c45c57e9e63e6d90a36599c",
        "ec5221f64a2f6d1ef965a614bdae7973",
    ),
    "small_224_0.75_float": ("cb65d4e5be93758266aa0a7f2c6708b7", "ebdb5cc8e0b497cd13a7c275d475c819"),
    "small_224_1.0_float": ("8768d4c2e7dee89b9d02b2d03d65d862", "d3e8ec802a04aa4fc771ee12a9a9b836"),
    "small_minimalistic_224_1.0_float": (
        "99cd97fb2fcdad2bf028eb838de69e37",
        "cde8136e733e811080d9fcd8a252f7e4",
    ),
}
# Rows of (expansion, filters, kernel, stride, squeeze-excite, activation): kernel "k" and
# activation "a" stand for the model's (5 and hard-swish, or 3 and relu when minimalistic);
# squeeze-excite True means the model's ratio (0.25, or none when minimalistic).
_SMALL = (
    (1, 16, 3, 2, True, "relu"),
    (72 / 16, 24, 3, 2, False, "relu"),
    (88 / 24, 24, 3, 1, False, "relu"),
    (4, 40, "k", 2, True, "a"),
    (6, 40, "k", 1, True, "a"),
    (6, 40, "k", 1, True, "a"),
    (3, 48, "k", 1, True, "a"),
    (3, 48, "k", 1, True, "a"),
    (6, 96, "k", 2, True, "a"),
    (6, 96, "k", 1, True, "a"),
    (6, 96, "k", 1, True, "a"),
)
_LARGE = (
    (1, 16, 3, 1, False, "relu"),
    (4, 24, 3, 2, False, "relu"),
    (3, 24, 3, 1, False, "relu"),
    (3, 40, "k", 2, True, "relu"),
    (3, 40, "k", 1, True, "relu"),
    (3, 40, "k", 1, True, "relu"),
    (6, 80, 3, 2, False, "a"),
    (2.5, 80, 3, 1, False, "a"),
    (2.3, 80, 3, 1, False, "a"),
    (2.3, 80, 3, 1, False, "a"),
    (6, 112, 3, 1, True, "a"),
    (6, 112, 3, 1, True, "a"),
    (6, 160, "k", 2, True, "a"),
    (6, 160, "k", 1, True, "a"),
    (6, 160, "k", 1, True, "a"),
)

Activation = Callable[[Tensor], Tensor]


def _relu(x: Tensor) -> Tensor:
    return layers.ReLU()(x)


def _hard_swish(x: Tensor) -> Tensor:
    return layers.Activation("hard_swish")(x)


def _hard_sigmoid(x: Tensor) -> Tensor:
    return layers.ReLU(6.0)(x + 3.0) * (1.0 / 6.0)


def _bn(x: Tensor, name: str) -> Tensor:
    return layers.BatchNormalization(axis=utils.channel_axis(), epsilon=1e-3, momentum=0.999, name=name)(x)


def _squeeze_excite(inputs: Tensor, filters: int, ratio: float, prefix: str) -> Tensor:
    x = layers.GlobalAveragePooling2D(keepdims=True, name=f"{prefix}squeeze_excite_avg_pool")(inputs)
    x = layers.Conv2D(
        utils.make_divisible(filters * ratio),
        kernel_size=1,
        padding="same",
        name=f"{prefix}squeeze_excite_conv",
    )(x)
    x = layers.ReLU(name=f"{prefix}squeeze_excite_relu")(x)
    x = layers.Conv2D(filters, kernel_size=1, padding="same", name=f"{prefix}squeeze_excite_conv_1")(x)
    x = _hard_sigmoid(x)
    return layers.Multiply(name=f"{prefix}squeeze_excite_mul")([inputs, x])


def _inverted_res_block(
    x: Tensor,
    expansion: float,
    filters: int,
    kernel: int,
    stride: int,
    se_ratio: float | None,
    activation: Activation,
    block: int,
) -> Tensor:
    shortcut = x
    in_filters = x.shape[utils.channel_axis()]
    expanded = utils.make_divisible(in_filters * expansion)
    prefix = f"expanded_conv_{block}_" if block else "expanded_conv_"
    if block:
        x = layers.Conv2D(expanded, kernel_size=1, padding="same", use_bias=False, name=f"{prefix}expand")(x)
        x = activation(_bn(x, f"{prefix}expand_bn"))
    if stride == 2:
        x = layers.ZeroPadding2D(padding=utils.correct_pad(x, kernel), name=f"{prefix}depthwise_pad")(x)
    x = layers.DepthwiseConv2D(
        kernel,
        strides=stride,
        padding="same" if stride == 1 else "valid",
        use_bias=False,
        name=f"{prefix}depthwise",
    )(x)
    x = activation(_bn(x, f"{prefix}depthwise_bn"))
    if se_ratio:
        x = _squeeze_excite(x, expanded, se_ratio, prefix)
    x = layers.Conv2D(filters, kernel_size=1, padding="same", use_bias=False, name=f"{prefix}project")(x)
    x = _bn(x, f"{prefix}project_bn")
    if stride == 1 and in_filters == filters:
        x = layers.Add(name=f"{prefix}add")([shortcut, x])
    return x


def _input_shape(input_shape: Any, input_tensor: Any) -> Any:
    channels_last = backend.image_data_format() == "channels_last"
    if input_shape is not None and input_tensor is not None:
        if not backend.is_keras_tensor(input_tensor):
            raise ValueError(f"input_tensor specified: {input_tensor} is not a keras tensor")
        axis = 2 if channels_last else 1
        if input_tensor.shape[axis] != input_shape[1]:
            raise ValueError(
                f"input_shape[1] must equal input_tensor.shape[{axis}].  Received "
                f"input_shape={input_shape}, input_tensor.shape={input_tensor.shape}"
            )
    if input_shape is None and input_tensor is not None and backend.is_keras_tensor(input_tensor):
        if channels_last:
            rows, cols = input_tensor.shape[1], input_tensor.shape[2]
            return (cols, rows, 3)
        rows, cols = input_tensor.shape[2], input_tensor.shape[3]
        return (3, cols, rows)
    if input_shape is None:
        return (None, None, 3) if channels_last else (3, None, None)
    return tuple(input_shape)


def _mobilenet_v3(
    table: tuple[tuple[Any, ...], ...],
    last_point_ch: int,
    model_type: str,
    input_shape: Any,
    alpha: float,
    minimalistic: bool,
    include_top: bool,
    weights: Any,
    input_tensor: Any,
    classes: int,
    pooling: str | None,
    dropout_rate: float,
    classifier_activation: Any,
    include_preprocessing: bool,
    name: str,
) -> Model:
    utils.check_arguments(weights, include_top, classes)
    shape = _input_shape(input_shape, input_tensor)
    rows, cols = (
        (shape[0], shape[1]) if backend.image_data_format() == "channels_last" else (shape[1], shape[2])
    )
    if rows and cols and (rows < 32 or cols < 32):
        raise ValueError(f"Input size must be at least 32x32; Received `input_shape={shape}`")
    if weights == "imagenet":
        if (not minimalistic and alpha not in [0.75, 1.0]) or (minimalistic and alpha != 1.0):
            raise ValueError(
                "If imagenet weights are being loaded, alpha can be one of `0.75`, `1.0` for non "
                "minimalistic or `1.0` for minimalistic only."
            )
        if rows != cols or rows != 224:
            warnings.warn(
                "`input_shape` is undefined or non-square, or `rows` is not 224. Weights for input "
                "shape (224, 224) will be loaded as the default.",
                stacklevel=3,
            )
    img_input = utils.image_input(input_tensor, shape)
    kernel, activation, se_ratio = (3, _relu, None) if minimalistic else (5, _hard_swish, 0.25)
    x = img_input
    if include_preprocessing:
        x = layers.Rescaling(scale=1.0 / 127.5, offset=-1.0)(x)
    x = layers.Conv2D(16, kernel_size=3, strides=(2, 2), padding="same", use_bias=False, name="conv")(x)
    x = activation(_bn(x, "conv_bn"))
    for block, (expansion, filters, k, stride, se, act) in enumerate(table):
        x = _inverted_res_block(
            x,
            expansion,
            utils.make_divisible(filters * alpha),
            kernel if k == "k" else k,
            stride,
            se_ratio if se else None,
            activation if act == "a" else _relu,
            block,
        )
    last_conv_ch = utils.make_divisible(x.shape[utils.channel_axis()] * 6)
    if alpha > 1.0:
        last_point_ch = utils.make_divisible(last_point_ch * alpha)
    x = layers.Conv2D(last_conv_ch, kernel_size=1, padding="same", use_bias=False, name="conv_1")(x)
    x = activation(_bn(x, "conv_1_bn"))
    if include_top:
        x = layers.GlobalAveragePooling2D(keepdims=True)(x)
        x = layers.Conv2D(last_point_ch, kernel_size=1, padding="same", use_bias=True, name="conv_2")(x)
        x = activation(x)
        if dropout_rate > 0:
            x = layers.Dropout(dropout_rate)(x)
        x = layers.Conv2D(classes, kernel_size=1, padding="same", name="logits")(x)
        x = layers.Flatten()(x)
        utils.validate_activation(classifier_activation, weights)
        x = layers.Activation(activation=classifier_activation, name="predictions")(x)
    else:
        x = utils.pool(x, pooling)
    model = utils.functional(img_input, input_tensor, x, name)
    key = f"{model_type}{'_minimalistic' if minimalistic else ''}_224_{alpha}_float"
    if weights != "imagenet":
        return utils.load_weights(model, weights, None, None)
    file_name = f"weights_mobilenet_v3_{key}{'.h5' if include_top else '_no_top_v2.h5'}"
    return utils.load_weights(
        model, weights, file_name, _PATH + file_name, _HASHES[key][0 if include_top else 1]
    )


_PRE = (
    "The model rescales [0, 255] inputs itself (a `Rescaling` layer) unless "
    "`include_preprocessing=False`; `keras.applications.mobilenet_v3.preprocess_input` "
    "passes inputs through."
)
_EXTRA = (
    "        input_shape: The image shape (at least 32x32); by default from `input_tensor`,\n"
    "            else `(None, None, 3)`.\n"
    "        alpha: The width multiplier: scales every layer's number of filters.\n"
    "        minimalistic: Whether to drop squeeze-excite, hard-swish and 5x5 convolutions.\n"
    "        dropout_rate: The dropout rate before the logits.\n"
    "        include_preprocessing: Whether to start with a `Rescaling` to [-1, 1].\n"
)


@utils.document("Build the MobileNetV3Small image classifier (Howard et al., 2019).", _PRE, _EXTRA)
def MobileNetV3Small(  # noqa: N802
    input_shape: Any = None,
    alpha: float = 1.0,
    minimalistic: bool = False,
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    classes: int = 1000,
    pooling: str | None = None,
    dropout_rate: float = 0.2,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "MobileNetV3Small",
) -> Model:
    return _mobilenet_v3(
        _SMALL, 1024, "small", input_shape, alpha, minimalistic, include_top, weights, input_tensor,
        classes, pooling, dropout_rate, classifier_activation, include_preprocessing, name,
    )  # fmt: skip


@utils.document("Build the MobileNetV3Large image classifier (Howard et al., 2019).", _PRE, _EXTRA)
def MobileNetV3Large(  # noqa: N802
    input_shape: Any = None,
    alpha: float = 1.0,
    minimalistic: bool = False,
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    classes: int = 1000,
    pooling: str | None = None,
    dropout_rate: float = 0.2,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "MobileNetV3Large",
) -> Model:
    return _mobilenet_v3(
        _LARGE, 1280, "large", input_shape, alpha, minimalistic, include_top, weights, input_tensor,
        classes, pooling, dropout_rate, classifier_activation, include_preprocessing, name,
    )  # fmt: skip
