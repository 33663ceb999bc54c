"""NASNet-A builders: NASNetMobile and NASNetLarge (channels_last only)."""

from __future__ import annotations

from typing import Any

from keras import backend, layers
from keras.applications import _imagenet_utils as utils
from keras.ops._typing import Tensor
from keras.trainers import Model

_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/nasnet/"
# default size -> ((file, url name, md5) with top, (file, url name, md5) without top)
_WEIGHT_FILES = {
    224: (
        ("nasnet_mobile.h5", "NASNet-mobile.h5", "020fb642bf7360b370c678b08e0adf61"),
        ("nasnet_mobile_no_top.h5", "NASNet-mobile-no-top.h5", "1ed92395b5b598bdda52abe5c0dbfd63"),
    ),
    331: (
        ("nasnet_large.h5", "NASNet-large.h5", "11577c9a518f0070763c2b964a382f17"),
        ("nasnet_large_no_top.h5", "NASNet-large-no-top.h5", "d81d89dc07e6e56530c4e77faddd61b5"),
    ),
}


def _bn(x: Tensor, name: str) -> Tensor:
    return layers.BatchNormalization(axis=-1, momentum=0.9997, epsilon=1e-3, name=name)(x)


def _conv1x1(x: Tensor, filters: int, name: str) -> Tensor:
    return layers.Conv2D(
        filters,
        (1, 1),
        strides=(1, 1),
        padding="same",
        use_bias=False,
        kernel_initializer="he_normal",
        name=name,
    )(x)


def _add(inputs: list[Tensor], name: str | None = None) -> Tensor:
    return layers.Add(name=name)(inputs)


def _sep_block(x: Tensor, filters: int, kernel: int, block_id: str, strides: int = 1) -> Tensor:
    """relu, separable conv (strided ones padded first), batch norm, twice."""
    kernel_size = (kernel, kernel)
    x = layers.Activation("relu")(x)
    padding = "same"
    if strides == 2:
        x = layers.ZeroPadding2D(
            padding=utils.correct_pad(x, kernel_size), name=f"separable_conv_1_pad_{block_id}"
        )(x)
        padding = "valid"
    x = layers.SeparableConv2D(
        filters,
        kernel_size,
        strides=(strides, strides),
        padding=padding,
        use_bias=False,
        name=f"separable_conv_1_{block_id}",
    )(x)
    x = _bn(x, f"separable_conv_1_bn_{block_id}")
    x = layers.Activation("relu")(x)
    x = layers.SeparableConv2D(
        filters, kernel_size, padding="same", use_bias=False, name=f"separable_conv_2_{block_id}"
    )(x)
    return _bn(x, f"separable_conv_2_bn_{block_id}")


def _adjust(p: Tensor | None, ip: Tensor, filters: int, block_id: str) -> Tensor:
    """Bring the previous cell's output `p` to the size and width of this cell's input `ip`."""
    if p is None:
        return ip
    if p.shape[-2] != ip.shape[-2]:
        p = layers.Activation("relu", name=f"adjust_relu_1_{block_id}")(p)
        p1 = layers.AveragePooling2D(
            (1, 1), strides=(2, 2), padding="valid", name=f"adjust_avg_pool_1_{block_id}"
        )(p)
        p1 = layers.Conv2D(
            filters // 2,
            (1, 1),
            padding="same",
            use_bias=False,
            kernel_initializer="he_normal",
            name=f"adjust_conv_1_{block_id}",
        )(p1)
        # The second path looks at the pixels shifted by one: pad bottom-right, crop top-left.
        p2 = layers.ZeroPadding2D(padding=((0, 1), (0, 1)))(p)
        p2 = layers.Cropping2D(cropping=((1, 0), (1, 0)))(p2)
        p2 = layers.AveragePooling2D(
            (1, 1), strides=(2, 2), padding="valid", name=f"adjust_avg_pool_2_{block_id}"
        )(p2)
        p2 = layers.Conv2D(
            filters // 2,
            (1, 1),
            padding="same",
            use_bias=False,
            kernel_initializer="he_normal",
            name=f"adjust_conv_2_{block_id}",
        )(p2)
        p = layers.Concatenate(axis=-1)([p1, p2])
        return _bn(p, f"adjust_bn_{block_id}")
    if p.shape[-1] != filters:
        p = layers.Activation("relu")(p)
        p = _conv1x1(p, filters, f"adjust_conv_projection_{block_id}")
        return _bn(p, f"adjust_bn_{block_id}")
    return p


