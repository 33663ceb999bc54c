"""`keras.datasets.reuters`: 11,228 Reuters newswires labelled over 46 topics, as word indices."""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from keras.datasets._files import ORIGIN, fetch, load_npz, shuffled
from keras.datasets._sequences import limit_vocabulary, object_array, shift

_LABEL_NAMES = (
    "cocoa", "grain", "veg-oil", "earn", "acq", "wheat", "copper", "housing", "money-supply",
    "coffee", "sugar", "trade", "reserves", "ship", "cotton", "carcass", "crude", "nat-gas",
    "cpi", "money-fx", "interest", "gnp", "meal-feed", "alum", "oilseed", "gold", "tin",
    "strategic-metal", "livestock", "retail", "ipi", "iron-steel", "rubber", "heat", "jobs",
    "lei", "bop", "zinc", "orange", "pet-chem", "dlr", "gas", "silver", "wpi", "hog", "lead",
)  # fmt: skip


def load_data(
    path: str = "reuters.npz",
    num_words: int | None = None,
    skip_top: int = 0,
    maxlen: int | None = None,
    test_split: float = 0.2,
    seed: int = 113,
    start_char: int | None = 1,
    oov_char: int | None = 2,
    index_from: int = 3,
) -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    """Load the Reuters newswire topic dataset.

    Each newswire is a list of word indices, words ranked by frequency (rank 1 is the
    most frequent word, stored as `1 + index_from`); index 0 is left for padding. The
    label is the topic's index in `get_label_names()`.

    Args:
        path: The file's name in the cache (`$KERAS_HOME/datasets`).
        num_words: Keep the `num_words` most frequent words (indices below it); the
            rest become `oov_char`. None keeps every word.
        skip_top: Also replace indices below `skip_top` by `oov_char`.
        maxlen: Drop newswires of `maxlen` indices or more. None keeps all.
        test_split: The fraction of the (shuffled) samples kept for testing.
        seed: The seed of the shuffle.
        start_char: Put at the start of each newswire (None: nothing).
        oov_char: What dropped words become (None: they are removed).
        index_from: Added to every word rank.

    Returns:
        `(x_train, y_train), (x_test, y_test)`: object arrays of index lists and
        integer topic labels.

    Example:

    >>> (x_train, y_train), _ = keras.datasets.reuters.load_data(num_words=10000)  # doctest: +SKIP
    """
    local = fetch(
        path, f"{ORIGIN}reuters.npz", "d6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916"
    )
    arrays = load_npz(local)
    x, y = shuffled(seed, arrays["x"], arrays["y"])
    xs, labels = shift(x, y, maxlen, start_char, index_from)
    xs = limit_vocabulary(xs, num_words, skip_top, oov_char)
    cut = int(len(xs) * (1 - test_split))
    return (object_array(xs[:cut]), np.array(labels[:cut])), (object_array(xs[cut:]), np.array(labels[cut:]))


def get_word_index(path: str = "reuters_word_index.json") -> dict[str, int]:
    """Return the Reuters word index: each word mapped to its frequency rank (1 = most frequent).

    Args:
        path: The file's name in the cache (`$KERAS_HOME/datasets`).

    Returns:
        A dict from words to ranks; add `index_from` to a rank to get the index used by
        `load_data`.

    Example:

    >>> word_index = keras.datasets.reuters.get_word_index()  # doctest: +SKIP
    """
    local = fetch(path, f"{ORIGIN}reuters_word_index.json", "4d44cc38712099c9e383dc6e5f11a921")
    with open(local, encoding="utf-8") as handle:
        index: dict[str, int] = json.load(handle)
    return index


def get_label_names() -> tuple[str, ...]:
    """Return the 46 topic names of the Reuters dataset, in label order.

    Returns:
        A tuple of strings; label `i` of `load_data` is topic `get_label_names()[i]`.

    Example:

    >>> keras.datasets.reuters.get_label_names()[:3]
    ('cocoa', 'grain', 'veg-oil')
    """
    return _LABEL_NAMES
