"""EfficientNetV2 B0 to B3, S, M and L builders (MBConv and fused-MBConv stages)."""

from __future__ import annotations

import math
from typing import Any

from keras import initializers, layers
from keras.applications import _imagenet_utils as utils
from keras.applications._efficientnet import CONV_INIT, DENSE_INIT, squeeze_excite
from keras.ops._typing import Tensor
from keras.trainers import Model

_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/efficientnet_v2/"
# (with top, without top) md5 hashes of Keras's weight files.
_HASHES = {
    "b0": ("21ecbf6da12460d5c40bb2f29ceb2188", "893217f2bb855e2983157299931e43ff"),
    "b1": ("069f0534ff22adf035c89e2d9547a9dc", "0e80663031ca32d657f9caa404b6ec37"),
    "b2": ("424e49f28180edbde1e94797771950a7", "1dfe2e7a5d45b6632553a8961ea609eb"),
    "b3": ("1f1fc43bd98a6e4fd8fdfd551e02c7a0", "f6abf7b5849ac99a89b50dd3fd532856"),
    "s": ("e1d88a8495beba45748fedd0cecbe016", "af0682fb74e8c54910f2d4393339c070"),
    "m": ("a3bf6aa3276309f4fc6a34aa114c95cd", "1b8dc055df72dde80d614482840fe342"),
    "l": ("27e6d408b53c7ebc868fefa357689935", "b0b66b5c863aef5b46e8608fe1711615"),
}
# Stages of (fused, kernel, repeats, filters_in, filters_out, expand_ratio, se_ratio, strides).
Stage = tuple[bool, int, int, int, int, int, float, int]
_STAGES_B: tuple[Stage, ...] = (
    (True, 3, 1, 32, 16, 1, 0.0, 1),
    (True, 3, 2, 16, 32, 4, 0.0, 2),
    (True, 3, 2, 32, 48, 4, 0.0, 2),
    (False, 3, 3, 48, 96, 4, 0.25, 2),
    (False, 3, 5, 96, 112, 6, 0.25, 1),
    (False, 3, 8, 112, 192, 6, 0.25, 2),
)
_STAGES: dict[str, tuple[Stage, ...]] = {
    "b0": _STAGES_B,
    "b1": _STAGES_B,
    "b2": _STAGES_B,
    "b3": _STAGES_B,
    "s": (
        (True, 3, 2, 24, 24, 1, 0.0, 1),
        (True, 3, 4, 24, 48, 4, 0.0, 2),
        (True, 3, 4, 48, 64, 4, 0.0, 2),
        (False, 3, 6, 64, 128, 4, 0.25, 2),
        (False, 3, 9, 128, 160, 6, 0.25, 1),
        (False, 3, 15, 160, 256, 6, 0.25, 2),
    ),
    "m": (
        (True, 3, 3, 24, 24, 1, 0.0, 1),
        (True, 3, 5, 24, 48, 4, 0.0, 2),
        (True, 3, 5, 48, 80, 4, 0.0, 2),
        (False, 3, 7, 80, 160, 4, 0.25, 2),
        (False, 3, 14, 160, 176, 6, 0.25, 1),
        (False, 3, 18, 176, 304, 6, 0.25, 2),
        (False, 3, 5, 304, 512, 6, 0.25, 1),
    ),
    "l": (
        (True, 3, 4, 32, 32, 1, 0.0, 1),
        (True, 3, 7, 32, 64, 4, 0.0, 2),
        (True, 3, 7, 64, 96, 4, 0.0, 2),
        (False, 3, 10, 96, 192, 4, 0.25, 2),
        (False, 3, 19, 192, 224, 6, 0.25, 1),
        (False, 3, 25, 224, 384, 6, 0.25, 2),
        (False, 3, 7, 384, 640, 6, 0.25, 1),
    ),
}
_MOMENTUM = 0.9
_IMAGENET_MEAN = (0.485, 0.456, 0.406)
_IMAGENET_STD = (0.229, 0.224, 0.225)


