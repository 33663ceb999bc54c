"""Tests of `keras.ops.image`: values against numpy and scipy references, dtypes against
Keras 3 (jax backend), symbolic specs, errors and gradients."""

from __future__ import annotations

import colorsys
import types
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import scipy.ndimage
from op_testing import Case, case_id, check_symbolic, check_values

from keras.backend import backend, standardize_dtype
from keras.ops._convert import to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops.image import _color, _filters, _geometry, _resize, _transform

image = types.ModuleType("image_under_test")
for _module in (_color, _filters, _geometry, _resize, _transform):
    for _name in _module.__all__:
        setattr(image, _name, getattr(_module, _name))

RNG = np.random.default_rng(11)
IMAGES = RNG.random((2, 7, 6, 3)).astype("float32")
IMAGE = IMAGES[0]
FIRST = np.transpose(IMAGES, (0, 3, 1, 2))
AFFINE = np.array([[1.1, 0.2, -0.5, -0.1, 0.9, 0.7, 0, 0], [0.8, 0, 1.2, 0, 1.3, -1.0, 0, 0]], "float32")
PROJECTIVE = np.array([[1.0, 0.1, 0.3, 0.05, 1.0, -0.2, 0.02, -0.03]], "float32")
OFF_GRID = np.array([0, 0, 0.13, 0, 0, 0.07, 0, 0], "float32")  # keeps nearest sampling off ties
COORDS = RNG.uniform(-2.0, 9.0, (2, 4, 5)).astype("float32")
START = np.array([[0, 0], [5, 0], [0, 6], [5, 6]], "float32")
END = np.array([[1, 0], [5, 1], [0, 5], [4, 6]], "float32")
SCIPY_MODES = {"constant": "grid-constant", "wrap": "grid-wrap"}


# --- numpy references -------------------------------------------------------------------


def _per_channel(fn: Callable[[np.ndarray], np.ndarray], x: np.ndarray) -> np.ndarray:
    """Apply `fn` to every (batch, channel) plane of channels-last images."""
    batched = x if x.ndim == 4 else x[None]
    out = np.stack([np.stack([fn(b[..., c]) for c in range(b.shape[-1])], -1) for b in batched])
    return out if x.ndim == 4 else out[0]


def _gaussian(size: int, sigma: float) -> np.ndarray:
    t = np.arange(size) - (size - 1) / 2
    w = np.exp(-0.5 * (t / sigma) ** 2)
    return w / w.sum()


def ref_gray(x: np.ndarray, data_format: str = "channels_last") -> np.ndarray:
    axis = -1 if data_format == "channels_last" else -3
    weights = np.array([0.2989, 0.5870, 0.1140])
    return np.expand_dims(np.tensordot(np.moveaxis(x, axis, -1), weights, 1), axis).astype(x.dtype)


def ref_hsv(x: np.ndarray, inverse: bool = False) -> np.ndarray:
    fn = colorsys.hsv_to_rgb if inverse else colorsys.rgb_to_hsv
    flat = x.reshape(-1, 3).astype("float64")
    return np.array([fn(*p) for p in flat]).reshape(x.shape).astype(x.dtype)


def ref_blur(x: np.ndarray, kernel_size: tuple[int, int], sigma: tuple[float, float]) -> np.ndarray:
    window = np.outer(_gaussian(kernel_size[1], sigma[1]), _gaussian(kernel_size[0], sigma[0]))
    origin = tuple(0 if k % 2 else -1 for k in window.shape)
    return _per_channel(
        lambda p: scipy.ndimage.correlate(p.astype("float64"), window, mode="constant", origin=origin), x
    ).astype(x.dtype)


def ref_sobel(x: np.ndarray) -> np.ndarray:
    kx = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], "float64")
    dy = _per_channel(lambda p: scipy.ndimage.correlate(p.astype("float64"), kx.T, mode="constant"), x)
    dx = _per_channel(lambda p: scipy.ndimage.correlate(p.astype("float64"), kx, mode="constant"), x)
    return np.stack([dy, dx], -1).astype(x.dtype)


