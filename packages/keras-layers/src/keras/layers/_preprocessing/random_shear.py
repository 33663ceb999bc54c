"""Random shear augmentation: `RandomShear`."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.layers._preprocessing._augmentation import AffineImageLayer, stack_transforms
from keras.ops._typing import Tensor

__all__ = ["RandomShear"]


def _shear_range(factor: Any, name: str) -> tuple[float, float]:
    """Return a shear range: `f` in `[0, 1]` means `(-f, f)`; a pair is sorted.

    A pair may reach down to -1 so that the ranges `get_config` records, such as
    `(-0.2, 0.2)`, load again (Keras 3.15 rejects them in `from_config`).
    """
    message = (
        f"The `{name}` argument should be a number (or a list of two numbers) in the range "
        f"[0, 1.0]. Received: {name}={factor}"
    )
    if isinstance(factor, (tuple, list)):
        if len(factor) != 2 or any(not _is_number(v) or abs(v) > 1 for v in factor):
            raise ValueError(message)
        lower, upper = sorted(factor)
        return lower, upper
    if not _is_number(factor) or factor < 0 or factor > 1:
        raise ValueError(message)
    return -abs(factor), abs(factor)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class RandomShear(AffineImageLayer):
    """Shear each image by a random amount during training.

    An output pixel `(x, y)` samples the input at `(x + sx * y, sy * x + y)`: the
    shear amounts `sx` and `sy` are drawn per image from `x_factor` and `y_factor`
    and share one random sign. Points outside the input are filled per `fill_mode`.

    Args:
        x_factor: A float `f` in `[0, 1]` (amounts drawn from `(-f, f)`) or a pair
            `(lower, upper)` within `[-1, 1]`.
        y_factor: The same for the vertical shear.
        interpolation: `"bilinear"` or `"nearest"`.
        fill_mode: `"reflect"`, `"wrap"`, `"constant"` (with `fill_value`) or
            `"nearest"`.
        fill_value: The fill value for `fill_mode="constant"`.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: A seed for the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If a factor is outside `[0, 1]`, or `fill_mode` or
            `interpolation` is unknown.

    Example:

    >>> x = np.arange(9, dtype="float32").reshape(1, 3, 3, 1)
    >>> keras.layers.RandomShear(x_factor=0.0, y_factor=0.0)(x)[0, :, :, 0]
    array([[0., 1., 2.],
           [3., 4., 5.],
           [6., 7., 8.]], dtype=float32)
    """

    def __init__(
        self,
        x_factor: Any = 0.0,
        y_factor: Any = 0.0,
        interpolation: str = "bilinear",
        fill_mode: str = "reflect",
        fill_value: float = 0.0,
        data_format: str | None = None,
        seed: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            fill_mode=fill_mode,
            interpolation=interpolation,
            fill_value=fill_value,
            seed=seed,
            data_format=data_format,
            **kwargs,
        )
        self.x_factor = _shear_range(x_factor, "x_factor")
        self.y_factor = _shear_range(y_factor, "y_factor")

    def _transforms(self, batch: Any, height: Tensor, width: Tensor) -> Tensor:
        sign = ops.where(ops.greater(self._uniform((batch,), 0.0, 1.0), 0.5), -1.0, 1.0)
        shear_y = self._uniform((batch,), *self.y_factor) * sign
        shear_x = self._uniform((batch,), *self.x_factor) * sign
        ones, zeros = ops.ones_like(sign), ops.zeros_like(sign)
        return stack_transforms(ones, shear_x, zeros, shear_y, ones, zeros, zeros, zeros)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "x_factor": self.x_factor,
            "y_factor": self.y_factor,
            "fill_mode": self.fill_mode,
            "interpolation": self.interpolation,
            "seed": self.seed,
            "fill_value": self.fill_value,
            "data_format": self.data_format,
        }
