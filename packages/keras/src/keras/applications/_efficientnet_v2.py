"""efficientnet_v2 builders (not implemented yet: each raises NotImplementedError)."""

from __future__ import annotations

from typing import Any

from keras.trainers import Model


def EfficientNetV2B0(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "efficientnetv2-b0",
) -> Model:
    """Build the EfficientNetV2B0 image classifier (not implemented in this suite yet).

    Raises:
        NotImplementedError: Always.
    """
    raise NotImplementedError("keras.applications.EfficientNetV2B0 is not implemented yet.")


def EfficientNetV2B1(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "efficientnetv2-b1",
) -> Model:
    """Build the EfficientNetV2B1 image classifier (not implemented in this suite yet).

    Raises:
        NotImplementedError: Always.
    """
    raise NotImplementedError("keras.applications.EfficientNetV2B1 is not implemented yet.")


def EfficientNetV2B2(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "efficientnetv2-b2",
) -> Model:
    """Build the EfficientNetV2B2 image classifier (not implemented in this suite yet).

    Raises:
        NotImplementedError: Always.
    """
    raise NotImplementedError("keras.applications.EfficientNetV2B2 is not implemented yet.")


def EfficientNetV2B3(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "efficientnetv2-b3",
) -> Model:
    """Build the EfficientNetV2B3 image classifier (not implemented in this suite yet).

    Raises:
        NotImplementedError: Always.
    """
    raise NotImplementedError("keras.applications.EfficientNetV2B3 is not implemented yet.")


def EfficientNetV2S(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "efficientnetv2-s",
) -> Model:
    """Build the EfficientNetV2S image classifier (not implemented in this suite yet).

    Raises:
        NotImplementedError: Always.
    """
    raise NotImplementedError("keras.applications.EfficientNetV2S is not implemented yet.")


def EfficientNetV2M(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "efficientnetv2-m",
) -> Model:
    """Build the EfficientNetV2M image classifier (not implemented in this suite yet).

    Raises:
        NotImplementedError: Always.
    """
    raise NotImplementedError("keras.applications.EfficientNetV2M is not implemented yet.")


def EfficientNetV2L(  # noqa: N802
    include_top: bool = True,
    weights: Any = "imagenet",
    input_tensor: Any = None,
    input_shape: Any = None,
    pooling: str | None = None,
    classes: int = 1000,
    classifier_activation: Any = "softmax",
    include_preprocessing: bool = True,
    name: str = "efficientnetv2-l",
) -> Model:
    """Build the EfficientNetV2L image classifier (not implemented in this suite yet).

    Raises:
        NotImplementedError: Always.
    """
    raise NotImplementedError("keras.applications.EfficientNetV2L is not implemented yet.")
