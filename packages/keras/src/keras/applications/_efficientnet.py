"""EfficientNet B0 to B7 builders."""

from __future__ import annotations

import math
from typing import Any

from keras import layers
from keras.applications import _imagenet_utils as utils
from keras.ops._typing import Tensor
from keras.trainers import Model

_PATH = "https://storage.googleapis.com/keras-applications/"
# (with top, without top) md5 hashes of Keras's weight files.
_HASHES = {
    "b0": ("902e53a9f72be733fc0bcb005b3ebbac", "50bc09e76180e00e4465e1a485ddc09d"),
    "b1": ("1d254153d4ab51201f1646940f018540", "74c4e6b3e1f6a1eea24c589628592432"),
    "b2": ("b15cce36ff4dcbd00b6dd88e7857a6ad", "111f8e2ac8aa800a7a99e3239f7bfb39"),
    "b3": ("ffd1fdc53d0ce67064dc6a9c7960ede0", "af6d107764bb5b1abb91932881670226"),
    "b4": ("18c95ad55216b8f92d7e70b3a046e2fc", "ebc24e6d6c33eaebbd558eafbeedf1ba"),
    "b5": ("ace28f2a6363774853a83a0b21b9421a", "38879255a25d3c92d5e44e04ae6cec6f"),
    "b6": ("165f6e37dce68623721b423839de8be5", "9ecce42647a20130c1f39a5d4cb75743"),
    "b7": ("8c03f828fec3ef71311cd463b6759d99", "cbcfe4450ddf6f3ad90b1b398090fe4a"),
}
# Stages of (kernel, repeats, filters_in, filters_out, expand_ratio, strides); se_ratio is 0.25.
_STAGES = (
    (3, 1, 32, 16, 1, 1),
    (3, 2, 16, 24, 6, 2),
    (5, 2, 24, 40, 6, 2),
    (3, 3, 40, 80, 6, 2),
    (5, 3, 80, 112, 6, 1),
    (5, 4, 112, 192, 6, 2),
    (3, 1, 192, 320, 6, 1),
)
CONV_INIT = {
    "class_name": "VarianceScaling",
    "config": {"scale": 2.0, "mode": "fan_out", "distribution": "truncated_normal"},
}
DENSE_INIT = {
    "class_name": "VarianceScaling",
    "config": {"scale": 1.0 / 3.0, "mode": "fan_out", "distribution": "uniform"},
}
IMAGENET_STDDEV_RGB = (0.229, 0.224, 0.225)


def squeeze_excite(x: Tensor, reduced: int, name: str, activation: str = "swish") -> Tensor:
    """Squeeze-and-excite: rescale each channel of `x` by a gate computed from its global mean."""
    axis = utils.channel_axis()
    filters = x.shape[axis]
    se = layers.GlobalAveragePooling2D(name=f"{name}se_squeeze")(x)
    se = layers.Reshape((1, 1, filters) if axis == 3 else (filters, 1, 1), name=f"{name}se_reshape")(se)
    se = layers.Conv2D(
        reduced,
        1,
        padding="same",
        activation=activation,
        kernel_initializer=CONV_INIT,
        name=f"{name}se_reduce",
    )(se)
    se = layers.Conv2D(
        filters,
        1,
        padding="same",
        activation="sigmoid",
        kernel_initializer=CONV_INIT,
        name=f"{name}se_expand",
    )(se)
    return layers.Multiply(name=f"{name}se_excite")([x, se])


def _block(
    inputs: Tensor,
    drop_rate: float,
    name: str,
    filters_in: int,
    filters_out: int,
    kernel: int,
    strides: int,
    expand_ratio: int,
    se_ratio: float = 0.25,
) -> Tensor:
    """A mobile inverted bottleneck (MBConv) with squeeze-and-excite."""
    axis = utils.channel_axis()
    filters = filters_in * expand_ratio
    x = inputs
    if expand_ratio != 1:
        x = layers.Conv2D(
            filters,
            1,
            padding="same",
            use_bias=False,
            kernel_initializer=CONV_INIT,
            name=f"{name}expand_conv",
        )(x)
        x = layers.BatchNormalization(axis=axis, name=f"{name}expand_bn")(x)
        x = layers.Activation("swish", name=f"{name}expand_activation")(x)
    if strides == 2:
        x = layers.ZeroPadding2D(padding=utils.correct_pad(x, kernel), name=f"{name}dwconv_pad")(x)
    x = layers.DepthwiseConv2D(
        kernel,
        strides=strides,
        padding="valid" if strides == 2 else "same",
        use_bias=False,
        depthwise_initializer=CONV_INIT,
        name=f"{name}dwconv",
    )(x)
    x = layers.BatchNormalization(axis=axis, name=f"{name}bn")(x)
    x = layers.Activation("swish", name=f"{name}activation")(x)
    if 0 < se_ratio <= 1:
        x = squeeze_excite(x, max(1, int(filters_in * se_ratio)), name)
    x = layers.Conv2D(
        filters_out,
        1,
        padding="same",
        use_bias=False,
        kernel_initializer=CONV_INIT,
        name=f"{name}project_conv",
    )(x)
    x = layers.BatchNormalization(axis=axis, name=f"{name}project_bn")(x)
    if strides == 1 and filters_in == filters_out:
        if drop_rate > 0:
            x = layers.Dropout(drop_rate, noise_shape=(None, 1, 1, 1), name=f"{name}drop")(x)
        x = layers.Add(name=f"{name}add")([x, inputs])
    return x


