"""keras.datasets: each loader on tiny synthetic files in Keras's formats (no network)."""

from __future__ import annotations

import gzip
import json
import os
import pickle
import re
import tarfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from keras import datasets, utils
from keras.backend import image_data_format, set_image_data_format

Fetcher = Callable[..., Any]

REFERENCE = {
    "boston_housing": ["load_data"],
    "california_housing": ["load_data"],
    "cifar10": ["load_data"],
    "cifar100": ["load_data"],
    "fashion_mnist": ["load_data"],
    "imdb": ["get_word_index", "load_data"],
    "mnist": ["load_data"],
    "reuters": ["get_label_names", "get_word_index", "load_data"],
}


@pytest.fixture
def sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Serve the datasets' URLs from local files: `sources[basename of URL] = local file`.

    The real `get_file` still runs (cache folders, extraction) with a local origin,
    in a temporary cache, and without the published hashes (the files are synthetic).
    """
    served: dict[str, Path] = {}
    real_get_file = utils.get_file
    calls: list[dict[str, Any]] = []

    def fake_get_file(fname: str, origin: str, file_hash: str | None = None, **kwargs: Any) -> str:
        calls.append({"fname": fname, "origin": origin, "file_hash": file_hash, **kwargs})
        local = served[origin.rsplit("/", 1)[-1]]
        return str(real_get_file(fname=fname, origin=str(local), cache_dir=str(tmp_path / "cache"), **kwargs))

    monkeypatch.setattr(utils, "get_file", fake_get_file)
    served["__calls__"] = calls  # type: ignore[assignment]
    served["__dir__"] = tmp_path  # type: ignore[assignment]
    return served


def _ragged(*rows: list[int]) -> Any:
    array = np.empty(len(rows), dtype="object")
    array[:] = [list(row) for row in rows]
    return array


def _save_npz(sources: dict[str, Any], name: str, **arrays: Any) -> None:
    path = Path(sources["__dir__"]) / name
    with open(path, "wb") as handle:
        np.savez(handle, **arrays)
    sources[name] = path


def test_namespace_matches_reference() -> None:
    assert datasets.__all__ == sorted(REFERENCE)
    for module, names in REFERENCE.items():
        submodule = getattr(datasets, module)
        assert submodule.__all__ == names
        for name in names:
            assert callable(getattr(submodule, name))


def test_mnist_returns_the_stored_arrays(sources: dict[str, Any]) -> None:
    x_train = np.arange(3 * 28 * 28, dtype="uint8").reshape(3, 28, 28)
    x_test = np.full((2, 28, 28), 7, dtype="uint8")
    y_train, y_test = np.array([1, 2, 3], "uint8"), np.array([4, 5], "uint8")
    _save_npz(sources, "mnist.npz", x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
    (xa, ya), (xb, yb) = datasets.mnist.load_data()
    for got, want in ((xa, x_train), (ya, y_train), (xb, x_test), (yb, y_test)):
        np.testing.assert_array_equal(got, want)
        assert got.dtype == np.uint8
    call = sources["__calls__"][0]
    assert call["fname"] == "mnist.npz"
    assert call["origin"] == "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
    assert call["file_hash"] == "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"
    assert os.path.exists(Path(sources["__dir__"]) / "cache" / "datasets" / "mnist.npz")


def test_fashion_mnist_reads_gzipped_idx_files(sources: dict[str, Any]) -> None:
    images = {
        "train": np.arange(2 * 784, dtype=np.int64).reshape(2, 28, 28) % 256,
        "t10k": np.ones((1, 28, 28)),
    }
    labels = {"train": [3, 9], "t10k": [5]}
    for split in ("train", "t10k"):
        for kind, header, body in (
            ("labels-idx1", 8, np.asarray(labels[split], "uint8")),
            ("images-idx3", 16, images[split].astype("uint8")),
        ):
            name = f"{split}-{kind}-ubyte.gz"
            path = Path(sources["__dir__"]) / name
            with gzip.open(path, "wb") as handle:
                handle.write(b"\x00" * header + body.tobytes())
            sources[name] = path
    (x_train, y_train), (x_test, y_test) = datasets.fashion_mnist.load_data()
    np.testing.assert_array_equal(x_train, images["train"].astype("uint8"))
    np.testing.assert_array_equal(y_train, [3, 9])
    np.testing.assert_array_equal(x_test, np.ones((1, 28, 28), "uint8"))
    np.testing.assert_array_equal(y_test, [5])
    assert x_train.dtype == y_train.dtype == np.uint8
    assert {call["cache_subdir"] for call in sources["__calls__"]} == {
        os.path.join("datasets", "fashion-mnist")
    }


def _shuffled(seed: int, n: int) -> Any:
    order = np.arange(n)
    np.random.RandomState(seed).shuffle(order)
    return order


@pytest.mark.parametrize(("test_split", "n_train"), [(0.2, 8), (0.25, 7), (0.0, 10), (0.55, 4)])
def test_boston_housing_shuffles_then_splits(
    sources: dict[str, Any], test_split: float, n_train: int
) -> None:
    x = np.arange(10 * 13, dtype="float64").reshape(10, 13)
    y = np.arange(10, dtype="float64") * 1.5
    _save_npz(sources, "boston_housing.npz", x=x, y=y)
    (x_train, y_train), (x_test, y_test) = datasets.boston_housing.load_data(test_split=test_split, seed=5)
    order = _shuffled(5, 10)
    np.testing.assert_array_equal(x_train, x[order[:n_train]])
    np.testing.assert_array_equal(y_train, y[order[:n_train]])
    np.testing.assert_array_equal(x_test, x[order[n_train:]])
    np.testing.assert_array_equal(y_test, y[order[n_train:]])
    assert x_train.dtype == np.float64


@pytest.mark.parametrize("test_split", [1.0, -0.1, 2])
def test_housing_rejects_a_bad_test_split(test_split: float) -> None:
    with pytest.raises(ValueError, match=rf"`test_split`.*Received: test_split={test_split}"):
        datasets.boston_housing.load_data(test_split=test_split)
    with pytest.raises(ValueError, match=rf"`test_split`.*Received: test_split={test_split}"):
        datasets.california_housing.load_data(test_split=test_split)


@pytest.mark.parametrize(("version", "n"), [("large", 700), ("small", 600)])
def test_california_housing_versions(sources: dict[str, Any], version: str, n: int) -> None:
    x = np.arange(700 * 8, dtype="float32").reshape(700, 8)
    y = np.arange(700, dtype="float32")
    _save_npz(sources, "california_housing.npz", x=x, y=y)
    (x_train, _), (x_test, y_test) = datasets.california_housing.load_data(version=version)
    order = _shuffled(113, n)
    cut = int(n * 0.8)
    np.testing.assert_array_equal(x_train, x[:n][order[:cut]])
    np.testing.assert_array_equal(y_test, y[:n][order[cut:]])
    assert x_train.shape == (cut, 8) and x_test.shape == (n - cut, 8)


def test_california_housing_rejects_an_unknown_version(sources: dict[str, Any]) -> None:
    _save_npz(sources, "california_housing.npz", x=np.zeros((3, 8)), y=np.zeros(3))
    with pytest.raises(
        ValueError, match=re.escape("must be one of 'small', 'large'. Received: version=medium")
    ):
        datasets.california_housing.load_data(version="medium")


def _cifar_tar(
    sources: dict[str, Any], url_name: str, folder: str, batches: dict[str, dict[bytes, Any]]
) -> None:
    root = Path(sources["__dir__"]) / f"build-{url_name}"
    (root / folder).mkdir(parents=True)
    for name, content in batches.items():
        with open(root / folder / name, "wb") as handle:
            pickle.dump(content, handle, protocol=4)
    archive = Path(sources["__dir__"]) / url_name
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(root / folder, arcname=folder)
    sources[url_name] = archive


def _images(n: int, offset: int) -> Any:
    return ((np.arange(n * 3072) + offset) % 251).astype("uint8").reshape(n, 3072)


@pytest.fixture(params=["channels_last", "channels_first"])
def data_format(request: pytest.FixtureRequest) -> Any:
    before = image_data_format()
    set_image_data_format(request.param)
    yield request.param
    set_image_data_format(before)


def test_cifar10_reads_pickled_batches(sources: dict[str, Any], data_format: str) -> None:
    batches = {f"data_batch_{i}": {b"data": _images(2, i), b"labels": [i, i + 1]} for i in range(1, 6)}
    batches["test_batch"] = {b"data": _images(3, 100), b"labels": [7, 8, 9]}
    _cifar_tar(sources, "cifar-10-python.tar.gz", "cifar-10-batches-py", batches)
    (x_train, y_train), (x_test, y_test) = datasets.cifar10.load_data()
    want_train = np.concatenate([_images(2, i) for i in range(1, 6)]).reshape(10, 3, 32, 32)
    want_test = _images(3, 100).reshape(3, 3, 32, 32)
    if data_format == "channels_last":
        want_train, want_test = want_train.transpose(0, 2, 3, 1), want_test.transpose(0, 2, 3, 1)
    np.testing.assert_array_equal(x_train, want_train)
    np.testing.assert_array_equal(x_test, want_test)
    np.testing.assert_array_equal(y_train, np.array([[i, i + 1] for i in range(1, 6)]).reshape(10, 1))
    np.testing.assert_array_equal(y_test, [[7], [8], [9]])
    assert x_train.dtype == x_test.dtype == y_train.dtype == y_test.dtype == np.uint8
    assert sources["__calls__"][0]["fname"] == "cifar-10-batches-py-target"
    assert sources["__calls__"][0]["extract"] is True


@pytest.mark.parametrize("label_mode", ["fine", "coarse"])
def test_cifar100_label_modes(sources: dict[str, Any], label_mode: str) -> None:
    batches = {
        "train": {b"data": _images(4, 0), b"fine_labels": [10, 20, 30, 40], b"coarse_labels": [1, 2, 3, 4]},
        "test": {b"data": _images(2, 9), b"fine_labels": [50, 60], b"coarse_labels": [5, 6]},
    }
    _cifar_tar(sources, "cifar-100-python.tar.gz", "cifar-100-python", batches)
    (x_train, y_train), (x_test, y_test) = datasets.cifar100.load_data(label_mode=label_mode)
    fine = label_mode == "fine"
    np.testing.assert_array_equal(y_train, [[10], [20], [30], [40]] if fine else [[1], [2], [3], [4]])
    np.testing.assert_array_equal(y_test, [[50], [60]] if fine else [[5], [6]])
    assert y_train.dtype == np.int64
    assert x_train.dtype == np.uint8
    assert x_test.shape == ((2, 32, 32, 3) if image_data_format() == "channels_last" else (2, 3, 32, 32))


def test_cifar100_rejects_an_unknown_label_mode() -> None:
    with pytest.raises(
        ValueError,
        match=re.escape('`label_mode` must be one of `"fine"`, `"coarse"`. Received: label_mode=x'),
    ):
        datasets.cifar100.load_data(label_mode="x")


class _Evil:
    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, ("echo pwned",))


def test_cifar_refuses_pickled_code(sources: dict[str, Any]) -> None:
    batches = {"train": {b"data": _images(1, 0), b"fine_labels": [_Evil()]}, "test": {}}
    _cifar_tar(sources, "cifar-100-python.tar.gz", "cifar-100-python", batches)
    with pytest.raises(pickle.UnpicklingError, match=r"Refusing to unpickle `(posix|nt)\.system`"):
        datasets.cifar100.load_data()


def test_npz_object_arrays_refuse_pickled_code(sources: dict[str, Any]) -> None:
    x = np.empty(1, dtype="object")
    x[0] = _Evil()
    _save_npz(sources, "reuters.npz", x=x, y=np.array([0]))
    with pytest.raises(pickle.UnpicklingError, match="Refusing to unpickle"):
        datasets.reuters.load_data()


# Word ranks (before `index_from`) of a tiny IMDB: 4 training and 2 test reviews.
IMDB_TRAIN = [[1, 2, 3], [4, 5], [1, 1, 1, 1, 6], [7]]
IMDB_TEST = [[2, 9], [1, 2, 3, 4, 5, 6]]


def _imdb_expected(
    seed: int, num_words: Any, skip_top: int, maxlen: Any, start: Any, oov: Any, index_from: int
) -> tuple[list[list[int]], list[int], list[list[int]], list[int]]:
    """Keras's documented recipe, written out plainly (labels are 10 + the review's position)."""
    rng = np.random.RandomState(seed)
    splits = []
    for rows in (IMDB_TRAIN, IMDB_TEST):
        order = np.arange(len(rows))
        rng.shuffle(order)
        base = 10 if rows is IMDB_TRAIN else 20
        xs = [([start] if start is not None else []) + [w + index_from for w in rows[i]] for i in order]
        ys = [base + int(i) for i in order]
        if maxlen:
            keep = [k for k, x in enumerate(xs) if len(x) < maxlen]
            xs, ys = [xs[k] for k in keep], [ys[k] for k in keep]
        splits.append((xs, ys))
    everything = splits[0][0] + splits[1][0]
    top = num_words or max(max(x) for x in everything)

    def cut(x: list[int]) -> list[int]:
        if oov is None:
            return [w for w in x if skip_top <= w < top]
        return [w if skip_top <= w < top else oov for w in x]

    return [cut(x) for x in splits[0][0]], splits[0][1], [cut(x) for x in splits[1][0]], splits[1][1]


IMDB_CASES = [
    # seed, num_words, skip_top, maxlen, start_char, oov_char, index_from
    (113, None, 0, None, 1, 2, 3),
    (113, 8, 0, None, 1, 2, 3),
    (7, 8, 5, None, 1, 2, 3),
    (7, 8, 5, None, 1, None, 3),
    (113, None, 0, 5, 1, 2, 3),
    (113, None, 0, None, None, 2, 0),
    (3, 10, 2, 7, 0, 1, 2),
]


@pytest.mark.parametrize("case", IMDB_CASES)
def test_imdb_encoding(sources: dict[str, Any], case: tuple[Any, ...]) -> None:
    _save_npz(
        sources,
        "imdb.npz",
        x_train=_ragged(*IMDB_TRAIN),
        y_train=np.array([10, 11, 12, 13]),
        x_test=_ragged(*IMDB_TEST),
        y_test=np.array([20, 21]),
    )
    seed, num_words, skip_top, maxlen, start, oov, index_from = case
    (x_train, y_train), (x_test, y_test) = datasets.imdb.load_data(
        num_words=num_words,
        skip_top=skip_top,
        maxlen=maxlen,
        seed=seed,
        start_char=start,
        oov_char=oov,
        index_from=index_from,
    )
    want_x_train, want_y_train, want_x_test, want_y_test = _imdb_expected(*case)
    assert x_train.dtype == x_test.dtype == object
    assert [list(x) for x in x_train] == want_x_train
    assert [list(x) for x in x_test] == want_x_test
    assert y_train.tolist() == want_y_train and y_test.tolist() == want_y_test
    assert y_train.dtype == np.int64


def test_imdb_hand_computed_case(sources: dict[str, Any]) -> None:
    """One case computed by hand (checked by label, so independent of the shuffle)."""
    _save_npz(
        sources,
        "imdb.npz",
        x_train=_ragged([1, 2], [3, 4, 5]),
        y_train=np.array([0, 1]),
        x_test=_ragged([6]),
        y_test=np.array([1]),
    )
    (x_train, y_train), (x_test, _) = datasets.imdb.load_data(num_words=7, skip_top=4, seed=0)
    # ranks + 3 -> [4, 5], [6, 7, 8], [9]; with start 1: [1, 4, 5], [1, 6, 7, 8], [1, 9];
    # kept: 4 <= w < 7, else 2.
    by_label = {int(y): list(x) for x, y in zip(x_train, y_train, strict=True)}
    assert by_label == {0: [2, 4, 5], 1: [2, 6, 2, 2]}
    assert list(x_test[0]) == [2, 2]


def test_imdb_maxlen_that_keeps_nothing(sources: dict[str, Any]) -> None:
    _save_npz(
        sources,
        "imdb.npz",
        x_train=_ragged([1, 2], [3]),
        y_train=np.array([0, 1]),
        x_test=_ragged([4, 4, 4]),
        y_test=np.array([0]),
    )
    with pytest.raises(
        ValueError, match=re.escape("shorter than maxlen=3, no sequence was kept. Increase maxlen.")
    ):
        datasets.imdb.load_data(maxlen=3)


@pytest.mark.parametrize(("test_split", "n_train"), [(0.2, 4), (0.5, 3), (0.0, 6)])
def test_reuters_split_and_encoding(sources: dict[str, Any], test_split: float, n_train: int) -> None:
    rows = [[1, 2], [3], [4, 5, 6], [7, 1], [2, 2, 2], [8]]
    _save_npz(sources, "reuters.npz", x=_ragged(*rows), y=np.arange(6) * 2)
    (x_train, y_train), (x_test, y_test) = datasets.reuters.load_data(
        num_words=9, skip_top=3, test_split=test_split, seed=42
    )
    order = _shuffled(42, 6)
    xs = [[1] + [w + 3 for w in rows[i]] for i in order]
    xs = [[w if 3 <= w < 9 else 2 for w in x] for x in xs]
    assert [list(x) for x in x_train] == xs[:n_train]
    assert [list(x) for x in x_test] == xs[n_train:]
    assert y_train.tolist() == [2 * int(i) for i in order[:n_train]]
    assert y_test.tolist() == [2 * int(i) for i in order[n_train:]]


def test_reuters_maxlen_drops_long_newswires(sources: dict[str, Any]) -> None:
    _save_npz(sources, "reuters.npz", x=_ragged([1], [1, 2], [1, 2, 3], [4]), y=np.array([0, 1, 2, 3]))
    (x_train, y_train), (x_test, y_test) = datasets.reuters.load_data(maxlen=3, test_split=0.5, seed=1)
    kept = sorted(y_train.tolist() + y_test.tolist())
    assert kept == [0, 3]  # with the start index the lengths are 2, 3, 4, 2: only those below 3 stay
    assert len(x_train) == 1 and len(x_test) == 1


@pytest.mark.parametrize(
    ("module", "url_name"), [("imdb", "imdb_word_index.json"), ("reuters", "reuters_word_index.json")]
)
def test_get_word_index(sources: dict[str, Any], module: str, url_name: str) -> None:
    path = Path(sources["__dir__"]) / url_name
    path.write_text(json.dumps({"the": 1, "film": 2}))
    sources[url_name] = path
    assert getattr(datasets, module).get_word_index() == {"the": 1, "film": 2}
    assert sources["__calls__"][0]["fname"] == url_name


def test_reuters_label_names() -> None:
    names = datasets.reuters.get_label_names()
    assert len(names) == 46
    assert names[:4] == ("cocoa", "grain", "veg-oil", "earn") and names[-1] == "lead"
