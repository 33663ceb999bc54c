"""`FeatureSpace`: named in the API, not provided by this suite."""

from __future__ import annotations

from typing import Any


class FeatureSpace:
    """Not provided: Keras's structured-data preprocessing layer is not part of this suite.

    Raises:
        NotImplementedError: On construction.
    """

    def __init__(
        self,
        features: Any,
        output_mode: str = "concat",
        crosses: Any = None,
        crossing_dim: int = 32,
        hashing_dim: int = 32,
        num_discretization_bins: int = 32,
        name: str | None = None,
    ) -> None:
        raise NotImplementedError(
            "`keras.utils.FeatureSpace` is not implemented in this Keras suite: build the preprocessing with "
            "`keras.layers` (Normalization, StringLookup, ...) or in a `tf.data` pipeline."
        )
