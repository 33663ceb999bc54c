"""The vocabulary lookup shared by `StringLookup`, `IntegerLookup` and `TextVectorization`.

Indices are laid out as Keras's: `[mask (only in "int" mode)] + [OOV] * num_oov_indices +
vocabulary`. The table is a Python dict on the host; lookups run in numpy (strings
stay numpy arrays on the backends without string tensors), so these layers do not run
inside a compiled function.
"""

from __future__ import annotations

import collections
import os
from typing import Any

import numpy as np

from keras import ops
from keras.backend import floatx
from keras.layers._preprocessing._data import (
    StringInputLayer,
    adapt_batches,
    encode_categories,
    encoded_shape,
    to_numpy,
    to_output_strings,
    validate_output_mode,
)
from keras.layers._preprocessing._farmhash import fingerprint64, siphash64
from keras.ops._keras_tensor import KerasTensor
from keras.ops._typing import Shape

__all__ = ["IndexLookup"]

_MASK64 = (1 << 64) - 1


def _standardize_salt(salt: Any) -> list[int] | None:
    if salt is None:
        return None
    if isinstance(salt, (tuple, list)) and len(salt) == 2:
        return list(salt)
    if isinstance(salt, int):
        return [salt, salt]
    raise ValueError(
        "The `salt` argument for `IndexLookup` can only be a tuple of 2 integers, or a single integer. "
        f"Received: salt={salt}."
    )


