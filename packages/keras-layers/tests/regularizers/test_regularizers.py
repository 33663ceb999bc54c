"""The weight regularizers against numpy closed forms and Keras 3.15's outputs; names,
configs (Keras's float32-rounded factors included) and errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

from keras import ops, regularizers
from keras.backend import backend, standardize_dtype
from keras.ops._keras_tensor import KerasTensor

RNG = np.random.default_rng(0)
X = np.array([[1.0, -2.0, 0.5], [3.0, 0.25, -1.0]], dtype="float32")
BIG = RNG.normal(size=(6, 4)).astype("float32")


def orthogonal_ref(x: np.ndarray, factor: float, mode: str) -> float:
    m = x.astype("float64") if mode == "rows" else x.astype("float64").T
    m = m / np.linalg.norm(m, axis=1, keepdims=True)
    product = np.abs(m @ m.T)
    n = m.shape[0]
    pairs = n * (n - 1) / 2
    return factor * 0.5 * (product.sum() - np.trace(product)) / pairs


@dataclass(frozen=True)
class Case:
    regularizer: Callable[..., Any]
    x: np.ndarray
    expected: float
    id: str
    rtol: float = 1e-6


CASES = [
    Case(regularizers.L1(0.3), X, 0.3 * np.abs(X).sum(), "l1"),
    Case(regularizers.L1(), BIG, 0.01 * np.abs(BIG).sum(), "l1-default"),
    Case(regularizers.L2(0.3), X, 0.3 * np.square(X).sum(), "l2"),
    Case(regularizers.L2(), BIG, 0.01 * np.square(BIG).sum(), "l2-default"),
    Case(regularizers.L1L2(0.1, 0.2), X, 0.1 * np.abs(X).sum() + 0.2 * np.square(X).sum(), "l1l2"),
    Case(regularizers.L1L2(l2=0.5), X, 0.5 * np.square(X).sum(), "l1l2-only-l2"),
    Case(regularizers.L1L2(), X, 0.0, "l1l2-default-is-zero"),
    Case(regularizers.L1L2(None, None), X, 0.0, "l1l2-none"),
    Case(
        regularizers.OrthogonalRegularizer(0.5, "rows"), X, orthogonal_ref(X, 0.5, "rows"), "orthogonal-rows"
    ),
    Case(
        regularizers.OrthogonalRegularizer(0.5, "columns"),
        X,
        orthogonal_ref(X, 0.5, "columns"),
        "orthogonal-columns",
    ),
    Case(
        regularizers.OrthogonalRegularizer(),
        BIG,
        orthogonal_ref(BIG, 0.01, "rows"),
        "orthogonal-default",
        1e-5,
    ),
    Case(
        regularizers.OrthogonalRegularizer(1.0, "rows"),
        np.eye(3, dtype="float32"),
        0.0,
        "orthogonal-identity",
    ),
    Case(regularizers.Regularizer(), X, 0.0, "base-is-zero"),
    Case(regularizers.l1(0.3), X, 0.3 * np.abs(X).sum(), "alias-l1"),
    Case(regularizers.l2(0.3), X, 0.3 * np.square(X).sum(), "alias-l2"),
    Case(regularizers.l1_l2(0.1, 0.2), X, 0.1 * np.abs(X).sum() + 0.2 * np.square(X).sum(), "alias-l1-l2"),
    Case(regularizers.orthogonal_regularizer(0.5), X, orthogonal_ref(X, 0.5, "rows"), "alias-orthogonal"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_matches_closed_form(case: Case) -> None:
    got = case.regularizer(case.x)
    np.testing.assert_allclose(float(ops.convert_to_numpy(got)), case.expected, rtol=case.rtol, atol=1e-7)


@pytest.mark.parametrize(
    ("regularizer", "expected"),
    [
        (regularizers.L1(0.3), 2.325000047683716),
        (regularizers.L2(0.3), 4.59375),
        (regularizers.L1L2(0.1, 0.2), 3.8375000953674316),
        (regularizers.OrthogonalRegularizer(0.5, "columns"), 0.24298717081546783),
        (regularizers.OrthogonalRegularizer(0.5, "rows"), 0.13758382201194763),
    ],
    ids=["l1", "l2", "l1l2", "orthogonal-columns", "orthogonal-rows"],
)
def test_matches_keras(regularizer: Any, expected: float) -> None:
    # Keras 3.15.1 (jax backend) on X.
    got = regularizer(X)
    assert tuple(got.shape) == ()
    assert standardize_dtype(got.dtype) == "float32"
    np.testing.assert_allclose(float(ops.convert_to_numpy(got)), expected, rtol=1e-6)


@pytest.mark.parametrize("dtype", ["float16", "bfloat16"])
def test_penalty_dtype_follows_the_weight(dtype: str) -> None:
    x = ops.convert_to_tensor(X, dtype=dtype)
    for regularizer in (regularizers.L1(0.5), regularizers.L2(0.5), regularizers.L1L2(0.5, 0.5)):
        assert standardize_dtype(regularizer(x).dtype) == dtype


@pytest.mark.parametrize(
    "regularizer",
    [regularizers.L1(), regularizers.L2(), regularizers.L1L2(0.1, 0.1), regularizers.OrthogonalRegularizer()],
    ids=["l1", "l2", "l1l2", "orthogonal"],
)
def test_symbolic(regularizer: Any) -> None:
    out = regularizer(KerasTensor((5, 4), "float32"))
    assert isinstance(out, KerasTensor)
    assert tuple(out.shape) == () and out.dtype == "float32"


def test_orthogonal_needs_a_matrix() -> None:
    with pytest.raises(ValueError, match=r"must have rank 2. Received: inputs.shape=\(2, 2, 2\)"):
        regularizers.OrthogonalRegularizer()(np.ones((2, 2, 2), "float32"))


@pytest.mark.parametrize(
    ("build", "match"),
    [
        (
            lambda: regularizers.L1(-1),
            r"Invalid value for argument l1: expected a non-negative float. Received: l1=-1",
        ),
        (lambda: regularizers.L2("a"), r"argument l2: expected a non-negative float. Received: l2=a"),
        (lambda: regularizers.L1L2(l1=float("nan")), r"Received: l1=nan"),
        (lambda: regularizers.L1L2(l2=float("inf")), r"Received: l2=inf"),
        (lambda: regularizers.OrthogonalRegularizer(factor=-1), r"Received: factor=-1"),
        (
            lambda: regularizers.OrthogonalRegularizer(mode="diagonal"),
            r'Invalid value for argument `mode`. Expected one of \{"rows", "columns"\}. Received: mode=diagonal',
        ),
    ],
    ids=["l1-negative", "l2-string", "l1-nan", "l2-inf", "factor-negative", "mode"],
)
def test_bad_arguments(build: Callable[[], Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        build()


def test_base_class_has_no_config() -> None:
    with pytest.raises(NotImplementedError, match="does not implement get_config"):
        regularizers.Regularizer().get_config()


def test_none_means_the_default() -> None:
    assert regularizers.L1(None).l1 == 0.01
    assert regularizers.L2(None).l2 == 0.01


# --- names and configs ------------------------------------------------------------------------


def keras_dict(class_name: str, config: dict[str, Any]) -> dict[str, Any]:
    return {
        "module": "keras.regularizers",
        "class_name": class_name,
        "config": config,
        "registered_name": None,
    }


CONFIGS = [
    # Keras keeps L1's and OrthogonalRegularizer's factors as float32: their configs show it.
    (regularizers.L1(0.3), keras_dict("L1", {"l1": 0.30000001192092896})),
    (regularizers.L1(0.1), keras_dict("L1", {"l1": 0.10000000149011612})),
    (regularizers.L2(0.3), keras_dict("L2", {"l2": 0.3})),
    (regularizers.L2(), keras_dict("L2", {"l2": 0.01})),
    (regularizers.L1L2(0.1, 0.2), keras_dict("L1L2", {"l1": 0.1, "l2": 0.2})),
    (regularizers.L1L2(), keras_dict("L1L2", {"l1": 0.0, "l2": 0.0})),
    (
        regularizers.OrthogonalRegularizer(0.5, "columns"),
        keras_dict("OrthogonalRegularizer", {"factor": 0.5, "mode": "columns"}),
    ),
    (
        regularizers.OrthogonalRegularizer(),
        keras_dict("OrthogonalRegularizer", {"factor": 0.009999999776482582, "mode": "rows"}),
    ),
]


@pytest.mark.parametrize(
    ("regularizer", "expected"), CONFIGS, ids=[f"{e['class_name']}-{i}" for i, (_, e) in enumerate(CONFIGS)]
)
def test_serialize_matches_keras_and_round_trips(regularizer: Any, expected: dict[str, Any]) -> None:
    assert regularizers.serialize(regularizer) == expected
    assert regularizer.get_config() == expected["config"]
    rebuilt = regularizers.deserialize(expected)
    assert type(rebuilt) is type(regularizer)
    assert regularizers.serialize(rebuilt) == expected
    assert type(regularizer).from_config(regularizer.get_config()).get_config() == expected["config"]
    np.testing.assert_allclose(
        float(ops.convert_to_numpy(rebuilt(X))), float(ops.convert_to_numpy(regularizer(X))), rtol=1e-6
    )


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("l1", regularizers.L1),
        ("L1", regularizers.L1),
        ("l2", regularizers.L2),
        ("L2", regularizers.L2),
        ("l1l2", regularizers.L1L2),
        ("L1L2", regularizers.L1L2),
        ("orthogonal_regularizer", regularizers.OrthogonalRegularizer),
        ("OrthogonalRegularizer", regularizers.OrthogonalRegularizer),
        ("Regularizer", regularizers.Regularizer),
    ],
)
def test_get_by_name(name: str, cls: type) -> None:
    assert type(regularizers.get(name)) is cls


def test_get_passes_through() -> None:
    assert regularizers.get(None) is None
    instance = regularizers.L2(0.5)
    assert regularizers.get(instance) is instance
    assert type(regularizers.get(regularizers.L1)) is regularizers.L1
    got = regularizers.get({"class_name": "L1L2", "config": {"l1": 0.5, "l2": 0.25}})
    assert type(got) is regularizers.L1L2 and (got.l1, got.l2) == (0.5, 0.25)


@pytest.mark.parametrize("identifier", ["l1_l2", "max_norm", 3, [1]])
def test_get_rejects(identifier: Any) -> None:
    # Like Keras 3.15, `get("l1_l2")` fails: the name table has the class's snake case, "l1l2".
    with pytest.raises(ValueError, match="Could not interpret regularizer identifier"):
        regularizers.get(identifier)


@pytest.mark.skipif(backend() != "jax", reason="jax.jit is the jax backend's compiler")
@pytest.mark.parametrize("case", CASES[:12], ids=lambda case: case.id)
def test_under_jax_jit(case: Case) -> None:
    import jax

    got = jax.jit(case.regularizer)(case.x)
    np.testing.assert_allclose(float(got), case.expected, rtol=case.rtol, atol=1e-7)


def test_accepts_a_variable() -> None:
    from keras.backend._variable import Variable

    variable = Variable(X)
    for case in CASES[:10]:
        got = float(ops.convert_to_numpy(case.regularizer(variable)))
        np.testing.assert_allclose(got, float(ops.convert_to_numpy(case.regularizer(X))), rtol=1e-6)
