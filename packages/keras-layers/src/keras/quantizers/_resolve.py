"""How `quantize(mode, config)` arguments become one `QuantizationConfig`, as Keras 3 resolves them.

A string `config` is read as a mode; a missing config gets the mode's default config
(int8, int4, float8); GPTQ and AWQ need their own config objects. The mode and the
config's mode must agree.
"""

from __future__ import annotations

from typing import Any

from keras.dtype_policies._policy import QUANTIZATION_MODES
from keras.quantizers._config import (
    Float8QuantizationConfig,
    Int4QuantizationConfig,
    Int8QuantizationConfig,
    QuantizationConfig,
)


def _check_mode(mode: Any) -> None:
    if mode is not None and mode not in QUANTIZATION_MODES:
        raise ValueError(
            f"Invalid quantization mode. Expected one of {QUANTIZATION_MODES}. Received: mode={mode}"
        )


_DEFAULTS: dict[str, type[QuantizationConfig]] = {
    "int8": Int8QuantizationConfig,
    "int4": Int4QuantizationConfig,
    "float8": Float8QuantizationConfig,
}


def resolve_quantization_config(mode: str | None, config: Any) -> QuantizationConfig:
    """Return the quantization config that `mode` and `config` describe together.

    Args:
        mode: A quantization mode (`"int8"`, `"int4"`, ...) or None.
        config: A `QuantizationConfig`, a mode string, or None.

    Returns:
        The config; its `mode` is the quantization mode to use.

    Raises:
        ValueError: If the mode is unknown, neither argument is given, `config` is not a
            `QuantizationConfig`, the two disagree, or GPTQ/AWQ come without their config.
    """
    if isinstance(config, str):
        mode, config = config, None
    _check_mode(mode)
    if config is None:
        if mode in ("gptq", "awq"):
            kind = "GPTQConfig" if mode == "gptq" else "AWQConfig"
            raise ValueError(f"For {mode.upper()}, you must pass a `{kind}` object in the `config` argument.")
        if mode is None:
            raise ValueError("You must provide either `mode` or `config` to `quantize`.")
        config = _DEFAULTS[mode]()
    elif not isinstance(config, QuantizationConfig):
        raise ValueError(
            "Argument `config` must be an instance of `QuantizationConfig`. "
            f"Received: config={config} (of type {type(config)})"
        )
    if mode is not None and config.mode != mode:
        raise ValueError(f"Contradictory arguments: mode='{mode}' but config.mode='{config.mode}'")
    _check_mode(config.mode)
    resolved: QuantizationConfig = config
    return resolved


def should_quantize_layer(layer: Any, filters: Any) -> bool:
    """Return whether `Model.quantize(filters=...)` selects `layer`.

    Args:
        layer: The layer.
        filters: None (every layer), a regex searched in the layer's name, a list of
            such regexes (any may match), or a callable taking the layer.

    Returns:
        Whether to quantize the layer.
    """
    import re

    if filters is None:
        return True
    if isinstance(filters, str):
        return re.search(filters, layer.name) is not None
    if isinstance(filters, (list, tuple)):
        return any(re.search(pattern, layer.name) is not None for pattern in filters)
    if callable(filters):
        return bool(filters(layer))
    return True
