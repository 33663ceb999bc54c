"""`Distiller`: a model that trains a student to match a frozen teacher (knowledge distillation).

The training loss is `w * student_loss + (1 - w) * sum_i(weight_i * distillation_loss_i)`,
where `w` is `student_loss_weight`, the student loss compares the student's predictions
with the labels (as given to `compile(loss=...)`) and each distillation loss compares the
student with the teacher (final outputs, or the outputs of named layers).
"""

from __future__ import annotations

from typing import Any

from keras import metrics, ops, tree
from keras.distillation._losses import DistillationLoss, _resolve
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object
from keras.ops._typing import Tensor
from keras.trainers import Model, Sequential

_FINAL = "final_output"


def _check_pairs(teacher: Any, student: Any, context: str) -> None:
    """Check that the teacher's and the student's symbolic tensors agree in shape and dtype."""
    if teacher is None or student is None:
        return

    def check(t: Any, s: Any) -> None:
        t_shape, s_shape = tuple(t.shape), tuple(s.shape)
        if len(t_shape) != len(s_shape):
            raise ValueError(
                f"Teacher and student {context} shapes have different dimensions. "
                f"Teacher: {t_shape}, Student: {s_shape}."
            )
        if any(a is not None and b is not None and a != b for a, b in zip(t_shape, s_shape, strict=True)):
            raise ValueError(
                f"Teacher and student {context} shapes are incompatible. Teacher: {t_shape}, "
                f"Student: {s_shape}. All dimensions must match."
            )
        if t.dtype != s.dtype:
            raise ValueError(
                f"Teacher and student {context} dtypes must match. Teacher: {t.dtype}, Student: {s.dtype}."
            )

    tree.map_structure(check, teacher, student)


def _feature_extractor(model: Any, layer_names: list[str]) -> Any:
    """A functional model returning `{"final_output": ..., name: layer output, ...}`, or None."""
    if not layer_names:
        return None
    if getattr(model, "inputs", None) is None:
        raise ValueError(
            f"Cannot create feature extractor for {model.name}. The model has no symbolic inputs attribute."
        )
    final = model.layers[-1].output if isinstance(model, Sequential) else model.output
    outputs = {_FINAL: final}
    for name in layer_names:
        outputs[name] = model.get_layer(name=name).output
    return Model(inputs=model.inputs, outputs=outputs, name=f"{model.name}_multi_feature_extractor")


