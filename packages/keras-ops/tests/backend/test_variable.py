"""keras.Variable on the active backend: creation, assignment, scopes, conversion."""

from __future__ import annotations

import numpy as np
import pytest

from keras.backend import backend, floatx
from keras.backend._name_scope import name_scope
from keras.backend._scopes import AutocastScope, StatelessScope, SymbolicScope, in_symbolic_scope
from keras.backend._variable import Variable
from keras.ops._convert import to_numpy

ONES = np.ones((2, 3), dtype="float32")


def test_variable_is_the_backend_subclass() -> None:
    v = Variable(ONES)
    assert isinstance(v, Variable)
    assert type(v).__module__ == f"keras.backend._{backend()}.variable"


@pytest.mark.parametrize(
    ("initializer", "kwargs", "dtype", "shape"),
    [
        (ONES, {}, "float32", (2, 3)),
        (np.arange(3, dtype="int64"), {}, "int32", (3,)),
        (np.arange(3, dtype="int64"), {"dtype": "int64"}, "int64", (3,)),
        ([1, 2], {}, "int32", (2,)),
        (2.5, {}, floatx(), ()),
        (ONES, {"dtype": "float16"}, "float16", (2, 3)),
        (lambda shape, dtype: np.full(shape, 7.0, dtype=dtype), {"shape": (4,)}, floatx(), (4,)),
    ],
    ids=[
        "array",
        "int64-array-narrows",
        "int64-kept-when-asked",
        "int-list",
        "python-float",
        "cast",
        "callable",
    ],
)
def test_creation_infers_dtype_and_shape(initializer, kwargs, dtype, shape) -> None:  # type: ignore[no-untyped-def]
    v = Variable(initializer, **kwargs)
    assert (v.dtype, v.shape, v.ndim) == (dtype, shape, len(shape))
    assert to_numpy(v.value).dtype == np.dtype(dtype)


def test_callable_initializer_receives_shape_and_dtype() -> None:
    seen = []

    def init(shape, dtype):  # type: ignore[no-untyped-def]
        seen.append((shape, dtype))
        return np.zeros(shape, dtype=dtype)

    Variable(init, shape=(2, 2), dtype="float64")
    assert seen == [((2, 2), "float64")]


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "message"),
    [
        ((np.zeros(2),), {"name": "a/b"}, ValueError, "cannot contain character `/`. Received: name=a/b"),
        ((lambda s, d: np.zeros(s),), {}, ValueError, "the `shape` argument should be specified"),
        ((np.zeros(2),), {"aggregation": "bad"}, ValueError, "Received: aggregation=bad"),
        ((np.zeros(2),), {"synchronization": "bad"}, ValueError, "Received: synchronization=bad"),
        ((np.zeros(2),), {"shape": (3,)}, ValueError, r"Initial value shape \(2,\) does not match"),
        (("zeros",), {"shape": (2,)}, ValueError, "initializer names need keras-layers"),
    ],
    ids=["slash-name", "callable-no-shape", "aggregation", "synchronization", "shape-mismatch", "name-init"],
)
def test_creation_errors(args, kwargs, error, message) -> None:  # type: ignore[no-untyped-def]
    from keras.backend import _variable

    if isinstance(args[0], str) and _variable._initializer_resolver is not None:
        pytest.skip("keras-layers is installed and resolves initializer names")
    with pytest.raises(error, match=message):
        Variable(*args, **kwargs)


def test_assign_family_updates_the_value() -> None:
    v = Variable(np.array([1.0, 2.0], dtype="float32"))
    v.assign(np.array([3.0, 4.0]))
    np.testing.assert_array_equal(v.numpy(), [3.0, 4.0])
    v.assign_add(np.array([1.0, 1.0], dtype="float32"))
    np.testing.assert_array_equal(v.numpy(), [4.0, 5.0])
    v.assign_sub(np.array([2.0, 2.0], dtype="float32"))
    np.testing.assert_array_equal(v.numpy(), [2.0, 3.0])
    assert v.numpy().dtype == np.float32


def test_assign_casts_to_the_variable_dtype() -> None:
    v = Variable(np.zeros(2, dtype="int32"))
    v.assign(np.array([1.9, -1.9]))
    assert v.numpy().dtype == np.int32
    np.testing.assert_array_equal(v.numpy(), [1, -1])


