"""keras.initializers' names: `__all__` against the reference, `get`, `serialize`,
`deserialize`, and the hook that lets `keras.Variable` take initializer names."""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import numpy as np
import pytest

from keras import initializers, ops, random
from keras.backend._variable import Variable
from keras.layers._serialization import register_keras_serializable

# The names and signatures of shared/reference/keras-3.15-api.jsonl for the three namespaces
# this package's initializers, constraints and regularizers modules own.
REFERENCE: dict[str, dict[str, str]] = {
    "initializers": {
        "Constant": "(value=0.0)",
        "GlorotNormal": "(seed=None, input_axes=None, output_axes=None)",
        "GlorotUniform": "(seed=None, input_axes=None, output_axes=None)",
        "HeNormal": "(seed=None, input_axes=None, output_axes=None)",
        "HeUniform": "(seed=None, input_axes=None, output_axes=None)",
        "Identity": "(gain=1.0)",
        "IdentityInitializer": "(gain=1.0)",
        "Initializer": "(*args, **kwargs)",
        "LecunNormal": "(seed=None, input_axes=None, output_axes=None)",
        "LecunUniform": "(seed=None, input_axes=None, output_axes=None)",
        "Ones": "(*args, **kwargs)",
        "Orthogonal": "(gain=1.0, seed=None)",
        "OrthogonalInitializer": "(gain=1.0, seed=None)",
        "RandomNormal": "(mean=0.0, stddev=0.05, seed=None)",
        "RandomUniform": "(minval=-0.05, maxval=0.05, seed=None)",
        "STFT": "(side='real', window='hann', scaling='density', periodic=False)",
        "STFTInitializer": "(side='real', window='hann', scaling='density', periodic=False)",
        "TruncatedNormal": "(mean=0.0, stddev=0.05, seed=None)",
        "VarianceScaling": "(scale=1.0, mode='fan_in', distribution='truncated_normal', seed=None, input_axes=None, output_axes=None)",
        "Zeros": "(*args, **kwargs)",
        "constant": "(value=0.0)",
        "deserialize": "(config, custom_objects=None)",
        "get": "(identifier)",
        "glorot_normal": "(seed=None, input_axes=None, output_axes=None)",
        "glorot_uniform": "(seed=None, input_axes=None, output_axes=None)",
        "he_normal": "(seed=None, input_axes=None, output_axes=None)",
        "he_uniform": "(seed=None, input_axes=None, output_axes=None)",
        "identity": "(gain=1.0)",
        "lecun_normal": "(seed=None, input_axes=None, output_axes=None)",
        "lecun_uniform": "(seed=None, input_axes=None, output_axes=None)",
        "ones": "(*args, **kwargs)",
        "orthogonal": "(gain=1.0, seed=None)",
        "random_normal": "(mean=0.0, stddev=0.05, seed=None)",
        "random_uniform": "(minval=-0.05, maxval=0.05, seed=None)",
        "serialize": "(initializer)",
        "stft": "(side='real', window='hann', scaling='density', periodic=False)",
        "truncated_normal": "(mean=0.0, stddev=0.05, seed=None)",
        "variance_scaling": "(scale=1.0, mode='fan_in', distribution='truncated_normal', seed=None, input_axes=None, output_axes=None)",
        "zeros": "(*args, **kwargs)",
    },
    "constraints": {
        "Constraint": "(*args, **kwargs)",
        "MaxNorm": "(max_value=2, axis=0)",
        "MinMaxNorm": "(min_value=0.0, max_value=1.0, rate=1.0, axis=0)",
        "NonNeg": "(*args, **kwargs)",
        "UnitNorm": "(axis=0)",
        "deserialize": "(config, custom_objects=None)",
        "get": "(identifier)",
        "max_norm": "(max_value=2, axis=0)",
        "min_max_norm": "(min_value=0.0, max_value=1.0, rate=1.0, axis=0)",
        "non_neg": "(*args, **kwargs)",
        "serialize": "(constraint)",
        "unit_norm": "(axis=0)",
    },
    "regularizers": {
        "L1": "(l1=0.01)",
        "L1L2": "(l1=0.0, l2=0.0)",
        "L2": "(l2=0.01)",
        "OrthogonalRegularizer": "(factor=0.01, mode='rows')",
        "Regularizer": "(*args, **kwargs)",
        "deserialize": "(config, custom_objects=None)",
        "get": "(identifier)",
        "l1": "(l1=0.01)",
        "l1_l2": "(l1=0.0, l2=0.0)",
        "l2": "(l2=0.01)",
        "orthogonal_regularizer": "(factor=0.01, mode='rows')",
        "serialize": "(regularizer)",
    },
}


