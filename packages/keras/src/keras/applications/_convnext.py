"""ConvNeXt Tiny, Small, Base, Large and XLarge builders, and their `LayerScale` layer."""

from __future__ import annotations

from typing import Any

from keras import backend, initializers, layers, ops
from keras.applications import _imagenet_utils as utils
from keras.layers import Layer
from keras.ops._typing import Tensor
from keras.trainers import Model, Sequential
from keras.utils._source_inputs import get_source_inputs

_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/convnext/"
# (with top, without top) sha256 hashes of Keras's weight files.
_HASHES = {
    "convnext_tiny": (
        "8ae6e78ce2933352b1ef4008e6dd2f17bc40771563877d156bc6426c7cf503ff",
        "d547c096cabd03329d7be5562c5e14798aa39ed24b474157cef5e85ab9e49ef1",
    ),
    "convnext_small": (
        "ce1277d8f1ee5a0ef0e171469089c18f5233860ceaf9b168049cb9263fd7483c",
        "6fc8009faa2f00c1c1dfce59feea9b0745eb260a7dd11bee65c8e20843da6eab",
    ),
    "convnext_base": (
        "52cbb006d3dadd03f6e095a8ca1aca47aecdd75acb4bc74bce1f5c695d0086e6",
        "40a20c5548a5e9202f69735ecc06c990e6b7c9d2de39f0361e27baeb24cb7c45",
    ),
    "convnext_large": (
        "070c5ed9ed289581e477741d3b34beffa920db8cf590899d6d2c67fba2a198a6",
        "96f02b6f0753d4f543261bc9d09bed650f24dd6bc02ddde3066135b63d23a1cd",
    ),
    "convnext_xlarge": (
        "c1f5ccab661354fc3a79a10fa99af82f0fbf10ec65cb894a3ae0815f17a889ee",
        "de3f8a54174130e0cecdc71583354753d557fcf1f4487331558e2a16ba0cfe05",
    ),
}
_DEPTHS_SMALL = (3, 3, 27, 3)


class LayerScale(Layer):
    """Multiply inputs by a learned per-channel scale `gamma` (initialized to `init_values`).

    Args:
        init_values: The initial value of every scale.
        projection_dim: The number of channels.
        **kwargs: Base `Layer` arguments.
    """

    def __init__(self, init_values: float, projection_dim: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.init_values = init_values
        self.projection_dim = projection_dim

    def build(self, input_shape: Any) -> None:
        self.gamma = self.add_weight(
            shape=(self.projection_dim,), initializer=initializers.Constant(self.init_values), trainable=True
        )

    def call(self, x: Tensor) -> Tensor:
        return ops.multiply(x, self.gamma)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "init_values": self.init_values,
            "projection_dim": self.projection_dim,
        }


def _block(x: Tensor, dim: int, name: str) -> Tensor:
    inputs = x
    x = layers.Conv2D(filters=dim, kernel_size=7, padding="same", groups=dim, name=f"{name}_depthwise_conv")(
        x
    )
    x = layers.LayerNormalization(epsilon=1e-6, name=f"{name}_layernorm")(x)
    x = layers.Dense(4 * dim, name=f"{name}_pointwise_conv_1")(x)
    x = layers.Activation("gelu", name=f"{name}_gelu")(x)
    x = layers.Dense(dim, name=f"{name}_pointwise_conv_2")(x)
    x = LayerScale(1e-6, dim, name=f"{name}_layer_scale")(x)
    x = layers.Activation("linear", name=f"{name}_identity")(x)
    return inputs + x


