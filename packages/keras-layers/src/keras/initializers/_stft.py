"""`STFT`: the fixed kernel of a short-time Fourier transform, and the window functions
it multiplies by (the common ones in numpy; the rest of SciPy's, when SciPy is installed)."""

from __future__ import annotations

import importlib
import math
from typing import Any, Literal

import numpy as np

from keras import ops
from keras.backend import standardize_dtype
from keras.initializers._base import Initializer, concrete_shape
from keras.ops._typing import ArrayLike, DTypeLike, ShapeLike, Tensor

# Cosine-sum windows: w[n] = sum_k a_k cos(k x_n), x_n evenly spaced over [-pi, pi].
_COSINE_SUMS: dict[str, tuple[float, ...]] = {
    "hann": (0.5, 0.5),
    "hamming": (0.54, 0.46),
    "blackman": (0.42, 0.50, 0.08),
    "blackmanharris": (0.35875, 0.48829, 0.14128, 0.01168),
    "nuttall": (0.3635819, 0.4891775, 0.1365995, 0.0106411),
    "flattop": (0.21557895, 0.41663158, 0.277263158, 0.083578947, 0.006947368),
}
_ALIASES = {
    "han": "hann",
    "hamm": "hamming", "ham": "hamming",
    "black": "blackman", "blk": "blackman",
    "blackharr": "blackmanharris", "bkh": "blackmanharris",
    "nutl": "nuttall", "nut": "nuttall",
    "flat": "flattop", "flt": "flattop",
    "box": "boxcar", "ones": "boxcar", "rect": "boxcar", "rectangular": "boxcar",
    "bart": "bartlett", "brt": "bartlett",
    "triangle": "triang", "tri": "triang",
    "halfcosine": "cosine",
}  # fmt: skip
_OWN_WINDOWS = (*_COSINE_SUMS, "boxcar", "bartlett", "triang", "cosine")


