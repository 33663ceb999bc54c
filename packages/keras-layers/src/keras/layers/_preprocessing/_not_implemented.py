"""Image preprocessing layers not written yet: each raises `NotImplementedError` on construction.

They keep Keras's exact constructor signatures (so `inspect.signature` and the API
coverage match); the error names the layer, its signature and what is missing. The
bounding-box, audio and embedding ones live in `_not_implemented_other` and are re-exported.
"""

from __future__ import annotations

from typing import Any

from keras.layers._layer import Layer
from keras.layers._preprocessing._not_implemented_other import (
    MaxNumBoundingBoxes,
    MelSpectrogram,
    ReversibleEmbedding,
    STFTSpectrogram,
    unsupported,
)

__all__ = [
    "MaxNumBoundingBoxes",
    "MelSpectrogram",
    "ReversibleEmbedding",
    "STFTSpectrogram",
    "AugMix",
    "AutoContrast",
    "ContrastLimitedAdaptiveHistogramEqualization",
    "CutMix",
    "Equalization",
    "MixUp",
    "RandAugment",
    "RandomColorDegeneration",
    "RandomColorJitter",
    "RandomElasticTransform",
    "RandomErasing",
    "RandomGaussianBlur",
    "RandomGrayscale",
    "RandomHue",
    "RandomInvert",
    "RandomPerspective",
    "RandomPosterization",
    "RandomSaturation",
    "RandomSharpness",
    "RandomShear",
    "Solarization",
]


