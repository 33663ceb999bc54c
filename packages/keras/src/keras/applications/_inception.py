"""InceptionV3 and InceptionResNetV2 builders, and the residual `CustomScaleLayer`."""

from __future__ import annotations

from typing import Any

from keras import layers, ops
from keras.applications import _imagenet_utils as utils
from keras.layers import Layer
from keras.ops._typing import Tensor
from keras.trainers import Model

_V3_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/inception_v3/"
_V3_HASHES = ("9a0d58056eeedaa3f26cb7ebd46da564", "bcbd6486424b2319ff4ef7d526e38f63")


def _conv_bn(
    x: Tensor,
    filters: int,
    rows: int,
    cols: int,
    padding: str = "same",
    strides: int = 1,
    *,
    name: str | None = None,
    activation: str | None = "relu",
    use_bias: bool = False,
) -> Tensor:
    """Convolution, then batch norm (no scale) unless it has a bias, then the activation.

    Without `name` every layer is auto-named, as in Keras; with it the layers are `name`,
    `name_bn` and `name_ac`.
    """
    x = layers.Conv2D(
        filters, (rows, cols), strides=(strides, strides), padding=padding, use_bias=use_bias, name=name
    )(x)
    if not use_bias:
        bn_name = None if name is None else f"{name}_bn"
        x = layers.BatchNormalization(axis=utils.channel_axis(), scale=False, name=bn_name)(x)
    if activation is None:
        return x
    return layers.Activation(activation, name=None if name is None else f"{name}_ac")(x)


def _avg_branch(x: Tensor, filters: int) -> Tensor:
    x = layers.AveragePooling2D((3, 3), strides=(1, 1), padding="same")(x)
    return _conv_bn(x, filters, 1, 1)


def _concat(branches: list[Tensor], name: str | None) -> Tensor:
    return layers.Concatenate(axis=utils.channel_axis(), name=name)(branches)


def _block_35(x: Tensor, pool_filters: int, name: str) -> Tensor:
    b1 = _conv_bn(x, 64, 1, 1)
    b5 = _conv_bn(_conv_bn(x, 48, 1, 1), 64, 5, 5)
    b3 = _conv_bn(_conv_bn(_conv_bn(x, 64, 1, 1), 96, 3, 3), 96, 3, 3)
    return _concat([b1, b5, b3, _avg_branch(x, pool_filters)], name)


def _block_17(x: Tensor, width: int, name: str) -> Tensor:
    b1 = _conv_bn(x, 192, 1, 1)
    b7 = _conv_bn(_conv_bn(_conv_bn(x, width, 1, 1), width, 1, 7), 192, 7, 1)
    b77 = _conv_bn(x, width, 1, 1)
    for filters, rows, cols in ((width, 7, 1), (width, 1, 7), (width, 7, 1), (192, 1, 7)):
        b77 = _conv_bn(b77, filters, rows, cols)
    return _concat([b1, b7, b77, _avg_branch(x, 192)], name)


def _block_8(x: Tensor, i: int) -> Tensor:
    b1 = _conv_bn(x, 320, 1, 1)
    b3 = _conv_bn(x, 384, 1, 1)
    b3 = _concat([_conv_bn(b3, 384, 1, 3), _conv_bn(b3, 384, 3, 1)], f"mixed9_{i}")
    b33 = _conv_bn(_conv_bn(x, 448, 1, 1), 384, 3, 3)
    b33 = _concat([_conv_bn(b33, 384, 1, 3), _conv_bn(b33, 384, 3, 1)], None)
    return _concat([b1, b3, b33, _avg_branch(x, 192)], f"mixed{9 + i}")


