"""`FeatureSpace`: one-stop preprocessing of a dict of structured-data columns.

It owns the feature specs (`Feature`, `Cross`), adapting every column's preprocessing
layer to data, the one-hot encoding and concatenation of the results, and the config
and `.keras` files of a feature space. The numeric work is done by the preprocessing
layers of `keras.layers` (Normalization, Discretization, StringLookup, IntegerLookup,
Hashing, HashedCrossing, CategoryEncoding, Rescaling); strings stay numpy arrays, so
a feature space runs eagerly on every backend and needs no TensorFlow (a
`tf.data.Dataset` is accepted by `adapt()` when TensorFlow is installed).
"""

from __future__ import annotations

import builtins
import os
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from keras import layers, ops
from keras.backend import standardize_dtype
from keras.backend._naming import unique_name
from keras.layers._preprocessing._data import is_string_array, to_numpy
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object
from keras.ops._keras_tensor import KerasTensor

__all__ = ["Cross", "Feature", "FeatureSpace"]

# Keras 3 files name the feature specs and helper layers by their home there.
_KERAS_MODULE = "keras.src.layers.preprocessing.feature_space"
_ADAPT_BATCH = 32  # rows per batch when adapting on unbatched scalars, as Keras batches them


class TFDIdentity(layers.Layer):
    """Pass a `float` feature through unchanged (as float32)."""

    def call(self, inputs: Any) -> Any:
        return ops.cast(inputs, self.compute_dtype)

    def compute_output_shape(self, input_shape: Any) -> Any:
        return input_shape


class TFDConcat(layers.Layer):
    """Concatenate the encoded features along `axis`."""

    def __init__(self, axis: int = -1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.axis = axis

    def call(self, inputs: Any) -> Any:
        return ops.concatenate(list(inputs), axis=self.axis)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "axis": self.axis}


_HELPERS: dict[str, Any] = {"TFDIdentity": TFDIdentity, "TFDConcat": TFDConcat}


def _entry(obj: Any) -> dict[str, Any]:
    """Serialize a feature spec or helper layer the way Keras 3 names it in files."""
    config: dict[str, Any] = serialize_keras_object(obj)
    config["module"] = _KERAS_MODULE
    config["registered_name"] = type(obj).__name__
    return config


def _check_mode(output_mode: str, allowed: tuple[str, ...]) -> None:
    if output_mode not in allowed:
        expected = "{" + ", ".join(repr(mode) for mode in allowed) + "}"
        raise ValueError(
            f"Invalid value for argument `output_mode`. Expected one of {expected}. Received: "
            f"output_mode={output_mode}"
        )


