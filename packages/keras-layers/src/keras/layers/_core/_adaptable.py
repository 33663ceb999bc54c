"""`AdaptableLayer`: LoRA and int8/int4 post-training quantization of a layer's main weight.

Dense, EinsumDense and Embedding share this: their main weight (`kernel` or
`embeddings`, held in `_kernel`/`_embeddings`) can get a low-rank update
`(lora_alpha / lora_rank) * lora_a @ lora_b` (`enable_lora`, which freezes the main
weight), and can be replaced by an int8 copy plus a float scale (`quantize("int8")`) or
by packed int4 values with scales (and, in blocks, zero points and `g_idx`; see
`Int4Layout`) (`quantize("int4")`); quantizing switches the dtype policy to
`int8_from_<policy>` or `int4/<block size>_from_<policy>`. `quantize("float8")` keeps the
float weight and adds float8 delayed-scaling variables (a scale and an amax history for
the inputs, the kernel and the output gradient; see `float8_contract`) with the policy
`float8_from_<policy>`. Saving merges the LoRA update
into the main weight (re-quantizing it when quantized) and writes the variables in
Keras 3's per-mode order, so weight files move between this suite and Keras 3.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from keras import initializers, ops
from keras.backend._name_scope import name_scope
from keras.backend._variable import Variable
from keras.layers._core._int4_layout import Int4Layout
from keras.layers._core._quantization_args import deserialize_quantization_config
from keras.layers._layer import Layer
from keras.ops._typing import Tensor

Shape = tuple[int, ...]
_FLOAT8_STATISTICS = ("inputs", "kernel", "outputs_grad")
_DEFAULT_AMAX_HISTORY_LENGTH = 1024
# What Keras saves for a float8 Dense or EinsumDense, in order.
FLOAT8_VARIABLE_ORDER: tuple[str, ...] = (
    "kernel",
    "bias",
    *(f"{prefix}_{suffix}" for prefix in _FLOAT8_STATISTICS for suffix in ("scale", "amax_history")),
)


class AdaptableLayer(Layer):
    """Base class of layers whose main weight takes LoRA and int8/int4 quantization.

    Subclasses set `_weight_name` (`"kernel"` or `"embeddings"`), `_variable_order` (the
    names saved per quantization mode; its keys are the modes the layer supports),
    `_int4_group_axis` (see `Int4Layout`), set
    `_quantizable_here = True` in their own class body (subclasses of them are refused by
    `quantize(type_check=True)`, as in Keras), call `_init_adaptation` from `__init__`, and
    implement `_lora_shapes`, `_int8_quantize`, `_int8_dequantize` and `_int8_build`
    (and `_int4_matrix_shape` when the weight is not 2D).
    """

    _weight_name: str = "kernel"
    _int4_group_axis: int = 0
    _variable_order: ClassVar[dict[str | None, tuple[str, ...]]] = {}
    lora_rank: int | None
    lora_alpha: float | None
    lora_enabled: bool
    quantization_config: Any
    inputs_quantizer: Any
    g_idx: Variable
    _int4_layout: Int4Layout
    _float_main_shape: Shape

    def _init_adaptation(
        self, lora_rank: int | None, lora_alpha: float | None, quantization_config: Any
    ) -> None:
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        self.lora_enabled = False
        self.quantization_config = quantization_config

    # --- hooks ----------------------------------------------------------------------------

    def _lora_shapes(self, rank: int) -> tuple[Shape, Shape]:
        """The shapes of `lora_<weight>_a` and `lora_<weight>_b` for `rank`."""
        raise NotImplementedError

    def _int8_quantize(self, value: Any, quantizer: Any = None) -> tuple[Tensor, Tensor]:
        """Quantize a float main weight to `(int8 values, stored scale)`."""
        raise NotImplementedError

    def _int8_dequantize(self, values: Any, scale: Any) -> Tensor:
        """The float main weight from its int8 values and stored scale."""
        raise NotImplementedError

    def _int8_build(self, shape: Shape, config: Any = None) -> None:
        """Create the int8 main weight and its scale (unset values)."""
        raise NotImplementedError

    def _int4_matrix_shape(self, shape: Shape) -> tuple[int, int]:
        """The `(rows, columns)` matrix int4 stores a float main weight of `shape` as."""
        return int(shape[0]), int(np.prod(shape[1:]))

    # --- the main weight --------------------------------------------------------------------

    @property
    def _scale_name(self) -> str:
        return f"{self._weight_name}_scale"

    @property
    def _zero_name(self) -> str:
        return f"{self._weight_name}_zero"

    @property
    def _lora_names(self) -> tuple[str, str]:
        return f"lora_{self._weight_name}_a", f"lora_{self._weight_name}_b"

    def _weight_scope(self) -> name_scope:
        """A name scope that gives new weights the main weight's parent path (`outer/layer/...`)."""
        parts = self._stored_weight().path.split("/")[:-1] or [self.name]
        return name_scope(parts[-1], override_parent="/".join(parts[:-1]) or None)

    def _stored_weight(self) -> Variable:
        variable: Variable = getattr(self, f"_{self._weight_name}")
        return variable

    def _float_weight_shape(self) -> Shape:
        """The shape of the main weight as a float tensor (int4 stores it packed)."""
        if self.quantization_mode == "int4":
            return self._float_main_shape
        return tuple(int(d) for d in self._stored_weight().shape)  # type: ignore[arg-type]

    def _lora_delta(self) -> Tensor:
        """`(lora_alpha / lora_rank) * lora_a @ lora_b`."""
        lora_a, lora_b = (getattr(self, name) for name in self._lora_names)
        scale = self.lora_alpha / self.lora_rank  # type: ignore[operator]
        return ops.multiply(ops.matmul(lora_a, lora_b), scale)

    def _effective_weight(self) -> Any:
        """The stored main weight, plus the LoRA update when LoRA is on."""
        if not self.built:
            raise AttributeError(f"You must build the layer before accessing `{self._weight_name}`.")
        weight: Any = self._stored_weight()
        if self.quantization_mode == "int4":
            from keras.quantizers import unpack_int4

            # As in Keras, the int4 values themselves (unpacked), not dequantized.
            unpacked = unpack_int4(weight, self._int4_layout.columns, axis=-1)
            weight = ops.reshape(unpacked, self._float_main_shape)
        if self.lora_enabled:
            return ops.cast(ops.add(weight, self._lora_delta()), self.compute_dtype)
        return weight

    def _add_lora_outputs(self, lora_inputs: Tensor, outputs: Tensor) -> Tensor:
        """Add `(alpha / rank) * lora_inputs @ lora_b` to `outputs` (LoRA on a quantized layer)."""
        update = ops.matmul(lora_inputs, getattr(self, self._lora_names[1]))
        scale = self.lora_alpha / self.lora_rank  # type: ignore[operator]
        return ops.cast(ops.add(outputs, ops.multiply(update, scale)), self.compute_dtype)

    # --- LoRA ---------------------------------------------------------------------------------

    def enable_lora(
        self,
        rank: int,
        lora_alpha: float | None = None,
        a_initializer: Any = "he_uniform",
        b_initializer: Any = "zeros",
    ) -> None:
        """Freeze the main weight and train a low-rank update of it instead.

        Adds the trainable float32 weights `lora_<weight>_a` and `lora_<weight>_b`; the
        layer then uses `weight + (lora_alpha / rank) * lora_a @ lora_b`.

        Args:
            rank: The rank of the update.
            lora_alpha: The update's scale numerator; `rank` by default.
            a_initializer: Initializer of `lora_<weight>_a`.
            b_initializer: Initializer of `lora_<weight>_b` (zeros: the layer starts
                unchanged).

        Raises:
            ValueError: If the main weight has a constraint, the layer is not built, or
                LoRA is already on.
            NotImplementedError: If the layer is GPTQ-quantized.
        """
        plural = "embedding" if self._weight_name == "embeddings" else self._weight_name
        constraint_name = f"{self._weight_name}_constraint"
        if getattr(self, constraint_name, None):
            raise ValueError(
                f"Lora is incompatible with {plural} constraints. In order to enable lora on this layer, "
                f"remove the `{constraint_name}` argument."
            )
        if not self.built:
            raise ValueError("Cannot enable lora on a layer that isn't yet built.")
        if self.lora_enabled:
            raise ValueError("lora is already enabled. This can only be done once per layer.")
        if self.quantization_mode == "gptq":
            raise NotImplementedError("lora is not currently supported with GPTQ quantization.")
        regularizer = getattr(self, f"{self._weight_name}_regularizer", None)
        shapes = self._lora_shapes(rank)
        for name, shape, initializer in zip(
            self._lora_names, shapes, (a_initializer, b_initializer), strict=True
        ):
            with self._weight_scope():
                variable = self.add_weight(
                    name=name,
                    shape=shape,
                    initializer=initializers.get(initializer),
                    dtype="float32",
                    regularizer=regularizer,
                )
            setattr(self, name, variable)
        self._stored_weight().trainable = False
        self.lora_enabled = True
        self.lora_rank = rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else rank

    # --- quantization ----------------------------------------------------------------------------

    def quantize(self, mode: str | None = None, type_check: bool = True, config: Any = None) -> None:
        """Quantize the main weight: int8 or int4 copies and scales, or float8 fake quantization.

        `"int8"`: one symmetric int8 scale per output channel; later calls quantize their
        inputs per slice (unless the config has no activation quantizer) and contract
        integers. `"int4"`: 4-bit values packed two per byte, in blocks of
        `config.block_size` (128 by default) with a scale and zero point per block, or
        per channel when the block size is None or -1; the kernel is dequantized for the
        contraction. `"float8"` (Dense and EinsumDense): the float kernel stays trainable;
        inputs and kernel are rounded to float8 e4m3 and the output gradient to e5m2, with
        delayed scaling (six float32 variables: a scale and an amax history each for the
        inputs, the kernel and the output gradient, which training overwrites). The dtype
        policy becomes `int8_from_<policy>`, `int4/<block size or -1>_from_<policy>` or
        `float8_from_<policy>`.

        Args:
            mode: `"int8"`, `"int4"` or `"float8"`.
            type_check: Whether to refuse subclasses of the layer.
            config: A `keras.quantizers.Int8QuantizationConfig` or
                `Int4QuantizationConfig` (a per-channel weight quantizer, if any, replaces
                the default abs-max one); made from `mode` when None.

        Raises:
            ValueError: If the layer is not built or already quantized, or the mode and
                config are invalid.
            NotImplementedError: For subclasses (with `type_check`) and unsupported modes.
        """
        from keras.quantizers._config import QuantizationConfig

        if type_check and not type(self).__dict__.get("_quantizable_here", False):
            raise self._not_implemented_error(self.quantize)
        if mode is None or mode not in self._variable_order:
            raise self._quantization_mode_error(mode)
        self.quantization_config = config
        stored = self._stored_weight()
        shape = tuple(int(d) for d in stored.shape)  # type: ignore[arg-type]
        if mode == "float8":
            # The float weight stays; the float8 statistics are added after it and the bias.
            with self._weight_scope():
                self.quantized_build(shape, mode, config)
            self._set_quantized_policy(mode)
            return
        quantizer = QuantizationConfig.weight_quantizer_or_default(config, None)
        if mode == "int4":
            self._int4_layout = self._make_int4_layout(shape, config)
        values, scale, zero = self._quantize_main(stored, mode, quantizer)
        scope = self._weight_scope()
        self._untrack(stored)
        with scope:
            self.quantized_build(shape, mode, config)
        self._stored_weight().assign(values)
        getattr(self, self._scale_name).assign(scale)
        if zero is not None:
            getattr(self, self._zero_name).assign(zero)
        self._set_quantized_policy(mode)

    def _set_quantized_policy(self, mode: str) -> None:
        """Switch a float dtype policy to its `mode` counterpart (a quantized policy is kept)."""
        from keras import dtype_policies

        if self.dtype_policy.quantization_mode is None:
            name = mode
            if mode == "int4":
                name = f"int4/{self._int4_layout.block_size or -1}"
            self.dtype_policy = dtype_policies.get(f"{name}_from_{self.dtype_policy.name}")

    def quantized_build(self, input_shape: Any, mode: str, config: Any = None) -> None:
        """Create the quantized main weight of `mode` (its values are set by `quantize` or loading).

        Args:
            input_shape: The float main weight's shape.
            mode: The quantization mode: `"int8"`, `"int4"` or `"float8"` (float8 creates
                its statistics only: the float kernel is the layer's own).
            config: The quantization config, or None (int4 then takes its block size from
                the dtype policy).

        Raises:
            NotImplementedError: For other modes.
        """
        if mode not in self._variable_order:
            raise self._quantization_mode_error(mode)
        if mode == "int8":
            self._int8_build(tuple(input_shape), config)
        elif mode == "int4":
            self._int4_build(tuple(input_shape), config)
        elif mode == "float8":
            self._float8_build()
        else:
            raise self._quantization_mode_error(mode)
        self._is_quantized = True

    def _inputs_quantizer_from(self, config: Any) -> Any:
        from keras.quantizers._config import QuantizationConfig
        from keras.quantizers._quantizer import AbsMaxQuantizer

        return QuantizationConfig.activation_quantizer_or_default(config, AbsMaxQuantizer())

    def _add_int8_weights(self, shape: Shape, scale_shape: Shape) -> None:
        """Create the int8 main weight and its float scale, both frozen."""
        weight = self.add_weight(
            name=self._weight_name, shape=shape, initializer="zeros", dtype="int8", trainable=False
        )
        setattr(self, f"_{self._weight_name}", weight)
        scale = self.add_weight(name=self._scale_name, shape=scale_shape, initializer="ones", trainable=False)
        setattr(self, self._scale_name, scale)

    def _untrack(self, variable: Variable) -> None:
        for own in (self._trainable_variables, self._non_trainable_variables):
            own[:] = [v for v in own if v is not variable]

    # --- float8 ----------------------------------------------------------------------------------

    def _float8_build(self) -> None:
        """Create the float8 scales (ones) and amax histories (zeros), in Keras's order.

        They are float32 whatever the policy, not autocast, and trainable so that the
        optimizer receives their "gradients" (the next values) and writes them over them.
        """
        length = getattr(self.dtype_policy, "amax_history_length", _DEFAULT_AMAX_HISTORY_LENGTH)
        for prefix in _FLOAT8_STATISTICS:
            for suffix, shape, initializer in (("scale", (), "ones"), ("amax_history", (length,), "zeros")):
                name = f"{prefix}_{suffix}"
                variable = self.add_weight(
                    name=name,
                    shape=shape,
                    initializer=initializer,
                    dtype="float32",
                    trainable=True,
                    autocast=False,
                    overwrite_with_gradient=True,
                )
                setattr(self, name, variable)

    def _float8_outputs(self, inputs: Tensor, contract: Any, training: Any) -> Tensor:
        """`contract(inputs, kernel)` under float8 fake quantization (see `float8_contract`)."""
        from keras.layers._core._quantized_matmul import float8_contract

        if self.lora_enabled:
            raise NotImplementedError("Currently, `_float8_call` doesn't support LoRA")
        statistics = [
            (getattr(self, f"{prefix}_scale"), getattr(self, f"{prefix}_amax_history"))
            for prefix in _FLOAT8_STATISTICS
        ]
        return float8_contract(
            inputs,
            self._stored_weight(),
            statistics,
            compute_dtype=self.compute_dtype,
            training=training,
            contract=contract,
        )

    # --- int4 ------------------------------------------------------------------------------------

    def _make_int4_layout(self, shape: Shape, config: Any) -> Int4Layout:
        """The int4 layout of a float main weight of `shape`.

        The block size comes from `config` (an `Int4QuantizationConfig`), else from an
        int4 dtype policy; -1 and None mean per channel.
        """
        from keras.dtype_policies._quantized import Int4DTypePolicy
        from keras.quantizers._config import Int4QuantizationConfig

        block_size: int | None = None
        if isinstance(config, Int4QuantizationConfig):
            block_size = config.block_size
        elif isinstance(self.dtype_policy, Int4DTypePolicy):
            block_size = self.dtype_policy.block_size
        rows, columns = self._int4_matrix_shape(shape)
        return Int4Layout(
            rows, columns, self._int4_group_axis, None if block_size in (None, -1) else block_size
        )

    def _int4_build(self, shape: Shape, config: Any = None) -> None:
        """Create the packed int4 main weight, its scale and, in blocks, `<weight>_zero` and `g_idx`."""
        from keras.quantizers._config import QuantizationConfig

        layout = self._make_int4_layout(shape, config)
        self._int4_layout = layout
        self._float_main_shape = shape
        self.inputs_quantizer = QuantizationConfig.activation_quantizer_or_default(config, None)
        self._add_int8_weights(layout.packed_shape, layout.scale_shape)
        if layout.grouped:
            zero = self.add_weight(
                name=self._zero_name,
                shape=layout.scale_shape,
                initializer="zeros",
                dtype="int8",
                trainable=False,
            )
            setattr(self, self._zero_name, zero)
            self.g_idx = self.add_weight(
                name="g_idx",
                shape=(layout.group_length,),
                initializer="zeros",
                dtype="float32",
                trainable=False,
            )
            self.g_idx.assign(layout.group_index())

    def _int4_weight(self) -> Tensor:
        """The int4 main weight dequantized to the compute dtype, in its float shape."""
        layout = self._int4_layout
        zero = getattr(self, self._zero_name, None) if layout.grouped else None
        matrix = layout.dequantize(
            self._stored_weight(),
            getattr(self, self._scale_name),
            zero,
            getattr(self, "g_idx", None),
            self.compute_dtype,
        )
        return ops.reshape(matrix, self._float_main_shape)

    # --- quantizing and dequantizing the main weight -----------------------------------------------

    def _quantize_main(self, value: Any, mode: str, quantizer: Any = None) -> tuple[Any, Any, Any]:
        """Quantize a float main weight for `mode`: `(values, scale, zero point or None)`."""
        if mode == "int4":
            shape = tuple(int(d) for d in value.shape)
            return self._int4_layout.quantize(ops.reshape(value, self._int4_matrix_shape(shape)), quantizer)
        values, scale = self._int8_quantize(value, quantizer)
        return values, scale, None

    def _dequantized_main(self) -> Tensor:
        """The stored quantized main weight as a float tensor of its float shape."""
        if self.quantization_mode == "int4":
            return self._int4_weight()
        return self._int8_dequantize(self._stored_weight(), getattr(self, self._scale_name))

    # --- saving ------------------------------------------------------------------------------------

    def _saved_main_values(self) -> dict[int, Any]:
        """The values to save instead of the main weight, scale and zero point (LoRA merged in)."""
        stored = self._stored_weight()
        if self.quantization_mode in (None, "float8"):
            return {id(stored): self._effective_weight()}
        if not self.lora_enabled:
            return {}
        merged = ops.add(self._dequantized_main(), self._lora_delta())
        # Re-quantizing uses the default (abs-max) quantizer, as Keras does.
        values, scale, zero = self._quantize_main(merged, self.quantization_mode)
        saved = {id(stored): values, id(getattr(self, self._scale_name)): scale}
        if zero is not None:
            saved[id(getattr(self, self._zero_name))] = zero
        return saved

    def _saved_variables(self) -> list[Variable]:
        """The variables saved, in Keras's order for the mode, then any a subclass added.

        LoRA weights are left out: saving merges them into the main weight.
        """
        mode = self.quantization_mode
        if mode not in self._variable_order:
            raise self._quantization_mode_error(mode)
        listed: list[Variable] = []
        for name in self._variable_order[mode]:
            variable = self._stored_weight() if name == self._weight_name else getattr(self, name, None)
            if variable is not None:
                listed.append(variable)
        skipped = {id(v) for v in listed} | {id(getattr(self, n, None)) for n in self._lora_names}
        return listed + [v for v in self._own_weights() if id(v) not in skipped]

    def save_own_variables(self, store: Any) -> None:
        """Write the layer's weights in Keras's order for its mode, LoRA merged in.

        LoRA weights themselves are not saved: the merged main weight carries them.
        """
        if not self.built:
            return
        replaced = self._saved_main_values()
        for index, variable in enumerate(self._saved_variables()):
            store[str(index)] = ops.convert_to_numpy(replaced.get(id(variable), variable))

    def load_own_variables(self, store: Any) -> None:
        """Read the weights `save_own_variables` writes; LoRA weights restart at zero."""
        if not self.lora_enabled:
            self._check_load_own_variables(store)
        if not self.built:
            return
        targets = self._saved_variables()
        values = [np.asarray(store[str(i)]) for i in range(len(targets))]
        for target, value in zip(targets, values, strict=True):
            if tuple(target.shape) != tuple(value.shape):
                raise ValueError(
                    f"Layer '{self.name}': the weight '{target.name}' has shape {tuple(target.shape)}, but the "
                    f"file holds shape {tuple(value.shape)}. Nothing was loaded into this layer."
                )
        for target, value in zip(targets, values, strict=True):
            target.assign(value)
        if self.lora_enabled:
            for name in self._lora_names:
                variable = getattr(self, name)
                variable.assign(ops.zeros(variable.shape, variable.dtype))

    # --- config ------------------------------------------------------------------------------------

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Layer:
        """Create the layer from `get_config()`'s output (the quantization config deserialized)."""
        return super().from_config(deserialize_quantization_config(config))
