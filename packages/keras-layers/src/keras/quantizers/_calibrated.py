"""Configs of the calibration-based post-training algorithms, GPTQ and AWQ.

These hold and check the settings and serialize as Keras 3 does (dataset and tokenizer
are not saved). The algorithms themselves are not implemented in this suite: `run`
raises `NotImplementedError`.
"""

from __future__ import annotations

from typing import Any

from keras.quantizers._config import QuantizationConfig


def _check_common(num_samples: int, sequence_length: int, group_size: int, what: str) -> None:
    if num_samples <= 0:
        raise ValueError(f"num_samples must be a positive integer. Received: num_samples={num_samples}")
    if sequence_length <= 0:
        raise ValueError(
            f"sequence_length must be a positive integer. Received: sequence_length={sequence_length}"
        )
    if group_size < -1 or group_size == 0:
        raise ValueError(
            f"Invalid group_size. Supported values are -1 ({what}) or a positive integer, but got {group_size}."
        )


class _CalibratedConfig(QuantizationConfig):
    """What GPTQ and AWQ configs share: calibration data, settings round trip, `run`."""

    weight_bits: int
    group_size: int

    def get_config(self) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Any:
        """Build the config from the output of `get_config`."""
        return cls(**config)

    def dtype_policy_string(self) -> str:
        """Return the name of the dtype policy this config produces, e.g. `"gptq/4/128"`."""
        return f"{self.mode}/{self.weight_bits}/{self.group_size}"

    def run(self, model: Any) -> None:
        """Quantize `model` with the algorithm (not implemented in this suite).

        Raises:
            NotImplementedError: Always.
        """
        raise NotImplementedError(
            f"{type(self).__name__}: the {self.mode.upper()} algorithm is not implemented in this Keras suite; "
            "the config can be built, checked and serialized."
        )


class GPTQConfig(_CalibratedConfig):
    """Settings of GPTQ, which quantizes weights layer by layer using second-order statistics.

    Args:
        dataset: The calibration data: strings or token arrays.
        tokenizer: A callable that turns the dataset's strings into tokens.
        weight_bits: The bits per weight: 2, 3, 4 or 8.
        num_samples: The number of calibration samples.
        per_channel: Whether each output channel gets its own parameters.
        sequence_length: The length of each calibration sample.
        hessian_damping: The fraction of the Hessian's mean diagonal added for stability,
            in `[0, 1]`.
        group_size: Weights per group sharing a scale; `-1` for per channel.
        symmetric: Whether to quantize symmetrically.
        activation_order: Whether to process columns by decreasing activation size.
        quantization_layer_structure: Optional `{"pre_block_layers", "sequential_blocks"}`.

    Raises:
        ValueError: If a setting is out of range.

    Example:

    >>> config = keras.quantizers.GPTQConfig(None, None, weight_bits=8, group_size=-1)
    >>> config.mode, config.dtype_policy_string()
    ('gptq', 'gptq/8/-1')
    """

    def __init__(
        self,
        dataset: Any,
        tokenizer: Any,
        *,
        weight_bits: int = 4,
        num_samples: int = 128,
        per_channel: bool = True,
        sequence_length: int = 512,
        hessian_damping: float = 0.01,
        group_size: int = 128,
        symmetric: bool = False,
        activation_order: bool = False,
        quantization_layer_structure: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        if weight_bits not in (2, 3, 4, 8):
            raise ValueError(f"Unsupported weight_bits {weight_bits}. Supported values are 2, 3, 4, and 8.")
        _check_common(num_samples, sequence_length, group_size, "whole-tensor")
        if not 0 <= hessian_damping <= 1:
            raise ValueError(
                f"hessian_damping must be between 0 and 1. Received: hessian_damping={hessian_damping}"
            )
        self.dataset = dataset
        self.tokenizer = tokenizer
        self.weight_bits = weight_bits
        self.num_samples = num_samples
        self.per_channel = per_channel
        self.sequence_length = sequence_length
        self.hessian_damping = hessian_damping
        self.group_size = group_size
        self.symmetric = symmetric
        self.activation_order = activation_order
        self.quantization_layer_structure = quantization_layer_structure

    @property
    def mode(self) -> str:
        """`"gptq"`."""
        return "gptq"

    def get_config(self) -> dict[str, Any]:
        """Return the settings; `dataset` and `tokenizer` are saved as `None`."""
        return {
            "dataset": None,
            "tokenizer": None,
            "weight_bits": self.weight_bits,
            "num_samples": self.num_samples,
            "per_channel": self.per_channel,
            "sequence_length": self.sequence_length,
            "hessian_damping": self.hessian_damping,
            "group_size": self.group_size,
            "symmetric": self.symmetric,
            "activation_order": self.activation_order,
            "quantization_layer_structure": self.quantization_layer_structure,
        }


class AWQConfig(_CalibratedConfig):
    """Settings of AWQ, which scales salient weight channels (found from activations) before
    4-bit quantization.

    Args:
        dataset: The calibration data: strings or token arrays.
        tokenizer: A callable that turns the dataset's strings into tokens.
        weight_bits: The bits per weight; only 4.
        num_samples: The number of calibration samples.
        sequence_length: The length of each calibration sample.
        group_size: Weights per group sharing a scale; `-1` for per channel.
        num_grid_points: The number of scaling exponents searched.
        quantization_layer_structure: Optional `{"pre_block_layers", "sequential_blocks"}`.

    Raises:
        ValueError: If a setting is out of range.

    Example:

    >>> keras.quantizers.AWQConfig(None, None).dtype_policy_string()
    'awq/4/128'
    """

    def __init__(
        self,
        dataset: Any,
        tokenizer: Any,
        *,
        weight_bits: int = 4,
        num_samples: int = 128,
        sequence_length: int = 512,
        group_size: int = 128,
        num_grid_points: int = 20,
        quantization_layer_structure: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        if weight_bits != 4:
            raise ValueError(f"AWQ only supports 4-bit quantization. Received weight_bits={weight_bits}.")
        _check_common(num_samples, sequence_length, group_size, "per-channel")
        if num_grid_points <= 0:
            raise ValueError(
                f"num_grid_points must be a positive integer. Received: num_grid_points={num_grid_points}"
            )
        self.dataset = dataset
        self.tokenizer = tokenizer
        self.weight_bits = weight_bits
        self.num_samples = num_samples
        self.sequence_length = sequence_length
        self.group_size = group_size
        self.num_grid_points = num_grid_points
        self.quantization_layer_structure = quantization_layer_structure

    @property
    def mode(self) -> str:
        """`"awq"`."""
        return "awq"

    def get_config(self) -> dict[str, Any]:
        """Return the settings; `dataset` and `tokenizer` are saved as `None`."""
        return {
            "dataset": None,
            "tokenizer": None,
            "weight_bits": self.weight_bits,
            "num_samples": self.num_samples,
            "sequence_length": self.sequence_length,
            "group_size": self.group_size,
            "num_grid_points": self.num_grid_points,
            "quantization_layer_structure": self.quantization_layer_structure,
        }