class IndexLookup(StringInputLayer):
    """Map tokens (strings or ints) to indices in a vocabulary, or indices back to tokens."""

    def __init__(
        self,
        max_tokens: int | None,
        num_oov_indices: int,
        mask_token: Any,
        oov_token: Any,
        vocabulary_dtype: str,
        vocabulary: Any = None,
        idf_weights: Any = None,
        invert: bool = False,
        output_mode: str = "int",
        sparse: bool = False,
        pad_to_max_tokens: bool = False,
        oov_method: str = "floormod",
        name: str | None = None,
        salt: Any = None,
        **kwargs: Any,
    ) -> None:
        if max_tokens is not None and max_tokens <= 1:
            raise ValueError(
                f"If set, `max_tokens` must be greater than 1. Received: max_tokens={max_tokens}"
            )
        if pad_to_max_tokens and max_tokens is None:
            raise ValueError(
                f"If pad_to_max_tokens is True, must set `max_tokens`. Received: max_tokens={max_tokens}"
            )
        if num_oov_indices < 0:
            raise ValueError(
                f"`num_oov_indices` must be greater than or equal to 0. Received: num_oov_indices={num_oov_indices}"
            )
        if oov_method not in ("floormod", "farmhash"):
            raise ValueError(
                "Unknown value for `oov_method` argument of layer "
                f"{type(self).__name__}. Allowed values are: ('floormod', 'farmhash'). "
                f"Received: oov_method={oov_method}"
            )
        if salt is not None and vocabulary_dtype != "string" and oov_method != "farmhash":
            raise ValueError(
                f"`salt` can only be used when `oov_method='farmhash'`. Received: oov_method={oov_method}"
            )
        salt = _standardize_salt(salt)
        output_mode = {"binary": "multi_hot", "tf-idf": "tf_idf"}.get(output_mode, output_mode)
        validate_output_mode(output_mode)
        if invert and output_mode != "int":
            raise ValueError(
                f"`output_mode` must be `'int'` when `invert` is true. Received: output_mode={output_mode}"
            )
        if sparse:
            raise ValueError(
                f"`sparse=True` is not supported by {type(self).__name__}. Received: sparse={sparse}"
            )
        if idf_weights is not None and output_mode != "tf_idf":
            raise ValueError(
                "`idf_weights` should only be set if `output_mode` is `'tf_idf'`. "
                f"Received: idf_weights={idf_weights} and output_mode={output_mode}"
            )
        self._frozen_vocab_size: int | None = kwargs.pop("vocabulary_size", None)
        has_input_vocabulary = kwargs.pop("has_input_vocabulary", vocabulary is not None)
        kwargs.pop("trainable", None)
        kwargs.pop("dtype", None)
        if kwargs:
            raise ValueError(f"Unrecognized keyword argument(s): {kwargs}")
        super().__init__(name=name)
        self.invert = invert
        self.max_tokens = max_tokens
        self.num_oov_indices = num_oov_indices
        self.mask_token = mask_token
        self.oov_token = oov_token
        self.output_mode = output_mode
        self.sparse = sparse
        self.pad_to_max_tokens = pad_to_max_tokens
        self.vocabulary_dtype = vocabulary_dtype
        self.oov_method = oov_method
        self.salt = salt
        self.input_vocabulary = vocabulary if not isinstance(vocabulary, str) else None
        self.input_idf_weights = idf_weights
        self._has_input_vocabulary = has_input_vocabulary
        self._tokens: list[Any] = []
        self._index: dict[Any, int] = {}
        self.idf_weights: np.ndarray[Any, Any] | None = None
        if output_mode == "tf_idf" and has_input_vocabulary and idf_weights is None:
            raise ValueError(
                "When specifying the `vocabulary` argument, in TF-IDF output mode, the `idf_weights` "
                "argument must also be provided."
            )
        if vocabulary is not None:
            self.set_vocabulary(vocabulary, idf_weights)

    # --- tokens -------------------------------------------------------------------------

    def _key(self, value: Any) -> Any:
        """Return a token as the table's key: a `str` or an `int`."""
        if self.vocabulary_dtype == "string":
            return (
                value.decode(getattr(self, "encoding", "utf-8")) if isinstance(value, bytes) else str(value)
            )
        return int(value)

    def _oov_start_index(self) -> int:
        return 1 if self.mask_token is not None and self.output_mode == "int" else 0

    def _token_start_index(self) -> int:
        return self._oov_start_index() + self.num_oov_indices

    def vocabulary_size(self) -> int:
        """Return the number of indices: the vocabulary plus the mask and OOV indices."""
        return len(self._tokens) + self._token_start_index()

    def get_vocabulary(self, include_special_tokens: bool = True) -> list[Any]:
        """Return the vocabulary, by default with the mask and OOV tokens at their indices."""
        vocab = [self.oov_token] * self._token_start_index() + list(self._tokens)
        if self.mask_token is not None and self.output_mode == "int":
            vocab[0] = self.mask_token
        return vocab if include_special_tokens else vocab[self._token_start_index() :]

    def _set_tokens(self, tokens: list[Any]) -> None:
        self._tokens = tokens
        start = self._token_start_index()
        self._index = {token: start + i for i, token in enumerate(tokens)}
        self._frozen_vocab_size = self.vocabulary_size()

    def set_vocabulary(self, vocabulary: Any, idf_weights: Any = None) -> None:
        """Set the vocabulary (and, in `"tf_idf"` mode, the IDF weights) directly.

        Args:
            vocabulary: A list, array or tensor of tokens, or the path of a text file
                with one token a line. It may start with the mask and OOV tokens.
            idf_weights: The inverse document frequencies, one per token; required in
                `"tf_idf"` mode and refused otherwise.

        Raises:
            ValueError: If the vocabulary is empty, repeats a token, holds the mask or
                OOV token elsewhere than at the start, or is larger than `max_tokens`.
        """
        if self.output_mode == "tf_idf":
            if idf_weights is None:
                raise ValueError("`idf_weights` must be set if output_mode is 'tf_idf'.")
        elif idf_weights is not None:
            raise ValueError(
                "`idf_weights` should only be set if output_mode is `'tf_idf'`. "
                f"Received: output_mode={self.output_mode} and idf_weights={idf_weights}"
            )
        if isinstance(vocabulary, str):
            if not os.path.exists(vocabulary):
                raise ValueError(f"Vocabulary file {vocabulary} does not exist.")
            if self.output_mode == "tf_idf":
                raise ValueError("output_mode `'tf_idf'` does not support loading a vocabulary from file.")
            with open(vocabulary, encoding="utf-8") as file:
                vocabulary = file.read().splitlines()
        tokens = [self._key(v) for v in to_numpy(vocabulary).reshape(-1).tolist()]
        if not tokens:
            raise ValueError(f"Cannot set an empty vocabulary. Received: vocabulary={vocabulary}")
        start = self._token_start_index()
        special = [self.mask_token] * self._oov_start_index() + [self.oov_token] * self.num_oov_indices
        found_special = tokens[:start] == [None if s is None else self._key(s) for s in special]
        if found_special:
            tokens = tokens[start:]
        repeated = [t for t, n in collections.Counter(tokens).items() if n > 1]
        if repeated:
            raise ValueError(
                "The passed vocabulary has at least one repeated term. Please uniquify your dataset. "
                f"The repeated terms are: {repeated}"
            )
        for name, token in (
            ("mask_token", self.mask_token),
            ("oov_token", self.oov_token if self.invert else None),
        ):
            if token is not None and self._key(token) in tokens:
                raise ValueError(
                    "Found reserved token at unexpected location in `vocabulary`. Note that passed `vocabulary` "
                    "does not need to include the OOV and mask tokens. Either remove all mask and OOV tokens, or "
                    f"include them only at the start of the vocabulary in precisely this order: {special}. "
                    f"Received: {name}={token} at vocabulary index {tokens.index(self._key(token))}"
                )
        if self.max_tokens is not None and start + len(tokens) > self.max_tokens:
            raise ValueError(
                "Attempted to set a vocabulary larger than the maximum vocab size. Received vocabulary size "
                f"is {start + len(tokens)}; `max_tokens` is {self.max_tokens}."
            )
        self._set_tokens(tokens)
        if self.output_mode == "tf_idf":
            weights = to_numpy(idf_weights).astype("float64")
            if weights.ndim != 1:
                raise ValueError(
                    f"TF-IDF data must be a 1-index array. Received: type(idf_weights)={type(idf_weights)}"
                )
            if len(weights) != len(tokens) + (start if found_special else 0):
                raise ValueError(
                    "`idf_weights` must be the same length as vocabulary. "
                    f"len(idf_weights) is {len(weights)}; len(vocabulary) is {len(tokens)}"
                )
            front = 0 if found_special else start
            self._set_idf(weights, front, float(np.average(weights)) if front else 0.0)

    def _set_idf(self, weights: np.ndarray[Any, Any], front: int, front_value: float) -> None:
        back = 0
        if self.pad_to_max_tokens and self.max_tokens is not None:
            back = self.max_tokens - front - len(weights)
        padded = np.pad(weights, (front, back), constant_values=(front_value, 0.0))
        self.idf_weights = padded.astype(floatx())

    # --- adapt --------------------------------------------------------------------------

    def adapt(self, data: Any, steps: int | None = None) -> None:
        """Learn the vocabulary (most frequent tokens first) from `data`.

        Ties are broken by the tokens' order, highest first; `max_tokens` keeps the most
        frequent. In `"tf_idf"` mode the document frequencies are learned too (each
        row of a batch is a document).

        Args:
            data: An array, list or tensor of tokens, or a `tf.data.Dataset` or iterable
                of batches.
            steps: The number of batches to read from an iterable (all by default).

        Raises:
            ValueError: If the layer was given a fixed vocabulary.
        """
        if self._has_input_vocabulary:
            raise ValueError(
                f"Cannot adapt layer '{self.name}' after setting a static vocabulary via `vocabulary` "
                "argument or `set_vocabulary()` method."
            )
        whole = isinstance(data, (list, tuple, np.ndarray)) or hasattr(data, "shape")
        counts: collections.Counter[Any] = collections.Counter()
        document_counts: collections.Counter[Any] = collections.Counter()
        num_documents = 0
        for i, batch in enumerate(adapt_batches(data)):
            if steps is not None and i >= steps and not whole:
                break
            batch = self._adapt_rows(batch, whole)
            rows = [[self._key(v) for v in row] for row in batch.reshape(batch.shape[0], -1).tolist()]
            for row in rows:
                counts.update(row)
                document_counts.update(set(row))
            num_documents += len(rows)
        for special in (self.mask_token, self.oov_token):
            if special is not None:
                counts.pop(self._key(special), None)
        ranked = sorted(counts.items(), key=lambda item: (item[1], item[0]), reverse=True)
        start = self._token_start_index()
        if self.max_tokens:
            ranked = ranked[: self.max_tokens - start]
        self._set_tokens([token for token, _ in ranked])
        if self.output_mode == "tf_idf" and ranked:
            frequencies = np.asarray([document_counts[t] for t, _ in ranked], dtype="float64")
            idf = np.log(1.0 + num_documents / (1.0 + frequencies)).astype(floatx())
            self._set_idf(idf, start, float(np.mean(idf, dtype=floatx())))

    def _adapt_rows(self, batch: np.ndarray[Any, Any], whole: bool) -> np.ndarray[Any, Any]:
        """Return a batch with a leading documents axis (a flat array: one token each)."""
        if batch.ndim == 0:
            return batch.reshape(1, 1)
        if batch.ndim == 1:
            return batch.reshape(-1, 1) if whole else batch.reshape(1, -1)
        return batch

    # --- calling ------------------------------------------------------------------------

    def _depth(self) -> int | None:
        return self.max_tokens if self.pad_to_max_tokens else self._frozen_vocab_size

    def _oov_index(self, key: Any) -> int:
        if self.num_oov_indices == 0:
            raise ValueError(
                "When `num_oov_indices=0` all inputs should be in vocabulary, found OOV values "
                f"{key}, consider setting `num_oov_indices=1`."
            )
        if self.num_oov_indices == 1:
            return self._oov_start_index()
        if isinstance(key, int) and self.oov_method != "farmhash":
            bucket = key % self.num_oov_indices
        else:
            data = (key if isinstance(key, str) else str(key)).encode("utf-8")
            salt = self.salt
            digest = (
                fingerprint64(data) if salt is None else siphash64(data, salt[0] & _MASK64, salt[1] & _MASK64)
            )
            bucket = digest % self.num_oov_indices
        return bucket + self._oov_start_index()

    def _lookup(self, values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        mask_key = None if self.mask_token is None else self._key(self.mask_token)
        mask_index = 0 if self.output_mode == "int" else -1
        uniques, inverse = np.unique(values.reshape(-1), return_inverse=True)
        mapped = []
        for value in uniques.tolist():
            key = self._key(value)
            if mask_key is not None and key == mask_key:
                mapped.append(mask_index)
            else:
                index = self._index.get(key)
                mapped.append(self._oov_index(key) if index is None else index)
        return np.asarray(mapped, dtype="int64")[inverse].reshape(values.shape)

    def _invert(self, values: np.ndarray[Any, Any]) -> Any:
        start = self._token_start_index()
        tokens = self._tokens

        def token(index: int) -> Any:
            if index == 0 and self.mask_token is not None:
                return self.mask_token
            if start <= index < start + len(tokens):
                return tokens[index - start]
            return self.oov_token

        flat = [token(int(i)) for i in values.reshape(-1).tolist()]
        if self.vocabulary_dtype == "string":
            return to_output_strings(np.asarray(flat, dtype=str).reshape(values.shape))
        return ops.convert_to_tensor(np.asarray(flat, dtype="int64").reshape(values.shape), dtype="int64")

    def call(self, inputs: Any) -> Any:
        values = to_numpy(inputs)
        if self.invert:
            return self._invert(values)
        depth = self._depth()
        if self.output_mode != "int" and depth is None:
            raise RuntimeError(
                f"When using `output_mode={self.output_mode}` and `pad_to_max_tokens=False`, you must set the "
                "layer's vocabulary before calling it. Either pass a `vocabulary` argument to the layer, or call "
                "`adapt` with some sample data."
            )
        indices = ops.convert_to_tensor(self._lookup(values), dtype="int64")
        if self.output_mode == "int":
            return indices
        if self.output_mode != "tf_idf":
            return encode_categories(indices, self.output_mode, int(depth or 0), "int64")
        encoded = encode_categories(indices, "count", int(depth or 0), floatx())
        return ops.multiply(encoded, ops.cast(self.idf_weights, floatx()))

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return encoded_shape(tuple(input_shape), self.output_mode, self._depth())

    def compute_output_spec(self, *args: Any, **kwargs: Any) -> Any:
        if self.output_mode == "tf_idf":
            dtype = floatx()
        elif self.invert:
            dtype = self.vocabulary_dtype
        else:
            dtype = "int64"
        return KerasTensor(self.compute_output_shape(tuple(args[0].shape)), dtype)

    # --- saving -------------------------------------------------------------------------

    def get_build_config(self) -> dict[str, Any] | None:
        return {}

    def build_from_config(self, config: dict[str, Any]) -> None:
        self.built = True

    def save_own_variables(self, store: Any) -> None:
        if self.output_mode == "tf_idf" and self.idf_weights is not None:
            store["idf_weights"] = np.asarray(self.idf_weights)

    def load_own_variables(self, store: Any) -> None:
        if self.output_mode == "tf_idf":
            self.idf_weights = np.asarray(store["idf_weights"]).astype(floatx())

    def save_assets(self, dir_path: str) -> None:
        """Write an adapted vocabulary to `dir_path/vocabulary.txt`."""
        if self.input_vocabulary is not None:
            return
        with open(os.path.join(dir_path, "vocabulary.txt"), "w", encoding="utf-8") as file:
            file.write("\n".join(str(w) for w in self.get_vocabulary(include_special_tokens=True)))

    def load_assets(self, dir_path: str) -> None:
        """Read the vocabulary written by `save_assets`."""
        if self.input_vocabulary is not None:
            return
        with open(os.path.join(dir_path, "vocabulary.txt"), encoding="utf-8") as file:
            lines = file.read().splitlines()
        while lines and lines[-1] == "":
            lines.pop()
        values: list[Any] = lines if self.vocabulary_dtype == "string" else [int(line) for line in lines]
        weights = self.idf_weights if self.output_mode == "tf_idf" else None
        had_input = self._has_input_vocabulary
        self.set_vocabulary(values, idf_weights=weights)
        self._has_input_vocabulary = had_input

    def get_config(self) -> dict[str, Any]:
        def listify(x: Any) -> Any:
            if x is None or isinstance(x, (list, str, int, float)):
                return x
            return to_numpy(x).tolist()

        return {
            **super().get_config(),
            "invert": self.invert,
            "max_tokens": self.max_tokens,
            "num_oov_indices": self.num_oov_indices,
            "oov_token": self.oov_token,
            "mask_token": self.mask_token,
            "output_mode": self.output_mode,
            "sparse": self.sparse,
            "pad_to_max_tokens": self.pad_to_max_tokens,
            "vocabulary_dtype": self.vocabulary_dtype,
            "idf_weights": listify(self.input_idf_weights),
            "vocabulary": listify(self.input_vocabulary),
            "vocabulary_size": self._frozen_vocab_size,
            "oov_method": self.oov_method,
            "salt": self.salt,
        }
