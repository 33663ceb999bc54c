"""Audio spectrogram layers: `STFTSpectrogram` (convolutional STFT with learnable
Fourier kernels) and `MelSpectrogram` (mel-scaled power spectrogram, in decibels).

The mel filterbank (`mel_weight_matrix`) lives here, written once.
"""

from __future__ import annotations

import math
import warnings
from typing import Any

import numpy as np

from keras import initializers, ops
from keras.backend._config import epsilon
from keras.backend._dtypes import standardize_dtype
from keras.backend._variable import Variable
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer
from keras.layers._reshaping._arguments import standardize_data_format
from keras.ops._typing import Shape, Tensor

__all__ = ["MelSpectrogram", "STFTSpectrogram"]

_STFT_MODES = ("log", "magnitude", "psd", "real", "imag", "angle", "stft")
_MEL_BREAK_HZ = 700.0
_MEL_HIGH_Q = 1127.0


def _hertz_to_mel(frequencies: Any) -> Any:
    return _MEL_HIGH_Q * np.log(1.0 + frequencies / _MEL_BREAK_HZ)


def mel_weight_matrix(
    num_mel_bins: int,
    num_spectrogram_bins: int,
    sampling_rate: float,
    lower_edge_hertz: float,
    upper_edge_hertz: float,
) -> np.ndarray[Any, Any]:
    """Return the `(num_spectrogram_bins, num_mel_bins)` float32 matrix of triangular mel filters.

    Bins are linearly spaced in `[0, sampling_rate / 2]`; filter `m` rises from edge
    `m` to a peak of 1 at edge `m + 1` and falls to 0 at edge `m + 2`, the
    `num_mel_bins + 2` edges being evenly spaced on the HTK mel scale
    `1127 * ln(1 + f / 700)` between the two edge frequencies. The DC bin has no
    weight. Right-multiplying a linear spectrogram by it gives the mel spectrogram.
    """
    frequencies = np.linspace(0.0, sampling_rate / 2.0, num_spectrogram_bins)[1:]
    bins = _hertz_to_mel(frequencies)[:, None]
    edges = np.linspace(
        _hertz_to_mel(np.float64(lower_edge_hertz)),
        _hertz_to_mel(np.float64(upper_edge_hertz)),
        num_mel_bins + 2,
    )
    lower, center, upper = edges[None, :-2], edges[None, 1:-1], edges[None, 2:]
    rising = (bins - lower) / (center - lower)
    falling = (upper - bins) / (upper - center)
    weights = np.maximum(0.0, np.minimum(rising, falling))
    return np.pad(weights, [[1, 0], [0, 0]]).astype("float32")


