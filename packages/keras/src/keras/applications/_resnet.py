"""ResNet (v1: 50/101/152) and ResNetV2 (pre-activation: 50/101/152) builders."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keras import layers
from keras.applications import _imagenet_utils as utils
from keras.ops._typing import Tensor
from keras.trainers import Model

BASE_WEIGHTS_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/resnet/"
# (with top, without top) md5 hashes of Keras's weight files.
WEIGHTS_HASHES = {
    "resnet50": ("2cb95161c43110f7111970584f804107", "4d473c1dd8becc155b73f8504c6f6626"),
    "resnet101": ("f1aeb4b969a6efcfb50fad2f0c20cfc5", "88cf7a10940856eca736dc7b7e228a21"),
    "resnet152": ("100835be76be38e30d865e96f2aaae62", "ee4c566cf9a93f14d82f913c2dc6dd0c"),
    "resnet50v2": ("3ef43a0b657b3be2300d5770ece849e0", "fac2f116257151a9d068a22e544a4917"),
    "resnet101v2": ("6343647c601c52e1368623803854d971", "c0ed64b8031c3730f411d2eb4eea35b5"),
    "resnet152v2": ("a49b44d1979771252814e80f8ec446f9", "ed17cf2e0169df9d443503ef94b23b33"),
}
_EPS = 1.001e-5


def _bn(x: Tensor, name: str) -> Tensor:
    return layers.BatchNormalization(axis=utils.channel_axis(), epsilon=_EPS, name=name)(x)


def _block_v1(x: Tensor, filters: int, stride: int, conv_shortcut: bool, name: str) -> Tensor:
    shortcut = x
    if conv_shortcut:
        shortcut = layers.Conv2D(4 * filters, 1, strides=stride, name=f"{name}_0_conv")(x)
        shortcut = _bn(shortcut, f"{name}_0_bn")
    x = layers.Conv2D(filters, 1, strides=stride, name=f"{name}_1_conv")(x)
    x = layers.Activation("relu", name=f"{name}_1_relu")(_bn(x, f"{name}_1_bn"))
    x = layers.Conv2D(filters, 3, padding="same", name=f"{name}_2_conv")(x)
    x = layers.Activation("relu", name=f"{name}_2_relu")(_bn(x, f"{name}_2_bn"))
    x = _bn(layers.Conv2D(4 * filters, 1, name=f"{name}_3_conv")(x), f"{name}_3_bn")
    x = layers.Add(name=f"{name}_add")([shortcut, x])
    return layers.Activation("relu", name=f"{name}_out")(x)


def _stack_v1(x: Tensor, filters: int, blocks: int, stride: int, name: str) -> Tensor:
    x = _block_v1(x, filters, stride, True, f"{name}_block1")
    for i in range(2, blocks + 1):
        x = _block_v1(x, filters, 1, False, f"{name}_block{i}")
    return x


def _block_v2(x: Tensor, filters: int, stride: int, conv_shortcut: bool, name: str) -> Tensor:
    preact = layers.Activation("relu", name=f"{name}_preact_relu")(_bn(x, f"{name}_preact_bn"))
    if conv_shortcut:
        shortcut = layers.Conv2D(4 * filters, 1, strides=stride, name=f"{name}_0_conv")(preact)
    else:
        shortcut = layers.MaxPooling2D(1, strides=stride)(x) if stride > 1 else x
    x = layers.Conv2D(filters, 1, use_bias=False, name=f"{name}_1_conv")(preact)
    x = layers.Activation("relu", name=f"{name}_1_relu")(_bn(x, f"{name}_1_bn"))
    x = layers.ZeroPadding2D(padding=((1, 1), (1, 1)), name=f"{name}_2_pad")(x)
    x = layers.Conv2D(filters, 3, strides=stride, use_bias=False, name=f"{name}_2_conv")(x)
    x = layers.Activation("relu", name=f"{name}_2_relu")(_bn(x, f"{name}_2_bn"))
    x = layers.Conv2D(4 * filters, 1, name=f"{name}_3_conv")(x)
    return layers.Add(name=f"{name}_out")([shortcut, x])


def _stack_v2(x: Tensor, filters: int, blocks: int, stride: int, name: str) -> Tensor:
    x = _block_v2(x, filters, 1, True, f"{name}_block1")
    for i in range(2, blocks):
        x = _block_v2(x, filters, 1, False, f"{name}_block{i}")
    return _block_v2(x, filters, stride, False, f"{name}_block{blocks}")


def _resnet(
    depths: tuple[int, int, int, int],
    preact: bool,
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
    x = layers.ZeroPadding2D(padding=((3, 3), (3, 3)), name="conv1_pad")(img_input)
    x = layers.Conv2D(64, 7, strides=2, name="conv1_conv")(x)
    if not preact:
        x = layers.Activation("relu", name="conv1_relu")(_bn(x, "conv1_bn"))
    x = layers.ZeroPadding2D(padding=((1, 1), (1, 1)), name="pool1_pad")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1_pool")(x)
    stack: Callable[[Tensor, int, int, int, str], Tensor] = _stack_v2 if preact else _stack_v1
    for i, (filters, blocks) in enumerate(zip((64, 128, 256, 512), depths, strict=True)):
        first_or_last = 3 if preact else 0  # the stack whose stride is 1
        stride = 1 if i == first_or_last else 2
        x = stack(x, filters, blocks, stride, f"conv{i + 2}")
    if preact:
        x = layers.Activation("relu", name="post_relu")(_bn(x, "post_bn"))
    if include_top:
        x = utils.classifier(x, classes, classifier_activation, weights)
    else:
        x = utils.pool(x, pooling)
    model = utils.functional(img_input, input_tensor, x, name)
    suffix, file_hash = (
        ("", WEIGHTS_HASHES[weights_name][0]) if include_top else ("_notop", WEIGHTS_HASHES[weights_name][1])
    )
    file_name = f"{weights_name}_weights_tf_dim_ordering_tf_kernels{suffix}.h5"
    return utils.load_weights(model, weights, file_name, BASE_WEIGHTS_PATH + file_name, file_hash)


@utils.document(
    "Build the ResNet50 image classifier (Deep Residual Learning, He et al.).",
    "Call `keras.applications.resnet.preprocess_input` (caffe mode) on inputs first.",
)
def ResNet50(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "resnet50",
) -> Model:
    return _resnet(
        (3, 4, 6, 3),
        False,
        "resnet50",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document(
    "Build the ResNet101 image classifier (Deep Residual Learning, He et al.).",
    "Call `keras.applications.resnet.preprocess_input` (caffe mode) on inputs first.",
)
def ResNet101(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "resnet101",
) -> Model:
    return _resnet(
        (3, 4, 23, 3),
        False,
        "resnet101",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document(
    "Build the ResNet152 image classifier (Deep Residual Learning, He et al.).",
    "Call `keras.applications.resnet.preprocess_input` (caffe mode) on inputs first.",
)
def ResNet152(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "resnet152",
) -> Model:
    return _resnet(
        (3, 8, 36, 3),
        False,
        "resnet152",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document(
    "Build the ResNet50V2 image classifier (Deep Residual Learning, He et al.).",
    "Call `keras.applications.resnet_v2.preprocess_input` (scales to [-1, 1]) on inputs first.",
)
def ResNet50V2(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "resnet50v2",
) -> Model:
    return _resnet(
        (3, 4, 6, 3),
        True,
        "resnet50v2",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document(
    "Build the ResNet101V2 image classifier (Deep Residual Learning, He et al.).",
    "Call `keras.applications.resnet_v2.preprocess_input` (scales to [-1, 1]) on inputs first.",
)
def ResNet101V2(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "resnet101v2",
) -> Model:
    return _resnet(
        (3, 4, 23, 3),
        True,
        "resnet101v2",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document(
    "Build the ResNet152V2 image classifier (Deep Residual Learning, He et al.).",
    "Call `keras.applications.resnet_v2.preprocess_input` (scales to [-1, 1]) on inputs first.",
)
def ResNet152V2(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "resnet152v2",
) -> Model:
    return _resnet(
        (3, 8, 36, 3),
        True,
        "resnet152v2",
        include_top,
        weights,
        input_tensor,
        input_shape,
        pooling,
        classes,
        classifier_activation,
        name,
    )
