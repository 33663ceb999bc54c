"""`ModelCheckpoint` and `BackupAndRestore` with a fake model that writes JSON files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fakes import FakeModel, run_fit

from keras.callbacks import BackupAndRestore, CallbackList, ModelCheckpoint

# ---- ModelCheckpoint ---------------------------------------------------------------------


def names(directory: Path) -> list[str]:
    return sorted(os.listdir(directory))


def test_filepath_is_formatted_with_epoch_and_logs(tmp_path: Path) -> None:
    checkpoint = ModelCheckpoint(str(tmp_path / "m-{epoch:02d}-{val_loss:.2f}.keras"))
    model = FakeModel()
    run_fit([checkpoint], model, [{"val_loss": 0.5}, {"val_loss": 0.25}])
    assert names(tmp_path) == ["m-01-0.50.keras", "m-02-0.25.keras"]
    assert [kind for kind, _ in model.saved] == ["model", "model"]


def test_best_only_saves_on_improvement(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pattern = str(tmp_path / "w-{epoch}.weights.h5")
    checkpoint = ModelCheckpoint(
        pattern, monitor="loss", save_best_only=True, save_weights_only=True, verbose=1
    )
    model = FakeModel()
    run_fit([checkpoint], model, [{"loss": v} for v in [1.0, 0.5, 0.7, 0.2]])
    assert names(tmp_path) == ["w-1.weights.h5", "w-2.weights.h5", "w-4.weights.h5"]
    assert [kind for kind, _ in model.saved] == ["weights"] * 3
    assert checkpoint.best == 0.2
    out = capsys.readouterr().out
    first = str(tmp_path / "w-1.weights.h5")
    assert out.startswith(
        f"\nEpoch 1: loss improved from None to 1.00000, saving model to {first}\n"
        f"\nEpoch 1: finished saving model to {first}\n"
    )
    assert "\nEpoch 3: loss did not improve from 0.50000\n" in out


def test_best_only_with_max_mode_and_threshold(tmp_path: Path) -> None:
    path = tmp_path / "best.keras"
    checkpoint = ModelCheckpoint(
        path, monitor="val_acc", mode="max", save_best_only=True, initial_value_threshold=0.6
    )
    model = FakeModel()
    run_fit([checkpoint], model, [{"val_acc": v} for v in [0.5, 0.7, 0.65, 0.9]])
    assert len(model.saved) == 2  # 0.5 does not beat the threshold; 0.65 does not beat 0.7
    assert checkpoint.best == 0.9


def test_best_only_without_the_monitor_saves_and_warns(tmp_path: Path) -> None:
    checkpoint = ModelCheckpoint(tmp_path / "m.keras", save_best_only=True)
    model = FakeModel()
    with pytest.warns(UserWarning, match=r"^Can save best model only with val_loss available\.$"):
        run_fit([checkpoint], model, [{"loss": 1.0}])
    assert len(model.saved) == 1


def test_save_every_n_batches(tmp_path: Path) -> None:
    checkpoint = ModelCheckpoint(tmp_path / "e{epoch}-b{batch}.keras", save_freq=3)
    run_fit([checkpoint], FakeModel(), [{"loss": 1.0}] * 2, steps=4)
    # 8 batches over two epochs of 4: saves after global batches 3 and 6.
    assert names(tmp_path) == ["e1-b3.keras", "e2-b2.keras"]


def test_saved_weights_are_the_models(tmp_path: Path) -> None:
    model = FakeModel(weights=[[1.0, 2.0]])
    run_fit([ModelCheckpoint(tmp_path / "w.weights.h5", save_weights_only=True)], model, [{"loss": 1.0}])
    assert json.loads((tmp_path / "w.weights.h5").read_text())["weights"] == [[1.0, 2.0]]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"filepath": "a.h5", "save_weights_only": True},
            "When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided must end in "
            "`.weights.h5` (Keras weights format). Received: filepath=a.h5",
        ),
        (
            {"filepath": "a.txt"},
            "The filepath provided must end in `.keras` (Keras model format). Received: filepath=a.txt",
        ),
        (
            {"filepath": "a.keras", "save_freq": "batch"},
            "Unrecognized save_freq: batch. Expected save_freq are 'epoch' or integer values",
        ),
    ],
    ids=["weights-suffix", "model-suffix", "save-freq"],
)
def test_checkpoint_argument_errors(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        ModelCheckpoint(**kwargs)


def test_unknown_filepath_key(tmp_path: Path) -> None:
    checkpoint = ModelCheckpoint(str(tmp_path / "{nope}.keras"))
    with pytest.raises(KeyError) as error:
        run_fit([checkpoint], FakeModel(), [{"loss": 1.0}])
    assert (
        error.value.args[0]
        == f"Failed to format this callback filepath: \"{tmp_path}/{{nope}}.keras\". Reason: 'nope'"
    )


def test_directory_filepath_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dir.keras").mkdir()
    with pytest.raises(OSError, match=r"Please specify a non-directory filepath for ModelCheckpoint"):
        run_fit([ModelCheckpoint(tmp_path / "dir.keras")], FakeModel(), [{"loss": 1.0}])


# ---- BackupAndRestore --------------------------------------------------------------------


def set_weights_to_epoch(epoch: int, model: FakeModel) -> None:
    model.set_weights([np.full(2, float(epoch))])


class InterruptedRunError(Exception):
    pass


def interrupt_at(stop_epoch: int) -> Any:
    def on_epoch(epoch: int, model: FakeModel) -> None:
        set_weights_to_epoch(epoch, model)
        if epoch == stop_epoch:
            raise InterruptedRunError

    return on_epoch


def test_resumes_an_interrupted_fit(tmp_path: Path) -> None:
    backup_dir = tmp_path / "backup"
    logs = [{"loss": float(i)} for i in range(5)]
    model = FakeModel()
    with pytest.raises(InterruptedRunError):
        run_fit([BackupAndRestore(backup_dir)], model, logs, on_epoch=interrupt_at(2))
    assert names(backup_dir) == ["latest.weights.h5", "training_metadata.json"]
    assert json.loads((backup_dir / "training_metadata.json").read_text()) == {"epoch": 2, "batch": 0}

    resumed = FakeModel()
    history = run_fit([BackupAndRestore(backup_dir)], resumed, logs, on_epoch=set_weights_to_epoch)
    assert resumed.loaded == [str(backup_dir / "latest.weights.h5")]
    assert resumed._initial_epoch == 2
    assert history.epoch == [2, 3, 4]  # epochs 0 and 1 are not run again
    assert not backup_dir.exists()  # deleted once training completed


def test_restores_the_backed_up_weights(tmp_path: Path) -> None:
    model = FakeModel()
    callback = BackupAndRestore(tmp_path, delete_checkpoint=False)
    run_fit([callback], model, [{"loss": 1.0}] * 2, on_epoch=set_weights_to_epoch)
    fresh = FakeModel()
    CallbackList([BackupAndRestore(tmp_path)], model=fresh).on_train_begin()
    np.testing.assert_array_equal(fresh.weights[0], [1.0, 1.0])
    assert fresh._initial_epoch == 2


def test_save_every_n_batches_records_the_batch(tmp_path: Path) -> None:
    model = FakeModel()
    callback = BackupAndRestore(tmp_path, save_freq=3, delete_checkpoint=False)
    callbacks = CallbackList([callback], model=model)
    callbacks.on_train_begin()
    callbacks.on_epoch_begin(0)
    for batch in range(4):
        callbacks.on_train_batch_end(batch)
    assert json.loads((tmp_path / "training_metadata.json").read_text()) == {"epoch": 0, "batch": 2}


def test_double_checkpoint_falls_back_to_the_previous_backup(tmp_path: Path) -> None:
    model = FakeModel()
    run_fit(
        [BackupAndRestore(tmp_path, double_checkpoint=True, delete_checkpoint=False)],
        model,
        [{"loss": 1.0}] * 2,
        on_epoch=set_weights_to_epoch,
    )
    assert names(tmp_path) == [
        "latest.weights.h5",
        "latest.weights.h5.bkp",
        "training_metadata.json",
        "training_metadata.json.bkp",
    ]
    (tmp_path / "latest.weights.h5").write_text("broken")  # loading it raises an OSError

    class Strict(FakeModel):
        def load_weights(self, filepath: str) -> None:
            try:
                super().load_weights(filepath)
            except json.JSONDecodeError as error:
                raise OSError("unreadable") from error

    fresh = Strict()
    CallbackList([BackupAndRestore(tmp_path)], model=fresh).on_train_begin()
    np.testing.assert_array_equal(fresh.weights[0], [0.0, 0.0])  # the previous (epoch 0) backup
    assert fresh._initial_epoch == 1


def test_unbuilt_model_is_refused(tmp_path: Path) -> None:
    model = FakeModel()
    model.built = False
    with pytest.raises(ValueError, match=r"^To use the BackupAndRestore callback, you model must be built"):
        CallbackList([BackupAndRestore(tmp_path)], model=model).on_train_begin()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"backup_dir": ""}, r"^Empty `backup_dir` argument passed$"),
        (
            {"backup_dir": "b", "save_freq": "x"},
            r"^Invalid value for argument `save_freq`\. Received: save_freq=x\. "
            r"Expected either 'epoch' or an integer value\.$",
        ),
    ],
    ids=["empty-dir", "save-freq"],
)
def test_backup_argument_errors(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        BackupAndRestore(**kwargs)


def test_saving_callbacks_do_not_import_keras_saving() -> None:
    # In a fresh interpreter without the meta-package (whose keras/__init__.py imports
    # everything), importing the callbacks must not import keras.saving.
    code = (
        "import os, sys\n"
        "sys.path[:] = [p for p in sys.path if not os.path.exists(os.path.join(p, 'keras', '__init__.py'))]\n"
        "import keras.callbacks\n"
        "print(sorted(m for m in sys.modules if m.split('.')[:2] == ['keras', 'saving']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
