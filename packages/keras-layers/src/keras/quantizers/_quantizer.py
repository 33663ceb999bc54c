"""The quantizer classes: the `Quantizer` base and `AbsMaxQuantizer` (symmetric, per-axis)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from keras.ops._typing import ArrayLike, Tensor
from keras.quantizers._abs_max import abs_max_quantize


class Quantizer:
    """Base class of quantizers: callables that map a float tensor to a quantized one.

    Subclasses override `__call__` and `get_config`; `from_config` calls the constructor
    with the config's entries.

    Args:
        output_dtype: The dtype of the quantized values.

    Example:

    >>> keras.quantizers.Quantizer().output_dtype
    'int8'
    """

    def __init__(self, output_dtype: str = "int8") -> None:
        self.output_dtype = output_dtype

    def __call__(self, x: ArrayLike) -> Any:
        """Return `x` quantized; the base class returns it unchanged."""
        return x

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Quantizer:
        """Build a quantizer from the output of `get_config`.

        Args:
            config: The constructor arguments.

        Returns:
            A quantizer.
        """
        return cls(**config)

    def get_config(self) -> dict[str, Any]:
        """Return the constructor arguments; subclasses must override it.

        Raises:
            NotImplementedError: Always, in the base class.
        """
        raise NotImplementedError(f"{self} does not implement get_config()")


class AbsMaxQuantizer(Quantizer):
    """Quantize symmetrically with one scale per slice: `round(x * max_q / max(|x|))`.

    Args:
        axis: The default axis (or axes) reduced to find each scale; deprecated in
            Keras, where the axis is passed at call time. `None` means `-1`.
        value_range: The `(min, max)` range of the quantized integers.
        epsilon: Added to the absolute maximum to avoid division by zero.
        output_dtype: The dtype of the quantized values.

    Raises:
        ValueError: If `output_dtype` is `"int8"` and `value_range` leaves `[-128, 127]`.

    Example:

    >>> q, scale = keras.quantizers.AbsMaxQuantizer()(np.array([[1.0, -2.0]], dtype="float32"))
    >>> q
    array([[  64, -127]], dtype=int8)
    """

    def __init__(
        self,
        axis: int | Sequence[int] | None = None,
        value_range: tuple[int, int] = (-127, 127),
        epsilon: float = 1e-07,
        output_dtype: str = "int8",
    ) -> None:
        super().__init__(output_dtype=output_dtype)
        self.axis: tuple[int, ...] | None = (
            None if axis is None else (axis,) if isinstance(axis, int) else tuple(axis)
        )
        self.value_range = value_range
        self.epsilon = epsilon
        if output_dtype == "int8" and (value_range[0] < -128 or value_range[1] > 127):
            raise ValueError(
                "Quantizer with output_dtype='int8' requires value_range to be within the "
                f"interval [-128, 127]. Received: value_range={value_range}"
            )

    def __call__(
        self, x: ArrayLike, axis: int | Sequence[int] | None = None, to_numpy: bool = False
    ) -> tuple[Tensor, Tensor]:
        """Quantize `x`.

        Args:
            x: The float tensor.
            axis: The axis reduced to find the scales; defaults to the constructor's
                axis, else `-1`.
            to_numpy: Whether to compute on the host with numpy.

        Returns:
            `(quantized, scale)`, with `x ≈ quantized / scale`.
        """
        if axis is None:
            axis = self.axis if self.axis is not None else -1
        return abs_max_quantize(x, axis, self.value_range, self.output_dtype, self.epsilon, to_numpy)

    def get_config(self) -> dict[str, Any]:
        """Return the constructor arguments (`axis` only when one was given)."""
        config: dict[str, Any] = {
            "value_range": self.value_range,
            "epsilon": self.epsilon,
            "output_dtype": self.output_dtype,
        }
        if self.axis is not None:
            config["axis"] = self.axis
        return config
