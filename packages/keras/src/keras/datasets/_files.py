"""Shared helpers of the built-in datasets: fetching into the cache, safe unpickling, splits.

Every dataset fetches its file through `keras.utils.get_file` (looked up at call time,
so a test can replace it), reads `.npz` archives without ever unpickling anything but
numpy arrays and plain containers, and shuffles with `np.random.RandomState(seed)` as
Keras does, so a seed gives the same split as Keras 3.
"""

from __future__ import annotations

import io
import pickle
import zipfile
from typing import IO, Any

import numpy as np

ORIGIN = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"

# The only globals a pickled numpy array (or a CIFAR batch) needs; anything else is refused.
_ALLOWED_GLOBALS = frozenset(
    {
        ("numpy", "ndarray"),
        ("numpy", "dtype"),
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
    }
)


class SafeUnpickler(pickle.Unpickler):
    """Unpickle plain containers and numpy arrays only; any other class is refused."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(
            f"Refusing to unpickle `{module}.{name}` while loading a Keras dataset: "
            "only numpy arrays and plain containers are allowed. The file may be corrupted or malicious."
        )


def fetch(fname: str, origin: str, file_hash: str | None = None, **kwargs: Any) -> str:
    """Return the local path of `fname`, fetched from `origin` into the Keras cache if needed."""
    from keras import utils  # the meta-package's get_file, looked up at call time

    return str(utils.get_file(fname=fname, origin=origin, file_hash=file_hash, **kwargs))


def _read_npy(stream: IO[bytes]) -> Any:
    """Read one `.npy` stream: numeric arrays without pickle, object arrays with `SafeUnpickler`."""
    version = np.lib.format.read_magic(stream)
    if version == (1, 0):
        dtype = np.lib.format.read_array_header_1_0(stream)[2]
    else:  # the 3.0 header differs from 2.0 only in its text encoding
        dtype = np.lib.format.read_array_header_2_0(stream)[2]
    if dtype.hasobject:
        return SafeUnpickler(stream).load()
    stream.seek(0)
    return np.lib.format.read_array(stream, allow_pickle=False)


def load_npz(path: str) -> dict[str, Any]:
    """Read every array of an `.npz` archive, never unpickling anything but numpy arrays."""
    arrays: dict[str, Any] = {}
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if member.endswith(".npy"):
                arrays[member[: -len(".npy")]] = _read_npy(io.BytesIO(archive.read(member)))
    return arrays


def check_test_split(test_split: float) -> None:
    if not 0 <= test_split < 1:
        raise ValueError(
            f"Invalid `test_split` argument: it must be between 0 and 1 (exclusive of 1). "
            f"Received: test_split={test_split}"
        )


def shuffled(seed: int, *arrays: Any) -> list[Any]:
    """Permute the arrays (all of one length) by one `RandomState(seed)` permutation."""
    indices = np.arange(len(arrays[0]))
    np.random.RandomState(seed).shuffle(indices)
    return [array[indices] for array in arrays]


def split(x: Any, y: Any, test_split: float) -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    """Split into `(x_train, y_train), (x_test, y_test)` with the first `1 - test_split` for training."""
    cut = int(len(x) * (1 - test_split))
    return (np.array(x[:cut]), np.array(y[:cut])), (np.array(x[cut:]), np.array(y[cut:]))


def load_cifar_batch(path: str, label_key: str = "labels") -> tuple[Any, list[int]]:
    """Read one pickled CIFAR batch: images of shape `(n, 3, 32, 32)` (uint8) and their labels."""
    with open(path, "rb") as handle:
        batch = SafeUnpickler(handle, encoding="bytes").load()
    batch = {key.decode("utf8") if isinstance(key, bytes) else key: value for key, value in batch.items()}
    data = batch["data"]
    return data.reshape(data.shape[0], 3, 32, 32), batch[label_key]


def to_image_data_format(*images: Any) -> list[Any]:
    """Transpose channels-first image batches to channels-last when that is the configured format."""
    from keras.backend import image_data_format

    if image_data_format() == "channels_last":
        return [batch.transpose(0, 2, 3, 1) for batch in images]
    return list(images)
