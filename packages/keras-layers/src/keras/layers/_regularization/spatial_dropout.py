"""`SpatialDropout1D/2D/3D`: drop whole channels (feature maps) in training."""

from __future__ import annotations

from typing import Any

from keras.layers._convolutional.arguments import standardize_data_format
from keras.layers._input_spec import InputSpec
from keras.layers._regularization.dropout import Dropout
from keras.ops._typing import Tensor

__all__ = ["SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D"]


class _SpatialDropout(Dropout):
    """Dropout with one keep decision per (example, channel), shared by every position."""

    data_format: str = "channels_last"
    rank: int = 1

    def __init__(
        self, rate: float, seed: int | None = None, name: str | None = None, dtype: Any = None
    ) -> None:
        super().__init__(rate, seed=seed, name=name, dtype=dtype)
        self.input_spec = InputSpec(ndim=self.rank + 2)

    def call(self, inputs: Tensor, training: Any = False) -> Tensor:
        if training and self.rate > 0:
            ones = (1,) * self.rank
            noise_shape = (None, *ones, None) if self.data_format == "channels_last" else (None, None, *ones)
            return self._drop(inputs, noise_shape)
        return inputs

    def get_config(self) -> dict[str, Any]:
        # As Keras writes it: no `trainable`, and `dtype` is the variable dtype's name.
        return {"rate": self.rate, "seed": self.seed, "name": self.name, "dtype": self.dtype}


class _ImageSpatialDropout(_SpatialDropout):
    """Spatial dropout of 4D/5D inputs, whose channel axis depends on `data_format`."""

    def __init__(
        self,
        rate: float,
        data_format: str | None = None,
        seed: int | None = None,
        name: str | None = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(rate, seed=seed, name=name, dtype=dtype)
        self.data_format = standardize_data_format(data_format)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "data_format": self.data_format}


class SpatialDropout1D(_SpatialDropout):
    """Drop whole channels of `(batch, steps, channels)` inputs in training.

    Each channel of each example is kept (scaled by `1 / (1 - rate)`) or zeroed at every
    step together, which suits inputs whose neighbouring steps are strongly correlated.
    Inference returns the inputs unchanged.

    Args:
        rate: Float in `[0, 1]`, the fraction of channels to drop.
        seed: Int seed of the layer's `SeedGenerator`.
        name: The layer's name.
        dtype: The layer's dtype policy.

    Raises:
        ValueError: If `rate` is outside `[0, 1]`, or the input is not 3D.

    Example:

    >>> layer = keras.layers.SpatialDropout1D(0.5, seed=3)
    >>> y = keras.ops.convert_to_numpy(layer(np.ones((4, 5, 6), dtype="float32"), training=True))
    >>> bool(np.all(y == y[:, :1, :]))  # the same channels are dropped at every step
    True
    """

    rank = 1


class SpatialDropout2D(_ImageSpatialDropout):
    """Drop whole feature maps of 4D inputs in training.

    Each channel of each example is kept (scaled by `1 / (1 - rate)`) or zeroed over all
    its rows and columns together. Inference returns the inputs unchanged.

    Args:
        rate: Float in `[0, 1]`, the fraction of channels to drop.
        data_format: `"channels_last"` (`(batch, rows, cols, channels)`) or
            `"channels_first"` (`(batch, channels, rows, cols)`); `None` means
            `keras.backend.image_data_format()`.
        seed: Int seed of the layer's `SeedGenerator`.
        name: The layer's name.
        dtype: The layer's dtype policy.

    Raises:
        ValueError: If `rate` is outside `[0, 1]`, `data_format` is unknown, or the
            input is not 4D.

    Example:

    >>> layer = keras.layers.SpatialDropout2D(0.5, data_format="channels_first", seed=3)
    >>> y = keras.ops.convert_to_numpy(layer(np.ones((4, 3, 2, 2), dtype="float32"), training=True))
    >>> bool(np.all(y == y[:, :, :1, :1]))
    True
    """

    rank = 2


class SpatialDropout3D(_ImageSpatialDropout):
    """Drop whole feature volumes of 5D inputs in training.

    Each channel of each example is kept (scaled by `1 / (1 - rate)`) or zeroed over all
    three spatial axes together. Inference returns the inputs unchanged.

    Args:
        rate: Float in `[0, 1]`, the fraction of channels to drop.
        data_format: `"channels_last"` (`(batch, dim1, dim2, dim3, channels)`) or
            `"channels_first"` (`(batch, channels, dim1, dim2, dim3)`); `None` means
            `keras.backend.image_data_format()`.
        seed: Int seed of the layer's `SeedGenerator`.
        name: The layer's name.
        dtype: The layer's dtype policy.

    Raises:
        ValueError: If `rate` is outside `[0, 1]`, `data_format` is unknown, or the
            input is not 5D.

    Example:

    >>> layer = keras.layers.SpatialDropout3D(0.5, seed=3)
    >>> y = keras.ops.convert_to_numpy(layer(np.ones((4, 2, 2, 2, 3), dtype="float32"), training=True))
    >>> bool(np.all(y == y[:, :1, :1, :1, :]))
    True
    """

    rank = 3
