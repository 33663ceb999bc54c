"""`EpochIterator`: the batches of one epoch, whatever the data was given as.

`fit`, `evaluate` and `predict` see data only through this: it picks an adapter for the
input (arrays, datasets, loaders, generators, `PyDataset`), honours `steps_per_epoch`
(continuing a source across epochs when it asks for fewer steps than one pass holds),
and hands out `steps_per_execution` batches at a time as `(x, y, sample_weight)`
tuples of numpy arrays or the active backend's tensors.
"""

from __future__ import annotations

import types
import warnings
from collections.abc import Iterator, Mapping
from typing import Any

from keras.backend._switches import SWITCHES
from keras.trainers._data.adapter import DataAdapter
from keras.trainers._data.array_adapter import ArrayDataAdapter, is_array_like
from keras.trainers._data.data_utils import Batch, raise_unsupported_arg
from keras.trainers._data.generator_adapter import GeneratorDataAdapter
from keras.trainers._data.py_dataset import PyDataset, PyDatasetAdapter
from keras.trainers._data.tf_dataset_adapter import TFDatasetAdapter, is_tf_dataset
from keras.trainers._data.torch_adapter import TorchDataLoaderAdapter, is_torch_dataloader


def _reject_extras(y: Any, sample_weight: Any, input_type: str) -> None:
    if y is not None:
        raise_unsupported_arg("y", "the targets", input_type)
    if sample_weight is not None:
        raise_unsupported_arg("sample_weights", "the sample weights", input_type)


def _ignored_shuffle(shuffle: bool | str, input_type: str) -> None:
    if shuffle:
        warnings.warn(
            f"`shuffle=True` was passed, but will be ignored since the data `x` was provided as a {input_type}. "
            f"The {input_type} is expected to already be shuffled.",
            stacklevel=5,  # the user's call of fit/evaluate/predict
        )


def get_data_adapter(
    x: Any,
    y: Any = None,
    sample_weight: Any = None,
    batch_size: int | None = None,
    steps_per_epoch: int | None = None,
    shuffle: bool | str = False,
    class_weight: Mapping[int, float] | None = None,
) -> DataAdapter:
    """Return the adapter that iterates `x` (and `y`, `sample_weight` for arrays).

    Args:
        x: Arrays (or a list/dict of them, pandas objects included), a
            `tf.data.Dataset`, a torch `DataLoader`, a Python generator or a
            `keras.utils.PyDataset`. An adapter is returned as it is.
        y: Targets, for arrays only.
        sample_weight: Per-sample weights, for arrays only.
        batch_size: Samples per batch, for arrays only.
        steps_per_epoch: Steps per epoch (sets the batch size of arrays when
            `batch_size` is None).
        shuffle: Whether to shuffle arrays and `PyDataset`s each epoch.
        class_weight: `{class_index: weight}`, turned into sample weights.

    Returns:
        A `DataAdapter`.

    Raises:
        ValueError: For an unrecognized `x`, or `y`/`sample_weight` beside a dataset.
    """
    if isinstance(x, DataAdapter):
        return x
    if is_array_like((x, y, sample_weight)):
        return ArrayDataAdapter(x, y, sample_weight, batch_size, steps_per_epoch, shuffle, class_weight)
    if is_tf_dataset(x):
        _reject_extras(y, sample_weight, "tf.data.Dataset")
        _ignored_shuffle(shuffle, "tf.data.Dataset")
        return TFDatasetAdapter(x, class_weight=class_weight)
    if isinstance(x, PyDataset):
        _reject_extras(y, sample_weight, "PyDataset")
        return PyDatasetAdapter(x, class_weight=class_weight, shuffle=shuffle)
    if is_torch_dataloader(x):
        _reject_extras(y, sample_weight, "torch DataLoader")
        if class_weight is not None:
            raise ValueError(
                "Argument `class_weight` is not supported for torch DataLoader inputs. You can modify your "
                "`__getitem__ ` method to return input tensor, label and class_weight. Alternatively, use a custom "
                f"training loop. Received: class_weight={class_weight}"
            )
        _ignored_shuffle(shuffle, "torch DataLoader")
        return TorchDataLoaderAdapter(x)
    if isinstance(x, (types.GeneratorType, Iterator)):
        _reject_extras(y, sample_weight, "generator")
        if class_weight is not None:
            raise ValueError(
                f"Argument `class_weight` is not supported for Python generator inputs. Received: class_weight={class_weight}"
            )
        _ignored_shuffle(shuffle, "generator")
        return GeneratorDataAdapter(x)
    raise ValueError(f"Unrecognized data type: x={x} (of type {type(x)})")


