"""Filtering ops built on depthwise convolution: `gaussian_blur`, `sobel_edges`, `ssim`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from keras.backend._active import K
from keras.ops._convert import convert, promote
from keras.ops._op import op
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Tensor
from keras.ops.image._common import (
    channels_last,
    check_rank,
    compute_dtype,
    from_canonical,
    gaussian_1d,
    restore_dtype,
    same_pads,
    spec_dtype,
    to_canonical,
)

__all__ = ["depthwise_filter", "gaussian_blur", "sobel_edges", "ssim"]


def depthwise_filter(x: Tensor, window: np.ndarray[Any, Any], padding: str) -> Tensor:
    """Correlate every channel of `(batch, height, width, channels)` `x` with a 2-D `window`.

    `padding` is "same" (zeros) or "valid".
    """
    channels = int(x.shape[-1])
    kh, kw = window.shape
    kernel = np.broadcast_to(window[:, :, None, None], (kh, kw, 1, channels))
    if padding == "same":
        pads = (same_pads(int(x.shape[1]), kh, 1), same_pads(int(x.shape[2]), kw, 1))
    else:
        pads = ((0, 0), (0, 0))
    native = convert(np.ascontiguousarray(kernel), K.core.dtype_of(x))
    return K.conv.conv(x, native, (1, 1), pads, (1, 1), channels)


def _pair(op_name: str, name: str, value: Any, kind: type) -> tuple[Any, Any]:
    values = (value, value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value
    if isinstance(values, Sequence) and len(values) == 2 and all(isinstance(v, (int, float)) for v in values):
        pair = (kind(values[0]), kind(values[1]))
        if all(v > 0 for v in pair):
            return pair
    raise ValueError(
        f"{op_name}: `{name}` must be a positive number or a pair of them. Received: {name}={value!r}"
    )


def _same_rule(images: Any, kernel_size: Any = None, sigma: Any = None, data_format: Any = None) -> Spec:
    channels_last("gaussian_blur", data_format)
    spec = check_rank("gaussian_blur", "images", images)
    return Spec(spec.shape, spec_dtype(spec))


@op(_same_rule)
def gaussian_blur(
    images: ArrayLike,
    kernel_size: int | tuple[int, int] = (3, 3),
    sigma: float | tuple[float, float] = (1.0, 1.0),
    data_format: str | None = None,
) -> Tensor:
    """Blur images with a Gaussian window, zero-padded to keep their size.

    Args:
        images: An image (rank 3) or a batch of images (rank 4).
        kernel_size: The window size `(size_x, size_y)`: the first entry spans the
            width, the second the height (as Keras orders them).
        sigma: The standard deviations `(sigma_x, sigma_y)`, in pixels.
        data_format: `"channels_last"`, `"channels_first"` or `None`
            (`keras.config.image_data_format()`).

    Returns:
        The blurred images, of the input's shape and dtype.

    Raises:
        ValueError: If `images` is not rank 3 or 4, or a size or sigma is not positive.

    Example:

    >>> x = np.zeros((3, 3, 1), dtype="float32")
    >>> x[1, 1, 0] = 1.0
    >>> keras.ops.image.gaussian_blur(x, kernel_size=3, sigma=1.0)[1, :, 0]
    array([0.1238414 , 0.20417996, 0.1238414 ], dtype=float32)
    """
    last = channels_last("gaussian_blur", data_format)
    size_x, size_y = _pair("gaussian_blur", "kernel_size", kernel_size, int)
    sigma_x, sigma_y = _pair("gaussian_blur", "sigma", sigma, float)
    (x,) = promote(images)
    check_rank("gaussian_blur", "images", x)
    dtype = K.core.dtype_of(x)
    (work,) = promote(to_canonical(x, last), dtype=compute_dtype(dtype))
    window = np.outer(gaussian_1d(size_y, sigma_y), gaussian_1d(size_x, sigma_x))
    blurred = depthwise_filter(work, window, "same")
    return restore_dtype(from_canonical(blurred, x.ndim, last), dtype)


_SOBEL_X = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])


def _sobel_rule(images: Any, data_format: Any = None) -> Spec:
    channels_last("sobel_edges", data_format)
    spec = check_rank("sobel_edges", "images", images, (4,))
    return Spec((*spec.shape, 2), spec_dtype(spec))


@op(_sobel_rule)
def sobel_edges(images: ArrayLike, data_format: str | None = None) -> Tensor:
    """Compute the Sobel vertical and horizontal gradients of a batch of images.

    Args:
        images: A batch of images, rank 4.
        data_format: `"channels_last"`, `"channels_first"` or `None`
            (`keras.config.image_data_format()`).

    Returns:
        The gradients, of shape `images.shape + (2,)`: `[..., 0]` is the vertical
        gradient `dy`, `[..., 1]` the horizontal `dx` (zero-padded borders).

    Raises:
        ValueError: If `images` is not rank 4.

    Example:

    >>> x = np.zeros((1, 3, 3, 1), dtype="float32")
    >>> x[0, :, 2, 0] = 1.0
    >>> keras.ops.image.sobel_edges(x)[0, 1, :, 0, 1]
    array([0., 4., 0.], dtype=float32)
    """
    last = channels_last("sobel_edges", data_format)
    (x,) = promote(images)
    check_rank("sobel_edges", "images", x, (4,))
    dtype = K.core.dtype_of(x)
    (work,) = promote(to_canonical(x, last), dtype=compute_dtype(dtype))
    dy = from_canonical(depthwise_filter(work, _SOBEL_X.T, "same"), 4, last)
    dx = from_canonical(depthwise_filter(work, _SOBEL_X, "same"), 4, last)
    return restore_dtype(K.shape.stack([dy, dx], 4), dtype)


def _ssim_rule(image1: Any, image2: Any, data_format: Any = None) -> Spec:
    channels_last("ssim", data_format)
    s1 = check_rank("ssim", "image1", image1)
    s2 = check_rank("ssim", "image2", image2)
    if s1.ndim != s2.ndim or any(
        a is not None and b is not None and a != b for a, b in zip(s1.shape, s2.shape, strict=False)
    ):
        raise ValueError(
            f"ssim: `image1` and `image2` must have the same shape. "
            f"Received: image1.shape={tuple(s1.shape)}, image2.shape={tuple(s2.shape)}"
        )
    return Spec(() if s1.ndim == 3 else (s1.shape[0],), spec_dtype(s1))


@op(_ssim_rule)
def ssim(
    image1: ArrayLike,
    image2: ArrayLike,
    max_val: float = 1.0,
    filter_size: int = 11,
    filter_sigma: float = 1.5,
    k1: float = 0.01,
    k2: float = 0.03,
    data_format: str | None = None,
) -> Tensor:
    """Compute the structural similarity index (SSIM) of two images or batches.

    Local means, variances and covariance come from a Gaussian window of
    `filter_size` taps (valid positions only); the SSIM map is averaged over
    positions and channels.

    Args:
        image1: An image (rank 3) or a batch of images (rank 4).
        image2: Images of the same shape as `image1`.
        max_val: The dynamic range of the pixel values (1.0 for `[0, 1]`, 255.0 for bytes).
        filter_size: The Gaussian window's size; at most the images' height and width.
        filter_sigma: The Gaussian window's standard deviation.
        k1: The luminance stabilisation constant.
        k2: The contrast stabilisation constant.
        data_format: `"channels_last"`, `"channels_first"` or `None`
            (`keras.config.image_data_format()`).

    Returns:
        One SSIM value per image (a scalar for rank-3 inputs), of `image1`'s dtype.

    Raises:
        ValueError: If the images differ in shape, are not rank 3 or 4, or are smaller
            than the window.

    Example:

    >>> x = np.linspace(0.0, 1.0, 48, dtype="float32").reshape((4, 4, 3))
    >>> float(keras.ops.image.ssim(x, x, filter_size=3))
    1.0
    """
    last = channels_last("ssim", data_format)
    spec = _ssim_rule(as_spec(image1), as_spec(image2), data_format)
    (a,) = promote(image1)
    (b,) = promote(image2)
    dtype = K.core.dtype_of(a)
    work = compute_dtype(dtype)
    (a,) = promote(to_canonical(a, last), dtype=work)
    (b,) = promote(to_canonical(b, last), dtype=work)
    height, width = int(a.shape[1]), int(a.shape[2])
    if not 1 <= int(filter_size) <= min(height, width) or int(filter_size) != filter_size:
        raise ValueError(
            f"ssim: `filter_size` must be an int from 1 to the images' height and width ({height}, {width}). "
            f"Received: filter_size={filter_size!r}"
        )
    window_1d = gaussian_1d(filter_size, filter_sigma)
    window = np.outer(window_1d, window_1d)
    mu1, mu2 = depthwise_filter(a, window, "valid"), depthwise_filter(b, window, "valid")
    var1 = depthwise_filter(a * a, window, "valid") - mu1 * mu1
    var2 = depthwise_filter(b * b, window, "valid") - mu2 * mu2
    covariance = depthwise_filter(a * b, window, "valid") - mu1 * mu2
    c1, c2 = (k1 * max_val) ** 2, (k2 * max_val) ** 2
    result = K.image.ssim_index(mu1, mu2, var1, var2, covariance, c1, c2)
    if spec.ndim == 0:
        result = K.shape.reshape(result, ())
    return restore_dtype(result, dtype)
