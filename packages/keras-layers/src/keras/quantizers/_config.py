"""Quantization configs: which quantizers `Model.quantize` uses for a mode (int8, int4, float8).

A config's `get_config` holds its quantizers serialized in Keras 3's format, so configs
move between this suite and Keras 3 unchanged.
"""

from __future__ import annotations

from typing import Any

from keras.quantizers._quantizer import AbsMaxQuantizer, Quantizer


def _serialize(obj: Any) -> Any:
    from keras.layers._serialization import serialize_keras_object

    return serialize_keras_object(obj)


def _deserialize(config: Any) -> Any:
    from keras.layers._serialization import deserialize_keras_object
    from keras.quantizers._lookup import BUILTINS

    return deserialize_keras_object(config, module_objects=BUILTINS)


class QuantizationConfig:
    """Base class of quantization configs: a weight quantizer and an activation quantizer.

    Subclasses name their quantization `mode`.

    Args:
        weight_quantizer: The quantizer for weights, or `None` for the mode's default.
        activation_quantizer: The quantizer for activations, or `None` for none.

    Example:

    >>> config = keras.quantizers.Int8QuantizationConfig()
    >>> config.mode, type(config.activation_quantizer).__name__
    ('int8', 'AbsMaxQuantizer')
    """

    def __init__(
        self, weight_quantizer: Quantizer | None = None, activation_quantizer: Quantizer | None = None
    ) -> None:
        self.weight_quantizer = weight_quantizer
        self.activation_quantizer = activation_quantizer

    @property
    def mode(self) -> str:
        """The quantization mode (`"int8"`, `"int4"`, ...); subclasses define it."""
        raise NotImplementedError(
            "Subclasses must implement this property. Do not instantiate QuantizationConfig directly."
        )

    def get_config(self) -> dict[str, Any]:
        """Return the quantizers, serialized."""
        return {
            "weight_quantizer": _serialize(self.weight_quantizer),
            "activation_quantizer": _serialize(self.activation_quantizer),
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> QuantizationConfig:
        """Build a config from the output of `get_config`."""
        return cls(
            weight_quantizer=_deserialize(config.get("weight_quantizer")),
            activation_quantizer=_deserialize(config.get("activation_quantizer")),
        )

    @staticmethod
    def weight_quantizer_or_default(config: QuantizationConfig | None, default: Any) -> Any:
        """Return `config`'s weight quantizer, or `default` when there is none."""
        if config is not None and config.weight_quantizer is not None:
            return config.weight_quantizer
        return default

    @staticmethod
    def activation_quantizer_or_default(config: QuantizationConfig | None, default: Any) -> Any:
        """Return `config`'s activation quantizer (even `None`), or `default` without a config."""
        return config.activation_quantizer if config is not None else default


class Int8QuantizationConfig(QuantizationConfig):
    """Int8 quantization: int8 weights, and by default abs-max int8 activations.

    Args:
        weight_quantizer: The weight quantizer; its `output_dtype` must be `"int8"`.
        activation_quantizer: The activation quantizer; `"default"` is `AbsMaxQuantizer()`.

    Raises:
        ValueError: If the weight quantizer's output dtype is not int8.

    Example:

    >>> keras.quantizers.Int8QuantizationConfig(activation_quantizer=None).get_config()
    {'weight_quantizer': None, 'activation_quantizer': None}
    """

    def __init__(
        self, weight_quantizer: Quantizer | None = None, activation_quantizer: Any = "default"
    ) -> None:
        if isinstance(activation_quantizer, str) and activation_quantizer == "default":
            activation_quantizer = AbsMaxQuantizer()
        super().__init__(weight_quantizer, activation_quantizer)
        if weight_quantizer is not None and weight_quantizer.output_dtype != "int8":
            raise ValueError(
                "Int8QuantizationConfig requires a weight_quantizer with output_dtype='int8'. "
                f"Received: output_dtype={weight_quantizer.output_dtype}"
            )

    @property
    def mode(self) -> str:
        """`"int8"`."""
        return "int8"


class Int4QuantizationConfig(QuantizationConfig):
    """Int4 quantization: 4-bit weights, per channel or in blocks along the input dimension.

    Args:
        weight_quantizer: The weight quantizer (per-channel only); its `value_range` must
            be `(-8, 7)` and its `output_dtype` `"int8"`.
        activation_quantizer: The activation quantizer; `"default"` means none.
        block_size: Rows per block of sub-channel quantization; `None` or `-1` for one
            scale per output channel.

    Raises:
        ValueError: If `block_size` is not `None`, `-1` or positive; if custom quantizers
            are combined with blocks; or if the weight quantizer does not fit int4.

    Example:

    >>> keras.quantizers.Int4QuantizationConfig(block_size=64).get_config()
    {'weight_quantizer': None, 'activation_quantizer': None, 'block_size': 64}
    """

    def __init__(
        self,
        weight_quantizer: Quantizer | None = None,
        activation_quantizer: Any = "default",
        block_size: int | None = 128,
    ) -> None:
        if isinstance(activation_quantizer, str) and activation_quantizer == "default":
            activation_quantizer = None
        super().__init__(weight_quantizer, activation_quantizer)
        if block_size is not None and block_size != -1 and block_size <= 0:
            raise ValueError(
                f"block_size must be None, -1, or a positive integer. Received: block_size={block_size}"
            )
        self.block_size = block_size
        blocked = block_size is not None and block_size > 0
        if blocked and (weight_quantizer is not None or activation_quantizer is not None):
            raise ValueError(
                "Int4 sub-channel quantization (block_size > 0) does not support custom quantizers. "
                "Either set block_size to None or -1 for per-channel quantization, or remove the custom "
                f"quantizer arguments. Received: block_size={block_size}"
            )
        if weight_quantizer is not None:
            value_range = tuple(getattr(weight_quantizer, "value_range", ()))
            if value_range != (-8, 7):
                raise ValueError(
                    f"Int4QuantizationConfig requires a weight_quantizer with value_range=(-8, 7). "
                    f"Received: value_range={value_range}"
                )
            if weight_quantizer.output_dtype != "int8":
                raise ValueError(
                    "Int4QuantizationConfig requires a weight_quantizer with output_dtype='int8'. "
                    f"Received: output_dtype={weight_quantizer.output_dtype}"
                )

    @property
    def mode(self) -> str:
        """`"int4"`."""
        return "int4"

    def get_config(self) -> dict[str, Any]:
        """Return the quantizers, serialized, and the block size."""
        return {**super().get_config(), "block_size": self.block_size}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Int4QuantizationConfig:
        """Build a config from the output of `get_config`."""
        return cls(
            weight_quantizer=_deserialize(config.get("weight_quantizer")),
            activation_quantizer=_deserialize(config.get("activation_quantizer")),
            block_size=config.get("block_size"),
        )


class Float8QuantizationConfig(QuantizationConfig):
    """Float8 training: marks that `Model.quantize` should use float8 with delayed scaling.

    It takes no quantizers; float8 computes its own scales.

    Example:

    >>> keras.quantizers.Float8QuantizationConfig().mode
    'float8'
    """

    def __init__(self) -> None:
        super().__init__(None, None)

    @property
    def mode(self) -> str:
        """`"float8"`."""
        return "float8"

    def get_config(self) -> dict[str, Any]:
        """Return `{}`: the config has no settings."""
        return {}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Float8QuantizationConfig:
        """Build the config (`config` is ignored)."""
        return cls()
