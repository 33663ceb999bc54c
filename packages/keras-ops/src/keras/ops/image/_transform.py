"""Ops that sample images at computed coordinates: `map_coordinates`, `affine_transform`,
`perspective_transform`, `elastic_transform`.

All four go through one kernel, `map_coordinates`: nearest (order 0) or linear (order 1)
sampling where every neighbour outside the input reads `fill_value` ("constant") or the
sample that `fill_mode` extends the input with ("nearest", "wrap", "mirror", "reflect").
"""

from __future__ import annotations

from typing import Any

import numpy as np

from keras.backend._active import K
from keras.backend._dtypes import is_float_dtype
from keras.ops._convert import promote
from keras.ops._op import op
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Tensor
from keras.ops.image._common import (
    channels_last,
    check_choice,
    check_rank,
    compute_dtype,
    from_canonical,
    gaussian_1d,
    restore_dtype,
    spec_dtype,
    to_canonical,
)
from keras.ops.image._filters import depthwise_filter
from keras.random._draws import Seed, normal

__all__ = ["affine_transform", "elastic_transform", "map_coordinates", "perspective_transform"]

FILL_MODES = ("constant", "nearest", "wrap", "mirror", "reflect")
INTERPOLATIONS = {"nearest": 0, "bilinear": 1}


def _map_rule(
    inputs: Any, coordinates: Any, order: Any, fill_mode: Any = "constant", fill_value: Any = 0
) -> Spec:
    spec, coords = as_spec(inputs), as_spec(coordinates)
    _check_map(spec.ndim, coords.shape, order, fill_mode)
    return Spec(tuple(coords.shape[1:]), spec_dtype(spec))


def _check_map(ndim: int, coordinates_shape: tuple[int | None, ...], order: Any, fill_mode: Any) -> None:
    if len(coordinates_shape) < 2 or coordinates_shape[0] not in (None, ndim):
        raise ValueError(
            "map_coordinates: `coordinates` must have shape (inputs.ndim, ...) with at least rank 2. "
            f"Received: coordinates.shape={tuple(coordinates_shape)} for inputs of rank {ndim}"
        )
    check_choice("map_coordinates", "order", order, (0, 1))
    check_choice("map_coordinates", "fill_mode", fill_mode, FILL_MODES)


@op(_map_rule)
def map_coordinates(
    inputs: ArrayLike, coordinates: ArrayLike, order: int, fill_mode: str = "constant", fill_value: float = 0
) -> Tensor:
    """Sample `inputs` at the given coordinates, by nearest or linear interpolation.

    Args:
        inputs: The tensor to sample, of any rank `n`.
        coordinates: A tensor `(n, ...)`: for each output position, one coordinate per
            axis of `inputs`.
        order: 0 (nearest sample, ties away from zero) or 1 (linear interpolation).
        fill_mode: How neighbours outside `inputs` read: `"constant"` (`fill_value`),
            `"nearest"` (edge sample), `"wrap"` (periodic), `"mirror"` (reflect about
            the edge samples) or `"reflect"` (reflect about the edges).
        fill_value: The value of outside neighbours with `fill_mode="constant"`.

    Returns:
        A tensor of shape `coordinates.shape[1:]` and `inputs`' dtype (integers are
        rounded half away from zero).

    Raises:
        ValueError: If `coordinates` does not match `inputs`' rank, or `order` or
            `fill_mode` is unknown.

    Example:

    >>> x = np.array([0.0, 10.0, 20.0], dtype="float32")
    >>> keras.ops.image.map_coordinates(x, np.array([[0.5, 1.25, 3.0]]), order=1)
    array([ 5. , 12.5,  0. ], dtype=float32)
    """
    (x,) = promote(inputs)
    dtype = K.core.dtype_of(x)
    work = compute_dtype(dtype)
    (c,) = promote(coordinates, dtype=work)
    _check_map(x.ndim, tuple(int(d) for d in c.shape), order, fill_mode)
    (x,) = promote(x, dtype=work)
    coords = [c[i] for i in range(int(c.shape[0]))]
    result = K.image.map_coordinates(x, coords, order, fill_mode, float(fill_value), False)
    if not is_float_dtype(dtype):
        # Round half away from zero, as jax does for integer inputs.
        sign = K.elementwise.sign(result)
        result = K.elementwise.floor(K.elementwise.absolute(result) + 0.5) * sign
    return restore_dtype(result, dtype)


