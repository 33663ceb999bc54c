"""`AdaptableLayer`: LoRA and int8 post-training quantization of a layer's main weight.

Dense, EinsumDense and Embedding share this: their main weight (`kernel` or
`embeddings`, held in `_kernel`/`_embeddings`) can get a low-rank update
`(lora_alpha / lora_rank) * lora_a @ lora_b` (`enable_lora`, which freezes the main
weight), and can be replaced by an int8 copy plus a float scale (`quantize("int8")`,
which also switches the dtype policy to `int8_from_<policy>`). Saving merges the LoRA
update into the main weight (re-quantizing it when quantized) and writes the variables in
Keras 3's per-mode order, so weight files move between this suite and Keras 3.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from keras import initializers, ops
from keras.backend._name_scope import name_scope
from keras.backend._variable import Variable
from keras.layers._core._quantization_args import deserialize_quantization_config
from keras.layers._layer import Layer
from keras.ops._typing import Tensor

Shape = tuple[int, ...]


class AdaptableLayer(Layer):
    """Base class of layers whose main weight takes LoRA and int8 quantization.

    Subclasses set `_weight_name` (`"kernel"` or `"embeddings"`), `_variable_order` (the
    names saved per quantization mode), set `_quantizable_here = True` in their own class
    body (subclasses of them are refused by `quantize(type_check=True)`, as in Keras), call
    `_init_adaptation` from `__init__`, and implement `_lora_shapes`, `_int8_quantize`,
    `_int8_dequantize` and `_int8_build`.
    """

    _weight_name: str = "kernel"
    _variable_order: ClassVar[dict[str | None, tuple[str, ...]]] = {}
    lora_rank: int | None
    lora_alpha: float | None
    lora_enabled: bool
    quantization_config: Any

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

    # --- the main weight --------------------------------------------------------------------

    @property
    def _scale_name(self) -> str:
        return f"{self._weight_name}_scale"

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

    def _lora_delta(self) -> Tensor:
        """`(lora_alpha / lora_rank) * lora_a @ lora_b`."""
        lora_a, lora_b = (getattr(self, name) for name in self._lora_names)
        scale = self.lora_alpha / self.lora_rank  # type: ignore[operator]
        return ops.multiply(ops.matmul(lora_a, lora_b), scale)

    def _effective_weight(self) -> Any:
        """The stored main weight, plus the LoRA update when LoRA is on."""
        if not self.built:
            raise AttributeError(f"You must build the layer before accessing `{self._weight_name}`.")
        weight = self._stored_weight()
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
        """Replace the main weight by an int8 copy and a per-channel float scale.

        The layer's dtype policy becomes `int8_from_<policy name>`; later calls quantize
        their inputs per slice (unless the config has no activation quantizer) and
        contract integers.

        Args:
            mode: `"int8"`.
            type_check: Whether to refuse subclasses of the layer.
            config: A `keras.quantizers.Int8QuantizationConfig` (its weight quantizer,
                if any, replaces the default abs-max one); made from `mode` when None.

        Raises:
            ValueError: If the layer is not built or already quantized, or the mode and
                config are invalid.
            NotImplementedError: For subclasses (with `type_check`) and unsupported modes.
        """
        from keras import dtype_policies
        from keras.quantizers._config import QuantizationConfig

        if type_check and not type(self).__dict__.get("_quantizable_here", False):
            raise self._not_implemented_error(self.quantize)
        if mode != "int8":
            raise self._quantization_mode_error(mode)
        self.quantization_config = config
        stored = self._stored_weight()
        quantizer = QuantizationConfig.weight_quantizer_or_default(config, None)
        values, scale = self._int8_quantize(stored, quantizer)
        scope = self._weight_scope()
        self._untrack(stored)
        with scope:
            self.quantized_build(tuple(stored.shape), mode, config)
        self._stored_weight().assign(values)
        getattr(self, self._scale_name).assign(scale)
        if self.dtype_policy.quantization_mode is None:
            self.dtype_policy = dtype_policies.get(f"{mode}_from_{self.dtype_policy.name}")

    def quantized_build(self, input_shape: Any, mode: str, config: Any = None) -> None:
        """Create the quantized main weight of `mode` (its values are set by `quantize` or loading).

        Args:
            input_shape: The float main weight's shape.
            mode: The quantization mode; only `"int8"` is supported.
            config: The quantization config, or None.

        Raises:
            NotImplementedError: For other modes.
        """
        if mode != "int8":
            raise self._quantization_mode_error(mode)
        self._int8_build(tuple(input_shape), config)
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

    # --- saving ------------------------------------------------------------------------------------

    def _saved_main_values(self) -> tuple[Any, Any]:
        """The main weight and scale to save, with the LoRA update merged in."""
        if self.quantization_mode is None:
            return self._effective_weight(), None
        stored, scale = self._stored_weight(), getattr(self, self._scale_name)
        if not self.lora_enabled:
            return stored, scale
        merged = ops.add(self._int8_dequantize(stored, scale), self._lora_delta())
        return self._int8_quantize(merged)

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
        weight, scale = self._saved_main_values()
        stored = self._stored_weight()
        stored_scale = getattr(self, self._scale_name, None)
        for index, variable in enumerate(self._saved_variables()):
            value = weight if variable is stored else scale if variable is stored_scale else variable
            store[str(index)] = ops.convert_to_numpy(value)

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