class Distiller(Model):
    """Train a student model to reproduce a frozen teacher model (knowledge distillation).

    Compile it with the student's own loss, then `fit` it on `(x, y)`: the teacher only
    runs forward, and only the student's weights change. The loss is
    `student_loss_weight * student_loss + (1 - student_loss_weight) * distillation_loss`,
    the distillation loss being the weighted sum of `distillation_losses`. Calling
    the distiller calls the student. Its logs add `student_loss`, `distillation_loss`
    and `total_loss`.

    Args:
        teacher: The trained `keras.Model` to learn from; it is frozen.
        student: The `keras.Model` to train.
        distillation_losses: A `DistillationLoss` (e.g. `LogitsDistillation`,
            `FeatureDistillation`) or a list of them.
        distillation_loss_weights: One weight per distillation loss (default 1.0 each).
        student_loss_weight: The weight of the student's own loss, in [0, 1].
        name: The model's name.
        **kwargs: Other `keras.Model` arguments.

    Raises:
        ValueError: When a model is not a `keras.Model`, the models' inputs/outputs
            disagree in shape or dtype, `student_loss_weight` is not in [0, 1], the
            losses are missing, or the weights do not match the losses in number.

    Example:

    >>> teacher = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
    >>> student = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
    >>> distiller = keras.distillation.Distiller(
    ...     teacher, student, keras.distillation.LogitsDistillation(temperature=2.0))
    >>> distiller.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    >>> distiller.fit(np.ones((8, 4)), np.zeros((8,)), verbose=0)  # doctest: +SKIP
    """

    def __init__(
        self,
        teacher: Any,
        student: Any,
        distillation_losses: Any,
        distillation_loss_weights: Any = None,
        student_loss_weight: float = 0.5,
        name: str = "distiller",
        **kwargs: Any,
    ) -> None:
        super().__init__(name=name, **kwargs)
        for role, model in (("Teacher", teacher), ("Student", student)):
            if not isinstance(model, Model):
                raise ValueError(f"{role} must be a keras.Model, got {type(model)}")
        _check_pairs(getattr(teacher, "inputs", None), getattr(student, "inputs", None), "input")
        _check_pairs(getattr(teacher, "outputs", None), getattr(student, "outputs", None), "output")
        if isinstance(student_loss_weight, bool) or not isinstance(student_loss_weight, int | float):
            raise ValueError(f"student_loss_weight must be a number, got {type(student_loss_weight)}")
        if not 0.0 <= student_loss_weight <= 1.0:
            raise ValueError(f"student_loss_weight must be between 0.0 and 1.0, got {student_loss_weight}")
        if distillation_losses is None:
            raise ValueError(
                "'distillation_losses' cannot be `None`. Provide a distillation loss (e.g., LogitsDistillation "
                "or FeatureDistillation) or a list of distillation losses."
            )
        losses = (
            list(distillation_losses)
            if isinstance(distillation_losses, list | tuple)
            else [distillation_losses]
        )
        if distillation_loss_weights is None:
            weights = [1.0] * len(losses)
        else:
            weights = list(distillation_loss_weights)
            if len(weights) != len(losses):
                raise ValueError(
                    f"Number of distillation_loss_weights ({len(weights)}) must match number of "
                    f"distillation_losses ({len(losses)})"
                )
        for loss in losses:
            if not isinstance(loss, DistillationLoss):
                raise ValueError(f"Each distillation loss must be a DistillationLoss, got {type(loss)}")
            loss.validate_model_compatibility(teacher, student)
        self.teacher = teacher
        self.student = student
        self.student_loss_weight = student_loss_weight
        self.distillation_losses = losses
        self.distillation_loss_weights = weights
        teacher_names = _layer_names(losses, "teacher_layer_name")
        student_names = _layer_names(losses, "student_layer_name")
        self._teacher_features = _feature_extractor(teacher, teacher_names)
        self._student_features = _feature_extractor(student, student_names)
        self.teacher.trainable = False
        self.student_loss_tracker = metrics.Mean(name="student_loss")
        self.distillation_loss_tracker = metrics.Mean(name="distillation_loss")
        self.total_loss_tracker = metrics.Mean(name="total_loss")
        self._student_loss: Any = None
        self._student_loss_config: Any = None

    def compile(self, optimizer: Any = "adam", loss: Any = None, metrics: Any = None, **kwargs: Any) -> None:
        """Configure training: `loss` is the student's own loss against the labels.

        Args:
            optimizer: The optimizer of the student's weights.
            loss: The student loss (identifier, function, instance, or one per output).
            metrics: A list of metrics of the student's predictions.
            **kwargs: Other `Model.compile` arguments.

        Raises:
            ValueError: When `loss` is None or `metrics` is not a list or tuple.
        """
        if loss is None:
            raise ValueError("'loss' cannot be `None`.")
        if metrics is not None and not isinstance(metrics, list | tuple):
            raise ValueError(f"metrics must be a list or tuple, got {type(metrics)}")
        self._student_loss = tree.map_structure(_resolve, loss)
        self._student_loss_config = loss
        super().compile(optimizer=optimizer, loss=None, metrics=metrics, **kwargs)

    def call(self, inputs: Any, training: bool | None = None, **kwargs: Any) -> Any:
        return self.student(inputs, training=training, **kwargs)

    @property
    def metrics(self) -> list[Any]:
        """The compiled metrics plus the student, distillation and total loss trackers."""
        trackers = [self.student_loss_tracker, self.distillation_loss_tracker, self.total_loss_tracker]
        return [*super().metrics, *trackers]

    def _loss_terms(self, x: Any, y: Any, y_pred: Any) -> tuple[Tensor, Tensor, Tensor]:
        """Return `(student_loss, distillation_loss, total_loss)` for one batch.

        Args:
            x: The inputs (given to the teacher, and to the student's feature extractor).
            y: The labels, or None (then the student loss is 0).
            y_pred: The student's predictions on `x`.

        Returns:
            Three scalars.
        """
        weight = float(self.student_loss_weight)
        student_loss: Tensor = ops.zeros(())
        if weight > 0.0 and y is not None and self._student_loss is not None:
            values = tree.flatten(
                tree.map_structure(lambda fn, t, p: fn(t, p), self._student_loss, y, y_pred)
            )
            total = values[0] if len(values) == 1 else ops.sum(ops.stack(values))
            student_loss = ops.mean(total) if len(ops.shape(total)) > 0 else total
        distillation: Tensor = ops.zeros(())
        if weight < 1.0:
            distillation = self._distillation_loss(x, y_pred)
        student_loss = ops.cast(student_loss, "float32")
        distillation = ops.cast(distillation, "float32")
        total_loss = ops.add(ops.multiply(weight, student_loss), ops.multiply(1.0 - weight, distillation))
        return student_loss, distillation, total_loss

    def _distillation_loss(self, x: Any, y_pred: Any) -> Tensor:
        if self._teacher_features is not None:
            teacher_features = self._teacher_features(x, training=False)
        else:
            teacher_features = {_FINAL: self.teacher(x, training=False)}
        if self._student_features is not None:
            student_features = self._student_features(x, training=True)
        else:
            student_features = {_FINAL: y_pred}
        total: Tensor = ops.zeros(())
        for loss, weight in zip(self.distillation_losses, self.distillation_loss_weights, strict=True):
            teacher_name = getattr(loss, "teacher_layer_name", None)
            if teacher_name is not None:
                student_name = getattr(loss, "student_layer_name", None) or _FINAL
                teacher_out, student_out = teacher_features[teacher_name], student_features[student_name]
            else:
                teacher_out, student_out = teacher_features[_FINAL], y_pred
            teacher_out = ops.stop_gradient(teacher_out)
            loss.validate_outputs(teacher_out, student_out)
            value = loss.compute_loss(teacher_out, student_out)
            if len(ops.shape(value)) > 0:
                raise ValueError(
                    f"Distillation loss {type(loss).__name__} returned a non-scalar loss with shape "
                    f"{ops.shape(value)}. The compute_loss method must return a scalar tensor."
                )
            total = ops.add(total, ops.multiply(float(weight), ops.cast(value, "float32")))
        return total

    def compute_loss(
        self,
        x: Any = None,
        y: Any = None,
        y_pred: Any = None,
        sample_weight: Any = None,
        training: bool = True,
    ) -> Tensor:
        """Return the total loss (see the class docstring); `sample_weight` is not used."""
        if y_pred is None:
            y_pred = self(x, training=training)
        return self._loss_terms(x, y, y_pred)[2]

    def compute_metrics(self, x: Any, y: Any, y_pred: Any, sample_weight: Any = None) -> dict[str, Any]:
        """Update the compiled metrics and the three loss trackers, and return every result."""
        student_loss, distillation, total_loss = self._loss_terms(x, y, y_pred)
        self.student_loss_tracker.update_state(student_loss)
        self.distillation_loss_tracker.update_state(distillation)
        self.total_loss_tracker.update_state(total_loss)
        logs: dict[str, Any] = super().compute_metrics(x, y, y_pred, sample_weight)
        return logs

    def get_config(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "trainable": self.trainable,
            "teacher": serialize_keras_object(self.teacher),
            "student": serialize_keras_object(self.student),
            "distillation_losses": [serialize_keras_object(loss) for loss in self.distillation_losses],
            "distillation_loss_weights": list(self.distillation_loss_weights),
            "student_loss_weight": self.student_loss_weight,
        }

    @classmethod
    def from_config(cls, config: dict[str, Any], custom_objects: Any = None) -> Distiller:
        config = dict(config)
        for key in ("teacher", "student"):
            config[key] = deserialize_keras_object(config[key], custom_objects=custom_objects)
        from keras.distillation import _losses

        own = {name: getattr(_losses, name) for name in ("FeatureDistillation", "LogitsDistillation")}
        config["distillation_losses"] = [
            deserialize_keras_object(loss, custom_objects=custom_objects, module_objects=own)
            for loss in config["distillation_losses"]
        ]
        return cls(**config)


def _layer_names(losses: list[Any], attribute: str) -> list[str]:
    names: list[str] = []
    for loss in losses:
        name = getattr(loss, attribute, None)
        if name and name not in names:
            names.append(name)
    return names
