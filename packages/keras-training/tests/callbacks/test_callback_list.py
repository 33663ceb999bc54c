"""`Callback`, `CallbackList` and `History`: dispatch, defaults, params, log conversion."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from fakes import FakeModel, run_fit

import keras.callbacks
from keras import ops
from keras.callbacks import Callback, CallbackList, History, LambdaCallback, ProgbarLogger


class Recorder(Callback):
    """Records every hook call with its argument and logs."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[Any, ...]] = []
        for name in (name for name in dir(Callback) if name.startswith("on_")):
            setattr(self, name, self._recorder(name))

    def _recorder(self, name: str) -> Any:
        def record(*args: Any, **kwargs: Any) -> None:
            self.calls.append((name, *args, *kwargs.values()))

        return record


def test_namespace_is_exactly_the_reference() -> None:
    assert set(keras.callbacks.__all__) == {
        "BackupAndRestore", "CSVLogger", "Callback", "CallbackList", "EarlyStopping", "History",
        "LambdaCallback", "LearningRateScheduler", "ModelCheckpoint", "OrbaxCheckpoint", "ProgbarLogger",
        "ReduceLROnPlateau", "RemoteMonitor", "SwapEMAWeights", "TensorBoard", "TerminateOnNaN",
    }  # fmt: skip
    for name in keras.callbacks.__all__:
        assert getattr(keras.callbacks, name).__module__.startswith("keras.callbacks._")


def test_train_batch_hooks_fall_back_to_the_keras_2_aliases() -> None:
    seen: list[tuple[str, int]] = []

    class Legacy(Callback):
        def on_batch_begin(self, batch: int, logs: Any = None) -> None:
            seen.append(("begin", batch))

        def on_batch_end(self, batch: int, logs: Any = None) -> None:
            seen.append(("end", batch))

    callback = Legacy()
    callback.on_train_batch_begin(3)
    callback.on_train_batch_end(3, {"loss": 1.0})
    callback.on_test_batch_end(4)  # not an alias of the batch hooks
    assert seen == [("begin", 3), ("end", 3)]


def test_every_hook_reaches_every_callback_in_order() -> None:
    first, second = Recorder(), Recorder()
    callbacks = CallbackList([first, [second]])  # nested lists are flattened
    assert callbacks.callbacks == [first, second]
    callbacks.on_train_begin()
    callbacks.on_epoch_begin(0)
    callbacks.on_train_batch_begin(0)
    callbacks.on_train_batch_end(0, {"loss": 1.0})
    callbacks.on_test_begin()
    callbacks.on_test_batch_begin(0)
    callbacks.on_test_batch_end(0, {"loss": 2.0})
    callbacks.on_test_end({"loss": 2.0})
    callbacks.on_epoch_end(0, {"loss": 1.0})
    callbacks.on_train_end({"loss": 1.0})
    callbacks.on_predict_begin()
    callbacks.on_predict_batch_begin(0)
    callbacks.on_predict_batch_end(0, {"outputs": 1.0})
    callbacks.on_predict_end()
    expected = [
        ("on_train_begin", {}),
        ("on_epoch_begin", 0, {}),
        ("on_train_batch_begin", 0, {}),
        ("on_train_batch_end", 0, {"loss": 1.0}),
        ("on_test_begin", {}),
        ("on_test_batch_begin", 0, {}),
        ("on_test_batch_end", 0, {"loss": 2.0}),
        ("on_test_end", {"loss": 2.0}),
        ("on_epoch_end", 0, {"loss": 1.0}),
        ("on_train_end", {"loss": 1.0}),
        ("on_predict_begin", {}),
        ("on_predict_batch_begin", 0, {}),
        ("on_predict_batch_end", 0, {"outputs": 1.0}),
        ("on_predict_end", {}),
    ]
    assert first.calls == expected
    assert second.calls == expected


def test_defaults_are_added_once_and_history_is_set_on_the_model() -> None:
    model = FakeModel()
    callbacks = CallbackList(add_history=True, add_progbar=True, model=model, verbose=1, epochs=2, steps=5)
    kinds = [type(callback) for callback in callbacks.callbacks]
    assert kinds == [History, ProgbarLogger]
    assert model.history is callbacks.callbacks[0]
    own_history, own_progbar = History(), ProgbarLogger()
    callbacks = CallbackList([own_progbar, own_history], add_history=True, add_progbar=True, model=model)
    assert callbacks.callbacks == [own_progbar, own_history]
    assert model.history is own_history