def plain_signature(obj: Any) -> str:
    """The signature as the reference writes it: names, kinds and default reprs, no annotations."""
    parts = []
    for p in inspect.signature(obj).parameters.values():
        prefix = {p.VAR_POSITIONAL: "*", p.VAR_KEYWORD: "**"}.get(p.kind, "")
        default = "" if p.default is p.empty else f"={p.default!r}"
        parts.append(f"{prefix}{p.name}{default}")
    text = f"({', '.join(parts)})"
    # A class without its own constructor shows `()` here and `(*args, **kwargs)` in Keras.
    return "(*args, **kwargs)" if text == "()" and inspect.isclass(obj) else text


@pytest.mark.parametrize("namespace", sorted(REFERENCE))
def test_names_and_signatures_match_the_reference(namespace: str) -> None:
    module = importlib.import_module(f"keras.{namespace}")
    expected = REFERENCE[namespace]
    assert module.__all__ == sorted(expected)
    for name, signature in expected.items():
        assert plain_signature(getattr(module, name)) == signature, name


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("glorot_uniform", initializers.GlorotUniform),
        ("GlorotUniform", initializers.GlorotUniform),
        ("glorot_normal", initializers.GlorotNormal),
        ("he_normal", initializers.HeNormal),
        ("he_uniform", initializers.HeUniform),
        ("lecun_normal", initializers.LecunNormal),
        ("lecun_uniform", initializers.LecunUniform),
        ("variance_scaling", initializers.VarianceScaling),
        ("zeros", initializers.Zeros),
        ("zero", initializers.Zeros),
        ("Zeros", initializers.Zeros),
        ("ones", initializers.Ones),
        ("one", initializers.Ones),
        ("constant", initializers.Constant),
        ("identity", initializers.Identity),
        ("IdentityInitializer", initializers.Identity),
        ("orthogonal", initializers.Orthogonal),
        ("OrthogonalInitializer", initializers.Orthogonal),
        ("random_normal", initializers.RandomNormal),
        ("normal", initializers.RandomNormal),
        ("random_uniform", initializers.RandomUniform),
        ("uniform", initializers.RandomUniform),
        ("truncated_normal", initializers.TruncatedNormal),
        ("stft", initializers.STFT),
        ("STFTInitializer", initializers.STFT),
    ],
)
def test_get_by_name(name: str, cls: type) -> None:
    obj = initializers.get(name)
    assert type(obj) is cls


def test_get_passes_through_and_instantiates() -> None:
    assert initializers.get(None) is None
    instance = initializers.RandomNormal(seed=1)
    assert initializers.get(instance) is instance
    assert type(initializers.get(initializers.HeNormal)) is initializers.HeNormal

    def fn(shape: Any, dtype: Any = None) -> Any:
        return ops.ones(shape, dtype=dtype)

    assert initializers.get(fn) is fn
    obj = initializers.get({"class_name": "Constant", "config": {"value": 3.0}})
    assert type(obj) is initializers.Constant and obj.value == 3.0


def test_get_from_tensor() -> None:
    value = np.array([[1.0, 2.0], [3.0, 4.0]])
    fn = initializers.get(value)
    np.testing.assert_array_equal(ops.convert_to_numpy(fn((2, 2), dtype="float32")), value.astype("float32"))
    np.testing.assert_array_equal(ops.convert_to_numpy(initializers.get(ops.ones((3,)))((3,))), np.ones(3))
    with pytest.raises(
        ValueError,
        match=r"Expected `shape` to be \(2, 2\) for direct tensor as initializer. Received shape=\(3,\)",
    ):
        fn((3,))


@pytest.mark.parametrize("identifier", ["foo", "l1", 3, [1]])
def test_get_rejects(identifier: Any) -> None:
    with pytest.raises(ValueError, match="Could not interpret initializer identifier"):
        initializers.get(identifier)


# --- serialize / deserialize: Keras 3.15's exact dicts --------------------------------------


def keras_dict(class_name: str, config: dict[str, Any]) -> dict[str, Any]:
    return {
        "module": "keras.initializers",
        "class_name": class_name,
        "config": config,
        "registered_name": None,
    }


