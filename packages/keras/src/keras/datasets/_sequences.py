"""The word-index encoding shared by the IMDB and Reuters datasets.

Both store reviews/newswires as ragged lists of word ranks (1 = most frequent word).
`shift` adds `index_from`, prepends `start_char` and drops sequences of `maxlen`
indices or more; `limit_vocabulary` then replaces (or drops) the indices outside
`[skip_top, num_words)`, exactly as Keras 3 does.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def shift(
    sequences: Any, labels: Any, maxlen: int | None, start_char: int | None, index_from: int
) -> tuple[list[list[int]], list[Any]]:
    """Add `index_from` to every rank, prepend `start_char`, drop sequences `>= maxlen` long.

    Args:
        sequences: Ragged word ranks, one list per sample.
        labels: One label per sample.
        maxlen: Drop sequences of `maxlen` or more indices (after `start_char`); None keeps all.
        start_char: Prepended to every sequence, unless None.
        index_from: Added to every word rank.

    Returns:
        `(sequences, labels)` as Python lists.
    """
    head = [] if start_char is None else [start_char]
    xs = [head + [int(w) + index_from for w in x] for x in sequences]
    ys = list(labels)
    if maxlen:
        kept = [i for i, x in enumerate(xs) if len(x) < maxlen]
        xs, ys = [xs[i] for i in kept], [ys[i] for i in kept]
    return xs, ys


def limit_vocabulary(
    sequences: list[list[int]], num_words: int | None, skip_top: int, oov_char: int | None
) -> list[list[int]]:
    """Replace by `oov_char` (or drop, when it is None) the indices outside `[skip_top, num_words)`.

    `num_words` None (or 0) means the largest index present.
    """
    if not num_words:
        num_words = max((max(x) for x in sequences if x), default=0)
    if oov_char is not None:
        return [[w if skip_top <= w < num_words else oov_char for w in x] for x in sequences]
    return [[w for w in x if skip_top <= w < num_words] for x in sequences]


def object_array(sequences: list[list[int]]) -> Any:
    """Return `np.array(sequences, dtype="object")`, as Keras returns the sequences."""
    return np.array(sequences, dtype="object")
