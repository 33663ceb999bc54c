"""`TensorBoard`: write training metrics (and weight histograms) as TensorBoard event files.

The event files are written with `tf.summary`, imported on first use: TensorFlow must be
installed, whatever the backend.
"""

from __future__ import annotations

import os
import time
import warnings
from typing import Any, ClassVar

import numpy as np

from keras import ops
from keras.backend import backend
from keras.callbacks._callback import Callback, Logs
from keras.callbacks._logs import pythonify_logs
from keras.callbacks._schedule import add_learning_rates
from keras.trainers._progbar import to_float

__all__ = ["TensorBoard"]


def _import_tensorflow() -> Any:
    try:
        import tensorflow as tf  # optional and heavy: imported when first needed
    except ImportError as error:
        raise ImportError(
            "The TensorBoard callback writes its event files with TensorFlow's summary writer and needs the "
            "`tensorflow` package (whatever the backend; `pip install tensorflow-cpu` is enough)."
        ) from error
    return tf


# Summaries are written as tensors tagged for TensorBoard's plugins (what `tf.summary.scalar`
# and friends do), so that the `tensorboard` package is not needed to write them.
def _metadata(tf: Any, plugin: str) -> Any:
    metadata = tf.compat.v1.SummaryMetadata()
    metadata.plugin_data.plugin_name = plugin
    return metadata


def _write_scalar(tf: Any, name: str, value: float, step: int) -> None:
    tf.summary.write(
        tag=name, tensor=tf.constant(value, tf.float32), step=step, metadata=_metadata(tf, "scalars")
    )


def _write_histogram(tf: Any, name: str, values: np.ndarray, step: int, buckets: int = 30) -> None:
    values = np.asarray(values, dtype="float64").ravel()
    if values.size == 0:
        table = np.zeros((buckets, 3))
    else:
        low, high = float(values.min()), float(values.max())
        if low == high:
            low, high = low - 0.5, high + 0.5
        counts, edges = np.histogram(values, bins=buckets, range=(low, high))
        table = np.stack([edges[:-1], edges[1:], counts.astype("float64")], axis=1)
    tf.summary.write(tag=name, tensor=tf.constant(table), step=step, metadata=_metadata(tf, "histograms"))


def _write_images(tf: Any, name: str, images: np.ndarray, step: int) -> None:
    # Float images are shown in [0, 1], as `tf.summary.image` clips them.
    pixels = (np.clip(images, 0.0, 1.0) * 255.0 + 0.5).astype("uint8")
    encoded = [tf.image.encode_png(image) for image in pixels]
    tensor = tf.stack([tf.constant(str(pixels.shape[2])), tf.constant(str(pixels.shape[1])), *encoded])
    tf.summary.write(tag=name, tensor=tensor, step=step, metadata=_metadata(tf, "images"))


def _profile_range(profile_batch: Any) -> tuple[int, int]:
    message = (
        "profile_batch must be a non-negative integer or 2-tuple of positive integers. A pair of positive "
        f"integers signifies a range of batches to profile. Found: {profile_batch}"
    )
    if isinstance(profile_batch, str):
        try:
            profile_batch = [int(part) for part in profile_batch.split(",")]
        except ValueError:
            raise ValueError(message) from None
        if len(profile_batch) == 1:
            profile_batch = profile_batch[0]
    if isinstance(profile_batch, int) and not isinstance(profile_batch, bool):
        start, stop = profile_batch, profile_batch
    elif isinstance(profile_batch, (tuple, list)) and len(profile_batch) == 2:
        start, stop = int(profile_batch[0]), int(profile_batch[1])
    else:
        raise ValueError(message)
    if start < 0 or stop < start:
        raise ValueError(message)
    return start, stop