def _efficientnet(
    width: float,
    depth: float,
    default_size: int,
    dropout_rate: float,
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
    shape = utils.obtain_input_shape(input_shape, default_size, 32, include_top, weights)
    img_input = utils.image_input(input_tensor, shape)
    axis = utils.channel_axis()

    def filters(n: int) -> int:
        return utils.make_divisible(n * width, 8)

    def repeats(n: int) -> int:
        return math.ceil(depth * n)

    x = layers.Rescaling(1.0 / 255.0)(img_input)
    x = layers.Normalization(axis=axis)(x)
    if weights == "imagenet":
        # Keras's ImageNet weights expect this (sic) extra 1/sqrt(stddev) scaling.
        x = layers.Rescaling([1.0 / math.sqrt(s) for s in IMAGENET_STDDEV_RGB])(x)
    x = layers.ZeroPadding2D(padding=utils.correct_pad(x, 3), name="stem_conv_pad")(x)
    x = layers.Conv2D(
        filters(32),
        3,
        strides=2,
        padding="valid",
        use_bias=False,
        kernel_initializer=CONV_INIT,
        name="stem_conv",
    )(x)
    x = layers.BatchNormalization(axis=axis, name="stem_bn")(x)
    x = layers.Activation("swish", name="stem_activation")(x)
    total = float(sum(repeats(stage[1]) for stage in _STAGES))
    count = 0
    for i, (kernel, n, f_in, f_out, expand, strides) in enumerate(_STAGES):
        f_in, f_out = filters(f_in), filters(f_out)
        for j in range(repeats(n)):
            x = _block(
                x,
                0.2 * count / total,
                f"block{i + 1}{chr(j + 97)}_",
                f_in if j == 0 else f_out,
                f_out,
                kernel,
                strides if j == 0 else 1,
                expand,
            )
            count += 1
    x = layers.Conv2D(
        filters(1280), 1, padding="same", use_bias=False, kernel_initializer=CONV_INIT, name="top_conv"
    )(x)
    x = layers.BatchNormalization(axis=axis, name="top_bn")(x)
    x = layers.Activation("swish", name="top_activation")(x)
    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        if dropout_rate > 0:
            x = layers.Dropout(dropout_rate, name="top_dropout")(x)
        utils.validate_activation(classifier_activation, weights)
        x = layers.Dense(
            classes, activation=classifier_activation, kernel_initializer=DENSE_INIT, name="predictions"
        )(x)
    else:
        x = utils.pool(x, pooling)
    model = utils.functional(img_input, input_tensor, x, name)
    file_name = name + (".h5" if include_top else "_notop.h5")
    return utils.load_weights(
        model, weights, file_name, _PATH + file_name, _HASHES[weights_name][0 if include_top else 1]
    )


_PRE = (
    "The model rescales and normalizes [0, 255] inputs itself; "
    "`keras.applications.efficientnet.preprocess_input` passes inputs through."
)


@utils.document("Build the EfficientNetB0 image classifier (Tan & Le, 2019); default input 224x224.", _PRE)
def EfficientNetB0(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "efficientnetb0",
) -> Model:
    return _efficientnet(
        1.0,
        1.0,
        224,
        0.2,
        "b0",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document("Build the EfficientNetB1 image classifier (Tan & Le, 2019); default input 240x240.", _PRE)
def EfficientNetB1(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "efficientnetb1",
) -> Model:
    return _efficientnet(
        1.0,
        1.1,
        240,
        0.2,
        "b1",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document("Build the EfficientNetB2 image classifier (Tan & Le, 2019); default input 260x260.", _PRE)
def EfficientNetB2(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "efficientnetb2",
) -> Model:
    return _efficientnet(
        1.1,
        1.2,
        260,
        0.3,
        "b2",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document("Build the EfficientNetB3 image classifier (Tan & Le, 2019); default input 300x300.", _PRE)
def EfficientNetB3(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "efficientnetb3",
) -> Model:
    return _efficientnet(
        1.2,
        1.4,
        300,
        0.3,
        "b3",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document("Build the EfficientNetB4 image classifier (Tan & Le, 2019); default input 380x380.", _PRE)
def EfficientNetB4(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "efficientnetb4",
) -> Model:
    return _efficientnet(
        1.4,
        1.8,
        380,
        0.4,
        "b4",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document("Build the EfficientNetB5 image classifier (Tan & Le, 2019); default input 456x456.", _PRE)
def EfficientNetB5(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "efficientnetb5",
) -> Model:
    return _efficientnet(
        1.6,
        2.2,
        456,
        0.4,
        "b5",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document("Build the EfficientNetB6 image classifier (Tan & Le, 2019); default input 528x528.", _PRE)
def EfficientNetB6(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "efficientnetb6",
) -> Model:
    return _efficientnet(
        1.8,
        2.6,
        528,
        0.5,
        "b6",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document("Build the EfficientNetB7 image classifier (Tan & Le, 2019); default input 600x600.", _PRE)
def EfficientNetB7(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "efficientnetb7",
) -> Model:
    return _efficientnet(
        2.0,
        3.1,
        600,
        0.5,
        "b7",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )
