"""`Bidirectional`: run a recurrent layer forwards and a copy backwards, and merge the two."""

from __future__ import annotations

from typing import Any

from keras import ops, tree
from keras.layers._core.wrapper import Wrapper
from keras.layers._layer import Layer
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object
from keras.ops._typing import Tensor

__all__ = ["Bidirectional"]

Shape = tuple[int | None, ...]
_MERGE_MODES = ("sum", "mul", "ave", "concat", None)


def _renamed_copy(layer: Layer, prefix: str, **overrides: Any) -> Any:
    """A fresh layer from `layer`'s config, named `prefix + name` (the prefix not doubled)."""
    config = layer.get_config()
    config["name"] = prefix + layer.name.removeprefix(prefix)
    config.update(overrides)
    return type(layer).from_config(config)


class Bidirectional(Wrapper):
    """Run a recurrent layer over the sequence forwards and a second one backwards, then merge.

    The forward layer is a fresh copy of `layer` named `forward_<name>`; the backward
    layer is `backward_layer`, or a copy named `backward_<name>` reading backwards. The
    backward outputs are flipped back to input order before merging, so step `t` of the
    result sees both directions at step `t`. With `concat`, forward features come first.

    Args:
        layer: A recurrent layer (`RNN`, `LSTM`, `GRU`, ...), or any layer with
            `go_backwards`, `return_sequences`, `return_state` and `stateful`.
        merge_mode: How to combine the two outputs: `"concat"`, `"sum"`, `"mul"`, `"ave"`
            or `None` (return both, forward first).
        weights: Optional initial weights (forward half, then backward half).
        backward_layer: Optional layer for the backward direction; it must read backwards
            (`go_backwards` the opposite of `layer`'s) and agree on the other flags.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        sequences: A tensor `(batch, timesteps, ...)`.
        initial_state: Optional list of initial states: the forward layer's, then the backward layer's.
        mask: Optional boolean `(batch, timesteps)`.
        training: Whether dropout is active.

    Raises:
        ValueError: If `layer` or `backward_layer` is not a layer, `merge_mode` is not one
            of the five, or the two layers disagree.

    Example:

    >>> lstm = keras.layers.LSTM(3, return_sequences=True, name="lstm")
    >>> layer = keras.layers.Bidirectional(lstm, name="bidirectional")
    >>> layer(np.zeros((2, 5, 4), dtype="float32")).shape
    (2, 5, 6)
    >>> [w.path for w in layer.weights][:1]
    ['bidirectional/forward_lstm/lstm_cell/kernel']
    """

    forward_layer: Any
    backward_layer: Any

    def __init__(
        self,
        layer: Any,
        merge_mode: str | None = "concat",
        weights: Any = None,
        backward_layer: Any = None,
        **kwargs: Any,
    ) -> None:
        if not isinstance(layer, Layer):
            raise ValueError(
                f"Please initialize `Bidirectional` layer with a `keras.layers.Layer` instance. Received: {layer}"
            )
        if backward_layer is not None and not isinstance(backward_layer, Layer):
            raise ValueError(
                f"`backward_layer` need to be a `keras.layers.Layer` instance. Received: {backward_layer}"
            )
        if merge_mode not in _MERGE_MODES:
            raise ValueError(
                f"Invalid merge mode. Received: {merge_mode}. Merge mode should be one of "
                '{"sum", "mul", "ave", "concat", None}'
            )
        # The wrapped `layer` is the fresh forward copy: the argument itself is only a template.
        template: Any = layer  # a recurrent layer: `go_backwards`, `return_sequences`, ...
        forward = _renamed_copy(template, "forward_")
        super().__init__(forward, **kwargs)
        self.forward_layer = forward
        if backward_layer is None:
            backward_layer = _renamed_copy(template, "backward_", go_backwards=not template.go_backwards)
        self.backward_layer = backward_layer
        if hasattr(layer, "use_cudnn"):
            forward.use_cudnn = backward_layer.use_cudnn = layer.use_cudnn
        self._check_layers()
        for direction in (forward, backward_layer):
            if getattr(direction, "zero_output_for_mask", None) is not None:
                # Padded steps must read as zeros in both directions once merged.
                direction.zero_output_for_mask = direction.return_sequences
        self.merge_mode = merge_mode
        self._initial_weights = list(weights) if weights else None
        self.stateful = template.stateful
        self.return_sequences = template.return_sequences
        self.return_state = template.return_state
        self.supports_masking = True
        self.input_spec = layer.input_spec

    def _check_layers(self) -> None:
        forward, backward = self.forward_layer, self.backward_layer
        if forward.go_backwards == backward.go_backwards:
            raise ValueError(
                "Forward layer and backward layer should have different `go_backwards` value. Received: "
                f"forward_layer.go_backwards {forward.go_backwards}, "
                f"backward_layer.go_backwards={backward.go_backwards}"
            )
        for name in ("stateful", "return_sequences", "return_state"):
            if getattr(forward, name) != getattr(backward, name):
                raise ValueError(
                    "Forward layer and backward layer are expected to have the same value for attribute "
                    f'"{name}", got "{getattr(forward, name)}" for forward layer and '
                    f'"{getattr(backward, name)}" for backward layer'
                )

    # --- states ------------------------------------------------------------------------

    @property
    def states(self) -> tuple[Any, ...] | None:
        forward, backward = self.forward_layer.states, self.backward_layer.states
        if forward and backward:
            return tuple(forward) + tuple(backward)
        return None

    def reset_states(self) -> None:
        """Zero the states of both directions (alias of `reset_state`)."""
        self.reset_state()

    def reset_state(self) -> None:
        """Zero the states of both directions; the layer must be stateful."""
        if not self.stateful:
            raise AttributeError("Layer must be stateful.")
        self.forward_layer.reset_state()
        self.backward_layer.reset_state()

    # --- shapes ------------------------------------------------------------------------

    def build(self, sequences_shape: Shape, initial_state_shape: Any = None) -> None:  # type: ignore[override]
        for direction in (self.forward_layer, self.backward_layer):
            if not direction.built:
                direction.build(sequences_shape)
        if self._initial_weights is not None:
            self.set_weights(self._initial_weights)
            self._initial_weights = None

    def compute_output_shape(self, sequences_shape: Shape, initial_state_shape: Any = None) -> Any:
        output_shape = self.forward_layer.compute_output_shape(sequences_shape)
        state_shapes: tuple[Any, ...] = ()
        if self.return_state:
            output_shape, state_shapes = output_shape[0], tuple(output_shape[1:])
        if self.merge_mode == "concat":
            backward_shape = self.backward_layer.compute_output_shape(sequences_shape)
            last = (backward_shape[0] if self.return_state else backward_shape)[-1]
            output_shape = (*output_shape[:-1], output_shape[-1] + last)
        if self.merge_mode is None:
            outputs: tuple[Any, ...] = (tuple(output_shape), tuple(output_shape))
        else:
            outputs = (tuple(output_shape),)
        if self.return_state:
            return outputs + state_shapes + state_shapes
        return outputs[0] if self.merge_mode is not None else outputs

    def compute_mask(self, inputs: Any, previous_mask: Any) -> Any:
        mask = tree.flatten(previous_mask)[0] if previous_mask is not None else None
        if self.return_sequences:
            output_mask: Any = mask if self.merge_mode else (mask, mask)
        else:
            output_mask = None if self.merge_mode else (None, None)
        if self.return_state:
            count = len(self.forward_layer.state_size) + len(self.backward_layer.state_size)
            heads = output_mask if isinstance(output_mask, tuple) else (output_mask,)
            return heads + (None,) * count
        return output_mask

    # --- calling -----------------------------------------------------------------------

    def _merge(self, forward: Tensor, backward: Tensor) -> Any:
        if self.merge_mode == "concat":
            return ops.concatenate([forward, backward], axis=-1)
        if self.merge_mode == "sum":
            return ops.add(forward, backward)
        if self.merge_mode == "ave":
            return ops.divide(ops.add(forward, backward), 2)
        if self.merge_mode == "mul":
            return ops.multiply(forward, backward)
        return (forward, backward)

    def call(
        self, sequences: Tensor, initial_state: Any = None, mask: Any = None, training: Any = None
    ) -> Any:
        forward_state = backward_state = None
        if initial_state is not None:
            half = len(initial_state) // 2
            forward_state, backward_state = list(initial_state[:half]), list(initial_state[half:])
        y = self.forward_layer(sequences, initial_state=forward_state, mask=mask, training=training)
        y_reverse = self.backward_layer(sequences, initial_state=backward_state, mask=mask, training=training)
        states: tuple[Any, ...] = ()
        if self.return_state:
            states = tuple(y[1:]) + tuple(y_reverse[1:])
            y, y_reverse = y[0], y_reverse[0]
        y, y_reverse = ops.cast(y, self.compute_dtype), ops.cast(y_reverse, self.compute_dtype)
        if self.return_sequences:
            y_reverse = ops.flip(y_reverse, axis=1)
        output = self._merge(y, y_reverse)
        if self.return_state:
            return (output if isinstance(output, tuple) else (output,)) + states
        return output

    # --- config ------------------------------------------------------------------------

    def get_config(self) -> dict[str, Any]:
        return {
            **Layer.get_config(self),
            "merge_mode": self.merge_mode,
            "layer": serialize_keras_object(self.forward_layer),
            "backward_layer": serialize_keras_object(self.backward_layer),
        }

    @classmethod
    def from_config(cls, config: dict[str, Any], custom_objects: Any = None) -> Layer:
        config = dict(config)
        config["layer"] = deserialize_keras_object(config["layer"], custom_objects=custom_objects)
        backward = config.pop("backward_layer", None)
        if backward is not None:
            config["backward_layer"] = deserialize_keras_object(backward, custom_objects=custom_objects)
        return cls(**config)
