"""KerasTensor, recorded nodes and keras.Function replaying them on real tensors."""

from __future__ import annotations

import numpy as np
import pytest

from keras import ops
from keras.ops._convert import to_numpy
from keras.ops._function import Function
from keras.ops._keras_tensor import KerasTensor
from keras.ops._op import OpCall


def test_keras_tensor_attributes() -> None:
    x = KerasTensor((None, 3), dtype="float16", name="x")
    assert (x.shape, x.dtype, x.ndim, x.name, x.sparse, x.ragged) == (
        (None, 3),
        "float16",
        2,
        "x",
        False,
        False,
    )


@pytest.mark.parametrize(
    ("shape", "message"),
    [
        ((2, -1), r"Negative dimensions are not allowed. Received: shape=\(2, -1\)"),
        ((2, "a"), "Found invalid entry 'a'"),
        (None, "Undefined shapes are not supported"),
    ],
    ids=["negative", "string", "none"],
)
def test_keras_tensor_rejects_bad_shapes(shape, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        KerasTensor(shape)


def test_keras_tensor_has_no_value() -> None:
    x = KerasTensor((2,))
    with pytest.raises(ValueError, match="cannot be converted to a NumPy array"):
        np.asarray(x)
    with pytest.raises(TypeError, match="cannot be used as a Python bool"):
        bool(x)


def test_symbolic_call_records_a_node() -> None:
    x = KerasTensor((None, 3), dtype="int8")
    y = ops.add(x, 1)
    assert isinstance(y, KerasTensor)
    assert (y.shape, y.dtype) == ((None, 3), "int8")
    operation, node_index, tensor_index = y._keras_history
    assert isinstance(operation, OpCall) and operation.function.__name__ == "add"
    node = operation._inbound_nodes[node_index]
    assert node.input_tensors == [x] and node.outputs == [y] and tensor_index == 0


def test_operators_build_the_same_nodes() -> None:
    x = KerasTensor((2, 3))
    y = (x + 1.0) * x - 2.0
    assert (y.shape, y.dtype) == ((2, 3), "float32")
    f = Function(x, y)
    data = np.arange(6, dtype="float32").reshape(2, 3)
    np.testing.assert_allclose(to_numpy(f(data)), (data + 1.0) * data - 2.0)


def test_function_replays_a_diamond_graph_once_per_node() -> None:
    a = KerasTensor((None, 2), name="a")
    b = KerasTensor((None, 2), name="b")
    shared = ops.add(a, b)
    out = {"sum": ops.sum(ops.multiply(shared, shared), axis=1), "shared": shared}
    f = Function([a, b], out)
    assert len(f._nodes) == 3
    x = np.array([[1.0, 2.0]], dtype="float32")
    y = np.array([[3.0, 4.0]], dtype="float32")
    result = f([x, y])
    np.testing.assert_allclose(to_numpy(result["shared"]), x + y)
    np.testing.assert_allclose(to_numpy(result["sum"]), [16.0 + 36.0])


def test_function_on_symbolic_inputs_returns_specs() -> None:
    x = KerasTensor((None, 4))
    f = Function(x, ops.sum(x, axis=-1, keepdims=True))
    y = f(KerasTensor((8, 4)))
    assert isinstance(y, KerasTensor) and y.shape == (8, 1)


def test_function_detects_a_disconnected_graph() -> None:
    a = KerasTensor((2,), name="a")
    b = KerasTensor((2,), name="stray")
    with pytest.raises(ValueError, match=r"Graph disconnected: .* depends on 'stray'"):
        Function(a, ops.add(a, b))


def test_function_checks_the_number_of_inputs() -> None:
    a, b = KerasTensor((2,)), KerasTensor((2,))
    f = Function([a, b], ops.add(a, b))
    with pytest.raises(ValueError, match=r"expects 2 input\(s\) .* Received 1"):
        f([np.zeros(2, dtype="float32")])


def test_function_requires_keras_tensors() -> None:
    with pytest.raises(ValueError, match="All `inputs` of a Function must be KerasTensors"):
        Function(np.zeros(2), KerasTensor((2,)))


def test_deep_graph_does_not_recurse() -> None:
    x = KerasTensor((1,))
    y = x
    for _ in range(3000):
        y = ops.add(y, 1.0)
    f = Function(x, y)
    np.testing.assert_allclose(to_numpy(f(np.zeros(1, dtype="float32"))), [3000.0])
