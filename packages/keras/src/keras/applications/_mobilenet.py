"""MobileNet (v1) and MobileNetV2 builders."""

from __future__ import annotations

import warnings
from typing import Any

from keras import backend, layers
from keras.applications import _imagenet_utils as utils
from keras.ops._typing import Tensor
from keras.trainers import Model

_V1_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet/"
_V2_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet_v2/"
# (filters, stride) of MobileNet's 13 depthwise-separable blocks.
_V1_BLOCKS = (
    ((64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2)) + ((512, 1),) * 5 + ((1024, 2), (1024, 1))
)
# (filters, stride, expansion) of MobileNetV2's 17 inverted residual blocks.
_V2_BLOCKS = (
    (16, 1, 1),
    (24, 2, 6),
    (24, 1, 6),
    (32, 2, 6),
    (32, 1, 6),
    (32, 1, 6),
    (64, 2, 6),
    (64, 1, 6),
    (64, 1, 6),
    (64, 1, 6),
    (96, 1, 6),
    (96, 1, 6),
    (96, 1, 6),
    (160, 2, 6),
    (160, 1, 6),
    (160, 1, 6),
    (320, 1, 6),
)


def _spatial(shape: Any) -> tuple[Any, Any]:
    """(rows, cols) of an image shape without batch axis."""
    return (shape[0], shape[1]) if backend.image_data_format() == "channels_last" else (shape[1], shape[2])


def _default_size(input_shape: Any, input_tensor: Any, sizes: tuple[int, ...]) -> int:
    """The input size to assume: the given square size when it is one of `sizes`, else 224."""
    if input_shape is not None:
        rows, cols = _spatial(input_shape)
    elif input_tensor is not None and backend.is_keras_tensor(input_tensor):
        rows, cols = _spatial(input_tensor.shape[1:])
    else:
        return 224
    return rows if rows == cols and rows in sizes else 224


def _imagenet_rows(rows: Any, cols: Any, sizes: tuple[int, ...]) -> Any:
    if rows != cols or rows not in sizes:
        warnings.warn(
            f"`input_shape` is undefined or non-square, or `rows` is not in {list(sizes)}. Weights for "
            "input shape (224, 224) will be loaded as the default.",
            stacklevel=3,
        )
        return 224
    return rows


def _relu6_bn(x: Tensor, name: str, bn_name: str, v2: bool) -> Tensor:
    kwargs: dict[str, Any] = {"epsilon": 1e-3, "momentum": 0.999} if v2 else {}
    x = layers.BatchNormalization(axis=utils.channel_axis(), name=bn_name, **kwargs)(x)
    return layers.ReLU(6.0, name=name)(x)


def _separable_block(x: Tensor, filters: int, depth_multiplier: int, stride: int, block: int) -> Tensor:
    if stride != 1:
        x = layers.ZeroPadding2D(((0, 1), (0, 1)), name=f"conv_pad_{block}")(x)
    x = layers.DepthwiseConv2D(
        (3, 3),
        padding="same" if stride == 1 else "valid",
        depth_multiplier=depth_multiplier,
        strides=(stride, stride),
        use_bias=False,
        name=f"conv_dw_{block}",
    )(x)
    x = _relu6_bn(x, f"conv_dw_{block}_relu", f"conv_dw_{block}_bn", False)
    x = layers.Conv2D(
        filters, (1, 1), padding="same", use_bias=False, strides=(1, 1), name=f"conv_pw_{block}"
    )(x)
    return _relu6_bn(x, f"conv_pw_{block}_relu", f"conv_pw_{block}_bn", False)


@utils.document(
    "Build the MobileNet (v1) image classifier (Howard et al., 2017).",
    "Call `keras.applications.mobilenet.preprocess_input` (scales to [-1, 1]) on inputs first.",
    "        input_shape: The image shape (at least 32x32), e.g. `(224, 224, 3)`.\n"
    "        alpha: The width multiplier: scales every layer's number of filters.\n"
    "        depth_multiplier: The depthwise convolutions' depth multiplier.\n"
    "        dropout: The dropout rate before the classifier.\n",
)
def MobileNet(  # noqa: N802
    input_shape: Any = None,
    alpha: float = 1.0,
    depth_multiplier: int = 1,
    dropout: float = 0.001,
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str | None = None,
) -> Model:
    utils.check_arguments(weights, include_top, classes)
    sizes = (128, 160, 192, 224)
    default = _default_size(input_shape, None, sizes)
    shape = utils.obtain_input_shape(input_shape, default, 32, include_top, weights)
    rows, cols = _spatial(shape)
    if weights == "imagenet":
        if depth_multiplier != 1:
            raise ValueError(
                "If imagenet weights are being loaded, depth multiplier must be 1.  "
                f"Received depth_multiplier={depth_multiplier}"
            )
        if alpha not in [0.25, 0.5, 0.75, 1.0]:
            raise ValueError(
                "If imagenet weights are being loaded, alpha can be one of`0.25`, `0.50`, `0.75` "
                f"or `1.0` only.  Received alpha={alpha}"
            )
        rows = _imagenet_rows(rows, cols, sizes)
    img_input = utils.image_input(input_tensor, shape)
    x = layers.Conv2D(int(32 * alpha), (3, 3), padding="same", use_bias=False, strides=(2, 2), name="conv1")(
        img_input
    )
    x = _relu6_bn(x, "conv1_relu", "conv1_bn", False)
    for block, (filters, stride) in enumerate(_V1_BLOCKS, 1):
        x = _separable_block(x, int(filters * alpha), depth_multiplier, stride, block)
    if include_top:
        x = layers.GlobalAveragePooling2D(keepdims=True)(x)
        x = layers.Dropout(dropout, name="dropout")(x)
        x = layers.Conv2D(classes, (1, 1), padding="same", name="conv_preds")(x)
        x = layers.Reshape((classes,), name="reshape_2")(x)
        utils.validate_activation(classifier_activation, weights)
        x = layers.Activation(activation=classifier_activation, name="predictions")(x)
    else:
        x = utils.pool(x, pooling, None, None)
    model = utils.functional(img_input, input_tensor, x, name or f"mobilenet_{alpha:0.2f}_{rows}")
    alpha_text = {1.0: "1_0", 0.75: "7_5", 0.5: "5_0"}.get(alpha, "2_5")
    file_name = f"mobilenet_{alpha_text}_{rows}_tf{'' if include_top else '_no_top'}.h5"
    return utils.load_weights(model, weights, file_name, _V1_PATH + file_name)


