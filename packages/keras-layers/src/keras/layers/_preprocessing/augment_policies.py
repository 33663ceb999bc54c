"""Augmentation policies that compose the image layers: `RandAugment` and `AugMix`.

Both build their operations as sublayers (shear, translation, rotation, brightness,
color degeneration, contrast, sharpness, posterization, solarization, auto contrast,
equalization) and pick among them with random indices through `ops.where`, so the
choice is traced, not made in Python, and the layers run inside `jax.jit`.
"""

from __future__ import annotations

from typing import Any

from keras import ops, random
from keras.layers._layer import Layer
from keras.layers._preprocessing._augmentation import (
    RandomImageLayer,
    standardize_factor,
    standardize_value_range,
)
from keras.layers._preprocessing.color_adjust import RandomColorDegeneration
from keras.layers._preprocessing.pixel_transforms import (
    AutoContrast,
    Equalization,
    RandomPosterization,
    RandomSharpness,
    Solarization,
)
from keras.layers._preprocessing.random_color import RandomBrightness, RandomContrast
from keras.layers._preprocessing.random_geometry import RandomRotation, RandomTranslation
from keras.layers._preprocessing.random_shear import RandomShear
from keras.ops._typing import Tensor

__all__ = ["AugMix", "RandAugment"]

_GEOMETRIC_AND_PIXEL = (
    "random_shear",
    "random_translation",
    "random_rotation",
    "random_posterization",
    "solarization",
    "auto_contrast",
    "equalization",
)
_COLOR = ("random_brightness", "random_color_degeneration", "random_contrast", "random_sharpness")
_RAND_AUGMENT_ORDER = (
    "random_shear",
    "random_translation",
    "random_rotation",
    "random_brightness",
    "random_color_degeneration",
    "random_contrast",
    "random_sharpness",
    "random_posterization",
    "solarization",
    "auto_contrast",
    "equalization",
)


def _build_operations(
    names: tuple[str, ...],
    factor: tuple[float, float],
    value_range: Any,
    interpolation: str,
    seed: int | None,
    data_format: str,
    dtype: Any,
) -> list[Layer]:
    """Create the named operations with the policy's magnitude `factor`, in order.

    Every operation draws from its own generator; with a `seed` they get distinct,
    derived seeds so that their draws stay independent.
    """
    common: dict[str, Any] = {"data_format": data_format, "dtype": dtype}
    geometric = {"interpolation": interpolation, **common}
    value = {"value_range": value_range, **common}
    makers: dict[str, Any] = {
        "random_shear": lambda s: RandomShear(factor, factor, seed=s, **geometric),
        "random_translation": lambda s: RandomTranslation(factor, factor, seed=s, **geometric),
        "random_rotation": lambda s: RandomRotation(factor, seed=s, **geometric),
        "random_brightness": lambda s: RandomBrightness(factor, seed=s, **value),
        "random_color_degeneration": lambda s: RandomColorDegeneration(factor, seed=s, **value),
        "random_contrast": lambda s: RandomContrast(factor, seed=s, **value),
        "random_sharpness": lambda s: RandomSharpness(factor, seed=s, **value),
        "random_posterization": lambda s: RandomPosterization(max(1, int(8 * factor[1])), seed=s, **value),
        "solarization": lambda s: Solarization(factor, factor, seed=s, **value),
        "auto_contrast": lambda s: AutoContrast(**value),
        "equalization": lambda s: Equalization(**value),
    }
    return [makers[name](None if seed is None else seed + 1 + i) for i, name in enumerate(names)]


def _apply_chosen(operations: list[Layer], choice: Tensor, images: Tensor, dtype: str) -> Tensor:
    """Apply `operations[choice]` to the batch (`choice` past the end keeps it)."""
    outputs = images
    for index, operation in enumerate(operations):
        augmented = ops.cast(operation._augment(images), dtype)  # type: ignore[attr-defined]
        outputs = ops.where(ops.equal(choice, index), augmented, outputs)
    return outputs


