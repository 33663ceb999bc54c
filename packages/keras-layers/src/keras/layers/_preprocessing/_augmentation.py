"""Shared base of the random image augmentation layers.

It owns the `training` switch (augment only when `training` is true, which is the
default of a direct call as in Keras; identity otherwise), the seed generator, the
`factor` and `value_range` argument checks, and the per-sample affine transforms
(rotation, zoom, translation) applied with `keras.ops.image.affine_transform`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from keras import ops, random
from keras.layers._preprocessing._image import ImageLayer
from keras.ops._typing import Shape, Tensor

__all__ = [
    "FactorImageLayer",
    "RandomImageLayer",
    "affine_images",
    "standardize_factor",
    "standardize_value_range",
]

_FILL_MODES = ("reflect", "wrap", "constant", "nearest")
_INTERPOLATIONS = ("nearest", "bilinear")


def standardize_factor(factor: Any, bounds: tuple[float, float], name: str = "factor") -> tuple[float, float]:
    """Return `factor` as `(lower, upper)`: a number `f` means `(max(-f, bounds[0]), f)`.

    Raises:
        ValueError: If `factor` is not a number or two numbers within `bounds`.
    """
    message = (
        f"The `{name}` argument should be a number (or a list of two numbers) in the range "
        f"[{bounds[0]}, {bounds[1]}]. Received: {name}={factor}"
    )
    if isinstance(factor, (tuple, list)):
        if len(factor) != 2 or factor[0] > bounds[1] or factor[1] < bounds[0]:
            raise ValueError(message)
        lower, upper = sorted(factor)
        return lower, upper
    if isinstance(factor, (int, float)) and not isinstance(factor, bool):
        if factor < bounds[0] or factor > bounds[1]:
            raise ValueError(message)
        factor = abs(factor)
        return max(-factor, bounds[0]), factor
    raise ValueError(message)


def standardize_value_range(value_range: Any) -> list[float]:
    """Return `value_range` as a sorted `[low, high]` list.

    Raises:
        ValueError: If it is not a pair of numbers.
    """
    if not isinstance(value_range, (tuple, list)) or len(value_range) != 2:
        raise ValueError(
            f"The `value_range` argument should be a list of two numbers. Received: value_range={value_range}"
        )
    return sorted(value_range)


def check_choice(value: str, name: str, allowed: Sequence[str]) -> str:
    """Return `value` if it is one of `allowed`, else raise a ValueError naming `name`."""
    if value not in allowed:
        raise ValueError(f"Unknown `{name}` {value}. Expected of one {tuple(allowed)}.")
    return value


def affine_images(
    images: Tensor,
    transforms: Tensor,
    interpolation: str,
    fill_mode: str,
    fill_value: float,
    data_format: str,
) -> Tensor:
    """Apply one 8-entry projective transform per image of a batch."""
    return ops.image.affine_transform(
        images,
        transforms,
        interpolation=interpolation,
        fill_mode=fill_mode,
        fill_value=fill_value,
        data_format=data_format,
    )


class RandomImageLayer(ImageLayer):
    """Base of the random augmentation layers: `_augment(batch)` runs only in training."""

    def __init__(self, seed: int | None = None, data_format: str | None = None, **kwargs: Any) -> None:
        super().__init__(data_format=data_format, **kwargs)
        self.seed = seed
        self.generator = random.SeedGenerator(seed)

    def call(self, inputs: Tensor, training: bool = True) -> Tensor:
        inputs = ops.cast(inputs, self.compute_dtype)
        self._check_rank(len(inputs.shape))
        if not training:
            return inputs
        images, added = self._as_batch(inputs)
        outputs = self._augment(images)
        return outputs[0] if added else outputs

    def _augment(self, images: Tensor) -> Tensor:
        raise NotImplementedError

    def _uniform(self, shape: Any, low: float, high: float) -> Tensor:
        return random.uniform(shape, minval=low, maxval=high, seed=self.generator, dtype="float32")

    def _size(self, images: Tensor) -> tuple[Any, Any, Any]:
        """Return `(batch, height, width)` of a batch, as shape entries."""
        shape = ops.shape(images)
        axis = self._height_axis(4)
        return shape[0], shape[axis], shape[axis + 1]

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return tuple(input_shape)


class FactorImageLayer(RandomImageLayer):
    """Base of the random layers set by a `factor` range and the pixels' `value_range`.

    Subclasses set `factor_bounds` (what a factor may range over) and write `_augment`;
    the constructor, its checks and the config are these.
    """

    factor_bounds: tuple[float, float] = (-1, 1)

    def __init__(
        self,
        factor: Any,
        value_range: Any = (0, 255),
        data_format: str | None = None,
        seed: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        self.factor = standardize_factor(factor, self.factor_bounds)
        self.value_range = standardize_value_range(value_range)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "factor": self.factor,
            "value_range": self.value_range,
            "seed": self.seed,
        }


class AffineImageLayer(RandomImageLayer):
    """Base of the random affine layers (rotation, zoom, translation, shear)."""

    def __init__(
        self,
        fill_mode: str = "reflect",
        interpolation: str = "bilinear",
        fill_value: float = 0.0,
        seed: int | None = None,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        self.fill_mode = check_choice(fill_mode, "fill_mode", _FILL_MODES)
        self.interpolation = check_choice(interpolation, "interpolation", _INTERPOLATIONS)
        self.fill_value = fill_value

    def _transforms(self, batch: Any, height: Tensor, width: Tensor) -> Tensor:
        raise NotImplementedError

    def _augment(self, images: Tensor) -> Tensor:
        batch, height, width = self._size(images)
        transforms = self._transforms(batch, ops.cast(height, "float32"), ops.cast(width, "float32"))
        outputs = affine_images(
            images, transforms, self.interpolation, self.fill_mode, self.fill_value, self.data_format
        )
        return ops.cast(outputs, self.compute_dtype)


def stack_transforms(*columns: Tensor) -> Tensor:
    """Stack 8 per-sample columns (each `(batch,)`) into `(batch, 8)` transforms."""
    return ops.stack([ops.cast(c, "float32") for c in columns], axis=1)


TWO_PI = 2.0 * math.pi


def random_apply_mask(layer: RandomImageLayer, batch: Any, factor: tuple[float, float]) -> Tensor:
    """Return a `(batch, 1, 1, 1)` boolean mask: which images of a batch to transform.

    Each image draws a probability from `factor` and a threshold from `[0, 1)`, and is
    transformed when the threshold is below the probability (Keras's `factor` as a
    probability: `(0, 0)` never, `(1, 1)` always).
    """
    probability = layer._uniform((batch,), factor[0], factor[1])
    threshold = layer._uniform((batch,), 0.0, 1.0)
    return ops.reshape(ops.less(threshold, probability), (-1, 1, 1, 1))