@utils.document(
    "Build the InceptionV3 image classifier (Szegedy et al., 2016).",
    "Call `keras.applications.inception_v3.preprocess_input` (scales to [-1, 1]) on inputs first; "
    "the default input size is 299x299 (at least 75x75).",
)
def InceptionV3(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "inception_v3",
) -> Model:
    utils.check_arguments(weights, include_top, classes)
    shape = utils.obtain_input_shape(input_shape, 299, 75, include_top, weights)
    img_input = utils.image_input(input_tensor, shape)
    x = _conv_bn(img_input, 32, 3, 3, strides=2, padding="valid")
    x = _conv_bn(x, 32, 3, 3, padding="valid")
    x = _conv_bn(x, 64, 3, 3)
    x = layers.MaxPooling2D((3, 3), strides=(2, 2))(x)
    x = _conv_bn(x, 80, 1, 1, padding="valid")
    x = _conv_bn(x, 192, 3, 3, padding="valid")
    x = layers.MaxPooling2D((3, 3), strides=(2, 2))(x)
    x = _block_35(x, 32, "mixed0")
    x = _block_35(x, 64, "mixed1")
    x = _block_35(x, 64, "mixed2")
    b3 = _conv_bn(x, 384, 3, 3, strides=2, padding="valid")
    b33 = _conv_bn(_conv_bn(_conv_bn(x, 64, 1, 1), 96, 3, 3), 96, 3, 3, strides=2, padding="valid")
    x = _concat([b3, b33, layers.MaxPooling2D((3, 3), strides=(2, 2))(x)], "mixed3")
    for i, width in enumerate((128, 160, 160, 192)):
        x = _block_17(x, width, f"mixed{4 + i}")
    b3 = _conv_bn(_conv_bn(x, 192, 1, 1), 320, 3, 3, strides=2, padding="valid")
    b7 = _conv_bn(_conv_bn(_conv_bn(x, 192, 1, 1), 192, 1, 7), 192, 7, 1)
    b7 = _conv_bn(b7, 192, 3, 3, strides=2, padding="valid")
    x = _concat([b3, b7, layers.MaxPooling2D((3, 3), strides=(2, 2))(x)], "mixed8")
    x = _block_8(x, 0)
    x = _block_8(x, 1)
    if include_top:
        x = utils.classifier(x, classes, classifier_activation, weights)
    else:
        x = utils.pool(x, pooling, None, None)
    model = utils.functional(img_input, input_tensor, x, name)
    suffix, file_hash = ("", _V3_HASHES[0]) if include_top else ("_notop", _V3_HASHES[1])
    file_name = f"inception_v3_weights_tf_dim_ordering_tf_kernels{suffix}.h5"
    return utils.load_weights(model, weights, file_name, _V3_PATH + file_name, file_hash)


_IRV2_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/inception_resnet_v2/"
_IRV2_HASHES = ("e693bd0210a403b3192acc6073ad2e96", "d19885ff4a710c122648d3b5c3b684e4")


class CustomScaleLayer(Layer):
    """Add a scaled residual to a shortcut: `inputs[0] + scale * inputs[1]`.

    Args:
        scale: The factor of the residual branch.
        **kwargs: Base `Layer` arguments.
    """

    def __init__(self, scale: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scale = scale

    def call(self, inputs: list[Tensor]) -> Tensor:
        return ops.add(inputs[0], ops.multiply(inputs[1], self.scale))

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "scale": self.scale}


# Per residual block type: its branches, each a list of (filters, rows, cols) 'same' convolutions.
_RESIDUAL_BRANCHES: dict[str, tuple[tuple[tuple[int, int, int], ...], ...]] = {
    "block35": (((32, 1, 1),), ((32, 1, 1), (32, 3, 3)), ((32, 1, 1), (48, 3, 3), (64, 3, 3))),
    "block17": (((192, 1, 1),), ((128, 1, 1), (160, 1, 7), (192, 7, 1))),
    "block8": (((192, 1, 1),), ((192, 1, 1), (224, 1, 3), (256, 3, 1))),
}


