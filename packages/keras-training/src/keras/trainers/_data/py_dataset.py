"""`keras.utils.PyDataset` (alias `Sequence`) and the adapter that feeds it to the trainers.

A `PyDataset` gives whole batches by index. With `workers > 1` the adapter reads the
next `max_queue_size` batches ahead on a thread pool; with `use_multiprocessing=True`
on a process pool (forked on Linux; elsewhere spawned, which needs a picklable
dataset, else it falls back to threads with a warning). Batches always come out in
index order, whatever the pool.
"""

from __future__ import annotations

import itertools
import multiprocessing
import pickle
import random
import sys
import warnings
from collections import deque
from collections.abc import Iterator, Mapping
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

from keras.trainers._data.adapter import DataAdapter
from keras.trainers._data.data_utils import Batch, add_class_weight, standardize_batch


class PyDataset:
    """Base class for datasets written in Python that hand out whole batches by index.

    Subclass it, call `super().__init__(**kwargs)`, and implement `__getitem__(index)`
    (returning `x`, `(x,)`, `(x, y)` or `(x, y, sample_weight)` for batch `index`) and
    `__len__()` (the number of batches), or the `num_batches` property (`None` for an
    infinite dataset). `on_epoch_begin()` and `on_epoch_end()` run around each epoch of
    `fit`, e.g. to reshuffle samples.

    Args:
        workers: How many threads (or processes) read batches ahead during `fit`,
            `evaluate` and `predict`; 1 reads them in the training loop's thread.
        use_multiprocessing: Read batches in processes rather than threads: worth it
            for CPU-bound `__getitem__`s; the dataset is forked (Linux) or pickled.
        max_queue_size: How many batches may be read ahead at most.

    Example:

    >>> import math
    >>> class Squares(keras.utils.PyDataset):
    ...     def __init__(self, n, batch_size, **kwargs):
    ...         super().__init__(**kwargs)
    ...         self.x = np.arange(n, dtype="float32")
    ...         self.batch_size = batch_size
    ...     def __len__(self):
    ...         return math.ceil(len(self.x) / self.batch_size)
    ...     def __getitem__(self, index):
    ...         x = self.x[index * self.batch_size : (index + 1) * self.batch_size]
    ...         return x, x**2
    >>> data = Squares(5, batch_size=2)
    >>> data.num_batches
    3
    >>> data[2]
    (array([4.], dtype=float32), array([16.], dtype=float32))
    """

    def __init__(self, workers: int = 1, use_multiprocessing: bool = False, max_queue_size: int = 10) -> None:
        self._workers = workers
        self._use_multiprocessing = use_multiprocessing
        self._max_queue_size = max_queue_size

    def _setting(self, name: str, default: Any) -> Any:
        if not hasattr(self, name):
            warnings.warn(
                "Your `PyDataset` class should call `super().__init__(**kwargs)` in its constructor. `**kwargs` "
                "can include `workers`, `use_multiprocessing`, `max_queue_size`. Do not pass these arguments to "
                "`fit()`, as they will be ignored.",
                stacklevel=3,
            )
            setattr(self, name, default)
        return getattr(self, name)

    @property
    def workers(self) -> int:
        """How many threads or processes read batches ahead."""
        return int(self._setting("_workers", 1))

    @workers.setter
    def workers(self, value: int) -> None:
        self._workers = value

    @property
    def use_multiprocessing(self) -> bool:
        """Whether batches are read in processes rather than threads."""
        return bool(self._setting("_use_multiprocessing", False))

    @use_multiprocessing.setter
    def use_multiprocessing(self, value: bool) -> None:
        self._use_multiprocessing = value

    @property
    def max_queue_size(self) -> int:
        """How many batches may be read ahead at most."""
        return int(self._setting("_max_queue_size", 10))

    @max_queue_size.setter
    def max_queue_size(self, value: int) -> None:
        self._max_queue_size = value

    def __getitem__(self, index: int) -> Any:
        """Return batch number `index`."""
        raise NotImplementedError

    @property
    def num_batches(self) -> int | None:
        """The number of batches, or `None` for an infinite dataset (defaults to `len(self)`)."""
        if hasattr(self, "__len__"):
            return len(self)
        raise NotImplementedError(
            "You need to implement the `num_batches` property:\n\n@property\ndef num_batches(self):\n  return ..."
        )

    def on_epoch_begin(self) -> None:
        """Called at the beginning of every epoch."""

    def on_epoch_end(self) -> None:
        """Called at the end of every epoch."""

    def __iter__(self) -> Iterator[Any]:
        count = self.num_batches
        for index in itertools.count() if count is None else range(count):
            yield self[index]


