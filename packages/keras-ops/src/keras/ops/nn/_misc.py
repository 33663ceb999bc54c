"""Encoding and layout ops: `one_hot`, `multi_hot`, `polar`, `depth_to_space`, `space_to_depth`."""

from __future__ import annotations

from typing import Any

from keras.backend._active import K
from keras.backend._config import floatx, image_data_format
from keras.backend._dtypes import result_type, standardize_dtype
from keras.ops._convert import convert, default_dtype, infer_dtype
from keras.ops._op import op
from keras.ops._rules import broadcast_shapes
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, DTypeLike, Shape, Tensor

__all__ = ["depth_to_space", "multi_hot", "one_hot", "polar", "space_to_depth"]


# --- one-hot and multi-hot -----------------------------------------------------------------


def _check_encoding(name: str, num_classes: Any, sparse: bool) -> int:
    if sparse:
        raise ValueError(f"{name}: sparse=True is not supported yet; use sparse=False for a dense tensor.")
    if isinstance(num_classes, bool) or not isinstance(num_classes, int) or num_classes < 1:
        raise ValueError(
            f"{name}: `num_classes` must be a positive int. Received: num_classes={num_classes!r}"
        )
    return num_classes


def _class_axis(name: str, axis: int, ndim: int) -> int:
    """Return where the class axis goes in the output (rank `ndim + 1`): -1 or `[0, ndim)`."""
    if axis == -1:
        return ndim
    if not 0 <= axis < ndim:
        raise ValueError(
            f"{name}: `axis` must be -1 or in [0, {ndim}) for an input of rank {ndim}. Received: axis={axis}"
        )
    return axis


def _output_dtype(dtype: DTypeLike) -> str:
    return floatx() if dtype is None else standardize_dtype(dtype)


def _one_hot_shape(name: str, shape: Shape, num_classes: int, axis: int) -> Shape:
    a = _class_axis(name, axis, len(shape))
    return (*shape[:a], num_classes, *shape[a:])


def _one_hot_rule(
    x: Any, num_classes: int, axis: int = -1, dtype: DTypeLike = None, sparse: bool = False
) -> Spec:
    n = _check_encoding("one_hot", num_classes, sparse)
    return Spec(_one_hot_shape("one_hot", as_spec(x).shape, n, axis), _output_dtype(dtype))


def _labels(x: ArrayLike) -> Tensor:
    """Labels compare in their own dtype (a float 1.5 matches no class); bool counts as int32."""
    dtype = result_type(infer_dtype(x))
    return convert(x, "int32" if dtype == "bool" else dtype)


@op(_one_hot_rule)
def one_hot(
    x: ArrayLike, num_classes: int, axis: int = -1, dtype: DTypeLike = None, sparse: bool = False
) -> Tensor:
    """Encode integer labels as one-hot vectors along a new axis.

    Args:
        x: Integer labels. A label outside `[0, num_classes)` gives a vector of zeros.
        num_classes: The number of classes, the length of the new axis.
        axis: Where the new axis goes in the output: -1 (last) or an index in
            `[0, x.ndim)`.
        dtype: The output dtype; `None` means `floatx()`.
        sparse: Must be `False`: sparse outputs are not supported yet.

    Returns:
        A tensor of `x`'s shape with the class axis inserted.

    Raises:
        ValueError: If `sparse=True`, `num_classes` is not a positive int or `axis`
            is out of range.

    Example:

    >>> keras.ops.one_hot(np.array([2, 0, 5]), 3)
    array([[0., 0., 1.],
           [1., 0., 0.],
           [0., 0., 0.]], dtype=float32)
    """
    n = _check_encoding("one_hot", num_classes, sparse)
    t = _labels(x)
    mask = K.nn.one_hot(t, n, _class_axis("one_hot", axis, t.ndim))
    return K.core.cast(mask, _output_dtype(dtype))


def _multi_hot_num_classes(num_classes: Any, kwargs: dict[str, Any]) -> Any:
    """Keras 3 still accepts the old name `num_tokens`."""
    if num_classes is None:
        num_classes = kwargs.pop("num_tokens", None)
    if kwargs:
        raise TypeError(f"multi_hot() got unexpected keyword arguments: {sorted(kwargs)}")
    if num_classes is None:
        raise ValueError("multi_hot: `num_classes` must be specified.")
    return num_classes


def _multi_hot_shape(shape: Shape, num_classes: int, axis: int) -> tuple[Shape, int]:
    """Return the output shape and the axis of the one-hot tensor that is reduced."""
    encoded = _one_hot_shape("multi_hot", shape, num_classes, axis)
    reduced = 1 if len(shape) > 1 else 0
    return encoded[:reduced] + encoded[reduced + 1 :], reduced


