"""Each optimizer's first three updates against its rule written out in numpy (`update_rules`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest
import update_rules as rules

import keras
from keras import optimizers
from keras.backend import backend, standardize_dtype
from keras.backend._name_scope import name_scope
from keras.backend._variable import Variable

pytestmark = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")

RTOL = 1e-6  # float32 arithmetic vs a float64 reference over three steps
ATOL = 1e-7
# Hyperparameters exactly representable in float32: with beta_2 = 0.999, `1 - beta_2**t` in
# float32 cancels to ~1e-5 relative error, which is float32's answer, not a rule mismatch.
BETAS = {"beta_1": 0.75, "beta_2": 0.875}


@dataclass(frozen=True)
class Case:
    optimizer: str
    rule: rules.Rule
    kwargs: dict[str, Any] = field(default_factory=dict)
    shape: tuple[int, ...] = (2, 3)
    rtol: float = RTOL
    id: str = ""


CASES = [
    Case("SGD", rules.sgd, {"learning_rate": 0.1}, id="plain"),
    Case("SGD", rules.sgd, {"learning_rate": 0.1, "momentum": 0.9}, id="momentum"),
    Case("SGD", rules.sgd, {"learning_rate": 0.1, "momentum": 0.9, "nesterov": True}, id="nesterov"),
    Case("Adam", rules.adam, {"learning_rate": 0.1, **BETAS}, id="plain"),
    Case(
        "Adam",
        rules.adam,
        {"learning_rate": 0.1, "beta_1": 0.5, "beta_2": 0.75, "amsgrad": True},
        id="amsgrad",
    ),
    Case("AdamW", rules.adamw, {"learning_rate": 0.1, "weight_decay": 0.1, **BETAS}),
    Case("Adamax", rules.adamax, {"learning_rate": 0.1, **BETAS}),
    Case("Nadam", rules.nadam, {"learning_rate": 0.1, **BETAS}),
    Case("Lamb", rules.lamb, {"learning_rate": 0.1, **BETAS}),
    Case("Lion", rules.lion, {"learning_rate": 0.1, "beta_2": 0.9}),
    Case("Adagrad", rules.adagrad, {"learning_rate": 0.1, "initial_accumulator_value": 0.2}),
    Case("Adadelta", rules.adadelta, {"learning_rate": 1.0, "rho": 0.9}),
    Case("RMSprop", rules.rmsprop, {"learning_rate": 0.1}, id="plain"),
    Case(
        "RMSprop",
        rules.rmsprop,
        {"learning_rate": 0.1, "momentum": 0.5, "centered": True},
        id="centered-momentum",
    ),
    Case("Ftrl", rules.ftrl, {"learning_rate": 0.1}, id="plain"),
    Case(
        "Ftrl",
        rules.ftrl,
        {
            "learning_rate": 0.1,
            "l1_regularization_strength": 0.05,
            "l2_regularization_strength": 0.1,
            "l2_shrinkage_regularization_strength": 0.02,
            "beta": 0.5,
        },
        id="regularized",
    ),
    Case("Adafactor", rules.adafactor, {"learning_rate": 0.1}, id="matrix"),
    Case(
        "Adafactor", rules.adafactor, {"learning_rate": 0.1, "relative_step": False}, shape=(4,), id="vector"
    ),
    # Muon's five Newton-Schulz matmul rounds accumulate float32 rounding.
    Case("Muon", rules.muon, {"learning_rate": 0.1}, rtol=1e-5, id="matrix"),
    Case(
        "Muon",
        rules.muon,
        {"learning_rate": 0.1, "nesterov": False, "ns_steps": 3},
        shape=(3, 2),
        rtol=1e-5,
        id="tall",
    ),
    Case("ScheduleFreeAdamW", rules.schedule_free_adamw, {"learning_rate": 0.1, **BETAS}, id="plain"),
    Case(
        "ScheduleFreeAdamW",
        rules.schedule_free_adamw,
        {"learning_rate": 0.1, "warmup_steps": 2, **BETAS},
        id="warmup",
    ),
]


def case_id(case: Case) -> str:
    return f"{case.optimizer}-{case.id}" if case.id else case.optimizer


def initial_weights(shape: tuple[int, ...]) -> np.ndarray[Any, Any]:
    return (np.arange(int(np.prod(shape)), dtype="float64").reshape(shape) - 1.5) / 4


def gradient_sequence(shape: tuple[int, ...]) -> list[np.ndarray[Any, Any]]:
    size = int(np.prod(shape))
    base = np.linspace(-1.0, 1.5, size).reshape(shape)
    return [base, 0.5 - base**2, np.cos(3 * base)]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_first_three_updates_match_the_rule(case: Case) -> None:
    w0 = initial_weights(case.shape)
    grads = gradient_sequence(case.shape)
    variable = Variable(w0.astype("float32"), name="weights")
    optimizer = getattr(optimizers, case.optimizer)(**case.kwargs)
    expected = case.rule(w0, grads, **case.kwargs)
    for step, (gradient, want) in enumerate(zip(grads, expected, strict=True), start=1):
        optimizer.apply([gradient.astype("float32")], [variable])
        np.testing.assert_allclose(variable.numpy(), want, rtol=case.rtol, atol=ATOL, err_msg=f"step {step}")
    assert int(keras.ops.convert_to_numpy(optimizer.iterations)) == 3


def test_muon_uses_adamw_for_vectors_and_embeddings() -> None:
    vector = Variable(np.array([0.5, -1.0, 2.0], dtype="float32"), name="bias")
    with name_scope("token_embedding"):
        table = Variable(initial_weights((2, 3)).astype("float32"), name="embeddings")
    optimizer = optimizers.Muon(
        learning_rate=0.1, adam_weight_decay=0.01, adam_beta_1=0.75, adam_beta_2=0.875
    )
    g_vector, g_table = np.array([0.1, 0.2, -0.3]), gradient_sequence((2, 3))[0]
    optimizer.apply([g_vector.astype("float32"), g_table.astype("float32")], [vector, table])
    betas = {"beta_1": 0.75, "beta_2": 0.875}
    want_vector = rules.adam(
        np.array([0.5, -1.0, 2.0]), [g_vector], learning_rate=0.1, weight_decay=0.01, **betas
    )[0]
    want_table = rules.adam(
        initial_weights((2, 3)), [g_table], learning_rate=0.1, weight_decay=0.01, **betas
    )[0]
    np.testing.assert_allclose(vector.numpy(), want_vector, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(table.numpy(), want_table, rtol=RTOL, atol=ATOL)
    assert [v.name for v in optimizer.variables[2:]] == [
        "bias_momentum",
        "bias_velocity",
        "token_embedding_embeddings_momentum",
        "token_embedding_embeddings_velocity",
    ]


def test_int_iterations_and_float32_learning_rate() -> None:
    optimizer = optimizers.Adam()
    # Keras's default int: int32, and int64 on tensorflow (as keras.backend.standardize_dtype("int") says).
    assert (optimizer.iterations.dtype, optimizer.learning_rate.dtype) == (
        standardize_dtype("int"),
        "float32",
    )
    assert [v.path for v in optimizer.variables] == [
        f"{optimizer.name}/iteration",
        f"{optimizer.name}/learning_rate",
    ]