def _sample_images(
    x: Tensor, rows: Tensor, columns: Tensor, order: int, fill_mode: str, fill_value: float, dtype: str
) -> Tensor:
    """Sample canonical images `x` at `(batch, height, width)` coordinates; cast back to `dtype`."""
    sampled = K.image.map_coordinates(x, [rows, columns], order, fill_mode, fill_value, True)
    return sampled if K.core.dtype_of(sampled) == dtype else restore_dtype(sampled, dtype)


def _broadcast_batch(t: Tensor, batch: int, op_name: str, name: str) -> Tensor:
    """A per-image parameter tensor with leading axis 1 or `batch`, as `batch` entries."""
    size = int(t.shape[0])
    if size == batch:
        return t
    if size == 1:
        return K.shape.broadcast_to(t, (batch, *(int(d) for d in t.shape[1:])))
    raise ValueError(f"{op_name}: `{name}` has {size} entries for a batch of {batch} images.")


def _affine_rule(
    images: Any,
    transform: Any,
    interpolation: Any = "bilinear",
    fill_mode: Any = "constant",
    fill_value: Any = 0,
    data_format: Any = None,
) -> Spec:
    check_choice("affine_transform", "interpolation", interpolation, tuple(INTERPOLATIONS))
    check_choice("affine_transform", "fill_mode", fill_mode, FILL_MODES)
    channels_last("affine_transform", data_format)
    spec = check_rank("affine_transform", "images", images)
    t = as_spec(transform)
    if t.ndim not in (1, 2) or t.shape[-1] not in (None, 8):
        raise ValueError(
            "affine_transform: `transform` must have shape (8,) or (batch, 8). "
            f"Received: transform.shape={tuple(t.shape)}"
        )
    return Spec(spec.shape, spec_dtype(spec))


@op(_affine_rule)
def affine_transform(
    images: ArrayLike,
    transform: ArrayLike,
    interpolation: str = "bilinear",
    fill_mode: str = "constant",
    fill_value: float = 0,
    data_format: str | None = None,
) -> Tensor:
    """Apply projective transforms `[a0, a1, a2, b0, b1, b2, c0, c1]` to images.

    Output pixel `(x, y)` reads the input at `((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2)
    / k)` with `k = c0 x + c1 y + 1`: the transform maps output points to input points.

    Args:
        images: An image (rank 3) or a batch of images (rank 4).
        transform: One transform `(8,)` for all images, or one per image `(batch, 8)`.
        interpolation: `"nearest"` or `"bilinear"`.
        fill_mode: How points outside the input read: `"constant"`, `"nearest"`,
            `"wrap"`, `"mirror"` or `"reflect"` (see `map_coordinates`).
        fill_value: The value outside the input with `fill_mode="constant"`.
        data_format: `"channels_last"`, `"channels_first"` or `None`
            (`keras.config.image_data_format()`).

    Returns:
        The transformed images, of the input's shape and dtype.

    Raises:
        ValueError: If an argument is malformed.

    Example:

    >>> x = np.arange(4, dtype="float32").reshape((1, 4, 1))
    >>> shift = np.array([1, 0, 1, 0, 1, 0, 0, 0], dtype="float32")  # read one pixel right
    >>> keras.ops.image.affine_transform(x, shift)[0, :, 0]
    array([1., 2., 3., 0.], dtype=float32)
    """
    _affine_rule(as_spec(images), as_spec(transform), interpolation, fill_mode, fill_value, data_format)
    last = channels_last("affine_transform", data_format)
    (x,) = promote(images)
    dtype, ndim = K.core.dtype_of(x), x.ndim
    work = compute_dtype(dtype)
    (x,) = promote(to_canonical(x, last), dtype=work)
    (t,) = promote(transform, dtype=work)
    t = K.shape.reshape(t, (-1, 8))
    t = _broadcast_batch(t, int(x.shape[0]), "affine_transform", "transform")
    rows, columns = K.image.projective_coordinates(t, int(x.shape[1]), int(x.shape[2]))
    order = INTERPOLATIONS[interpolation]
    out = _sample_images(x, rows, columns, order, fill_mode, float(fill_value), dtype)
    return from_canonical(out, ndim, last)


