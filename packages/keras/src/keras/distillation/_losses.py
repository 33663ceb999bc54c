"""Distillation losses: how far a student's outputs (or features) are from its teacher's.

`LogitsDistillation` compares final outputs softened by a temperature (KL divergence of
the softmaxes, scaled by the temperature squared, as in Hinton et al.);
`FeatureDistillation` compares intermediate layer outputs (mean squared error by
default). Both accept one loss or a nested structure of losses matching the outputs,
where `None` skips an output.
"""

from __future__ import annotations

from typing import Any

from keras import losses, ops, tree
from keras.ops._typing import Tensor

_KL_NAMES = ("kl_divergence", "kld", "KLD", "kullback_leibler_divergence", "KLDivergence")


def _resolve(loss: Any) -> Any:
    """Return the loss function/instance for one identifier (None stays None)."""
    if loss is None:
        return None
    if isinstance(loss, str):
        resolved = losses.get(loss)
        if resolved is None:
            raise ValueError(f"Unknown loss function: '{loss}'.")
        return resolved
    return loss


def _resolve_all(loss: Any, message: str) -> Any:
    resolved = tree.map_structure(_resolve, loss)
    if all(item is None for item in tree.flatten(resolved)):
        raise ValueError(message)
    return resolved


def _shape_of(structure: Any) -> Any:
    """The nesting of `structure` with every leaf shown as `*` (for error messages)."""
    return tree.map_structure(lambda _: "*", structure)


def _is_kl(loss: Any) -> bool:
    if isinstance(loss, losses.KLDivergence):
        return True
    return getattr(loss, "__name__", None) in _KL_NAMES


def _sum_per_output(loss: Any, teacher: Any, student: Any, per_output: Any) -> Tensor:
    values = tree.flatten(
        tree.map_structure(
            lambda fn, t, s: ops.zeros(()) if fn is None else per_output(fn, t, s),
            loss,
            teacher,
            student,
        )
    )
    return ops.sum(ops.stack([ops.cast(value, "float32") for value in values]))


