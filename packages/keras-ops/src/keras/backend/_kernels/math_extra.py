"""Kernels of the math ops exported at `keras.ops` (special functions, segments, top-k,
Fourier transforms, framing) for numpy-like modules.

Tensors arrive in the dtype the op computes in. Fourier kernels take and return
`(real, imag)` pairs of float tensors; the complex tensor exists only inside them.
The special functions here are the numpy backend's (numpy has no `erf`): `math.erf`
element by element, and `erfinv` refined by Newton steps; other backends override them.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from keras.ops._typing import Tensor

Axes = tuple[int, ...] | None

_erf = np.frompyfunc(math.erf, 1, 1)
_erfc = np.frompyfunc(math.erfc, 1, 1)


def _erfinv_guess(y: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Giles' single-precision approximation of erfinv, a start for Newton's method."""
    w = -np.log((1.0 - y) * (1.0 + y))
    central, tail = w - 2.5, np.sqrt(w) - 3.0
    p = np.full_like(y, 2.81022636e-08)
    for c in (
        3.43273939e-07,
        -3.5233877e-06,
        -4.39150654e-06,
        0.00021858087,
        -0.00125372503,
        -0.00417768164,
        0.246640727,
        1.50140941,
    ):
        p = c + p * central
    q = np.full_like(y, -0.000200214257)
    for c in (
        0.000100950558,
        0.00134934322,
        -0.00367342844,
        0.00573950773,
        -0.0076224613,
        0.00943887047,
        1.00167406,
        2.83297682,
    ):
        q = c + q * tail
    guess: np.ndarray[Any, Any] = np.where(w < 5.0, p, q) * y
    return guess