def _points_shape(name: str, spec: Spec) -> None:
    if spec.ndim not in (2, 3) or tuple(spec.shape[-2:]) != (4, 2):
        raise ValueError(
            f"perspective_transform: `{name}` must have shape (4, 2) or (batch, 4, 2). "
            f"Received: {name}.shape={tuple(spec.shape)}"
        )


def _perspective_rule(
    images: Any,
    start_points: Any,
    end_points: Any,
    interpolation: Any = "bilinear",
    fill_value: Any = 0,
    data_format: Any = None,
) -> Spec:
    check_choice("perspective_transform", "interpolation", interpolation, tuple(INTERPOLATIONS))
    channels_last("perspective_transform", data_format)
    spec = check_rank("perspective_transform", "images", images)
    start, end = as_spec(start_points), as_spec(end_points)
    _points_shape("start_points", start)
    _points_shape("end_points", end)
    if start.shape != end.shape:
        raise ValueError(
            "perspective_transform: `start_points` and `end_points` must have the same shape. "
            f"Received: start_points.shape={tuple(start.shape)}, end_points.shape={tuple(end.shape)}"
        )
    return Spec(spec.shape, spec_dtype(spec))


@op(_perspective_rule)
def perspective_transform(
    images: ArrayLike,
    start_points: ArrayLike,
    end_points: ArrayLike,
    interpolation: str = "bilinear",
    fill_value: float = 0,
    data_format: str | None = None,
) -> Tensor:
    """Warp images so that the four `start_points` move to the `end_points`.

    The homography taking each end point `(x, y)` to its start point is solved for, and
    every output pixel reads the input where the homography sends it; points outside the
    input read `fill_value`.

    Args:
        images: An image (rank 3) or a batch of images (rank 4).
        start_points: Four `(x, y)` corners in the input, `(4, 2)` or `(batch, 4, 2)`.
        end_points: Where those corners land in the output, of the same shape.
        interpolation: `"nearest"` or `"bilinear"`.
        fill_value: The value of pixels mapped from outside the input.
        data_format: `"channels_last"`, `"channels_first"` or `None`
            (`keras.config.image_data_format()`).

    Returns:
        The warped images, of the input's shape and dtype.

    Raises:
        ValueError: If an argument is malformed.

    Example:

    >>> x = np.arange(4, dtype="float32").reshape((1, 4, 1))
    >>> start = np.array([[1, 0], [4, 0], [1, 1], [4, 1]], dtype="float32")
    >>> end = np.array([[0, 0], [3, 0], [0, 1], [3, 1]], dtype="float32")
    >>> keras.ops.image.perspective_transform(x, start, end)[0, :, 0]
    array([1., 2., 3., 0.], dtype=float32)
    """
    _perspective_rule(
        as_spec(images), as_spec(start_points), as_spec(end_points), interpolation, fill_value, data_format
    )
    last = channels_last("perspective_transform", data_format)
    (x,) = promote(images)
    dtype, ndim = K.core.dtype_of(x), x.ndim
    work = compute_dtype(dtype)
    (x,) = promote(to_canonical(x, last), dtype=work)
    (start,) = promote(start_points, dtype="float32")
    (end,) = promote(end_points, dtype="float32")
    start, end = K.shape.reshape(start, (-1, 4, 2)), K.shape.reshape(end, (-1, 4, 2))
    matrix, target = K.image.homography_system(start, end)
    homography = K.shape.reshape(K.linalg.solve(matrix, target), (-1, 8))
    homography = _broadcast_batch(homography, int(x.shape[0]), "perspective_transform", "start_points")
    rows, columns = K.image.projective_coordinates(homography, int(x.shape[1]), int(x.shape[2]))
    (rows, columns) = (promote(rows, dtype=work)[0], promote(columns, dtype=work)[0])
    order = INTERPOLATIONS[interpolation]
    out = _sample_images(x, rows, columns, order, "constant", float(fill_value), dtype)
    return from_canonical(out, ndim, last)


