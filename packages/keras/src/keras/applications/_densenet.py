"""DenseNet121, DenseNet169 and DenseNet201 builders."""

from __future__ import annotations

from typing import Any

from keras import backend, layers
from keras.applications import _imagenet_utils as utils
from keras.ops._typing import Tensor
from keras.trainers import Model

_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/densenet/"
# (with top, without top) md5 hashes of Keras's weight files.
_HASHES = {
    "densenet121": ("9d60b8095a5708f2dcce2bca79d332c7", "30ee3e1110167f948a6b9946edeeb738"),
    "densenet169": ("d699b8f76981ab1b30698df4c175e90b", "b8c4d4c20dd625c148057b9ff1c1176b"),
    "densenet201": ("1ceb130c1ea1b78c3bf6114dbdfd8807", "c13680b51ded0fb44dff2d8f86ac8bb1"),
}
_EPS = 1.001e-5


def _bn_relu(x: Tensor, name: str) -> Tensor:
    x = layers.BatchNormalization(axis=utils.channel_axis(), epsilon=_EPS, name=f"{name}_bn")(x)
    return layers.Activation("relu", name=f"{name}_relu")(x)


def _conv_block(x: Tensor, growth_rate: int, name: str) -> Tensor:
    y = layers.Conv2D(4 * growth_rate, 1, use_bias=False, name=f"{name}_1_conv")(_bn_relu(x, f"{name}_0"))
    y = layers.Conv2D(growth_rate, 3, padding="same", use_bias=False, name=f"{name}_2_conv")(
        _bn_relu(y, f"{name}_1")
    )
    return layers.Concatenate(axis=utils.channel_axis(), name=f"{name}_concat")([x, y])


def _transition_block(x: Tensor, reduction: float, name: str) -> Tensor:
    x = _bn_relu(x, name)
    x = layers.Conv2D(int(x.shape[utils.channel_axis()] * reduction), 1, use_bias=False, name=f"{name}_conv")(
        x
    )
    return layers.AveragePooling2D(2, strides=2, name=f"{name}_pool")(x)


def _densenet(
    blocks: tuple[int, int, int, int],
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
    if backend.image_data_format() == "channels_first":
        raise ValueError(
            "DenseNet does not support the `channels_first` image data format. Switch to "
            "`channels_last` by editing your local config file at ~/.keras/keras.json"
        )
    utils.check_arguments(weights, include_top, classes)
    shape = utils.obtain_input_shape(input_shape, 224, 32, include_top, weights)
    img_input = utils.image_input(input_tensor, shape)
    x = layers.ZeroPadding2D(padding=((3, 3), (3, 3)))(img_input)
    x = layers.Conv2D(64, 7, strides=2, use_bias=False, name="conv1_conv")(x)
    x = _bn_relu(x, "conv1")
    x = layers.ZeroPadding2D(padding=((1, 1), (1, 1)))(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1")(x)
    for stage, count in enumerate(blocks, 2):
        for i in range(1, count + 1):
            x = _conv_block(x, 32, f"conv{stage}_block{i}")
        if stage < 5:
            x = _transition_block(x, 0.5, f"pool{stage}")
    x = layers.BatchNormalization(axis=utils.channel_axis(), epsilon=_EPS, name="bn")(x)
    x = layers.Activation("relu", name="relu")(x)
    if include_top:
        x = utils.classifier(x, classes, classifier_activation, weights)
    else:
        x = utils.pool(x, pooling)
    model = utils.functional(img_input, input_tensor, x, name)
    suffix, file_hash = (
        ("", _HASHES[weights_name][0]) if include_top else ("_notop", _HASHES[weights_name][1])
    )
    file_name = f"{weights_name}_weights_tf_dim_ordering_tf_kernels{suffix}.h5"
    return utils.load_weights(model, weights, file_name, _PATH + file_name, file_hash)


_PRE = "Call `keras.applications.densenet.preprocess_input` (torch mode) on inputs first."


@utils.document("Build the DenseNet121 image classifier (Huang et al., 2017).", _PRE)
def DenseNet121(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "densenet121",
) -> Model:
    return _densenet(
        (6, 12, 24, 16),
        "densenet121",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document("Build the DenseNet169 image classifier (Huang et al., 2017).", _PRE)
def DenseNet169(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "densenet169",
) -> Model:
    return _densenet(
        (6, 12, 32, 32),
        "densenet169",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document("Build the DenseNet201 image classifier (Huang et al., 2017).", _PRE)
def DenseNet201(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "densenet201",
) -> Model:
    return _densenet(
        (6, 12, 48, 32),
        "densenet201",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )
