"""`StringLookup` and `IntegerLookup`: map tokens to vocabulary indices (or back)."""

from __future__ import annotations

from typing import Any

from keras.layers._preprocessing._index_lookup import IndexLookup

__all__ = ["IntegerLookup", "StringLookup"]


class StringLookup(IndexLookup):
    """Map strings to integer indices in a vocabulary (or, with `invert=True`, back).

    Index layout: the mask token (if any, in `"int"` mode) at 0, then
    `num_oov_indices` out-of-vocabulary indices, then the vocabulary. On the backends
    without string tensors, strings are numpy `str`/`bytes`/object arrays (TensorFlow
    string tensors on the TensorFlow backend); inverted lookups return them the same way.

    Args:
        max_tokens: The largest vocabulary size (special tokens included), or `None`.
        num_oov_indices: How many indices out-of-vocabulary tokens share (by hash when
            more than 1); with 0, an OOV token is an error.
        mask_token: A token mapped to index 0 (or nothing in the encoded modes), or `None`.
        oov_token: The token returned for OOV indices when `invert=True`.
        vocabulary: A list/array of tokens or a text file path; or `None` to `adapt()`.
        idf_weights: Inverse document frequencies, for `output_mode="tf_idf"` only.
        invert: Map indices to tokens instead.
        output_mode: `"int"`, `"one_hot"`, `"multi_hot"`, `"count"` or `"tf_idf"`.
        pad_to_max_tokens: Make the encoded outputs `max_tokens` wide.
        sparse: Sparse outputs are not supported: only `False`.
        encoding: The text encoding of `bytes` inputs.
        name: The layer's name.
        salt: A salt (an int or two ints) for hashing OOV tokens with SipHash.
        **kwargs: Base layer arguments.

    Raises:
        ValueError: If an argument is invalid (see `IndexLookup`'s checks).

    Example:

    >>> layer = keras.layers.StringLookup(vocabulary=["a", "b", "c"])
    >>> layer(np.array([["a", "c"], ["d", "b"]]))
    array([[1, 3],
           [0, 2]])
    """

    def __init__(
        self,
        max_tokens: int | None = None,
        num_oov_indices: int = 1,
        mask_token: str | None = None,
        oov_token: str = "[UNK]",
        vocabulary: Any = None,
        idf_weights: Any = None,
        invert: bool = False,
        output_mode: str = "int",
        pad_to_max_tokens: bool = False,
        sparse: bool = False,
        encoding: str = "utf-8",
        name: str | None = None,
        salt: Any = None,
        **kwargs: Any,
    ) -> None:
        self.encoding = encoding
        super().__init__(
            max_tokens=max_tokens,
            num_oov_indices=num_oov_indices,
            mask_token=mask_token,
            oov_token=oov_token,
            vocabulary=vocabulary,
            idf_weights=idf_weights,
            invert=invert,
            output_mode=output_mode,
            pad_to_max_tokens=pad_to_max_tokens,
            sparse=sparse,
            name=name,
            salt=salt,
            vocabulary_dtype="string",
            **kwargs,
        )

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        del config["vocabulary_dtype"]
        return {**config, "encoding": self.encoding}


class IntegerLookup(IndexLookup):
    """Map integers to indices in a vocabulary (or, with `invert=True`, back).

    Index layout: the mask token (if any, in `"int"` mode) at 0, then
    `num_oov_indices` out-of-vocabulary indices, then the vocabulary.

    Args:
        max_tokens: The largest vocabulary size (special tokens included), or `None`.
        num_oov_indices: How many indices out-of-vocabulary values share (by
            `value % num_oov_indices`, or by hash with `oov_method="farmhash"`).
        mask_token: A value mapped to index 0 (or nothing in the encoded modes), or `None`.
        oov_token: The value returned for OOV indices when `invert=True`.
        vocabulary: A list/array of ints or a text file path; or `None` to `adapt()`.
        vocabulary_dtype: Only `"int64"`.
        idf_weights: Inverse document frequencies, for `output_mode="tf_idf"` only.
        invert: Map indices to values instead.
        output_mode: `"int"`, `"one_hot"`, `"multi_hot"`, `"count"` or `"tf_idf"`.
        sparse: Sparse outputs are not supported: only `False`.
        pad_to_max_tokens: Make the encoded outputs `max_tokens` wide.
        oov_method: `"floormod"` or `"farmhash"`: how OOV values pick their index.
        salt: A salt for `oov_method="farmhash"` (SipHash).
        name: The layer's name.
        **kwargs: Base layer arguments.

    Raises:
        ValueError: If an argument is invalid.

    Example:

    >>> layer = keras.layers.IntegerLookup(vocabulary=[12, 36, 1138, 42])
    >>> layer(np.array([[12, 1138, 42], [42, 1000, 36]]))
    array([[1, 3, 4],
           [4, 0, 2]])
    """

    def __init__(
        self,
        max_tokens: int | None = None,
        num_oov_indices: int = 1,
        mask_token: int | None = None,
        oov_token: int = -1,
        vocabulary: Any = None,
        vocabulary_dtype: str = "int64",
        idf_weights: Any = None,
        invert: bool = False,
        output_mode: str = "int",
        sparse: bool = False,
        pad_to_max_tokens: bool = False,
        oov_method: str = "floormod",
        salt: Any = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        if max_tokens is not None and max_tokens <= 1:
            raise ValueError(
                f"If `max_tokens` is set for `IntegerLookup`, it must be greater than 1. Received: max_tokens={max_tokens}"
            )
        if num_oov_indices < 0:
            raise ValueError(
                "The value of `num_oov_indices` argument for `IntegerLookup` must >= 0. "
                f"Received: num_oov_indices={num_oov_indices}"
            )
        if vocabulary_dtype != "int64":
            raise ValueError(
                f"Only `vocabulary_dtype='int64'` is supported at this time. Received: vocabulary_dtype={vocabulary_dtype}"
            )
        super().__init__(
            max_tokens=max_tokens,
            num_oov_indices=num_oov_indices,
            mask_token=mask_token,
            oov_token=oov_token,
            vocabulary=vocabulary,
            vocabulary_dtype=vocabulary_dtype,
            idf_weights=idf_weights,
            invert=invert,
            output_mode=output_mode,
            sparse=sparse,
            pad_to_max_tokens=pad_to_max_tokens,
            oov_method=oov_method,
            salt=salt,
            name=name,
            **kwargs,
        )

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        for key in ("oov_token", "mask_token"):
            if config[key] is not None:
                config[key] = int(config[key])
        return config