def _avg_pool(x: Tensor, strides: int, name: str) -> Tensor:
    padding = "same" if strides == 1 else "valid"
    return layers.AveragePooling2D((3, 3), strides=(strides, strides), padding=padding, name=name)(x)


def _normal_cell(ip: Tensor, p: Tensor | None, filters: int, block_id: str) -> tuple[Tensor, Tensor]:
    """A NASNet-A normal cell; returns its output and its input (the next cell's `p`)."""
    p = _adjust(p, ip, filters, block_id)
    h = _bn(
        _conv1x1(layers.Activation("relu")(ip), filters, f"normal_conv_1_{block_id}"),
        f"normal_bn_1_{block_id}",
    )
    x1 = _add(
        [
            _sep_block(h, filters, 5, f"normal_left1_{block_id}"),
            _sep_block(p, filters, 3, f"normal_right1_{block_id}"),
        ],
        f"normal_add_1_{block_id}",
    )
    x2 = _add(
        [
            _sep_block(p, filters, 5, f"normal_left2_{block_id}"),
            _sep_block(p, filters, 3, f"normal_right2_{block_id}"),
        ],
        f"normal_add_2_{block_id}",
    )
    x3 = _add([_avg_pool(h, 1, f"normal_left3_{block_id}"), p], f"normal_add_3_{block_id}")
    x4 = _add(
        [_avg_pool(p, 1, f"normal_left4_{block_id}"), _avg_pool(p, 1, f"normal_right4_{block_id}")],
        f"normal_add_4_{block_id}",
    )
    x5 = _add([_sep_block(h, filters, 3, f"normal_left5_{block_id}"), h], f"normal_add_5_{block_id}")
    x = layers.Concatenate(axis=-1, name=f"normal_concat_{block_id}")([p, x1, x2, x3, x4, x5])
    return x, ip


def _reduction_cell(ip: Tensor, p: Tensor | None, filters: int, block_id: str) -> tuple[Tensor, Tensor]:
    """A NASNet-A reduction cell (halves the spatial size); returns its output and its input."""
    p = _adjust(p, ip, filters, block_id)
    h = layers.Activation("relu")(ip)
    h = _bn(_conv1x1(h, filters, f"reduction_conv_1_{block_id}"), f"reduction_bn_1_{block_id}")
    h3 = layers.ZeroPadding2D(padding=utils.correct_pad(h, 3), name=f"reduction_pad_1_{block_id}")(h)
    x1 = _add(
        [
            _sep_block(h, filters, 5, f"reduction_left1_{block_id}", strides=2),
            _sep_block(p, filters, 7, f"reduction_right1_{block_id}", strides=2),
        ],
        f"reduction_add_1_{block_id}",
    )
    max_pool = layers.MaxPooling2D(
        (3, 3), strides=(2, 2), padding="valid", name=f"reduction_left2_{block_id}"
    )
    x2 = _add(
        [max_pool(h3), _sep_block(p, filters, 7, f"reduction_right2_{block_id}", strides=2)],
        f"reduction_add_2_{block_id}",
    )
    x3 = _add(
        [
            _avg_pool(h3, 2, f"reduction_left3_{block_id}"),
            _sep_block(p, filters, 5, f"reduction_right3_{block_id}", strides=2),
        ],
        f"reduction_add3_{block_id}",
    )
    x4 = _add([x2, _avg_pool(x1, 1, f"reduction_left4_{block_id}")])
    max_pool = layers.MaxPooling2D(
        (3, 3), strides=(2, 2), padding="valid", name=f"reduction_right5_{block_id}"
    )
    x5 = _add(
        [_sep_block(x1, filters, 3, f"reduction_left4_{block_id}"), max_pool(h3)],
        f"reduction_add4_{block_id}",
    )
    x = layers.Concatenate(axis=-1, name=f"reduction_concat_{block_id}")([x2, x3, x4, x5])
    return x, ip


