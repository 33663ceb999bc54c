"""`image_dataset_from_directory`, `text_dataset_from_directory`, `audio_dataset_from_directory`.

Files are found and labelled here in plain Python (one class per subdirectory, in
alphanumeric order), split into training and validation, then read lazily by a
`tf.data.Dataset` (TensorFlow decodes the images and `.wav` files and reads the texts).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from keras.backend import image_data_format
from keras.trainers._data.data_utils import import_tensorflow

IMAGE_EXTENSIONS = (".bmp", ".gif", ".jpeg", ".jpg", ".png")
_CHANNELS = {"grayscale": 1, "rgb": 3, "rgba": 4}


def index_directory(
    directory: str,
    labels: Any,
    extensions: tuple[str, ...],
    class_names: Sequence[str] | None,
    follow_links: bool,
) -> tuple[list[str], np.ndarray[Any, Any] | None, list[str]]:
    """Return `(file_paths, labels, class_names)` for the matching files under `directory`."""
    subdirs = sorted(d for d in os.listdir(directory) if os.path.isdir(os.path.join(directory, d)))
    if labels == "inferred":
        if class_names is not None:
            if sorted(class_names) != sorted(subdirs) and not set(class_names) <= set(subdirs):
                raise ValueError(
                    "The `class_names` passed did not match the names of the subdirectories of the target "
                    f"directory. Expected: {subdirs} (or a subset of it), but received: class_names={class_names}"
                )
            names = list(class_names)
        else:
            names = subdirs
        roots = [(os.path.join(directory, name), index) for index, name in enumerate(names)]
    else:
        names = list(class_names or [])
        roots = [(directory, -1)]
    paths: list[str] = []
    found_labels: list[int] = []
    for root, label in roots:
        for folder, dirs, files in os.walk(root, followlinks=follow_links):
            dirs.sort()
            for name in sorted(files):
                if name.lower().endswith(extensions):
                    paths.append(os.path.join(folder, name))
                    found_labels.append(label)
    if labels == "inferred":
        return paths, np.asarray(found_labels, dtype="int32"), names
    if labels is None:
        return paths, None, names
    if not isinstance(labels, (list, tuple)):
        raise ValueError(
            "`labels` argument should be a list/tuple of integer labels, of the same size as the number of files "
            f"in the target directory. If you wish to infer the labels from the subdirectory names in the target "
            f'directory, pass `labels="inferred"`. If you wish to get a dataset that only contains images (no '
            f"labels), pass `labels=None`. Received: labels={labels}"
        )
    if len(labels) != len(paths):
        raise ValueError(
            "Expected the lengths of `labels` to match the number of files in the target directory. "
            f"len(labels) is {len(labels)} while we found {len(paths)} files in directory {directory}."
        )
    return paths, np.asarray(labels), names


def _check_split(validation_split: float | None, subset: str | None, shuffle: bool, seed: int | None) -> None:
    if validation_split is not None and not 0 < validation_split < 1:
        raise ValueError(f"`validation_split` must be between 0 and 1, received: {validation_split}")
    if (validation_split or subset) and not (validation_split and subset):
        raise ValueError("If `subset` is set, `validation_split` must be set, and inversely.")
    if subset not in (None, "training", "validation", "both"):
        raise ValueError(f'`subset` must be either "training", "validation" or "both", received: {subset}')
    if validation_split and shuffle and seed is None:
        raise ValueError(
            "If using `validation_split` and shuffling the data, you must provide a `seed` argument, to make sure "
            "that there is no overlap between the training and validation subset."
        )


def _split(
    paths: list[str], labels: Any, validation_split: float | None, subset: str, verbose: bool
) -> tuple[list[str], Any]:
    if not validation_split:
        return paths, labels
    num_validation = int(validation_split * len(paths))
    if subset == "training":
        if verbose:
            print(f"Using {len(paths) - num_validation} files for training.")
        return paths[: len(paths) - num_validation], None if labels is None else labels[
            : len(paths) - num_validation
        ]
    if verbose:
        print(f"Using {num_validation} files for validation.")
    return paths[len(paths) - num_validation :], None if labels is None else labels[
        len(paths) - num_validation :
    ]


def _label_tensor(labels: np.ndarray[Any, Any], label_mode: str, num_classes: int) -> np.ndarray[Any, Any]:
    if label_mode == "binary":
        return labels.astype("float32").reshape(-1, 1)
    if label_mode == "categorical":
        one_hot: np.ndarray[Any, Any] = np.eye(num_classes, dtype="float32")[labels]
        return one_hot
    return labels.astype("int32")


def _check_label_mode(label_mode: str | None, labels: Any, class_names: list[str]) -> None:
    if label_mode not in ("int", "categorical", "binary", None):
        raise ValueError(
            f'`label_mode` argument must be one of "int", "categorical", "binary", or None. Received: '
            f"label_mode={label_mode}"
        )
    if label_mode == "binary" and labels is not None and len(class_names) != 2:
        raise ValueError(
            f'When passing `label_mode="binary"`, there must be exactly 2 class_names. Received: '
            f"class_names={class_names}"
        )


def _files_dataset(
    what: str,
    directory: str,
    extensions: tuple[str, ...],
    reader: Any,
    options: dict[str, Any],
) -> Any:
    """Index, split, shuffle and batch the files; `reader(tf, path_tensor)` loads one file."""
    tf = import_tensorflow(what)
    labels, label_mode, class_names = options["labels"], options["label_mode"], options["class_names"]
    shuffle, seed, validation_split, subset = (
        options["shuffle"],
        options["seed"],
        options["validation_split"],
        options["subset"],
    )
    if labels not in ("inferred", None) and not isinstance(labels, (list, tuple)):
        raise ValueError(
            "`labels` argument should be a list/tuple of integer labels, of the same size as the number of files "
            "in the target directory. If you wish to infer the labels from the subdirectory names in the target "
            'directory, pass `labels="inferred"`. If you wish to get a dataset that only contains images (no '
            f"labels), pass `labels=None`. Received: labels={labels}"
        )
    if labels is None or label_mode is None:
        labels, label_mode = None, None
    _check_split(validation_split, subset, shuffle, seed)
    paths, found, names = index_directory(directory, labels, extensions, class_names, options["follow_links"])
    _check_label_mode(label_mode, found, names)
    if options["verbose"]:
        print(
            f"Found {len(paths)} files belonging to {len(names)} classes."
            if found is not None and labels == "inferred"
            else f"Found {len(paths)} files."
        )
    if shuffle:
        order = np.random.RandomState(seed if seed is not None else np.random.randint(1_000_000)).permutation(
            len(paths)
        )
        paths = [paths[i] for i in order]
        found = None if found is None else found[order]
    subsets = ["training", "validation"] if subset == "both" else [subset or "training"]
    datasets = []
    for part in subsets:
        part_paths, part_labels = _split(paths, found, validation_split, part, options["verbose"])
        if not part_paths:
            raise ValueError(f"No files found in directory {directory}. Allowed formats: {extensions}")
        dataset = tf.data.Dataset.from_tensor_slices(part_paths).map(lambda p: reader(tf, p))
        if part_labels is not None and label_mode is not None:
            dataset = tf.data.Dataset.zip(
                (
                    dataset,
                    tf.data.Dataset.from_tensor_slices(_label_tensor(part_labels, label_mode, len(names))),
                )
            )
        batch_size = options["batch_size"]
        if shuffle:
            dataset = dataset.shuffle(buffer_size=(batch_size or 1) * 8, seed=seed)
        if batch_size is not None:
            dataset = options.get("batcher", _plain_batch)(dataset, batch_size)
        dataset = dataset.prefetch(tf.data.AUTOTUNE)
        dataset.class_names = names
        dataset.file_paths = part_paths
        datasets.append(dataset)
    return datasets if subset == "both" else datasets[0]


def _plain_batch(dataset: Any, batch_size: int) -> Any:
    return dataset.batch(batch_size)


def _check_format(format: str) -> None:
    if format not in ("tf", "grain"):
        raise ValueError(f'`format` should be either "tf" or "grain". Received: format={format}')
    if format == "grain":
        raise NotImplementedError(
            '`format="grain"` is not supported by this implementation. Use `format="tf"`.'
        )


def image_dataset_from_directory(
    directory: str,
    labels: Any = "inferred",
    label_mode: str | None = "int",
    class_names: Sequence[str] | None = None,
    color_mode: str = "rgb",
    batch_size: int | None = 32,
    image_size: tuple[int, int] = (256, 256),
    shuffle: bool = True,
    seed: int | None = None,
    validation_split: float | None = None,
    subset: str | None = None,
    interpolation: str = "bilinear",
    follow_links: bool = False,
    crop_to_aspect_ratio: bool = False,
    pad_to_aspect_ratio: bool = False,
    data_format: str | None = None,
    format: str = "tf",
    verbose: bool = True,
) -> Any:
    """Return a `tf.data.Dataset` of the images under `directory`, labelled by subdirectory.

    With `labels="inferred"`, `directory/<class_name>/...` holds the images of each
    class; classes are numbered in alphanumeric order (or the order of `class_names`).
    Supported files: `.bmp`, `.gif` (first frame), `.jpeg`, `.jpg`, `.png`.

    Args:
        directory: The folder to read.
        labels: `"inferred"`, None (images only) or a list of integer labels in the
            sorted order of the file paths.
        label_mode: `"int"`, `"categorical"` (one-hot), `"binary"` (2 classes, float
            `(n, 1)`), or None (no labels).
        class_names: The subdirectories to use, in label order.
        color_mode: `"grayscale"`, `"rgb"` or `"rgba"` (1, 3 or 4 channels).
        batch_size: Images per batch, or None for single images.
        image_size: `(height, width)` to resize to.
        shuffle: Whether to shuffle the files (and the order per epoch).
        seed: The shuffling seed (required with `validation_split` and `shuffle`).
        validation_split: The fraction of files kept for validation.
        subset: `"training"`, `"validation"` or `"both"` (a list of two datasets).
        interpolation: The resizing method (`"bilinear"`, `"nearest"`, `"bicubic"`,
            `"area"`, `"lanczos3"`, `"lanczos5"`, `"gaussian"`, `"mitchellcubic"`).
        follow_links: Whether to follow symbolic links to subdirectories.
        crop_to_aspect_ratio: Crop the center to the target aspect ratio before resizing.
        pad_to_aspect_ratio: Pad to the target aspect ratio before resizing.
        data_format: `"channels_last"` or `"channels_first"`; by default `image_data_format()`.
        format: `"tf"`; `"grain"` is not supported here.
        verbose: Whether to print how many files were found.

    Returns:
        A `tf.data.Dataset` of float32 images (and labels), with `class_names` and
        `file_paths` attributes; a list of two for `subset="both"`.

    Raises:
        ValueError: For bad arguments or an empty directory.
        ImportError: When TensorFlow is not installed.
    """
    _check_format(format)
    if color_mode not in _CHANNELS:
        raise ValueError(
            f'`color_mode` must be one of {{"rgb", "rgba", "grayscale"}}. Received: color_mode={color_mode}'
        )
    if crop_to_aspect_ratio and pad_to_aspect_ratio:
        raise ValueError("Only one of `crop_to_aspect_ratio` and `pad_to_aspect_ratio` can be set to `True`.")
    channels = _CHANNELS[color_mode]
    height, width = int(image_size[0]), int(image_size[1])
    channels_first = (data_format or image_data_format()) == "channels_first"

    def read_image(tf: Any, path: Any) -> Any:
        image = tf.io.decode_image(tf.io.read_file(path), channels=channels, expand_animations=False)
        if crop_to_aspect_ratio:
            shape = tf.shape(image)
            scale = tf.minimum(tf.cast(shape[0], "float32") / height, tf.cast(shape[1], "float32") / width)
            crop_h, crop_w = tf.cast(scale * height, "int32"), tf.cast(scale * width, "int32")
            image = tf.image.crop_to_bounding_box(
                image, (shape[0] - crop_h) // 2, (shape[1] - crop_w) // 2, crop_h, crop_w
            )
        if pad_to_aspect_ratio:
            image = tf.image.resize_with_pad(image, height, width, method=interpolation)
        else:
            image = tf.image.resize(image, (height, width), method=interpolation)
        image = tf.ensure_shape(tf.cast(image, "float32"), (height, width, channels))
        return tf.transpose(image, (2, 0, 1)) if channels_first else image

    options = {
        "labels": labels, "label_mode": label_mode, "class_names": class_names, "shuffle": shuffle, "seed": seed,
        "validation_split": validation_split, "subset": subset, "follow_links": follow_links,
        "batch_size": batch_size, "verbose": verbose,
    }  # fmt: skip
    return _files_dataset("image_dataset_from_directory", directory, IMAGE_EXTENSIONS, read_image, options)


def text_dataset_from_directory(
    directory: str,
    labels: Any = "inferred",
    label_mode: str | None = "int",
    class_names: Sequence[str] | None = None,
    batch_size: int | None = 32,
    max_length: int | None = None,
    shuffle: bool = True,
    seed: int | None = None,
    validation_split: float | None = None,
    subset: str | None = None,
    follow_links: bool = False,
    format: str = "tf",
    verbose: bool = True,
) -> Any:
    """Return a `tf.data.Dataset` of the `.txt` files under `directory`, labelled by subdirectory.

    Args:
        directory: The folder to read (`directory/<class_name>/*.txt` with `labels="inferred"`).
        labels: `"inferred"`, None (texts only) or a list of integer labels in the
            sorted order of the file paths.
        label_mode: `"int"`, `"categorical"`, `"binary"` or None.
        class_names: The subdirectories to use, in label order.
        batch_size: Texts per batch, or None for single texts.
        max_length: Keep at most this many characters (bytes) of each text.
        shuffle: Whether to shuffle the files.
        seed: The shuffling seed (required with `validation_split` and `shuffle`).
        validation_split: The fraction of files kept for validation.
        subset: `"training"`, `"validation"` or `"both"`.
        follow_links: Whether to follow symbolic links to subdirectories.
        format: `"tf"`; `"grain"` is not supported here.
        verbose: Whether to print how many files were found.

    Returns:
        A `tf.data.Dataset` of string tensors (and labels), with `class_names` and
        `file_paths` attributes; a list of two for `subset="both"`.

    Raises:
        ValueError: For bad arguments or an empty directory.
        ImportError: When TensorFlow is not installed.
    """
    _check_format(format)

    def read_text(tf: Any, path: Any) -> Any:
        text = tf.io.read_file(path)
        return text if max_length is None else tf.strings.substr(text, 0, max_length)

    options = {
        "labels": labels, "label_mode": label_mode, "class_names": class_names, "shuffle": shuffle, "seed": seed,
        "validation_split": validation_split, "subset": subset, "follow_links": follow_links,
        "batch_size": batch_size, "verbose": verbose,
    }  # fmt: skip
    return _files_dataset("text_dataset_from_directory", directory, (".txt",), read_text, options)


def audio_dataset_from_directory(
    directory: str,
    labels: Any = "inferred",
    label_mode: str | None = "int",
    class_names: Sequence[str] | None = None,
    batch_size: int | None = 32,
    sampling_rate: int | None = None,
    output_sequence_length: int | None = None,
    ragged: bool = False,
    shuffle: bool = True,
    seed: int | None = None,
    validation_split: float | None = None,
    subset: str | None = None,
    follow_links: bool = False,
    verbose: bool = True,
) -> Any:
    """Return a `tf.data.Dataset` of the `.wav` files under `directory`, labelled by subdirectory.

    Each file is decoded by `tf.audio.decode_wav` to float32 samples in `[-1, 1)` of
    shape `(sequence_length, num_channels)`. Without `output_sequence_length` and
    `ragged`, each batch is zero-padded to its longest file.

    Args:
        directory: The folder to read (`directory/<class_name>/*.wav` with `labels="inferred"`).
        labels: `"inferred"`, None (audio only) or a list of integer labels in the
            sorted order of the file paths.
        label_mode: `"int"`, `"categorical"`, `"binary"` or None.
        class_names: The subdirectories to use, in label order (only with `labels="inferred"`).
        batch_size: Files per batch, or None for single files.
        sampling_rate: The rate to resample to; it needs `tensorflow-io`.
        output_sequence_length: Truncate or zero-pad every file to this many samples.
        ragged: Whether to yield `tf.RaggedTensor`s of each file's own length.
        shuffle: Whether to shuffle the files.
        seed: The shuffling seed (required with `validation_split` and `shuffle`).
        validation_split: The fraction of files kept for validation.
        subset: `"training"`, `"validation"` or `"both"`.
        follow_links: Whether to follow symbolic links to subdirectories.
        verbose: Whether to print how many files were found.

    Returns:
        A `tf.data.Dataset` of float32 audio of shape `(batch, sequence_length, channels)`
        (and labels), with `class_names` and `file_paths` attributes; a tuple of two for
        `subset="both"`.

    Raises:
        ValueError: For bad arguments or an empty directory.
        ImportError: When TensorFlow is not installed, or `sampling_rate` is set
            without `tensorflow-io`.
    """
    if labels not in ("inferred", None) and class_names:
        raise ValueError(
            f'You can only pass `class_names` if `labels="inferred"`. Received: labels={labels}, and '
            f"class_names={class_names}"
        )
    if ragged and output_sequence_length is not None:
        raise ValueError("Cannot set both `ragged` and `output_sequence_length`")
    resample: Any = None
    if sampling_rate is not None:
        rate: Any = sampling_rate  # checked at run time: callers may pass any value
        if not isinstance(rate, int) or isinstance(rate, bool):
            raise ValueError(
                f"`sampling_rate` should have an integer value. Received: sampling_rate={sampling_rate}"
            )
        if sampling_rate <= 0:
            raise ValueError(
                f"`sampling_rate` should be higher than 0. Received: sampling_rate={sampling_rate}"
            )
        try:
            tfio: Any = importlib.import_module("tensorflow_io")
        except ImportError as error:
            raise ImportError(
                "To use the argument `sampling_rate`, you should install tensorflow_io. You can install it via "
                "`pip install tensorflow-io`."
            ) from error
        resample = tfio.audio.resample
    desired = -1 if output_sequence_length is None else int(output_sequence_length)

    def read_audio(tf: Any, path: Any) -> Any:
        audio, rate = tf.audio.decode_wav(tf.io.read_file(path), desired_samples=desired)
        if resample is not None:
            audio = resample(audio, rate_in=tf.cast(rate, "int64"), rate_out=sampling_rate)
        return tf.RaggedTensor.from_tensor(audio) if ragged else audio

    def batch_audio(dataset: Any, size: int) -> Any:
        padded = output_sequence_length is None and not ragged
        return dataset.padded_batch(size) if padded else dataset.batch(size)

    options = {
        "labels": labels, "label_mode": label_mode, "class_names": class_names, "shuffle": shuffle, "seed": seed,
        "validation_split": validation_split, "subset": subset, "follow_links": follow_links,
        "batch_size": batch_size, "verbose": verbose, "batcher": batch_audio,
    }  # fmt: skip
    result = _files_dataset("audio_dataset_from_directory", directory, (".wav",), read_audio, options)
    return tuple(result) if subset == "both" else result
