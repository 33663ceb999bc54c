"""nasnet builders (not implemented yet: each raises NotImplementedError)."""

from __future__ import annotations

from typing import Any

from keras.trainers import Model


def NASNetMobile(  # noqa: N802
    input_shape: Any = None,
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "nasnet_mobile",
) -> Model:
    """Build the NASNetMobile image classifier (not implemented in this suite yet).

    Raises:
        NotImplementedError: Always.
    """
    raise NotImplementedError("keras.applications.NASNetMobile is not implemented yet.")


def NASNetLarge(  # noqa: N802
    input_shape: Any = None,
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    name: str = "nasnet_large",
) -> Model:
    """Build the NASNetLarge image classifier (not implemented in this suite yet).

    Raises:
        NotImplementedError: Always.
    """
    raise NotImplementedError("keras.applications.NASNetLarge is not implemented yet.")
