"""ArrayDataAdapter: batches of numpy arrays, tensors, pandas objects, lists and dicts."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from data_fixtures import N, X, Y

from keras import ops
from keras.trainers._data.array_adapter import ArrayDataAdapter
from keras.trainers._data.epoch_iterator import get_data_adapter


class FakeFrame:
    """The part of a pandas DataFrame the adapter relies on."""

    def __init__(self, values: np.ndarray[Any, Any]) -> None:
        self._values = values
        self.shape = values.shape

    def to_numpy(self) -> np.ndarray[Any, Any]:
        return self._values


@pytest.mark.parametrize(
    ("batch_size", "sizes"), [(4, [4, 4, 2]), (5, [5, 5]), (10, [10]), (32, [10]), (3, [3, 3, 3, 1])]
)
def test_batches_keep_order_values_and_a_partial_last_batch(batch_size: int, sizes: list[int]) -> None:
    adapter = ArrayDataAdapter(X, Y, batch_size=batch_size)
    batches = list(adapter)
    assert adapter.num_batches == len(sizes)
    assert adapter.has_partial_batch == (N % batch_size != 0)
    assert [len(b[0]) for b in batches] == sizes
    np.testing.assert_array_equal(np.concatenate([b[0] for b in batches]), X)
    np.testing.assert_array_equal(np.concatenate([b[1] for b in batches]), Y)
    assert all(b[2] is None for b in batches)


def test_batch_size_defaults_to_32_or_follows_steps_per_epoch() -> None:
    assert ArrayDataAdapter(np.zeros((100, 1))).batch_size == 32
    assert ArrayDataAdapter(np.zeros((100, 1)), steps_per_epoch=3).batch_size == 34


def test_shuffle_is_a_permutation_that_keeps_x_and_y_aligned() -> None:
    np.random.seed(0)
    adapter = ArrayDataAdapter(X, Y, batch_size=4, shuffle=True)
    orders = []
    for _ in range(2):
        batches = list(adapter)
        xs = np.concatenate([b[0] for b in batches])
        ys = np.concatenate([b[1] for b in batches])
        np.testing.assert_array_equal(xs[:, 0] / 3, ys[:, 0])  # rows stay paired
        assert sorted(ys[:, 0].tolist()) == list(range(N))
        orders.append(ys[:, 0].tolist())
    assert orders[0] != list(range(N)) or orders[1] != list(range(N))


def test_batch_shuffle_shuffles_inside_each_batch_and_keeps_batch_order() -> None:
    np.random.seed(1)
    batches = list(ArrayDataAdapter(X, Y, batch_size=4, shuffle="batch"))
    assert [sorted(b[1][:, 0].tolist()) for b in batches] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert [b[1][:, 0].tolist() for b in batches][:2] != [[0, 1, 2, 3], [4, 5, 6, 7]]
    np.testing.assert_array_equal(
        np.concatenate([b[0] for b in batches])[:, 0] / 3, np.concatenate([b[1] for b in batches])[:, 0]
    )


def test_nested_structures_and_sample_weights_are_sliced_together() -> None:
    sw = np.linspace(0, 1, N).astype("float32")
    x = {"a": X, "b": [Y, X[:, :1]]}
    batches = list(ArrayDataAdapter(x, (Y, Y * 2), sample_weight=sw, batch_size=6))
    first_x, first_y, _first_sw = batches[0]
    np.testing.assert_array_equal(first_x["a"], X[:6])
    np.testing.assert_array_equal(first_x["b"][1], X[:6, :1])
    np.testing.assert_array_equal(first_y[1], Y[:6] * 2)
    np.testing.assert_array_equal(batches[1][2], sw[6:])


def test_backend_tensors_and_pandas_like_objects_become_numpy() -> None:
    adapter = ArrayDataAdapter(ops.convert_to_tensor(X), FakeFrame(Y), batch_size=4)
    x, y, _ = next(iter(adapter))
    assert isinstance(x, np.ndarray) and isinstance(y, np.ndarray)
    np.testing.assert_array_equal(x, X[:4])
    np.testing.assert_array_equal(y, Y[:4])


def test_real_pandas_frames_and_series() -> None:
    pd = pytest.importorskip("pandas", reason="pandas is an optional input type")
    frame = pd.DataFrame(X, columns=["a", "b", "c"])
    series = pd.Series(Y[:, 0])
    x, y, _ = next(iter(ArrayDataAdapter(frame, series, batch_size=4)))
    np.testing.assert_array_equal(x, X[:4])
    np.testing.assert_array_equal(y, Y[:4, 0])


@pytest.mark.parametrize(
    ("y", "class_weight", "expected"),
    [
        (np.array([0, 1, 2, 1]), {0: 0.5, 1: 2.0}, [0.5, 2.0, 1.0, 2.0]),
        (np.array([[0], [1], [2], [1]]), {2: 3.0}, [1.0, 1.0, 3.0, 1.0]),
        (np.eye(3)[[2, 0, 1, 2]], {0: 0.1, 1: 0.2, 2: 0.3}, [0.3, 0.1, 0.2, 0.3]),
        (np.array([0.0, 1.0, 0.9, 0.2]), {0: 4.0, 1: 8.0}, [4.0, 8.0, 8.0, 4.0]),  # rounded
    ],
)
def test_class_weight_becomes_per_sample_weights(
    y: Any, class_weight: dict[int, float], expected: list[float]
) -> None:
    (_, _, sample_weight), *_ = list(
        ArrayDataAdapter(np.zeros((4, 1)), y, batch_size=4, class_weight=class_weight)
    )
    np.testing.assert_allclose(sample_weight, expected)
    assert sample_weight.dtype == np.float32


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        (
            {"x": X, "y": Y[:7]},
            r"Data cardinality is ambiguous\. Make sure all arrays contain the same number of samples\.'x' sizes: 10\n'y' sizes: 7\n",
        ),
        (
            {"x": X, "y": Y, "sample_weight": np.ones(10), "class_weight": {0: 1.0}},
            "You cannot `class_weight` and `sample_weight` at the same time.",
        ),
        (
            {"x": X, "y": (Y, Y), "class_weight": {0: 1.0}},
            "`class_weight` is only supported for Models with a single output.",
        ),
        ({"x": "not data"}, r"Unrecognized data type: x=not data \(of type <class 'str'>\)"),
        ({"x": [[1.0, 2.0]]}, "Unrecognized data type"),
    ],
)
def test_errors(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        get_data_adapter(**kwargs)
