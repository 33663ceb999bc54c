"""The quantization and LoRA entries of the configs of Dense, EinsumDense and Embedding.

Keras 3 writes `quantization_config` (serialized, `None` when unset) in every config, and
`lora_rank`/`lora_alpha` only when a LoRA rank is set; `from_config` turns the serialized
quantization config back into a `keras.quantizers.QuantizationConfig`.
"""

from __future__ import annotations

from typing import Any


def quantization_config_entries(
    lora_rank: int | None, lora_alpha: float | None, quantization_config: Any = None
) -> dict[str, Any]:
    """Return the config keys Keras writes for the quantization and LoRA arguments.

    Args:
        lora_rank: The LoRA rank; `None` or 0 leaves the LoRA keys out.
        lora_alpha: The LoRA scale.
        quantization_config: The layer's quantization config, or None.

    Returns:
        `{"quantization_config": ...}`, plus `lora_rank` and `lora_alpha` when LoRA is set.
    """
    from keras.layers._serialization import serialize_keras_object

    entries: dict[str, Any] = {"quantization_config": serialize_keras_object(quantization_config)}
    if lora_rank:
        entries["lora_rank"] = lora_rank
        entries["lora_alpha"] = lora_alpha
    return entries


def deserialize_quantization_config(config: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of a layer config whose `quantization_config` is an object again.

    Args:
        config: A layer config, as `get_config` writes it.

    Returns:
        The config with `quantization_config` deserialized (a serialized object dict
        becomes a `QuantizationConfig`; anything else is kept).
    """
    config = dict(config)
    value = config.get("quantization_config")
    if isinstance(value, dict) and "class_name" in value:
        from keras.layers._serialization import deserialize_keras_object
        from keras.quantizers._lookup import BUILTINS

        config["quantization_config"] = deserialize_keras_object(value, module_objects=BUILTINS)
    return config
