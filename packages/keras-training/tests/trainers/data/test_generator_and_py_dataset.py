"""Generator and PyDataset adapters, and the PyDataset base class."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from data_fixtures import ArrayPyDataset, InfinitePyDataset, N, X, Y, batches_to_numpy

from keras.trainers._data.epoch_iterator import EpochIterator, get_data_adapter
from keras.trainers._data.py_dataset import PyDataset, PyDatasetAdapter, Sequence


def generator(count: int = 5) -> Iterator[tuple[Any, Any]]:
    for i in range(count):
        yield np.full((2, 3), i, "float32"), np.full((2, 1), i, "float32")


def test_generator_batches_in_order_and_one_pass_only() -> None:
    adapter = get_data_adapter(generator())
    assert adapter.num_batches is None and not adapter.restartable
    batches = list(adapter)
    assert [int(b[0][0, 0]) for b in batches] == [0, 1, 2, 3, 4]
    assert batches[0][0].shape == (2, 3) and batches[0][2] is None
    assert list(adapter) == []


@pytest.mark.parametrize(
    ("source", "match"),
    [
        ((x for x in ()), "the generator must yield at least one batch. Received an empty generator."),
        (
            (x for x in [np.zeros(2)]),
            r"the generator must return a tuple, either \(input,\) or \(inputs, targets\)",
        ),
    ],
)
def test_generator_errors(source: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        get_data_adapter(source)


def test_generator_refuses_y_and_class_weight() -> None:
    with pytest.raises(ValueError, match="When providing `x` as a generator, `y` should not be passed"):
        get_data_adapter(generator(), y=Y)
    with pytest.raises(
        ValueError, match="Argument `class_weight` is not supported for Python generator inputs"
    ):
        get_data_adapter(generator(), class_weight={0: 2.0})


def test_py_dataset_batches_values_and_length() -> None:
    dataset = ArrayPyDataset(batch_size=4)
    adapter = get_data_adapter(dataset)
    assert isinstance(adapter, PyDatasetAdapter) and adapter.num_batches == 3
    batches = list(adapter)
    assert [b[0].shape for b in batches] == [(4, 3), (4, 3), (2, 3)]
    np.testing.assert_array_equal(np.concatenate([b[1] for b in batches]), Y)


def test_py_dataset_shuffle_permutes_batch_order() -> None:
    import random

    random.seed(3)
    adapter = get_data_adapter(ArrayPyDataset(batch_size=1), shuffle=True)
    orders = [[int(b[1][0, 0]) for b in adapter] for _ in range(3)]
    assert all(sorted(order) == list(range(N)) for order in orders)
    assert any(order != list(range(N)) for order in orders)


@pytest.mark.filterwarnings(
    "ignore:os.fork:RuntimeWarning"
)  # JAX's warning about forking: workers run numpy only
@pytest.mark.parametrize(
    "settings",
    [{"workers": 3}, {"workers": 2, "max_queue_size": 1}, {"workers": 2, "use_multiprocessing": True}],
    ids=["threads", "queue-of-one", "processes"],
)
def test_py_dataset_workers_keep_index_order(settings: dict[str, Any]) -> None:
    adapter = get_data_adapter(ArrayPyDataset(batch_size=2, **settings))
    for _ in range(2):
        batches = list(adapter)
        np.testing.assert_array_equal(np.concatenate([b[0] for b in batches]), X)


def test_py_dataset_class_weight_and_sample_weight_errors() -> None:
    (_, _, sw), *_ = list(get_data_adapter(ArrayPyDataset(batch_size=10), class_weight={3: 2.0}))
    np.testing.assert_allclose(sw, [2.0 if i == 3 else 1.0 for i in range(N)])

    class Weighted(ArrayPyDataset):
        def __getitem__(self, index: int) -> Any:
            x, y = super().__getitem__(index)
            return x, y, np.ones(len(x))

    with pytest.raises(ValueError, match=r"You cannot `class_weight` and `sample_weight` at the same time\."):
        list(get_data_adapter(Weighted(), class_weight={0: 1.0}))
    with pytest.raises(ValueError, match="When providing `x` as a PyDataset, `y` should not be passed"):
        get_data_adapter(ArrayPyDataset(), y=Y)


def test_py_dataset_bad_items_are_reported() -> None:
    class Bad(ArrayPyDataset):
        def __getitem__(self, index: int) -> Any:
            return (X, Y, Y, Y)

    with pytest.raises(ValueError, match=r"PyDataset.__getitem__\(\) must return a tuple or a dict"):
        list(get_data_adapter(Bad()))


def test_py_dataset_settings_and_missing_super_init_warning() -> None:
    dataset = ArrayPyDataset(workers=4, use_multiprocessing=True, max_queue_size=3)
    assert (dataset.workers, dataset.use_multiprocessing, dataset.max_queue_size) == (4, True, 3)
    assert Sequence is PyDataset

    class NoSuper(PyDataset):
        def __init__(self) -> None:
            pass

        def __len__(self) -> int:
            return 1

    with pytest.warns(UserWarning, match=r"should call `super\(\).__init__\(\*\*kwargs\)`"):
        assert NoSuper().workers == 1


def test_py_dataset_without_length_or_num_batches() -> None:
    with pytest.raises(NotImplementedError, match="You need to implement the `num_batches` property"):
        _ = PyDataset().num_batches
    assert [int(b[0][0, 0]) for b, _ in zip(InfinitePyDataset(), range(3), strict=False)] == [0, 1, 2]


def test_epoch_hooks_run_once_per_epoch_even_after_a_peek() -> None:
    dataset = ArrayPyDataset()
    iterator = EpochIterator(dataset)
    for _ in iterator.enumerate_epoch():  # the trainer's peek at the first batch
        iterator.reset()
        break
    for _ in range(2):
        steps = [step for step, _ in iterator.enumerate_epoch()]
        assert steps == [0, 1, 2]
    assert dataset.events == ["begin", "end", "begin", "end"]


def test_infinite_py_dataset_with_steps_per_epoch_continues() -> None:
    iterator = EpochIterator(InfinitePyDataset(), steps_per_epoch=2)
    seen = [[int(b[0][0, 0]) for _, group in iterator.enumerate_epoch() for b in group] for _ in range(3)]
    assert seen == [[0, 1], [2, 3], [4, 5]]


def test_infinite_generator_with_steps_per_epoch_and_steps_per_execution() -> None:
    def forever() -> Iterator[tuple[Any, ...]]:
        i = 0
        while True:
            yield (np.full((1, 1), i),)
            i += 1

    iterator = EpochIterator(forever(), steps_per_epoch=5, steps_per_execution=2)
    epochs = [
        [(step, [int(b[0][0, 0]) for b in group]) for step, group in iterator.enumerate_epoch()]
        for _ in range(2)
    ]
    assert epochs == [[(0, [0, 1]), (2, [2, 3]), (4, [4])], [(0, [5, 6]), (2, [7, 8]), (4, [9])]]


def test_finite_generator_runs_out_with_a_warning() -> None:
    iterator = EpochIterator(generator(5), steps_per_epoch=3)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        epochs = [
            [int(b[0][0, 0]) for _, group in iterator.enumerate_epoch() for b in group] for _ in range(3)
        ]
    assert epochs == [[0, 1, 2], [3, 4], []]
    assert sum("Your input ran out of data" in str(w.message) for w in caught) == 2
    assert batches_to_numpy([]) == []
