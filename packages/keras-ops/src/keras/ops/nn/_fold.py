"""Patch ops on channels-first images: `unfold` (im2col) and its adjoint `fold` (col2im)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from keras.backend._active import K
from keras.ops._convert import convert
from keras.ops._op import op
from keras.ops._rules import shape_size
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Shape, Tensor
from keras.ops.nn._conv import per_axis

__all__ = ["fold", "unfold"]

IntOrPair = int | Sequence[int]
Ints = tuple[int, ...]


def _pairs(
    op_name: str, kernel_size: Any, dilation: Any, padding: Any, stride: Any
) -> tuple[Ints, Ints, Ints, Ints]:
    return (
        per_axis(op_name, "kernel_size", kernel_size, 2),
        per_axis(op_name, "dilation", dilation, 2),
        per_axis(op_name, "padding", padding, 2, 0),
        per_axis(op_name, "stride", stride, 2),
    )


def _blocks(op_name: str, size: Shape, kernel: Ints, dilation: Ints, padding: Ints, stride: Ints) -> Shape:
    """How many patches fit along each spatial axis of a padded image of `size`."""
    out: list[int | None] = []
    for n, k, d, p, s in zip(size, kernel, dilation, padding, stride, strict=True):
        if n is None:
            out.append(None)
            continue
        room = n + 2 * p - d * (k - 1) - 1
        if room < 0:
            raise ValueError(
                f"{op_name}: the kernel (extent {d * (k - 1) + 1} once dilated) does not fit the padded "
                f"image (size {n + 2 * p})."
            )
        out.append(room // s + 1)
    return tuple(out)


def _unfold_shape(shape: Shape, kernel_size: Any, dilation: Any, padding: Any, stride: Any) -> Shape:
    if len(shape) != 4:
        raise ValueError(
            f"unfold: `x` must have rank 4 (batch, channels, height, width). Received: x.shape={shape}"
        )
    kernel, dil, pad, step = _pairs("unfold", kernel_size, dilation, padding, stride)
    blocks = _blocks("unfold", shape[2:], kernel, dil, pad, step)
    channels = None if shape[1] is None else shape[1] * kernel[0] * kernel[1]
    return (shape[0], channels, shape_size(blocks))


def _unfold_rule(x: Any, kernel_size: Any, dilation: Any = 1, padding: Any = 0, stride: Any = 1) -> Spec:
    spec = as_spec(x)
    return Spec(_unfold_shape(spec.shape, kernel_size, dilation, padding, stride), spec.dtype)


@op(_unfold_rule)
def unfold(
    x: ArrayLike,
    kernel_size: IntOrPair,
    dilation: IntOrPair = 1,
    padding: IntOrPair = 0,
    stride: IntOrPair = 1,
) -> Tensor:
    """Extract every sliding patch of a channels-first image batch as a column (im2col).

    Args:
        x: Tensor of shape `(N, C, H, W)`.
        kernel_size: Int or pair: the patch size `(kh, kw)`.
        dilation: Int or pair: the spacing of the patch's taps.
        padding: Int or pair: zeros added on both sides of each spatial axis.
        stride: Int or pair: the step between patches.

    Returns:
        A tensor of shape `(N, C * kh * kw, L)`, `L` the number of patches; row
        `c * kh * kw + i * kw + j` holds tap `(i, j)` of channel `c`.

    Raises:
        ValueError: For an input that is not rank 4, bad sizes, or a kernel that does
            not fit the padded image.

    Example:

    >>> x = np.arange(16, dtype="float32").reshape(1, 1, 4, 4)
    >>> keras.ops.nn.unfold(x, 2, stride=2)[0, :, 0]
    array([0., 1., 4., 5.], dtype=float32)
    """
    t = convert(x)
    shape = K.core.shape_of(t)
    _unfold_shape(shape, kernel_size, dilation, padding, stride)
    kernel, dil, pad, step = _pairs("unfold", kernel_size, dilation, padding, stride)
    return K.conv.unfold(t, kernel, dil, tuple((p, p) for p in pad), step)


def _fold_plan(
    shape: Shape, output_size: Any, kernel_size: Any, dilation: Any, padding: Any, stride: Any
) -> tuple[Ints, Ints, Ints, Ints, Ints, Shape, Shape]:
    """Check `fold`'s arguments; return the per-axis tuples, the block counts and the output shape."""
    if len(shape) != 3:
        raise ValueError(
            f"fold: `x` must have rank 3 (batch, channels * kh * kw, blocks). Received: x.shape={shape}"
        )
    size = per_axis("fold", "output_size", output_size, 2)
    kernel, dil, pad, step = _pairs("fold", kernel_size, dilation, padding, stride)
    positions = kernel[0] * kernel[1]
    if shape[1] is not None and shape[1] % positions:
        raise ValueError(
            f"fold: the second axis of `x` ({shape[1]}) must be a multiple of kh * kw ({positions}). "
            f"Received: x.shape={shape}, kernel_size={kernel_size!r}"
        )
    blocks = _blocks("fold", size, kernel, dil, pad, step)
    total = shape_size(blocks)
    if shape[2] is not None and total is not None and shape[2] != total:
        raise ValueError(
            f"fold: `x` has {shape[2]} blocks, but output_size={output_size!r} with these kernel, "
            f"dilation, padding and stride holds {total}. Received: x.shape={shape}"
        )
    channels = None if shape[1] is None else shape[1] // positions
    return size, kernel, dil, pad, step, blocks, (shape[0], channels, *size)


def _fold_rule(
    x: Any, output_size: Any, kernel_size: Any, dilation: Any = 1, padding: Any = 0, stride: Any = 1
) -> Spec:
    spec = as_spec(x)
    return Spec(_fold_plan(spec.shape, output_size, kernel_size, dilation, padding, stride)[-1], spec.dtype)


@op(_fold_rule)
def fold(
    x: ArrayLike,
    output_size: IntOrPair,
    kernel_size: IntOrPair,
    dilation: IntOrPair = 1,
    padding: IntOrPair = 0,
    stride: IntOrPair = 1,
) -> Tensor:
    """Sum columns of patches back into a channels-first image batch (col2im).

    The adjoint of `unfold`: each patch is added at its place, overlaps summing, and
    the padding is cropped away.

    Args:
        x: Tensor of shape `(N, C * kh * kw, L)`, laid out as `unfold` returns.
        output_size: Int or pair: the image's `(H, W)`.
        kernel_size: Int or pair: the patch size `(kh, kw)`.
        dilation: Int or pair: the spacing of the patch's taps.
        padding: Int or pair: the padding `unfold` applied on both sides.
        stride: Int or pair: the step between patches.

    Returns:
        A tensor of shape `(N, C, H, W)`.

    Raises:
        ValueError: For an input that is not rank 3, a second axis that is not a
            multiple of `kh * kw`, or a number of blocks that does not match.

    Example:

    >>> x = np.ones((1, 1, 4, 4), "float32")
    >>> patches = keras.ops.nn.unfold(x, 2, stride=1)
    >>> keras.ops.nn.fold(patches, 4, 2)[0, 0, :2]
    array([[1., 2., 2., 1.],
           [2., 4., 4., 2.]], dtype=float32)
    """
    t = convert(x)
    size, kernel, dil, pad, step, blocks, _ = _fold_plan(
        K.core.shape_of(t), output_size, kernel_size, dilation, padding, stride
    )
    counts = tuple(int(b) for b in blocks if b is not None)
    return K.conv.fold(t, size, kernel, dil, tuple((p, p) for p in pad), step, counts)
