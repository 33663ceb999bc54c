"""`LearningRateSchedule`: the base class of step-to-learning-rate schedules."""

from __future__ import annotations

from typing import Any, TypeVar

from keras.ops._typing import Tensor

ScheduleT = TypeVar("ScheduleT", bound="LearningRateSchedule")


class LearningRateSchedule:
    """Map the optimizer's step counter to a learning rate.

    Subclasses implement `__call__(step)` with `keras.ops`, so that the schedule runs on
    a concrete step, a traced one (inside `jax.jit` or `tf.function`) and a symbolic one,
    and `get_config()` returning the constructor arguments. An optimizer given a
    schedule as its `learning_rate` calls it with its `iterations` before each update.

    Example:

    >>> class Halving(keras.optimizers.schedules.LearningRateSchedule):
    ...     def __init__(self, initial_learning_rate):
    ...         self.initial_learning_rate = initial_learning_rate
    ...     def __call__(self, step):
    ...         step = keras.ops.cast(step, "float32")
    ...         return self.initial_learning_rate * keras.ops.power(0.5, step)
    ...     def get_config(self):
    ...         return {"initial_learning_rate": self.initial_learning_rate}
    >>> round(float(Halving(0.8)(2)), 6)
    0.2
    """

    def __call__(self, step: Any) -> Tensor:
        raise NotImplementedError(
            f"Learning rate schedule '{self.__class__.__name__}' must override `__call__(self, step)`."
        )

    def get_config(self) -> dict[str, Any]:
        """Return the constructor arguments as a JSON-friendly dict.

        Returns:
            The config dict that `from_config` takes back.
        """
        raise NotImplementedError(
            f"Learning rate schedule '{self.__class__.__name__}' must override `get_config()` "
            "in order to be serializable."
        )

    @classmethod
    def from_config(cls: type[ScheduleT], config: dict[str, Any]) -> ScheduleT:
        """Build a schedule from the dict `get_config` returned.

        Args:
            config: The constructor arguments.

        Returns:
            A new schedule.
        """
        return cls(**config)