class Cross:
    """A feature cross: the named features hashed together into `crossing_dim` bins.

    Args:
        feature_names: The names of the crossed features.
        crossing_dim: The number of hash bins of the cross.
        output_mode: `"one_hot"` (encode the bin) or `"int"` (keep the bin index).

    Raises:
        ValueError: If `output_mode` is neither.
    """

    def __init__(self, feature_names: Iterable[str], crossing_dim: int, output_mode: str = "one_hot") -> None:
        _check_mode(output_mode, ("int", "one_hot"))
        self.feature_names = tuple(feature_names)
        self.crossing_dim = crossing_dim
        self.output_mode = output_mode

    @property
    def name(self) -> str:
        """The cross's name: its feature names joined by `_X_`."""
        return "_X_".join(self.feature_names)

    def get_config(self) -> dict[str, Any]:
        """Return the constructor arguments."""
        return {
            "feature_names": self.feature_names,
            "crossing_dim": self.crossing_dim,
            "output_mode": self.output_mode,
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Cross:
        """Rebuild a cross from `get_config()`'s output."""
        return cls(**config)


class Feature:
    """One input column: its dtype, the layer that preprocesses it and how it is encoded.

    Args:
        dtype: The dtype of the column (`"float32"`, `"int32"`, `"string"`, ...).
        preprocessor: A layer (or its serialized config) applied to the column.
        output_mode: `"float"` (use the preprocessed values), `"one_hot"` (encode
            integer outputs) or `"int"` (keep integer outputs).

    Raises:
        ValueError: If `output_mode` is none of these.
    """

    def __init__(self, dtype: str, preprocessor: Any, output_mode: str) -> None:
        _check_mode(output_mode, ("int", "one_hot", "float"))
        self.dtype = dtype
        if isinstance(preprocessor, dict):
            preprocessor = deserialize_keras_object(preprocessor, module_objects=_HELPERS)
        self.preprocessor = preprocessor
        self.output_mode = output_mode

    def get_config(self) -> dict[str, Any]:
        """Return the constructor arguments, the preprocessor serialized."""
        preprocessor = (
            _entry(self.preprocessor)
            if isinstance(self.preprocessor, TFDIdentity)
            else serialize_keras_object(self.preprocessor)
        )
        return {"dtype": self.dtype, "preprocessor": preprocessor, "output_mode": self.output_mode}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Feature:
        """Rebuild a feature from `get_config()`'s output."""
        return cls(**config)


def _from_entry(config: Any, expected: type[Feature] | type[Cross]) -> Any:
    """Rebuild a `Feature` or `Cross` from its serialized dict."""
    name = config.get("registered_name") or config.get("class_name")
    if name not in ("Feature", "Cross"):
        return deserialize_keras_object(config)
    if name != expected.__name__:
        raise ValueError(f"Expected a serialized {expected.__name__}. Received: {config}")
    return expected.from_config(dict(config["config"]))


def _adapt_batches(values: Any) -> list[np.ndarray[Any, Any]]:
    """Split one column's adapt data into batches of rank >= 2, as Keras feeds them.

    `values` is a list of dataset elements or a whole column; unbatched scalars are
    grouped by 32 and every rank-1 batch gets a trailing axis of size 1.
    """
    if isinstance(values, np.ndarray):
        if values.ndim == 1:
            return [values[i : i + _ADAPT_BATCH, None] for i in range(0, len(values), _ADAPT_BATCH)]
        values = list(values)
    if not values:
        return []
    rank = np.ndim(values[0])
    if rank == 0:
        stacked = np.stack(values)
        return [stacked[i : i + _ADAPT_BATCH, None] for i in range(0, len(stacked), _ADAPT_BATCH)]
    if rank == 1:
        return [np.asarray(value)[:, None] for value in values]
    return [np.asarray(value) for value in values]


class FeatureSpace(layers.Layer):
    """Preprocess a dict of structured-data features in one step.

    Each feature is named with a spec: a string (`"float"`, `"float_rescaled"`,
    `"float_normalized"`, `"float_discretized"`, `"integer_categorical"`,
    `"string_categorical"`, `"integer_hashed"`, `"string_hashed"`) or a `Feature`
    made by the class methods below (`FeatureSpace.float_normalized()`, ...). After
    `adapt(data)`, calling the feature space on a dict of columns gives one
    concatenated float tensor (`output_mode="concat"`) or a dict of encoded features
    (`"dict"`); categorical outputs are one-hot encoded, and `crosses` adds hashed
    crosses of features. Outputs are ordered by feature name, then by cross name.

    Args:
        features: A dict from feature name to spec.
        output_mode: `"concat"` or `"dict"`.
        crosses: Feature crosses: tuples of feature names or `FeatureSpace.cross(...)`.
        crossing_dim: The number of hash bins of crosses given as tuples.
        hashing_dim: The number of hash bins of the `"*_hashed"` string specs.
        num_discretization_bins: The number of bins of the `"float_discretized"` spec.
        name: The layer name.

    Raises:
        ValueError: For empty `features`, an unknown spec or `output_mode`, or a cross
            naming an unknown feature.

    Example:

    >>> space = keras.utils.FeatureSpace(
    ...     {"age": "float_normalized", "color": "string_categorical"}, output_mode="concat")
    >>> space.adapt({"age": np.array([20.0, 40.0]), "color": np.array(["red", "blue"])})
    >>> keras.ops.convert_to_numpy(space({"age": np.array([30.0]), "color": np.array(["red"])}))
    array([[0., 0., 1., 0.]], dtype=float32)
    """

    # --- feature specs ------------------------------------------------------------------

    @classmethod
    def cross(cls, feature_names: Iterable[str], crossing_dim: int, output_mode: str = "one_hot") -> Cross:
        """Return a cross of `feature_names` hashed into `crossing_dim` bins."""
        return Cross(feature_names, crossing_dim, output_mode=output_mode)

    @classmethod
    def feature(cls, dtype: str, preprocessor: Any, output_mode: str) -> Feature:
        """Return a feature of `dtype` preprocessed by the layer `preprocessor`."""
        return Feature(dtype, preprocessor, output_mode)

    @classmethod
    def float(cls, name: str | None = None) -> Feature:
        """Return a float feature used as it is."""
        name = name or unique_name("float")
        return Feature("float32", TFDIdentity(dtype="float32", name=f"{name}_preprocessor"), "float")

    @classmethod
    def float_rescaled(
        cls, scale: builtins.float = 1.0, offset: builtins.float = 0.0, name: str | None = None
    ) -> Feature:
        """Return a float feature mapped to `x * scale + offset`."""
        name = name or unique_name("float_rescaled")
        return Feature(
            "float32", layers.Rescaling(scale=scale, offset=offset, name=f"{name}_preprocessor"), "float"
        )

    @classmethod
    def float_normalized(cls, name: str | None = None) -> Feature:
        """Return a float feature standardized by the mean and variance `adapt()` finds."""
        name = name or unique_name("float_normalized")
        return Feature("float32", layers.Normalization(axis=-1, name=f"{name}_preprocessor"), "float")

    @classmethod
    def float_discretized(
        cls, num_bins: int, bin_boundaries: Any = None, output_mode: str = "one_hot", name: str | None = None
    ) -> Feature:
        """Return a float feature bucketed into `num_bins` quantile bins found by `adapt()`."""
        name = name or unique_name("float_discretized")
        preprocessor = layers.Discretization(
            num_bins=num_bins, bin_boundaries=bin_boundaries, name=f"{name}_preprocessor"
        )
        return Feature("float32", preprocessor, output_mode)

    @classmethod
    def integer_categorical(
        cls,
        max_tokens: int | None = None,
        num_oov_indices: int = 1,
        output_mode: str = "one_hot",
        name: str | None = None,
    ) -> Feature:
        """Return an integer feature indexed by the vocabulary `adapt()` finds."""
        name = name or unique_name("integer_categorical")
        preprocessor = layers.IntegerLookup(
            name=f"{name}_preprocessor", max_tokens=max_tokens, num_oov_indices=num_oov_indices
        )
        return Feature("int32", preprocessor, output_mode)

    @classmethod
    def string_categorical(
        cls,
        max_tokens: int | None = None,
        num_oov_indices: int = 1,
        output_mode: str = "one_hot",
        name: str | None = None,
    ) -> Feature:
        """Return a string feature indexed by the vocabulary `adapt()` finds."""
        name = name or unique_name("string_categorical")
        preprocessor = layers.StringLookup(
            name=f"{name}_preprocessor", max_tokens=max_tokens, num_oov_indices=num_oov_indices
        )
        return Feature("string", preprocessor, output_mode)

    @classmethod
    def string_hashed(cls, num_bins: int, output_mode: str = "one_hot", name: str | None = None) -> Feature:
        """Return a string feature hashed into `num_bins` bins."""
        name = name or unique_name("string_hashed")
        return Feature("string", layers.Hashing(name=f"{name}_preprocessor", num_bins=num_bins), output_mode)

    @classmethod
    def integer_hashed(cls, num_bins: int, output_mode: str = "one_hot", name: str | None = None) -> Feature:
        """Return an integer feature hashed into `num_bins` bins."""
        name = name or unique_name("integer_hashed")
        return Feature("int32", layers.Hashing(name=f"{name}_preprocessor", num_bins=num_bins), output_mode)

    # --- construction -------------------------------------------------------------------

    def __init__(
        self,
        features: Any,
        output_mode: str = "concat",
        crosses: Any = None,
        crossing_dim: int = 32,
        hashing_dim: int = 32,
        num_discretization_bins: int = 32,
        name: str | None = None,
    ) -> None:
        super().__init__(name=name)
        if not features:
            raise ValueError("The `features` argument cannot be None or empty.")
        self.crossing_dim = crossing_dim
        self.hashing_dim = hashing_dim
        self.num_discretization_bins = num_discretization_bins
        self.features = {key: self._standardize_feature(key, value) for key, value in features.items()}
        self.crosses = [self._standardize_cross(cross, set(features)) for cross in crosses or []]
        self.crosses_by_name = {cross.name: cross for cross in self.crosses}
        _check_mode(output_mode, ("dict", "concat"))
        self.output_mode = output_mode
        self.inputs = {
            key: layers.Input(shape=(1,), dtype=feature.dtype, name=key)
            for key, feature in self.features.items()
        }
        self.preprocessors = {key: feature.preprocessor for key, feature in self.features.items()}
        self.encoded_features: Any = None
        self.crossers = {
            cross.name: layers.HashedCrossing(cross.crossing_dim, name=cross.name) for cross in self.crosses
        }
        self.one_hot_encoders: dict[str, Any] = {}
        self.concat: TFDConcat | None = None
        self._is_adapted = False
        self._sublayers_built = False

    def _standardize_feature(self, name: str, feature: Any) -> Feature:
        if isinstance(feature, Feature):
            return feature
        if isinstance(feature, dict):
            found: Feature = _from_entry(feature, Feature)
            return found
        makers = {
            "float": lambda: self.float(name=name),
            "float_normalized": lambda: self.float_normalized(name=name),
            "float_rescaled": lambda: self.float_rescaled(name=name),
            "float_discretized": lambda: self.float_discretized(
                name=name, num_bins=self.num_discretization_bins
            ),
            "integer_categorical": lambda: self.integer_categorical(name=name),
            "string_categorical": lambda: self.string_categorical(name=name),
            "integer_hashed": lambda: self.integer_hashed(self.hashing_dim, name=name),
            "string_hashed": lambda: self.string_hashed(self.hashing_dim, name=name),
        }
        if not isinstance(feature, str) or feature not in makers:
            raise ValueError(f"Invalid feature type: {feature}")
        made: Feature = makers[feature]()
        return made

    def _standardize_cross(self, cross: Any, known: set[str]) -> Cross:
        if isinstance(cross, dict):
            cross = _from_entry(cross, Cross)
        if isinstance(cross, Cross):
            return cross
        if not self.crossing_dim:
            raise ValueError(
                "When specifying `crosses`, the argument `crossing_dim` (dimensionality of the crossing space) "
                "should be specified as well."
            )
        if any(key not in known for key in cross):
            raise ValueError(
                "All features referenced in the `crosses` argument should be present in the `features` dict. "
                f"Received unknown features: {cross}"
            )
        return Cross(cross, crossing_dim=self.crossing_dim)

    # --- adapting -----------------------------------------------------------------------

    def _adaptable(self) -> list[str]:
        names = []
        for key, preprocessor in self.preprocessors.items():
            if isinstance(preprocessor, layers.Normalization) and preprocessor.input_mean is not None:
                continue
            if isinstance(preprocessor, layers.TextVectorization) and getattr(
                preprocessor, "_has_input_vocabulary", False
            ):
                continue
            if hasattr(preprocessor, "adapt"):
                names.append(key)
        return names

    def adapt(self, dataset: Any) -> None:
        """Adapt every adaptable preprocessor (vocabularies, means, bins) to `dataset`.

        Args:
            dataset: A `tf.data.Dataset` of feature dicts (batched or not), or a dict
                from feature name to a numpy array or list of values.

        Raises:
            ValueError: If `dataset` is neither, or lacks a feature.
        """
        names = self._adaptable()
        if isinstance(dataset, Mapping):
            columns: dict[str, Any] = {key: self._column(dataset, key) for key in names}
        elif hasattr(dataset, "element_spec") and hasattr(dataset, "__iter__"):
            columns = {key: [] for key in names}
            for element in dataset:
                for key in names:
                    columns[key].append(to_numpy(self._column(element, key)))
        else:
            raise ValueError(
                "`adapt()` can only be called on a tf.data.Dataset or a dict of arrays/lists. "
                f"Received instead: {dataset} (of type {type(dataset)})"
            )
        for key in names:
            self.preprocessors[key].adapt(_adapt_batches(columns[key]))
        self._is_adapted = True
        self.get_encoded_features()
        self.built = True
        self._sublayers_built = True

    @staticmethod
    def _column(data: Mapping[str, Any], key: str) -> Any:
        if key not in data:
            raise ValueError(f"Feature '{key}' is missing from the data. Received features: {sorted(data)}")
        value = data[key]
        return value if isinstance(value, np.ndarray) or hasattr(value, "numpy") else to_numpy(value)

    def _check_if_adapted(self) -> None:
        if not self._is_adapted:
            if self._adaptable():
                raise ValueError(
                    "You need to call `.adapt(dataset)` on the FeatureSpace before you can start using it."
                )
            self._is_adapted = True

    def _check_if_built(self) -> None:
        if not self._sublayers_built:
            self._check_if_adapted()
            self.get_encoded_features()
            self._sublayers_built = True

    # --- the graph ----------------------------------------------------------------------

    def get_inputs(self) -> dict[str, Any]:
        """Return the symbolic `keras.Input` of each feature (for building a model)."""
        self._check_if_built()
        return self.inputs

    def get_encoded_features(self) -> Any:
        """Return the symbolic encoded features: one tensor (concat) or a dict."""
        self._check_if_adapted()
        if self.encoded_features is None:
            preprocessed = self._preprocess(self.inputs)
            self.encoded_features = self._merge(preprocessed, self._cross(preprocessed))
        return self.encoded_features

    def _preprocess(self, data: Mapping[str, Any]) -> dict[str, Any]:
        return {key: self.preprocessors[key](data[key]) for key in self.features}

    def _cross(self, preprocessed: Mapping[str, Any]) -> dict[str, Any]:
        return {
            cross.name: self.crossers[cross.name]([preprocessed[key] for key in cross.feature_names])
            for cross in self.crosses
        }

    def _ordered(
        self, preprocessed: Mapping[str, Any], crossed: Mapping[str, Any]
    ) -> list[tuple[str, Any, Any]]:
        return [(key, preprocessed[key], self.features[key]) for key in sorted(preprocessed)] + [
            (key, crossed[key], self.crosses_by_name[key]) for key in sorted(crossed)
        ]

    def _cardinality(self, name: str, dtype: str) -> int:
        if not dtype.startswith("int"):
            raise ValueError(
                f"Feature '{name}' has `output_mode='one_hot'`. Thus its preprocessor should return an integer "
                f"dtype. Instead it returns a {dtype} dtype."
            )
        preprocessor = self.preprocessors.get(name) or self.crossers.get(name)
        if isinstance(preprocessor, (layers.IntegerLookup, layers.StringLookup)):
            return int(preprocessor.vocabulary_size())
        if isinstance(preprocessor, layers.CategoryEncoding):
            return int(preprocessor.num_tokens)
        if isinstance(preprocessor, (layers.Discretization, layers.HashedCrossing, layers.Hashing)):
            return int(preprocessor.num_bins or 0)
        raise ValueError(
            f"Feature '{name}' has `output_mode='one_hot'`. However it isn't a standard feature and the "
            "dimensionality of its output space is not known, thus it cannot be one-hot encoded. Try using "
            "`output_mode='int'`."
        )

    def _merge(self, preprocessed: Mapping[str, Any], crossed: Mapping[str, Any]) -> Any:
        """Encode the features in name order; create the encoders on the first (symbolic) pass."""
        first = not self._sublayers_built and self.encoded_features is None
        outputs: dict[str, Any] = {}
        for name, value, spec in self._ordered(preprocessed, crossed):
            if first and spec.output_mode == "one_hot":
                depth = self._cardinality(name, standardize_dtype(value.dtype))
                self.one_hot_encoders[name] = layers.CategoryEncoding(
                    num_tokens=depth, output_mode="multi_hot"
                )
            encoder = self.one_hot_encoders.get(name)
            if encoder is not None:
                value = encoder(value)
            if first and self.output_mode == "concat":
                dtype = standardize_dtype(value.dtype)
                if dtype.startswith("int") or dtype == "string":
                    raise ValueError(
                        f"Cannot concatenate features because feature '{name}' has not been encoded (it has dtype "
                        f"{dtype}). Consider using `output_mode='dict'`."
                    )
            outputs[name] = value
        if self.output_mode == "dict":
            return outputs
        if self.concat is None:
            self.concat = TFDConcat(axis=-1)
        return self.concat(list(outputs.values()))

    # --- calling ------------------------------------------------------------------------

    def _as_input(self, value: Any, dtype: str) -> tuple[Any, bool]:
        """Return a feature column as a rank >= 2 array or tensor, and whether it was a scalar."""
        if isinstance(value, KerasTensor):
            raise ValueError(
                "A FeatureSpace is called on concrete data; for a symbolic graph use `get_inputs()` and "
                f"`get_encoded_features()`. Received: {value}"
            )
        array = value if is_string_array(value) and hasattr(value, "numpy") else to_numpy(value)
        array = to_numpy(array)
        scalar = array.ndim == 0
        if scalar:
            array = array.reshape(1, 1)
        elif array.ndim == 1:
            array = array[:, None]
        if is_string_array(array):
            return array, scalar
        if dtype.startswith("float"):
            return ops.convert_to_tensor(array, dtype=dtype), scalar
        return ops.convert_to_tensor(array), scalar

    def __call__(self, data: Any) -> Any:
        """Preprocess and encode a dict of feature columns (arrays, lists or scalars).

        Args:
            data: A dict from feature name to its values.

        Returns:
            One float tensor (`output_mode="concat"`) or a dict of encoded features.
            A dict of scalars gives unbatched outputs.

        Raises:
            ValueError: If the feature space needs `adapt()`, or `data` is not a dict.
        """
        self._check_if_built()
        if not isinstance(data, Mapping):
            raise ValueError(
                f"A FeatureSpace can only be called with a dict. Received: data={data} (of type {type(data)}"
            )
        inputs: dict[str, Any] = {}
        rebatched = False
        for key, feature in self.features.items():
            inputs[key], scalar = self._as_input(self._column(data, key), feature.dtype)
            rebatched = rebatched or scalar
        preprocessed = self._preprocess(inputs)
        merged = self._merge(preprocessed, self._cross(preprocessed))
        if not rebatched:
            return merged
        if self.output_mode == "concat":
            return ops.squeeze(merged, axis=0)
        return {
            key: ops.squeeze(value, axis=0) if len(value.shape) == 2 and value.shape[0] == 1 else value
            for key, value in merged.items()
        }

    # --- config and saving --------------------------------------------------------------

    def get_config(self) -> dict[str, Any]:
        """Return the constructor arguments; features and crosses serialized as Keras does."""
        return {
            "features": {key: _entry(feature) for key, feature in self.features.items()},
            "output_mode": self.output_mode,
            "crosses": [_entry(cross) for cross in self.crosses],
            "crossing_dim": self.crossing_dim,
            "hashing_dim": self.hashing_dim,
            "num_discretization_bins": self.num_discretization_bins,
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> FeatureSpace:
        """Rebuild a (not yet adapted) feature space from `get_config()`'s output."""
        return cls(**config)

    def get_build_config(self) -> dict[str, Any]:
        """Return each preprocessor's build config, by feature name."""
        return {key: feature.preprocessor.get_build_config() for key, feature in self.features.items()}

    def build_from_config(self, config: dict[str, Any]) -> None:
        """Build the preprocessors from `get_build_config()`'s output; the state loads next."""
        for key, build_config in config.items():
            preprocessor = self.features[key].preprocessor
            if not preprocessor.built:
                preprocessor.build_from_config(build_config)
        self._is_adapted = True

    def save(self, filepath: Any) -> None:
        """Save the feature space, adapted state included, to a `.keras` file.

        The vocabularies of lookup layers are written as `assets/<path>/vocabulary.txt`
        members, as Keras 3 writes them; reload with `keras.saving.load_model`.

        Args:
            filepath: A path ending in `.keras`.
        """
        from keras.saving import save_model
        from keras.saving._walk import walk

        path = os.fspath(filepath)
        save_model(self, path)
        with tempfile.TemporaryDirectory() as folder:
            members = []
            for inner, obj in walk(self):
                save_assets = getattr(obj, "save_assets", None)
                if inner and callable(save_assets):
                    target = os.path.join(folder, inner)
                    os.makedirs(target, exist_ok=True)
                    save_assets(target)
                    members += [
                        (f"assets/{inner}/{file}", os.path.join(target, file)) for file in os.listdir(target)
                    ]
            if members:
                with zipfile.ZipFile(path, "a") as archive:
                    for name, source in sorted(members):
                        archive.write(source, name)

    def save_own_variables(self, store: Any) -> None:
        """Save nothing: the state lives in the preprocessors."""

    def load_own_variables(self, store: Any) -> None:
        """Load nothing: the state lives in the preprocessors."""
