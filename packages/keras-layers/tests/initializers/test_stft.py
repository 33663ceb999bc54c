"""STFT: window functions against SciPy, kernels against the closed form and Keras 3.15."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from keras import initializers, ops
from keras.backend import standardize_dtype
from keras.initializers._stft import get_window

WINDOWS = [
    "hann",
    "hamming",
    "blackman",
    "blackmanharris",
    "nuttall",
    "flattop",
    "boxcar",
    "bartlett",
    "triang",
    "cosine",
    "han",
    "rect",
]


@pytest.mark.parametrize("periodic", [False, True])
@pytest.mark.parametrize("length", [1, 2, 5, 8])
@pytest.mark.parametrize("window", WINDOWS)
def test_windows_match_scipy(window: str, length: int, periodic: bool) -> None:
    signal = pytest.importorskip("scipy.signal", reason="SciPy is the reference for the window functions")
    np.testing.assert_allclose(
        get_window(window, length, periodic),
        signal.get_window(window, length, periodic),
        rtol=1e-12,
        atol=1e-15,
    )


def test_hann_closed_form() -> None:
    n = np.arange(5)
    np.testing.assert_allclose(get_window("hann", 5), 0.5 - 0.5 * np.cos(2 * np.pi * n / 4), atol=1e-15)
    np.testing.assert_allclose(
        get_window("hann", 4, periodic=True), 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(4) / 4), atol=1e-15
    )


def reference_kernel(
    shape: tuple[int, int, int], side: str, window: np.ndarray | None, scaling: str | None
) -> np.ndarray:
    frames, _, bins = shape
    t = np.arange(frames)[:, None, None]
    k = np.arange(bins)[None, None, :]
    angle = -2 * np.pi * t * k / (2 * (bins - 1))
    kernel = np.cos(angle) if side == "real" else np.sin(angle)
    if window is not None:
        w = window[:, None, None]
        if scaling == "density":
            w = w / np.sqrt(np.sum(window**2))
        elif scaling == "spectrum":
            w = w / np.sum(np.abs(window))
        kernel = kernel * w
    return np.broadcast_to(kernel, shape)


@pytest.mark.parametrize(
    ("kwargs", "shape"),
    [
        ({}, (5, 1, 3)),
        ({"side": "imag"}, (8, 1, 5)),
        ({"window": "hamming", "scaling": "spectrum", "periodic": True}, (6, 1, 4)),
        ({"window": None}, (4, 1, 3)),
        ({"window": "blackman", "scaling": None}, (7, 2, 4)),
        ({"window": np.linspace(0.1, 1.0, 6), "side": "imag"}, (6, 1, 4)),
    ],
    ids=["default", "imag", "hamming-spectrum-periodic", "no-window", "two-channels", "array-window"],
)
def test_kernel_closed_form(kwargs: dict[str, Any], shape: tuple[int, int, int]) -> None:
    initializer = initializers.STFT(**kwargs)
    window = kwargs.get("window", "hann")
    if isinstance(window, str):
        window = get_window(window, shape[0], kwargs.get("periodic", False))
    got = initializer(shape)
    assert tuple(got.shape) == shape
    assert standardize_dtype(got.dtype) == "float32"
    expected = reference_kernel(shape, kwargs.get("side", "real"), window, kwargs.get("scaling", "density"))
    np.testing.assert_allclose(ops.convert_to_numpy(got), expected, atol=2e-6)


def test_kernel_matches_keras() -> None:
    # Keras 3.15.1: STFT()((5, 1, 3)) on the jax backend.
    keras_kernel = np.array(
        [[0.0, 0.0, 0.0], [0.40824828, 0.0, -0.40824828], [0.81649655, -0.81649655, 0.81649655],
         [0.40824828, 0.0, -0.40824828], [0.0, 0.0, 0.0]]
    )[:, None, :]  # fmt: skip
    np.testing.assert_allclose(ops.convert_to_numpy(initializers.STFT()((5, 1, 3))), keras_kernel, atol=1e-6)
    # STFT("imag", "hamming", "spectrum", True)((4, 1, 3))
    keras_imag = np.array([[0.0, 0.0, 0.0], [0.0, -0.25, 0.0], [0.0, 0.0, 0.0], [0.0, 0.25, 0.0]])[:, None, :]
    got = initializers.STFT("imag", "hamming", "spectrum", True)((4, 1, 3))
    np.testing.assert_allclose(ops.convert_to_numpy(got), keras_imag, atol=1e-6)


def test_dtype_and_aliases() -> None:
    assert standardize_dtype(initializers.STFT()((4, 1, 3), dtype="float64").dtype) == "float64"
    assert initializers.stft is initializers.STFT
    assert initializers.STFTInitializer is initializers.STFT


def test_config_matches_keras() -> None:
    initializer = initializers.STFT("imag", "hamming", "spectrum", True)
    config = {"side": "imag", "window": "hamming", "periodic": True, "scaling": "spectrum"}
    assert initializer.get_config() == config
    assert initializers.STFT().get_config() == {
        "side": "real",
        "window": "hann",
        "periodic": False,
        "scaling": "density",
    }
    rebuilt = initializers.STFT.from_config(config)
    np.testing.assert_array_equal(
        ops.convert_to_numpy(rebuilt((4, 1, 3))), ops.convert_to_numpy(initializer((4, 1, 3)))
    )


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"side": "both"}, r"Argument `side` must be 'real' or 'imag'. Received: side='both'"),
        (
            {"scaling": "power"},
            r"Scaling is invalid, it must be `None`, 'density' or 'spectrum'. Received: scaling='power'",
        ),
    ],
)
def test_bad_arguments(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        initializers.STFT(**kwargs)


def test_unknown_window() -> None:
    with pytest.raises(ValueError, match="nope"):
        initializers.STFT(window="nope")


def test_window_array_of_wrong_length() -> None:
    with pytest.raises(ValueError, match=r"The shape of `window` must be equal to \[frame_length\]"):
        initializers.STFT(window=np.ones(3))((4, 1, 3))


def test_shape_must_have_rank_three() -> None:
    with pytest.raises(
        ValueError, match=r"\(frame_length, input_channels, fft_length\)`. Received: shape=\(4, 3\)"
    ):
        initializers.STFT()((4, 3))


def test_periodic_hann_is_shifted_symmetric() -> None:
    # A periodic window of length n is the symmetric one of length n + 1 without its end.
    np.testing.assert_allclose(get_window("hann", 6, periodic=True), get_window("hann", 7)[:-1])
    assert math.isclose(float(get_window("hann", 7)[3]), 1.0)