def _round_filters(filters: int, width: float, divisor: int = 8) -> int:
    """Scale a channel count by `width` and round it to the nearest multiple of `divisor`."""
    return max(divisor, int(filters * width + divisor / 2) // divisor * divisor)


def _conv(x: Tensor, filters: int, kernel: int, strides: int, name: str) -> Tensor:
    return layers.Conv2D(
        filters,
        kernel,
        strides=strides,
        padding="same",
        use_bias=False,
        kernel_initializer=CONV_INIT,
        name=name,
    )(x)


def _bn_act(x: Tensor, name: str, act_name: str | None) -> Tensor:
    x = layers.BatchNormalization(axis=utils.channel_axis(), momentum=_MOMENTUM, name=name)(x)
    return x if act_name is None else layers.Activation("swish", name=act_name)(x)


def _block(
    inputs: Tensor, stage: Stage, filters_in: int, filters_out: int, strides: int, drop_rate: float, name: str
) -> Tensor:
    """An MBConv block, or a fused-MBConv block (one full convolution instead of 1x1 + depthwise)."""
    fused, kernel, _, _, _, expand_ratio, se_ratio, _ = stage
    filters = filters_in * expand_ratio
    x = inputs
    if expand_ratio != 1:
        x = _conv(x, filters, kernel if fused else 1, strides if fused else 1, f"{name}expand_conv")
        x = _bn_act(x, f"{name}expand_bn", f"{name}expand_activation")
    if not fused:
        x = layers.DepthwiseConv2D(
            kernel,
            strides=strides,
            padding="same",
            use_bias=False,
            depthwise_initializer=CONV_INIT,
            name=f"{name}dwconv2",
        )(x)
        x = _bn_act(x, f"{name}bn", f"{name}activation")
    if 0 < se_ratio <= 1:
        x = squeeze_excite(x, max(1, int(filters_in * se_ratio)), name)
    # A fused block without expansion does its whole convolution in the projection.
    whole = fused and expand_ratio == 1
    x = _conv(x, filters_out, kernel if whole else 1, strides if whole else 1, f"{name}project_conv")
    x = _bn_act(x, f"{name}project_bn", f"{name}project_activation" if whole else None)
    if strides == 1 and filters_in == filters_out:
        if drop_rate:
            x = layers.Dropout(drop_rate, noise_shape=(None, 1, 1, 1), name=f"{name}drop")(x)
        x = layers.Add(name=f"{name}add")([x, inputs])
    return x


def _efficientnet_v2(
    variant: str,
    width: float,
    depth: float,
    default_size: int,
    include_top: bool,
    weights: Any,
    input_tensor: Any,
    input_shape: Any,
    pooling: str | None,
    classes: int,
    classifier_activation: Any,
    include_preprocessing: bool,
    name: str,
) -> Model:
    utils.check_arguments(weights, include_top, classes)
    shape = utils.obtain_input_shape(input_shape, default_size, 32, include_top, weights)
    img_input = utils.image_input(input_tensor, shape)
    axis = utils.channel_axis()
    x = img_input
    if include_preprocessing:
        if variant.startswith("b") and shape[axis - 1] == 3:
            x = layers.Rescaling(scale=1.0 / 255)(x)
            x = layers.Normalization(
                mean=list(_IMAGENET_MEAN), variance=[s**2 for s in _IMAGENET_STD], axis=axis
            )(x)
        else:
            x = layers.Rescaling(scale=1.0 / 128.0, offset=-1)(x)
    stages = _STAGES[variant]
    x = _conv(x, _round_filters(stages[0][3], width), 3, 2, "stem_conv")
    x = _bn_act(x, "stem_bn", "stem_activation")
    total = float(sum(stage[2] for stage in stages))
    count = 0
    for i, stage in enumerate(stages):
        filters_in, filters_out = _round_filters(stage[3], width), _round_filters(stage[4], width)
        for j in range(math.ceil(depth * stage[2])):
            x = _block(
                x,
                stage,
                filters_in if j == 0 else filters_out,
                filters_out,
                stage[7] if j == 0 else 1,
                0.2 * count / total,
                f"block{i + 1}{chr(j + 97)}_",
            )
            count += 1
    x = _conv(x, _round_filters(1280, width), 1, 1, "top_conv")
    x = _bn_act(x, "top_bn", "top_activation")
    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        x = layers.Dropout(0.2, name="top_dropout")(x)
        utils.validate_activation(classifier_activation, weights)
        x = layers.Dense(
            classes,
            activation=classifier_activation,
            kernel_initializer=DENSE_INIT,
            bias_initializer=initializers.Constant(0.0),
            name="predictions",
        )(x)
    else:
        x = utils.pool(x, pooling)
    model = utils.functional(img_input, input_tensor, x, name)
    file_name = f"efficientnetv2-{variant}" + (".h5" if include_top else "_notop.h5")
    file_hash = _HASHES[variant][0 if include_top else 1]
    return utils.load_weights(model, weights, file_name, _PATH + file_name, file_hash)


_PRE = (
    "The model rescales [0, 255] inputs itself unless `include_preprocessing=False` (then it "
    "expects [-1, 1]); `keras.applications.efficientnet_v2.preprocess_input` passes inputs through."
)
_EXTRA = "        include_preprocessing: Whether to start with the input rescaling (and normalization).\n"


@utils.document(
    "Build the EfficientNetV2B0 image classifier (Tan & Le, 2021); default input 224x224.", _PRE, _EXTRA
)
def EfficientNetV2B0(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "efficientnetv2-b0",
) -> Model:
    return _efficientnet_v2(
        "b0",
        1.0,
        1.0,
        224,
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        include_preprocessing,
        name,
    )


@utils.document(
    "Build the EfficientNetV2B1 image classifier (Tan & Le, 2021); default input 240x240.", _PRE, _EXTRA
)
def EfficientNetV2B1(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "efficientnetv2-b1",
) -> Model:
    return _efficientnet_v2(
        "b1",
        1.0,
        1.1,
        240,
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        include_preprocessing,
        name,
    )


@utils.document(
    "Build the EfficientNetV2B2 image classifier (Tan & Le, 2021); default input 260x260.", _PRE, _EXTRA
)
def EfficientNetV2B2(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "efficientnetv2-b2",
) -> Model:
    return _efficientnet_v2(
        "b2",
        1.1,
        1.2,
        260,
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        include_preprocessing,
        name,
    )


@utils.document(
    "Build the EfficientNetV2B3 image classifier (Tan & Le, 2021); default input 300x300.", _PRE, _EXTRA
)
def EfficientNetV2B3(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "efficientnetv2-b3",
) -> Model:
    return _efficientnet_v2(
        "b3",
        1.2,
        1.4,
        300,
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        include_preprocessing,
        name,
    )


@utils.document(
    "Build the EfficientNetV2S image classifier (Tan & Le, 2021); default input 384x384.", _PRE, _EXTRA
)
def EfficientNetV2S(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "efficientnetv2-s",
) -> Model:
    return _efficientnet_v2(
        "s",
        1.0,
        1.0,
        384,
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        include_preprocessing,
        name,
    )


@utils.document(
    "Build the EfficientNetV2M image classifier (Tan & Le, 2021); default input 480x480.", _PRE, _EXTRA
)
def EfficientNetV2M(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "efficientnetv2-m",
) -> Model:
    return _efficientnet_v2(
        "m",
        1.0,
        1.0,
        480,
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        include_preprocessing,
        name,
    )


@utils.document(
    "Build the EfficientNetV2L image classifier (Tan & Le, 2021); default input 480x480.", _PRE, _EXTRA
)
def EfficientNetV2L(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "efficientnetv2-l",
) -> Model:
    return _efficientnet_v2(
        "l",
        1.0,
        1.0,
        480,
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        include_preprocessing,
        name,
    )
