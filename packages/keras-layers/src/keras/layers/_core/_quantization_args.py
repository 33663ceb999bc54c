"""The quantization and LoRA arguments of Dense, EinsumDense and Embedding.

Keras 3's signatures carry `lora_rank`, `lora_alpha` and `quantization_config`; this suite
accepts them with Keras's defaults and refuses values that would need LoRA or quantized
kernels, which it does not implement yet. Configs write `quantization_config` as Keras does.
"""

from __future__ import annotations

from typing import Any


def check_quantization_arguments(layer: str, lora_rank: int | None, quantization_config: Any) -> None:
    """Raise `NotImplementedError` when LoRA or a quantization config is requested.

    Args:
        layer: The layer class name, for the message.
        lora_rank: The requested LoRA rank; `None` or 0 means no LoRA.
        quantization_config: The requested quantization config; only `None` is supported.

    Raises:
        NotImplementedError: If `lora_rank` is set or `quantization_config` is not None.
    """
    if lora_rank:
        raise NotImplementedError(
            f"LoRA is not yet supported. Received: lora_rank={lora_rank!r} for {layer}."
        )
    if quantization_config is not None:
        raise NotImplementedError(
            f"Quantization is not yet supported. Received: quantization_config={quantization_config!r} for {layer}."
        )


def quantization_config_entries(lora_rank: int | None, lora_alpha: float | None) -> dict[str, Any]:
    """Return the config keys Keras writes for the quantization arguments.

    `quantization_config` is always written (as `None`); `lora_rank` and `lora_alpha` only
    when LoRA is on.
    """
    entries: dict[str, Any] = {"quantization_config": None}
    if lora_rank:
        entries["lora_rank"] = lora_rank
        entries["lora_alpha"] = lora_alpha
    return entries
