"""`EinsumDense`: a dense layer whose contraction is an einsum equation, and its shape plan.

The plan (`plan_einsum`) reads an equation `input,kernel->output` (with an optional `...`
at the left of the input and output, or at the right of both) and works out the kernel
shape, the bias shape and the full output shape from the input shape and the partial
output shape the user gives, as Keras 3 does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from keras import activations, constraints, initializers, ops, regularizers
from keras.backend._variable import Variable
from keras.layers._core._adaptable import FLOAT8_VARIABLE_ORDER, AdaptableLayer
from keras.layers._core._quantization_args import quantization_config_entries
from keras.layers._core._quantized_matmul import (
    EinsumScaleLayout,
    float8_bias,
    float_kernel_contract,
    int8_contract,
)
from keras.layers._input_spec import InputSpec
from keras.ops._typing import Tensor

__all__ = ["EinsumDense"]

Shape = tuple[int | None, ...]

# (pattern over the equation with "..." replaced by "0", whether the ellipsis is on the left)
_FORMS = (
    (re.compile(r"([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)"), False),
    (re.compile(r"0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)"), True),
    (re.compile(r"([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0"), False),
)


@dataclass(frozen=True)
class EinsumPlan:
    """The weight and output shapes an `EinsumDense` equation implies for one input shape.

    Attributes:
        kernel_shape: The kernel's shape, in the order of the equation's kernel letters.
        bias_shape: The bias's shape (broadcast against the output), or None without bias.
        output_shape: The full output shape, batch axis first.
        input_axes: Kernel axes contracted with the input (the initializer's fan-in axes).
        output_axes: Kernel axes that appear in the output (the fan-out axes).
    """

    kernel_shape: tuple[int | None, ...]
    bias_shape: tuple[int | None, ...] | None
    output_shape: Shape
    input_axes: tuple[int, ...]
    output_axes: tuple[int, ...]


def _split_equation(equation: str) -> tuple[str, str, str, bool]:
    """Return the input, kernel and output letters, and whether `...` leads the operands."""
    marked = equation.replace("...", "0")
    for pattern, left_elided in _FORMS:
        found = pattern.match(marked)
        if found:
            return found.group(1), found.group(2), found.group(3), left_elided
    raise ValueError(
        f"Invalid einsum equation '{equation}'. Equations must be in the form "
        "[X],[Y]->[Z], ...[X],[Y]->...[Z], or [X]...,[Y]->[Z]...."
    )


def plan_einsum(equation: str, bias_axes: str | None, input_shape: Shape, output_shape: Any) -> EinsumPlan:
    """Work out the kernel, bias and output shapes of an `EinsumDense` layer.

    Args:
        equation: The layer's einsum equation.
        bias_axes: Output letters that get a bias, or None.
        input_shape: The input's shape, batch axis first.
        output_shape: The output shape without the batch axis (an int for rank 1); `None`
            entries are unknown. Axes covered by `...` are taken from the input.

    Returns:
        The `EinsumPlan`.

    Raises:
        ValueError: If the equation has an unsupported form, a shared letter's sizes
            disagree, a letter of the output or kernel has no source, or a bias letter is
            not in the output.
    """
    input_spec, kernel_spec, output_spec, left_elided = _split_equation(equation)
    input_shape = tuple(input_shape)
    elided = len(input_shape) - len(input_spec)
    partial = [output_shape] if isinstance(output_shape, int) else list(output_shape)
    full: list[int | None] = [input_shape[0], *partial]
    if elided > 0 and left_elided:
        full[1:1] = input_shape[1:elided]
    elif elided > 0:
        full.extend(input_shape[len(input_shape) - elided :])

    if left_elided:
        # The input is indexed from the end; the output (already complete) from the start.
        input_index = {dim: i + elided - len(input_shape) for i, dim in enumerate(input_spec)}
        output_index = {dim: i + elided for i, dim in enumerate(output_spec)}
    else:
        input_index = {dim: i for i, dim in enumerate(input_spec)}
        output_index = {dim: i for i, dim in enumerate(output_spec)}

    for dim in input_spec:
        if dim in output_index:
            size_in, size_out = input_shape[input_index[dim]], full[output_index[dim]]
            if size_out is not None and size_out != size_in:
                raise ValueError(
                    f"Input shape and output shape do not match at shared dimension '{dim}'. Input shape is "
                    f"{size_in}, and output shape is {size_out}."
                )
    for dim in output_spec:
        if dim not in input_spec and dim not in kernel_spec:
            raise ValueError(
                f"Dimension '{dim}' was specified in the output '{output_spec}' but has no corresponding dim "
                f"in the input spec '{input_spec}' or weight spec '{output_spec}'"
            )

    kernel_shape: list[int | None] = []
    input_axes: list[int] = []
    output_axes: list[int] = []
    for axis, dim in enumerate(kernel_spec):
        if dim in output_index:
            kernel_shape.append(full[output_index[dim]])
            output_axes.append(axis)
        elif dim in input_index:
            kernel_shape.append(input_shape[input_index[dim]])
            input_axes.append(axis)
        else:
            raise ValueError(
                f"Weight dimension '{dim}' did not have a match in either the input spec '{input_spec}' or the "
                f"output spec '{output_spec}'. For this layer, the weight must be fully specified."
            )

    bias_shape = None
    if bias_axes is not None:
        for dim in bias_axes:
            if dim not in output_spec:
                raise ValueError(
                    f"Bias dimension '{dim}' was requested, but is not part of the output spec '{output_spec}'"
                )
        offset = elided if left_elided else 0
        first = min(output_spec.find(dim) for dim in bias_axes)
        bias = [
            full[i + offset] if dim in bias_axes else 1 for i, dim in enumerate(output_spec) if i >= first
        ]
        if not left_elided:
            bias.extend([1] * max(elided, 0))
        bias_shape = tuple(bias)

    return EinsumPlan(tuple(kernel_shape), bias_shape, tuple(full), tuple(input_axes), tuple(output_axes))


def scale_layout(equation: str, input_ndim: int) -> EinsumScaleLayout:
    """Spell out an equation's `...` for an input of rank `input_ndim` and return its scale layout.

    The elided axes get letters the equation does not use, in alphabetical order.
    """
    input_spec, kernel_spec, output_spec, left_elided = _split_equation(equation)
    elided = input_ndim - len(input_spec)
    if "..." in equation and elided > 0:
        used = set(input_spec + kernel_spec + output_spec)
        spare = "".join(sorted(set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") - used))[:elided]
        if left_elided:
            input_spec, output_spec = spare + input_spec, spare + output_spec
        else:
            input_spec, output_spec = input_spec + spare, output_spec + spare
    return EinsumScaleLayout(input_spec, kernel_spec, output_spec)


class EinsumDense(AdaptableLayer):
    """Contract the input with a kernel by an einsum equation, then add a bias.

    The equation names the input's axes, the kernel's axes and the output's axes with
    letters, e.g. `"ab,bc->ac"` (a `Dense` layer) or `"abc,cde->abde"` (project the last
    axis to a `(d, e)` grid). The kernel's shape follows from the letters it shares with
    the input and the output.

    Args:
        equation: The einsum equation, of the form `"X,Y->Z"`, `"...X,Y->...Z"` or
            `"X...,Y->Z..."`.
        output_shape: The output shape without the batch axis (an int for one axis);
            `None` marks sizes taken from the input.
        activation: Activation applied to the result; `None` means none.
        bias_axes: Output letters that get a learned bias, or None for no bias.
        kernel_initializer: Initializer of the kernel; a variance-scaling initializer
            without fan axes gets them from the equation.
        bias_initializer: Initializer of the bias.
        kernel_regularizer: Regularizer of the kernel.
        bias_regularizer: Regularizer of the bias.
        kernel_constraint: Constraint of the kernel.
        bias_constraint: Constraint of the bias.
        lora_rank: If set, `enable_lora(lora_rank, lora_alpha)` runs when the layer is
            built: the kernel is frozen and a trainable low-rank update is added to it.
        lora_alpha: LoRA scale numerator (the update is scaled by `lora_alpha / lora_rank`);
            defaults to `lora_rank`.
        gptq_unpacked_column_size: A GPTQ packing detail, kept for config compatibility.
        quantization_config: A `keras.quantizers.QuantizationConfig` used when the layer
            is built (or quantized) with a quantized dtype policy.
        **kwargs: Base layer arguments (`name`, `dtype`, `activity_regularizer`, ...).

    Raises:
        ValueError: On the first call, if the equation is malformed or does not fit the
            input and output shapes.

    Example:

    >>> layer = keras.layers.EinsumDense("ab,bcd->acd", output_shape=(2, 3), bias_axes="d")
    >>> layer(np.ones((4, 5), dtype="float32")).shape
    (4, 2, 3)
    >>> [tuple(w.shape) for w in layer.weights]
    [(5, 2, 3), (3,)]
    """

    _kernel: Variable
    bias: Variable | None
    kernel_scale: Variable
    lora_kernel_a: Variable
    lora_kernel_b: Variable
    _layout: EinsumScaleLayout
    _quantizable_here = True
    _variable_order: ClassVar[dict[str | None, tuple[str, ...]]] = {
        None: ("kernel", "bias"),
        "int8": ("kernel", "bias", "kernel_scale"),
        "int4": ("kernel", "bias", "kernel_scale", "kernel_zero", "g_idx"),
        "float8": FLOAT8_VARIABLE_ORDER,
    }

    def __init__(
        self,
        equation: str,
        output_shape: int | tuple[int | None, ...] | list[int | None],
        activation: Any = None,
        bias_axes: str | None = None,
        kernel_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        lora_rank: int | None = None,
        lora_alpha: float | None = None,
        gptq_unpacked_column_size: int | None = None,
        quantization_config: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.equation = equation
        self.partial_output_shape: tuple[int | None, ...] = (
            (output_shape,) if isinstance(output_shape, int) else tuple(output_shape)
        )
        self.bias_axes = bias_axes
        self.activation = activations.get(activation)
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self._init_adaptation(lora_rank, lora_alpha, quantization_config)
        self.gptq_unpacked_column_size = gptq_unpacked_column_size

    def _plan(self, input_shape: Shape) -> EinsumPlan:
        return plan_einsum(self.equation, self.bias_axes, input_shape, self.partial_output_shape)

    def _initializer_with_fans(self, plan: EinsumPlan) -> Any:
        """The kernel initializer, given the equation's fan axes when it scales by fans."""
        initializer = self.kernel_initializer
        if not isinstance(initializer, initializers.VarianceScaling) or (
            initializer.input_axes is not None and initializer.output_axes is not None
        ):
            return initializer
        config = initializer.get_config()
        config.update(
            seed=initializer.seed, input_axes=list(plan.input_axes), output_axes=list(plan.output_axes)
        )
        return type(initializer).from_config(config)

    def build(self, input_shape: Shape) -> None:
        plan = self._plan(input_shape)
        self.input_spec = InputSpec(ndim=len(input_shape))
        self._layout = scale_layout(self.equation, len(input_shape))
        kernel_shape: tuple[int, ...] = plan.kernel_shape  # type: ignore[assignment]
        if self.quantization_mode is not None:
            self.quantized_build(kernel_shape, self.quantization_mode, self.quantization_config)
        if self.quantization_mode in (None, "float8"):
            self._kernel = self.add_weight(
                name="kernel",
                shape=kernel_shape,
                initializer=self._initializer_with_fans(plan),
                regularizer=self.kernel_regularizer,
                constraint=self.kernel_constraint,
            )
        if plan.bias_shape is not None:
            self.bias = self.add_weight(
                name="bias",
                shape=plan.bias_shape,  # type: ignore[arg-type]
                initializer=self.bias_initializer,
                regularizer=self.bias_regularizer,
                constraint=self.bias_constraint,
            )
        else:
            self.bias = None
        self.built = True
        if self.lora_rank:
            self.enable_lora(self.lora_rank, lora_alpha=self.lora_alpha)

    @property
    def kernel(self) -> Any:
        """The kernel in use: the stored one, plus the LoRA update when LoRA is on."""
        return self._effective_weight()

    def _lora_shapes(self, rank: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        shape = self._float_weight_shape()
        return (*shape[:-1], rank), (rank, shape[-1])

    def _int4_matrix_shape(self, shape: tuple[int, ...]) -> tuple[int, int]:
        # Keras reshapes the kernel (no transpose) to (contracted sizes, the other sizes).
        contracted = self._layout.reduced_axes(self._layout.kernel_spec)
        rows = int(np.prod([shape[i] for i in contracted]))
        return rows, int(np.prod(shape)) // max(rows, 1)

    def _int8_build(self, shape: tuple[int, ...], config: Any = None) -> None:
        self.inputs_quantizer = self._inputs_quantizer_from(config)
        self._add_int8_weights(shape, self._layout.kernel_scale_shape(shape))

    def _int8_quantize(self, value: Any, quantizer: Any = None) -> tuple[Tensor, Tensor]:
        from keras.quantizers._quantizer import AbsMaxQuantizer

        axes = self._layout.reduced_axes(self._layout.kernel_spec)
        values, scale = (quantizer or AbsMaxQuantizer(axis=axes))(value, to_numpy=True)
        return values, self._layout.to_output(scale, self._layout.kernel_spec)

    def _int8_dequantize(self, values: Any, scale: Any) -> Tensor:
        return ops.divide(ops.cast(values, self.compute_dtype), self._layout.kernel_scale_to_kernel(scale))

    def _quantized_call(self, inputs: Tensor, mode: str) -> Tensor:
        layout = self._layout
        if mode == "int8":
            outputs = int8_contract(
                inputs,
                self._kernel,
                self.kernel_scale,
                compute_dtype=self.compute_dtype,
                inputs_quantizer=self.inputs_quantizer,
                inputs_axes=layout.reduced_axes(layout.input_spec),
                align_inputs_scale=lambda scale: layout.to_output(scale, layout.input_spec),
                contract=lambda x, kernel: ops.einsum(self.equation, x, kernel),
                contract_inputs_gradient=lambda upstream, kernel: ops.einsum(
                    layout.gradient_equation, upstream, kernel
                ),
                dequantize=self._int8_dequantize,
            )
        elif mode == "int4":
            outputs = float_kernel_contract(
                inputs,
                self._int4_weight(),
                inputs_quantizer=self.inputs_quantizer,
                inputs_axes=layout.reduced_axes(layout.input_spec),
                contract=lambda x, kernel: ops.einsum(self.equation, x, kernel),
            )
        else:
            raise self._quantization_mode_error(mode)
        if self.lora_enabled:
            outputs = self._add_lora_outputs(ops.einsum(self.equation, inputs, self.lora_kernel_a), outputs)
        return outputs

    def call(self, inputs: Tensor, training: Any = None) -> Tensor:
        mode = self.quantization_mode
        bias: Any = self.bias
        if mode is None:
            outputs = ops.einsum(self.equation, inputs, self.kernel)
        elif mode == "float8":
            outputs = self._float8_outputs(
                inputs, lambda x, kernel: ops.einsum(self.equation, x, kernel), training
            )
            bias = None if bias is None else float8_bias(bias, self.compute_dtype)
        else:
            outputs = self._quantized_call(inputs, mode)
        if bias is not None:
            outputs = ops.add(outputs, bias)
        if self.activation is not None:
            outputs = self.activation(outputs)
        return outputs

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return self._plan(input_shape).output_shape

    def get_config(self) -> dict[str, Any]:
        config = {
            **super().get_config(),
            "output_shape": self.partial_output_shape,
            "equation": self.equation,
            "activation": activations.serialize(self.activation),
            "bias_axes": self.bias_axes,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            **quantization_config_entries(self.lora_rank, self.lora_alpha, self.quantization_config),
        }
        if self.gptq_unpacked_column_size:
            config["gptq_unpacked_column_size"] = self.gptq_unpacked_column_size
        return config
