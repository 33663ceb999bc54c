"""`Embedding`: look up a learned vector for each integer index."""

from __future__ import annotations

import warnings
from typing import Any, ClassVar

from keras import constraints, initializers, ops, regularizers
from keras.backend._dtypes import standardize_dtype
from keras.backend._variable import Variable
from keras.layers._core._adaptable import AdaptableLayer
from keras.layers._core._quantization_args import quantization_config_entries
from keras.ops._typing import Tensor

__all__ = ["Embedding"]

Shape = tuple[int | None, ...]


def _require_dim(name: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError(
            f"`{name}` must be a positive integer. Received: {name}={value} (of type {type(value).__name__})."
        )
    return value


class Embedding(AdaptableLayer):
    """Map integer indices in `[0, input_dim)` to dense vectors of size `output_dim`.

    The output has the input's shape plus a last axis of `output_dim`. Non-integer inputs
    are cast to int32. Inputs are never autocast; the output is in the compute dtype.

    Args:
        input_dim: Positive int, the vocabulary size (largest index + 1).
        output_dim: Positive int, the size of each embedding vector.
        embeddings_initializer: Initializer of the `(input_dim, output_dim)` table.
        embeddings_regularizer: Regularizer of the table.
        embeddings_constraint: Constraint of the table.
        mask_zero: Whether index 0 is padding: the output mask is `inputs != 0` (so index 0
            should not be a real token, and `input_dim` should count it).
        weights: Initial value of the table (an array, or a list holding one); builds the
            layer at once.
        lora_rank: If set, `enable_lora(lora_rank)` runs when the layer is built: the
            table is frozen and a trainable low-rank update is added to it.
        lora_alpha: LoRA scale numerator (the update is scaled by `lora_alpha / lora_rank`).
            As in Keras 3, building with `lora_rank` resets it to `lora_rank`.
        quantization_config: A `keras.quantizers.QuantizationConfig` used when the layer
            is built (or quantized) with a quantized dtype policy.
        **kwargs: Base layer arguments (`name`, `dtype`, `activity_regularizer`, ...).

    Raises:
        ValueError: If `input_dim` or `output_dim` is not a positive int.

    Example:

    >>> table = np.array([[0.0, 0.0], [1.0, 2.0], [3.0, 4.0]], dtype="float32")
    >>> layer = keras.layers.Embedding(3, 2, mask_zero=True, weights=table)
    >>> layer(np.array([[2, 1, 0]]))
    array([[[3., 4.],
            [1., 2.],
            [0., 0.]]], dtype=float32)
    >>> layer.compute_mask(np.array([[2, 1, 0]]))
    array([[ True,  True, False]])
    """

    _embeddings: Variable
    embeddings_scale: Variable
    embeddings_zero: Variable
    lora_embeddings_a: Variable
    lora_embeddings_b: Variable
    _weight_name = "embeddings"
    _quantizable_here = True
    _variable_order: ClassVar[dict[str | None, tuple[str, ...]]] = {
        None: ("embeddings",),
        "int8": ("embeddings", "embeddings_scale"),
        "int4": ("embeddings", "embeddings_scale", "embeddings_zero", "g_idx"),
    }
    # Each token's vector is quantized on its own (in blocks along it, for int4).
    _int4_group_axis = -1

    def __init__(
        self,
        input_dim: int,
        output_dim: int,
        embeddings_initializer: Any = "uniform",
        embeddings_regularizer: Any = None,
        embeddings_constraint: Any = None,
        mask_zero: bool = False,
        weights: Any = None,
        lora_rank: int | None = None,
        lora_alpha: float | None = None,
        quantization_config: Any = None,
        **kwargs: Any,
    ) -> None:
        _require_dim("input_dim", input_dim)
        _require_dim("output_dim", output_dim)
        if kwargs.pop("input_length", None) is not None:
            warnings.warn("Argument `input_length` is deprecated. Just remove it.", stacklevel=2)
        super().__init__(**kwargs)
        self.input_dim = input_dim
        self.output_dim = output_dim
        self.embeddings_initializer = initializers.get(embeddings_initializer)
        self.embeddings_regularizer = regularizers.get(embeddings_regularizer)
        self.embeddings_constraint = constraints.get(embeddings_constraint)
        self.mask_zero = mask_zero
        self.supports_masking = mask_zero
        self.autocast = False
        self._init_adaptation(lora_rank, lora_alpha, quantization_config)
        if weights is not None:
            # Build through `build_from_config` so the layer records a build config, as Keras does.
            self.build_from_config({"shapes_dict": {}})
            self.set_weights(weights if isinstance(weights, list) and len(weights) == 1 else [weights])

    def build(self, input_shape: Shape | None = None) -> None:
        if self.built:
            return
        shape = (self.input_dim, self.output_dim)
        if self.quantization_mode is not None:
            self.quantized_build(shape, self.quantization_mode, self.quantization_config)
        else:
            self._embeddings = self.add_weight(
                name="embeddings",
                shape=shape,
                initializer=self.embeddings_initializer,
                regularizer=self.embeddings_regularizer,
                constraint=self.embeddings_constraint,
            )
        self.built = True
        if self.lora_rank:
            # Keras 3 passes the rank only, so `lora_alpha` becomes `lora_rank` here.
            self.enable_lora(self.lora_rank)

    @property
    def embeddings(self) -> Any:
        """The table in use: the stored one, plus the LoRA update when LoRA is on."""
        return self._effective_weight()

    def _lora_shapes(self, rank: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        return (self.input_dim, rank), (rank, self.output_dim)

    def _int8_build(self, shape: tuple[int, ...], config: Any = None) -> None:
        # One scale per row (token): the table is usually taller than wide.
        self._add_int8_weights(shape, (self.input_dim,))

    def _int8_quantize(self, value: Any, quantizer: Any = None) -> tuple[Tensor, Tensor]:
        from keras.quantizers._quantizer import AbsMaxQuantizer

        values, scale = (quantizer or AbsMaxQuantizer(axis=-1))(value, to_numpy=True)
        return values, ops.squeeze(scale, axis=-1)

    def _int8_dequantize(self, values: Any, scale: Any) -> Tensor:
        return ops.divide(ops.cast(values, self.compute_dtype), ops.expand_dims(scale, -1))

    def _quantization_mode_error(self, mode: Any) -> NotImplementedError:
        return NotImplementedError(
            f"Invalid quantization mode. Expected one of ('int8', 'int4'). Received: quantization_mode={mode}"
        )

    def call(self, inputs: Tensor) -> Tensor:
        if standardize_dtype(inputs.dtype) not in ("int32", "int64"):
            inputs = ops.cast(inputs, "int32")
        mode = self.quantization_mode
        if mode is None:
            return ops.cast(ops.take(self.embeddings, inputs, axis=0), self.compute_dtype)
        # Dequantize only the rows looked up, with their own scales (and zero points).
        rows = ops.take(self._embeddings, inputs, axis=0)
        scale = ops.take(self.embeddings_scale, inputs, axis=0)
        if mode == "int8":
            outputs = ops.divide(ops.cast(rows, self.compute_dtype), ops.expand_dims(scale, -1))
        elif mode == "int4":
            layout = self._int4_layout
            zero = ops.take(self.embeddings_zero, inputs, axis=0) if layout.grouped else None
            outputs = layout.dequantize(rows, scale, zero, getattr(self, "g_idx", None), self.compute_dtype)
        else:
            raise self._quantization_mode_error(mode)
        if self.lora_enabled:
            outputs = self._add_lora_outputs(ops.take(self.lora_embeddings_a, inputs, axis=0), outputs)
        return outputs

    def compute_mask(self, inputs: Tensor, previous_mask: Any = None) -> Tensor | None:
        if not self.mask_zero:
            return None
        return ops.not_equal(inputs, 0)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return (*input_shape, self.output_dim)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "input_dim": self.input_dim,
            "output_dim": self.output_dim,
            "embeddings_initializer": initializers.serialize(self.embeddings_initializer),
            "embeddings_regularizer": regularizers.serialize(self.embeddings_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "embeddings_constraint": constraints.serialize(self.embeddings_constraint),
            "mask_zero": self.mask_zero,
            **quantization_config_entries(self.lora_rank, self.lora_alpha, self.quantization_config),
        }