def _inverted_res_block(
    inputs: Tensor, expansion: int, stride: int, alpha: float, filters: int, block: int
) -> Tensor:
    in_channels = inputs.shape[utils.channel_axis()]
    out_channels = utils.make_divisible(int(filters * alpha), 8)
    x = inputs
    prefix = f"block_{block}_" if block else "expanded_conv_"
    if block:
        x = layers.Conv2D(
            expansion * in_channels, kernel_size=1, padding="same", use_bias=False, name=f"{prefix}expand"
        )(x)
        x = _relu6_bn(x, f"{prefix}expand_relu", f"{prefix}expand_BN", True)
    if stride == 2:
        x = layers.ZeroPadding2D(padding=utils.correct_pad(x, 3), name=f"{prefix}pad")(x)
    x = layers.DepthwiseConv2D(
        kernel_size=3,
        strides=stride,
        use_bias=False,
        padding="same" if stride == 1 else "valid",
        name=f"{prefix}depthwise",
    )(x)
    x = _relu6_bn(x, f"{prefix}depthwise_relu", f"{prefix}depthwise_BN", True)
    x = layers.Conv2D(out_channels, kernel_size=1, padding="same", use_bias=False, name=f"{prefix}project")(x)
    x = layers.BatchNormalization(
        axis=utils.channel_axis(), epsilon=1e-3, momentum=0.999, name=f"{prefix}project_BN"
    )(x)
    if in_channels == out_channels and stride == 1:
        return layers.Add(name=f"{prefix}add")([inputs, x])
    return x


@utils.document(
    "Build the MobileNetV2 image classifier (Sandler et al., 2018).",
    "Call `keras.applications.mobilenet_v2.preprocess_input` (scales to [-1, 1]) on inputs first.",
    "        input_shape: The image shape (at least 32x32), e.g. `(224, 224, 3)`.\n"
    "        alpha: The width multiplier: scales every layer's number of filters.\n",
)
def MobileNetV2(  # noqa: N802
    input_shape: Any = None,
    alpha: float = 1.0,
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str | None = None,
) -> Model:
    utils.check_arguments(weights, include_top, classes)
    sizes = (96, 128, 160, 192, 224)
    default = _default_size(input_shape, input_tensor, sizes)
    shape = utils.obtain_input_shape(input_shape, default, 32, include_top, weights)
    rows, cols = _spatial(shape)
    if weights == "imagenet":
        if alpha not in [0.35, 0.5, 0.75, 1.0, 1.3, 1.4]:
            raise ValueError(
                "If imagenet weights are being loaded, alpha must be one of `0.35`, `0.50`, `0.75`, "
                f"`1.0`, `1.3` or `1.4` only; Received `alpha={alpha}`"
            )
        rows = _imagenet_rows(rows, cols, sizes)
    img_input = utils.image_input(input_tensor, shape)
    x = layers.Conv2D(
        utils.make_divisible(32 * alpha, 8),
        kernel_size=3,
        strides=(2, 2),
        padding="same",
        use_bias=False,
        name="Conv1",
    )(img_input)
    x = _relu6_bn(x, "Conv1_relu", "bn_Conv1", True)
    for block, (filters, stride, expansion) in enumerate(_V2_BLOCKS):
        x = _inverted_res_block(x, expansion, stride, alpha, filters, block)
    last = utils.make_divisible(1280 * alpha, 8) if alpha > 1.0 else 1280
    x = layers.Conv2D(last, kernel_size=1, use_bias=False, name="Conv_1")(x)
    x = _relu6_bn(x, "out_relu", "Conv_1_bn", True)
    if include_top:
        x = utils.classifier(x, classes, classifier_activation, weights, None)
    else:
        x = utils.pool(x, pooling, None, None)
    model = utils.functional(img_input, input_tensor, x, name or f"mobilenetv2_{alpha:0.2f}_{rows}")
    file_name = f"mobilenet_v2_weights_tf_dim_ordering_tf_kernels_{float(alpha)}_{rows}{'' if include_top else '_no_top'}.h5"
    return utils.load_weights(model, weights, file_name, _V2_PATH + file_name)