class TensorBoard(Callback):
    """Log metrics, learning rate and weight histograms for TensorBoard.

    Writes to `log_dir/train` and `log_dir/validation`: `epoch_<metric>` scalars at each
    epoch's end (validation metrics without their `val_` prefix), `epoch_learning_rate`,
    `batch_<metric>` every `update_freq` batches, `evaluation_<metric>_vs_iterations` after
    each evaluation, and histograms of every weight each `histogram_freq` epochs. Start
    TensorBoard with `tensorboard --logdir=log_dir`. The files are written with TensorFlow's
    summary writer, so TensorFlow must be installed (with any backend); the `tensorboard`
    package itself is needed only to view them.

    Args:
        log_dir: Directory of the event files.
        histogram_freq: Every how many epochs to write weight histograms (0: never).
        write_graph: Whether to write the model's configuration (as the Keras graph
            plugin reads it), for models with `to_json`.
        write_images: Whether to also write 1-D and 2-D weights as images (with the
            histograms).
        write_steps_per_second: Whether to log the training steps per second.
        update_freq: `"epoch"`, `"batch"` (every batch) or an integer: write the batch
            metrics every that many batches.
        profile_batch: Batches to profile (an integer, a pair, or `"start,stop"`);
            validated, but profiling is not implemented: a nonzero value warns.
        embeddings_freq: Every how many epochs to save the weights for the embedding
            projector (0: never).
        embeddings_metadata: Ignored unless `embeddings_freq` is set; a file name, or a
            dict of layer name -> file name, for the projector's labels.

    Raises:
        ValueError: If `profile_batch` is malformed.
        ImportError: On first write, if TensorFlow is not installed.

    Example:

    >>> callback = TensorBoard(log_dir="./logs", update_freq=100)
    >>> callback.update_freq
    100
    """

    _handles_raw_batch_logs: ClassVar[bool] = True

    def __init__(
        self,
        log_dir: str | os.PathLike[str] = "logs",
        histogram_freq: int = 0,
        write_graph: bool = True,
        write_images: bool = False,
        write_steps_per_second: bool = False,
        update_freq: str | int = "epoch",
        profile_batch: Any = 0,
        embeddings_freq: int = 0,
        embeddings_metadata: Any = None,
    ) -> None:
        super().__init__()
        self.log_dir = os.fspath(log_dir)
        self.histogram_freq = histogram_freq
        self.write_graph = write_graph
        self.write_images = write_images
        self.write_steps_per_second = write_steps_per_second
        self.update_freq: str | int = 1 if update_freq == "batch" else update_freq
        self.embeddings_freq = embeddings_freq
        self.embeddings_metadata = embeddings_metadata
        if profile_batch and backend() not in ("jax", "tensorflow"):
            raise ValueError(
                f"Profiling is not yet available with the {backend()} backend. Please open a PR if you'd like "
                f"to add this feature. Received: profile_batch={profile_batch} (must be 0)"
            )
        self._start_batch, self._stop_batch = _profile_range(profile_batch)
        if self._stop_batch > 0:
            warnings.warn(
                "TensorBoard profiling is not implemented: `profile_batch` is ignored.", stacklevel=2
            )
        self._tf: Any = None
        self._writers: dict[str, Any] = {}
        self._global_train_batch = 0
        self._global_test_batch = 0
        self._batch_start_time = 0.0
        self._epoch_start_time = 0.0
        self._previous_epoch_iterations = 0.0
        self._train_dir = os.path.join(self.log_dir, "train")
        self._val_dir = os.path.join(self.log_dir, "validation")

    def _tensorflow(self) -> Any:
        if self._tf is None:
            self._tf = _import_tensorflow()
        return self._tf

    def _writer(self, kind: str) -> Any:
        if kind not in self._writers:
            directory = self._train_dir if kind == "train" else self._val_dir
            self._writers[kind] = self._tensorflow().summary.create_file_writer(directory)
        return self._writers[kind]

    def _write_scalars(self, kind: str, scalars: dict[str, Any], step: Any) -> None:
        numbers = {name: value for name, value in scalars.items() if isinstance(to_float(value), float)}
        if not numbers:
            return
        with self._writer(kind).as_default():
            for name, value in numbers.items():
                _write_scalar(self._tensorflow(), name, to_float(value), step)

    def set_model(self, model: Any) -> None:
        super().set_model(model)
        self._writers = {}
        if self.write_graph:
            self._write_model_config()

    def _write_model_config(self) -> None:
        to_json = getattr(self._model, "to_json", None)
        if not callable(to_json):
            return
        try:
            config = to_json()
        except Exception as error:  # a model that cannot be serialized still trains
            warnings.warn(f"Model failed to serialize as JSON. Ignoring... {error}", stacklevel=3)
            return
        tf = self._tensorflow()
        metadata = _metadata(tf, "graph_keras_model")
        metadata.plugin_data.content = b"1"
        with self._writer("train").as_default():
            tf.summary.write(tag="keras", tensor=tf.constant(config), step=0, metadata=metadata)

    def on_train_begin(self, logs: Logs | None = None) -> None:
        self._global_train_batch = 0

    def on_train_end(self, logs: Logs | None = None) -> None:
        for writer in self._writers.values():
            writer.close()
        self._writers = {}

    def on_train_batch_begin(self, batch: int, logs: Logs | None = None) -> None:
        self._global_train_batch += 1
        if self.write_steps_per_second:
            self._batch_start_time = time.time()

    def on_train_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        if self.update_freq == "epoch" or not isinstance(self.update_freq, int):
            return
        step = self._global_train_batch
        if step % self.update_freq:
            return
        scalars = {f"batch_{name}": value for name, value in pythonify_logs(logs).items()}
        if self.write_steps_per_second:
            scalars["batch_steps_per_second"] = 1.0 / max(time.time() - self._batch_start_time, 1e-12)
        self._write_scalars("train", scalars, step)

    def on_test_batch_begin(self, batch: int, logs: Logs | None = None) -> None:
        self._global_test_batch += 1

    def on_test_end(self, logs: Logs | None = None) -> None:
        optimizer = getattr(self.model, "optimizer", None)
        if optimizer is not None and hasattr(optimizer, "iterations") and logs:
            step = int(to_float(optimizer.iterations))
            self._write_scalars("val", {f"evaluation_{k}_vs_iterations": v for k, v in logs.items()}, step)

    def on_epoch_begin(self, epoch: int, logs: Logs | None = None) -> None:
        if self.write_steps_per_second:
            self._previous_epoch_iterations = to_float(self.model.optimizer.iterations)
            self._epoch_start_time = time.time()

    def on_epoch_end(self, epoch: int, logs: Logs | None = None) -> None:
        if logs:
            self._log_epoch_metrics(epoch, logs)
        if self.histogram_freq and epoch % self.histogram_freq == 0:
            self._log_weights(epoch)
        if self.embeddings_freq and epoch % self.embeddings_freq == 0:
            path = os.path.join(self.log_dir, "train", f"keras_embedding.ckpt-{epoch}.weights.h5")
            self.model.save_weights(path)

    def _log_epoch_metrics(self, epoch: int, logs: Logs) -> None:
        train = {k: v for k, v in logs.items() if not k.startswith("val_")}
        validation = {k[4:]: v for k, v in logs.items() if k.startswith("val_")}
        optimizer = getattr(self.model, "optimizer", None)
        optimizer = getattr(optimizer, "inner_optimizer", optimizer)
        if optimizer is not None and (
            hasattr(optimizer, "optimizers") or hasattr(optimizer, "learning_rate")
        ):
            add_learning_rates(optimizer, train)
        if self.write_steps_per_second:
            iterations = to_float(self.model.optimizer.iterations) - self._previous_epoch_iterations
            train["steps_per_second"] = iterations / max(time.time() - self._epoch_start_time, 1e-12)
        self._write_scalars("train", {f"epoch_{k}": v for k, v in train.items()}, epoch)
        self._write_scalars("val", {f"epoch_{k}": v for k, v in validation.items()}, epoch)

    def _log_weights(self, epoch: int) -> None:
        with self._writer("train").as_default():
            for layer in getattr(self.model, "layers", ()):
                for weight in layer.weights:
                    name = str(getattr(weight, "path", weight.name)).replace(":", "_")
                    value = ops.convert_to_numpy(weight)
                    _write_histogram(self._tensorflow(), f"{name}/histogram", value, epoch)
                    if self.write_images:
                        self._log_weight_as_image(value, f"{name}/image", epoch)
            self._writer("train").flush()

    def _log_weight_as_image(self, value: Any, name: str, epoch: int) -> None:
        image = value.squeeze()
        if image.ndim == 1:
            image = image.reshape(1, image.shape[0], 1, 1)
        elif image.ndim == 2:
            if image.shape[0] > image.shape[1]:
                image = image.T
            image = image.reshape(1, image.shape[0], image.shape[1], 1)
        elif image.ndim == 3:
            image = image.transpose(2, 0, 1)[..., None]
        if image.ndim == 4 and image.shape[-1] in (1, 3, 4):
            _write_images(self._tensorflow(), name, image, epoch)
