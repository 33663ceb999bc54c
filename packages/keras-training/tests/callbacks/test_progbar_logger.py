"""`ProgbarLogger` through `CallbackList`: output byte-identical to Keras 3.15's.

The expected texts were printed once by Keras 3.15.1 for the same scripted sequence of
hooks and clock readings (its `time.time` patched), then pasted here.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.callbacks import CallbackList, LambdaCallback, ProgbarLogger
from keras.trainers import _progbar

BAR = "\u2501"

VERBOSE_1 = (
    "Epoch 1/2\n\r\x1b[1m1/3\x1b[0m \x1b[32m"
    + BAR * 6
    + "\x1b[0m\x1b[37m"
    + BAR * 14
    + "\x1b[0m \x1b[1m0s\x1b[0m 250ms/step - accuracy: 0.0000e+00 - loss: 1.0000"
    + "\b" * 76
    + "\r\x1b[1m2/3\x1b[0m \x1b[32m"
    + BAR * 13
    + "\x1b[0m\x1b[37m"
    + BAR * 7
    + "\x1b[0m \x1b[1m0s\x1b[0m 250ms/step - accuracy: 0.2500 - loss: 0.5000    "
    + "\b" * 72
    + "\r\x1b[1m3/3\x1b[0m \x1b[32m"
    + BAR * 20
    + "\x1b[0m\x1b[37m\x1b[0m \x1b[1m0s\x1b[0m 250ms/step - accuracy: 0.5000 - loss: 0.3333"
    + "\b" * 72
    + "\r\x1b[1m3/3\x1b[0m \x1b[32m"
    + BAR * 20
    + "\x1b[0m\x1b[37m\x1b[0m \x1b[1m1s\x1b[0m 500ms/step - accuracy: 0.5000 - loss: 0.5000 - val_loss: 0.7500\nEpoch 2/2\n\r\x1b[1m1/3\x1b[0m \x1b[32m"
    + BAR * 6
    + "\x1b[0m\x1b[37m"
    + BAR * 14
    + "\x1b[0m \x1b[1m0s\x1b[0m 250ms/step - accuracy: 0.0000e+00 - loss: 1.0000"
    + "\b" * 76
    + "\r\x1b[1m2/3\x1b[0m \x1b[32m"
    + BAR * 13
    + "\x1b[0m\x1b[37m"
    + BAR * 7
    + "\x1b[0m \x1b[1m0s\x1b[0m 250ms/step - accuracy: 0.2500 - loss: 0.5000    "
    + "\b" * 72
    + "\r\x1b[1m3/3\x1b[0m \x1b[32m"
    + BAR * 20
    + "\x1b[0m\x1b[37m\x1b[0m \x1b[1m0s\x1b[0m 250ms/step - accuracy: 0.5000 - loss: 0.3333"
    + "\b" * 72
    + "\r\x1b[1m3/3\x1b[0m \x1b[32m"
    + BAR * 20
    + "\x1b[0m\x1b[37m\x1b[0m \x1b[1m1s\x1b[0m 500ms/step - accuracy: 0.5000 - loss: 0.5000 - val_loss: 0.7500\n\r\x1b[1m1/3\x1b[0m \x1b[32m"
    + BAR * 6
    + "\x1b[0m\x1b[37m"
    + BAR * 14
    + "\x1b[0m \x1b[1m0s\x1b[0m 2ms/step - loss: 2.0000"
    + "\b" * 51
    + "\r\x1b[1m3/3\x1b[0m \x1b[32m"
    + BAR * 20
    + "\x1b[0m\x1b[37m\x1b[0m \x1b[1m0s\x1b[0m 2ms/step - loss: 2.0000\n\r\x1b[1m1/3\x1b[0m \x1b[32m"
    + BAR * 6
    + "\x1b[0m\x1b[37m"
    + BAR * 14
    + "\x1b[0m \x1b[1m0s\x1b[0m 100us/step"
    + "\b" * 38
    + "\r\x1b[1m3/3\x1b[0m \x1b[32m"
    + BAR * 20
    + "\x1b[0m\x1b[37m\x1b[0m \x1b[1m0s\x1b[0m 100us/step\n"
)
VERBOSE_1_UNKNOWN_STEPS = (
    "\r      1/Unknown \x1b[1m0s\x1b[0m 250ms/step - accuracy: 0.0000e+00 - loss: 1.0000"
    + "\b" * 67
    + "\r      2/Unknown \x1b[1m0s\x1b[0m 250ms/step - accuracy: 0.2500 - loss: 0.5000    "
    + "\b" * 63
    + "\r      3/Unknown \x1b[1m1s\x1b[0m 250ms/step - accuracy: 0.5000 - loss: 0.3333"
    + "\b" * 63
    + "\r\x1b[1m3/3\x1b[0m \x1b[32m"
    + BAR * 20
    + "\x1b[0m\x1b[37m\x1b[0m \x1b[1m1s\x1b[0m 500ms/step - accuracy: 0.5000 - loss: 0.5000 - val_loss: 0.7500\n\r      1/Unknown \x1b[1m0s\x1b[0m 2ms/step - loss: 2.0000"
    + "\b" * 42
    + "\r\x1b[1m3/3\x1b[0m \x1b[32m"
    + BAR * 20
    + "\x1b[0m\x1b[37m\x1b[0m \x1b[1m0s\x1b[0m 2ms/step - loss: 2.0000\n\r\x1b[1m1/3\x1b[0m \x1b[32m"
    + BAR * 6
    + "\x1b[0m\x1b[37m"
    + BAR * 14
    + "\x1b[0m \x1b[1m0s\x1b[0m 100us/step"
    + "\b" * 38
    + "\r\x1b[1m3/3\x1b[0m \x1b[32m"
    + BAR * 20
    + "\x1b[0m\x1b[37m\x1b[0m \x1b[1m0s\x1b[0m 100us/step\n"
)
VERBOSE_2 = "Epoch 1/2\n3/3 - 1s - 417ms/step - accuracy: 0.5000 - loss: 0.5000 - val_loss: 0.7500\nEpoch 2/2\n3/3 - 1s - 417ms/step - accuracy: 0.5000 - loss: 0.5000 - val_loss: 0.7500\n3/3 - 0s - 2ms/step - loss: 2.0000\n3/3 - 0s - 100us/step\n"
VERBOSE_0 = ""


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def scenario(
    monkeypatch: pytest.MonkeyPatch, verbose: int, steps: int | None, epochs: int, extra: Any
) -> None:
    """Two-epoch `fit` with validation, then `evaluate` and `predict`, with a scripted clock."""
    clock = Clock()
    monkeypatch.setattr(_progbar, "_now", clock)

    class Model:
        pass

    model = Model()
    callbacks = CallbackList(
        list(extra),
        add_history=True,
        add_progbar=True,
        model=model,
        verbose=verbose,
        epochs=epochs,
        steps=steps,
    )
    callbacks.on_train_begin()
    for epoch in range(epochs):
        callbacks.on_epoch_begin(epoch)
        for batch in range(3):
            clock.now += 0.25
            loss = ops.convert_to_tensor(np.float32(1.0 / (batch + 1)))  # a device value, as trainers log
            callbacks.on_train_batch_end(batch, {"loss": loss, "accuracy": 0.25 * batch})
        callbacks.on_test_begin()
        callbacks.on_test_batch_end(0, {"loss": 9.0})  # validation inside fit prints nothing
        callbacks.on_test_end({"loss": 0.75})
        clock.now += 0.5
        callbacks.on_epoch_end(epoch, {"loss": 0.5, "accuracy": 0.5, "val_loss": 0.75})
    callbacks.on_train_end()
    callbacks = CallbackList(
        list(extra), add_progbar=True, model=model, verbose=verbose, epochs=1, steps=steps
    )
    callbacks.on_test_begin()
    for batch in range(3):
        clock.now += 0.002
        callbacks.on_test_batch_end(batch, {"loss": 2.0})
    callbacks.on_test_end({"loss": 2.0})
    callbacks.on_predict_begin()
    for batch in range(3):
        clock.now += 0.0001
        callbacks.on_predict_batch_end(batch, {"outputs": np.zeros((2, 1))})
    callbacks.on_predict_end()


def user_batch_callback() -> LambdaCallback:
    # A user batch hook makes the list convert every batch's logs: the output must not change.
    return LambdaCallback(
        on_train_batch_end=lambda batch, logs: None,
        on_test_batch_end=lambda batch, logs: None,
        on_predict_batch_end=lambda batch, logs: None,
    )


CASES = [
    pytest.param(1, 3, 2, VERBOSE_1, id="verbose-1"),
    pytest.param(1, None, 1, VERBOSE_1_UNKNOWN_STEPS, id="verbose-1-unknown-steps"),
    pytest.param(2, 3, 2, VERBOSE_2, id="verbose-2"),
    pytest.param(0, 3, 2, VERBOSE_0, id="verbose-0"),
]


@pytest.mark.parametrize("with_user_callback", [False, True], ids=["raw-batch-logs", "python-batch-logs"])
@pytest.mark.parametrize(("verbose", "steps", "epochs", "expected"), CASES)
def test_output_matches_keras(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    verbose: int,
    steps: int | None,
    epochs: int,
    expected: str,
    with_user_callback: bool,
) -> None:
    extra = [user_batch_callback()] if with_user_callback else []
    scenario(monkeypatch, verbose, steps, epochs, extra)
    assert capsys.readouterr().out == expected


def test_verbose_auto_means_1() -> None:
    logger = ProgbarLogger()
    logger.set_params({"verbose": "auto", "epochs": 3, "steps": 7})
    assert (logger.verbose, logger.epochs, logger.target) == (1, 3, 7)


def test_one_epoch_prints_no_epoch_header(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_progbar, "_now", Clock())
    callbacks = CallbackList([], add_progbar=True, verbose=2, epochs=1, steps=1)
    callbacks.on_train_begin()
    callbacks.on_epoch_begin(0)
    callbacks.on_train_batch_end(0, {"loss": 1.0})
    callbacks.on_epoch_end(0, {"loss": 1.0})
    assert capsys.readouterr().out == "1/1 - 0s - 0s/step - loss: 1.0000\n"


def test_interactive_logging_off_sends_lines_to_the_keras_logger(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    from keras.backend import _switches

    monkeypatch.setattr(_switches.SWITCHES, "interactive_logging", False)
    caplog.set_level("INFO", logger="keras")
    _progbar.print_msg("Epoch 1/2")
    assert capsys.readouterr().out == ""
    assert [record.getMessage() for record in caplog.records] == ["Epoch 1/2"]
