"""Reading and logging the learning rate of an optimizer, or of each part of a MultiOptimizer."""

from __future__ import annotations

from typing import Any

from keras.trainers._progbar import to_float

__all__ = ["add_learning_rates", "leaf_optimizers"]


def leaf_optimizers(optimizer: Any) -> list[tuple[str, Any]]:
    """Return `(name, optimizer)` pairs: the parts of a MultiOptimizer, else `("", optimizer)`."""
    if hasattr(optimizer, "optimizers"):
        return [(str(part.name), part) for part in optimizer.optimizers]
    return [("", optimizer)]


def add_learning_rates(optimizer: Any, logs: dict[str, Any]) -> dict[str, Any]:
    """Add `learning_rate` (or `learning_rate_<name>` per part) to `logs`, as Python floats."""
    for name, part in leaf_optimizers(optimizer):
        logs[f"learning_rate_{name}" if name else "learning_rate"] = to_float(part.learning_rate)
    return logs
