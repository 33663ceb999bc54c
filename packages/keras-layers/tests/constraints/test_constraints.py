"""The weight constraints against numpy closed forms and Keras 3.15's outputs; names,
configs and errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

from keras import constraints, ops
from keras.backend import backend, epsilon, standardize_dtype
from keras.ops._keras_tensor import KerasTensor

RNG = np.random.default_rng(0)
W = np.array([[1.0, -2.0, 0.5], [3.0, 0.25, -1.0]], dtype="float32")
CONV = RNG.normal(size=(3, 3, 2, 4)).astype("float32")


def norms(w: np.ndarray, axis: Any) -> np.ndarray:
    axis = tuple(axis) if isinstance(axis, list) else axis
    return np.sqrt(np.sum(np.square(w.astype("float64")), axis=axis, keepdims=True))


def max_norm_ref(w: np.ndarray, max_value: float, axis: Any) -> np.ndarray:
    n = norms(w, axis)
    return w * np.clip(n, 0, max_value) / (epsilon() + n)


def min_max_norm_ref(w: np.ndarray, low: float, high: float, rate: float, axis: Any) -> np.ndarray:
    n = norms(w, axis)
    return w * (rate * np.clip(n, low, high) + (1 - rate) * n) / (epsilon() + n)


def unit_norm_ref(w: np.ndarray, axis: Any) -> np.ndarray:
    return w / (epsilon() + norms(w, axis))


@dataclass(frozen=True)
class Case:
    constraint: Callable[..., Any]
    w: np.ndarray
    expected: np.ndarray
    id: str
    rtol: float = 1e-6


CASES = [
    Case(constraints.MaxNorm(1.0), W, max_norm_ref(W, 1.0, 0), "max-norm-axis0"),
    Case(constraints.MaxNorm(2.0, axis=1), W, max_norm_ref(W, 2.0, 1), "max-norm-axis1"),
    Case(constraints.MaxNorm(100.0), W, W, "max-norm-inactive"),
    Case(constraints.MaxNorm(3.0, axis=[0, 1]), W, max_norm_ref(W, 3.0, [0, 1]), "max-norm-all-axes"),
    Case(constraints.MaxNorm(1.0, axis=[0, 1, 2]), CONV, max_norm_ref(CONV, 1.0, [0, 1, 2]), "max-norm-conv"),
    Case(constraints.MinMaxNorm(0.5, 2.0, 0.5, 1), W, min_max_norm_ref(W, 0.5, 2.0, 0.5, 1), "min-max-rate"),
    Case(constraints.MinMaxNorm(4.0, 5.0), W, min_max_norm_ref(W, 4.0, 5.0, 1.0, 0), "min-max-grows"),
    Case(constraints.MinMaxNorm(), CONV, min_max_norm_ref(CONV, 0.0, 1.0, 1.0, 0), "min-max-default"),
    Case(constraints.NonNeg(), W, np.maximum(W, 0), "non-neg"),
    Case(constraints.UnitNorm(), W, unit_norm_ref(W, 0), "unit-norm"),
    Case(constraints.UnitNorm(-1), W, unit_norm_ref(W, -1), "unit-norm-last"),
    Case(constraints.UnitNorm([0, 1, 2]), CONV, unit_norm_ref(CONV, [0, 1, 2]), "unit-norm-conv"),
    Case(constraints.Constraint(), W, W, "base-is-identity"),
    Case(constraints.max_norm(1.0), W, max_norm_ref(W, 1.0, 0), "alias-max-norm"),
    Case(constraints.min_max_norm(), W, min_max_norm_ref(W, 0.0, 1.0, 1.0, 0), "alias-min-max-norm"),
    Case(constraints.non_neg(), W, np.maximum(W, 0), "alias-non-neg"),
    Case(constraints.unit_norm(), W, unit_norm_ref(W, 0), "alias-unit-norm"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_matches_closed_form(case: Case) -> None:
    got = case.constraint(case.w)
    assert tuple(got.shape) == case.w.shape
    assert standardize_dtype(got.dtype) == "float32"
    np.testing.assert_allclose(ops.convert_to_numpy(got), case.expected, rtol=case.rtol, atol=1e-7)


# Keras 3.15.1 (jax backend) on W.
KERAS_OUTPUTS = [
    (
        constraints.MaxNorm(3.0, axis=[0, 1]),
        [
            [0.7666518688201904, -1.5333037376403809, 0.3833259344100952],
            [2.2999556064605713, 0.1916629672050476, -0.7666518688201904],
        ],
    ),
    (
        constraints.MaxNorm(1.0),
        [
            [0.3162277638912201, -0.9922778606414795, 0.4472135305404663],
            [0.9486832618713379, 0.12403473258018494, -0.8944270610809326],
        ],
    ),
    (
        constraints.MinMaxNorm(0.5, 2.0, 0.5, 1),
        [
            [0.9364357590675354, -1.8728715181350708, 0.4682178795337677],
            [2.445732355117798, 0.20381103456020355, -0.8152441382408142],
        ],
    ),
    (
        constraints.UnitNorm(-1),
        [
            [0.4364357590675354, -0.8728715181350708, 0.2182178795337677],
            [0.9457324743270874, 0.07881104201078415, -0.3152441680431366],
        ],
    ),
]


@pytest.mark.parametrize(
    ("constraint", "expected"), KERAS_OUTPUTS, ids=["max-norm-all", "max-norm", "min-max", "unit"]
)
def test_matches_keras(constraint: Any, expected: list[list[float]]) -> None:
    np.testing.assert_allclose(ops.convert_to_numpy(constraint(W)), np.array(expected), rtol=1e-6)


def test_zero_weights_stay_finite() -> None:
    zeros = np.zeros((3, 2), "float32")
    for constraint in (constraints.MaxNorm(), constraints.MinMaxNorm(1.0, 2.0), constraints.UnitNorm()):
        np.testing.assert_array_equal(ops.convert_to_numpy(constraint(zeros)), zeros)


def test_unit_norm_gives_unit_columns() -> None:
    got = ops.convert_to_numpy(constraints.UnitNorm()(CONV.reshape(-1, 4)))
    np.testing.assert_allclose(np.linalg.norm(got, axis=0), np.ones(4), rtol=1e-6)


def test_integer_weights_give_floats() -> None:
    got = constraints.MaxNorm(1.0)(np.array([[3], [4]], dtype="int32"))
    assert standardize_dtype(got.dtype) == "float32"
    np.testing.assert_allclose(ops.convert_to_numpy(got), [[0.6], [0.8]], rtol=1e-6)


@pytest.mark.parametrize(
    "constraint",
    [constraints.MaxNorm(), constraints.MinMaxNorm(), constraints.NonNeg(), constraints.UnitNorm()],
    ids=["max-norm", "min-max-norm", "non-neg", "unit-norm"],
)
def test_symbolic(constraint: Any) -> None:
    out = constraint(KerasTensor((None, 4), "float32"))
    assert isinstance(out, KerasTensor)
    assert tuple(out.shape) == (None, 4) and out.dtype == "float32"


# --- names and configs ------------------------------------------------------------------------


def keras_dict(class_name: str, config: dict[str, Any]) -> dict[str, Any]:
    return {
        "module": "keras.constraints",
        "class_name": class_name,
        "config": config,
        "registered_name": None,
    }


CONFIGS = [
    (constraints.MaxNorm(3.0, axis=[0, 1]), keras_dict("MaxNorm", {"max_value": 3.0, "axis": [0, 1]})),
    (constraints.MaxNorm(), keras_dict("MaxNorm", {"max_value": 2, "axis": 0})),
    (
        constraints.MinMaxNorm(0.5, 2.0, 0.5, 1),
        keras_dict("MinMaxNorm", {"min_value": 0.5, "max_value": 2.0, "rate": 0.5, "axis": 1}),
    ),
    (
        constraints.MinMaxNorm(),
        keras_dict("MinMaxNorm", {"min_value": 0.0, "max_value": 1.0, "rate": 1.0, "axis": 0}),
    ),
    (constraints.NonNeg(), keras_dict("NonNeg", {})),
    (constraints.UnitNorm(-1), keras_dict("UnitNorm", {"axis": -1})),
]


@pytest.mark.parametrize(
    ("constraint", "expected"), CONFIGS, ids=[f"{e['class_name']}-{i}" for i, (_, e) in enumerate(CONFIGS)]
)
def test_serialize_matches_keras_and_round_trips(constraint: Any, expected: dict[str, Any]) -> None:
    assert constraints.serialize(constraint) == expected
    assert constraint.get_config() == expected["config"]
    rebuilt = constraints.deserialize(expected)
    assert type(rebuilt) is type(constraint)
    assert constraints.serialize(rebuilt) == expected
    assert type(constraint).from_config(constraint.get_config()).get_config() == expected["config"]
    np.testing.assert_array_equal(ops.convert_to_numpy(rebuilt(W)), ops.convert_to_numpy(constraint(W)))


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("max_norm", constraints.MaxNorm),
        ("MaxNorm", constraints.MaxNorm),
        ("min_max_norm", constraints.MinMaxNorm),
        ("MinMaxNorm", constraints.MinMaxNorm),
        ("non_neg", constraints.NonNeg),
        ("NonNeg", constraints.NonNeg),
        ("unit_norm", constraints.UnitNorm),
        ("UnitNorm", constraints.UnitNorm),
        ("Constraint", constraints.Constraint),
    ],
)
def test_get_by_name(name: str, cls: type) -> None:
    assert type(constraints.get(name)) is cls


def test_get_passes_through() -> None:
    assert constraints.get(None) is None
    instance = constraints.MaxNorm(3.0)
    assert constraints.get(instance) is instance
    assert type(constraints.get(constraints.UnitNorm)) is constraints.UnitNorm
    assert constraints.get(ops.relu) is ops.relu
    got = constraints.get({"class_name": "MaxNorm", "config": {"max_value": 5.0, "axis": 1}})
    assert type(got) is constraints.MaxNorm and (got.max_value, got.axis) == (5.0, 1)


@pytest.mark.parametrize("identifier", ["nonneg", "l2", 3, [1]])
def test_get_rejects(identifier: Any) -> None:
    with pytest.raises(ValueError, match="Could not interpret constraint identifier"):
        constraints.get(identifier)


def test_custom_objects() -> None:
    class Halve(constraints.Constraint):
        def __call__(self, w: Any) -> Any:
            return ops.multiply(w, 0.5)

    obj = constraints.deserialize({"class_name": "Halve", "config": {}}, custom_objects={"Halve": Halve})
    np.testing.assert_array_equal(ops.convert_to_numpy(obj(W)), W * 0.5)


@pytest.mark.skipif(backend() != "jax", reason="jax.jit is the jax backend's compiler")
@pytest.mark.parametrize("case", CASES[:12], ids=lambda case: case.id)
def test_under_jax_jit(case: Case) -> None:
    import jax

    got = jax.jit(case.constraint)(case.w)
    np.testing.assert_allclose(np.asarray(got), case.expected, rtol=case.rtol, atol=1e-7)


def test_accepts_a_variable() -> None:
    from keras.backend._variable import Variable

    variable = Variable(W)
    for case in CASES[:4]:
        np.testing.assert_allclose(
            ops.convert_to_numpy(case.constraint(variable)), case.expected, rtol=1e-6, atol=1e-7
        )
