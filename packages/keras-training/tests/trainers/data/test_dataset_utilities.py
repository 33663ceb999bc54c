"""pad_sequences, timeseries_dataset_from_array, split_dataset and the *_dataset_from_directory functions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

pytest.importorskip("tensorflow", reason="these utilities build tf.data datasets")

from keras.trainers._data.directory import (
    image_dataset_from_directory,
    text_dataset_from_directory,
)
from keras.trainers._data.sequence_utils import pad_sequences
from keras.trainers._data.split import split_dataset
from keras.trainers._data.timeseries import timeseries_dataset_from_array


def _tf() -> Any:
    return pytest.importorskip("tensorflow", reason="this test needs tensorflow installed")


def _torch() -> Any:
    return pytest.importorskip("torch", reason="this test needs torch installed")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, [[1, 2, 3], [0, 4, 5], [0, 0, 6]]),
        ({"padding": "post"}, [[1, 2, 3], [4, 5, 0], [6, 0, 0]]),
        ({"maxlen": 2}, [[2, 3], [4, 5], [0, 6]]),
        ({"maxlen": 2, "truncating": "post"}, [[1, 2], [4, 5], [0, 6]]),
        ({"maxlen": 4, "value": -1}, [[-1, 1, 2, 3], [-1, -1, 4, 5], [-1, -1, -1, 6]]),
    ],
)
def test_pad_sequences(kwargs: dict[str, Any], expected: list[list[int]]) -> None:
    result = pad_sequences([[1, 2, 3], [4, 5], [6]], **kwargs)
    np.testing.assert_array_equal(result, expected)
    assert result.dtype == np.int32


def test_pad_sequences_features_floats_and_errors() -> None:
    result = pad_sequences([np.ones((2, 3)), np.ones((1, 3))], dtype="float32", value=0.5)
    assert result.shape == (2, 2, 3) and result[1, 0, 0] == 0.5
    with pytest.raises(ValueError, match='Padding type "middle" not understood'):
        pad_sequences([[1]], padding="middle")
    with pytest.raises(ValueError, match='Truncating type "x" not understood'):
        pad_sequences([[1]], truncating="x")
    with pytest.raises(ValueError, match=r"Shape of sample \(2,\) of sequence at position 1 is different"):
        pad_sequences([np.ones((2, 3)), np.ones((1, 2))])


def windows(dataset: Any) -> list[Any]:
    return [
        tuple(np.asarray(p).tolist() for p in e) if isinstance(e, tuple) else np.asarray(e).tolist()
        for e in dataset
    ]


def test_timeseries_windows_strides_rates_and_targets() -> None:
    data = np.arange(10)
    dataset = timeseries_dataset_from_array(data, None, sequence_length=3, sequence_stride=3, batch_size=None)
    assert windows(dataset) == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    dataset = timeseries_dataset_from_array(data, data * 10, sequence_length=2, sampling_rate=2, batch_size=4)
    batches = windows(dataset)
    assert batches[0] == ([[0, 2], [1, 3], [2, 4], [3, 5]], [0, 10, 20, 30])
    assert batches[-1] == ([[4, 6], [5, 7], [6, 8], [7, 9]], [40, 50, 60, 70])
    assert len(batches) == 2
    dataset = timeseries_dataset_from_array(
        data, None, sequence_length=2, start_index=5, end_index=9, batch_size=None
    )
    assert windows(dataset) == [[5, 6], [6, 7], [7, 8]]


def test_timeseries_shuffle_is_a_permutation_and_errors() -> None:
    data = np.arange(20)
    dataset = timeseries_dataset_from_array(
        data, data, sequence_length=4, shuffle=True, seed=1, batch_size=None
    )
    pairs = windows(dataset)
    assert sorted(p[1] for p in pairs) == list(range(17))
    assert all(p[0] == list(range(p[1], p[1] + 4)) for p in pairs)
    with pytest.raises(
        ValueError, match=r"`sampling_rate` must be higher than 0\. Received: sampling_rate=0"
    ):
        timeseries_dataset_from_array(data, None, 3, sampling_rate=0)
    with pytest.raises(ValueError, match=r'`format` should be either "tf" or "grain"\. Received: format=np'):
        timeseries_dataset_from_array(data, None, 3, format="np")


@pytest.mark.parametrize(
    ("left", "right", "sizes"), [(0.8, None, (8, 2)), (None, 3, (7, 3)), (2, 5, (2, 5)), (0.25, 0.5, (2, 5))]
)
def test_split_dataset_sizes_and_values(left: Any, right: Any, sizes: tuple[int, int]) -> None:
    x = np.arange(10)
    left_ds, right_ds = split_dataset(
        (x, x * 2), left_size=left, right_size=right, preferred_backend="tensorflow"
    )
    left_rows = [tuple(int(v) for v in e) for e in left_ds.as_numpy_iterator()]
    right_rows = [tuple(int(v) for v in e) for e in right_ds.as_numpy_iterator()]
    assert (len(left_rows), len(right_rows)) == sizes
    assert left_rows[0] == (0, 0) and right_rows[-1] == (9, 18)


def test_split_dataset_shuffle_and_tf_datasets() -> None:
    tf = _tf()
    left, right = split_dataset(
        np.arange(10), left_size=0.5, shuffle=True, seed=2, preferred_backend="tensorflow"
    )
    values = sorted(int(v) for v in [*left.as_numpy_iterator(), *right.as_numpy_iterator()])
    assert values == list(range(10))
    left, right = split_dataset(tf.data.Dataset.range(6), right_size=2)
    assert [int(v) for v in right.as_numpy_iterator()] == [4, 5]


def test_split_dataset_to_torch_datasets() -> None:
    _torch()
    left, right = split_dataset([np.arange(6.0), np.arange(6)], left_size=4, preferred_backend="torch")
    assert len(left) == 4 and len(right) == 2 and float(right[0][0]) == 4.0


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({}, ValueError, "At least one of the `left_size` or `right_size` must be specified"),
        ({"left_size": 1.5}, ValueError, r"`left_size` should be either a positive integer smaller than 10"),
        (
            {"left_size": 0.6, "right_size": 0.6},
            ValueError,
            "The sum of `left_size` and `right_size` is greater than 1",
        ),
        ({"left_size": "half"}, TypeError, "Invalid `left_size` Type"),
    ],
)
def test_split_dataset_errors(kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        split_dataset(np.arange(10), preferred_backend="tensorflow", **kwargs)


def write_png(path: Path, value: int, size: tuple[int, int] = (6, 4)) -> None:
    tf = _tf()
    path.parent.mkdir(parents=True, exist_ok=True)
    pixels = np.full((*size, 3), value, dtype="uint8")
    path.write_bytes(tf.io.encode_png(pixels).numpy())


def test_image_dataset_from_directory(tmp_path: Path) -> None:
    tf = _tf()
    for name, value in (("cats", 10), ("dogs", 200)):
        for i in range(3):
            write_png(tmp_path / name / f"{i}.png", value)
    (tmp_path / "dogs" / "notes.txt").write_text("ignored")
    dataset = image_dataset_from_directory(
        tmp_path, image_size=(3, 2), batch_size=4, shuffle=False, verbose=False
    )
    assert dataset.class_names == ["cats", "dogs"] and len(dataset.file_paths) == 6
    images, labels = next(iter(dataset))
    assert tuple(images.shape) == (4, 3, 2, 3) and images.dtype == tf.float32
    np.testing.assert_allclose(np.asarray(images)[:, 0, 0, 0], [10, 10, 10, 200])
    assert np.asarray(labels).tolist() == [0, 0, 0, 1]
    train, val = image_dataset_from_directory(
        tmp_path, image_size=(3, 2), label_mode="categorical", color_mode="grayscale", validation_split=0.5,
        subset="both", seed=3, verbose=False,
    )  # fmt: skip
    assert len(train.file_paths) == 3 and len(val.file_paths) == 3
    assert not set(train.file_paths) & set(val.file_paths)
    images, labels = next(iter(train))
    assert tuple(images.shape)[1:] == (3, 2, 1) and tuple(labels.shape)[1:] == (2,)


def test_text_dataset_from_directory_and_errors(tmp_path: Path) -> None:
    for name in ("neg", "pos"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(f"{name} review text")
    dataset = text_dataset_from_directory(
        tmp_path, batch_size=None, max_length=3, shuffle=False, verbose=False
    )
    assert [(bytes(t.numpy()), int(y)) for t, y in dataset] == [(b"neg", 0), (b"pos", 1)]
    with pytest.raises(
        ValueError, match="If using `validation_split` and shuffling the data, you must provide a `seed`"
    ):
        text_dataset_from_directory(tmp_path, validation_split=0.5, subset="training")
    with pytest.raises(
        ValueError, match='`label_mode` argument must be one of "int", "categorical", "binary", or None'
    ):
        text_dataset_from_directory(tmp_path, label_mode="sparse")