def test_params_and_model_reach_every_callback() -> None:
    model = FakeModel()
    recorder = Recorder()
    callbacks = CallbackList([recorder], model=model, verbose=2, epochs=3, steps=None)
    assert recorder.params == {"verbose": 2, "epochs": 3, "steps": None}
    assert recorder.model is model
    late = Recorder()
    callbacks.append(late)
    assert (late.model, late.params) == (model, recorder.params)
    assert callbacks.callbacks[-1] is late


def test_model_property_syncs_a_trainer_state_first() -> None:
    class Model:
        syncs = 0

        def jax_state_sync(self) -> None:
            self.syncs += 1

    model = Model()
    callback = Callback()
    callback.set_model(model)
    assert callback.model is model
    assert model.syncs == 1


def test_epoch_logs_are_flattened_sorted_and_floats() -> None:
    recorder = Recorder()
    callbacks = CallbackList([recorder])
    logs = {"loss": ops.convert_to_tensor(np.float32(0.5)), "b": {"z": np.float64(2.0), "a": 1}, "name": "x"}
    callbacks.on_epoch_end(0, logs)
    (_, _, received) = recorder.calls[0]
    assert list(received) == ["a", "z", "loss", "name"]  # sorted, nested dicts merged in place
    assert received == {"a": 1.0, "z": 2.0, "loss": 0.5, "name": "x"}
    assert all(type(value) in (float, str) for value in received.values())


def test_batch_logs_stay_raw_for_built_in_callbacks_only() -> None:
    tensor = ops.convert_to_tensor(np.float32(0.25))
    raw: list[Any] = []

    class Spy(ProgbarLogger):  # a built-in that declares it converts what it uses
        def on_train_batch_end(self, batch: int, logs: Any = None) -> None:
            raw.append(logs["loss"])

    CallbackList([Spy()]).on_train_batch_end(0, {"loss": tensor})
    assert raw[0] is tensor  # no device round trip
    seen: list[Any] = []
    user = LambdaCallback(on_train_batch_end=lambda batch, logs: seen.append(logs["loss"]))
    CallbackList([Spy(), user]).on_train_batch_end(0, {"loss": tensor})
    assert type(seen[0]) is float and seen[0] == 0.25
    assert type(raw[1]) is float


def test_predict_outputs_become_numpy_for_user_callbacks() -> None:
    seen: list[Any] = []

    class Outputs(Callback):
        def on_predict_batch_end(self, batch: int, logs: Any = None) -> None:
            seen.append(logs["outputs"])

    CallbackList([Outputs()]).on_predict_batch_end(0, {"outputs": ops.ones((2, 3))})
    assert isinstance(seen[0], np.ndarray)
    np.testing.assert_array_equal(seen[0], np.ones((2, 3)))


def test_history_records_every_epoch() -> None:
    model = FakeModel()
    logs = [{"loss": 1.0, "val_loss": 2.0}, {"loss": 0.5, "val_loss": 1.5}, {"loss": 0.25, "val_loss": 1.0}]
    history = run_fit([], model, logs)
    assert history is model.history
    assert history.history == {"loss": [1.0, 0.5, 0.25], "val_loss": [2.0, 1.5, 1.0]}
    assert history.epoch == [0, 1, 2]
    assert history.params == {"verbose": 0, "epochs": 3, "steps": 2}


def test_history_keeps_accumulating_across_fits_but_resets_epochs() -> None:
    history = History()
    for run in range(2):
        history.on_train_begin()
        history.on_epoch_end(0, {"loss": float(run)})
    assert history.history == {"loss": [0.0, 1.0]}
    assert history.epoch == [0]


@pytest.mark.parametrize("value", [np.float32(0.5), np.array(0.5)])
def test_history_converts_values_given_directly(value: Any) -> None:
    history = History()
    history.on_epoch_end(0, {"loss": value})
    assert type(history.history["loss"][0]) is float