def _residual_block(
    x: Tensor, scale: float, kind: str, index: int, activation: str | None = "relu"
) -> Tensor:
    """An Inception-ResNet block: `x + scale * conv(concat(branches))`, named `{kind}_{index}_*`."""
    branches = []
    for convs in _RESIDUAL_BRANCHES[kind]:
        b = x
        for filters, rows, cols in convs:
            b = _conv_bn(b, filters, rows, cols)
        branches.append(b)
    prefix = f"{kind}_{index}"
    mixed = _concat(branches, f"{prefix}_mixed")
    up = _conv_bn(
        mixed, x.shape[utils.channel_axis()], 1, 1, name=f"{prefix}_conv", activation=None, use_bias=True
    )
    x = CustomScaleLayer(scale)([x, up])
    if activation is None:
        return x
    return layers.Activation(activation, name=f"{prefix}_ac")(x)


@utils.document(
    "Build the InceptionResNetV2 image classifier (Szegedy et al., 2017).",
    "Call `keras.applications.inception_resnet_v2.preprocess_input` (scales to [-1, 1]) on "
    "inputs first; the default input size is 299x299 (at least 75x75).",
)
def InceptionResNetV2(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "inception_resnet_v2",
) -> Model:
    utils.check_arguments(weights, include_top, classes)
    shape = utils.obtain_input_shape(input_shape, 299, 75, include_top, weights)
    img_input = utils.image_input(input_tensor, shape)
    x = _conv_bn(img_input, 32, 3, 3, strides=2, padding="valid")
    x = _conv_bn(x, 32, 3, 3, padding="valid")
    x = _conv_bn(x, 64, 3, 3)
    x = layers.MaxPooling2D(3, strides=2)(x)
    x = _conv_bn(x, 80, 1, 1, padding="valid")
    x = _conv_bn(x, 192, 3, 3, padding="valid")
    x = layers.MaxPooling2D(3, strides=2)(x)
    b0 = _conv_bn(x, 96, 1, 1)
    b1 = _conv_bn(_conv_bn(x, 48, 1, 1), 64, 5, 5)
    b2 = _conv_bn(_conv_bn(_conv_bn(x, 64, 1, 1), 96, 3, 3), 96, 3, 3)
    pool = _conv_bn(layers.AveragePooling2D(3, strides=1, padding="same")(x), 64, 1, 1)
    x = _concat([b0, b1, b2, pool], "mixed_5b")
    for i in range(1, 11):
        x = _residual_block(x, 0.17, "block35", i)
    b0 = _conv_bn(x, 384, 3, 3, strides=2, padding="valid")
    b1 = _conv_bn(_conv_bn(_conv_bn(x, 256, 1, 1), 256, 3, 3), 384, 3, 3, strides=2, padding="valid")
    x = _concat([b0, b1, layers.MaxPooling2D(3, strides=2, padding="valid")(x)], "mixed_6a")
    for i in range(1, 21):
        x = _residual_block(x, 0.1, "block17", i)
    b0 = _conv_bn(_conv_bn(x, 256, 1, 1), 384, 3, 3, strides=2, padding="valid")
    b1 = _conv_bn(_conv_bn(x, 256, 1, 1), 288, 3, 3, strides=2, padding="valid")
    b2 = _conv_bn(_conv_bn(_conv_bn(x, 256, 1, 1), 288, 3, 3), 320, 3, 3, strides=2, padding="valid")
    x = _concat([b0, b1, b2, layers.MaxPooling2D(3, strides=2, padding="valid")(x)], "mixed_7a")
    for i in range(1, 10):
        x = _residual_block(x, 0.2, "block8", i)
    x = _residual_block(x, 1.0, "block8", 10, activation=None)
    x = _conv_bn(x, 1536, 1, 1, name="conv_7b")
    if include_top:
        x = utils.classifier(x, classes, classifier_activation, weights)
    else:
        x = utils.pool(x, pooling, None, None)
    model = utils.functional(img_input, input_tensor, x, name)
    suffix, file_hash = ("", _IRV2_HASHES[0]) if include_top else ("_notop", _IRV2_HASHES[1])
    file_name = f"inception_resnet_v2_weights_tf_dim_ordering_tf_kernels{suffix}.h5"
    return utils.load_weights(model, weights, file_name, _IRV2_PATH + file_name, file_hash)
