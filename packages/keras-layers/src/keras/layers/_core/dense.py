"""`Dense`: the fully connected layer, `activation(inputs @ kernel + bias)`."""

from __future__ import annotations

from typing import Any, ClassVar

from keras import activations, constraints, initializers, ops, regularizers
from keras.backend._variable import Variable
from keras.layers._core._adaptable import FLOAT8_VARIABLE_ORDER, AdaptableLayer
from keras.layers._core._quantization_args import quantization_config_entries
from keras.layers._core._quantized_matmul import float8_bias, float_kernel_contract, int8_contract
from keras.layers._input_spec import InputSpec
from keras.ops._typing import Tensor

__all__ = ["Dense"]

Shape = tuple[int | None, ...]


def _require_positive_int(name: str, value: Any) -> int:
    """Return `value` if it is a positive int (not a bool), else raise a `ValueError` naming `name`."""
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError(
            f"Received an invalid value for `{name}`, expected a positive integer. Received: {name}={value}"
        )
    return value


class Dense(AdaptableLayer):
    """Apply a learned affine map to the last axis: `activation(inputs @ kernel + bias)`.

    The kernel has shape `(input_dim, units)`, where `input_dim` is the size of the input's
    last axis, so inputs of rank above 2 are transformed independently at every leading
    position. Masks pass through unchanged.

    Args:
        units: Positive int, the size of the output's last axis.
        activation: Activation applied to the result (name or callable); `None` means
            none (`"linear"`).
        use_bias: Whether to add a learned bias vector.
        kernel_initializer: Initializer of the kernel.
        bias_initializer: Initializer of the bias.
        kernel_regularizer: Regularizer of the kernel.
        bias_regularizer: Regularizer of the bias.
        activity_regularizer: Regularizer of the layer's output.
        kernel_constraint: Constraint applied to the kernel after each update.
        bias_constraint: Constraint applied to the bias after each update.
        lora_rank: If set, `enable_lora(lora_rank)` runs when the layer is built: the
            kernel is frozen and a trainable low-rank update is added to it.
        lora_alpha: LoRA scale numerator (the update is scaled by `lora_alpha / lora_rank`).
            As in Keras 3, building with `lora_rank` resets it to `lora_rank`.
        quantization_config: A `keras.quantizers.QuantizationConfig` used when the layer
            is built (or quantized) with a quantized dtype policy.
        **kwargs: Base layer arguments (`name`, `dtype`, `trainable`, ...).

    Raises:
        ValueError: If `units` is not a positive int.

    Example:

    >>> layer = keras.layers.Dense(2, kernel_initializer="ones", bias_initializer="ones")
    >>> layer(np.array([[1.0, 2.0, 3.0]], dtype="float32"))
    array([[7., 7.]], dtype=float32)
    >>> [w.path for w in layer.weights] == [layer.name + "/kernel", layer.name + "/bias"]
    True
    """

    _kernel: Variable
    bias: Variable | None
    kernel_scale: Variable
    kernel_zero: Variable
    lora_kernel_a: Variable
    lora_kernel_b: Variable
    _quantizable_here = True
    _variable_order: ClassVar[dict[str | None, tuple[str, ...]]] = {
        None: ("kernel", "bias"),
        "int8": ("kernel", "bias", "kernel_scale"),
        "int4": ("kernel", "bias", "kernel_scale", "kernel_zero", "g_idx"),
        "float8": FLOAT8_VARIABLE_ORDER,
    }

    def __init__(
        self,
        units: int,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        lora_rank: int | None = None,
        lora_alpha: float | None = None,
        quantization_config: Any = None,
        **kwargs: Any,
    ) -> None:
        _require_positive_int("units", units)
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.units = units
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self._init_adaptation(lora_rank, lora_alpha, quantization_config)
        self.input_spec = InputSpec(min_ndim=2)
        self.supports_masking = True

    def build(self, input_shape: Shape) -> None:
        input_dim = input_shape[-1]
        kernel_shape: tuple[int, ...] = (input_dim, self.units)  # type: ignore[assignment]
        if self.quantization_mode is not None:
            self.quantized_build(kernel_shape, self.quantization_mode, self.quantization_config)
        if self.quantization_mode in (None, "float8"):
            self._kernel = self.add_weight(
                name="kernel",
                shape=kernel_shape,
                initializer=self.kernel_initializer,
                regularizer=self.kernel_regularizer,
                constraint=self.kernel_constraint,
            )
        if self.use_bias:
            self.bias = self.add_weight(
                name="bias",
                shape=(self.units,),
                initializer=self.bias_initializer,
                regularizer=self.bias_regularizer,
                constraint=self.bias_constraint,
            )
        else:
            self.bias = None
        self.input_spec = InputSpec(min_ndim=2, axes={-1: input_dim})
        self.built = True
        if self.lora_rank:
            # Keras 3 passes the rank only, so `lora_alpha` becomes `lora_rank` here.
            self.enable_lora(self.lora_rank)

    @property
    def kernel(self) -> Any:
        """The kernel in use: the stored one, plus the LoRA update when LoRA is on."""
        return self._effective_weight()

    def _lora_shapes(self, rank: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        input_dim, units = self._float_weight_shape()
        return (input_dim, rank), (rank, units)

    def _int8_build(self, shape: tuple[int, ...], config: Any = None) -> None:
        self.inputs_quantizer = self._inputs_quantizer_from(config)
        self._add_int8_weights(shape, (self.units,))

    def _int8_quantize(self, value: Any, quantizer: Any = None) -> tuple[Tensor, Tensor]:
        from keras.quantizers._quantizer import AbsMaxQuantizer

        values, scale = (quantizer or AbsMaxQuantizer(axis=0))(value, to_numpy=True)
        return values, ops.squeeze(scale, axis=0)

    def _int8_dequantize(self, values: Any, scale: Any) -> Tensor:
        return ops.divide(ops.cast(values, self.compute_dtype), scale)

    def call(self, inputs: Tensor, training: Any = None) -> Tensor:
        mode = self.quantization_mode
        bias: Any = self.bias
        if mode is None:
            outputs = ops.matmul(inputs, self.kernel)
        elif mode == "float8":
            outputs = self._float8_outputs(inputs, ops.matmul, training)
            bias = None if bias is None else float8_bias(bias, self.compute_dtype)
        else:
            if mode == "int8":
                outputs = int8_contract(
                    inputs,
                    self._kernel,
                    self.kernel_scale,
                    compute_dtype=self.compute_dtype,
                    inputs_quantizer=self.inputs_quantizer,
                    inputs_axes=-1,
                    align_inputs_scale=lambda scale: scale,
                    contract=ops.matmul,
                    contract_inputs_gradient=lambda upstream, kernel: ops.matmul(
                        upstream, ops.transpose(kernel)
                    ),
                    dequantize=self._int8_dequantize,
                )
            elif mode == "int4":
                outputs = float_kernel_contract(
                    inputs,
                    self._int4_weight(),
                    inputs_quantizer=self.inputs_quantizer,
                    inputs_axes=-1,
                    contract=ops.matmul,
                )
            else:
                raise self._quantization_mode_error(mode)
            if self.lora_enabled:
                outputs = self._add_lora_outputs(ops.matmul(inputs, self.lora_kernel_a), outputs)
        if bias is not None:
            outputs = ops.add(outputs, bias)
        if self.activation is not None:
            outputs = self.activation(outputs)
        return outputs

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return (*input_shape[:-1], self.units)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            **quantization_config_entries(self.lora_rank, self.lora_alpha, self.quantization_config),
        }