Sequence = PyDataset

# The dataset a worker process reads from, set once per process by `_init_worker`.
_WORKER_DATASET: Any = None


def _init_worker(dataset: Any) -> None:
    global _WORKER_DATASET
    _WORKER_DATASET = dataset


def _worker_getitem(index: int) -> Any:
    return _WORKER_DATASET[index]


def _is_picklable(value: Any) -> bool:
    try:
        pickle.dumps(value)
    except Exception:
        return False
    return True


class PyDatasetAdapter(DataAdapter):
    """Iterate a `PyDataset` in index order (shuffled per pass when asked), reading ahead with its workers."""

    def __init__(
        self, dataset: PyDataset, class_weight: Mapping[int, float] | None = None, shuffle: bool | str = False
    ) -> None:
        self._dataset = dataset
        self._class_weight = class_weight
        self._shuffle = bool(shuffle)
        self._workers = max(1, dataset.workers)
        self._use_processes = dataset.use_multiprocessing
        self._queue_size = max(1, dataset.max_queue_size)
        self._context = "fork" if sys.platform.startswith("linux") else "spawn"
        if self._use_processes and self._context == "spawn" and not _is_picklable(dataset):
            warnings.warn(
                "`use_multiprocessing=True` needs a picklable PyDataset on this platform; reading batches with "
                "threads instead.",
                stacklevel=2,
            )
            self._use_processes = False

    @property
    def num_batches(self) -> int | None:
        return self._dataset.num_batches

    def on_epoch_begin(self) -> None:
        self._dataset.on_epoch_begin()

    def on_epoch_end(self) -> None:
        self._dataset.on_epoch_end()

    def _indices(self) -> Iterator[int]:
        count = self._dataset.num_batches
        if count is None:
            return itertools.count()
        indices = list(range(count))
        if self._shuffle:
            random.shuffle(indices)
        return iter(indices)

    def _executor(self) -> Executor:
        if self._use_processes:
            return ProcessPoolExecutor(
                self._workers,
                mp_context=multiprocessing.get_context(self._context),
                initializer=_init_worker,
                initargs=(self._dataset,),
            )
        return ThreadPoolExecutor(self._workers)

    def _read_ahead(self, indices: Iterator[int]) -> Iterator[Any]:
        executor = self._executor()
        pending: deque[Future[Any]] = deque()
        read = _worker_getitem if self._use_processes else self._dataset.__getitem__
        try:
            for index in itertools.islice(indices, self._queue_size):
                pending.append(executor.submit(read, index))
            while pending:
                element = pending.popleft().result()
                for index in itertools.islice(indices, 1):
                    pending.append(executor.submit(read, index))
                yield element
        finally:
            for future in pending:
                future.cancel()
            executor.shutdown(wait=True, cancel_futures=True)

    def __iter__(self) -> Iterator[Batch]:
        indices = self._indices()
        parallel = self._workers > 1 or self._use_processes
        elements = self._read_ahead(indices) if parallel else (self._dataset[index] for index in indices)
        for element in elements:
            yield add_class_weight(standardize_batch(element, "PyDataset.__getitem__()"), self._class_weight)
