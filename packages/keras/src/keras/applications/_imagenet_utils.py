"""ImageNet helpers shared by every application: preprocessing, decoding, model plumbing.

Owns `preprocess_input` (modes caffe, tf and torch), `decode_predictions`, and the private
pieces every model builder uses: argument checks, the input shape rule, the image input,
the top or pooling head, the functional model and the weight loading.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np

from keras import activations, backend, layers, ops
from keras.ops._typing import Tensor
from keras.trainers import Model
from keras.utils._file import get_file
from keras.utils._source_inputs import get_source_inputs

CLASS_INDEX_URL = "https://storage.googleapis.com/download.tensorflow.org/data/imagenet_class_index.json"
CLASS_INDEX_HASH = "c2c37ea517e94d9795004a39431a14cb"

_CLASS_INDEX: dict[str, list[str]] | None = None

_CAFFE_MEAN = (103.939, 116.779, 123.68)
_TORCH_MEAN = (0.485, 0.456, 0.406)
_TORCH_STD = (0.229, 0.224, 0.225)

Shape = tuple[int | None, ...]


def preprocess_input(x: Any, data_format: str | None = None, mode: str = "caffe") -> Any:
    """Preprocess a batch of images with values in [0, 255] for an ImageNet model.

    Args:
        x: A float numpy array or a tensor, 3D or 4D, with 3 color channels.
            A float numpy array is changed in place.
        data_format: `"channels_last"` or `"channels_first"`; `None` means
            `keras.config.image_data_format()`.
        mode: `"caffe"` (RGB to BGR, then subtract the ImageNet channel means),
            `"tf"` (scale to [-1, 1]) or `"torch"` (scale to [0, 1], then
            normalize each channel with the ImageNet mean and std).

    Returns:
        The preprocessed array or tensor.

    Raises:
        ValueError: If `mode` or `data_format` is unknown.

    Example:

    >>> x = np.array([[[255.0, 0.0, 127.5]]])
    >>> keras.applications.imagenet_utils.preprocess_input(x, mode="tf").tolist()
    [[[1.0, -1.0, 0.0]]]
    """
    if mode not in {"caffe", "tf", "torch"}:
        raise ValueError(f"Expected mode to be one of `caffe`, `tf` or `torch`. Received: mode={mode}")
    if data_format is None:
        data_format = backend.image_data_format()
    elif data_format not in {"channels_first", "channels_last"}:
        raise ValueError(
            "Expected data_format to be one of `channels_first` or "
            f"`channels_last`. Received: data_format={data_format}"
        )
    if isinstance(x, np.ndarray):
        return _preprocess_numpy(x, data_format, mode)
    return _preprocess_tensor(x, data_format, mode)


def _channel_shape(ndim: int, data_format: str) -> tuple[int, ...]:
    """The shape that broadcasts a 3-vector over the channel axis of an `ndim` image."""
    if data_format == "channels_last":
        return (1,) * (ndim - 1) + (3,)
    return (3, 1, 1) if ndim == 3 else (1, 3) + (1,) * (ndim - 2)


def _flip_channels(x: Any, data_format: str, flip: Callable[[Any, int], Any]) -> Any:
    axis = -1 if data_format == "channels_last" else (0 if len(x.shape) == 3 else 1)
    return flip(x, axis)


def _preprocess_numpy(x: np.ndarray[Any, Any], data_format: str, mode: str) -> Any:
    if not np.issubdtype(x.dtype, np.floating):
        x = x.astype(backend.floatx(), copy=False)
    if mode == "tf":
        x /= 127.5
        x -= 1.0
        return x
    if mode == "torch":
        x /= 255.0
        shape = _channel_shape(x.ndim, data_format)
        x -= np.reshape(np.asarray(_TORCH_MEAN, x.dtype), shape)
        x /= np.reshape(np.asarray(_TORCH_STD, x.dtype), shape)
        return x
    x = _flip_channels(x, data_format, np.flip)
    x -= np.reshape(np.asarray(_CAFFE_MEAN, x.dtype), _channel_shape(x.ndim, data_format))
    return x


def _preprocess_tensor(x: Tensor, data_format: str, mode: str) -> Tensor:
    ndim = len(x.shape)
    if mode == "tf":
        return ops.subtract(ops.divide(x, 127.5), 1.0)
    if mode == "torch":
        x = ops.divide(x, 255.0)
        mean, std = _TORCH_MEAN, _TORCH_STD
    else:
        x = _flip_channels(x, data_format, ops.flip)
        mean, std = _CAFFE_MEAN, (1.0, 1.0, 1.0)
    shape = _channel_shape(ndim, data_format)
    x = ops.subtract(x, ops.reshape(ops.convert_to_tensor(mean, dtype=x.dtype), shape))
    if mode == "torch":
        x = ops.divide(x, ops.reshape(ops.convert_to_tensor(std, dtype=x.dtype), shape))
    return x


def decode_predictions(preds: Any, top: int = 5) -> list[list[tuple[str, str, Any]]]:
    """Turn a batch of ImageNet predictions into the top classes of each sample.

    The class index is fetched once with `keras.utils.get_file` and cached.

    Args:
        preds: An array or tensor of shape `(samples, 1000)`.
        top: How many classes to return per sample.

    Returns:
        One list per sample of `(class_name, class_description, score)` tuples,
        best first.

    Raises:
        ValueError: If `preds` is not of shape `(samples, 1000)`.
    """
    global _CLASS_INDEX
    if len(preds.shape) != 2 or preds.shape[1] != 1000:
        raise ValueError(
            "`decode_predictions` expects a batch of predictions (i.e. a 2D array of shape "
            f"(samples, 1000)). Received array with shape: {preds.shape}"
        )
    if _CLASS_INDEX is None:
        path = get_file(
            "imagenet_class_index.json", CLASS_INDEX_URL, cache_subdir="models", file_hash=CLASS_INDEX_HASH
        )
        with open(path) as f:
            _CLASS_INDEX = json.load(f)
    index = _CLASS_INDEX
    results = []
    for pred in ops.convert_to_numpy(preds):
        best = pred.argsort()[-top:][::-1]
        rows = [(*index[str(i)], pred[i]) for i in best]
        rows.sort(key=lambda row: row[2], reverse=True)
        results.append(rows)
    return results


def preprocess_input_caffe(x: Any, data_format: str | None = None) -> Any:
    """Preprocess images for ResNet: RGB to BGR, then subtract the ImageNet means.

    Args:
        x: A float array or tensor of images with values in [0, 255].
        data_format: The image data format; `None` means the global setting.

    Returns:
        The preprocessed images.
    """
    return preprocess_input(x, data_format=data_format, mode="caffe")


def preprocess_input_tf(x: Any, data_format: str | None = None) -> Any:
    """Preprocess images by scaling [0, 255] to [-1, 1].

    Args:
        x: A float array or tensor of images with values in [0, 255].
        data_format: The image data format; `None` means the global setting.

    Returns:
        The preprocessed images.
    """
    return preprocess_input(x, data_format=data_format, mode="tf")


def preprocess_input_torch(x: Any, data_format: str | None = None) -> Any:
    """Preprocess images by scaling to [0, 1], then normalizing with ImageNet's mean and std.

    Args:
        x: A float array or tensor of images with values in [0, 255].
        data_format: The image data format; `None` means the global setting.

    Returns:
        The preprocessed images.
    """
    return preprocess_input(x, data_format=data_format, mode="torch")


def preprocess_input_identity(x: Any, data_format: str | None = None) -> Any:
    """Return the images unchanged: this model rescales its inputs itself.

    Args:
        x: An array or tensor of images with values in [0, 255].
        data_format: Ignored; kept for API compatibility.

    Returns:
        `x` itself.
    """
    return x


# ---------------------------------------------------------------------------------------
# Private plumbing shared by the model builders.


def channel_axis() -> int:
    """The channel axis of a 4D image batch under the current image data format."""
    return 3 if backend.image_data_format() == "channels_last" else 1


def check_arguments(weights: Any, include_top: bool, classes: int) -> None:
    """Validate `weights` (None, "imagenet" or an existing file) and `classes`."""
    if not (
        weights in {"imagenet", None} or (isinstance(weights, str | os.PathLike) and os.path.exists(weights))
    ):
        raise ValueError(
            "The `weights` argument should be either `None` (random initialization), "
            "'imagenet' (pre-training on ImageNet), or the path to the weights file to be "
            f"loaded.  Received: weights={weights}"
        )
    if weights == "imagenet" and include_top and classes != 1000:
        raise ValueError(
            "If using `weights='imagenet'` with `include_top=True`, `classes` should be "
            f"1000.  Received classes={classes}"
        )


def obtain_input_shape(
    input_shape: Sequence[int | None] | None,
    default_size: int,
    min_size: int,
    require_flatten: bool,
    weights: Any = None,
) -> Shape:
    """Validate a model's `input_shape`, or give its default, as Keras's applications do."""
    channels_last = backend.image_data_format() == "channels_last"
    shape = None if input_shape is None else tuple(input_shape)
    if weights != "imagenet" and shape and len(shape) == 3:
        channels = shape[-1] if channels_last else shape[0]
        if channels not in {1, 3}:
            warnings.warn(
                "This model usually expects 1 or 3 input channels. However, it was passed "
                f"an input_shape with {channels} input channels.",
                stacklevel=3,
            )
        default: Shape = (
            (default_size, default_size, channels)
            if channels_last
            else (channels, default_size, default_size)
        )
    else:
        default = (default_size, default_size, 3) if channels_last else (3, default_size, default_size)
    if weights == "imagenet" and require_flatten:
        if shape is not None and shape != default:
            raise ValueError(
                "When setting `include_top=True` and loading `imagenet` weights, "
                f"`input_shape` should be {default}.  Received: input_shape={shape}"
            )
        return default
    if shape:
        if len(shape) != 3:
            raise ValueError("`input_shape` must be a tuple of three integers.")
        channels = shape[-1] if channels_last else shape[0]
        spatial = shape[:2] if channels_last else shape[1:]
        if channels != 3 and weights == "imagenet":
            raise ValueError(f"The input must have 3 channels; Received `input_shape={shape}`")
        if any(s is not None and s < min_size for s in spatial):
            raise ValueError(
                f"Input size must be at least {min_size}x{min_size}; Received: input_shape={shape}"
            )
    elif require_flatten:
        shape = default
    else:
        shape = (None, None, 3) if channels_last else (3, None, None)
    if require_flatten and None in shape:
        raise ValueError(
            f"If `include_top` is True, you should specify a static `input_shape`. Received: input_shape={shape}"
        )
    return shape


def image_input(input_tensor: Any, input_shape: Shape) -> Tensor:
    """The model's image input: a new `keras.Input`, or one wrapping `input_tensor`."""
    if input_tensor is None:
        return layers.Input(shape=input_shape)
    if backend.is_keras_tensor(input_tensor):
        return input_tensor
    return layers.Input(tensor=input_tensor, shape=input_shape)


