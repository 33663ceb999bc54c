"""STFTSpectrogram and MelSpectrogram: outputs against numpy FFT references and values
from real Keras 3.15 (tolerances stated per test), shapes, weights and configs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._preprocessing.audio_spectrogram import MelSpectrogram, STFTSpectrogram, mel_weight_matrix

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
EPS = 1e-7
SIGNAL = np.random.default_rng(0).normal(size=(2, 120, 2)).astype("float32")


def as_np(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


def stft_reference(x: np.ndarray, length: int, step: int, fft: int, padding: str) -> np.ndarray:
    """`(batch, channels, bins, frames)` complex STFT of channels-last `x`, symmetric Hann, density scaling."""
    window = np.hanning(length)
    window = window / np.sqrt(np.sum(window**2))
    time = x.shape[1]
    if padding == "same":
        frames = -(-time // step)
        total = max((frames - 1) * step + length - time, 0)
        x = np.pad(x, [[0, 0], [total // 2, total - total // 2], [0, 0]])
    else:
        frames = (time - length) // step + 1
    out = np.zeros((x.shape[0], x.shape[2], fft // 2 + 1, frames), dtype=complex)
    for f in range(frames):
        segment = x[:, f * step : f * step + length, :] * window[None, :, None]
        out[..., f] = np.transpose(np.fft.rfft(segment, n=fft, axis=1), (0, 2, 1))
    return out


def channels_last_features(values: np.ndarray) -> np.ndarray:
    """`(batch, channels, bins, frames)` -> `(batch, frames, channels * bins)`."""
    b, c, f, t = values.shape
    return np.transpose(values.reshape(b, c * f, t), (0, 2, 1))


MODES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "real": lambda z: z.real,
    "imag": lambda z: z.imag,
    "magnitude": lambda z: np.sqrt(np.maximum(np.abs(z) ** 2, EPS)),
    "log": lambda z: np.log(np.maximum(np.sqrt(np.maximum(np.abs(z) ** 2, EPS)), EPS)),
    "angle": np.angle,
    "psd": lambda z: np.abs(z) ** 2 * np.r_[1, [2] * (z.shape[2] - 2), 1][None, None, :, None],
    "stft": lambda z: np.concatenate([z.real, z.imag], axis=2),
}


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("padding", ["valid", "same"])
def test_stft_modes_match_numpy_fft(mode: str, padding: str) -> None:
    layer = STFTSpectrogram(mode=mode, frame_length=16, frame_step=6, fft_length=32, padding=padding)
    out = as_np(layer(SIGNAL))
    expected = channels_last_features(
        MODES[mode](stft_reference(SIGNAL.astype("float64"), 16, 6, 32, padding))
    )
    assert out.shape == expected.shape == layer.compute_output_shape(SIGNAL.shape)
    if mode == "angle":  # compare where the bins are not ~0 (the angle is ill-defined there)
        keep = (
            np.abs(channels_last_features(stft_reference(SIGNAL.astype("float64"), 16, 6, 32, padding)))
            > 1e-3
        )
        np.testing.assert_allclose(np.cos(out[keep]), np.cos(expected[keep]), atol=1e-4)
    else:
        np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-4)


def test_stft_layouts_and_expand_dims() -> None:
    reference = np.abs(stft_reference(SIGNAL.astype("float64"), 16, 8, 16, "valid"))  # (b, c, f, t)
    first = np.transpose(SIGNAL, (0, 2, 1))
    cases: list[tuple[dict[str, Any], np.ndarray, np.ndarray]] = [
        ({}, SIGNAL, channels_last_features(reference)),
        ({"expand_dims": True}, SIGNAL, np.transpose(reference, (0, 3, 2, 1))),
        ({"data_format": "channels_first"}, first, reference.reshape(2, -1, reference.shape[-1])),
        (
            {"data_format": "channels_first", "expand_dims": True},
            first,
            np.transpose(reference, (0, 1, 3, 2)),
        ),
    ]
    for kwargs, x, expected in cases:
        layer = STFTSpectrogram(mode="magnitude", frame_length=16, **kwargs)
        out = as_np(layer(x))
        np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-4)
        assert tuple(layer.compute_output_shape(x.shape)) == out.shape
        symbolic = layer(Input(x.shape[1:]))
        assert symbolic.shape == (None, *out.shape[1:])


def test_stft_values_from_real_keras() -> None:
    # keras.layers.STFTSpectrogram(mode="magnitude", frame_length=8, frame_step=8) in Keras 3.15.
    sig = np.sin(np.arange(64, dtype="float32") * 0.7).reshape(1, 64, 1)
    out = as_np(STFTSpectrogram(mode="magnitude", frame_length=8, frame_step=8)(sig))[0, :2]
    expected = [
        [0.91595, 1.05941, 0.56873, 0.03494, 0.01812],
        [1.40869, 1.17059, 0.54483, 0.03654, 0.00458],
    ]
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-5)


def test_stft_weights_match_keras_names_and_round_trip() -> None:
    layer = STFTSpectrogram(mode="log", frame_length=8, frame_step=4, name="stft_spectrogram")
    layer.build((None, 32, 1))
    assert [w.path for w in layer.weights] == ["stft_spectrogram/real_kernel", "stft_spectrogram/imag_kernel"]
    assert [tuple(w.shape) for w in layer.weights] == [(8, 1, 5), (8, 1, 5)]
    real = STFTSpectrogram(mode="real", frame_length=8, name="r")
    real.build((None, 32, 1))
    imag = STFTSpectrogram(mode="imag", frame_length=8, name="i")
    imag.build((None, 32, 1))
    assert [w.path for w in real.weights] == ["r/real_kernel"]
    assert [w.path for w in imag.weights] == ["i/imag_kernel"]
    frozen = STFTSpectrogram(frame_length=8, trainable=False)
    frozen.build((None, 32, 1))
    assert len(frozen.trainable_weights) == 0 and len(frozen.non_trainable_weights) == 2
    x = np.random.default_rng(1).normal(size=(1, 32, 1)).astype("float32")
    clone = STFTSpectrogram.from_config(layer.get_config())
    clone.build((None, 32, 1))
    clone.set_weights([w * 2.0 for w in layer.get_weights()])
    np.testing.assert_allclose(as_np(clone(x)), as_np(layer(x)) + np.log(2.0), rtol=1e-4, atol=1e-4)


def test_stft_config_matches_keras() -> None:
    config = STFTSpectrogram(name="stft_spectrogram").get_config()
    assert config == {
        "name": "stft_spectrogram",
        "trainable": True,
        "dtype": DTYPE,
        "mode": "log",
        "frame_length": 256,
        "frame_step": None,
        "fft_length": None,
        "window": "hann",
        "periodic": False,
        "scaling": "density",
        "padding": "valid",
        "data_format": "channels_last",
        "expand_dims": False,
    }
    assert STFTSpectrogram.from_config(config).get_config() == config


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"mode": "x"},
            "Output mode is invalid, it must be one of log, magnitude, psd, real, imag, angle, stft. Received: mode=x",
        ),
        ({"padding": "full"}, "Padding is invalid, it should be 'valid', 'same'. Received: padding=full"),
        ({"scaling": "x"}, "Received: scaling='x'"),
        ({"frame_step": 0}, "Received frame_step=0, frame_length=256"),
        ({"fft_length": 8, "frame_length": 16}, "Received fft_length=8, frame_length=16"),
        ({"window": "nope"}, "nope"),
    ],
)
def test_stft_bad_arguments(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        STFTSpectrogram(**kwargs)


def test_stft_bad_inputs() -> None:
    with pytest.warns(UserWarning, match="power of two"):
        STFTSpectrogram(frame_length=8, fft_length=12)
    with pytest.raises(TypeError, match="Expected `float16`, `float32` or `float64`"):
        STFTSpectrogram(frame_length=8)(np.zeros((1, 32, 1), "int32"))
    with pytest.raises(ValueError, match="ndim"):
        STFTSpectrogram(frame_length=8)(np.zeros((32, 1), "float32"))


def hertz_to_mel(f: Any) -> Any:
    return 1127.0 * np.log(1.0 + np.asarray(f) / 700.0)


def mel_reference(
    x: np.ndarray,
    fft: int,
    stride: int,
    length: int,
    window: str,
    rate: float,
    mels: int,
    fmin: float,
    fmax: float,
    to_db: bool = True,
    top_db: float = 80.0,
    mag_exp: float = 2.0,
    min_power: float = 1e-10,
    ref: float = 1.0,
) -> np.ndarray:
    """Mel spectrogram `(..., mels, frames)` by numpy: centered periodic-window STFT, filters, dB."""
    n = np.arange(length)
    w = (
        0.5 - 0.5 * np.cos(2 * np.pi * n / length)
        if window == "hann"
        else 0.54 - 0.46 * np.cos(2 * np.pi * n / length)
    )
    left = (fft - length) // 2
    w = np.pad(w, [left, fft - length - left])
    padded = np.pad(x, [(0, 0)] * (x.ndim - 1) + [(fft // 2, fft // 2)], mode="reflect")
    frames = 1 + (padded.shape[-1] - fft) // stride
    spec = np.stack(
        [np.abs(np.fft.rfft(padded[..., i * stride : i * stride + fft] * w)) for i in range(frames)], -2
    )
    spec = spec**mag_exp
    freqs = hertz_to_mel(np.linspace(0, rate / 2, fft // 2 + 1))
    edges = np.linspace(hertz_to_mel(fmin), hertz_to_mel(fmax), mels + 2)
    filters = np.zeros((fft // 2 + 1, mels))
    for m in range(mels):
        lo, mid, hi = edges[m : m + 3]
        filters[1:, m] = np.maximum(
            0, np.minimum((freqs[1:] - lo) / (mid - lo), (hi - freqs[1:]) / (hi - mid))
        )
    out = spec @ filters
    if to_db:
        out = 10 * np.log10(np.maximum(out, min_power)) - 10 * np.log10(max(abs(ref), min_power))
        out = np.maximum(out, out.max() - top_db)
    return np.swapaxes(out, -1, -2)


MONO = np.random.default_rng(2).normal(size=(2, 600)).astype("float32")
MEL_CASES = [
    {"fft_length": 128, "sequence_stride": 32, "num_mel_bins": 16, "sampling_rate": 8000},
    {
        "fft_length": 128,
        "sequence_stride": 50,
        "sequence_length": 100,
        "num_mel_bins": 10,
        "power_to_db": False,
        "mag_exp": 1.0,
        "min_freq": 100.0,
        "max_freq": 3000,
    },
    {
        "fft_length": 64,
        "sequence_stride": 16,
        "num_mel_bins": 12,
        "window": "hamming",
        "top_db": 20.0,
        "ref_power": 2.0,
    },
]


@pytest.mark.parametrize("kwargs", MEL_CASES)
def test_mel_matches_numpy_reference(kwargs: dict[str, Any]) -> None:
    layer = MelSpectrogram(**kwargs)
    expected = mel_reference(
        MONO.astype("float64"),
        layer.fft_length,
        layer.sequence_stride,
        layer.sequence_length,
        str(layer.window),
        layer.sampling_rate,
        layer.num_mel_bins,
        layer.min_freq,
        layer.max_freq,
        layer.power_to_db,
        layer.top_db,
        layer.mag_exp,
        layer.min_power,
        layer.ref_power,
    )
    out = as_np(layer(MONO))
    assert out.shape == expected.shape == layer.compute_output_shape(MONO.shape)
    # dB values: absolute 1e-3 dB; linear values: relative 1e-4.
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-3)
    single = as_np(layer(MONO[0]))
    assert single.shape == expected.shape[1:]


def test_mel_values_from_real_keras() -> None:
    # keras.layers.MelSpectrogram(fft_length=32, sequence_stride=16, num_mel_bins=4, sampling_rate=100) in 3.15.
    sig = np.sin(np.arange(64, dtype="float32") * 0.7)
    out = as_np(MelSpectrogram(fft_length=32, sequence_stride=16, num_mel_bins=4, sampling_rate=100)(sig))[
        :, :3
    ]
    expected = [
        [1.5362, -26.5392, -26.0373],
        [-2.0682, -37.5181, -36.6617],
        [-4.2096, -44.7694, -44.3535],
        [-5.3753, -49.4482, -51.5665],
    ]
    np.testing.assert_allclose(out, expected, atol=2e-3)


def test_mel_weight_matrix_properties() -> None:
    matrix = mel_weight_matrix(8, 65, 16000, 20.0, 8000.0)
    assert matrix.shape == (65, 8) and matrix.dtype == np.float32
    np.testing.assert_array_equal(matrix[0], np.zeros(8))  # no DC weight
    assert matrix.min() >= 0.0 and matrix.max() <= 1.0
    assert np.all(np.argmax(matrix, axis=0)[1:] >= np.argmax(matrix, axis=0)[:-1])  # filters ascend


def test_mel_symbolic_config_and_errors() -> None:
    layer = MelSpectrogram(name="mel_spectrogram")
    assert layer(Input((1023,))).shape == (None, 128, 2)
    config = layer.get_config()
    assert config == {
        "name": "mel_spectrogram",
        "trainable": True,
        "dtype": DTYPE,
        "fft_length": 2048,
        "sequence_stride": 512,
        "sequence_length": 2048,
        "window": "hann",
        "sampling_rate": 16000,
        "num_mel_bins": 128,
        "min_freq": 20.0,
        "max_freq": 8000,
        "power_to_db": True,
        "top_db": 80.0,
        "mag_exp": 2.0,
        "min_power": 1e-10,
        "ref_power": 1.0,
    }
    assert MelSpectrogram.from_config(config).get_config() == config
    with pytest.raises(ValueError, match="Received: `sequence_length`=32, `fft_length`=16"):
        MelSpectrogram(fft_length=16, sequence_length=32)
