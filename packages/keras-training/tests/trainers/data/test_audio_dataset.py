"""`audio_dataset_from_directory` on tiny 16-bit `.wav` files written with the stdlib `wave` module."""

from __future__ import annotations

import struct
import wave
from pathlib import Path
from typing import Any

import numpy as np
import pytest

pytest.importorskip("tensorflow", reason="audio_dataset_from_directory builds tf.data datasets")

from keras.trainers._data.directory import audio_dataset_from_directory

# 16-bit PCM samples per file; decode_wav maps them to sample / 32768.
FILES = {"a/x.wav": [100, -200, 300], "a/y.wav": [16384], "b/z.wav": [1, 2, 3, 4, 5]}


def write_wav(path: Path, samples: list[int], channels: int = 1, rate: int = 8000) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(channels)
        handle.setsampwidth(2)
        handle.setframerate(rate)
        handle.writeframes(struct.pack(f"<{len(samples)}h", *samples))


@pytest.fixture
def audio_dir(tmp_path: Path) -> Path:
    for name, samples in FILES.items():
        write_wav(tmp_path / name, samples)
    (tmp_path / "a" / "notes.txt").write_text("ignored")
    return tmp_path


def scaled(samples: list[int], length: int | None = None) -> np.ndarray[Any, Any]:
    values = np.asarray(samples, dtype="float32") / 32768.0
    if length is not None:
        values = np.pad(values[:length], (0, max(0, length - len(values))))
    return values[:, None]


def test_padded_batches_with_inferred_labels(audio_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dataset = audio_dataset_from_directory(audio_dir, batch_size=2, shuffle=False)
    assert "Found 3 files belonging to 2 classes." in capsys.readouterr().out
    assert dataset.class_names == ["a", "b"]
    batches = [(x.numpy(), y.numpy()) for x, y in dataset]
    assert [x.shape for x, _ in batches] == [(2, 3, 1), (1, 5, 1)]
    np.testing.assert_allclose(batches[0][0][0], scaled(FILES["a/x.wav"]), rtol=0, atol=0)
    np.testing.assert_allclose(batches[0][0][1], scaled(FILES["a/y.wav"], 3), rtol=0, atol=0)
    np.testing.assert_allclose(batches[1][0][0], scaled(FILES["b/z.wav"]), rtol=0, atol=0)
    assert [y.tolist() for _, y in batches] == [[0, 0], [1]]
    assert batches[0][1].dtype == np.int32


def test_output_sequence_length_truncates_and_pads(audio_dir: Path) -> None:
    dataset = audio_dataset_from_directory(
        audio_dir,
        batch_size=3,
        shuffle=False,
        output_sequence_length=2,
        label_mode="categorical",
        verbose=False,
    )
    ((x, y),) = [(x.numpy(), y.numpy()) for x, y in dataset]
    expected = np.stack([scaled(FILES[name], 2) for name in ("a/x.wav", "a/y.wav", "b/z.wav")])
    np.testing.assert_allclose(x, expected, rtol=0, atol=0)
    np.testing.assert_array_equal(y, [[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])


def test_ragged_without_labels(audio_dir: Path) -> None:
    dataset = audio_dataset_from_directory(
        audio_dir, batch_size=3, shuffle=False, ragged=True, label_mode=None
    )
    (batch,) = list(dataset)
    rows = batch.to_list()
    assert [len(row) for row in rows] == [3, 1, 5]
    np.testing.assert_allclose(np.asarray(rows[2]), scaled(FILES["b/z.wav"]), rtol=0, atol=0)


def test_unbatched_stereo_and_binary_labels(tmp_path: Path) -> None:
    write_wav(tmp_path / "neg" / "s.wav", [1, -1, 2, -2], channels=2)
    write_wav(tmp_path / "pos" / "t.wav", [8, 9], channels=2)
    dataset = audio_dataset_from_directory(
        tmp_path, batch_size=None, shuffle=False, label_mode="binary", verbose=False
    )
    items = [(x.numpy(), y.numpy()) for x, y in dataset]
    np.testing.assert_allclose(items[0][0], np.array([[1, -1], [2, -2]], "float32") / 32768.0)
    assert items[0][0].shape == (2, 2) and items[1][0].shape == (1, 2)
    assert [y.tolist() for _, y in items] == [[0.0], [1.0]]


def test_validation_split_both_returns_a_disjoint_pair(audio_dir: Path) -> None:
    train, val = audio_dataset_from_directory(
        audio_dir, batch_size=None, seed=3, validation_split=0.34, subset="both", verbose=False
    )
    lengths = sorted([int(x.shape[0]) for x, _ in train] + [int(x.shape[0]) for x, _ in val])
    assert lengths == [1, 3, 5]
    assert len(list(val)) == 1


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"ragged": True, "output_sequence_length": 3},
            ValueError,
            "Cannot set both `ragged` and `output_sequence_length`",
        ),
        (
            {"sampling_rate": 1.5},
            ValueError,
            r"`sampling_rate` should have an integer value\. Received: sampling_rate=1\.5",
        ),
        (
            {"sampling_rate": 0},
            ValueError,
            r"`sampling_rate` should be higher than 0\. Received: sampling_rate=0",
        ),
        (
            {"labels": [0, 1, 0], "class_names": ["a"]},
            ValueError,
            r"You can only pass `class_names` if `labels=\"inferred\"`\. Received: labels=\[0, 1, 0\], and "
            r"class_names=\['a'\]",
        ),
        (
            {"label_mode": "binary", "class_names": ["a"]},
            ValueError,
            r"there must be exactly 2 class_names\. Received: class_names=\['a'\]",
        ),
        ({"label_mode": "onehot"}, ValueError, '`label_mode` argument must be one of "int", "categorical"'),
        (
            {"sampling_rate": 16000},
            ImportError,
            "To use the argument `sampling_rate`, you should install tensorflow_io",
        ),
    ],
)
def test_bad_arguments(audio_dir: Path, kwargs: dict[str, Any], error: type[Exception], message: str) -> None:
    if kwargs.get("sampling_rate") == 16000:
        try:
            import tensorflow_io  # noqa: F401
        except ImportError:
            pass
        else:
            pytest.skip("tensorflow-io is installed")
    with pytest.raises(error, match=message):
        audio_dataset_from_directory(audio_dir, verbose=False, **kwargs)


def test_explicit_labels_and_empty_directory(
    audio_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    dataset = audio_dataset_from_directory(
        audio_dir, labels=[5, 6, 7], batch_size=None, shuffle=False, verbose=False
    )
    assert [int(y) for _, y in dataset] == [5, 6, 7]
    with pytest.raises(ValueError, match="No files found in directory"):
        audio_dataset_from_directory(tmp_path_factory.mktemp("empty"), verbose=False)