def validate_activation(classifier_activation: Any, weights: Any) -> None:
    """Only `None` and `"softmax"` go with pretrained weights."""
    if weights is None:
        return
    if activations.get(classifier_activation) not in {activations.get("softmax"), activations.get(None)}:
        raise ValueError(
            "Only `None` and `softmax` activations are allowed for the "
            "`classifier_activation` argument when using pretrained weights, with "
            f"`include_top=True`; Received: classifier_activation={classifier_activation}"
        )


def classifier(
    x: Tensor, classes: int, classifier_activation: Any, weights: Any, pool_name: str | None = "avg_pool"
) -> Tensor:
    """The usual top: global average pooling, then a `predictions` Dense layer."""
    x = layers.GlobalAveragePooling2D(name=pool_name)(x)
    validate_activation(classifier_activation, weights)
    return layers.Dense(classes, activation=classifier_activation, name="predictions")(x)


def pool(
    x: Tensor, pooling: str | None, avg_name: str | None = "avg_pool", max_name: str | None = "max_pool"
) -> Tensor:
    """Apply the feature-extraction `pooling` ("avg", "max" or None)."""
    if pooling == "avg":
        return layers.GlobalAveragePooling2D(name=avg_name)(x)
    if pooling == "max":
        return layers.GlobalMaxPooling2D(name=max_name)(x)
    return x


