"""convert_to_tensor, convert_to_numpy, cast, is_tensor, shape, dtype on the active backend."""

from __future__ import annotations

import numpy as np
import pytest

from keras import ops
from keras.backend import backend, floatx
from keras.backend._variable import Variable
from keras.ops._keras_tensor import KerasTensor


@pytest.mark.parametrize(
    ("value", "dtype", "expected_dtype"),
    [
        ([1, 2], None, "int32"),
        ([1.5, 2], None, floatx()),
        ([True, False], None, "bool"),
        (3, None, "int32"),
        (3.0, None, floatx()),
        (np.zeros(2, dtype="float64"), None, "float32"),
        (np.zeros(2, dtype="int8"), None, "int8"),
        (np.zeros(2, dtype="float32"), "float16", "float16"),
        ([1, 2], "bfloat16", "bfloat16"),
        ([[1, 2], [3, 4]], "int64", "int64"),
    ],
    ids=[
        "ints",
        "mixed",
        "bools",
        "int",
        "float",
        "f64-array-narrows",
        "i8-array",
        "cast",
        "bf16",
        "nested-i64",
    ],
)
def test_convert_to_tensor_dtypes(value, dtype, expected_dtype) -> None:  # type: ignore[no-untyped-def]
    tensor = ops.convert_to_tensor(value, dtype=dtype)
    assert ops.is_tensor(tensor)
    assert ops.dtype(tensor) == expected_dtype
    np.testing.assert_array_equal(
        ops.convert_to_numpy(tensor).astype("float64"), np.asarray(value, dtype="float64")
    )


def test_convert_to_tensor_takes_variables_and_tensors() -> None:
    v = Variable(np.array([1.0, 2.0], dtype="float32"))
    t = ops.convert_to_tensor(v)
    assert ops.is_tensor(t) and ops.dtype(t) == "float32"
    assert ops.convert_to_tensor(t) is t
    np.testing.assert_array_equal(ops.convert_to_numpy(v), [1.0, 2.0])


@pytest.mark.parametrize("flag", ["sparse", "ragged"])
def test_sparse_and_ragged_are_refused_clearly(flag: str) -> None:
    with pytest.raises(ValueError, match=f"convert_to_tensor: {flag} tensors are not supported yet"):
        ops.convert_to_tensor([1.0], **{flag: True})


def test_convert_to_numpy_refuses_keras_tensors() -> None:
    with pytest.raises(ValueError, match="has no value and cannot be converted to numpy"):
        ops.convert_to_numpy(KerasTensor((2,)))


@pytest.mark.parametrize(
    ("value", "dtype", "expected"),
    [
        (np.array([1.7, -1.7], dtype="float32"), "int32", np.array([1, -1], dtype="int32")),
        (np.array([0, 2], dtype="int32"), "bool", np.array([False, True])),
        (np.array([1, 2], dtype="int8"), "float64", np.array([1.0, 2.0])),
        (np.array([1.0, 2.5], dtype="float32"), "bfloat16", np.array([1.0, 2.5])),
    ],
    ids=["f32-to-i32", "int-to-bool", "i8-to-f64", "to-bf16"],
)
def test_cast(value, dtype, expected) -> None:  # type: ignore[no-untyped-def]
    result = ops.cast(value, dtype)
    assert ops.dtype(result) == dtype
    np.testing.assert_array_equal(ops.convert_to_numpy(result).astype(expected.dtype), expected)


def test_cast_and_convert_are_symbolic_on_keras_tensors() -> None:
    x = KerasTensor((None, 2), dtype="float32")
    y = ops.cast(x, "int8")
    assert isinstance(y, KerasTensor) and (y.shape, y.dtype) == ((None, 2), "int8")
    assert ops.shape(x) == (None, 2) and ops.dtype(x) == "float32"


def test_shape_and_dtype_of_values() -> None:
    assert ops.shape(np.zeros((2, 3))) == (2, 3)
    assert ops.shape(ops.convert_to_tensor(np.zeros((4,)))) == (4,)
    assert ops.dtype(np.zeros(2, dtype="uint8")) == "uint8"
    assert ops.is_tensor(np.zeros(2)) is (backend() == "numpy")
    assert ops.is_tensor([1, 2]) is False


def test_bad_dtype_names_the_value() -> None:
    with pytest.raises(ValueError, match="notatype"):
        ops.cast(np.zeros(2), "notatype")