def _symmetric_window(name: str, length: int) -> np.ndarray[Any, np.dtype[np.float64]]:
    n = np.arange(length, dtype="float64")
    if name in _COSINE_SUMS:
        x = np.linspace(-math.pi, math.pi, length)
        return sum((a * np.cos(k * x) for k, a in enumerate(_COSINE_SUMS[name])), np.zeros(length))
    if name == "boxcar":
        return np.ones(length)
    if name == "bartlett":
        return 1.0 - np.abs(2.0 * n / (length - 1) - 1.0)
    if name == "cosine":
        return np.sin(math.pi / length * (n + 0.5))
    # triang: like bartlett, but the end points are not zero.
    half = np.arange(1, (length + 1) // 2 + 1, dtype="float64")
    if length % 2 == 0:
        rising = (2 * half - 1.0) / length
        return np.concatenate([rising, rising[::-1]])
    rising = 2 * half / (length + 1.0)
    return np.concatenate([rising, rising[-2::-1]])


def get_window(window: str, length: int, periodic: bool = False) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Return the window `window` of `length` samples, as `scipy.signal.get_window` would.

    Args:
        window: A window name, such as `"hann"` or `"hamming"`.
        length: The number of samples.
        periodic: Whether to return the periodic window (for spectral analysis: the
            symmetric window one sample longer, without its last sample) rather than the
            symmetric one.

    Returns:
        A float64 numpy array of shape `(length,)`.

    Raises:
        ValueError: For a window name that is unknown (or that needs SciPy, when SciPy is
            not installed).
    """
    name = _ALIASES.get(window, window)
    if name not in _OWN_WINDOWS:
        return _scipy_window(window, length, periodic)
    if length <= 1:
        return np.ones(length)
    if periodic:
        return _symmetric_window(name, length + 1)[:-1]
    return _symmetric_window(name, length)


def _scipy_window(window: str, length: int, periodic: bool) -> np.ndarray[Any, np.dtype[np.float64]]:
    try:
        signal = importlib.import_module("scipy.signal")
    except ImportError:
        raise ValueError(
            f"Unknown window {window!r}: without SciPy installed, `window` must be one of "
            f"{sorted((*_OWN_WINDOWS, *_ALIASES))}. Received: window={window!r}"
        ) from None
    return np.asarray(signal.get_window(window, length, periodic), dtype="float64")


class STFT(Initializer):
    """Fill a `(frame_length, input_channels, fft_length)` kernel with windowed Fourier bases.

    Entry `[t, c, k]` is `cos(-2 pi t k / n)` (`side="real"`) or `sin(-2 pi t k / n)`
    (`side="imag"`), with `n = 2 * (fft_length - 1)`, times the window at `t` divided by
    the window's scale. Convolving a signal with the real and imaginary kernels gives its
    short-time Fourier transform (the non-negative frequencies of a real signal).

    Args:
        side: `"real"` or `"imag"`: which part of the transform the kernel computes.
        window: A window name (`"hann"`, `"hamming"`, `"blackman"`, ...; all of SciPy's
            when SciPy is installed), a 1-D array of `frame_length` weights, or `None`
            for no window.
        scaling: `"density"` divides by the window's L2 norm, `"spectrum"` by its sum,
            `None` by nothing.
        periodic: Whether a named window is periodic rather than symmetric.

    Raises:
        ValueError: For an unknown `side`, `window` or `scaling`, or a window array whose
            length is not `frame_length`.

    Example:

    >>> kernel = keras.initializers.STFT(window=None)((4, 1, 3))
    >>> np.round(keras.ops.convert_to_numpy(kernel)[:, 0, :], 3) + 0.0
    array([[ 1.,  1.,  1.],
           [ 1.,  0., -1.],
           [ 1., -1.,  1.],
           [ 1.,  0., -1.]], dtype=float32)
    """

    def __init__(
        self,
        side: Literal["real", "imag"] = "real",
        window: str | ArrayLike | None = "hann",
        scaling: Literal["density", "spectrum"] | None = "density",
        periodic: bool = False,
    ) -> None:
        if side not in ("real", "imag"):
            raise ValueError(f"Argument `side` must be 'real' or 'imag'. Received: side={side!r}")
        if isinstance(window, str):
            get_window(window, 1)  # raises for an unknown name
        if scaling is not None and scaling not in ("density", "spectrum"):
            raise ValueError(
                "Scaling is invalid, it must be `None`, 'density' or 'spectrum'. "
                f"Received: scaling={scaling!r}"
            )
        self.side = side
        self.window = window
        self.scaling = scaling
        self.periodic = periodic

    def __call__(self, shape: ShapeLike, dtype: DTypeLike = None) -> Tensor:
        dtype = standardize_dtype(dtype)
        dims = concrete_shape(shape)
        if len(dims) != 3:
            raise ValueError(
                "The STFT initializer needs a shape `(frame_length, input_channels, fft_length)`. "
                f"Received: shape={dims}"
            )
        frame_length, _, fft_length = dims
        time = ops.reshape(ops.arange(frame_length, dtype=dtype), (frame_length, 1, 1))
        frequency = ops.reshape(ops.arange(fft_length, dtype=dtype), (1, 1, fft_length))
        angle = ops.multiply(ops.multiply(time, frequency), -2.0 * math.pi / ((fft_length - 1) * 2))
        kernel = ops.cos(angle) if self.side == "real" else ops.sin(angle)
        if self.window is not None:
            window = self._window(frame_length, dtype)
            if self.scaling == "density":
                window = ops.divide(window, ops.sqrt(ops.sum(ops.square(window))))
            elif self.scaling == "spectrum":
                window = ops.divide(window, ops.sum(ops.abs(window)))
            kernel = ops.multiply(kernel, window)
        # Keras 3.15 returns one channel whatever `input_channels` is; we fill them all.
        return ops.broadcast_to(ops.cast(kernel, dtype), dims)

    def _window(self, frame_length: int, dtype: str) -> Tensor:
        values = self.window
        if isinstance(values, str):
            values = get_window(values, frame_length, self.periodic)
        window = ops.convert_to_tensor(values, dtype=dtype)
        if tuple(window.shape) != (frame_length,):
            raise ValueError(
                "The shape of `window` must be equal to [frame_length]. "
                f"Received: window shape={tuple(window.shape)}, frame_length={frame_length}"
            )
        return ops.reshape(window, (frame_length, 1, 1))

    def get_config(self) -> dict[str, Any]:
        return {"side": self.side, "window": self.window, "periodic": self.periodic, "scaling": self.scaling}


stft = STFT
STFTInitializer = STFT