def _nasnet(
    input_shape: Any,
    penultimate_filters: int,
    num_blocks: int,
    stem_filters: int,
    skip_reduction: bool,
    default_size: int,
    include_top: bool,
    weights: Any,
    input_tensor: Any,
    pooling: str | None,
    classes: int,
    classifier_activation: Any,
    name: str,
) -> Model:
    if backend.image_data_format() == "channels_first":
        raise ValueError(
            "NASNet does not support the `channels_first` image data format. Switch to "
            "`channels_last` by editing your local config file at ~/.keras/keras.json"
        )
    utils.check_arguments(weights, include_top, classes)
    if isinstance(input_shape, tuple) and None in input_shape and weights == "imagenet":
        raise ValueError(
            "When specifying the input shape of a NASNet and loading `ImageNet` weights, the "
            f"input_shape argument must be static (no None entries). Got: `input_shape={input_shape}`."
        )
    shape = utils.obtain_input_shape(input_shape, default_size, 32, include_top, weights)
    img_input = utils.image_input(input_tensor, shape)
    multiplier = 2
    filters = penultimate_filters // 24
    x = layers.Conv2D(
        stem_filters,
        (3, 3),
        strides=(2, 2),
        padding="valid",
        use_bias=False,
        kernel_initializer="he_normal",
        name="stem_conv1",
    )(img_input)
    x = _bn(x, "stem_bn1")
    x, p = _reduction_cell(x, None, filters // multiplier**2, "stem_1")
    x, p = _reduction_cell(x, p, filters // multiplier, "stem_2")
    for stage in range(3):
        width = filters * multiplier**stage
        if stage > 0:
            x, reduced_input = _reduction_cell(x, p, width, f"reduce_{stage * num_blocks}")
            p = p if skip_reduction else reduced_input
        first = stage * num_blocks + (1 if stage > 0 else 0)
        for i in range(num_blocks):
            x, p = _normal_cell(x, p, width, f"{first + i}")
    x = layers.Activation("relu")(x)
    if include_top:
        x = utils.classifier(x, classes, classifier_activation, weights, pool_name=None)
    else:
        x = utils.pool(x, pooling, None, None)
    model = utils.functional(img_input, input_tensor, x, name)
    file_name, url_name, file_hash = _WEIGHT_FILES[default_size][0 if include_top else 1]
    return utils.load_weights(model, weights, file_name, _PATH + url_name, file_hash)


@utils.document(
    "Build the NASNet-A Mobile image classifier (Zoph et al., 2018).",
    "Call `keras.applications.nasnet.preprocess_input` (scales to [-1, 1]) on inputs first; "
    "the default input size is 224x224 (at least 32x32), and only `channels_last` is supported.",
)
def NASNetMobile(  # noqa: N802
    input_shape: Any = None,
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "nasnet_mobile",
) -> Model:
    if not include_top and input_shape is None:
        input_shape = (224, 224, 3)
    return _nasnet(
        input_shape,
        1056,
        4,
        32,
        False,
        224,
        include_top,
        weights,
        input_tensor,
        pooling,
        classes,
        classifier_activation,
        name,
    )


@utils.document(
    "Build the NASNet-A Large image classifier (Zoph et al., 2018).",
    "Call `keras.applications.nasnet.preprocess_input` (scales to [-1, 1]) on inputs first; "
    "the default input size is 331x331 (at least 32x32), and only `channels_last` is supported.",
)
def NASNetLarge(  # noqa: N802
    input_shape: Any = None,
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "nasnet_large",
) -> Model:
    return _nasnet(
        input_shape,
        4032,
        6,
        96,
        True,
        331,
        include_top,
        weights,
        input_tensor,
        pooling,
        classes,
        classifier_activation,
        name,
    )
