"""`keras.datasets.imdb`: 50,000 movie reviews labelled by sentiment, as word-index sequences."""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from keras.datasets._files import ORIGIN, fetch, load_npz
from keras.datasets._sequences import limit_vocabulary, object_array, shift


def load_data(
    path: str = "imdb.npz",
    num_words: int | None = None,
    skip_top: int = 0,
    maxlen: int | None = None,
    seed: int = 113,
    start_char: int | None = 1,
    oov_char: int | None = 2,
    index_from: int = 3,
    **kwargs: Any,
) -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    """Load the IMDB sentiment dataset (25,000 training and 25,000 test reviews).

    Each review is a list of word indices, words ranked by frequency (rank 1 is the
    most frequent word, stored as `1 + index_from`); index 0 is left for padding.

    Args:
        path: The file's name in the cache (`$KERAS_HOME/datasets`).
        num_words: Keep the `num_words` most frequent words (indices below it); the
            rest become `oov_char`. None keeps every word.
        skip_top: Also replace indices below `skip_top` by `oov_char`.
        maxlen: Drop reviews of `maxlen` indices or more. None keeps all.
        seed: The seed of the shuffle of each split.
        start_char: Put at the start of each review (None: nothing).
        oov_char: What dropped words become (None: they are removed).
        index_from: Added to every word rank.
        **kwargs: Accepted for compatibility and ignored.

    Returns:
        `(x_train, y_train), (x_test, y_test)`: object arrays of index lists and
        integer labels (1 positive, 0 negative).

    Raises:
        ValueError: When `maxlen` leaves a split empty.

    Example:

    >>> (x_train, y_train), _ = keras.datasets.imdb.load_data(num_words=10000)  # doctest: +SKIP
    """
    local = fetch(
        path, f"{ORIGIN}imdb.npz", "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f"
    )
    arrays = load_npz(local)
    # One generator shuffles the training split, then the test split, as in Keras.
    rng = np.random.RandomState(seed)
    splits = []
    for x_key, y_key in (("x_train", "y_train"), ("x_test", "y_test")):
        order = np.arange(len(arrays[x_key]))
        rng.shuffle(order)
        splits.append(shift(arrays[x_key][order], arrays[y_key][order], maxlen, start_char, index_from))
    (train_x, train_y), (test_x, test_y) = splits
    if maxlen and (not train_x or not test_x):
        raise ValueError(
            f"After filtering for sequences shorter than maxlen={maxlen}, no sequence was kept. Increase maxlen."
        )
    # The vocabulary cut (by default the largest index of both splits) covers both splits.
    xs = limit_vocabulary(train_x + test_x, num_words, skip_top, oov_char)
    labels = np.concatenate([np.asarray(train_y), np.asarray(test_y)])
    cut = len(train_x)
    return (object_array(xs[:cut]), labels[:cut]), (object_array(xs[cut:]), labels[cut:])


def get_word_index(path: str = "imdb_word_index.json") -> dict[str, int]:
    """Return the IMDB word index: each word mapped to its frequency rank (1 = most frequent).

    Args:
        path: The file's name in the cache (`$KERAS_HOME/datasets`).

    Returns:
        A dict from words to ranks; add `index_from` to a rank to get the index used by
        `load_data`.

    Example:

    >>> word_index = keras.datasets.imdb.get_word_index()  # doctest: +SKIP
    """
    local = fetch(path, f"{ORIGIN}imdb_word_index.json", "bfafd718b763782e994055a2d397834f")
    with open(local, encoding="utf-8") as handle:
        index: dict[str, int] = json.load(handle)
    return index
