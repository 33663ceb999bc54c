"""`TensorBoard`: argument checks, the error without TensorFlow, event files with it."""

from __future__ import annotations

import builtins
import importlib.util
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fakes import FakeModel, run_fit

from keras.backend import backend
from keras.backend._variable import Variable
from keras.callbacks import TensorBoard

HAS_TENSORFLOW = importlib.util.find_spec("tensorflow") is not None


def test_update_freq_batch_means_every_batch() -> None:
    assert TensorBoard(update_freq="batch").update_freq == 1
    assert TensorBoard().update_freq == "epoch"


@pytest.mark.parametrize("profile_batch", [-1, (3, 1), "a", (1, 2, 3)])
def test_bad_profile_batch(profile_batch: Any) -> None:
    if backend() not in ("jax", "tensorflow"):
        with pytest.raises(ValueError, match=r"^Profiling is not yet available with the"):
            TensorBoard(profile_batch=profile_batch)
        return
    with pytest.raises(ValueError, match=r"^profile_batch must be a non-negative integer or 2-tuple"):
        TensorBoard(profile_batch=profile_batch)


def test_missing_tensorflow_is_a_clear_import_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real_import = builtins.__import__

    def no_tensorflow(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "tensorflow" or name.startswith("tensorflow."):
            raise ImportError("No module named 'tensorflow'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_tensorflow)
    callback = TensorBoard(log_dir=tmp_path)  # construction needs nothing
    with pytest.raises(ImportError, match=r"needs the `tensorflow` package"):
        run_fit([callback], FakeModel(), [{"loss": 1.0}])


def read_events(directory: Path) -> dict[str, list[tuple[int, str, Any]]]:
    """Tag -> (step, plugin, value) of every summary in the event files of `directory`."""
    import tensorflow as tf

    found: dict[str, list[tuple[int, str, Any]]] = {}
    for path in sorted(directory.glob("events.out.tfevents.*")):
        for event in tf.compat.v1.train.summary_iterator(str(path)):
            for value in event.summary.value:
                plugin = value.metadata.plugin_data.plugin_name
                found.setdefault(value.tag, []).append((event.step, plugin, tf.make_ndarray(value.tensor)))
    return found


def read_scalars(directory: Path) -> dict[str, list[tuple[int, float]]]:
    return {
        tag: [(step, float(array)) for step, plugin, array in entries if plugin == "scalars"]
        for tag, entries in read_events(directory).items()
    }


@pytest.mark.skipif(not HAS_TENSORFLOW, reason="TensorBoard event files are written with tensorflow")
def test_event_files_hold_the_epoch_and_batch_scalars(tmp_path: Path) -> None:
    model = FakeModel()
    model.layers = []
    callback = TensorBoard(log_dir=tmp_path, update_freq=2, write_graph=False)
    logs = [{"loss": 1.0, "val_loss": 2.0}, {"loss": 0.5, "val_loss": 1.5}]
    run_fit([callback], model, logs, steps=2)
    train = read_scalars(tmp_path / "train")
    validation = read_scalars(tmp_path / "validation")
    assert train["epoch_loss"] == [(0, 1.0), (1, 0.5)]
    assert train["epoch_learning_rate"] == [(0, pytest.approx(0.1)), (1, pytest.approx(0.1))]
    assert train["batch_loss"] == [(2, 1.0), (4, 0.5)]
    assert validation["epoch_loss"] == [(0, 2.0), (1, 1.5)]


@pytest.mark.skipif(not HAS_TENSORFLOW, reason="TensorBoard event files are written with tensorflow")
def test_histograms_and_evaluation_scalars(tmp_path: Path) -> None:
    class Layer:
        def __init__(self) -> None:
            self.weights = [Variable(np.ones((3, 2), dtype="float32"), name="kernel")]

    model = FakeModel()
    model.layers = [Layer()]
    callback = TensorBoard(log_dir=tmp_path, histogram_freq=1, write_images=True, write_graph=False)
    callback.set_model(model)
    callback.on_epoch_end(0, {"loss": 1.0})
    model.optimizer.iterations = 5
    callback.on_test_end({"loss": 3.0})
    callback.on_train_end()
    train = read_events(tmp_path / "train")
    name = Layer().weights[0].path.replace(":", "_")
    ((step, plugin, table),) = train[f"{name}/histogram"]
    assert (step, plugin, table.shape) == (0, "histograms", (30, 3))
    assert table[:, 2].sum() == 6  # the six weights, all in one bucket
    ((_, plugin, image),) = train[f"{name}/image"]
    assert plugin == "images"
    assert list(image[:2]) == [b"3", b"2"]  # a taller-than-wide kernel is shown transposed: 3 wide, 2 high
    assert read_scalars(tmp_path / "validation")["evaluation_loss_vs_iterations"] == [(5, 3.0)]
