"""Bounding-box, audio and embedding layers not written yet: each raises `NotImplementedError`.

`MaxNumBoundingBoxes`, `MelSpectrogram`, `STFTSpectrogram` and `ReversibleEmbedding` keep
Keras's exact constructor signatures; the error names the layer, its signature and what
is missing.
"""

from __future__ import annotations

from typing import Any

from keras.layers._layer import Layer

__all__ = ["MaxNumBoundingBoxes", "MelSpectrogram", "ReversibleEmbedding", "STFTSpectrogram"]


def unsupported(name: str, signature: str, reason: str) -> NotImplementedError:
    """Return the error of a layer that is not implemented: its name, signature and why."""
    return NotImplementedError(f"keras.layers.{name}{signature} is not implemented in this Keras: {reason}")


class MaxNumBoundingBoxes(Layer):
    """Placeholder for Keras's `MaxNumBoundingBoxes`: constructing it raises `NotImplementedError`.

    The reference signature is `MaxNumBoundingBoxes(max_number, fill_value=-1, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.MaxNumBoundingBoxes()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        max_number: Any,
        fill_value: Any = -1,
        **kwargs: Any,
    ) -> None:
        del max_number, fill_value, kwargs
        raise unsupported(
            "MaxNumBoundingBoxes", "(max_number, fill_value=-1, **kwargs)", "this layer is not written yet."
        )


class MelSpectrogram(Layer):
    """Placeholder for Keras's `MelSpectrogram`: constructing it raises `NotImplementedError`.

    The reference signature is `MelSpectrogram(fft_length=2048, sequence_stride=512, sequence_length=None, window='hann', sampling_rate=16000, num_mel_bins=128, min_freq=20.0, max_freq=None, power_to_db=True, top_db=80.0, mag_exp=2.0, min_power=1e-10, ref_power=1.0, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.MelSpectrogram()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        fft_length: Any = 2048,
        sequence_stride: Any = 512,
        sequence_length: Any = None,
        window: Any = "hann",
        sampling_rate: Any = 16000,
        num_mel_bins: Any = 128,
        min_freq: Any = 20.0,
        max_freq: Any = None,
        power_to_db: Any = True,
        top_db: Any = 80.0,
        mag_exp: Any = 2.0,
        min_power: Any = 1e-10,
        ref_power: Any = 1.0,
        **kwargs: Any,
    ) -> None:
        del (
            fft_length,
            sequence_stride,
            sequence_length,
            window,
            sampling_rate,
            num_mel_bins,
            min_freq,
            max_freq,
            power_to_db,
            top_db,
            mag_exp,
            min_power,
            ref_power,
            kwargs,
        )
        raise unsupported(
            "MelSpectrogram",
            "(fft_length=2048, sequence_stride=512, sequence_length=None, window='hann', sampling_rate=16000, num_mel_bins=128, min_freq=20.0, max_freq=None, power_to_db=True, top_db=80.0, mag_exp=2.0, min_power=1e-10, ref_power=1.0, **kwargs)",
            "this layer is not written yet.",
        )


class STFTSpectrogram(Layer):
    """Placeholder for Keras's `STFTSpectrogram`: constructing it raises `NotImplementedError`.

    The reference signature is `STFTSpectrogram(mode='log', frame_length=256, frame_step=None, fft_length=None, window='hann', periodic=False, scaling='density', padding='valid', expand_dims=False, data_format=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.STFTSpectrogram()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        mode: Any = "log",
        frame_length: Any = 256,
        frame_step: Any = None,
        fft_length: Any = None,
        window: Any = "hann",
        periodic: Any = False,
        scaling: Any = "density",
        padding: Any = "valid",
        expand_dims: Any = False,
        data_format: Any = None,
        **kwargs: Any,
    ) -> None:
        del (
            mode,
            frame_length,
            frame_step,
            fft_length,
            window,
            periodic,
            scaling,
            padding,
            expand_dims,
            data_format,
            kwargs,
        )
        raise unsupported(
            "STFTSpectrogram",
            "(mode='log', frame_length=256, frame_step=None, fft_length=None, window='hann', periodic=False, scaling='density', padding='valid', expand_dims=False, data_format=None, **kwargs)",
            "this layer is not written yet.",
        )


class ReversibleEmbedding(Layer):
    """Placeholder for Keras's `ReversibleEmbedding`: constructing it raises `NotImplementedError`.

    The reference signature is `ReversibleEmbedding(input_dim, output_dim, tie_weights=True, embeddings_initializer='uniform', embeddings_regularizer=None, embeddings_constraint=None, mask_zero=False, reverse_dtype=None, logit_soft_cap=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.ReversibleEmbedding()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        input_dim: Any,
        output_dim: Any,
        tie_weights: Any = True,
        embeddings_initializer: Any = "uniform",
        embeddings_regularizer: Any = None,
        embeddings_constraint: Any = None,
        mask_zero: Any = False,
        reverse_dtype: Any = None,
        logit_soft_cap: Any = None,
        **kwargs: Any,
    ) -> None:
        del (
            input_dim,
            output_dim,
            tie_weights,
            embeddings_initializer,
            embeddings_regularizer,
            embeddings_constraint,
            mask_zero,
            reverse_dtype,
            logit_soft_cap,
            kwargs,
        )
        raise unsupported(
            "ReversibleEmbedding",
            "(input_dim, output_dim, tie_weights=True, embeddings_initializer='uniform', embeddings_regularizer=None, embeddings_constraint=None, mask_zero=False, reverse_dtype=None, logit_soft_cap=None, **kwargs)",
            "this layer is not written yet.",
        )
