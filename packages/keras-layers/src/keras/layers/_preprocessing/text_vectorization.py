"""`TextVectorization`: standardize, split and n-gram text, then look the tokens up."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np

from keras.backend import floatx
from keras.layers._preprocessing._data import StringInputLayer, adapt_batches, to_numpy
from keras.layers._preprocessing.lookup import StringLookup
from keras.layers._serialization import deserialize_keras_object
from keras.ops._keras_tensor import KerasTensor
from keras.ops._typing import Shape, Tensor

__all__ = ["TextVectorization"]

_PUNCTUATION = re.compile(r'[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~\']')


def _check_choice(value: Any, name: str, allowed: tuple[str, ...]) -> None:
    if value is None or callable(value) or value in allowed:
        return
    raise ValueError(
        f"Unknown value for `{name}` argument of layer TextVectorization. "
        f"If restoring a model, you may need to pass `custom_objects`. Allowed values are: {allowed} "
        f"or a callable. Received: {name}={value}"
    )


def _ngrams(tokens: list[str], widths: tuple[int, ...]) -> list[str]:
    out: list[str] = []
    for width in widths:
        out.extend(" ".join(tokens[i : i + width]) for i in range(len(tokens) - width + 1))
    return out


class TextVectorization(StringInputLayer):
    """Turn strings into sequences of token indices or into token-count vectors.

    Each string is standardized (lower-cased, punctuation stripped), split into
    tokens (at whitespace), optionally turned into n-grams, and looked up in a
    vocabulary (given, or learned by `adapt()`, most frequent first). Index 0 is
    padding (`""`) and index 1 the out-of-vocabulary token `"[UNK]"`. Strings are numpy
    arrays on the backends without string tensors (TF strings on TensorFlow); the
    work runs in numpy on the host.

    Args:
        max_tokens: The largest vocabulary size (padding and OOV included), or `None`.
        standardize: `"lower_and_strip_punctuation"`, `"lower"`, `"strip_punctuation"`,
            `None`, or a callable on a numpy array of strings.
        split: `"whitespace"`, `"character"`, `None` (each string is one token), or a
            callable from a numpy array of strings to lists of tokens.
        ngrams: `None`, an int `n` (all n-grams of widths `1..n`), or a tuple of widths.
        output_mode: `"int"` (index sequences), `"multi_hot"`, `"count"`, `"tf_idf"` or
            `"one_hot"`.
        output_sequence_length: In `"int"` mode, pad or truncate sequences to this
            length (by default, pad to the batch's longest).
        pad_to_max_tokens: Make the encoded outputs `max_tokens` wide.
        vocabulary: A list/array of tokens or a text file path; or `None` to `adapt()`.
        idf_weights: Inverse document frequencies, for `"tf_idf"` only.
        sparse: Sparse outputs are not supported: only `False`.
        ragged: Ragged outputs are not supported: only `False`.
        encoding: The text encoding of `bytes` inputs.
        name: The layer's name.
        **kwargs: Base layer arguments.

    Raises:
        ValueError: If an argument is invalid, or inputs have rank above 1 with a
            last axis other than 1.

    Example:

    >>> layer = keras.layers.TextVectorization(vocabulary=["the", "cat", "sat"])
    >>> layer(np.array(["The cat sat.", "the dog"]))
    array([[2, 3, 4],
           [2, 1, 0]])
    """

    def __init__(
        self,
        max_tokens: int | None = None,
        standardize: str | Callable[..., Any] | None = "lower_and_strip_punctuation",
        split: str | Callable[..., Any] | None = "whitespace",
        ngrams: Any = None,
        output_mode: str = "int",
        output_sequence_length: int | None = None,
        pad_to_max_tokens: bool = False,
        vocabulary: Any = None,
        idf_weights: Any = None,
        sparse: bool = False,
        ragged: bool = False,
        encoding: str = "utf-8",
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        if ragged:
            raise ValueError(
                f"`ragged=True` is not supported by TextVectorization. Received: ragged={ragged}"
            )
        _check_choice(
            standardize, "standardize", ("lower_and_strip_punctuation", "lower", "strip_punctuation")
        )
        _check_choice(split, "split", ("whitespace", "character"))
        output_mode = {"binary": "multi_hot", "tf-idf": "tf_idf"}.get(output_mode, output_mode)
        if not (
            ngrams is None
            or isinstance(ngrams, int)
            or (isinstance(ngrams, tuple) and all(isinstance(item, int) for item in ngrams))
        ):
            raise ValueError(
                f"`ngrams` must be None, an integer, or a tuple of integers. Received: ngrams={ngrams}"
            )
        if output_mode == "int" and not (
            output_sequence_length is None or isinstance(output_sequence_length, int)
        ):
            raise ValueError(
                "`output_sequence_length` must be either None or an integer when `output_mode` is 'int'. "
                f"Received: output_sequence_length={output_sequence_length}"
            )
        if output_mode != "int" and output_sequence_length is not None:
            raise ValueError(
                "`output_sequence_length` must not be set if `output_mode` is not 'int'. "
                f"Received output_sequence_length={output_sequence_length}."
            )
        has_input_vocabulary = kwargs.pop("has_input_vocabulary", vocabulary is not None)
        vocabulary_size = kwargs.pop("vocabulary_size", None)
        kwargs.pop("dtype", None)
        super().__init__(name=name, **kwargs)
        self._standardize = standardize
        self._split = split
        self._ngrams_arg = ngrams
        self._ngrams = tuple(range(1, ngrams + 1)) if isinstance(ngrams, int) else ngrams
        self._ragged = ragged
        self._output_mode = output_mode
        self._output_sequence_length = output_sequence_length
        self._encoding = encoding
        self._lookup_layer = StringLookup(
            max_tokens=max_tokens,
            vocabulary=vocabulary,
            idf_weights=idf_weights,
            pad_to_max_tokens=pad_to_max_tokens,
            mask_token="",
            output_mode=output_mode,
            sparse=sparse,
            has_input_vocabulary=has_input_vocabulary,
            encoding=encoding,
            vocabulary_size=vocabulary_size,
        )

    # --- preprocessing ------------------------------------------------------------------

    def _strings(self, inputs: Any) -> np.ndarray[Any, Any]:
        values = to_numpy(inputs)
        if values.dtype.kind == "S" or values.dtype.kind == "O":
            values = np.asarray(
                [
                    v.decode(self._encoding) if isinstance(v, bytes) else str(v)
                    for v in values.reshape(-1).tolist()
                ],
                dtype=str,
            ).reshape(values.shape)
        return values.astype(str)

    def _standardized(self, values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        mode = self._standardize
        if callable(mode):
            return self._strings(mode(values))
        flat = values.reshape(-1).tolist()
        if mode in ("lower", "lower_and_strip_punctuation"):
            flat = [s.lower() for s in flat]
        if mode in ("strip_punctuation", "lower_and_strip_punctuation"):
            flat = [_PUNCTUATION.sub("", s) for s in flat]
        return np.asarray(flat, dtype=str).reshape(values.shape)

    def _tokens(self, inputs: Any) -> list[list[str]] | np.ndarray[Any, Any]:
        """Return the token lists of a batch of strings (the strings when `split=None`)."""
        values = self._standardized(self._strings(inputs))
        if self._split is None:
            return values
        if values.ndim > 1:
            if values.shape[-1] != 1:
                raise ValueError(
                    "When using `TextVectorization` to tokenize strings, the input rank must be 1 or the last "
                    f"shape dimension must be 1. Received: inputs.shape={values.shape} with rank={values.ndim}"
                )
            values = values[..., 0]
        if self._split == "whitespace":
            rows = [s.split() for s in values.reshape(-1).tolist()]
        elif self._split == "character":
            rows = [list(s) for s in values.reshape(-1).tolist()]
        elif callable(self._split):
            rows = [
                [self._decode(t) for t in to_numpy(row).reshape(-1).tolist()] for row in self._split(values)
            ]
        if self._ngrams is not None:
            rows = [_ngrams(row, self._ngrams) for row in rows]
        return rows

    def _decode(self, token: Any) -> str:
        return token.decode(self._encoding) if isinstance(token, bytes) else str(token)

    def _padded(self, rows: list[list[str]], length: int | None) -> np.ndarray[Any, Any]:
        width = length if length is not None else max((len(r) for r in rows), default=0)
        return np.asarray([(r + [""] * width)[:width] for r in rows], dtype=object).reshape(len(rows), width)

    # --- vocabulary ---------------------------------------------------------------------

    def adapt(self, data: Any, batch_size: int | None = None, steps: int | None = None) -> None:
        """Learn the vocabulary from the tokens of `data` (most frequent first).

        Args:
            data: An array or list of strings, or a `tf.data.Dataset` or iterable of
                batches of strings.
            batch_size: Unused (accepted as Keras does).
            steps: The number of batches to read from an iterable (all by default).
        """
        del batch_size
        batches = []
        for i, batch in enumerate(adapt_batches(data)):
            if steps is not None and i >= steps:
                break
            tokens = self._tokens(batch)
            if isinstance(tokens, np.ndarray):
                batches.append(tokens.reshape(-1, 1))
            else:
                batches.extend(np.asarray(row, dtype=object).reshape(1, -1) for row in tokens)
        self._lookup_layer._has_input_vocabulary = False
        self._lookup_layer.adapt(_Batches(batches))

    def set_vocabulary(self, vocabulary: Any, idf_weights: Any = None) -> None:
        """Set the vocabulary (and IDF weights in `"tf_idf"` mode) directly."""
        self._lookup_layer.set_vocabulary(vocabulary, idf_weights=idf_weights)

    def get_vocabulary(self, include_special_tokens: bool = True) -> list[Any]:
        """Return the vocabulary, by default with the padding and OOV tokens first."""
        return self._lookup_layer.get_vocabulary(include_special_tokens)

    def vocabulary_size(self) -> int:
        """Return the vocabulary size, padding and OOV tokens included."""
        return self._lookup_layer.vocabulary_size()

    # --- calling ------------------------------------------------------------------------

    def call(self, inputs: Any) -> Tensor:
        tokens = self._tokens(inputs)
        if self._output_mode != "int":
            if isinstance(tokens, np.ndarray):
                table = tokens.reshape(-1, 1) if tokens.ndim <= 1 else tokens
            else:
                table = self._padded(tokens, None)
            return self._lookup_layer(table)
        if isinstance(tokens, np.ndarray):
            return self._lookup_layer(tokens)
        return self._lookup_layer(self._padded(tokens, self._output_sequence_length))

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        if self._output_mode == "int":
            return (input_shape[0], self._output_sequence_length)
        shape = tuple(input_shape)
        if self._split is None:
            if len(shape) <= 1:
                shape = (*shape, 1)
        else:
            # A trailing axis of 1 is squeezed before splitting (Keras's symbolic shape
            # keeps it, unlike its eager outputs).
            if len(shape) > 1 and shape[-1] == 1:
                shape = shape[:-1]
            shape = (*shape, None)
        return self._lookup_layer.compute_output_shape(shape)

    def compute_output_spec(self, *args: Any, **kwargs: Any) -> Any:
        shape = self.compute_output_shape(tuple(args[0].shape))
        dtype = "int64" if self._output_mode in ("int", "one_hot", "multi_hot", "count") else floatx()
        return KerasTensor(shape, dtype)

    # --- saving -------------------------------------------------------------------------

    def get_build_config(self) -> dict[str, Any] | None:
        return {}

    def build_from_config(self, config: dict[str, Any]) -> None:
        self.built = True

    def save_own_variables(self, store: Any) -> None:
        self._lookup_layer.save_own_variables(store)

    def load_own_variables(self, store: Any) -> None:
        self._lookup_layer.load_own_variables(store)

    def save_assets(self, dir_path: str) -> None:
        """Write an adapted vocabulary to `dir_path/vocabulary.txt`."""
        self._lookup_layer.save_assets(dir_path)

    def load_assets(self, dir_path: str) -> None:
        """Read the vocabulary written by `save_assets`."""
        self._lookup_layer.load_assets(dir_path)

    def get_config(self) -> dict[str, Any]:
        lookup = self._lookup_layer
        config = lookup.get_config()
        return {
            **super().get_config(),
            "max_tokens": lookup.max_tokens,
            "standardize": self._standardize,
            "split": self._split,
            "ngrams": self._ngrams_arg,
            "output_mode": self._output_mode,
            "output_sequence_length": self._output_sequence_length,
            "pad_to_max_tokens": lookup.pad_to_max_tokens,
            "sparse": lookup.sparse,
            "ragged": self._ragged,
            "vocabulary": config["vocabulary"],
            "idf_weights": config["idf_weights"],
            "encoding": self._encoding,
            "vocabulary_size": self.vocabulary_size(),
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> TextVectorization:
        config = dict(config)
        for key in ("standardize", "split"):
            if config.get(key) is not None and not isinstance(config[key], str):
                config[key] = deserialize_keras_object(config[key])
        if isinstance(config.get("ngrams"), list):
            config["ngrams"] = tuple(config["ngrams"])
        layer = super().from_config(config)
        assert isinstance(layer, TextVectorization)
        return layer


class _Batches:
    """An iterable of ready token batches (so the lookup layer reads each as a batch)."""

    def __init__(self, batches: list[np.ndarray[Any, Any]]) -> None:
        self._batches = batches

    def __iter__(self) -> Any:
        return iter(self._batches)