def test_assign_rejects_a_different_shape() -> None:
    v = Variable(np.zeros(2, dtype="float32"))
    with pytest.raises(ValueError, match=r"variable.shape=\(2,\), Received: value.shape=\(3,\)"):
        v.assign(np.zeros(3, dtype="float32"))


def test_name_and_path_follow_name_scopes() -> None:
    with name_scope("outer"), name_scope("inner"):
        v = Variable(np.zeros(1), name="w")
    assert (v.name, v.path) == ("w", "outer/inner/w")
    with name_scope("same"), name_scope("same"):
        deduplicated = Variable(np.zeros(1), name="w")
    assert deduplicated.path == "same/w"
    with name_scope("outer"), name_scope("x", override_parent="root"):
        overridden = Variable(np.zeros(1), name="w")
    assert overridden.path == "root/x/w"


def test_stateless_scope_reads_mapping_and_collects_assignments() -> None:
    v = Variable(np.ones(2, dtype="float32"))
    with StatelessScope(state_mapping=[(v, np.zeros(2))]) as scope:
        np.testing.assert_array_equal(to_numpy(v.value), [0.0, 0.0])
        v.assign(np.array([5.0, 6.0], dtype="float32"))
        np.testing.assert_array_equal(to_numpy(v.value), [5.0, 6.0])
    np.testing.assert_array_equal(to_numpy(scope.get_current_value(v)), [5.0, 6.0])
    np.testing.assert_array_equal(v.numpy(), [1.0, 1.0])


def test_stateless_scope_rejects_wrong_shapes_and_keys() -> None:
    v = Variable(np.ones(2, dtype="float32"))
    with pytest.raises(ValueError, match=r"received invalid value .* with shape \(3,\)"):
        StatelessScope(state_mapping=[(v, np.zeros(3))])
    with pytest.raises(ValueError, match=r"must be keras\.Variable instances"):
        StatelessScope(state_mapping=[("v", np.zeros(2))])


def test_variables_created_in_stateless_scope_initialize_on_exit() -> None:
    with StatelessScope():
        v = Variable(lambda shape, dtype: np.full(shape, 3.0, dtype=dtype), shape=(2,))
        with pytest.raises(ValueError, match="is not initialized yet"):
            _ = v.value
    np.testing.assert_array_equal(v.numpy(), [3.0, 3.0])


def test_autocast_scope_reads_float_variables_in_compute_dtype() -> None:
    v = Variable(np.ones(2, dtype="float32"))
    i = Variable(np.ones(2, dtype="int32"))
    frozen = Variable(np.ones(2, dtype="float32"), autocast=False)
    with AutocastScope("float16"):
        assert (v.dtype, i.dtype, frozen.dtype) == ("float16", "int32", "float32")
        assert to_numpy(v.value).dtype == np.float16
    assert v.dtype == "float32"


def test_symbolic_scope_is_visible_inside() -> None:
    assert not in_symbolic_scope()
    with SymbolicScope():
        assert in_symbolic_scope()
    assert not in_symbolic_scope()


def test_numpy_conversion_and_python_protocols() -> None:
    v = Variable(np.array([1.5, 2.5], dtype="float32"))
    np.testing.assert_array_equal(np.asarray(v), [1.5, 2.5])
    assert np.asarray(v, dtype="float64").dtype == np.float64
    assert len(v) == 2
    assert float(Variable(np.float32(2.5))) == 2.5
    assert repr(Variable(np.zeros(2, dtype="float32"), name="r")).startswith(
        "<Variable path=r, shape=(2,), dtype=float32, value=[0. 0.]>"
    )


def test_trainable_is_settable() -> None:
    v = Variable(np.ones(2, dtype="float32"), trainable=False)
    assert v.trainable is False
    v.trainable = True
    assert v.trainable is True
    if backend() == "torch":
        assert v.value.requires_grad


def test_variables_hash_by_identity() -> None:
    a, b = Variable(np.zeros(1)), Variable(np.zeros(1))
    assert len({a, b}) == 2
    assert {a: 1}[a] == 1