class RandAugment(RandomImageLayer):
    """Apply `num_ops` operations picked at random from a fixed list, in training.

    The list holds shear, translation, rotation, brightness, color degeneration,
    contrast, sharpness, posterization, solarization, auto contrast and
    equalization, all with the magnitude range `factor`. The picks are drawn once
    per batch; each operation draws its own parameters per image.

    Args:
        value_range: The `[low, high]` range of the pixel values.
        num_ops: How many operations to apply in sequence.
        factor: The magnitude: a float `f` in `[0, 1]` (meaning `(0, f)`) or a pair.
        interpolation: `"bilinear"` or `"nearest"`, for the geometric operations.
        seed: A seed for the random draws.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `factor` is outside `[0, 1]` or `value_range` is not two numbers.

    Example:

    >>> x = np.full((1, 4, 4, 3), 100.0, dtype="float32")
    >>> keras.layers.RandAugment(seed=1)(x, training=False)[0, 0, 0]
    array([100., 100., 100.], dtype=float32)
    """

    def __init__(
        self,
        value_range: Any = (0, 255),
        num_ops: int = 2,
        factor: Any = 0.5,
        interpolation: str = "bilinear",
        seed: int | None = None,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        standardize_value_range(value_range)
        self.value_range = value_range
        self.num_ops = num_ops
        self.factor = standardize_factor(factor, (0, 1))
        self.interpolation = interpolation
        self.operations = _build_operations(
            _RAND_AUGMENT_ORDER,
            self.factor,
            value_range,
            interpolation,
            seed,
            self.data_format,
            self.dtype_policy,
        )

    def _augment(self, images: Tensor) -> Tensor:
        count = len(self.operations)
        choices = random.randint((self.num_ops,), 0, count, seed=self.generator)
        for step in range(self.num_ops):
            images = _apply_chosen(self.operations, choices[step], images, self.compute_dtype)
        return images

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "value_range": self.value_range,
            "num_ops": self.num_ops,
            "factor": self.factor,
            "interpolation": self.interpolation,
            "seed": self.seed,
        }


class AugMix(RandomImageLayer):
    """Mix each batch with several randomly augmented copies of it, in training.

    Each of `num_chains` chains applies up to `chain_depth` operations picked at
    random (each step may also do nothing). The chains are averaged with weights
    drawn from a Dirichlet(`alpha`) distribution, and the result mixed with the
    original images by a weight `m ~ Beta(alpha, alpha)`:
    `m * x + (1 - m) * sum_i w_i chain_i(x)`, clipped to `value_range`.

    Args:
        value_range: The `[low, high]` range of the pixel values.
        num_chains: How many augmentation chains to mix.
        chain_depth: The greatest number of operations per chain.
        factor: The magnitude of the operations: a float `f` in `[0, 1]` (meaning
            `(0, f)`) or a pair.
        alpha: The concentration of the Dirichlet and Beta draws.
        all_ops: Whether to use the color operations (brightness, color
            degeneration, contrast, sharpness) too, besides shear, translation,
            rotation, posterization, solarization, auto contrast and equalization.
        interpolation: `"bilinear"` or `"nearest"`, for the geometric operations.
        seed: A seed for the random draws.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `factor` is outside `[0, 1]` or `value_range` is not two numbers.

    Example:

    >>> x = np.full((1, 4, 4, 3), 100.0, dtype="float32")
    >>> keras.layers.AugMix(seed=1)(x).shape
    (1, 4, 4, 3)
    """

    def __init__(
        self,
        value_range: Any = (0, 255),
        num_chains: int = 3,
        chain_depth: int = 3,
        factor: Any = 0.3,
        alpha: float = 1.0,
        all_ops: bool = True,
        interpolation: str = "bilinear",
        seed: int | None = None,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        self._range = standardize_value_range(value_range)
        self.value_range = value_range
        self.num_chains = num_chains
        self.chain_depth = chain_depth
        self.factor = standardize_factor(factor, (0, 1))
        self.alpha = alpha
        self.all_ops = all_ops
        self.interpolation = interpolation
        names = _GEOMETRIC_AND_PIXEL + _COLOR if all_ops else _GEOMETRIC_AND_PIXEL
        self.operations = _build_operations(
            names, self.factor, value_range, interpolation, seed, self.data_format, self.dtype_policy
        )

    def _augment(self, images: Tensor) -> Tensor:
        dtype = self.compute_dtype
        gamma = random.gamma((self.num_chains,), self.alpha, seed=self.generator)
        chain_weights = ops.cast(gamma / ops.sum(gamma), dtype)
        keep = ops.cast(random.beta((), self.alpha, self.alpha, seed=self.generator), dtype)
        # Index `len(operations)` means "skip this step".
        picks = random.randint(
            (self.num_chains, self.chain_depth), 0, len(self.operations) + 1, seed=self.generator
        )
        mixed = ops.zeros_like(images)
        for chain in range(self.num_chains):
            augmented = images
            for depth in range(self.chain_depth):
                augmented = _apply_chosen(self.operations, picks[chain, depth], augmented, dtype)
            mixed = mixed + chain_weights[chain] * augmented
        outputs = keep * images + (1.0 - keep) * mixed
        return ops.clip(outputs, self._range[0], self._range[1])

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "value_range": self.value_range,
            "num_chains": self.num_chains,
            "chain_depth": self.chain_depth,
            "factor": self.factor,
            "alpha": self.alpha,
            "all_ops": self.all_ops,
            "interpolation": self.interpolation,
            "seed": self.seed,
        }