def _multi_hot_rule(
    inputs: Any,
    num_classes: Any = None,
    axis: int = -1,
    dtype: DTypeLike = None,
    sparse: bool = False,
    **kwargs: Any,
) -> Spec:
    n = _check_encoding(
        "multi_hot", _multi_hot_num_classes(num_classes, dict(kwargs.get("kwargs", {}))), sparse
    )
    shape, _ = _multi_hot_shape(as_spec(inputs).shape, n, axis)
    return Spec(shape, _output_dtype(dtype))


@op(_multi_hot_rule)
def multi_hot(
    inputs: ArrayLike,
    num_classes: int | None = None,
    axis: int = -1,
    dtype: DTypeLike = None,
    sparse: bool = False,
    **kwargs: Any,
) -> Tensor:
    """Encode groups of integer labels as multi-hot vectors: 1 for each class present.

    The labels of a 1-D `inputs` form one group; for a batch (rank 2 or more) the
    groups run along axis 1. Labels are read as int32.

    Args:
        inputs: Integer labels.
        num_classes: The number of classes (the legacy keyword `num_tokens` is
            accepted too).
        axis: Where the class axis goes, as in `one_hot`, before axis 1 is reduced.
        dtype: The output dtype; `None` means `floatx()`.
        sparse: Must be `False`: sparse outputs are not supported yet.
        **kwargs: Only `num_tokens`.

    Returns:
        The multi-hot tensor: `(num_classes,)` for 1-D `inputs`, `(batch, num_classes)`
        for `(batch, labels)`.

    Raises:
        ValueError: If `num_classes` is missing or not a positive int, `sparse=True`,
            or `axis` is out of range.
        TypeError: If another keyword argument is given.

    Example:

    >>> keras.ops.multi_hot(np.array([[0, 2], [1, 1]]), num_classes=3)
    array([[1., 0., 1.],
           [0., 1., 0.]], dtype=float32)
    """
    n = _check_encoding("multi_hot", _multi_hot_num_classes(num_classes, kwargs), sparse)
    t = convert(inputs, "int32")
    _, reduced = _multi_hot_shape(tuple(t.shape), n, axis)
    mask = K.nn.one_hot(t, n, _class_axis("multi_hot", axis, t.ndim))
    return K.core.cast(K.reductions.any(mask, (reduced,), False), _output_dtype(dtype))


# --- polar --------------------------------------------------------------------------------------


def _polar_shape(abs_shape: Shape, angle_shape: Shape) -> Shape:
    try:
        return broadcast_shapes(abs_shape, angle_shape)
    except ValueError as error:
        raise ValueError(f"polar: {error}") from None


def _polar_rule(abs_: Any, angle: Any) -> Spec:
    return Spec(_polar_shape(as_spec(abs_).shape, as_spec(angle).shape), "complex64")


@op(_polar_rule)
def polar(abs_: ArrayLike, angle: ArrayLike) -> Tensor:
    """Build complex numbers from magnitudes and angles: `abs_ * (cos(angle) + 1j * sin(angle))`.

    Args:
        abs_: The magnitudes.
        angle: The angles in radians, broadcastable with `abs_`.

    Returns:
        A complex64 tensor of the broadcast shape.

    Raises:
        ValueError: If the shapes do not broadcast.

    Example:

    >>> keras.ops.polar(np.array([2.0], dtype="float32"), np.array([0.0], dtype="float32"))
    array([2.+0.j], dtype=complex64)
    """
    magnitude, theta = convert(abs_, "float32"), convert(angle, "float32")
    _polar_shape(tuple(magnitude.shape), tuple(theta.shape))
    return K.nn.polar(magnitude, theta)


# --- depth and space ---------------------------------------------------------------------------


def _layout(name: str, shape: Shape, block_size: Any, data_format: str | None) -> tuple[bool, Shape]:
    """Check the arguments; return whether channels are last and the (N, H, W, C) dims."""
    data_format = image_data_format() if data_format is None else data_format
    if isinstance(block_size, bool) or not isinstance(block_size, int) or block_size < 2:
        raise ValueError(f"{name}: `block_size` must be an int >= 2. Received: block_size={block_size!r}")
    if data_format not in ("channels_last", "channels_first"):
        raise ValueError(
            f"{name}: `data_format` must be 'channels_last' or 'channels_first'. Received: data_format={data_format!r}"
        )
    if len(shape) != 4:
        raise ValueError(f"{name}: `x` must be a 4-D tensor. Received: x.shape={shape}")
    last = data_format == "channels_last"
    n, h, w, c = shape if last else (shape[0], shape[2], shape[3], shape[1])
    return last, (n, h, w, c)