SERIALIZED = [
    (initializers.Constant(2.5), keras_dict("Constant", {"value": 2.5})),
    (initializers.Zeros(), keras_dict("Zeros", {})),
    (initializers.Ones(), keras_dict("Ones", {})),
    (
        initializers.RandomNormal(1.0, 2.0, seed=3),
        keras_dict("RandomNormal", {"seed": 3, "mean": 1.0, "stddev": 2.0}),
    ),
    (
        initializers.RandomUniform(-1.0, 1.0, seed=3),
        keras_dict("RandomUniform", {"seed": 3, "minval": -1.0, "maxval": 1.0}),
    ),
    (
        initializers.TruncatedNormal(0.5, 0.1, seed=7),
        keras_dict("TruncatedNormal", {"seed": 7, "mean": 0.5, "stddev": 0.1}),
    ),
    (
        initializers.VarianceScaling(2.0, "fan_out", "uniform", seed=1),
        keras_dict(
            "VarianceScaling",
            {
                "seed": 1,
                "scale": 2.0,
                "mode": "fan_out",
                "distribution": "uniform",
                "input_axes": None,
                "output_axes": None,
            },
        ),
    ),
    (
        initializers.GlorotUniform(),
        keras_dict("GlorotUniform", {"seed": None, "input_axes": None, "output_axes": None}),
    ),
    (
        initializers.GlorotNormal(seed=1),
        keras_dict("GlorotNormal", {"seed": 1, "input_axes": None, "output_axes": None}),
    ),
    (initializers.Orthogonal(2.0, seed=5), keras_dict("Orthogonal", {"seed": 5, "gain": 2.0})),
    (
        initializers.STFT("imag", "hamming", "spectrum", True),
        keras_dict("STFT", {"side": "imag", "window": "hamming", "periodic": True, "scaling": "spectrum"}),
    ),
]


@pytest.mark.parametrize(
    ("initializer", "expected"), SERIALIZED, ids=[e["class_name"] for _, e in SERIALIZED]
)
def test_serialize_matches_keras_and_round_trips(initializer: Any, expected: dict[str, Any]) -> None:
    assert initializers.serialize(initializer) == expected
    rebuilt = initializers.deserialize(expected)
    assert type(rebuilt) is type(initializer)
    assert initializers.serialize(rebuilt) == expected


def test_serialize_seed_generator() -> None:
    config = initializers.serialize(initializers.RandomNormal(seed=random.SeedGenerator(3)))
    seed = config["config"]["seed"]
    assert (seed["module"], seed["class_name"], seed["config"]["seed"]) == (
        "keras.random",
        "SeedGenerator",
        3,
    )
    rebuilt = initializers.deserialize(config)
    assert isinstance(rebuilt.seed, random.SeedGenerator)


def test_deserialize_custom_objects() -> None:
    class Twos(initializers.Initializer):
        def __call__(self, shape: Any, dtype: Any = None) -> Any:
            return ops.full(shape, 2.0, dtype=dtype)

    obj = initializers.deserialize({"class_name": "Twos", "config": {}}, custom_objects={"Twos": Twos})
    assert type(obj) is Twos
    np.testing.assert_array_equal(ops.convert_to_numpy(obj((2,))), [2.0, 2.0])


def test_get_registered_custom_initializer() -> None:
    @register_keras_serializable(package="InitializerTests")
    class Threes(initializers.Initializer):
        def __call__(self, shape: Any, dtype: Any = None) -> Any:
            return ops.full(shape, 3.0, dtype=dtype)

    assert type(initializers.get("InitializerTests>Threes")) is Threes
    config = initializers.serialize(Threes())
    assert config["registered_name"] == "InitializerTests>Threes"
    assert type(initializers.deserialize(config)) is Threes


def test_base_class() -> None:
    with pytest.raises(NotImplementedError, match=r"must implement the `__call__\(\)` method"):
        initializers.Initializer()((2,))
    assert initializers.Initializer().get_config() == {}


# --- keras.Variable takes names once this package is imported --------------------------------


def test_variable_accepts_initializer_names() -> None:
    ones = Variable(initializer="ones", shape=(2, 3))
    np.testing.assert_array_equal(ones.numpy(), np.ones((2, 3), "float32"))
    glorot = Variable(initializer="glorot_uniform", shape=(30, 20), dtype="float32")
    values = glorot.numpy()
    assert values.shape == (30, 20) and values.dtype == np.float32
    assert np.abs(values).max() <= np.sqrt(6.0 / 50) + 1e-7
    assert values.std() > 0.0


def test_variable_rejects_unknown_names() -> None:
    with pytest.raises(ValueError, match="Could not interpret initializer identifier"):
        Variable(initializer="not_an_initializer", shape=(2,))