class EpochIterator:
    """Iterate the batches of each epoch, `steps_per_execution` at a time.

    Without `steps_per_epoch` an epoch is one pass over the data (a generator's pass
    ends when it is exhausted). With it, each epoch takes that many steps from where the
    last one stopped; a pass that ends early ends the epoch with a warning, and the next
    epoch starts a new pass. `reset()` drops the current pass (after a peek at the
    first batch: that batch is handed out again, even by a generator).
    """

    def __init__(
        self,
        x: Any,
        y: Any = None,
        sample_weight: Any = None,
        batch_size: int | None = None,
        steps_per_epoch: int | None = None,
        shuffle: bool | str = False,
        class_weight: Mapping[int, float] | None = None,
        steps_per_execution: int = 1,
    ) -> None:
        cap = SWITCHES.max_steps_per_epoch
        if cap and (not steps_per_epoch or cap < steps_per_epoch):
            warnings.warn(f"Limiting steps_per_epoch to {cap}", stacklevel=2)
            steps_per_epoch = cap
        self.adapter = get_data_adapter(
            x, y, sample_weight, batch_size, steps_per_epoch, shuffle, class_weight
        )
        self.steps_per_epoch = steps_per_epoch
        self.steps_per_execution = max(1, int(steps_per_execution))
        self._num_batches = self.adapter.num_batches
        self._iterator: Iterator[Batch] | None = None
        self._seen = 0  # batches taken from the current pass
        self._replay: list[Batch] = []  # a peeked group a one-shot source must hand out again
        self._first_group: list[Batch] | None = None
        self._epoch_open = False

    @property
    def num_batches(self) -> int | None:
        """Steps per epoch: `steps_per_epoch`, else the batches of one pass (None if unknown)."""
        if self.steps_per_epoch is not None:
            return int(self.steps_per_epoch)
        return self._num_batches

    def _new_pass(self) -> None:
        self._iterator = iter(self.adapter)
        self._seen = 0
        self._first_group = None

    def _take(self, count: int) -> list[Batch]:
        group: list[Batch] = []
        while self._replay and len(group) < count:
            group.append(self._replay.pop(0))
        assert self._iterator is not None
        while len(group) < count:
            batch = next(self._iterator, None)
            if batch is None:
                break
            group.append(batch)
        self._seen += len(group)
        if self._first_group is None:
            self._first_group = list(group)
        return group

    def _ran_out(self) -> None:
        warnings.warn(
            "Your input ran out of data; interrupting training. Make sure that your dataset or generator can "
            "generate at least `steps_per_epoch * epochs` batches. You may need to use the `.repeat()` function "
            "when building your dataset.",
            stacklevel=3,
        )

    def enumerate_epoch(self) -> Iterator[tuple[int, list[Batch]]]:
        """Yield `(first_step_index, batches)` until the epoch ends."""
        if not self._epoch_open:
            self.adapter.on_epoch_begin()
            self._epoch_open = True
        limit = self.steps_per_epoch
        if self._iterator is None or limit is None:
            self._new_pass()
        step = 0
        while limit is None or step < limit:
            wanted = (
                self.steps_per_execution if limit is None else min(self.steps_per_execution, limit - step)
            )
            group = self._take(wanted)
            exhausted = len(group) < wanted
            if exhausted:
                if self._num_batches is None and self.adapter.restartable:
                    self._num_batches = self._seen
                if limit is not None or (step == 0 and not group):
                    self._ran_out()
                self._iterator = None
            if group:
                yield step, group
                step += len(group)
            if exhausted:
                break
            if limit is not None and self._num_batches is not None and self._seen >= self._num_batches:
                if step < limit:
                    self._ran_out()
                self._iterator = None  # the next epoch starts a new pass
                break
        self.adapter.on_epoch_end()
        self._epoch_open = False

    def reset(self) -> None:
        """Drop the current pass; a one-shot source hands out its first group again."""
        if (
            not self.adapter.restartable
            and self._first_group is not None
            and self._seen == len(self._first_group)
        ):
            self._replay = self._first_group + self._replay
        self._iterator = None
        self._seen = 0
        self._first_group = None
