"""`EarlyStopping`: when training stops, which weights are restored, messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest
from fakes import FakeMetric, FakeModel, run_fit

from keras.callbacks import EarlyStopping


@dataclass(frozen=True)
class Case:
    values: list[float]
    kwargs: dict[str, Any] = field(default_factory=dict)
    epochs_run: int = 0
    stopped_epoch: int = 0
    best: float | None = None
    id: str = ""


CASES = [
    Case([1.0, 0.5, 0.6, 0.4], {"patience": 0}, 3, 2, 0.5, "patience-0"),
    Case([1.0, 0.5, 0.6, 0.7, 0.8, 0.1], {"patience": 2}, 4, 3, 0.5, "patience-2"),
    Case([1.0, 0.5, 0.6, 0.4, 0.3], {"patience": 2}, 5, 0, 0.3, "improves-in-time"),
    Case([1.0, 0.9, 0.85, 0.5], {"patience": 1, "min_delta": 0.2}, 2, 1, 1.0, "min-delta"),
    Case([1.0, 0.9, 0.85, 0.5], {"patience": 1, "min_delta": -0.2}, 2, 1, 1.0, "min-delta-abs"),
    Case([0.1, 0.5, 0.4, 0.3], {"patience": 1, "mode": "max"}, 3, 2, 0.5, "max"),
    Case([1.0, 1.1, 1.2, 1.3], {"patience": 2, "baseline": 0.5}, 2, 1, 1.0, "baseline-never-beaten"),
    Case([1.0, 0.4, 0.5, 0.6, 0.7], {"patience": 2, "baseline": 0.5}, 4, 3, 0.4, "baseline-beaten"),
    Case([1.0, 2.0, 3.0, 2.5, 2.6], {"patience": 0, "start_from_epoch": 2}, 5, 4, 2.5, "warm-up"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_stops_at_the_right_epoch(case: Case) -> None:
    model = FakeModel()
    stopper = EarlyStopping(monitor="loss", **case.kwargs)
    history = run_fit([stopper], model, [{"loss": value} for value in case.values])
    assert len(history.history["loss"]) == case.epochs_run
    assert stopper.stopped_epoch == case.stopped_epoch
    assert stopper.best == case.best


def set_weights_to_epoch(epoch: int, model: FakeModel) -> None:
    model.set_weights([np.full(2, float(epoch))])


def test_restores_the_weights_of_the_best_epoch(capsys: pytest.CaptureFixture[str]) -> None:
    model = FakeModel()
    stopper = EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True, verbose=1)
    logs = [{"val_loss": v} for v in [1.0, 0.3, 0.5, 0.6, 0.1]]
    run_fit([stopper], model, logs, on_epoch=set_weights_to_epoch)
    np.testing.assert_array_equal(model.weights[0], [1.0, 1.0])
    assert stopper.best_epoch == 1
    assert capsys.readouterr().out == (
        "Epoch 4: early stopping\nRestoring model weights from the end of the best epoch: 2.\n"
    )


def test_restores_the_best_weights_even_without_an_early_stop() -> None:
    model = FakeModel()
    stopper = EarlyStopping(monitor="loss", patience=5, restore_best_weights=True)
    run_fit([stopper], model, [{"loss": v} for v in [1.0, 0.2, 0.5]], on_epoch=set_weights_to_epoch)
    np.testing.assert_array_equal(model.weights[0], [1.0, 1.0])


def test_without_restore_the_last_weights_stay() -> None:
    model = FakeModel()
    stopper = EarlyStopping(monitor="loss", patience=0)
    run_fit([stopper], model, [{"loss": v} for v in [1.0, 2.0, 3.0]], on_epoch=set_weights_to_epoch)
    np.testing.assert_array_equal(model.weights[0], [1.0, 1.0])


def test_reused_across_fits() -> None:
    model = FakeModel()
    stopper = EarlyStopping(monitor="loss", patience=0)
    run_fit([stopper], model, [{"loss": v} for v in [1.0, 2.0]])
    assert stopper.stopped_epoch == 1
    history = run_fit([stopper], model, [{"loss": v} for v in [5.0, 4.0, 3.0]])
    assert stopper.stopped_epoch == 0
    assert len(history.history["loss"]) == 3


def test_auto_mode_follows_the_metric_direction() -> None:
    model = FakeModel()

    class Compiled:  # a container of metrics, as compile() makes
        def __init__(self) -> None:
            self.metrics = [FakeMetric("auc", "up")]

    model.metrics = [Compiled()]
    stopper = EarlyStopping(monitor="val_auc", patience=0)
    run_fit([stopper], model, [{"val_auc": v} for v in [0.5, 0.7, 0.6]])
    assert (stopper.stopped_epoch, stopper.best) == (2, 0.7)


def test_auto_mode_without_a_direction_is_an_error() -> None:
    stopper = EarlyStopping(monitor="val_custom")
    with pytest.raises(
        ValueError, match=r"^EarlyStopping callback received monitor=val_custom, but Keras isn't able"
    ):
        run_fit([stopper], FakeModel(), [{"val_custom": 1.0}])


def test_unknown_mode_warns_and_falls_back_to_auto() -> None:
    with pytest.warns(UserWarning, match=r"^EarlyStopping mode 'foo' is unknown, fallback to auto mode\.$"):
        stopper = EarlyStopping(mode="foo")
    assert stopper.mode == "auto"


def test_missing_monitor_warns_and_never_stops() -> None:
    stopper = EarlyStopping(monitor="val_loss", patience=0)
    with pytest.warns(
        UserWarning, match=r"Early stopping conditioned on metric `val_loss` which is not available\. "
    ):
        history = run_fit([stopper], FakeModel(), [{"loss": 1.0, "acc": 2.0}] * 3)
    assert len(history.history["loss"]) == 3