def _elastic_rule(
    images: Any,
    alpha: Any = 20.0,
    sigma: Any = 5.0,
    interpolation: Any = "bilinear",
    fill_mode: Any = "reflect",
    fill_value: Any = 0.0,
    seed: Any = None,
    data_format: Any = None,
) -> Spec:
    check_choice("elastic_transform", "interpolation", interpolation, tuple(INTERPOLATIONS))
    check_choice("elastic_transform", "fill_mode", fill_mode, FILL_MODES)
    channels_last("elastic_transform", data_format)
    spec = check_rank("elastic_transform", "images", images)
    return Spec(spec.shape, spec_dtype(spec))


@op(_elastic_rule)
def elastic_transform(
    images: ArrayLike,
    alpha: float = 20.0,
    sigma: float = 5.0,
    interpolation: str = "bilinear",
    fill_mode: str = "reflect",
    fill_value: float = 0.0,
    seed: Seed = None,
    data_format: str | None = None,
) -> Tensor:
    """Distort images with a random, smooth displacement field.

    Two standard normal fields (scaled by `sigma`) are drawn per image, smoothed by a
    Gaussian of standard deviation `sigma` (window `int(6 * sigma) | 1`, zero padded),
    scaled by `alpha`, and added to the pixel grid; the images are sampled there.

    Args:
        images: An image (rank 3) or a batch of images (rank 4).
        alpha: The strength of the displacement, in pixels.
        sigma: The smoothness of the displacement.
        interpolation: `"nearest"` or `"bilinear"`.
        fill_mode: How points outside the input read (see `map_coordinates`).
        fill_value: The value outside the input with `fill_mode="constant"`.
        seed: An int, a `keras.random.SeedGenerator` or `None`.
        data_format: `"channels_last"`, `"channels_first"` or `None`
            (`keras.config.image_data_format()`).

    Returns:
        The distorted images, of the input's shape and dtype.

    Raises:
        ValueError: If an argument is malformed.

    Example:

    >>> x = np.arange(16, dtype="float32").reshape((4, 4, 1))
    >>> y = keras.ops.image.elastic_transform(x, alpha=0.0, seed=1)
    >>> bool(np.allclose(y, x))
    True
    """
    _elastic_rule(as_spec(images), alpha, sigma, interpolation, fill_mode, fill_value, seed, data_format)
    if not float(sigma) > 0:
        raise ValueError(f"elastic_transform: `sigma` must be positive. Received: sigma={sigma!r}")
    last = channels_last("elastic_transform", data_format)
    (x,) = promote(images)
    dtype, ndim = K.core.dtype_of(x), x.ndim
    work = compute_dtype(dtype)
    (x,) = promote(to_canonical(x, last), dtype=work)
    batch, height, width = (int(d) for d in x.shape[:3])
    size = int(6 * float(sigma)) | 1
    fields = normal((batch, height, width, 2), stddev=float(sigma), dtype=work, seed=seed)
    window = np.outer(gaussian_1d(size, float(sigma)), gaussian_1d(size, float(sigma)))
    smooth = depthwise_filter(fields, window, "same") * float(alpha)
    ys, xs = K.image.pixel_grid(height, width, x)
    rows, columns = ys + smooth[..., 0], xs + smooth[..., 1]
    order = INTERPOLATIONS[interpolation]
    out = _sample_images(x, rows, columns, order, fill_mode, float(fill_value), dtype)
    return from_canonical(out, ndim, last)
