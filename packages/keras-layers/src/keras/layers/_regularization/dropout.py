"""`Dropout`: zero random inputs in training and rescale the rest."""

from __future__ import annotations

from typing import Any

from keras import ops, random
from keras.layers._layer import Layer
from keras.layers._regularization.arguments import check_noise_shape, check_unit_interval
from keras.ops._typing import Tensor

__all__ = ["Dropout"]

Shape = tuple[int | None, ...]


class Dropout(Layer):
    """Zero each input with probability `rate` in training, scaling the rest by `1 / (1 - rate)`.

    The expected value of each output equals its input. Only with `training=True` (as in
    `fit`) does anything happen; otherwise the inputs are returned unchanged. The draws
    come from the layer's `seed_generator`, so two layers with the same `seed` drop the
    same inputs. Masks pass through.

    Args:
        rate: Float in `[0, 1]`, the fraction of inputs to drop (`1` drops all).
        noise_shape: The shape of the keep mask, broadcast against the inputs, with
            `None` for "as the input" (e.g. `(None, 1, None)` drops the same features at
            every timestep); `None` draws one decision per value.
        seed: Int seed of the layer's `SeedGenerator`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `rate` is outside `[0, 1]` or `noise_shape` is not a sequence of
            positive ints and Nones.

    Example:

    >>> layer = keras.layers.Dropout(0.5, seed=1)
    >>> x = np.ones((2, 4), dtype="float32")
    >>> layer(x)  # inference: unchanged
    array([[1., 1., 1., 1.],
           [1., 1., 1., 1.]], dtype=float32)
    >>> sorted(set(keras.ops.convert_to_numpy(layer(x, training=True)).ravel().tolist()) - {0.0})
    [2.0]
    """

    def __init__(self, rate: float, noise_shape: Any = None, seed: int | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rate = check_unit_interval("rate", rate)
        self.seed = seed
        self.noise_shape = check_noise_shape(noise_shape)
        if rate > 0:
            self.seed_generator = random.SeedGenerator(seed)
        self.supports_masking = True
        self.built = True

    def call(self, inputs: Tensor, training: Any = False) -> Tensor:
        if training and self.rate > 0:
            return self._drop(inputs, self.noise_shape)
        return inputs

    def _drop(self, inputs: Tensor, noise_shape: Any) -> Tensor:
        if self.rate >= 1:
            return ops.zeros_like(inputs)
        return random.dropout(inputs, self.rate, noise_shape=noise_shape, seed=self.seed_generator)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return input_shape

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "rate": self.rate, "seed": self.seed, "noise_shape": self.noise_shape}