def ref_ssim(
    a: np.ndarray, b: np.ndarray, max_val: float = 1.0, filter_size: int = 11, filter_sigma: float = 1.5
) -> np.ndarray:
    w = np.outer(_gaussian(filter_size, filter_sigma), _gaussian(filter_size, filter_sigma))
    half = filter_size // 2

    def local(p: np.ndarray) -> np.ndarray:
        full = scipy.ndimage.correlate(p, w, mode="constant")
        return full[
            half : p.shape[0] - (filter_size - 1 - half), half : p.shape[1] - (filter_size - 1 - half)
        ]

    a64, b64 = a.astype("float64"), b.astype("float64")
    m1, m2 = _per_channel(local, a64), _per_channel(local, b64)
    v1, v2 = _per_channel(local, a64 * a64) - m1**2, _per_channel(local, b64 * b64) - m2**2
    cov = _per_channel(local, a64 * b64) - m1 * m2
    c1, c2 = (0.01 * max_val) ** 2, (0.03 * max_val) ** 2
    s = (2 * m1 * m2 + c1) * (2 * cov + c2) / ((m1**2 + m2**2 + c1) * (v1 + v2 + c2))
    return s.reshape(s.shape[0], -1).mean(1).astype(a.dtype) if a.ndim == 4 else np.asarray(s.mean(), a.dtype)


