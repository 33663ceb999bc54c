"""`Model`: a `Layer` with the training API of the active backend's trainer.

`Model(inputs, outputs)` gives a functional model; subclassing `Model` and writing
`call` gives a subclassed one; `Sequential` stacks layers. All three share this class.
"""

from __future__ import annotations

from typing import Any

from keras.backend._config import backend
from keras.layers import Layer
from keras.ops._keras_tensor import KerasTensor
from keras.trainers._trainer import Trainer


def _trainer_class() -> type[Trainer]:
    name = backend()
    if name == "jax":
        from keras.trainers._jax_trainer import JaxTrainer

        return JaxTrainer
    if name == "tensorflow":
        from keras.trainers._tensorflow_trainer import TensorFlowTrainer

        return TensorFlowTrainer
    if name == "torch":
        from keras.trainers._torch_trainer import TorchTrainer

        return TorchTrainer
    from keras.trainers._numpy_trainer import NumpyTrainer

    return NumpyTrainer


BackendTrainer: Any = _trainer_class()


class Model(BackendTrainer, Layer):  # type: ignore[misc]
    """A model: layers plus `compile`, `fit`, `evaluate`, `predict` and saving.

    Build one in any of three ways:

    - functional: `keras.Model(inputs, outputs)` over `keras.Input` tensors;
    - subclassed: define layers in `__init__` and the computation in `call`;
    - `keras.Sequential([...])`.

    Args:
        *args: `inputs, outputs` for a functional model.
        **kwargs: `inputs`, `outputs`, `name`, `trainable`, `dtype`.

    Example:

    >>> inputs = keras.Input(shape=(3,))
    >>> outputs = keras.layers.Dense(2)(inputs)
    >>> model = keras.Model(inputs, outputs)
    >>> model.output_shape
    (None, 2)
    """

    def __new__(cls, *args: Any, **kwargs: Any) -> Model:
        if cls is Model and (args or "inputs" in kwargs or "outputs" in kwargs):
            from keras.trainers._functional import Functional

            return Functional.__new__(Functional, *args, **kwargs)
        model: Model = super().__new__(cls, *args, **kwargs)  # type: ignore[assignment]
        return model

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args or "inputs" in kwargs or "outputs" in kwargs:
            raise ValueError(
                "`inputs` and `outputs` make a functional model: call `keras.Model(inputs, outputs)` directly "
                f"rather than from the subclass {type(self).__name__}."
            )
        BackendTrainer.__init__(self)
        Layer.__init__(self, **kwargs)

    @property
    def layers(self) -> list[Layer]:
        """The model's direct sublayers."""
        return list(self._layers)

    def get_layer(self, name: str | None = None, index: int | None = None) -> Layer:
        """Return a layer by `name` or by `index` in `layers`."""
        if index is not None and name is not None:
            raise ValueError(
                f"Provide only a layer name or a layer index. Received: index={index}, name={name}."
            )
        layers = self.layers
        if index is not None:
            if len(layers) <= index:
                raise ValueError(
                    f"Was asked to retrieve layer at index {index} but model only has {len(layers)} layers."
                )
            return layers[index]
        if name is not None:
            for layer in layers:
                if layer.name == name:
                    return layer
            raise ValueError(
                f"No such layer: {name}. Existing layers are: {[layer.name for layer in layers]}."
            )
        raise ValueError("Provide either a layer name or layer index at `get_layer`.")

    def build(self, input_shape: Any = None) -> None:
        """Build a subclassed model by tracing `call` on inputs of `input_shape`."""
        if input_shape is not None and type(self).call is not Layer.call and not self.built:
            from keras import tree

            def to_tensor(shape: Any) -> KerasTensor:
                return KerasTensor(tuple(shape), self.compute_dtype)

            specs = tree.map_shape_structure(to_tensor, input_shape)
            self.built = True  # so the trace below does not come back here
            self.compute_output_spec(specs)
            self._build_shapes = {"input_shape": input_shape}
        self.built = True

    def summary(
        self,
        line_length: int | None = None,
        positions: Any = None,
        print_fn: Any = None,
        expand_nested: bool = False,
        show_trainable: bool = False,
        layer_range: Any = None,
    ) -> None:
        """Print a table of the model's layers, output shapes and parameter counts."""
        from keras.trainers._summary import print_summary

        print_summary(self, line_length, positions, print_fn, expand_nested, show_trainable, layer_range)

    def quantize(  # type: ignore[override]
        self, mode: str | None = None, config: Any = None, filters: Any = None, **kwargs: Any
    ) -> None:
        """Quantize the weights of every quantizable layer (the model must be built).

        Each layer without sublayers that `filters` selects gets `layer.quantize(mode,
        config=config)`; layers that cannot be quantized are skipped with a warning.

        Args:
            mode: `"int8"` (or another mode a layer supports); optional with `config`.
            config: A `keras.quantizers.QuantizationConfig` shared by the layers.
            filters: A regex searched in layer names, a list of them, or a callable
                taking a layer; None selects every layer.
            **kwargs: `type_check` (whether subclasses of quantizable layers are refused).

        Raises:
            ValueError: On unknown keyword arguments, invalid `filters`, or (before any
                change) an unbuilt or already quantized model or invalid mode/config.

        Example:

        >>> model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
        >>> model.quantize("int8")  # doctest: +SKIP
        >>> model.layers[-1].dtype_policy.name  # doctest: +SKIP
        'int8_from_float32'
        """
        import warnings

        from keras.quantizers._resolve import should_quantize_layer

        type_check = kwargs.pop("type_check", True)
        if kwargs:
            raise ValueError(f"Unrecognized keyword arguments passed to {type(self).__name__}: {kwargs}")
        if filters is not None and not (isinstance(filters, (str, list, tuple)) or callable(filters)):
            raise ValueError(
                "The `filters` argument must be a regex string, a list of regex strings, or a callable. "
                f"Received: {type(filters)}"
            )
        modified = False
        for layer in self._flatten_layers():
            if not should_quantize_layer(layer, filters) or len(layer._flatten_layers()) != 1:
                continue
            try:
                layer.quantize(mode, type_check=type_check, config=config)
                modified = True
            except NotImplementedError as error:
                warnings.warn(str(error), stacklevel=3)
            except AttributeError:
                pass
        if modified:
            self.train_function = None
            self.test_function = None
            self.predict_function = None

    # --- saving (keras-saving, imported only when used) -----------------------------------

    def save(self, filepath: Any, overwrite: bool = True, zipped: bool | None = None, **kwargs: Any) -> None:
        """Save the model (architecture, weights, optimizer state) to a `.keras` file."""
        from keras.trainers._saving_hooks import saving_module

        saving_module().save_model(self, filepath, overwrite=overwrite, zipped=zipped, **kwargs)

    def save_weights(self, filepath: Any, overwrite: bool = True, max_shard_size: Any = None) -> None:
        """Save the weights to a `.weights.h5` (or `.safetensors`) file."""
        from keras.trainers._saving_hooks import saving_module

        saving_module().save_weights(self, filepath, overwrite=overwrite, max_shard_size=max_shard_size)

    def load_weights(self, filepath: Any, skip_mismatch: bool = False, **kwargs: Any) -> None:
        """Load weights saved by `save_weights` or `save`."""
        from keras.trainers._saving_hooks import saving_module

        saving_module().load_weights(self, filepath, skip_mismatch=skip_mismatch, **kwargs)

    def to_json(self, **kwargs: Any) -> str:
        """Return the model's config (architecture, no weights) as a JSON string."""
        import json

        from keras.layers._serialization import serialize_keras_object

        return json.dumps(serialize_keras_object(self), **kwargs)

    def get_config(self) -> dict[str, Any]:
        if type(self).get_config is Model.get_config and type(self).__init__ is Model.__init__:
            return {"name": self.name, "trainable": self.trainable}
        return super().get_config()

    @classmethod
    def from_config(cls, config: dict[str, Any], custom_objects: Any = None) -> Any:
        if "layers" in config and "input_layers" in config and "output_layers" in config:
            from keras.trainers._functional import Functional, functional_from_config

            return functional_from_config(Functional, config, custom_objects)
        return super().from_config(config)