def functional(img_input: Tensor, input_tensor: Any, outputs: Tensor, name: str | None) -> Model:
    """Wrap the graph from the image input (or `input_tensor`'s sources) into a model."""
    inputs = get_source_inputs(input_tensor) if input_tensor is not None else img_input
    return Model(inputs, outputs, name=name)


def load_weights(
    model: Model, weights: Any, file_name: str | None, origin: str | None, file_hash: str | None = None
) -> Model:
    """Load ImageNet weights (fetched with `get_file`) or a local weights file into `model`."""
    if weights == "imagenet":
        if file_name is not None and origin is not None:
            path = get_file(file_name, origin, cache_subdir="models", file_hash=file_hash)
            model.load_weights(path)
    elif weights is not None:
        model.load_weights(weights)
    return model


def correct_pad(
    inputs: Tensor, kernel_size: int | tuple[int, int]
) -> tuple[tuple[int, int], tuple[int, int]]:
    """The zero padding that makes a strided 'valid' convolution act like TF's 'same'."""
    start = 2 if backend.image_data_format() == "channels_first" else 1
    size = inputs.shape[start : start + 2]
    kernel = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    adjust = (1, 1) if size[0] is None else (1 - size[0] % 2, 1 - size[1] % 2)
    half = (kernel[0] // 2, kernel[1] // 2)
    return ((half[0] - adjust[0], half[0]), (half[1] - adjust[1], half[1]))


def make_divisible(value: float, divisor: int = 8) -> int:
    """Round a channel count to a multiple of `divisor`, losing at most 10%."""
    rounded = max(divisor, int(value + divisor / 2) // divisor * divisor)
    return rounded + divisor if rounded < 0.9 * value else rounded


_ARGS_DOC = """
    Args:
{extra}        include_top: Whether to end with the classifier (global pooling and a
            `classes`-way `predictions` layer).
        weights: `None` (random initialization), `"imagenet"` (ImageNet weights,
            downloaded with `keras.utils.get_file`) or the path of a weights file.
        input_tensor: An optional Keras tensor to use as the model's image input.
        input_shape: The image shape, e.g. `(224, 224, 3)`; with `include_top=True` and
            ImageNet weights it must be the default size.
        pooling: With `include_top=False`: `None` (4D feature maps), `"avg"` or `"max"`
            (global pooling to a 2D tensor).
        classes: The number of classes, only with `include_top=True` and no `weights`.
        classifier_activation: The top layer's activation; `None` gives logits. Only
            `None` or `"softmax"` go with pretrained weights.
        name: The model's name.

    Returns:
        A functional `keras.Model`.

    Raises:
        ValueError: If `weights`, `classes`, `input_shape` or `classifier_activation`
            are invalid.
"""

_F = TypeVar("_F", bound=Callable[..., Any])


def document(summary: str, preprocessing: str, extra_args: str = "") -> Callable[[_F], _F]:
    """Give a model builder its docstring: a summary, its preprocessing, the common Args."""

    def apply(fn: _F) -> _F:
        fn.__doc__ = f"{summary}\n\n    {preprocessing}\n" + _ARGS_DOC.format(extra=extra_args)
        return fn

    return apply
