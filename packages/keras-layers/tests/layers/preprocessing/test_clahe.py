"""CLAHE: outputs against a per-pixel numpy reference and against values from real
Keras 3.15, dtypes, data formats, shapes and the config."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._preprocessing import clahe

Equalization = clahe.ContrastLimitedAdaptiveHistogramEqualization

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}


def as_np(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


def reference(image: np.ndarray, grid: tuple[int, int], clip_limit: float) -> np.ndarray:
    """CLAHE of one `(height, width)` channel of values in [0, 255], pixel by pixel."""
    height, width = image.shape
    gh, gw = grid
    th, tw = -(-height // gh), -(-width // gw)
    padded = np.pad(image, [[0, th * gh - height], [0, tw * gw - width]], mode="symmetric")
    levels = np.clip(padded.astype(np.int32), 0, 255)
    luts = np.zeros((gh, gw, 256))
    for i in range(gh):
        for j in range(gw):
            hist = np.bincount(levels[i * th : (i + 1) * th, j * tw : (j + 1) * tw].ravel(), minlength=256)
            hist = hist.astype(np.float64)
            if clip_limit > 0:
                limit = clip_limit * th * tw / 256
                excess = np.sum(np.maximum(hist - limit, 0))
                hist = np.minimum(hist, limit) + excess / 256
            cdf = np.cumsum(hist)
            span = th * tw - cdf.min()
            luts[i, j] = np.clip((cdf - cdf.min()) * 255 / (span if span != 0 else 1.0), 0, 255)
    out = np.zeros((height, width))
    for y in range(height):
        gy = (y - th / 2) / th
        y0 = int(np.floor(gy))
        wy = gy - y0
        for x in range(width):
            gx = (x - tw / 2) / tw
            x0 = int(np.floor(gx))
            wx = gx - x0
            v = levels[y, x]

            def lut(r: int, c: int, v: int = v) -> float:
                return float(luts[min(max(r, 0), gh - 1), min(max(c, 0), gw - 1), v])

            top = lut(y0, x0) * (1 - wx) + lut(y0, x0 + 1) * wx
            bottom = lut(y0 + 1, x0) * (1 - wx) + lut(y0 + 1, x0 + 1) * wx
            out[y, x] = top * (1 - wy) + bottom * wy
    return out


RNG = np.random.default_rng(0)
CASES = [
    (RNG.uniform(0, 255, (2, 16, 16, 3)).astype("float32"), (4, 4), 4.0),
    (RNG.uniform(0, 255, (1, 10, 13, 2)).astype("float32"), (3, 4), 2.0),
    (RNG.uniform(0, 255, (1, 9, 9, 1)).astype("float32"), (2, 2), 0.0),
    (RNG.uniform(40, 90, (1, 12, 8, 1)).astype("float32"), (2, 3), 1.5),
]


@pytest.mark.parametrize(("images", "grid", "clip_limit"), CASES)
def test_matches_numpy_reference(images: np.ndarray, grid: tuple[int, int], clip_limit: float) -> None:
    out = as_np(Equalization(tile_grid_size=grid, clip_limit=clip_limit)(images))
    expected = np.stack(
        [
            np.stack([reference(image[..., c], grid, clip_limit) for c in range(image.shape[-1])], -1)
            for image in images
        ]
    )
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-3)


def test_values_from_real_keras() -> None:
    x = np.array(
        [[0, 10, 20, 30], [40, 50, 60, 70], [80, 90, 100, 110], [120, 130, 140, 250]], dtype="float32"
    ).reshape(1, 4, 4, 1)
    expected = [
        [0.0, 11.778437, 21.456846, 33.058449],
        [43.082623, 54.861061, 64.370537, 75.803207],
        [81.819977, 92.544441, 102.065781, 112.548706],
        [122.235023, 133.921082, 142.607529, 250.156845],
    ]
    out = as_np(Equalization(tile_grid_size=(2, 2), clip_limit=2.0)(x))[0, :, :, 0]
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-3)
    single = np.array([[[10.0], [10.0]], [[20.0], [20.0]]], dtype="float32")
    np.testing.assert_allclose(
        as_np(Equalization(tile_grid_size=(1, 1))(single))[:, :, 0],
        [[13.685822, 13.685822], [27.371645, 27.371645]],
        rtol=1e-5,
    )


def test_value_range_formats_dtypes_and_shapes() -> None:
    images = CASES[0][0]
    layer = Equalization(tile_grid_size=(4, 4))
    base = as_np(layer(images))
    scaled = as_np(Equalization(tile_grid_size=(4, 4), value_range=(0, 1))(images / 255.0))
    # Rescaling to [0, 255] is exact up to float rounding of the integer levels.
    assert np.mean(np.abs(scaled * 255.0 - base) < 1e-2) > 0.95
    first = as_np(
        Equalization(tile_grid_size=(4, 4), data_format="channels_first")(np.transpose(images, (0, 3, 1, 2)))
    )
    np.testing.assert_allclose(np.transpose(first, (0, 2, 3, 1)), base, rtol=1e-6, atol=1e-4)
    np.testing.assert_allclose(as_np(layer(images[0])), base[0], rtol=1e-6, atol=1e-4)
    as_uint8 = layer(images.astype("uint8"))
    assert as_np(as_uint8).dtype == np.uint8
    np.testing.assert_array_equal(as_np(layer(images, training=False)), base)  # no training switch
    assert layer(Input((16, 16, 3))).shape == (None, 16, 16, 3)
    assert layer.compute_output_shape((None, 16, 16, 3)) == (None, 16, 16, 3)


def test_config_matches_keras_and_round_trips() -> None:
    layer = Equalization(name="clahe")
    config = layer.get_config()
    assert config == {
        "name": "clahe",
        "trainable": True,
        "dtype": DTYPE,
        "data_format": "channels_last",
        "value_range": (0, 255),
        "clip_limit": 4.0,
        "tile_grid_size": (8, 8),
    }
    assert Equalization.from_config(config).get_config() == config


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"tile_grid_size": (0, 2)}, r"Received: tile_grid_size=\(0, 2\)"),
        ({"tile_grid_size": 8}, "Received: tile_grid_size=8"),
        ({"value_range": 255}, "Received: value_range=255"),
    ],
)
def test_bad_arguments(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Equalization(**kwargs)


def test_bad_rank() -> None:
    with pytest.raises(ValueError, match=r"rank 3 .* or 4"):
        Equalization()(np.zeros((4, 4), "float32"))