class DistillationLoss:
    """The base of distillation losses: compare the teacher's outputs with the student's.

    Subclasses implement `compute_loss(teacher_outputs, student_outputs)`, returning a
    scalar, and may check the outputs (`validate_outputs`) and the models
    (`validate_model_compatibility`) before training.

    Example:

    >>> class L1Distillation(keras.distillation.DistillationLoss):
    ...     def compute_loss(self, teacher_outputs, student_outputs, **kwargs):
    ...         return keras.ops.mean(keras.ops.abs(teacher_outputs - student_outputs))
    >>> float(L1Distillation().compute_loss(np.ones((2, 2)), np.zeros((2, 2))))
    1.0
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            raise TypeError(
                f"{type(self).__name__}() takes no arguments. Received: args={args}, kwargs={kwargs}"
            )

    def compute_loss(self, teacher_outputs: Any, student_outputs: Any, **kwargs: Any) -> Tensor:
        """Return the scalar loss between the teacher's and the student's outputs."""
        raise NotImplementedError(f"{type(self).__name__} must implement compute_loss().")

    def validate_outputs(self, teacher_outputs: Any, student_outputs: Any) -> None:
        """Check that the teacher's and the student's outputs have the same structure."""
        tree.assert_same_structure(teacher_outputs, student_outputs)

    def validate_model_compatibility(self, teacher: Any, student: Any) -> None:
        """Check, before training, that this loss can be computed for these models."""


class LogitsDistillation(DistillationLoss):
    """Match the student's final outputs to the teacher's, softened by a temperature.

    Both models' logits are divided by `temperature`. With KL divergence (the
    default) the loss is `temperature**2 * mean(KL(softmax(t / T) || softmax(s / T)))`;
    any other loss receives the scaled logits directly.

    Args:
        temperature: The softening temperature, a positive number (3 to 5 is typical).
        loss: A loss identifier or instance, or a nested structure of them (one per
            output; `None` skips that output). Defaults to `"kl_divergence"`.

    Raises:
        ValueError: When every loss is None or `temperature` is not a positive number.

    Example:

    >>> distillation = keras.distillation.LogitsDistillation(temperature=2.0)
    >>> float(distillation.compute_loss(np.array([[2.0, 0.0]]), np.array([[2.0, 0.0]])))
    0.0
    """

    def __init__(self, temperature: float = 3.0, loss: Any = "kl_divergence") -> None:
        self.temperature = temperature
        self.loss = _resolve_all(loss, "At least one loss must be non-`None`.")
        if isinstance(temperature, bool) or not isinstance(temperature, int | float):
            raise ValueError(f"temperature must be a number, got {type(temperature)}")
        if temperature <= 0.0:
            raise ValueError(f"temperature must be positive. Received: temperature={temperature}")

    def compute_loss(self, teacher_outputs: Any, student_outputs: Any, **kwargs: Any) -> Tensor:
        """Return the summed distillation loss over the outputs."""
        temperature = float(self.temperature)

        def per_output(fn: Any, teacher: Any, student: Any) -> Tensor:
            teacher, student = ops.divide(teacher, temperature), ops.divide(student, temperature)
            if _is_kl(fn):
                value = ops.mean(fn(ops.softmax(teacher, axis=-1), ops.softmax(student, axis=-1)))
                return ops.multiply(value, temperature**2)
            return ops.mean(fn(teacher, student))

        return _sum_per_output(self.loss, teacher_outputs, student_outputs, per_output)

    def get_config(self) -> dict[str, Any]:
        return {"temperature": self.temperature, "loss": losses.serialize(self.loss)}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> LogitsDistillation:
        config = dict(config)
        config["loss"] = _deserialize(config["loss"])
        return cls(**config)


def _deserialize(config: Any) -> Any:
    if isinstance(config, dict) and "class_name" not in config:
        return {key: _deserialize(value) for key, value in config.items()}
    if isinstance(config, list | tuple):
        return [_deserialize(value) for value in config]
    return None if config is None else losses.deserialize(config)


class FeatureDistillation(DistillationLoss):
    """Match a student layer's output to a teacher layer's output (or the final outputs).

    Args:
        loss: A loss identifier or instance (default `"mse"`), or a nested structure of
            them matching the features (`None` skips one).
        teacher_layer_name: The teacher layer whose output is the target; None: the
            teacher's final output.
        student_layer_name: The student layer whose output is compared; None: the
            student's final output.

    Raises:
        ValueError: When every loss is None; when naming layers of a model that is not
            functional or sequential, or a layer a model does not have.

    Example:

    >>> distillation = keras.distillation.FeatureDistillation()
    >>> float(distillation.compute_loss(np.array([[1.0, 3.0]]), np.array([[0.0, 1.0]])))
    2.5
    """

    def __init__(
        self, loss: Any = "mse", teacher_layer_name: str | None = None, student_layer_name: str | None = None
    ) -> None:
        self.teacher_layer_name = teacher_layer_name
        self.student_layer_name = student_layer_name
        self.loss = _resolve_all(
            loss, "The `loss` argument in `FeatureDistillation` must contain at least one non-`None` value."
        )

    def validate_model_compatibility(self, teacher: Any, student: Any) -> None:
        """Check that named layers exist, in models with symbolic inputs."""
        if self.teacher_layer_name is not None or self.student_layer_name is not None:
            subclassed = [
                role
                for role, model in (("teacher", teacher), ("student", student))
                if getattr(model, "inputs", None) is None
            ]
            if subclassed:
                raise ValueError(
                    "FeatureDistillation with specific layer names requires Functional or Sequential models. "
                    f"The {' and '.join(subclassed)} model(s) appear to be subclassed (no symbolic inputs/outputs). "
                    "Either use Functional/Sequential models, or use FeatureDistillation without layer names "
                    "(to distill final outputs only), or use LogitsDistillation instead."
                )
        for role, model, name in (
            ("teacher", teacher, self.teacher_layer_name),
            ("student", student, self.student_layer_name),
        ):
            if name is not None:
                try:
                    model.get_layer(name=name)
                except ValueError as error:
                    raise ValueError(f"In {role} model: {error}") from error

    def validate_outputs(self, teacher_outputs: Any, student_outputs: Any) -> None:
        """Check the outputs' structures against each other and against `loss`."""
        super().validate_outputs(teacher_outputs, student_outputs)
        try:
            tree.assert_same_structure(self.loss, teacher_outputs)
        except (ValueError, TypeError) as error:
            raise ValueError(
                f"Loss structure mismatch. Loss structure: {_shape_of(self.loss)}, "
                f"Output structure: {_shape_of(teacher_outputs)}. Error: {error}"
            ) from error

    def compute_loss(self, teacher_outputs: Any, student_outputs: Any, **kwargs: Any) -> Tensor:
        """Return the summed feature-matching loss."""
        return _sum_per_output(
            self.loss, teacher_outputs, student_outputs, lambda fn, t, s: ops.mean(fn(t, s))
        )

    def get_config(self) -> dict[str, Any]:
        return {
            "loss": losses.serialize(self.loss),
            "teacher_layer_name": self.teacher_layer_name,
            "student_layer_name": self.student_layer_name,
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> FeatureDistillation:
        config = dict(config)
        config["loss"] = _deserialize(config["loss"])
        return cls(**config)
