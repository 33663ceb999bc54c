"""The quantized contractions of Dense and EinsumDense (int8, int4, float8), and EinsumDense's scale layouts.

A quantized layer stores `kernel` in int8 and a float `kernel_scale` (`kernel ≈ q / scale`)
laid out to broadcast against the output. The forward pass quantizes the inputs per
slice with the activation quantizer (abs-max over the contracted axes), contracts the two
integer tensors (int32 accumulation) and divides by the product of the scales; without
an activation quantizer it contracts the float inputs with the int8 kernel and divides by
the kernel scale. Gradients reach the inputs through the dequantized kernel; the int8
kernel and its scale get none. The int4 pass (`float_kernel_contract`) contracts with the
dequantized kernel, fake-quantizing the inputs first when there is an activation quantizer.

The float8 pass (`float8_contract`) keeps a float kernel and fake-quantizes with delayed
scaling: the inputs and the kernel are rounded to `float8_e4m3fn` with the scales kept in
the layer's float8 variables, and the gradient reaching the output is rounded to
`float8_e5m2` on the way back. Each scale has an amax history; the custom gradients hand
the updated scale and history back as the "gradients" of those variables, which the
optimizer writes over them (`overwrite_with_gradient`). Scales and histories advance only
in a training call; the output-gradient ones advance whenever gradients flow.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from keras import ops
from keras.ops._typing import Tensor

Contract = Callable[[Tensor, Tensor], Tensor]

FORWARD_FLOAT8 = "float8_e4m3fn"
BACKWARD_FLOAT8 = "float8_e5m2"


def int8_contract(
    inputs: Tensor,
    kernel: Any,
    kernel_scale: Any,
    *,
    compute_dtype: str,
    inputs_quantizer: Any,
    inputs_axes: int | Sequence[int],
    align_inputs_scale: Callable[[Tensor], Tensor],
    contract: Contract,
    contract_inputs_gradient: Contract,
    dequantize: Callable[[Tensor, Tensor], Tensor],
) -> Tensor:
    """Contract float `inputs` with an int8 `kernel` and undo the scales.

    Args:
        inputs: The float inputs.
        kernel: The int8 kernel (variable or tensor).
        kernel_scale: The kernel scale, laid out like the output.
        compute_dtype: The dtype of the result.
        inputs_quantizer: A quantizer returning `(q, scale)` for the inputs, or None for
            weight-only quantization.
        inputs_axes: The input axes reduced to find each input scale.
        align_inputs_scale: Maps the input scale (kept dims) to the output's layout.
        contract: `contract(inputs, kernel)`, the layer's contraction.
        contract_inputs_gradient: `contract_inputs_gradient(upstream, float_kernel)`, the
            gradient of `contract` with respect to its inputs.
        dequantize: `dequantize(kernel, kernel_scale)`, the float kernel.

    Returns:
        The dequantized result of the contraction, in `compute_dtype`.
    """

    @ops.custom_gradient
    def forward(x: Tensor, q_kernel: Tensor, scale: Tensor) -> tuple[Tensor, Callable[..., Any]]:
        def gradient(*args: Any, upstream: Any = None) -> tuple[Any, None, None]:
            if upstream is None:
                (upstream,) = args
            return contract_inputs_gradient(upstream, dequantize(q_kernel, scale)), None, None

        if inputs_quantizer is not None:
            q_inputs, inputs_scale = inputs_quantizer(x, axis=inputs_axes)
            outputs = ops.cast(contract(q_inputs, q_kernel), compute_dtype)
            return ops.divide(outputs, ops.multiply(align_inputs_scale(inputs_scale), scale)), gradient
        outputs = ops.cast(contract(x, ops.cast(q_kernel, compute_dtype)), compute_dtype)
        return ops.divide(outputs, scale), gradient

    result: Tensor = forward(inputs, ops.convert_to_tensor(kernel), ops.convert_to_tensor(kernel_scale))
    return result


def float_kernel_contract(
    inputs: Tensor,
    float_kernel: Tensor,
    *,
    inputs_quantizer: Any,
    inputs_axes: int | Sequence[int],
    contract: Contract,
) -> Tensor:
    """Contract `inputs` with a dequantized kernel, quantizing the inputs per slice first if asked.

    The input quantization is a straight-through fake quantization: the forward pass
    uses `q / scale` (each scale is constant over the contracted axes, so this equals
    dividing the integer contraction by it), and gradients reach the inputs as if
    unquantized. The kernel comes from frozen integer weights and gets no gradient.

    Args:
        inputs: The float inputs.
        float_kernel: The dequantized kernel, in the compute dtype.
        inputs_quantizer: A quantizer returning `(q, scale)` for the inputs, or None.
        inputs_axes: The input axes reduced to find each input scale.
        contract: `contract(inputs, kernel)`, the layer's contraction.

    Returns:
        The contraction.
    """
    if inputs_quantizer is not None:
        q_inputs, inputs_scale = inputs_quantizer(inputs, axis=inputs_axes)
        approximated = ops.divide(ops.cast(q_inputs, float_kernel.dtype), inputs_scale)
        inputs = ops.add(inputs, ops.stop_gradient(ops.subtract(approximated, inputs)))
    return contract(inputs, ops.stop_gradient(float_kernel))


def _float8_max(dtype: str) -> float:
    import ml_dtypes

    finfo: Any = ml_dtypes.finfo
    return float(finfo(dtype).max)


def _next_scale(scale: Tensor, amax_history: Tensor, dtype: str) -> Tensor:
    """The delayed-scaling scale for the next step: from the largest value in the history."""
    from keras.quantizers._float8 import compute_float8_scale

    return compute_float8_scale(ops.max(amax_history, axis=0), scale, _float8_max(dtype))


def _forward_fake_quantize(
    x: Tensor, scale: Any, amax_history: Any, compute_dtype: str, training: Any
) -> Tensor:
    """Round `x` to e4m3 with `scale`; in training, the backward pass returns the new scale and history."""
    from keras.quantizers._float8 import compute_float8_amax_history, quantize_and_dequantize

    @ops.custom_gradient
    def forward(values: Tensor, scale: Tensor, history: Tensor) -> tuple[Tensor, Callable[..., Any]]:
        new_scale: Tensor | None = None
        new_history: Tensor | None = None
        if training:
            new_scale = _next_scale(scale, history, FORWARD_FLOAT8)
            new_history = compute_float8_amax_history(values, history)

        def gradient(*args: Any, upstream: Any = None) -> tuple[Any, Any, Any]:
            if upstream is None:
                (upstream,) = args
            return upstream, new_scale, new_history

        return quantize_and_dequantize(values, scale, FORWARD_FLOAT8, compute_dtype), gradient

    result: Tensor = forward(x, ops.convert_to_tensor(scale), ops.convert_to_tensor(amax_history))
    return result


def _backward_fake_quantize(x: Tensor, scale: Any, amax_history: Any, compute_dtype: str) -> Tensor:
    """Pass `x` through; round the gradient coming back to e5m2 and return the new scale and history."""
    from keras.quantizers._float8 import compute_float8_amax_history, quantize_and_dequantize

    @ops.custom_gradient
    def forward(values: Tensor, scale: Tensor, history: Tensor) -> tuple[Tensor, Callable[..., Any]]:
        def gradient(*args: Any, upstream: Any = None) -> tuple[Tensor, Tensor, Tensor]:
            if upstream is None:
                (upstream,) = args
            new_scale = _next_scale(scale, history, BACKWARD_FLOAT8)
            rounded = quantize_and_dequantize(upstream, scale, BACKWARD_FLOAT8, compute_dtype)
            return rounded, new_scale, compute_float8_amax_history(upstream, history)

        return values, gradient

    result: Tensor = forward(x, ops.convert_to_tensor(scale), ops.convert_to_tensor(amax_history))
    return result


def float8_contract(
    inputs: Tensor,
    kernel: Any,
    statistics: Sequence[tuple[Any, Any]],
    *,
    compute_dtype: str,
    training: Any,
    contract: Contract,
) -> Tensor:
    """Contract `inputs` with a float `kernel` under float8 fake quantization (delayed scaling).

    Args:
        inputs: The float inputs.
        kernel: The float kernel (variable or tensor).
        statistics: The `(scale, amax_history)` variables of the inputs, the kernel and the
            output gradient, in that order.
        compute_dtype: The dtype of the arithmetic.
        training: Whether this is a training call (only then do the inputs' and kernel's
            statistics advance).
        contract: `contract(inputs, kernel)`, the layer's contraction.

    Returns:
        The contraction of the fake-quantized operands.
    """
    (inputs_scale, inputs_history), (kernel_scale, kernel_history), (grad_scale, grad_history) = statistics
    x = _forward_fake_quantize(inputs, inputs_scale, inputs_history, compute_dtype, training)
    w = _forward_fake_quantize(
        ops.convert_to_tensor(kernel), kernel_scale, kernel_history, compute_dtype, training
    )
    return _backward_fake_quantize(contract(x, w), grad_scale, grad_history, compute_dtype)


def float8_bias(bias: Any, compute_dtype: str) -> Any:
    """The bias as the float8 layers add it: rounded through bfloat16 when computing in float32."""
    if compute_dtype != "float32":
        return bias
    return ops.cast(ops.cast(bias, "bfloat16"), "float32")


@dataclass(frozen=True)
class EinsumScaleLayout:
    """Where per-slice scales of an einsum's operands sit once laid out like its output.

    The specs are the equation's letters with any `...` spelled out. An operand's scale
    keeps the operand's rank with its contracted axes (letters missing from the output)
    of size 1; laid out like the output, it has one axis per output letter: the operand's
    size for letters it shares with the output, 1 elsewhere.

    Attributes:
        input_spec: The input's letters.
        kernel_spec: The kernel's letters.
        output_spec: The output's letters.
    """

    input_spec: str
    kernel_spec: str
    output_spec: str

    def reduced_axes(self, spec: str) -> tuple[int, ...]:
        """The axes of an operand with letters `spec` that the output does not keep."""
        return tuple(i for i, letter in enumerate(spec) if letter not in self.output_spec)

    @property
    def gradient_equation(self) -> str:
        """The einsum giving the inputs' gradient from the output gradient and the kernel."""
        return f"{self.output_spec},{self.kernel_spec}->{self.input_spec}"

    def _kept_order(self, spec: str) -> list[int]:
        """The positions, among the kept letters of `spec`, in the output's order."""
        kept = [letter for letter in spec if letter in self.output_spec]
        return sorted(range(len(kept)), key=lambda j: self.output_spec.index(kept[j]))

    def to_output(self, scale: Tensor, spec: str) -> Tensor:
        """Lay out an operand's scale (contracted axes of size 1) like the output."""
        reduced = self.reduced_axes(spec)
        if reduced:
            scale = ops.squeeze(scale, axis=reduced)
        order = self._kept_order(spec)
        if order != sorted(order):
            scale = ops.transpose(scale, order)
        for position, letter in enumerate(self.output_spec):
            if letter not in spec:
                scale = ops.expand_dims(scale, position)
        return scale

    def kernel_scale_shape(self, kernel_shape: Sequence[int]) -> tuple[int, ...]:
        """The shape of the kernel scale laid out like the output."""
        sizes = dict(zip(self.kernel_spec, kernel_shape, strict=True))
        return tuple(int(sizes[letter]) if letter in sizes else 1 for letter in self.output_spec)

    def kernel_scale_to_kernel(self, scale: Tensor) -> Tensor:
        """Lay out the stored kernel scale like the kernel (contracted axes of size 1)."""
        missing = tuple(i for i, letter in enumerate(self.output_spec) if letter not in self.kernel_spec)
        if missing:
            scale = ops.squeeze(scale, axis=missing)
        order = self._kept_order(self.kernel_spec)
        if order != sorted(order):
            inverse = sorted(range(len(order)), key=order.__getitem__)
            scale = ops.transpose(scale, inverse)
        for axis in self.reduced_axes(self.kernel_spec):
            scale = ops.expand_dims(scale, axis)
        return scale