def _arrange(last: bool, n: int | None, h: int | None, w: int | None, c: int | None) -> Shape:
    return (n, h, w, c) if last else (n, c, h, w)


def _times(d: int | None, k: int) -> int | None:
    return None if d is None else d * k


def _depth_to_space_shape(shape: Shape, block_size: Any, data_format: str | None) -> Shape:
    last, (n, h, w, c) = _layout("depth_to_space", shape, block_size, data_format)
    if c is not None and c % block_size**2:
        raise ValueError(
            f"depth_to_space: the number of channels ({c}) must be divisible by block_size**2 ({block_size**2})."
        )
    return _arrange(
        last, n, _times(h, block_size), _times(w, block_size), None if c is None else c // block_size**2
    )


def _depth_to_space_rule(x: Any, block_size: int, data_format: str | None = "channels_last") -> Spec:
    spec = as_spec(x)
    return Spec(_depth_to_space_shape(spec.shape, block_size, data_format), spec.dtype)


@op(_depth_to_space_rule)
def depth_to_space(x: ArrayLike, block_size: int, data_format: str | None = "channels_last") -> Tensor:
    """Move blocks of channels into space (pixel shuffle): `(N, H, W, C)` to `(N, H*r, W*r, C/r**2)`.

    Args:
        x: A 4-D tensor.
        block_size: The block side `r`, an int >= 2; the channels must be divisible
            by `r**2`.
        data_format: `"channels_last"` (`(N, H, W, C)`) or `"channels_first"`
            (`(N, C, H, W)`); `None` means `keras.backend.image_data_format()`.

    Returns:
        A tensor of `x`'s dtype; the inverse of `space_to_depth`.

    Raises:
        ValueError: If `x` is not 4-D, `block_size` is not an int >= 2, the channels
            do not divide, or `data_format` is unknown.

    Example:

    >>> x = np.arange(4, dtype="int32").reshape(1, 1, 1, 4)
    >>> keras.ops.depth_to_space(x, 2)[0, :, :, 0]
    array([[0, 1],
           [2, 3]], dtype=int32)
    """
    t = convert(x, default_dtype(x))
    _depth_to_space_shape(tuple(t.shape), block_size, data_format)
    last, _ = _layout("depth_to_space", tuple(t.shape), block_size, data_format)
    return K.nn.depth_to_space(t, block_size, last)


def _space_to_depth_shape(shape: Shape, block_size: Any, data_format: str | None) -> Shape:
    last, (n, h, w, c) = _layout("space_to_depth", shape, block_size, data_format)
    for name, d in (("height", h), ("width", w)):
        if d is not None and d % block_size:
            raise ValueError(
                f"space_to_depth: the {name} ({d}) must be divisible by block_size ({block_size})."
            )
    height = None if h is None else h // block_size
    width = None if w is None else w // block_size
    return _arrange(last, n, height, width, _times(c, block_size**2))


def _space_to_depth_rule(x: Any, block_size: int, data_format: str | None = "channels_last") -> Spec:
    spec = as_spec(x)
    return Spec(_space_to_depth_shape(spec.shape, block_size, data_format), spec.dtype)


@op(_space_to_depth_rule)
def space_to_depth(x: ArrayLike, block_size: int, data_format: str | None = "channels_last") -> Tensor:
    """Move blocks of space into channels: `(N, H, W, C)` to `(N, H/r, W/r, C*r**2)`.

    Args:
        x: A 4-D tensor.
        block_size: The block side `r`, an int >= 2; height and width must be
            divisible by `r`.
        data_format: `"channels_last"` (`(N, H, W, C)`) or `"channels_first"`
            (`(N, C, H, W)`); `None` means `keras.backend.image_data_format()`.

    Returns:
        A tensor of `x`'s dtype; the inverse of `depth_to_space`.

    Raises:
        ValueError: If `x` is not 4-D, `block_size` is not an int >= 2, the spatial
            sizes do not divide, or `data_format` is unknown.

    Example:

    >>> x = np.arange(4, dtype="int32").reshape(1, 2, 2, 1)
    >>> keras.ops.space_to_depth(x, 2)
    array([[[[0, 1, 2, 3]]]], dtype=int32)
    """
    t = convert(x, default_dtype(x))
    _space_to_depth_shape(tuple(t.shape), block_size, data_format)
    last, _ = _layout("space_to_depth", tuple(t.shape), block_size, data_format)
    return K.nn.space_to_depth(t, block_size, last)
