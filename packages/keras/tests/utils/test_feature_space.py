"""FeatureSpace: encodings against closed forms and Keras 3.15's outputs on a fixed table, config, saving."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.utils._feature_space import Cross, Feature, FeatureSpace

FS = FeatureSpace
DATA = {
    "f": np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "float32"),
    "r": np.array([0.0, 10.0, 20.0, 30.0, 40.0, 50.0], "float32"),
    "n": np.array([2.0, 4.0, 4.0, 4.0, 5.0, 5.0], "float32"),
    "d": np.array([0.1, 0.4, 0.5, 0.7, 0.9, 1.3], "float32"),
    "ic": np.array([3, 5, 5, 7, 3, 5], "int32"),
    "sc": np.array(["x", "y", "y", "z", "x", "y"]),
    "sh": np.array(["p", "q", "r", "p", "q", "r"]),
    "ih": np.array([10, 20, 30, 10, 20, 30], "int32"),
}
# Keras 3.15's `fs(DATA)` for `full_space()` (columns: d(3) f ic(4) ih(5) n r sc(4) sh(4) sc_X_ic(6)).
_ROWS = [
    "1 0 0 1 0 0 1 0 0 0 1 0 0 -2 1 0 0 1 0 0 1 0 0 0 0 0 1 0 0",
    "0 1 0 2 0 1 0 0 0 1 0 0 0 0 2 0 1 0 0 0 1 0 0 0 0 0 1 0 0",
    "0 1 0 3 0 1 0 0 0 0 0 1 0 0 3 0 1 0 0 0 1 0 0 0 0 0 1 0 0",
    "0 0 1 4 0 0 0 1 0 0 1 0 0 0 4 0 0 0 1 0 1 0 0 0 0 0 1 0 0",
    "0 0 1 5 0 0 1 0 0 1 0 0 0 1 5 0 0 1 0 0 1 0 0 0 0 0 1 0 0",
    "0 0 1 6 0 1 0 0 0 0 0 1 0 1 6 0 1 0 0 0 1 0 0 0 0 0 1 0 0",
]
KERAS_CONCAT = np.array([[float(v) for v in row.split()] for row in _ROWS], "float32")


def full_space() -> FeatureSpace:
    return FS(
        features={
            "f": FS.float(),
            "r": FS.float_rescaled(scale=0.1, offset=1.0),
            "n": FS.float_normalized(),
            "d": FS.float_discretized(num_bins=3),
            "ic": FS.integer_categorical(),
            "sc": FS.string_categorical(),
            "sh": FS.string_hashed(num_bins=4),
            "ih": FS.integer_hashed(num_bins=5),
        },
        crosses=[FS.cross(("sc", "ic"), crossing_dim=6)],
        output_mode="concat",
    )


def dict_space() -> FeatureSpace:
    return FS(
        features={
            "sc": "string_categorical",
            "ic": FS.integer_categorical(output_mode="int"),
            "f": "float_normalized",
        },
        output_mode="dict",
        crosses=[("sc", "ic")],
        crossing_dim=4,
    )


def np_(x: Any) -> np.ndarray[Any, Any]:
    return np.asarray(ops.convert_to_numpy(x))


def test_concat_matches_keras_and_closed_forms() -> None:
    space = full_space()
    space.adapt(DATA)
    out = np_(space(DATA))
    assert out.shape == (6, 29) and out.dtype == np.float32
    np.testing.assert_allclose(out, KERAS_CONCAT, rtol=1e-6, atol=1e-6)
    # closed forms: identity, x * 0.1 + 1, (x - mean) / std with population variance.
    np.testing.assert_allclose(out[:, 3], DATA["f"], rtol=1e-6)
    np.testing.assert_allclose(out[:, 14], DATA["r"] * 0.1 + 1.0, rtol=1e-6)
    n = DATA["n"]
    np.testing.assert_allclose(out[:, 13], (n - n.mean()) / n.std(), rtol=1e-5, atol=1e-6)
    assert space.preprocessors["sc"].get_vocabulary() == ["[UNK]", "y", "x", "z"]
    assert space.preprocessors["ic"].get_vocabulary() == [-1, 5, 3, 7]
    np.testing.assert_allclose(space.preprocessors["d"].bin_boundaries, [0.4, 0.7], rtol=1e-6)
    assert [w.path for w in space.weights] == [
        "float_normalized_preprocessor/mean",
        "float_normalized_preprocessor/variance",
        "float_normalized_preprocessor/count",
    ]


def test_single_sample_is_unbatched() -> None:
    space = full_space()
    space.adapt(DATA)
    one = np_(space({key: value[1] for key, value in DATA.items()}))
    np.testing.assert_allclose(one, KERAS_CONCAT[1], rtol=1e-6, atol=1e-6)


def test_dict_output_matches_keras() -> None:
    space = dict_space()
    space.adapt({key: list(DATA[key]) for key in ("sc", "ic", "f")})  # lists are accepted too
    out = space({key: DATA[key] for key in ("sc", "ic", "f")})
    assert list(out) == ["f", "ic", "sc", "sc_X_ic"]
    np.testing.assert_allclose(
        np_(out["f"])[:, 0], [-1.46385, -0.87831, -0.29277, 0.29277, 0.87831, 1.46385], rtol=1e-5
    )
    assert np_(out["ic"])[:, 0].tolist() == [2, 1, 1, 3, 2, 1]
    np.testing.assert_array_equal(np_(out["sc"]), np.eye(4, dtype="float32")[[2, 1, 1, 3, 2, 1]])
    np.testing.assert_array_equal(np_(out["sc_X_ic"]), np.eye(4, dtype="float32")[[3, 1, 1, 1, 3, 1]])
    one = space({"sc": "y", "ic": 5, "f": 2.0})
    assert {key: tuple(value.shape) for key, value in one.items()} == {
        "f": (1,),
        "ic": (1,),
        "sc": (4,),
        "sc_X_ic": (4,),
    }
    np.testing.assert_allclose(np_(one["f"]), [-0.87831], rtol=1e-5)


def test_adapt_on_a_tf_dataset_equals_adapt_on_a_dict() -> None:
    tf = pytest.importorskip("tensorflow", reason="adapt on a tf.data.Dataset needs tensorflow")
    from_dict, from_unbatched, from_batched = full_space(), full_space(), full_space()
    from_dict.adapt(DATA)
    from_unbatched.adapt(tf.data.Dataset.from_tensor_slices(DATA))
    from_batched.adapt(tf.data.Dataset.from_tensor_slices(DATA).batch(4))
    for space in (from_unbatched, from_batched):
        np.testing.assert_allclose(np_(space(DATA)), np_(from_dict(DATA)), rtol=1e-6, atol=1e-6)


def test_symbolic_inputs_and_encoded_features() -> None:
    space = full_space()
    space.adapt(DATA)
    inputs = space.get_inputs()
    assert sorted(inputs) == sorted(DATA) and tuple(inputs["sc"].shape) == (None, 1)
    assert inputs["sc"].dtype == "string" and inputs["ic"].dtype == "int32"
    assert tuple(space.get_encoded_features().shape) == (None, 29)


def test_spaces_without_adaptable_features_need_no_adapt() -> None:
    space = FS(
        features={"x": "float", "h": FS.string_hashed(num_bins=3, output_mode="int")}, output_mode="dict"
    )
    out = space({"x": np.array([1.0, 2.0], "float32"), "h": np.array(["a", "b"])})
    np.testing.assert_array_equal(np_(out["x"]), [[1.0], [2.0]])
    assert np_(out["h"]).shape == (2, 1) and set(np_(out["h"]).ravel()) <= {0, 1, 2}


def test_config_equals_keras() -> None:
    space = FS(
        features={
            "a": FS.float_normalized(name="a"),
            "b": "string_categorical",
            "c": FS.integer_hashed(num_bins=3, output_mode="int", name="c"),
        },
        crosses=[FS.cross(["b", "c"], crossing_dim=5)],
        output_mode="dict",
        hashing_dim=7,
    )
    config = space.get_config()
    assert set(config) == {
        "features",
        "output_mode",
        "crosses",
        "crossing_dim",
        "hashing_dim",
        "num_discretization_bins",
    }
    assert config["crosses"] == [
        {
            "module": "keras.src.layers.preprocessing.feature_space",
            "class_name": "Cross",
            "config": {"feature_names": ("b", "c"), "crossing_dim": 5, "output_mode": "one_hot"},
            "registered_name": "Cross",
        }
    ]
    a = config["features"]["a"]
    assert {k: v for k, v in a.items() if k != "config"} == {
        "module": "keras.src.layers.preprocessing.feature_space",
        "class_name": "Feature",
        "registered_name": "Feature",
    }
    assert a["config"]["dtype"] == "float32" and a["config"]["output_mode"] == "float"
    assert a["config"]["preprocessor"]["class_name"] == "Normalization"
    assert a["config"]["preprocessor"]["config"]["name"] == "a_preprocessor"
    assert config["features"]["b"]["config"]["preprocessor"]["class_name"] == "StringLookup"
    assert config["features"]["c"]["config"]["preprocessor"]["config"]["num_bins"] == 3
    assert (
        config["output_mode"],
        config["crossing_dim"],
        config["hashing_dim"],
        config["num_discretization_bins"],
    ) == (
        "dict",
        32,
        7,
        32,
    )
    rebuilt = FS.from_config(config)
    assert rebuilt.get_config() == config
    assert isinstance(rebuilt.features["a"], Feature) and isinstance(rebuilt.crosses[0], Cross)


def test_float_identity_serializes_under_keras_name() -> None:
    preprocessor = FS(features={"x": "float"}).get_config()["features"]["x"]["config"]["preprocessor"]
    assert preprocessor["module"] == "keras.src.layers.preprocessing.feature_space"
    assert (preprocessor["class_name"], preprocessor["registered_name"]) == ("TFDIdentity", "TFDIdentity")
    assert FS.from_config(FS(features={"x": "float"}).get_config()).features["x"].output_mode == "float"


def test_save_writes_keras_layout(tmp_path: Path) -> None:
    space = full_space()
    space.adapt(DATA)
    path = tmp_path / "space.keras"
    space.save(path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert names[:3] == ["metadata.json", "config.json", "model.weights.h5"]
        assert archive.read("assets/preprocessors/string_lookup/vocabulary.txt").decode().split("\n") == [
            "[UNK]",
            "y",
            "x",
            "z",
        ]
        assert archive.read("assets/preprocessors/integer_lookup/vocabulary.txt").decode().split("\n") == [
            "-1",
            "5",
            "3",
            "7",
        ]


def test_save_and_load_numeric_state(tmp_path: Path) -> None:
    from keras.saving import load_model

    space = FS(
        features={
            "n": "float_normalized",
            "d": FS.float_discretized(num_bins=3),
            "sh": FS.string_hashed(num_bins=4),
        },
        crosses=[("d", "sh")],
        crossing_dim=3,
    )
    space.adapt(DATA)
    path = tmp_path / "space.keras"
    space.save(path)
    loaded = load_model(path)
    assert isinstance(loaded, FeatureSpace)
    np.testing.assert_allclose(np_(loaded(DATA)), np_(space(DATA)), rtol=1e-6, atol=1e-6)


def test_save_and_load_lookup_vocabularies(tmp_path: Path) -> None:
    from keras.saving import load_model

    space = full_space()
    space.adapt(DATA)
    space.save(tmp_path / "space.keras")
    loaded = load_model(tmp_path / "space.keras")  # FeatureSpace is found in keras.utils
    np.testing.assert_allclose(np_(loaded(DATA)), KERAS_CONCAT, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: FS({}), r"The `features` argument cannot be None or empty\."),
        (lambda: FS({"x": "nope"}), "Invalid feature type: nope"),
        (
            lambda: FS({"x": "float"}, output_mode="zz"),
            r"Expected one of \{'dict', 'concat'\}\. Received: output_mode=zz",
        ),
        (
            lambda: FS({"x": "float"}, crosses=[("x", "y")]),
            r"should be present in the `features` dict\. Received unknown features: \('x', 'y'\)",
        ),
        (
            lambda: FS.cross(["a"], 3, output_mode="zz"),
            r"Expected one of \{'int', 'one_hot'\}\. Received: output_mode=zz",
        ),
        (
            lambda: FS.feature("float32", None, "zz"),
            r"Expected one of \{'int', 'one_hot', 'float'\}\. Received: output_mode=zz",
        ),
        (
            lambda: FS({"x": "float"}, crosses=[("x",)], crossing_dim=None),
            r"the argument `crossing_dim` \(dimensionality of the crossing space\) should be specified",
        ),
        (lambda: FS({"x": "float_normalized"})({"x": np.ones(2)}), r"You need to call `\.adapt\(dataset\)`"),
        (
            lambda: FS({"x": "float"})([1.0]),
            r"A FeatureSpace can only be called with a dict\. Received: data=\[1\.0\]",
        ),
        (
            lambda: FS({"x": "float_normalized"}).adapt([1, 2]),
            r"`adapt\(\)` can only be called on a tf\.data\.Dataset or a dict of arrays/lists\. Received instead: "
            r"\[1, 2\]",
        ),
        (
            lambda: FS({"x": FS.integer_categorical(output_mode="int")}).adapt({"x": np.array([1, 2])}),
            r"Cannot concatenate features because feature 'x' has not been encoded \(it has dtype int64\)",
        ),
        (
            lambda: FS({"x": FS.feature("float32", FS.float_rescaled().preprocessor, "one_hot")}).adapt(
                {"x": np.array([1.0, 2.0])}
            ),
            r"Feature 'x' has `output_mode='one_hot'`\. Thus its preprocessor should return an integer dtype\. "
            r"Instead it returns a float32 dtype\.",
        ),
        (
            lambda: FS({"x": "float_normalized"}).adapt({"y": np.ones(2)}),
            r"Feature 'x' is missing from the data",
        ),
    ],
)
def test_errors(make: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()
