"""EinsumDense: the shape plan (rows probed from Keras 3.15), outputs against np.einsum, config, errors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._core.einsum_dense import EinsumDense, plan_einsum
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

RNG = np.random.default_rng(1)
FLOAT32_POLICY = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}


@dataclass(frozen=True)
class Case:
    equation: str
    output_shape: Any
    bias_axes: str | None
    input_shape: tuple[int | None, ...]
    kernel_shape: tuple[int, ...]
    bias_shape: tuple[int, ...] | None
    full_output_shape: tuple[int | None, ...]


# Each row's kernel, bias and output shapes are what Keras 3.15 builds for it.
CASES = [
    Case("ab,bc->ac", 4, "c", (None, 3), (3, 4), (4,), (None, 4)),
    Case("abc,cd->abd", (None, 4), "d", (None, 5, 3), (3, 4), (4,), (None, None, 4)),
    Case("abc,cd->abd", (5, 4), "d", (None, 5, 3), (3, 4), (4,), (None, 5, 4)),
    Case("...b,bc->...c", 4, "c", (None, 5, 3), (3, 4), (4,), (None, 5, 4)),
    Case("ab...,bc->ac...", 4, None, (None, 3, 7), (3, 4), None, (None, 4, 7)),
    Case("abc...,cd->abd...", (None, 4), "d", (None, 5, 3, 7), (3, 4), (4, 1), (None, None, 4, 7)),
    Case("abc,cde->abde", (None, 2, 4), "de", (None, 5, 3), (3, 2, 4), (2, 4), (None, None, 2, 4)),
    Case("...bc,cde->...bde", (5, 2, 4), "bd", (None, 7, 5, 3), (3, 2, 4), (5, 2, 1), (None, 7, 5, 2, 4)),
]
IDS = [f"{c.equation}|{c.bias_axes}" for c in CASES]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_plan_matches_keras(case: Case) -> None:
    plan = plan_einsum(case.equation, case.bias_axes, case.input_shape, case.output_shape)
    assert plan.kernel_shape == case.kernel_shape
    assert plan.bias_shape == case.bias_shape
    assert plan.output_shape == case.full_output_shape


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_outputs_match_numpy_einsum(case: Case) -> None:
    shape = tuple(2 if d is None else d for d in case.input_shape)
    x = RNG.standard_normal(shape).astype("float32")
    layer = EinsumDense(case.equation, case.output_shape, bias_axes=case.bias_axes, activation="relu")
    layer.build(case.input_shape)
    assert [tuple(w.shape) for w in layer.weights] == [case.kernel_shape] + (
        [case.bias_shape] if case.bias_shape else []
    )
    kernel = RNG.standard_normal(case.kernel_shape).astype("float32")
    weights = [kernel]
    expected = np.einsum(case.equation, x, kernel)
    if case.bias_shape is not None:
        bias = RNG.standard_normal(case.bias_shape).astype("float32")
        weights.append(bias)
        expected = expected + bias
    layer.set_weights(weights)
    out = ops.convert_to_numpy(layer(x))
    np.testing.assert_allclose(out, np.maximum(expected, 0.0), rtol=1e-5, atol=1e-5)
    # The symbolic shape is Keras's: sizes the user left as None stay None.
    fresh = EinsumDense(case.equation, case.output_shape, bias_axes=case.bias_axes)
    assert tuple(fresh(Input(shape=case.input_shape[1:])).shape) == case.full_output_shape
    for got, want in zip(out.shape, case.full_output_shape, strict=True):
        assert want is None or got == want


@pytest.mark.parametrize(
    ("equation", "output_shape", "bias_axes", "input_shape", "message"),
    [
        ("ab->ac", 4, None, (None, 3), r"Invalid einsum equation 'ab->ac'. Equations must be in the form"),
        (
            "abc,cd->abd",
            (6, 4),
            "d",
            (None, 5, 3),
            r"Input shape and output shape do not match at shared dimension 'b'. Input shape is 5, and output "
            r"shape is 6.",
        ),
        (
            "ab,bc->acx",
            4,
            None,
            (None, 3),
            r"Dimension 'x' was specified in the output 'acx' but has no corresponding dim in the input spec 'ab'",
        ),
        (
            "ab,bcy->ac",
            4,
            None,
            (None, 3),
            r"Weight dimension 'y' did not have a match in either the input spec 'ab' or the output spec 'ac'",
        ),
        (
            "ab,bc->ac",
            4,
            "z",
            (None, 3),
            r"Bias dimension 'z' was requested, but is not part of the output spec 'ac'",
        ),
    ],
)
def test_bad_equations_raise_keras_messages(
    equation: str, output_shape: Any, bias_axes: str | None, input_shape: tuple[int | None, ...], message: str
) -> None:
    layer = EinsumDense(equation, output_shape, bias_axes=bias_axes)
    with pytest.raises(ValueError, match=message):
        layer.build(input_shape)


def test_weights_are_named_as_keras() -> None:
    layer = EinsumDense("ab,bc->ac", 4, bias_axes="c", name="ed")
    layer(np.ones((2, 3), dtype="float32"))
    assert [w.path for w in layer.weights] == ["ed/kernel", "ed/bias"]


def test_variance_scaling_uses_the_equation_fan_axes() -> None:
    # kernel (3, 20, 20): fan_in = 3 and fan_out = 400 from the equation, so the Glorot limit
    # is sqrt(6 / 403) ~ 0.122 (the default fans of a 3-D shape would give ~0.224).
    layer = EinsumDense("abc,cde->abde", (None, 20, 20), kernel_initializer="glorot_uniform")
    layer.build((None, 5, 3))
    kernel = ops.convert_to_numpy(layer.kernel)
    assert np.abs(kernel).max() <= np.sqrt(6.0 / 403.0) + 1e-6
    assert np.abs(kernel).max() > 0.5 * np.sqrt(6.0 / 403.0)
    assert layer.get_config()["kernel_initializer"]["config"] == {
        "seed": None,
        "input_axes": None,
        "output_axes": None,
    }


def test_input_rank_is_fixed_after_build() -> None:
    layer = EinsumDense("abc,cd->abd", (None, 4), name="ed_rank")
    layer(np.ones((2, 5, 3), dtype="float32"))
    with pytest.raises(
        ValueError, match=r'layer "ed_rank" is incompatible with the layer: expected ndim=3, found ndim=2'
    ):
        layer(np.ones((2, 3), dtype="float32"))


def test_get_config_equals_keras() -> None:
    layer = EinsumDense("ab,bc->ac", 4, bias_axes="c", name="einsum_dense")
    assert layer.get_config() == {
        "name": "einsum_dense",
        "trainable": True,
        "dtype": FLOAT32_POLICY,
        "output_shape": (4,),
        "equation": "ab,bc->ac",
        "activation": "linear",
        "bias_axes": "c",
        "kernel_initializer": {
            "module": "keras.initializers",
            "class_name": "GlorotUniform",
            "config": {"seed": None, "input_axes": None, "output_axes": None},
            "registered_name": None,
        },
        "bias_initializer": {
            "module": "keras.initializers",
            "class_name": "Zeros",
            "config": {},
            "registered_name": None,
        },
        "kernel_regularizer": None,
        "bias_regularizer": None,
        "activity_regularizer": None,
        "kernel_constraint": None,
        "bias_constraint": None,
        "quantization_config": None,
    }
    assert EinsumDense("abc,cd->abd", [None, 4]).get_config()["output_shape"] == (None, 4)


def test_config_round_trip_gives_the_same_outputs() -> None:
    layer = EinsumDense("abc,cde->abde", (None, 2, 4), bias_axes="de", activation="gelu")
    x = RNG.standard_normal((2, 5, 3)).astype("float32")
    expected = ops.convert_to_numpy(layer(x))
    restored = deserialize_keras_object(
        serialize_keras_object(layer), custom_objects={"EinsumDense": EinsumDense}
    )
    assert isinstance(restored, EinsumDense)
    assert restored.get_config() == layer.get_config()
    restored.set_weights(layer.get_weights())
    np.testing.assert_allclose(ops.convert_to_numpy(restored(x)), expected, rtol=1e-5, atol=1e-6)


def test_quantization_arguments_default_to_none() -> None:
    # LoRA and quantization themselves are tested in test_lora.py and test_quantize.py.
    layer = EinsumDense("ab,bc->ac", 4)
    assert layer.get_config()["quantization_config"] is None
    assert (layer.lora_rank, layer.lora_alpha, layer.quantization_mode) == (None, None, None)
