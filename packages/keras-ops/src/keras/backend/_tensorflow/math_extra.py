"""Math kernels for tensorflow: `tf.math` special functions and `reduce_logsumexp` (tnp
promotes bfloat16 to float64), `top_k` and unsorted segment
reductions, and `tf.signal` Fourier transforms (tnp has no `fft`) and framing."""

from __future__ import annotations

from typing import Any

import numpy as np
import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.math_extra import MathExtra
from keras.ops._typing import Tensor


class TensorflowMathExtra(MathExtra):
    def erf(self, x: Tensor, /) -> Tensor:
        return tf.math.erf(x)

    def erfc(self, x: Tensor, /) -> Tensor:
        return tf.math.erfc(x)

    def erfinv(self, x: Tensor, /) -> Tensor:
        if x.dtype in (tf.float16, tf.bfloat16):  # tf's CPU kernel is float32/float64 only
            return tf.cast(tf.math.erfinv(tf.cast(x, tf.float32)), x.dtype)
        return tf.math.erfinv(x)

    def rsqrt(self, x: Tensor, /) -> Tensor:
        return tf.math.rsqrt(x)

    def logsumexp(self, x: Tensor, axes: tuple[int, ...] | None, keepdims: bool, /) -> Tensor:
        return tf.math.reduce_logsumexp(x, axis=axes, keepdims=keepdims)

    def top_k(self, x: Tensor, k: int, sorted: bool, /) -> tuple[Tensor, Tensor]:
        values, indices = tf.math.top_k(x, k, sorted=sorted)
        return values, indices

    def _segment_fill(self, result: Tensor, ids: Tensor, num_segments: int, fill: Any) -> Tensor:
        """Put `fill` in the empty segments, where tf leaves its own (finite) extreme."""
        counts = tf.math.unsorted_segment_sum(tf.ones_like(ids), ids, num_segments)
        empty = tf.reshape(counts == 0, (-1,) + (1,) * (result.shape.rank - 1))
        return tf.where(empty, tf.constant(fill, dtype=result.dtype), result)

    def segment_sum(self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, /) -> Tensor:
        return tf.math.unsorted_segment_sum(data, ids, num_segments)

    def segment_prod(self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, /) -> Tensor:
        return tf.math.unsorted_segment_prod(data, ids, num_segments)

    def segment_max(
        self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, lowest: Any, /
    ) -> Tensor:
        return self._segment_fill(
            tf.math.unsorted_segment_max(data, ids, num_segments), ids, num_segments, lowest
        )

    def segment_min(
        self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, highest: Any, /
    ) -> Tensor:
        return self._segment_fill(
            tf.math.unsorted_segment_min(data, ids, num_segments), ids, num_segments, highest
        )

    def _complex(self, real: Tensor, imag: Tensor) -> Tensor:
        return tf.complex(real, imag)

    def _parts(self, z: Tensor) -> tuple[Tensor, Tensor]:
        return tf.math.real(z), tf.math.imag(z)

    def fft(self, real: Tensor, imag: Tensor, /) -> tuple[Tensor, Tensor]:
        return self._parts(tf.signal.fft(self._complex(real, imag)))

    def fft2(self, real: Tensor, imag: Tensor, /) -> tuple[Tensor, Tensor]:
        return self._parts(tf.signal.fft2d(self._complex(real, imag)))

    def ifft2(self, real: Tensor, imag: Tensor, /) -> tuple[Tensor, Tensor]:
        return self._parts(tf.signal.ifft2d(self._complex(real, imag)))

    def rfft(self, x: Tensor, fft_length: int, /) -> tuple[Tensor, Tensor]:
        return self._parts(tf.signal.rfft(x, fft_length=[fft_length]))

    def irfft(self, real: Tensor, imag: Tensor, fft_length: int, /) -> Tensor:
        return tf.signal.irfft(self._complex(real, imag), fft_length=[fft_length])

    def _take_last(self, x: Tensor, indices: np.ndarray[Any, Any]) -> Tensor:
        return tf.gather(x, indices, axis=-1)


KERNELS = TensorflowMathExtra(tnp)
