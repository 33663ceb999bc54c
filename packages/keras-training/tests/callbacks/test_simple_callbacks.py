"""`LearningRateScheduler`, `TerminateOnNaN`, `LambdaCallback` and `CSVLogger`."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fakes import FakeModel, FakeMultiOptimizer, FakeOptimizer, run_fit

from keras import ops
from keras.callbacks import CallbackList, CSVLogger, LambdaCallback, LearningRateScheduler, TerminateOnNaN

# ---- LearningRateScheduler -------------------------------------------------------------


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        (lambda epoch, lr: lr * 0.5, [0.05, 0.025, 0.0125]),
        (lambda epoch: 0.1 / (epoch + 1), [0.1, 0.05, 1 / 30]),  # the old one-argument form
        (lambda epoch, lr: lr if epoch < 2 else np.float32(lr * 0.1), [0.1, 0.1, 0.01]),
    ],
    ids=["halving", "epoch-only", "numpy-float"],
)
def test_scheduler_sets_the_rate_each_epoch(schedule: Any, expected: list[float]) -> None:
    model = FakeModel(optimizer=FakeOptimizer(0.1))
    history = run_fit([LearningRateScheduler(schedule)], model, [{"loss": 1.0}] * 3)
    assert history.history["learning_rate"] == pytest.approx(expected, rel=1e-6)


def test_scheduler_message(capsys: pytest.CaptureFixture[str]) -> None:
    model = FakeModel(optimizer=FakeOptimizer(0.5))
    run_fit([LearningRateScheduler(lambda epoch, lr: lr * 0.5, verbose=1)], model, [{"loss": 1.0}] * 2)
    assert capsys.readouterr().out == (
        "\nEpoch 1: LearningRateScheduler setting learning rate to 0.25.\n"
        "\nEpoch 2: LearningRateScheduler setting learning rate to 0.125.\n"
    )


def test_scheduler_sets_each_part_of_a_multi_optimizer(capsys: pytest.CaptureFixture[str]) -> None:
    parts = FakeOptimizer(0.1, name="a"), FakeOptimizer(0.2, name="b")
    model = FakeModel(optimizer=FakeMultiOptimizer(*parts))
    history = run_fit([LearningRateScheduler(lambda epoch, lr: lr * 2, verbose=1)], model, [{"loss": 1.0}])
    assert history.history["learning_rate_a"] == pytest.approx([0.2])
    assert history.history["learning_rate_b"] == pytest.approx([0.4])
    assert "LearningRateScheduler setting b learning rate to 0.4" in capsys.readouterr().out


def test_scheduler_output_must_be_a_float() -> None:
    scheduler = LearningRateScheduler(lambda epoch, lr: "fast")
    with pytest.raises(
        ValueError, match=r"^The output of the `schedule` function should be a float\. Got: fast$"
    ):
        run_fit([scheduler], FakeModel(), [{"loss": 1.0}])


def test_scheduler_needs_a_learning_rate() -> None:
    callbacks = CallbackList(
        [LearningRateScheduler(lambda epoch, lr: lr)], model=FakeModel(optimizer=object())
    )
    with pytest.raises(ValueError, match=r'^Optimizer must have a "learning_rate" attribute\.$'):
        callbacks.on_epoch_begin(0)


# ---- TerminateOnNaN ----------------------------------------------------------------------


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_terminate_on_nan_stops_training(bad: float, capsys: pytest.CaptureFixture[str]) -> None:
    model = FakeModel()
    callbacks = CallbackList([TerminateOnNaN()], model=model)
    callbacks.on_train_batch_end(0, {"loss": 0.5})
    assert not model.stop_training
    callbacks.on_train_batch_end(1, {"loss": ops.convert_to_tensor(np.float32(bad))})
    assert model.stop_training
    assert capsys.readouterr().out == "Batch 1: Invalid loss, terminating training\n"


def test_terminate_on_nan_can_raise() -> None:
    callback = TerminateOnNaN(raise_error=True)
    with pytest.raises(
        RuntimeError,
        match=r"^NaN or Inf loss encountered at batch 3\. Loss value: inf\. Terminating training immediately\.$",
    ):
        callback.on_batch_end(3, {"loss": math.inf})


def test_terminate_on_nan_ignores_logs_without_loss() -> None:
    model = FakeModel()
    callback = TerminateOnNaN()
    callback.set_model(model)
    callback.on_batch_end(0, {"accuracy": math.nan})
    assert not model.stop_training


# ---- LambdaCallback ----------------------------------------------------------------------


def test_lambda_callback_calls_the_given_functions() -> None:
    events: list[Any] = []
    callback = LambdaCallback(
        on_epoch_begin=lambda epoch, logs: events.append(("epoch_begin", epoch)),
        on_epoch_end=lambda epoch, logs: events.append(("epoch_end", epoch, logs["loss"])),
        on_train_begin=lambda logs: events.append("train_begin"),
        on_train_end=lambda logs: events.append("train_end"),
        on_train_batch_begin=lambda batch, logs: events.append(("batch_begin", batch)),
        on_train_batch_end=lambda batch, logs: events.append(("batch_end", batch)),
        on_test_end=lambda logs: events.append("test_end"),  # any other hook, as a keyword
        tag="mine",
    )
    assert callback.tag == "mine"
    run_fit([callback], FakeModel(), [{"loss": 0.5}], steps=1)
    callback.on_test_end({})
    assert events == [
        "train_begin",
        ("epoch_begin", 0),
        ("batch_begin", 0),
        ("batch_end", 0),
        ("epoch_end", 0, 0.5),
        "train_end",
        "test_end",
    ]


def test_lambda_callback_leaves_other_hooks_as_no_ops() -> None:
    callback = LambdaCallback()
    assert callback.on_epoch_end(0, {"loss": 1.0}) is None


# ---- CSVLogger ---------------------------------------------------------------------------


def test_csv_content_is_exact(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    logs = [{"loss": 0.5, "accuracy": 0.25}, {"loss": 0.125, "accuracy": np.float32(0.75)}]
    run_fit([CSVLogger(path)], FakeModel(), logs)
    # Keys sorted; without validation keys, empty `val_` columns are added (as Keras does).
    assert path.read_bytes() == (
        b"epoch,accuracy,loss,val_accuracy,val_loss\r\n0,0.25,0.5,NA,NA\r\n1,0.75,0.125,NA,NA\r\n"
    )


def test_csv_separator_and_validation_keys(tmp_path: Path) -> None:
    path = tmp_path / "log.tsv"
    run_fit([CSVLogger(str(path), separator="\t")], FakeModel(), [{"loss": 1.0, "val_loss": 2.0}])
    assert path.read_text() == "epoch\tloss\tval_loss\n0\t1.0\t2.0\n"


def test_csv_append_writes_the_header_once(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    run_fit([CSVLogger(path, append=True)], FakeModel(), [{"loss": 1.0, "val_loss": 2.0}])
    run_fit([CSVLogger(path, append=True)], FakeModel(), [{"loss": 3.0, "val_loss": 4.0}])
    assert path.read_text() == "epoch,loss,val_loss\n0,1.0,2.0\n0,3.0,4.0\n"
    run_fit([CSVLogger(path)], FakeModel(), [{"loss": 5.0, "val_loss": 6.0}])
    assert path.read_text() == "epoch,loss,val_loss\n0,5.0,6.0\n"


def test_csv_missing_keys_and_lists(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    logs = [{"loss": 1.0, "val_loss": 2.0, "sizes": [1, 2]}, {"loss": 3.0, "sizes": [3]}]
    run_fit([CSVLogger(path)], FakeModel(), logs)
    assert path.read_text() == 'epoch,loss,sizes,val_loss\n0,1.0,"""[1, 2]""",2.0\n1,3.0,"""[3]""",NA\n'