def ref_patches(
    x: np.ndarray, size: int | tuple[int, int], strides: Any = None, padding: str = "valid"
) -> np.ndarray:
    kh, kw = (size, size) if isinstance(size, int) else size
    sh, sw = (kh, kw) if strides is None else ((strides, strides) if isinstance(strides, int) else strides)
    if padding == "same":
        oh, ow = -(-x.shape[1] // sh), -(-x.shape[2] // sw)
        th, tw = max((oh - 1) * sh + kh - x.shape[1], 0), max((ow - 1) * sw + kw - x.shape[2], 0)
        x = np.pad(x, ((0, 0), (th // 2, th - th // 2), (tw // 2, tw - tw // 2), (0, 0)))
    oh, ow = (x.shape[1] - kh) // sh + 1, (x.shape[2] - kw) // sw + 1
    out = np.empty((x.shape[0], oh, ow, kh * kw * x.shape[3]), x.dtype)
    for i in range(oh):
        for j in range(ow):
            out[:, i, j] = x[:, i * sh : i * sh + kh, j * sw : j * sw + kw].reshape(x.shape[0], -1)
    return out


def _weights(
    in_size: int,
    out_size: int,
    scale: float,
    shift: float,
    kernel: Callable[[np.ndarray], np.ndarray],
    antialias: bool,
) -> np.ndarray:
    stretch = max(1 / scale, 1.0) if antialias else 1.0
    centres = (np.arange(out_size) + 0.5 - shift) / scale - 0.5
    w = kernel((centres[:, None] - np.arange(in_size)[None]) / stretch)
    total = w.sum(1, keepdims=True)
    w = np.where(np.abs(total) > 1000 * np.finfo(np.float32).eps, w / np.where(total == 0, 1, total), 0)
    return np.where(((centres >= -0.5) & (centres <= in_size - 0.5))[:, None], w, 0)


def _cubic(t: np.ndarray) -> np.ndarray:
    t = np.abs(t)
    return np.where(
        t < 1, 1.5 * t**3 - 2.5 * t**2 + 1, np.where(t < 2, -0.5 * t**3 + 2.5 * t**2 - 4 * t + 2, 0)
    )


def _lanczos(radius: int) -> Callable[[np.ndarray], np.ndarray]:
    return lambda t: np.where(np.abs(t) < radius, np.sinc(t) * np.sinc(t / radius), 0.0)


KERNELS = {"bilinear": lambda t: np.maximum(0, 1 - np.abs(t)), "linear": lambda t: np.maximum(0, 1 - np.abs(t)),
           "bicubic": _cubic, "cubic": _cubic, "lanczos3": _lanczos(3), "lanczos5": _lanczos(5)}  # fmt: skip


def ref_scale_and_translate(
    x: np.ndarray,
    output_shape: Any,
    scale: Any,
    translation: Any,
    spatial_dims: Any,
    method: str,
    antialias: bool = True,
) -> np.ndarray:
    out = x.astype("float64")
    for axis, s, t in zip(spatial_dims, scale, translation, strict=True):
        w = _weights(out.shape[axis], output_shape[axis], float(s), float(t), KERNELS[method], antialias)
        out = np.moveaxis(np.tensordot(w, np.moveaxis(out, axis, 0), 1), 0, axis)
    return out.astype(x.dtype if x.dtype.kind == "f" else "float32")


def ref_resize(
    x: np.ndarray,
    size: tuple[int, int],
    interpolation: str = "bilinear",
    antialias: bool = False,
    data_format: str = "channels_last",
) -> np.ndarray:
    x4 = x if x.ndim == 4 else x[None]
    if data_format == "channels_first":
        x4 = np.transpose(x4, (0, 2, 3, 1))
    if interpolation == "nearest":
        out = x4
        for axis, n in ((1, size[0]), (2, size[1])):
            idx = np.minimum(
                np.floor((np.arange(n) + 0.5) * x4.shape[axis] / n).astype(int), x4.shape[axis] - 1
            )
            out = np.take(out, idx, axis)
    else:
        scale = (size[0] / x4.shape[1], size[1] / x4.shape[2])
        out = ref_scale_and_translate(
            x4, (x4.shape[0], *size, x4.shape[3]), scale, (0, 0), (1, 2), interpolation, antialias
        )
    if data_format == "channels_first":
        out = np.transpose(out, (0, 3, 1, 2))
    out = out if x.ndim == 4 else out[0]
    if x.dtype.kind in "iu":
        info = np.iinfo(x.dtype)
        return np.clip(np.round(out), info.min, info.max).astype(x.dtype)
    return out.astype(x.dtype)


def ref_map(
    x: np.ndarray, coordinates: np.ndarray, order: int, fill_mode: str = "constant", fill_value: float = 0
) -> np.ndarray:
    mode = SCIPY_MODES.get(fill_mode, fill_mode)
    if order == 0:  # nearest sample, ties away from zero (scipy breaks ties otherwise)
        coordinates = np.sign(coordinates) * np.floor(np.abs(coordinates.astype("float64")) + 0.5)
    return scipy.ndimage.map_coordinates(
        x.astype("float64"),
        coordinates.astype("float64"),
        order=order,
        mode=mode,
        cval=fill_value,
        prefilter=False,
    ).astype(x.dtype)


def _projective_coords(t: np.ndarray, height: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    y, x = np.meshgrid(np.arange(height), np.arange(width), indexing="ij")
    k = t[6] * x + t[7] * y + 1
    return (t[3] * x + t[4] * y + t[5]) / k, (t[0] * x + t[1] * y + t[2]) / k


def ref_affine(
    images: np.ndarray,
    transform: np.ndarray,
    interpolation: str = "bilinear",
    fill_mode: str = "constant",
    fill_value: float = 0,
) -> np.ndarray:
    batched = images if images.ndim == 4 else images[None]
    transforms = np.broadcast_to(transform.reshape(-1, 8), (batched.shape[0], 8)).astype("float64")
    out = []
    for img, t in zip(batched, transforms, strict=True):
        rows, cols = _projective_coords(t, img.shape[0], img.shape[1])
        out.append(
            np.stack(
                [
                    ref_map(
                        img[..., c],
                        np.stack([rows, cols]),
                        0 if interpolation == "nearest" else 1,
                        fill_mode,
                        fill_value,
                    )
                    for c in range(img.shape[-1])
                ],
                -1,
            )
        )
    result = np.stack(out)
    return result if images.ndim == 4 else result[0]


def ref_perspective(
    images: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    interpolation: str = "bilinear",
    fill_value: float = 0,
) -> np.ndarray:
    rows = []
    for s, e in zip(
        start.reshape(-1, 4, 2).astype("float64"), end.reshape(-1, 4, 2).astype("float64"), strict=True
    ):
        a = np.zeros((8, 8))
        for i, ((sx, sy), (ex, ey)) in enumerate(zip(s, e, strict=True)):
            a[i] = [ex, ey, 1, 0, 0, 0, -sx * ex, -sx * ey]
            a[i + 4] = [0, 0, 0, ex, ey, 1, -sy * ex, -sy * ey]
        rows.append(np.linalg.solve(a, np.concatenate([s[:, 0], s[:, 1]])))
    return ref_affine(images, np.array(rows, "float32"), interpolation, "constant", fill_value)


# --- value rows ---------------------------------------------------------------------------

INT_IMAGES = (IMAGES * 100 + 0.3).astype("int32")

CASES = [
    Case("rgb_to_grayscale", ref_gray, (IMAGES,), rtol=1e-5, id="batched"),
    Case("rgb_to_grayscale", ref_gray, (FIRST[0],), {"data_format": "channels_first"}, rtol=1e-5, id="channels-first"),
    Case("rgb_to_grayscale", lambda x: x, (IMAGES[..., :1],), id="one-channel"),
    Case("rgb_to_hsv", ref_hsv, (IMAGES,), rtol=1e-5, atol=1e-6),
    Case("hsv_to_rgb", lambda x: ref_hsv(x, True), (IMAGE,), rtol=1e-5, atol=1e-6),
    Case("hsv_to_rgb", lambda x, data_format: np.moveaxis(ref_hsv(np.moveaxis(x, 1, -1), True), -1, 1), (FIRST,), {"data_format": "channels_first"}, rtol=1e-5, atol=1e-6, id="channels-first"),
    Case("gaussian_blur", lambda x: ref_blur(x, (3, 3), (1.0, 1.0)), (IMAGES,), rtol=1e-5, atol=1e-6),
    Case("gaussian_blur", lambda x, kernel_size, sigma: ref_blur(x, kernel_size, sigma), (IMAGE,), {"kernel_size": (3, 5), "sigma": (1.0, 2.0)}, rtol=1e-5, atol=1e-6, id="anisotropic"),
    Case("gaussian_blur", lambda x, kernel_size, sigma: ref_blur(x, (4, 4), (1.5, 1.5)), (IMAGES,), {"kernel_size": 4, "sigma": 1.5}, rtol=1e-5, atol=1e-6, id="even"),
    Case("sobel_edges", ref_sobel, (IMAGES,), rtol=1e-5, atol=1e-5),
    Case("ssim", lambda a, b, filter_size: ref_ssim(a, b, filter_size=filter_size), (IMAGES, IMAGES[::-1]), {"filter_size": 5}, rtol=1e-4, atol=1e-5),
    Case("ssim", lambda a, b, filter_size: ref_ssim(a, b, filter_size=filter_size), (IMAGE, IMAGE * 0.5), {"filter_size": 3}, rtol=1e-4, atol=1e-5, id="unbatched"),
    Case("extract_patches", ref_patches, (IMAGES, 2), id="valid"),
    Case("extract_patches", lambda x, size, strides, padding: ref_patches(x, size, strides, padding), (IMAGES, (2, 3)), {"strides": (1, 2), "padding": "same"}, id="same"),
    Case("extract_patches", lambda x, size: ref_patches(x[None], size)[0], (INT_IMAGES[0], 3), id="int-unbatched"),
    Case("crop_images", lambda x, *a, **k: x[:, 1:4, 2:5], (IMAGES, 1, 2), {"target_height": 3, "right_cropping": 1}),
    Case("crop_images", lambda x, **k: x[:, :, 1:, :5], (FIRST,), {"top_cropping": 1, "bottom_cropping": 0, "left_cropping": 0, "target_width": 5, "data_format": "channels_first"}, id="channels-first"),
    Case("pad_images", lambda x, *a, **k: np.pad(x, ((0, 0), (1, 2), (1, 3), (0, 0))), (IMAGES, 1, None, 2, 3, None, 10)),
    Case("pad_images", lambda x, *a, **k: np.pad(x, ((2, 0), (0, 1), (0, 0))), (INT_IMAGE := INT_IMAGES[0], 2, 0), {"bottom_padding": 0, "target_width": 7}, id="int-unbatched"),
    Case("resize", ref_resize, (IMAGES, (4, 9)), rtol=1e-5, atol=1e-6, id="bilinear"),
    Case("resize", ref_resize, (IMAGES, (5, 11), "nearest"), id="nearest"),
    Case("resize", ref_resize, (IMAGES, (3, 4), "bicubic", True), rtol=1e-5, atol=1e-5, id="bicubic-antialias"),
    Case("resize", ref_resize, (IMAGES, (3, 2), "bilinear", True), rtol=1e-5, atol=1e-5, id="bilinear-antialias"),
    Case("resize", ref_resize, (IMAGE, (11, 4), "lanczos3"), rtol=1e-4, atol=1e-5, id="lanczos3"),
    Case("resize", ref_resize, (IMAGE, (9, 13), "lanczos5"), rtol=1e-4, atol=1e-5, id="lanczos5"),
    Case("resize", ref_resize, (FIRST, (4, 9)), {"data_format": "channels_first"}, rtol=1e-5, atol=1e-6, id="channels-first"),
    Case("resize", lambda x, size, crop_to_aspect_ratio: ref_resize(x[:, 0:6, 0:6], size), (IMAGES, (4, 4)), {"crop_to_aspect_ratio": True}, rtol=1e-5, atol=1e-6, id="crop"),
    Case("resize", lambda x, size, pad_to_aspect_ratio, fill_value: ref_resize(np.pad(x, ((0, 0), (0, 0), (4, 4), (0, 0)), constant_values=0.5), size), (IMAGES, (3, 6)), {"pad_to_aspect_ratio": True, "fill_value": 0.5}, rtol=1e-5, atol=1e-6, id="pad"),
    Case("resize", ref_resize, (INT_IMAGES, (3, 4), "bilinear"), id="int"),
    Case("scale_and_translate", ref_scale_and_translate, (IMAGES, (2, 5, 9, 3), np.array([0.7, 1.6], "float32"), np.array([0.3, -1.0], "float32"), (1, 2), "cubic"), rtol=1e-5, atol=1e-5),
    Case("scale_and_translate", ref_scale_and_translate, (INT_IMAGES, (2, 4, 6, 3), np.array([0.5, 1.0], "float32"), np.array([0.0, 0.0], "float32"), (1, 2), "linear", False), rtol=1e-5, atol=1e-4, dtype="float32", id="int"),
    *[Case("map_coordinates", ref_map, (IMAGE[..., 0], COORDS, order, mode, 0.25), rtol=1e-5, atol=1e-5, id=f"order{order}-{mode}")
      for order in (0, 1) for mode in ("constant", "nearest", "wrap", "mirror", "reflect")],
    Case("map_coordinates", ref_map, (IMAGE, RNG.uniform(-1, 7, (3, 10)).astype("float32"), 1), rtol=1e-5, atol=1e-5, id="3d"),
    *[Case("affine_transform", ref_affine, (IMAGES, AFFINE, "bilinear", mode, 0.3), rtol=1e-5, atol=1e-5, id=mode)
      for mode in ("constant", "nearest", "wrap", "mirror", "reflect")],
    Case("affine_transform", ref_affine, (IMAGES, AFFINE + OFF_GRID, "nearest"), id="interpolation-nearest"),
    Case("affine_transform", ref_affine, (IMAGE, PROJECTIVE), rtol=1e-5, atol=1e-5, id="projective-unbatched"),
    Case("affine_transform", lambda x, t, data_format: np.transpose(ref_affine(np.transpose(x, (0, 2, 3, 1)), t), (0, 3, 1, 2)), (FIRST, AFFINE[0]), {"data_format": "channels_first"}, rtol=1e-5, atol=1e-5, id="channels-first-one-transform"),
    Case("perspective_transform", ref_perspective, (IMAGES, START, END), rtol=1e-4, atol=1e-4),
    Case("perspective_transform", ref_perspective, (IMAGES, np.stack([START, END]) + 0.13, np.stack([END, START]), "nearest", 0.5), rtol=1e-4, atol=1e-4, id="batched-nearest"),
]  # fmt: skip
del INT_IMAGE


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_values(case: Case) -> None:
    check_values(image, case)


@pytest.mark.parametrize("case", [c for c in CASES if c.symbolic], ids=case_id)
def test_symbolic(case: Case) -> None:
    check_symbolic(image, case)


def test_hsv_round_trip() -> None:
    back = to_numpy(image.hsv_to_rgb(image.rgb_to_hsv(IMAGES)))
    np.testing.assert_allclose(back, IMAGES, rtol=1e-5, atol=1e-6)


def test_nearest_rounds_ties_away_from_zero() -> None:
    x = np.array([1.0, 2.0, 3.0, 4.0], "float32")
    got = to_numpy(image.map_coordinates(x, np.array([[-0.5, 0.5, 1.5, 2.5]], "float32"), 0))
    np.testing.assert_array_equal(got, [0.0, 2.0, 3.0, 4.0])


def test_extract_patches_3d_and_channels_first() -> None:
    volumes = RNG.random((2, 4, 4, 6, 2)).astype("float32")
    got = to_numpy(image.extract_patches_3d(volumes, (2, 2, 3)))
    ref = np.empty((2, 2, 2, 2, 24), "float32")
    for i, j, k in np.ndindex(2, 2, 2):
        ref[:, i, j, k] = volumes[:, 2 * i : 2 * i + 2, 2 * j : 2 * j + 2, 3 * k : 3 * k + 3].reshape(2, -1)
    np.testing.assert_array_equal(got, ref)
    np.testing.assert_array_equal(to_numpy(image.extract_patches(volumes, (2, 2, 3))), ref)
    first = to_numpy(image.extract_patches(FIRST, 2, data_format="channels_first"))
    np.testing.assert_array_equal(first, np.transpose(ref_patches(IMAGES, 2), (0, 3, 1, 2)))


def test_elastic_transform() -> None:
    x = RNG.random((2, 12, 10, 3)).astype("float32")
    np.testing.assert_allclose(to_numpy(image.elastic_transform(x, alpha=0.0, seed=3)), x, atol=1e-6)
    a = to_numpy(image.elastic_transform(x, alpha=4.0, sigma=2.0, seed=3))
    b = to_numpy(image.elastic_transform(x, alpha=4.0, sigma=2.0, seed=3))
    c = to_numpy(image.elastic_transform(x, alpha=4.0, sigma=2.0, seed=4))
    np.testing.assert_array_equal(a, b)
    assert a.shape == x.shape and a.dtype == np.float32
    assert not np.allclose(a, c) and not np.allclose(a, x)
    # Every output value is a convex combination of input values of its channel.
    assert a.min() >= x.min() - 1e-6 and a.max() <= x.max() + 1e-6
    first = to_numpy(
        image.elastic_transform(
            np.transpose(x, (0, 3, 1, 2)), alpha=0.0, seed=1, data_format="channels_first"
        )
    )
    np.testing.assert_allclose(first, np.transpose(x, (0, 3, 1, 2)), atol=1e-6)


# --- dtypes (expected values from Keras 3.15, jax backend) -------------------------------------

DTYPE_CASES = [
    ("resize", lambda x: image.resize(x, (4, 4)), {"uint8": "uint8", "int32": "int32", "float16": "float16", "bfloat16": "bfloat16", "float64": "float32"}),
    ("resize_nearest", lambda x: image.resize(x, (4, 4), "nearest"), {"uint8": "uint8", "int32": "int32", "bfloat16": "bfloat16", "float64": "float32"}),
    ("rgb_to_grayscale", lambda x: image.rgb_to_grayscale(x), {"uint8": "uint8", "int32": "int32", "float16": "float16", "float64": "float32"}),
    ("map_coordinates", lambda x: image.map_coordinates(x[0, :, :, 0], np.zeros((2, 3, 3), "float32"), 1), {"uint8": "uint8", "int32": "int32", "bfloat16": "bfloat16", "float64": "float32"}),
    ("extract_patches", lambda x: image.extract_patches(x, 2), {"uint8": "uint8", "int32": "int32", "float16": "float16", "float64": "float32"}),
    ("pad_images", lambda x: image.pad_images(x, 1, 1, 1, 1), {"uint8": "uint8", "bfloat16": "bfloat16", "float64": "float32"}),
    ("scale_and_translate", lambda x: image.scale_and_translate(x, (2, 4, 4, 3), np.array([0.5, 0.5]), np.zeros(2), (1, 2), "linear"), {"uint8": "float32", "int32": "float32", "float16": "float16", "float64": "float32"}),
    ("gaussian_blur", lambda x: image.gaussian_blur(x), {"float16": "float16", "bfloat16": "bfloat16", "float64": "float32"}),
    ("sobel_edges", lambda x: image.sobel_edges(x), {"int32": "int32", "float16": "float16", "float64": "float32"}),
    ("rgb_to_hsv", lambda x: image.rgb_to_hsv(x), {"float16": "float16", "bfloat16": "bfloat16", "float64": "float32"}),
    ("hsv_to_rgb", lambda x: image.hsv_to_rgb(x), {"float16": "float16", "bfloat16": "bfloat16", "float64": "float32"}),
    ("affine_transform", lambda x: image.affine_transform(x, AFFINE), {"uint8": "uint8", "float16": "float16", "bfloat16": "bfloat16", "float64": "float32"}),
    ("ssim", lambda x: image.ssim(x, x, filter_size=3), {"float16": "float16", "float64": "float32"}),
    ("elastic_transform", lambda x: image.elastic_transform(x, seed=1), {"float16": "float16", "bfloat16": "bfloat16", "float64": "float32"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "fn", "in_dtype", "out_dtype"),
    [(name, fn, i, o) for name, fn, table in DTYPE_CASES for i, o in table.items()],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_dtypes(name: str, fn: Callable[[Any], Any], in_dtype: str, out_dtype: str) -> None:
    x = (np.ones((2, 8, 8, 3)) * 3).astype(in_dtype)
    assert standardize_dtype(fn(x).dtype) == out_dtype
    symbolic = fn(KerasTensor((2, 8, 8, 3), in_dtype))
    assert symbolic.dtype == out_dtype


def test_symbolic_unknown_batch() -> None:
    x = KerasTensor((None, 8, None, 3), "float32")
    assert image.resize(x, (4, 5)).shape == (None, 4, 5, 3)
    assert image.extract_patches(x, 2).shape == (None, 4, None, 12)
    assert image.crop_images(x, 1, 1, 1, 1).shape == (None, 6, None, 3)
    assert image.ssim(x, x).shape == (None,)


# --- errors ------------------------------------------------------------------------------

ERRORS = [
    ("rgb_to_grayscale", (np.ones((4, 4)),), {}, "must have rank 3 or 4"),
    ("rgb_to_grayscale", (IMAGES[..., :2],), {}, "must have 1 or 3 channels"),
    ("rgb_to_hsv", (INT_IMAGES,), {}, "must have a float dtype"),
    ("rgb_to_hsv", (IMAGES,), {"data_format": "nchw"}, "`data_format` must be"),
    ("resize", (IMAGES, (4,)), {}, "`size` must be two positive ints"),
    ("resize", (IMAGES, (4, 4), "area"), {}, "`interpolation` must be one of"),
    ("resize", (IMAGES, (4, 4)), {"crop_to_aspect_ratio": True, "pad_to_aspect_ratio": True}, "only one of"),
    ("resize", (IMAGES, (4, 4)), {"fill_mode": "reflect"}, "only fill_mode='constant'"),
    ("map_coordinates", (IMAGE, COORDS, 1), {}, "`coordinates` must have shape"),
    ("map_coordinates", (IMAGE[..., 0], COORDS, 3), {}, "`order` must be one of"),
    ("map_coordinates", (IMAGE[..., 0], COORDS, 1, "edge"), {}, "`fill_mode` must be one of"),
    ("affine_transform", (IMAGES, np.ones(6)), {}, "`transform` must have shape"),
    ("affine_transform", (IMAGES, AFFINE), {"interpolation": "bicubic"}, "`interpolation` must be one of"),
    ("affine_transform", (IMAGES, np.ones((3, 8))), {}, "`transform` has 3 entries for a batch of 2"),
    ("perspective_transform", (IMAGES, START[:3], END[:3]), {}, "`start_points` must have shape"),
    ("crop_images", (IMAGES, 1, 1), {}, "specify exactly two of top_cropping"),
    ("crop_images", (IMAGES, 1, 1, None, None, 9, 2), {}, "inferred `bottom_cropping` is negative"),
    ("pad_images", (IMAGES, -1, 1, 1, 1), {}, "`top_padding` must be an int >= 0"),
    ("extract_patches", (IMAGES, (2, 2)), {"padding": "full"}, "`padding` must be 'valid' or 'same'"),
    ("extract_patches", (IMAGES, 0), {}, "`size` must be an int or 2 ints"),
    ("sobel_edges", (IMAGE,), {}, "must have rank 4"),
    ("ssim", (IMAGES, IMAGES[:, :5]), {}, "must have the same shape"),
    ("ssim", (IMAGES, IMAGES), {}, "`filter_size` must be an int from 1"),
    ("gaussian_blur", (IMAGES,), {"sigma": 0.0}, "`sigma` must be a positive number"),
    ("scale_and_translate", (IMAGES, (2, 4, 4, 3), [1.0, 1.0], [0.0, 0.0], (1, 2), "box"), {}, "`method` must be one of"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "args", "kwargs", "match"), ERRORS, ids=[f"{e[0]}-{i}" for i, e in enumerate(ERRORS)]
)
def test_errors(name: str, args: tuple[Any, ...], kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match.replace("(", r"\(").replace(")", r"\)")):
        getattr(image, name)(*args, **kwargs)


# --- gradients ---------------------------------------------------------------------------


def _gradient(fn: Callable[[Any], Any], x: np.ndarray) -> np.ndarray:
    """d sum(fn(x) * weights) / dx on the active backend (fixed random weights)."""
    weights = np.random.default_rng(5).random(np.shape(to_numpy(fn(x)))).astype("float32")
    name = backend()
    if name == "jax":
        import jax
        import jax.numpy as jnp

        return np.asarray(jax.grad(lambda t: jnp.sum(fn(t) * weights))(jnp.asarray(x)))
    if name == "torch":
        import torch

        t = torch.tensor(x, requires_grad=True)
        (fn(t) * torch.tensor(weights)).sum().backward()
        return t.grad.numpy()  # type: ignore[union-attr]
    import tensorflow as tf

    t = tf.Variable(x)
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(fn(t.value()) * weights)
    return tape.gradient(loss, t).numpy()


def _numeric_gradient(fn: Callable[[Any], Any], x: np.ndarray, eps: float = 1e-3) -> np.ndarray:
    weights = np.random.default_rng(5).random(np.shape(to_numpy(fn(x)))).astype("float64")
    x64 = x.astype("float64")
    grad = np.zeros_like(x64)
    for index in np.ndindex(x.shape):
        up, down = x64.copy(), x64.copy()
        up[index] += eps
        down[index] -= eps
        f_up = np.sum(to_numpy(fn(up.astype("float32"))) * weights)
        f_down = np.sum(to_numpy(fn(down.astype("float32"))) * weights)
        grad[index] = (f_up - f_down) / (2 * eps)
    return grad


GRADIENTS = {
    "resize": lambda x: image.resize(x, (5, 3), "bicubic"),
    "affine_transform": lambda x: image.affine_transform(x, AFFINE[:1], fill_mode="reflect"),
    "gaussian_blur": lambda x: image.gaussian_blur(x, 3, 1.0),
    "rgb_to_grayscale": lambda x: image.rgb_to_grayscale(x),
    "ssim": lambda x: image.ssim(x, IMAGES[:1, :5, :4], filter_size=3),
}


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize("name", sorted(GRADIENTS))
def test_gradients(name: str) -> None:
    x = IMAGES[1:2, :5, :4]
    fn = GRADIENTS[name]
    np.testing.assert_allclose(_gradient(fn, x), _numeric_gradient(fn, x), rtol=2e-2, atol=2e-3)