class MathExtra:
    """Special functions, segment reductions, top-k, FFTs and framing."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp

    # --- element-wise special functions --------------------------------------------------

    def erf(self, x: Tensor, /) -> Tensor:
        return np.asarray(_erf(x), dtype=x.dtype)

    def erfc(self, x: Tensor, /) -> Tensor:
        return np.asarray(_erfc(x), dtype=x.dtype)

    def erfinv(self, x: Tensor, /) -> Tensor:
        y = np.asarray(x, dtype=np.float64)
        inside = np.abs(y) < 1
        z = np.where(inside, y, 0.0)
        root = _erfinv_guess(z)
        for _ in range(2):  # Newton: each step roughly doubles the correct digits
            error = np.asarray(_erf(root), dtype=np.float64) - z
            root = root - error / (2.0 / math.sqrt(math.pi) * np.exp(-root * root))
        edge = np.where(np.abs(y) == 1, np.copysign(np.inf, y), np.nan)
        return np.where(inside, root, edge).astype(x.dtype)

    def rsqrt(self, x: Tensor, /) -> Tensor:
        return 1 / self.xnp.sqrt(x)

    def logsumexp(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        xnp = self.xnp
        peak = xnp.amax(x, axis=axes, keepdims=True)
        peak = xnp.where(xnp.isfinite(peak), peak, xnp.zeros_like(peak))
        result = xnp.log(xnp.sum(xnp.exp(x - peak), axis=axes, keepdims=True)) + peak
        if keepdims:
            return result
        kept = tuple(int(d) for i, d in enumerate(x.shape) if axes is not None and i not in axes)
        return xnp.reshape(result, kept)

    # --- ranking -------------------------------------------------------------------------

    def top_k(self, x: Tensor, k: int, sorted: bool, /) -> tuple[Tensor, Tensor]:
        """The `k` largest entries along the last axis, ties in index order, and their indices."""
        n = x.shape[-1]
        order = np.argsort(x[..., ::-1], axis=-1, kind="stable")[..., ::-1][..., :k]
        indices = n - 1 - order
        return np.take_along_axis(x, indices, axis=-1), indices

    def in_top_k(self, targets: Tensor, predictions: Tensor, k: int, /) -> Tensor:
        """Whether each target's (float) score ranks among the `k` largest of its row (NaN never does)."""
        xnp = self.xnp
        classes = xnp.arange(int(predictions.shape[-1]), dtype=targets.dtype)
        at_target = xnp.where(classes == targets[..., None], predictions, xnp.zeros_like(predictions))
        score = xnp.sum(at_target, axis=-1, keepdims=True)
        score = xnp.where(xnp.isnan(score), xnp.full_like(score, -math.inf), score)
        above = xnp.where(predictions > score, xnp.ones_like(predictions), xnp.zeros_like(predictions))
        return xnp.sum(above, axis=-1) < k

    # --- segment reductions (ids in [0, num_segments); empty segments get the identity) -

    def _segment(self, data: Tensor, ids: Tensor, num_segments: int, initial: Any, ufunc: Any) -> Tensor:
        out = np.full((num_segments, *data.shape[1:]), initial, dtype=data.dtype)
        ufunc.at(out, ids, data)
        return out

    def segment_sum(self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, /) -> Tensor:
        return self._segment(data, ids, num_segments, 0, np.add)

    def segment_prod(self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, /) -> Tensor:
        return self._segment(data, ids, num_segments, 1, np.multiply)

    def segment_max(
        self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, lowest: Any, /
    ) -> Tensor:
        """`lowest` (the dtype's smallest value, -inf for floats) fills empty segments."""
        return self._segment(data, ids, num_segments, lowest, np.maximum)

    def segment_min(
        self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, highest: Any, /
    ) -> Tensor:
        return self._segment(data, ids, num_segments, highest, np.minimum)

    # --- Fourier transforms --------------------------------------------------------------

    def _complex(self, real: Tensor, imag: Tensor) -> Tensor:
        return real + 1j * imag

    def _parts(self, z: Tensor) -> tuple[Tensor, Tensor]:
        return self.xnp.real(z), self.xnp.imag(z)

    def fft(self, real: Tensor, imag: Tensor, /) -> tuple[Tensor, Tensor]:
        return self._parts(self.xnp.fft.fft(self._complex(real, imag)))

    def fft2(self, real: Tensor, imag: Tensor, /) -> tuple[Tensor, Tensor]:
        return self._parts(self.xnp.fft.fft2(self._complex(real, imag)))

    def ifft2(self, real: Tensor, imag: Tensor, /) -> tuple[Tensor, Tensor]:
        return self._parts(self.xnp.fft.ifft2(self._complex(real, imag)))

    def rfft(self, x: Tensor, fft_length: int, /) -> tuple[Tensor, Tensor]:
        return self._parts(self.xnp.fft.rfft(x, fft_length))

    def irfft(self, real: Tensor, imag: Tensor, fft_length: int, /) -> Tensor:
        return self.xnp.fft.irfft(self._complex(real, imag), fft_length)

    # --- framing and short-time transforms -----------------------------------------------

    def _take_last(self, x: Tensor, indices: np.ndarray[Any, Any]) -> Tensor:
        """Gather along the last axis with a numpy index array (any shape)."""
        return x[..., indices]

    def extract_sequences(self, x: Tensor, sequence_length: int, sequence_stride: int, /) -> Tensor:
        count = 1 + (int(x.shape[-1]) - sequence_length) // sequence_stride
        starts = np.arange(count)[:, None] * sequence_stride
        return self._take_last(x, starts + np.arange(sequence_length)[None, :])

    def _pad_window(self, window: Tensor, fft_length: int) -> Tensor:
        """Center `window` in `fft_length` samples, zeros on either side."""
        xnp = self.xnp
        left = (fft_length - int(window.shape[0])) // 2
        right = fft_length - int(window.shape[0]) - left
        zeros = xnp.zeros((left,), dtype=window.dtype), xnp.zeros((right,), dtype=window.dtype)
        return xnp.concatenate([zeros[0], window, zeros[1]], axis=0)

    def stft(
        self, x: Tensor, window: Tensor, sequence_stride: int, fft_length: int, center: bool, /
    ) -> tuple[Tensor, Tensor]:
        """Real and imaginary parts, shape `(..., frames, fft_length // 2 + 1)`.

        `window` has at most `fft_length` samples; it is centered in `fft_length`.
        """
        if center:
            pad, n = fft_length // 2, int(x.shape[-1])
            reflect = np.concatenate([np.arange(pad, 0, -1), np.arange(n), np.arange(n - 2, n - 2 - pad, -1)])
            x = self._take_last(x, reflect)
        frames = self.extract_sequences(x, fft_length, sequence_stride) * self._pad_window(window, fft_length)
        return self.rfft(frames, fft_length)

    def _overlap_add(self, frames: Tensor, stride: int) -> Tensor:
        """Sum frames `(..., T, F)` placed `stride` apart: `(..., (T - 1) * stride + F)`."""
        xnp = self.xnp
        *batch, count, length = (int(d) for d in frames.shape)
        parts = -(-length // stride)
        if parts * stride > length:
            tail = xnp.zeros((*batch, count, parts * stride - length), dtype=frames.dtype)
            frames = xnp.concatenate([frames, tail], axis=-1)
        pieces = xnp.reshape(frames, (*batch, count, parts, stride))
        total = None
        for r in range(parts):
            before = xnp.zeros((*batch, r, stride), dtype=frames.dtype)
            after = xnp.zeros((*batch, parts - 1 - r, stride), dtype=frames.dtype)
            shifted = xnp.concatenate([before, pieces[..., r, :], after], axis=-2)
            total = shifted if total is None else total + shifted
        flat = xnp.reshape(total, (*batch, (count + parts - 1) * stride))
        return flat[..., : (count - 1) * stride + length]

    def istft(
        self,
        real: Tensor,
        imag: Tensor,
        window: Tensor,
        sequence_stride: int,
        fft_length: int,
        length: int | None,
        center: bool,
        /,
    ) -> Tensor:
        """Invert `stft`: overlap-add the windowed frames, divided by the summed squared window."""
        xnp = self.xnp
        frames = self.irfft(real, imag, fft_length)
        window = self._pad_window(window, fft_length)
        count = int(frames.shape[-2])
        signal = self._overlap_add(frames * window, sequence_stride)
        squares = xnp.broadcast_to(window * window, (count, fft_length))
        weight = self._overlap_add(squares, sequence_stride)
        signal = signal / xnp.where(weight > 1e-10, weight, xnp.ones_like(weight))
        start = fft_length // 2 if center else 0
        total = int(signal.shape[-1])
        if length is None:
            return signal[..., start : total - start]
        if start + length > total:
            tail = xnp.zeros((*signal.shape[:-1], start + length - total), dtype=signal.dtype)
            signal = xnp.concatenate([signal, tail], axis=-1)
        return signal[..., start : start + length]

    def cdist(self, x: Tensor, y: Tensor, /) -> Tensor:
        """Euclidean distances between the rows of `x` `(..., M, D)` and of `y` `(..., N, D)`."""
        difference = x[..., :, None, :] - y[..., None, :, :]
        return self.xnp.sqrt(self.xnp.sum(difference * difference, axis=-1))