def _convnext(
    depths: tuple[int, int, int, int],
    dims: tuple[int, int, int, int],
    weights_name: str,
    include_top: bool,
    include_preprocessing: bool,
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
            "ConvNeXt does not support the `channels_first` image data format. Switch to `channels_last` by editing your local config file at ~/.keras/keras.json"
        )
    utils.check_arguments(weights, include_top, classes)
    shape = utils.obtain_input_shape(input_shape, 224, 32, include_top, weights)
    img_input = utils.image_input(input_tensor, shape)
    x = img_input
    if include_preprocessing and shape[-1] == 3:
        mean = [0.485 * 255, 0.456 * 255, 0.406 * 255]
        variance = [(0.229 * 255) ** 2, (0.224 * 255) ** 2, (0.225 * 255) ** 2]
        x = layers.Normalization(mean=mean, variance=variance, name=f"{name}_prestem_normalization")(x)
    stem = Sequential(
        [
            layers.Conv2D(dims[0], kernel_size=4, strides=4, name=f"{name}_stem_conv"),
            layers.LayerNormalization(epsilon=1e-6, name=f"{name}_stem_layernorm"),
        ],
        name=f"{name}_stem",
    )
    downsamplers = [stem] + [
        Sequential(
            [
                layers.LayerNormalization(epsilon=1e-6, name=f"{name}_downsampling_layernorm_{i}"),
                layers.Conv2D(dims[i + 1], kernel_size=2, strides=2, name=f"{name}_downsampling_conv_{i}"),
            ],
            name=f"{name}_downsampling_block_{i}",
        )
        for i in range(3)
    ]
    for i in range(4):
        x = downsamplers[i](x)
        for j in range(depths[i]):
            x = _block(x, dims[i], f"{name}_stage_{i}_block_{j}")
    if include_top:
        utils.validate_activation(classifier_activation, weights)
        x = layers.GlobalAveragePooling2D(name=f"{name}_head_gap")(x)
        x = layers.LayerNormalization(epsilon=1e-6, name=f"{name}_head_layernorm")(x)
        x = layers.Dense(classes, activation=classifier_activation, name=f"{name}_head_dense")(x)
    else:
        x = layers.LayerNormalization(epsilon=1e-6)(utils.pool(x, pooling, None, None))
    inputs = get_source_inputs(input_tensor)[0] if input_tensor is not None else img_input
    model = Model(inputs=inputs, outputs=x, name=name)
    if weights == "imagenet" and weights_name not in name:
        variant = weights_name.split("convnext_")[-1]
        raise ValueError(
            f'Model name "{name}" does not match weights variant "{weights_name}". When using imagenet '
            f'weights, model name must contain the weights variant (e.g., "convnext_{variant}").'
        )
    file_name = name + (".h5" if include_top else "_notop.h5")
    return utils.load_weights(
        model, weights, file_name, _PATH + file_name, _HASHES[weights_name][0 if include_top else 1]
    )


_PRE = (
    "The model normalizes [0, 255] inputs itself unless `include_preprocessing=False`; "
    "`keras.applications.convnext.preprocess_input` passes inputs through."
)
_EXTRA = "        include_preprocessing: Whether to start with ImageNet mean/std `Normalization`.\n"


@utils.document("Build the ConvNeXtTiny image classifier (Liu et al., 2022).", _PRE, _EXTRA)
def ConvNeXtTiny(  # noqa: N802
    include_top: bool = True,
    include_preprocessing: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "convnext_tiny",
) -> Model:
    return _convnext(
        (3, 3, 9, 3), (96, 192, 384, 768), "convnext_tiny", include_top, include_preprocessing, weights, input_tensor,
        input_shape, pooling, classes, classifier_activation, name,
    )  # fmt: skip


@utils.document("Build the ConvNeXtSmall image classifier (Liu et al., 2022).", _PRE, _EXTRA)
def ConvNeXtSmall(  # noqa: N802
    include_top: bool = True,
    include_preprocessing: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "convnext_small",
) -> Model:
    return _convnext(
        _DEPTHS_SMALL, (96, 192, 384, 768), "convnext_small", include_top, include_preprocessing, weights, input_tensor,
        input_shape, pooling, classes, classifier_activation, name,
    )  # fmt: skip


@utils.document("Build the ConvNeXtBase image classifier (Liu et al., 2022).", _PRE, _EXTRA)
def ConvNeXtBase(  # noqa: N802
    include_top: bool = True,
    include_preprocessing: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "convnext_base",
) -> Model:
    return _convnext(
        _DEPTHS_SMALL, (128, 256, 512, 1024), "convnext_base", include_top, include_preprocessing, weights, input_tensor,
        input_shape, pooling, classes, classifier_activation, name,
    )  # fmt: skip


@utils.document("Build the ConvNeXtLarge image classifier (Liu et al., 2022).", _PRE, _EXTRA)
def ConvNeXtLarge(  # noqa: N802
    include_top: bool = True,
    include_preprocessing: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "convnext_large",
) -> Model:
    return _convnext(
        _DEPTHS_SMALL, (192, 384, 768, 1536), "convnext_large", include_top, include_preprocessing, weights, input_tensor,
        input_shape, pooling, classes, classifier_activation, name,
    )  # fmt: skip


@utils.document("Build the ConvNeXtXLarge image classifier (Liu et al., 2022).", _PRE, _EXTRA)
def ConvNeXtXLarge(  # noqa: N802
    include_top: bool = True,
    include_preprocessing: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "convnext_xlarge",
) -> Model:
    return _convnext(
        _DEPTHS_SMALL, (256, 512, 1024, 2048), "convnext_xlarge", include_top, include_preprocessing, weights, input_tensor,
        input_shape, pooling, classes, classifier_activation, name,
    )  # fmt: skip
