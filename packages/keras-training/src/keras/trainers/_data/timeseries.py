"""`keras.utils.timeseries_dataset_from_array`: sliding windows over a series as a `tf.data.Dataset`."""

from __future__ import annotations

from typing import Any

import numpy as np

from keras.trainers._data.data_utils import import_tensorflow


def _check_window_args(
    length: int, start_index: int | None, end_index: int | None, sampling_rate: int, sequence_stride: int
) -> None:
    if start_index:
        if start_index < 0:
            raise ValueError(f"`start_index` must be 0 or greater. Received: start_index={start_index}")
        if start_index >= length:
            raise ValueError(
                f"`start_index` must be lower than the length of the data. Received: start_index={start_index}, "
                f"for data of length {length}"
            )
    if end_index:
        if start_index and end_index <= start_index:
            raise ValueError(
                f"`end_index` must be higher than `start_index`. Received: start_index={start_index}, and "
                f"end_index={end_index} "
            )
        if end_index >= length:
            raise ValueError(
                f"`end_index` must be lower than the length of the data. Received: end_index={end_index}, for "
                f"data of length {length}"
            )
        if end_index <= 0:
            raise ValueError(f"`end_index` must be higher than 0. Received: end_index={end_index}")
    for name, value in (("sampling_rate", sampling_rate), ("sequence_stride", sequence_stride)):
        if value <= 0:
            raise ValueError(f"`{name}` must be higher than 0. Received: {name}={value}")
        if value >= length:
            raise ValueError(
                f"`{name}` must be lower than the length of the data. Received: {name}={value}, for data of "
                f"length {length}"
            )


def timeseries_dataset_from_array(
    data: Any,
    targets: Any,
    sequence_length: int,
    sequence_stride: int = 1,
    sampling_rate: int = 1,
    batch_size: int | None = 128,
    shuffle: bool = False,
    seed: int | None = None,
    start_index: int | None = None,
    end_index: int | None = None,
    format: str = "tf",
) -> Any:
    """Return a dataset of sliding windows over `data` (and the matching `targets`).

    Window `i` starts at step `p_i = i * sequence_stride` (counted from `start_index`)
    and holds `data[p_i + j * sampling_rate]` for `j < sequence_length`; its target is
    `targets[p_i]`.

    Args:
        data: An array of time steps `(steps, *features)`.
        targets: An array with one target per step (the one of each window's first
            step is used), or None for windows alone.
        sequence_length: Steps per window.
        sequence_stride: Steps between the starts of consecutive windows.
        sampling_rate: Steps between two samples inside a window.
        batch_size: Windows per batch; None gives unbatched windows.
        shuffle: Whether to shuffle the windows (once, with `seed`).
        seed: The shuffling seed.
        start_index: The first step used (windows start at or after it).
        end_index: The step after the last one used.
        format: `"tf"` (a `tf.data.Dataset`, needs TensorFlow); `"grain"` is not
            supported here.

    Returns:
        A `tf.data.Dataset` of windows, or of `(windows, targets)`.

    Raises:
        ValueError: For out-of-range indices, strides or rates, or an unknown `format`.
        ImportError: When TensorFlow is not installed.

    Example:

    >>> dataset = keras.utils.timeseries_dataset_from_array(
    ...     np.arange(10), None, sequence_length=3, sequence_stride=3, batch_size=None
    ... )  # doctest: +SKIP
    >>> [w.tolist() for w in dataset.as_numpy_iterator()]  # doctest: +SKIP
    [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    """
    length = len(data)
    _check_window_args(length, start_index, end_index, sampling_rate, sequence_stride)
    if format not in ("tf", "grain"):
        raise ValueError(f'`format` should be either "tf" or "grain". Received: format={format}')
    if format == "grain":
        raise NotImplementedError(
            '`format="grain"` is not supported by this implementation. Use `format="tf"`.'
        )
    tf = import_tensorflow("timeseries_dataset_from_array")
    start = start_index or 0
    stop = end_index if end_index is not None else length
    num_windows = stop - start - (sequence_length - 1) * sampling_rate
    if targets is not None:
        num_windows = min(num_windows, len(targets))
    starts = np.arange(0, max(num_windows, 0), sequence_stride, dtype="int64")
    if shuffle:
        np.random.RandomState(seed if seed is not None else np.random.randint(1_000_000)).shuffle(starts)
    offsets = np.arange(0, sequence_length * sampling_rate, sampling_rate, dtype="int64")
    series = tf.convert_to_tensor(np.asarray(data)[start:stop])
    dataset = tf.data.Dataset.from_tensor_slices(starts).map(lambda p: tf.gather(series, p + offsets))
    if targets is not None:
        target_series = tf.convert_to_tensor(np.asarray(targets)[start:stop])
        target_dataset = tf.data.Dataset.from_tensor_slices(starts).map(lambda p: tf.gather(target_series, p))
        dataset = tf.data.Dataset.zip((dataset, target_dataset))
    if batch_size is not None:
        dataset = dataset.batch(batch_size)
    return dataset.prefetch(tf.data.AUTOTUNE)
