"""What `compile` turns `loss=`, `loss_weights=`, `metrics=` and `weighted_metrics=` into.

`CompileLoss` maps the loss arguments (one loss, a list per output, a dict by output
name) onto the model's outputs and sums the weighted results. `CompileMetrics` does the
same for metrics, choosing the right accuracy/cross-entropy variant from the data's
shapes as Keras 3 does, and is built on the first batch, when those shapes are known.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from keras import ops, tree


def _flatten_outputs(value: Any, output_names: Sequence[str]) -> list[Any]:
    """Flatten `y` or `y_pred` in output order (a dict is read by output name)."""
    if isinstance(value, Mapping) and output_names and all(name in value for name in output_names):
        return [value[name] for name in output_names]
    return tree.flatten(value) if isinstance(value, (list, tuple, Mapping)) else [value]


def _per_output(argument: Any, output_names: Sequence[str], what: str) -> list[Any]:
    """Spread a compile argument over the outputs: one for all, a list, or a dict by name."""
    count = max(len(output_names), 1)
    if isinstance(argument, Mapping):
        unknown = [key for key in argument if key not in output_names]
        if unknown:
            raise ValueError(
                f"In the dict argument `{what}`, key(s) {unknown} do not correspond to any model output. "
                f"Received: {what}={argument}. The model's outputs are named {list(output_names)}."
            )
        return [argument.get(name) for name in output_names]
    if isinstance(argument, (list, tuple)) and count > 1:
        if len(argument) != count:
            raise ValueError(
                f"For a model with {count} outputs, when providing the `{what}` argument as a list, it should "
                f"have as many entries as the model has outputs. Received: {what}={argument} of length "
                f"{len(argument)} whereas the model has {count} outputs."
            )
        return list(argument)
    return [argument] * count


class CompileLoss:
    """The total training loss of `compile(loss=..., loss_weights=...)`."""

    def __init__(self, loss: Any, loss_weights: Any = None, output_names: Sequence[str] = ()) -> None:
        self.loss = loss
        self.loss_weights = loss_weights
        self.output_names = list(output_names)
        self._losses: list[Any] | None = None
        self._weights: list[float] = []

    def build(self) -> None:
        from keras import losses
        from keras.losses._loss import LossFunctionWrapper

        if self._losses is not None:
            return
        entries = _per_output(self.loss, self.output_names, "loss")
        weights = (
            _per_output(self.loss_weights, self.output_names, "loss_weights") if self.loss_weights else None
        )
        resolved: list[Any] = []
        for entry in entries:
            if entry is None:
                resolved.append(None)
                continue
            fn = losses.get(entry)
            if not isinstance(fn, losses.Loss):
                fn = LossFunctionWrapper(fn, name=getattr(fn, "__name__", None))
            resolved.append(fn)
        self._losses = resolved
        self._weights = (
            [1.0 if w is None else float(w) for w in weights] if weights else [1.0] * len(resolved)
        )

    def __call__(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> Any:
        self.build()
        assert self._losses is not None
        trues = _flatten_outputs(y_true, self.output_names)
        preds = _flatten_outputs(y_pred, self.output_names)
        if len(self._losses) == 1 and len(preds) > 1:
            raise ValueError(
                f"The model has {len(preds)} outputs but one loss was given for it; pass a list or a dict of losses."
            )
        weights = (
            _flatten_outputs(sample_weight, self.output_names)
            if sample_weight is not None
            else [None] * len(preds)
        )
        if len(weights) == 1 and len(preds) > 1:
            weights = weights * len(preds)
        total = None
        for fn, weight, true, pred, sw in zip(
            self._losses, self._weights, trues, preds, weights, strict=False
        ):
            if fn is None or true is None:
                continue
            value = fn(true, pred, sample_weight=sw)
            value = ops.multiply(value, weight) if weight != 1.0 else value
            total = value if total is None else ops.add(total, value)
        return total


def _resolve_metric(identifier: Any, y_true: Any, y_pred: Any, loss: Any) -> Any:
    """A metric object for a compile entry; `"accuracy"` becomes the fitting variant."""
    from keras import losses, metrics

    if identifier in ("accuracy", "acc", "crossentropy", "ce"):
        true_shape = tuple(y_true.shape)
        pred_shape = tuple(y_pred.shape)
        is_binary = pred_shape[-1:] == (1,) or (
            isinstance(loss, (losses.BinaryCrossentropy, losses.BinaryFocalCrossentropy))
            or getattr(loss, "__name__", "") in ("binary_crossentropy", "binary_focal_crossentropy")
            or loss in ("binary_crossentropy", "bce")
        )
        is_sparse = len(true_shape) < len(pred_shape) or (true_shape[-1:] == (1,) and pred_shape[-1:] != (1,))
        accuracy = identifier in ("accuracy", "acc")
        cls: Any
        if is_binary:
            cls = metrics.BinaryAccuracy if accuracy else metrics.BinaryCrossentropy
        elif is_sparse:
            cls = metrics.SparseCategoricalAccuracy if accuracy else metrics.SparseCategoricalCrossentropy
        else:
            cls = metrics.CategoricalAccuracy if accuracy else metrics.CategoricalCrossentropy
        return cls(name=identifier)
    metric = metrics.get(identifier)
    if isinstance(metric, metrics.Metric):
        if isinstance(identifier, str):
            metric.name = identifier  # Keras logs a metric under the name it was asked by
        return metric
    name = identifier if isinstance(identifier, str) else getattr(metric, "__name__", None)
    return metrics.MeanMetricWrapper(metric, name=name)


class CompileMetrics:
    """The metrics of `compile(metrics=..., weighted_metrics=...)`, one set per output."""

    name = "compile_metrics"

    def __init__(
        self, metrics: Any, weighted_metrics: Any, output_names: Sequence[str] = (), loss: Any = None
    ) -> None:
        self._metrics_arg = metrics
        self._weighted_arg = weighted_metrics
        self.output_names = list(output_names)
        self._loss = loss
        self._unweighted: list[list[Any]] = []
        self._weighted: list[list[Any]] = []
        self.built = False

    def _spread(self, argument: Any, what: str) -> list[list[Any]]:
        count = max(len(self.output_names), 1)
        if argument is None:
            return [[] for _ in range(count)]
        if isinstance(argument, Mapping):
            per = _per_output(argument, self.output_names, what)
            return [list(m) if isinstance(m, (list, tuple)) else ([m] if m is not None else []) for m in per]
        if (
            isinstance(argument, (list, tuple))
            and count > 1
            and argument
            and all(isinstance(m, (list, tuple)) or m is None for m in argument)
        ):
            per = _per_output(list(argument), self.output_names, what)
            return [list(m) if m else [] for m in per]
        if not isinstance(argument, (list, tuple)):
            argument = [argument]
        return [list(argument) for _ in range(count)]

    def build(self, y_true: Any, y_pred: Any) -> None:
        if self.built:
            return
        trues = _flatten_outputs(y_true, self.output_names)
        preds = _flatten_outputs(y_pred, self.output_names)
        losses = self._loss if isinstance(self._loss, (list, tuple)) else [self._loss] * len(preds)
        prefix = len(preds) > 1
        for group, argument, what in (
            (self._unweighted, self._metrics_arg, "metrics"),
            (self._weighted, self._weighted_arg, "weighted_metrics"),
        ):
            for index, entries in enumerate(self._spread(argument, what)):
                if index >= len(preds):
                    break
                resolved = []
                for entry in entries:
                    if entry is None:
                        continue
                    metric = _resolve_metric(
                        entry, trues[index], preds[index], losses[min(index, len(losses) - 1)]
                    )
                    if prefix and self.output_names:
                        metric.name = f"{self.output_names[index]}_{metric.name}"
                    resolved.append(metric)
                group.append(resolved)
        self.built = True

    @property
    def metrics(self) -> list[Any]:
        return [m for group in self._unweighted + self._weighted for m in group]

    @property
    def variables(self) -> list[Any]:
        return [v for m in self.metrics for v in m.variables]

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        self.build(y_true, y_pred)
        trues = _flatten_outputs(y_true, self.output_names)
        preds = _flatten_outputs(y_pred, self.output_names)
        weights = (
            _flatten_outputs(sample_weight, self.output_names)
            if sample_weight is not None
            else [None] * len(preds)
        )
        if len(weights) == 1 and len(preds) > 1:
            weights = weights * len(preds)
        for group, weighted in ((self._unweighted, False), (self._weighted, True)):
            for index, metrics in enumerate(group):
                if trues[index] is None:
                    continue
                for metric in metrics:
                    metric.update_state(
                        trues[index], preds[index], sample_weight=weights[index] if weighted else None
                    )

    def result(self) -> dict[str, Any]:
        results: dict[str, Any] = {}
        for metric in self.metrics:
            value = metric.result()
            if isinstance(value, Mapping):
                results.update(value)
            else:
                results[metric.name] = value
        return results

    def reset_state(self) -> None:
        for metric in self.metrics:
            metric.reset_state()

    def get_config(self) -> dict[str, Any]:
        return {"metrics": self._metrics_arg, "weighted_metrics": self._weighted_arg}