class RandomShear(Layer):
    """Placeholder for Keras's `RandomShear`: constructing it raises `NotImplementedError`.

    The reference signature is `RandomShear(x_factor=0.0, y_factor=0.0, interpolation='bilinear', fill_mode='reflect', fill_value=0.0, data_format=None, seed=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.RandomShear()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        x_factor: Any = 0.0,
        y_factor: Any = 0.0,
        interpolation: Any = "bilinear",
        fill_mode: Any = "reflect",
        fill_value: Any = 0.0,
        data_format: Any = None,
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        del x_factor, y_factor, interpolation, fill_mode, fill_value, data_format, seed, kwargs
        raise unsupported(
            "RandomShear",
            "(x_factor=0.0, y_factor=0.0, interpolation='bilinear', fill_mode='reflect', fill_value=0.0, data_format=None, seed=None, **kwargs)",
            "this layer is not written yet.",
        )


class RandomGrayscale(Layer):
    """Placeholder for Keras's `RandomGrayscale`: constructing it raises `NotImplementedError`.

    The reference signature is `RandomGrayscale(factor=0.5, data_format=None, seed=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.RandomGrayscale()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        factor: Any = 0.5,
        data_format: Any = None,
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        del factor, data_format, seed, kwargs
        raise unsupported(
            "RandomGrayscale",
            "(factor=0.5, data_format=None, seed=None, **kwargs)",
            "this layer is not written yet.",
        )


class RandomHue(Layer):
    """Placeholder for Keras's `RandomHue`: constructing it raises `NotImplementedError`.

    The reference signature is `RandomHue(factor, value_range=(0, 255), data_format=None, seed=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.RandomHue()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        factor: Any,
        value_range: Any = (0, 255),
        data_format: Any = None,
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        del factor, value_range, data_format, seed, kwargs
        raise unsupported(
            "RandomHue",
            "(factor, value_range=(0, 255), data_format=None, seed=None, **kwargs)",
            "this layer is not written yet.",
        )


class RandomSaturation(Layer):
    """Placeholder for Keras's `RandomSaturation`: constructing it raises `NotImplementedError`.

    The reference signature is `RandomSaturation(factor, value_range=(0, 255), data_format=None, seed=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.RandomSaturation()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        factor: Any,
        value_range: Any = (0, 255),
        data_format: Any = None,
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        del factor, value_range, data_format, seed, kwargs
        raise unsupported(
            "RandomSaturation",
            "(factor, value_range=(0, 255), data_format=None, seed=None, **kwargs)",
            "this layer is not written yet.",
        )


class RandomSharpness(Layer):
    """Placeholder for Keras's `RandomSharpness`: constructing it raises `NotImplementedError`.

    The reference signature is `RandomSharpness(factor, value_range=(0, 255), data_format=None, seed=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.RandomSharpness()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        factor: Any,
        value_range: Any = (0, 255),
        data_format: Any = None,
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        del factor, value_range, data_format, seed, kwargs
        raise unsupported(
            "RandomSharpness",
            "(factor, value_range=(0, 255), data_format=None, seed=None, **kwargs)",
            "this layer is not written yet.",
        )


class RandomPosterization(Layer):
    """Placeholder for Keras's `RandomPosterization`: constructing it raises `NotImplementedError`.

    The reference signature is `RandomPosterization(factor, value_range=(0, 255), data_format=None, seed=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.RandomPosterization()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        factor: Any,
        value_range: Any = (0, 255),
        data_format: Any = None,
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        del factor, value_range, data_format, seed, kwargs
        raise unsupported(
            "RandomPosterization",
            "(factor, value_range=(0, 255), data_format=None, seed=None, **kwargs)",
            "this layer is not written yet.",
        )


class RandomInvert(Layer):
    """Placeholder for Keras's `RandomInvert`: constructing it raises `NotImplementedError`.

    The reference signature is `RandomInvert(factor=1.0, value_range=(0, 255), seed=None, data_format=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.RandomInvert()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        factor: Any = 1.0,
        value_range: Any = (0, 255),
        seed: Any = None,
        data_format: Any = None,
        **kwargs: Any,
    ) -> None:
        del factor, value_range, seed, data_format, kwargs
        raise unsupported(
            "RandomInvert",
            "(factor=1.0, value_range=(0, 255), seed=None, data_format=None, **kwargs)",
            "this layer is not written yet.",
        )


class RandomErasing(Layer):
    """Placeholder for Keras's `RandomErasing`: constructing it raises `NotImplementedError`.

    The reference signature is `RandomErasing(factor=1.0, scale=(0.02, 0.33), fill_value=None, value_range=(0, 255), seed=None, data_format=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.RandomErasing()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        factor: Any = 1.0,
        scale: Any = (0.02, 0.33),
        fill_value: Any = None,
        value_range: Any = (0, 255),
        seed: Any = None,
        data_format: Any = None,
        **kwargs: Any,
    ) -> None:
        del factor, scale, fill_value, value_range, seed, data_format, kwargs
        raise unsupported(
            "RandomErasing",
            "(factor=1.0, scale=(0.02, 0.33), fill_value=None, value_range=(0, 255), seed=None, data_format=None, **kwargs)",
            "this layer is not written yet.",
        )


class RandomGaussianBlur(Layer):
    """Placeholder for Keras's `RandomGaussianBlur`: constructing it raises `NotImplementedError`.

    The reference signature is `RandomGaussianBlur(factor=1.0, kernel_size=3, sigma=1.0, value_range=(0, 255), data_format=None, seed=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.RandomGaussianBlur()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        factor: Any = 1.0,
        kernel_size: Any = 3,
        sigma: Any = 1.0,
        value_range: Any = (0, 255),
        data_format: Any = None,
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        del factor, kernel_size, sigma, value_range, data_format, seed, kwargs
        raise unsupported(
            "RandomGaussianBlur",
            "(factor=1.0, kernel_size=3, sigma=1.0, value_range=(0, 255), data_format=None, seed=None, **kwargs)",
            "this layer is not written yet.",
        )


class RandomPerspective(Layer):
    """Placeholder for Keras's `RandomPerspective`: constructing it raises `NotImplementedError`.

    The reference signature is `RandomPerspective(factor=1.0, scale=1.0, interpolation='bilinear', fill_value=0.0, seed=None, data_format=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.RandomPerspective()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        factor: Any = 1.0,
        scale: Any = 1.0,
        interpolation: Any = "bilinear",
        fill_value: Any = 0.0,
        seed: Any = None,
        data_format: Any = None,
        **kwargs: Any,
    ) -> None:
        del factor, scale, interpolation, fill_value, seed, data_format, kwargs
        raise unsupported(
            "RandomPerspective",
            "(factor=1.0, scale=1.0, interpolation='bilinear', fill_value=0.0, seed=None, data_format=None, **kwargs)",
            "this layer is not written yet.",
        )


class RandomElasticTransform(Layer):
    """Placeholder for Keras's `RandomElasticTransform`: constructing it raises `NotImplementedError`.

    The reference signature is `RandomElasticTransform(factor=1.0, scale=1.0, interpolation='bilinear', fill_mode='reflect', fill_value=0.0, value_range=(0, 255), seed=None, data_format=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.RandomElasticTransform()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        factor: Any = 1.0,
        scale: Any = 1.0,
        interpolation: Any = "bilinear",
        fill_mode: Any = "reflect",
        fill_value: Any = 0.0,
        value_range: Any = (0, 255),
        seed: Any = None,
        data_format: Any = None,
        **kwargs: Any,
    ) -> None:
        del factor, scale, interpolation, fill_mode, fill_value, value_range, seed, data_format, kwargs
        raise unsupported(
            "RandomElasticTransform",
            "(factor=1.0, scale=1.0, interpolation='bilinear', fill_mode='reflect', fill_value=0.0, value_range=(0, 255), seed=None, data_format=None, **kwargs)",
            "this layer is not written yet.",
        )


class RandomColorDegeneration(Layer):
    """Placeholder for Keras's `RandomColorDegeneration`: constructing it raises `NotImplementedError`.

    The reference signature is `RandomColorDegeneration(factor, value_range=(0, 255), data_format=None, seed=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.RandomColorDegeneration()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        factor: Any,
        value_range: Any = (0, 255),
        data_format: Any = None,
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        del factor, value_range, data_format, seed, kwargs
        raise unsupported(
            "RandomColorDegeneration",
            "(factor, value_range=(0, 255), data_format=None, seed=None, **kwargs)",
            "this layer is not written yet.",
        )


class RandomColorJitter(Layer):
    """Placeholder for Keras's `RandomColorJitter`: constructing it raises `NotImplementedError`.

    The reference signature is `RandomColorJitter(value_range=(0, 255), brightness_factor=None, contrast_factor=None, saturation_factor=None, hue_factor=None, seed=None, data_format=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.RandomColorJitter()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        value_range: Any = (0, 255),
        brightness_factor: Any = None,
        contrast_factor: Any = None,
        saturation_factor: Any = None,
        hue_factor: Any = None,
        seed: Any = None,
        data_format: Any = None,
        **kwargs: Any,
    ) -> None:
        del (
            value_range,
            brightness_factor,
            contrast_factor,
            saturation_factor,
            hue_factor,
            seed,
            data_format,
            kwargs,
        )
        raise unsupported(
            "RandomColorJitter",
            "(value_range=(0, 255), brightness_factor=None, contrast_factor=None, saturation_factor=None, hue_factor=None, seed=None, data_format=None, **kwargs)",
            "this layer is not written yet.",
        )


class AugMix(Layer):
    """Placeholder for Keras's `AugMix`: constructing it raises `NotImplementedError`.

    The reference signature is `AugMix(value_range=(0, 255), num_chains=3, chain_depth=3, factor=0.3, alpha=1.0, all_ops=True, interpolation='bilinear', seed=None, data_format=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.AugMix()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        value_range: Any = (0, 255),
        num_chains: Any = 3,
        chain_depth: Any = 3,
        factor: Any = 0.3,
        alpha: Any = 1.0,
        all_ops: Any = True,
        interpolation: Any = "bilinear",
        seed: Any = None,
        data_format: Any = None,
        **kwargs: Any,
    ) -> None:
        del (
            value_range,
            num_chains,
            chain_depth,
            factor,
            alpha,
            all_ops,
            interpolation,
            seed,
            data_format,
            kwargs,
        )
        raise unsupported(
            "AugMix",
            "(value_range=(0, 255), num_chains=3, chain_depth=3, factor=0.3, alpha=1.0, all_ops=True, interpolation='bilinear', seed=None, data_format=None, **kwargs)",
            "this layer is not written yet.",
        )


class AutoContrast(Layer):
    """Placeholder for Keras's `AutoContrast`: constructing it raises `NotImplementedError`.

    The reference signature is `AutoContrast(value_range=(0, 255), **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.AutoContrast()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        value_range: Any = (0, 255),
        **kwargs: Any,
    ) -> None:
        del value_range, kwargs
        raise unsupported(
            "AutoContrast", "(value_range=(0, 255), **kwargs)", "this layer is not written yet."
        )


class CutMix(Layer):
    """Placeholder for Keras's `CutMix`: constructing it raises `NotImplementedError`.

    The reference signature is `CutMix(factor=1.0, seed=None, data_format=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.CutMix()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        factor: Any = 1.0,
        seed: Any = None,
        data_format: Any = None,
        **kwargs: Any,
    ) -> None:
        del factor, seed, data_format, kwargs
        raise unsupported(
            "CutMix", "(factor=1.0, seed=None, data_format=None, **kwargs)", "this layer is not written yet."
        )


class MixUp(Layer):
    """Placeholder for Keras's `MixUp`: constructing it raises `NotImplementedError`.

    The reference signature is `MixUp(alpha=0.2, data_format=None, seed=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.MixUp()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        alpha: Any = 0.2,
        data_format: Any = None,
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        del alpha, data_format, seed, kwargs
        raise unsupported(
            "MixUp", "(alpha=0.2, data_format=None, seed=None, **kwargs)", "this layer is not written yet."
        )


class RandAugment(Layer):
    """Placeholder for Keras's `RandAugment`: constructing it raises `NotImplementedError`.

    The reference signature is `RandAugment(value_range=(0, 255), num_ops=2, factor=0.5, interpolation='bilinear', seed=None, data_format=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.RandAugment()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        value_range: Any = (0, 255),
        num_ops: Any = 2,
        factor: Any = 0.5,
        interpolation: Any = "bilinear",
        seed: Any = None,
        data_format: Any = None,
        **kwargs: Any,
    ) -> None:
        del value_range, num_ops, factor, interpolation, seed, data_format, kwargs
        raise unsupported(
            "RandAugment",
            "(value_range=(0, 255), num_ops=2, factor=0.5, interpolation='bilinear', seed=None, data_format=None, **kwargs)",
            "this layer is not written yet.",
        )


class Equalization(Layer):
    """Placeholder for Keras's `Equalization`: constructing it raises `NotImplementedError`.

    The reference signature is `Equalization(value_range=(0, 255), bins=256, data_format=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.Equalization()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        value_range: Any = (0, 255),
        bins: Any = 256,
        data_format: Any = None,
        **kwargs: Any,
    ) -> None:
        del value_range, bins, data_format, kwargs
        raise unsupported(
            "Equalization",
            "(value_range=(0, 255), bins=256, data_format=None, **kwargs)",
            "this layer is not written yet.",
        )


class Solarization(Layer):
    """Placeholder for Keras's `Solarization`: constructing it raises `NotImplementedError`.

    The reference signature is `Solarization(addition_factor=0.0, threshold_factor=0.0, value_range=(0, 255), seed=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.Solarization()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        addition_factor: Any = 0.0,
        threshold_factor: Any = 0.0,
        value_range: Any = (0, 255),
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        del addition_factor, threshold_factor, value_range, seed, kwargs
        raise unsupported(
            "Solarization",
            "(addition_factor=0.0, threshold_factor=0.0, value_range=(0, 255), seed=None, **kwargs)",
            "this layer is not written yet.",
        )


class ContrastLimitedAdaptiveHistogramEqualization(Layer):
    """Placeholder for Keras's `ContrastLimitedAdaptiveHistogramEqualization`: constructing it raises `NotImplementedError`.

    The reference signature is `ContrastLimitedAdaptiveHistogramEqualization(value_range=(0, 255), clip_limit=4.0, tile_grid_size=(8, 8), data_format=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; this layer is not written yet.

    Example:

    >>> keras.layers.ContrastLimitedAdaptiveHistogramEqualization()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        value_range: Any = (0, 255),
        clip_limit: Any = 4.0,
        tile_grid_size: Any = (8, 8),
        data_format: Any = None,
        **kwargs: Any,
    ) -> None:
        del value_range, clip_limit, tile_grid_size, data_format, kwargs
        raise unsupported(
            "ContrastLimitedAdaptiveHistogramEqualization",
            "(value_range=(0, 255), clip_limit=4.0, tile_grid_size=(8, 8), data_format=None, **kwargs)",
            "this layer is not written yet.",
        )
