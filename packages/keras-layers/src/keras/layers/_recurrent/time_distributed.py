"""`TimeDistributed`: apply a layer to every time step of a sequence, with shared weights."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.layers._core.wrapper import Wrapper
from keras.layers._layer import Layer
from keras.ops._typing import Tensor

__all__ = ["TimeDistributed"]

Shape = tuple[int | None, ...]


class TimeDistributed(Wrapper):
    """Apply `layer` to each slice `inputs[:, t]` along the time axis (axis 1).

    The batch and time axes are merged, the layer runs once on `(batch * timesteps,
    ...)`, and the result is split back to `(batch, timesteps, ...)`: the same values as
    calling the layer step by step, for any layer whose output for a sample does not
    depend on the other samples of its batch. A `(batch, timesteps)` mask is passed
    through; a mask of higher rank also gives each step's inputs their mask, for a layer
    whose `call` takes one.

    Args:
        layer: The layer to apply at every step.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `layer` is not a layer, or the inputs have fewer than 3 axes.

    Example:

    >>> dense = keras.layers.Dense(2, name="dense")
    >>> layer = keras.layers.TimeDistributed(dense, name="time_distributed")
    >>> layer(np.ones((1, 3, 4), dtype="float32")).shape
    (1, 3, 2)
    >>> [w.path for w in layer.weights]
    ['time_distributed/dense/kernel', 'time_distributed/dense/bias']
    """

    def __init__(self, layer: Layer, **kwargs: Any) -> None:
        if not isinstance(layer, Layer):
            raise ValueError(
                f"Please initialize `TimeDistributed` layer with a `keras.layers.Layer` instance. Received: {layer}"
            )
        super().__init__(layer, **kwargs)
        self.supports_masking = True

    def _step_shape(self, input_shape: Any) -> Shape:
        if not isinstance(input_shape, (list, tuple)) or len(input_shape) < 3:
            raise ValueError(
                "`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions, "
                f"received: {input_shape}"
            )
        return (input_shape[0], *input_shape[2:])

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        step_output = self.layer.compute_output_shape(self._step_shape(input_shape))
        return (step_output[0], input_shape[1], *step_output[1:])

    def build(self, input_shape: Shape) -> None:  # type: ignore[override]
        # Not `super().build(...)`: that would record the step shape as this layer's build shape.
        if not self.layer.built:
            self.layer.build_from_config({"input_shape": self._step_shape(input_shape)})

    def call(self, inputs: Tensor, training: Any = None, mask: Any = None) -> Tensor:
        self._step_shape(tuple(inputs.shape))
        shape = ops.shape(inputs)
        batch, timesteps = shape[0], shape[1]
        if mask is not None:
            mask_shape = tuple(mask.shape)
            if len(mask_shape) < 2:
                raise ValueError(
                    "The `mask` passed to the `TimeDistributed` layer must be at least 2D (e.g., "
                    f"`(batch_size, timesteps)`), but it has {len(mask_shape)} dimension(s) with shape {mask_shape}."
                )
            known = [
                (m, i) for m, i in zip(mask_shape[:2], inputs.shape[:2], strict=True) if None not in (m, i)
            ]
            if any(m != i for m, i in known):
                raise ValueError(
                    f"The `mask` passed to the `TimeDistributed` layer has a shape {mask_shape} that is incompatible "
                    f"with the input shape {tuple(inputs.shape)}. The first two dimensions of the mask (batch size "
                    "and timesteps) must match the input's first two dimensions. Expected mask shape prefix: "
                    f"({inputs.shape[0]}, {inputs.shape[1]})."
                )
        merged = ops.reshape(inputs, (-1, *shape[2:]))
        kwargs: dict[str, Any] = {"training": training}
        if mask is not None and len(mask.shape) > 2 and _call_takes_mask(self.layer):
            # A `(batch, timesteps, ...)` mask carries a mask for each step's inputs.
            kwargs["mask"] = ops.reshape(mask, (-1, *ops.shape(mask)[2:]))
        outputs = self.layer(merged, **kwargs)
        return ops.reshape(outputs, (batch, timesteps, *ops.shape(outputs)[1:]))


def _call_takes_mask(layer: Layer) -> bool:
    import inspect

    return "mask" in inspect.signature(layer.call).parameters
