"""Activation layers: outputs against numpy, masks, PReLU weights, configs as Keras 3.15 writes them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

from keras import initializers, ops
from keras.backend._masking import get_keras_mask, set_keras_mask
from keras.layers import Input
from keras.layers._activations.activation_layers import ELU, Activation, LeakyReLU, PReLU, ReLU, Softmax
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

X = np.array([[-3.0, -0.5, 0.0, 0.25, 1.0, 7.0]], dtype="float32")
POLICY = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
CUSTOM = {cls.__name__: cls for cls in (Activation, ReLU, LeakyReLU, PReLU, ELU, Softmax)}


def np_softmax(x: np.ndarray[Any, Any], axis: Any = -1) -> np.ndarray[Any, Any]:
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return np.asarray(e / e.sum(axis=axis, keepdims=True))


def np_relu(
    x: np.ndarray[Any, Any], slope: float = 0.0, top: float | None = None, threshold: float = 0.0
) -> Any:
    out = np.where(x >= threshold, x, slope * (x - threshold))
    return out if top is None else np.minimum(out, top)


@dataclass(frozen=True)
class Case:
    make: Callable[[], Any]
    expected: Callable[[np.ndarray[Any, Any]], Any]
    id: str


CASES = [
    Case(lambda: Activation("relu"), np_relu, "activation-relu"),
    Case(lambda: Activation("tanh"), np.tanh, "activation-tanh"),
    Case(lambda: Activation(None), lambda x: x, "activation-none"),
    Case(lambda: Activation(ops.abs), np.abs, "activation-callable"),
    Case(lambda: ReLU(), np_relu, "relu"),
    Case(lambda: ReLU(max_value=2.0), lambda x: np_relu(x, top=2.0), "relu-max"),
    Case(lambda: ReLU(negative_slope=0.1), lambda x: np_relu(x, slope=0.1), "relu-slope"),
    Case(lambda: ReLU(threshold=0.5), lambda x: np_relu(x, threshold=0.5), "relu-threshold"),
    Case(
        lambda: ReLU(max_value=6.0, negative_slope=0.1, threshold=0.5),
        lambda x: np_relu(x, 0.1, 6.0, 0.5),
        "relu-all",
    ),
    Case(lambda: LeakyReLU(), lambda x: np.where(x >= 0, x, 0.3 * x), "leaky-default"),
    Case(lambda: LeakyReLU(negative_slope=0.05), lambda x: np.where(x >= 0, x, 0.05 * x), "leaky"),
    Case(lambda: ELU(), lambda x: np.where(x > 0, x, np.exp(x) - 1.0), "elu"),
    Case(lambda: ELU(alpha=0.5), lambda x: np.where(x > 0, x, 0.5 * (np.exp(x) - 1.0)), "elu-alpha"),
    Case(lambda: Softmax(), np_softmax, "softmax"),
    Case(
        lambda: PReLU(alpha_initializer=initializers.Constant(0.2)),
        lambda x: np.where(x >= 0, x, 0.2 * x),
        "prelu",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_matches_numpy(case: Case) -> None:
    layer = case.make()
    out = layer(X)
    np.testing.assert_allclose(ops.convert_to_numpy(out), case.expected(X), rtol=1e-5, atol=1e-6)
    symbolic = case.make()(Input(shape=(4, 6)))
    assert tuple(symbolic.shape) == (None, 4, 6)
    assert layer.compute_output_shape((None, 6)) == (None, 6)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_masks_pass_through(case: Case) -> None:
    x = ops.convert_to_tensor(X)
    set_keras_mask(x, ops.convert_to_tensor(np.array([[True, True, False, True, False, True]])))
    out = case.make()(x)
    np.testing.assert_array_equal(
        ops.convert_to_numpy(get_keras_mask(out)), [[True, True, False, True, False, True]]
    )


def test_weightless_layers_are_built_at_construction() -> None:
    for layer in (Activation("relu"), ReLU(), LeakyReLU(), ELU(), Softmax()):
        assert layer.built and layer.weights == []
        assert layer.get_build_config() is None
    assert not PReLU().built


@pytest.mark.parametrize(
    ("shared_axes", "input_shape", "alpha_shape", "spec_axes"),
    [
        (None, (None, 3, 4), (3, 4), {}),
        ([1], (None, 3, 4), (1, 4), {2: 4}),
        (2, (None, 3, 4), (3, 1), {1: 3}),
        ([1, 2], (None, 3, 4, 5), (1, 1, 5), {3: 5}),
        ((-1,), (None, 3, 4), (3, 1), {1: 3}),
    ],
)
def test_prelu_alpha_shape_and_input_spec(
    shared_axes: Any, input_shape: tuple[Any, ...], alpha_shape: tuple[int, ...], spec_axes: dict[int, int]
) -> None:
    layer = PReLU(shared_axes=shared_axes, name="p")
    layer.build(input_shape)
    assert [w.path for w in layer.weights] == ["p/alpha"]
    assert tuple(layer.alpha.shape) == alpha_shape
    assert layer.input_spec.ndim == len(input_shape)  # type: ignore[union-attr]
    assert layer.input_spec.axes == spec_axes  # type: ignore[union-attr]


def test_prelu_uses_its_learned_alpha_per_position() -> None:
    layer = PReLU(shared_axes=[1])
    x = np.array([[[-1.0, -2.0], [3.0, -4.0]]], dtype="float32")
    layer.build(x.shape)
    alpha = np.array([[0.5, 0.25]], dtype="float32")
    layer.set_weights([alpha])
    np.testing.assert_allclose(ops.convert_to_numpy(layer(x)), np.where(x >= 0, x, alpha * x), rtol=1e-6)


def test_prelu_rejects_a_changed_unshared_axis() -> None:
    layer = PReLU(shared_axes=[1], name="p_axes")
    layer(np.ones((1, 2, 3), dtype="float32"))
    with pytest.raises(ValueError, match=r"expected axis 2 of input shape to have value 3"):
        layer(np.ones((1, 2, 4), dtype="float32"))


SOFTMAX_X = np.array([[[1.0, 2.0, 3.0], [0.5, -1.0, 4.0]]], dtype="float32")


@pytest.mark.parametrize(
    ("axis", "expected"),
    [
        (-1, np_softmax(SOFTMAX_X, -1)),
        (1, np_softmax(SOFTMAX_X, 1)),
        ([2], np_softmax(SOFTMAX_X, 2)),
        ([1, 2], np_softmax(SOFTMAX_X, (1, 2))),
    ],
    ids=["last", "middle", "list-of-one", "two-axes"],
)
def test_softmax_axis(axis: Any, expected: np.ndarray[Any, Any]) -> None:
    np.testing.assert_allclose(
        ops.convert_to_numpy(Softmax(axis=axis)(SOFTMAX_X)), expected, rtol=1e-5, atol=1e-7
    )


@pytest.mark.parametrize(
    "mask",
    [
        np.array([[[True, False, True], [False, True, True]]]),
        np.array([[[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]], dtype="float32"),
        np.array([[True, False, True]]),  # broadcast over the middle axis
    ],
    ids=["bool", "float", "broadcast"],
)
def test_softmax_gives_masked_positions_zero(mask: np.ndarray[Any, Any]) -> None:
    keep = np.broadcast_to(mask > 0.5, SOFTMAX_X.shape)
    e = np.where(keep, np.exp(SOFTMAX_X), 0.0)
    expected = e / e.sum(axis=-1, keepdims=True)
    out = Softmax()(SOFTMAX_X, mask=mask)
    np.testing.assert_allclose(ops.convert_to_numpy(out), expected, rtol=1e-5, atol=1e-7)


def test_softmax_fully_masked_rows_are_zero_and_float16_stays_finite() -> None:
    x = np.array([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]], dtype="float32")
    out = Softmax()(x, mask=np.array([[False, False, False], [True, False, True]]))
    np.testing.assert_allclose(ops.convert_to_numpy(out)[0], [0.0, 0.0, 0.0])
    half = Softmax(dtype="float16")(x.astype("float16"), mask=np.array([[True, False, True]]))
    np.testing.assert_allclose(
        ops.convert_to_numpy(half).astype("float32"), [[0.1192, 0.0, 0.8808]] * 2, atol=1e-3
    )


def test_softmax_uses_the_keras_mask_of_its_input() -> None:
    x = ops.convert_to_tensor(np.array([[1.0, 5.0, 1.0]], dtype="float32"))
    set_keras_mask(x, ops.convert_to_tensor(np.array([[True, False, True]])))
    np.testing.assert_allclose(ops.convert_to_numpy(Softmax()(x)), [[0.5, 0.0, 0.5]], rtol=1e-6)


@pytest.mark.parametrize(
    ("mask_shape", "message"),
    [
        (
            (1, 1, 2, 3),
            r"must not have more dimensions. Received: inputs.shape=\(1, 2, 3\), mask.shape=\(1, 1, 2, 3\)",
        ),
        ((1, 2, 2), r"Each mask dimension must be 1 or match the corresponding input dimension. Received: "),
    ],
)
def test_softmax_rejects_unbroadcastable_masks(mask_shape: tuple[int, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Softmax()(SOFTMAX_X, mask=np.ones(mask_shape, dtype=bool))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: ReLU(max_value=-1.0),
            r"max_value of a ReLU layer cannot be a negative value. Received: max_value=-1.0",
        ),
        (
            lambda: ReLU(negative_slope=-1),
            r"negative_slope of a ReLU layer cannot be None or a negative value. Received: negative_slope=-1",
        ),
        (
            lambda: ReLU(threshold=None),
            r"threshold of a ReLU layer cannot be None or a negative value. Received: threshold=None",
        ),
        (
            lambda: LeakyReLU(negative_slope=-0.1),
            r"The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. "
            r"Received: negative_slope=-0.1",
        ),
        (lambda: Activation("no_such_activation"), r"no_such_activation"),
    ],
)
def test_rejects_bad_arguments(make: Callable[[], Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()


def test_leaky_relu_reads_the_deprecated_alpha() -> None:
    with pytest.warns(UserWarning, match="Argument `alpha` is deprecated"):
        layer = LeakyReLU(alpha=0.2)
    assert layer.negative_slope == 0.2


ZEROS = {"module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": None}
CONFIGS = [
    (lambda: Activation("relu", name="activation"), {"name": "activation", "activation": "relu"}),
    (lambda: Activation(None, name="a"), {"name": "a", "activation": "linear"}),
    (
        lambda: ReLU(name="re_lu"),
        {"name": "re_lu", "max_value": None, "negative_slope": 0.0, "threshold": 0.0},
    ),
    (
        lambda: ReLU(max_value=6.0, negative_slope=0.1, threshold=0.5, name="re_lu_1"),
        {"name": "re_lu_1", "max_value": 6.0, "negative_slope": 0.1, "threshold": 0.5},
    ),
    (lambda: LeakyReLU(name="leaky_re_lu"), {"name": "leaky_re_lu", "negative_slope": 0.3}),
    (
        lambda: PReLU(name="p_re_lu"),
        {
            "name": "p_re_lu",
            "alpha_initializer": ZEROS,
            "alpha_regularizer": None,
            "alpha_constraint": None,
            "shared_axes": None,
        },
    ),
    (
        lambda: PReLU(shared_axes=1, name="p_re_lu_1"),
        {
            "name": "p_re_lu_1",
            "alpha_initializer": ZEROS,
            "alpha_regularizer": None,
            "alpha_constraint": None,
            "shared_axes": [1],
        },
    ),
    (lambda: ELU(name="elu"), {"name": "elu", "alpha": 1.0}),
    (lambda: Softmax(name="softmax"), {"name": "softmax", "axis": -1}),
    (lambda: Softmax(axis=[1, 2], name="softmax_1"), {"name": "softmax_1", "axis": [1, 2]}),
]


@pytest.mark.parametrize(("make", "expected"), CONFIGS)
def test_get_config_equals_keras(make: Callable[[], Any], expected: dict[str, Any]) -> None:
    assert make().get_config() == {"trainable": True, "dtype": POLICY, **expected}


@pytest.mark.parametrize(("make", "expected"), CONFIGS)
def test_config_round_trip(make: Callable[[], Any], expected: dict[str, Any]) -> None:
    layer = make()
    x = np.array([[[-1.0, 0.5], [2.0, -3.0]]], dtype="float32")
    before = ops.convert_to_numpy(layer(x))
    restored = deserialize_keras_object(serialize_keras_object(layer), custom_objects=CUSTOM)
    assert type(restored) is type(layer)
    assert restored.get_config() == layer.get_config()
    if restored.weights:
        restored.set_weights(layer.get_weights())
    np.testing.assert_allclose(ops.convert_to_numpy(restored(x)), before, rtol=1e-6)