class STFTSpectrogram(Layer):
    """Compute spectrograms of 1-D signals with a strided convolution by Fourier kernels.

    Each channel of the input is framed (`frame_length` samples every `frame_step`)
    and convolved with a real and an imaginary kernel of shape `(frame_length, 1,
    fft_length // 2 + 1)`, initialized by `keras.initializers.STFT` (windowed
    cosines and sines). They are ordinary weights: set `trainable=False` for a fixed
    transform, or fine-tune them.

    Args:
        mode: The output: `"log"` (log magnitude), `"magnitude"`, `"psd"` (power
            spectral density, interior bins doubled), `"real"`, `"imag"`,
            `"angle"` or `"stft"` (real and imaginary bins concatenated).
        frame_length: The window length, in samples.
        frame_step: The hop between frames; `frame_length // 2` by default.
        fft_length: The FFT size (at least `frame_length`); by default the
            smallest power of two not below `frame_length`.
        window: `"hann"`, `"hamming"` (or another window name SciPy knows), or an
            array of `frame_length` weights.
        periodic: Whether a named window is periodic rather than symmetric.
        scaling: How the window is normalized: `"density"`, `"spectrum"` or `None`.
        padding: `"valid"` or `"same"`, the convolution padding.
        expand_dims: Whether to keep frequency and input channels apart, giving an
            image-like rank-4 output.
        data_format: `"channels_last"` (inputs `(batch, time, channels)`) or
            `"channels_first"` (`(batch, channels, time)`).
        **kwargs: Base layer arguments (`name`, `dtype`, `trainable`, ...).

    Input shape:
        `(batch, time, channels)`, or `(batch, channels, time)` channels first.

    Output shape:
        Channels last: `(batch, frames, channels * bins)`, or `(batch, frames,
        bins, channels)` with `expand_dims`; channels first: `(batch, channels *
        bins, frames)`, or `(batch, channels, frames, bins)`. `bins` is
        `fft_length // 2 + 1` (twice that with `mode="stft"`).

    Raises:
        ValueError: For an unknown `mode`, `scaling`, `padding` or `window`, a
            `frame_step` outside `[1, frame_length]`, or `fft_length <
            frame_length`.
        TypeError: If the inputs are not float16, float32 or float64.

    Example:

    >>> layer = keras.layers.STFTSpectrogram(mode="magnitude", frame_length=8, frame_step=4)
    >>> layer(np.zeros((2, 32, 1), dtype="float32")).shape
    (2, 7, 5)
    """

    real_kernel: Variable
    imag_kernel: Variable

    def __init__(
        self,
        mode: str = "log",
        frame_length: int = 256,
        frame_step: int | None = None,
        fft_length: int | None = None,
        window: Any = "hann",
        periodic: bool = False,
        scaling: Any = "density",
        padding: str = "valid",
        expand_dims: bool = False,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        if frame_step is not None and (frame_step > frame_length or frame_step < 1):
            raise ValueError(
                "`frame_step` should be a positive integer not greater than `frame_length`. "
                f"Received frame_step={frame_step}, frame_length={frame_length}"
            )
        if fft_length is not None and fft_length < frame_length:
            raise ValueError(
                "`fft_length` should be not less than `frame_length`. "
                f"Received fft_length={fft_length}, frame_length={frame_length}"
            )
        if fft_length is not None and (fft_length & -fft_length) != fft_length:
            warnings.warn(
                f"`fft_length` is recommended to be a power of two. Received fft_length={fft_length}",
                stacklevel=2,
            )
        if mode not in _STFT_MODES:
            raise ValueError(
                f"Output mode is invalid, it must be one of {', '.join(_STFT_MODES)}. Received: mode={mode}"
            )
        if padding not in ("valid", "same"):
            raise ValueError(f"Padding is invalid, it should be 'valid', 'same'. Received: padding={padding}")
        # Checks `window` and `scaling` with the initializer's messages.
        initializers.STFT("real", window, scaling, periodic)
        super().__init__(**kwargs)
        self.mode = mode
        self.frame_length = frame_length
        self.frame_step = frame_step
        self.fft_length = fft_length
        self.window = window
        self.periodic = periodic
        self.scaling = scaling
        self.padding = padding
        self.expand_dims = expand_dims
        self.data_format = standardize_data_format(data_format)
        self.input_spec = InputSpec(ndim=3)

    @property
    def _step(self) -> int:
        return self.frame_step or self.frame_length // 2

    @property
    def _bins(self) -> int:
        fft_length = self.fft_length or 2 ** math.ceil(math.log2(self.frame_length))
        return fft_length // 2 + 1

    def build(self, input_shape: Shape) -> None:
        shape = (self.frame_length, 1, self._bins)
        for side in ("real", "imag"):
            if self.mode != {"real": "imag", "imag": "real"}[side]:
                kernel = self.add_weight(
                    name=f"{side}_kernel",
                    shape=shape,
                    initializer=initializers.STFT(side, self.window, self.scaling, self.periodic),
                )
                setattr(self, f"{side}_kernel", kernel)

    def _transform(self, inputs: Tensor, kernel: Tensor) -> Tensor:
        """Convolve every channel with `kernel`: `(batch, channels, bins, frames)`."""
        channels_last = self.data_format == "channels_last"
        if channels_last:
            inputs = ops.transpose(inputs, (0, 2, 1))
        channels, time = int(inputs.shape[1]), int(inputs.shape[2])
        signals = ops.reshape(inputs, (-1, time, 1) if channels_last else (-1, 1, time))
        kernel = ops.cast(kernel, standardize_dtype(inputs.dtype))
        outputs = ops.conv(
            signals, kernel, strides=self._step, padding=self.padding, data_format=self.data_format
        )
        if channels_last:
            outputs = ops.transpose(outputs, (0, 2, 1))
        return ops.reshape(outputs, (-1, channels, int(outputs.shape[1]), int(outputs.shape[2])))

    def _arrange(self, outputs: Tensor) -> Tensor:
        """Lay `(batch, channels, bins, frames)` out as the data format and `expand_dims` ask."""
        channels, bins, frames = (int(d) for d in outputs.shape[1:])
        if self.expand_dims:
            order = (0, 3, 2, 1) if self.data_format == "channels_last" else (0, 1, 3, 2)
            return ops.transpose(outputs, order)
        outputs = ops.reshape(outputs, (-1, channels * bins, frames))
        return ops.transpose(outputs, (0, 2, 1)) if self.data_format == "channels_last" else outputs

    def call(self, inputs: Tensor) -> Tensor:
        dtype = standardize_dtype(inputs.dtype)
        if dtype not in ("float16", "float32", "float64"):
            raise TypeError(
                f"Invalid input type. Expected `float16`, `float32` or `float64`. Received: input type={dtype}"
            )
        real = self._transform(inputs, self.real_kernel) if self.mode != "imag" else None
        imag = self._transform(inputs, self.imag_kernel) if self.mode != "real" else None
        if self.mode == "real" or self.mode == "imag":
            part = real if self.mode == "real" else imag
            assert part is not None
            return self._arrange(part)
        assert real is not None and imag is not None
        if self.mode == "angle":
            return self._arrange(ops.arctan2(imag, real))
        if self.mode == "stft":
            return self._arrange(ops.concatenate([real, imag], axis=2))
        power = ops.add(ops.square(real), ops.square(imag))
        if self.mode == "psd":
            # One-sided density: every bin but DC and Nyquist counts twice.
            doubled = ops.pad(power[:, :, 1:-1, :], [[0, 0], [0, 0], [1, 1], [0, 0]])
            return self._arrange(ops.add(power, doubled))
        magnitude = self._arrange(ops.sqrt(ops.maximum(power, epsilon())))
        if self.mode == "magnitude":
            return magnitude
        return ops.log(ops.maximum(magnitude, epsilon()))

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        channels_last = self.data_format == "channels_last"
        batch = input_shape[0]
        channels, time = (
            (input_shape[2], input_shape[1]) if channels_last else (input_shape[1], input_shape[2])
        )
        bins = self._bins * (2 if self.mode == "stft" else 1)
        frames: int | None = None
        if time is not None:
            if self.padding == "valid":
                frames = (time - self.frame_length) // self._step + 1
            else:
                frames = -(-time // self._step)
        if self.expand_dims:
            return (batch, frames, bins, channels) if channels_last else (batch, channels, frames, bins)
        features = None if channels is None else channels * bins
        return (batch, frames, features) if channels_last else (batch, features, frames)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "mode": self.mode,
            "frame_length": self.frame_length,
            "frame_step": self.frame_step,
            "fft_length": self.fft_length,
            "window": self.window,
            "periodic": self.periodic,
            "scaling": self.scaling,
            "padding": self.padding,
            "data_format": self.data_format,
            "expand_dims": self.expand_dims,
        }


class MelSpectrogram(Layer):
    """Compute mel spectrograms of audio signals, in decibels by default.

    The STFT (`keras.ops.stft`, centered frames) of each signal gives magnitudes,
    raised to `mag_exp` (2: power); the mel filterbank (`num_mel_bins` triangular
    filters between `min_freq` and `max_freq`) maps them to mel bins; with
    `power_to_db`, values become `10 * log10(max(x, min_power) / max(ref_power,
    min_power))`, floored at `top_db` below the largest value of the whole batch.

    Args:
        fft_length: The FFT size.
        sequence_stride: The hop between frames, in samples.
        sequence_length: The window length (at most `fft_length`); `fft_length`
            by default.
        window: `"hann"`, `"hamming"` or `None`.
        sampling_rate: The samples per second of the signals.
        num_mel_bins: The number of mel bins.
        min_freq: The lowest frequency of the filterbank, in Hz.
        max_freq: The highest frequency, in Hz; `sampling_rate / 2` by default.
        power_to_db: Whether to convert to decibels.
        top_db: The dynamic range kept below the maximum, in dB.
        mag_exp: The exponent applied to the STFT magnitudes.
        min_power: The floor of the values before the logarithm.
        ref_power: The value that maps to 0 dB.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Input shape:
        `(time,)` or `(batch, time)`.

    Output shape:
        `(num_mel_bins, frames)` or `(batch, num_mel_bins, frames)`, with `frames
        = 1 + time // sequence_stride`.

    Raises:
        ValueError: If `fft_length < sequence_length`.

    Example:

    >>> layer = keras.layers.MelSpectrogram(fft_length=64, sequence_stride=32, num_mel_bins=8)
    >>> layer(np.zeros((2, 256), dtype="float32")).shape
    (2, 8, 9)
    """

    def __init__(
        self,
        fft_length: int = 2048,
        sequence_stride: int = 512,
        sequence_length: int | None = None,
        window: str | None = "hann",
        sampling_rate: int = 16000,
        num_mel_bins: int = 128,
        min_freq: float = 20.0,
        max_freq: float | None = None,
        power_to_db: bool = True,
        top_db: float = 80.0,
        mag_exp: float = 2.0,
        min_power: float = 1e-10,
        ref_power: float = 1.0,
        **kwargs: Any,
    ) -> None:
        sequence_length = sequence_length or fft_length
        if fft_length < sequence_length:
            raise ValueError(
                "`fft_length` must be greater than or equal to `sequence_length`. "
                f"Received: `sequence_length`={sequence_length}, `fft_length`={fft_length}."
            )
        super().__init__(**kwargs)
        self.fft_length = fft_length
        self.sequence_stride = sequence_stride
        self.sequence_length = sequence_length
        self.window = window
        self.sampling_rate = sampling_rate
        self.num_mel_bins = num_mel_bins
        self.min_freq = min_freq
        self.max_freq = max_freq or int(sampling_rate / 2)
        self.power_to_db = power_to_db
        self.top_db = top_db
        self.mag_exp = mag_exp
        self.min_power = min_power
        self.ref_power = ref_power

    def call(self, inputs: Tensor) -> Tensor:
        dtype = self.compute_dtype if self.compute_dtype in ("float32", "float64") else "float32"
        signals = ops.cast(inputs, dtype)
        real, imag = ops.stft(
            signals,
            sequence_length=self.sequence_length,
            sequence_stride=self.sequence_stride,
            fft_length=self.fft_length,
            window=self.window,
            center=True,
        )
        magnitude = ops.sqrt(ops.add(ops.square(real), ops.square(imag)))
        spectrum = ops.power(magnitude, self.mag_exp)
        filters = mel_weight_matrix(
            self.num_mel_bins, self.fft_length // 2 + 1, self.sampling_rate, self.min_freq, self.max_freq
        )
        mel = ops.tensordot(spectrum, ops.convert_to_tensor(filters, dtype=dtype), axes=1)
        if self.power_to_db:
            mel = self._decibels(mel)
        return ops.cast(ops.swapaxes(mel, -1, -2), self.compute_dtype)

    def _decibels(self, values: Tensor) -> Tensor:
        db = ops.multiply(10.0, ops.log10(ops.maximum(values, self.min_power)))
        db = ops.subtract(db, 10.0 * math.log10(max(abs(self.ref_power), self.min_power)))
        return ops.maximum(db, ops.subtract(ops.max(db), self.top_db))

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        time = input_shape[-1]
        frames = None if time is None else 1 + time // self.sequence_stride
        return (*input_shape[:-1], self.num_mel_bins, frames)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "fft_length": self.fft_length,
            "sequence_stride": self.sequence_stride,
            "sequence_length": self.sequence_length,
            "window": self.window,
            "sampling_rate": self.sampling_rate,
            "num_mel_bins": self.num_mel_bins,
            "min_freq": self.min_freq,
            "max_freq": self.max_freq,
            "power_to_db": self.power_to_db,
            "top_db": self.top_db,
            "mag_exp": self.mag_exp,
            "min_power": self.min_power,
            "ref_power": self.ref_power,
        }
