"""keras.tree against the values and error messages Keras 3.15.1 gives (optree 0.20, numpy backend).

Every expected literal below was produced by the real Keras 3.15.1; the few places where we
differ on purpose say so.
"""

from __future__ import annotations

import ast
import doctest
import inspect
import os
import re
import warnings
from collections import OrderedDict, defaultdict, deque, namedtuple
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import keras.tree
from keras import tree
from keras.tree import _tree

# A fixed module name keeps the class reprs inside optree's messages independent of pytest's import mode.
Point = namedtuple("Point", ["x", "y"], module="fixtures")
OtherPoint = namedtuple("OtherPoint", ["x", "y"], module="fixtures")
# Same name and fields as Point, yet another class: structures built from the two never match.
LookalikePoint = namedtuple("Point", ["x", "y"], module="fixtures")  # type: ignore[name-match]
Empty = namedtuple("Empty", [], module="fixtures")


class Box:
    """A user class registered as a tree node: children `y` then `x`."""

    __module__ = "fixtures"

    def __init__(self, x: Any, y: Any) -> None:
        self.x, self.y = x, y

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self) -> int:
        return hash((self.x, self.y))

    def __repr__(self) -> str:
        return f"Box({self.x!r}, {self.y!r})"

    def tree_flatten(self) -> tuple[tuple[Any, Any], None, tuple[str, str]]:
        return (self.y, self.x), None, ("y", "x")

    @classmethod
    def tree_unflatten(cls, metadata: None, children: tuple[Any, Any]) -> Box:
        return cls(children[1], children[0])


class UnregisteredBox(Box):
    """Subclasses of a node class are not nodes unless registered themselves."""


_tree.register_tree_node_class(Box)


def defaultdict_of_lists(*items: tuple[str, Any]) -> defaultdict[str, Any]:
    return defaultdict(list, items)


def rows(cases: list[tuple[Any, ...]], *columns: int) -> list[Any]:
    """Turn table rows `(id, value, ...)` into pytest params of the given columns (default: all)."""
    picked = columns or range(1, len(cases[0]))
    return [pytest.param(*(case[i] for i in picked), id=case[0]) for case in cases]


def exactly(message: str) -> str:
    return r"\A" + re.escape(message) + r"\Z"


def assert_strictly_equal(got: Any, expected: Any) -> None:
    """Compare values, container types and dict key order, all the way down."""
    assert type(got) is type(expected), f"{type(got)} != {type(expected)} in {got!r}"
    if isinstance(expected, dict):
        assert list(got) == list(expected)
        for key in expected:
            assert_strictly_equal(got[key], expected[key])
        if isinstance(expected, defaultdict):
            assert got.default_factory is expected.default_factory
    elif isinstance(expected, (list, tuple, deque)):
        assert len(got) == len(expected)
        for got_item, expected_item in zip(got, expected, strict=True):
            assert_strictly_equal(got_item, expected_item)
        if isinstance(expected, deque):
            assert got.maxlen == expected.maxlen
    elif isinstance(expected, np.ndarray):
        np.testing.assert_array_equal(got, expected)
    else:
        assert got == expected


ARRAY = np.array([1, 2])

# id, structure, flatten, flatten_with_path, is_nested
FLATTEN_CASES = [
    ("none", None, [None], [((), None)], False),
    ("int", 1, [1], [((), 1)], False),
    ("str", "abc", ["abc"], [((), "abc")], False),
    ("set", {1, 2}, [{1, 2}], [((), {1, 2})], False),
    ("range", range(3), [range(3)], [((), range(3))], False),
    ("nested-list", [1, [2, None]], [1, 2, None], [((0,), 1), ((1, 0), 2), ((1, 1), None)], True),
    ("single-item-list", [5], [5], [((0,), 5)], True),
    ("single-none", [None], [None], [((0,), None)], True),
    ("empty-list", [], [], [], True),
    ("empty-tuple", (), [], [], True),
    ("empty-dict", {}, [], [], True),
    ("empty-containers", [1, [], {}, ()], [1], [((0,), 1)], True),
    (
        "dict-sorted-by-key",
        {"b": 1, "a": 2, "c": {"y": 3, "x": 4}},
        [2, 1, 4, 3],
        [(("a",), 2), (("b",), 1), (("c", "x"), 4), (("c", "y"), 3)],
        True,
    ),
    (
        "dict-int-keys",
        {100: "world!", 6: "Hello"},
        ["Hello", "world!"],
        [((6,), "Hello"), ((100,), "world!")],
        True,
    ),
    ("dict-tuple-keys", {(1, 2): "a", (0, 5): "b"}, ["b", "a"], [(((0, 5),), "b"), (((1, 2),), "a")], True),
    # Keys that do not sort together are grouped by type name, then sorted.
    (
        "dict-mixed-keys",
        {"b": "B", 2: "two", "a": "A", 1: "one", 1.5: "f"},
        ["f", "one", "two", "A", "B"],
        [((1.5,), "f"), ((1,), "one"), ((2,), "two"), (("a",), "A"), (("b",), "B")],
        True,
    ),
    (
        "ordered-dict-insertion-order",
        OrderedDict([("b", 1), ("a", 2)]),
        [1, 2],
        [(("b",), 1), (("a",), 2)],
        True,
    ),
    (
        "defaultdict-sorted",
        defaultdict_of_lists(("z", 1), ("a", 2)),
        [2, 1],
        [(("a",), 2), (("z",), 1)],
        True,
    ),
    ("namedtuple-by-index", Point(1, {"k": (2,)}), [1, 2], [((0,), 1), ((1, "k", 0), 2)], True),
    ("empty-namedtuple", Empty(), [], [], True),
    ("deque", deque([1, [2]]), [1, 2], [((0,), 1), ((1, 0), 2)], True),
    (
        "registered-class",
        [Box(1, [2, 3])],
        [2, 3, 1],
        [((0, "y", 0), 2), ((0, "y", 1), 3), ((0, "x"), 1)],
        True,
    ),
    (
        "unregistered-subclass",
        UnregisteredBox(1, 2),
        [UnregisteredBox(1, 2)],
        [((), UnregisteredBox(1, 2))],
        False,
    ),
]


@pytest.mark.parametrize(("structure", "expected"), rows(FLATTEN_CASES, 1, 2))
def test_flatten(structure: Any, expected: list[Any]) -> None:
    assert_strictly_equal(tree.flatten(structure), expected)


@pytest.mark.parametrize(("structure", "expected"), rows(FLATTEN_CASES, 1, 3))
def test_flatten_with_path(structure: Any, expected: list[tuple[tuple[Any, ...], Any]]) -> None:
    assert_strictly_equal(tree.flatten_with_path(structure), expected)


@pytest.mark.parametrize(("structure", "expected"), rows(FLATTEN_CASES, 1, 4))
def test_is_nested(structure: Any, expected: bool) -> None:
    assert tree.is_nested(structure) is expected


def backend_tensor() -> Any:
    """A tensor of the backend under test (the Hatch matrix sets KERAS_BACKEND)."""
    backend = os.environ.get("KERAS_BACKEND", "numpy")
    if backend == "jax":
        import jax.numpy as jnp

        return jnp.array([1, 2])
    if backend == "torch":
        import torch

        return torch.tensor([1, 2])
    if backend == "tensorflow":
        import tensorflow as tf

        return tf.constant([1, 2])
    return np.array([1, 2])


def test_arrays_and_backend_tensors_are_leaves() -> None:
    tensor = backend_tensor()
    flat = tree.flatten({"t": tensor, "a": ARRAY})
    assert flat[0] is ARRAY
    assert flat[1] is tensor
    assert not tree.is_nested(tensor)
    assert tree.map_structure(lambda x: x is tensor, [tensor]) == [True]


def add(*values: Any) -> Any:
    return sum(values)


def pair(a: Any, b: Any) -> tuple[Any, Any]:
    return (a, b)


def double(value: Any) -> Any:
    return value * 2


# id, func, structures, none_is_leaf, expected
MAP_CASES = [
    ("leaf", double, (3,), True, 6),
    ("none-leaf", lambda _: 7, (None,), True, 7),
    ("none-kept", lambda _: 7, (None,), False, None),
    ("none-in-list", lambda _: 7, ([None, 1],), True, [7, 7]),
    ("none-in-list-kept", lambda _: 7, ([None, 1],), False, [None, 7]),
    ("dict-keeps-key-order", double, ({"b": 1, "a": 2},), True, {"b": 2, "a": 4}),
    ("ordered-dict", double, (OrderedDict([("b", 1), ("a", 2)]),), True, OrderedDict([("b", 2), ("a", 4)])),
    (
        "defaultdict-keeps-factory",
        double,
        (defaultdict_of_lists(("z", 1), ("a", 2)),),
        True,
        defaultdict_of_lists(("z", 2), ("a", 4)),
    ),
    ("namedtuple", double, (Point(1, 2),), True, Point(2, 4)),
    ("deque-keeps-maxlen", double, (deque([1, 2], maxlen=5),), True, deque([2, 4], maxlen=5)),
    ("registered-class", double, ([Box(1, [2, 3])],), True, [Box(2, [4, 6])]),
    ("array-leaf", lambda x: x + 1, ([ARRAY],), True, [np.array([2, 3])]),
    ("empty-list-never-calls", 3, ([],), True, []),
    ("two-structures", add, ([1, (2, 3)], [10, (20, 30)]), True, [11, (22, 33)]),
    ("three-structures", add, ([1], [2], [3]), True, [6]),
    ("two-leaves", add, (1, 2), True, 3),
    ("none-pairs-with-leaf", pair, ([None], [1]), True, [(None, 1)]),
    ("leaf-pairs-with-none", pair, ([1], [None]), True, [(1, None)]),
    # The first structure decides the output's container types and key order.
    (
        "dict-with-ordered-dict",
        add,
        ({"x": 1, "y": [2]}, OrderedDict([("y", [20]), ("x", 10)])),
        True,
        {"x": 11, "y": [22]},
    ),
    (
        "ordered-dict-with-dict",
        add,
        (OrderedDict([("b", 1), ("a", 2)]), {"a": 1, "b": 2}),
        True,
        OrderedDict([("b", 3), ("a", 3)]),
    ),
    (
        "dict-with-defaultdict",
        add,
        ({"a": 1, "z": 2}, defaultdict_of_lists(("z", 1), ("a", 2))),
        True,
        {"a": 3, "z": 3},
    ),
    ("deques", add, (deque([1, 2]), deque([3, 4])), True, deque([4, 6])),
]


@pytest.mark.parametrize(("func", "structures", "none_is_leaf", "expected"), rows(MAP_CASES))
def test_map_structure(
    func: Callable[..., Any], structures: tuple[Any, ...], none_is_leaf: bool, expected: Any
) -> None:
    assert_strictly_equal(tree.map_structure(func, *structures, none_is_leaf=none_is_leaf), expected)


MISMATCH = "Structures don't have the same nested structure."

# id, structures, none_is_leaf, message (every one a ValueError)
MAP_ERROR_CASES = [
    ("no-structure", (), True, "Must provide at least one structure"),
    ("list-lengths", ([1, 2], [1, 2, 3]), True, "list arity mismatch; expected: 2, got: 3; list: [1, 2, 3]."),
    (
        "tuple-lengths",
        ((1, 2), (3, 4, 5)),
        True,
        "tuple arity mismatch; expected: 2, got: 3; tuple: (3, 4, 5).",
    ),
    ("list-vs-tuple", ([1, 2], (1, 2)), True, "Expected an instance of list, got (1, 2)."),
    ("list-vs-deque", ([1, 2], deque([3, 4])), True, "Expected an instance of list, got deque([3, 4])."),
    (
        "deque-vs-list",
        (deque([1, 2]), [3, 4]),
        True,
        "Expected an instance of collections.deque, got [3, 4].",
    ),
    ("leaf-vs-list", ([1, 2], [1, [2]]), True, MISMATCH),
    ("list-vs-leaf", ([1, [2]], [1, 2]), True, "Expected an instance of list, got 2."),
    ("top-leaf-vs-list", (1, [2]), True, MISMATCH),
    ("top-list-vs-leaf", ([1], 2), True, "Expected an instance of list, got 2."),
    ("none-vs-list", ([None], [[1]]), True, MISMATCH),
    ("none-node-vs-list", ([None], [[1]]), False, "Expected None, got [1]."),
    ("leaf-vs-none-node", ([1], [None]), False, MISMATCH),
    ("third-structure", ([1], [2], [3, 4]), True, "list arity mismatch; expected: 1, got: 2; list: [3, 4]."),
    (
        "dict-keys",
        ({"a": 1, "b": 2}, {"a": 1, "c": 2}),
        True,
        "dictionary key mismatch; expected key(s): ['a', 'b'], got key(s): ['a', 'c'], "
        "missing key(s): ['b'], extra key(s): ['c']; dict: {'a': 1, 'c': 2}.",
    ),
    (
        "dict-extra-key",
        ({"a": 1}, {"a": 1, "b": 2}),
        True,
        "dictionary key mismatch; expected key(s): ['a'], got key(s): ['a', 'b'], "
        "extra key(s): ['b']; dict: {'a': 1, 'b': 2}.",
    ),
    (
        "dict-vs-list",
        ({"a": 1}, [1]),
        True,
        "Expected an instance of dict, collections.OrderedDict, or collections.defaultdict, got [1].",
    ),
    (
        "namedtuple-vs-tuple",
        (Point(1, 2), (1, 2)),
        True,
        "Expected an instance of collections.namedtuple, got (1, 2).",
    ),
    (
        "namedtuple-lookalike",
        (Point(1, 2), LookalikePoint(1, 2)),
        True,
        "namedtuple type mismatch; expected type: <class 'fixtures.Point'>, "
        "got type: <class 'fixtures.Point'>; tuple: Point(x=1, y=2).",
    ),
    ("namedtuple-leaf-vs-list", (Point(1, 2), Point(3, [4])), True, MISMATCH),
]


@pytest.mark.parametrize(("structures", "none_is_leaf", "message"), rows(MAP_ERROR_CASES))
def test_map_structure_rejects_mismatched_structures(
    structures: tuple[Any, ...], none_is_leaf: bool, message: str
) -> None:
    with pytest.raises(ValueError, match=exactly(message)):
        tree.map_structure(add, *structures, none_is_leaf=none_is_leaf)


@pytest.mark.parametrize("structure", [1, [1]], ids=["leaf", "list"])
def test_map_structure_rejects_a_non_callable(structure: Any) -> None:
    with pytest.raises(TypeError, match=exactly("'int' object is not callable")):
        tree.map_structure(3, structure)  # type: ignore[arg-type]


# id, shallow_structure, func, structures, expected
UP_TO_CASES = [
    # Keras 3.15's optree code raises for a None in the shallow structure (its own docstring example);
    # we follow its docs and its torch backend, where None is a leaf like any other.
    ("none-markers", [None, None], len, ([[1, 1], [2, 2]],), [2, 2]),
    ("nested-none-markers", [None, [None, None]], str, ([[1, 1], [2, 2]],), ["[1, 1]", ["2", "2"]]),
    ("int-markers", [0, [0, 0]], str, ([[1, 1], [2, 2]],), ["[1, 1]", ["2", "2"]]),
    ("two-structures", [0, 0], pair, ([[1, 1], [2, 2]], [3, 4]), [([1, 1], 3), ([2, 2], 4)]),
    ("leaf-shallow", 0, str, ([1, 2],), "[1, 2]"),
    ("dict", {"a": 0, "b": 0}, str, ({"b": [1], "a": (2,)},), {"a": "(2,)", "b": "[1]"}),
    ("none-under-marker", [0, 0], str, ([None, 1],), ["None", "1"]),
    (
        "namedtuples",
        OtherPoint(x=2, y=3),
        lambda a, b: (a + b.x) * b.y,
        (OtherPoint(x=2, y=3), OtherPoint(x=Point(x=1, y=2), y=Point(x=2, y=3))),
        OtherPoint(x=6, y=15),
    ),
]


@pytest.mark.parametrize(("shallow", "func", "structures", "expected"), rows(UP_TO_CASES))
def test_map_structure_up_to(
    shallow: Any, func: Callable[..., Any], structures: tuple[Any, ...], expected: Any
) -> None:
    assert_strictly_equal(tree.map_structure_up_to(shallow, func, *structures), expected)


# id, shallow_structure, structures, message (every one a ValueError)
UP_TO_ERROR_CASES = [
    ("no-structure", [0], (), "Must provide at least one structure"),
    ("shallower-structure", [[0, 0], [0, [0]]], ([[1, 1], [2, 2]],), "Expected an instance of list, got 2."),
    ("length", [0, 0], ([1],), "list arity mismatch; expected: 2, got: 1; list: [1]."),
    ("type", [0, 0], ((1, 2),), "Expected an instance of list, got (1, 2)."),
    ("none-where-list-expected", [0, [0]], ([1, None],), "Expected an instance of list, got None."),
    (
        "missing-key",
        {"a": 0, "b": 0},
        ({"b": [1]},),
        "dictionary key mismatch; expected key(s): ['a', 'b'], got key(s): ['b'], missing key(s): ['a']; "
        "dict: {'b': [1]}.",
    ),
]


@pytest.mark.parametrize(("shallow", "structures", "message"), rows(UP_TO_ERROR_CASES))
def test_map_structure_up_to_rejects_mismatched_structures(
    shallow: Any, structures: tuple[Any, ...], message: str
) -> None:
    with pytest.raises(ValueError, match=exactly(message)):
        tree.map_structure_up_to(shallow, str, *structures)


# id, a, b: pairs that assert_same_structure accepts
SAME_STRUCTURE_CASES = [
    ("leaves", 1, "x"),
    ("array-vs-int", np.zeros(3), 1),
    ("nested", [(0, 1)], [(2, 3)]),
    ("none-vs-leaf", [None], [1]),
    ("empty-tuples", (), ()),
    ("empty-namedtuples", Empty(), Empty()),
    ("deques", deque([1, 2]), deque([10, 20])),
    ("namedtuples", Point(y=1, x=2), Point(x=10, y=20)),
    ("dicts-any-order", {"b": 2, "a": 1}, {"a": 10, "b": 20}),
    ("dict-vs-ordered-dict", {"a": 1}, OrderedDict(a=2)),
    ("ordered-dicts-other-order", OrderedDict([("b", 1), ("a", 2)]), OrderedDict([("a", 10), ("b", 20)])),
    ("dict-vs-defaultdict", {"a": 1}, defaultdict_of_lists(("a", 1))),
    ("registered-class", Box(1, [2]), Box(3, [4])),
]


@pytest.mark.parametrize(("a", "b"), rows(SAME_STRUCTURE_CASES))
def test_assert_same_structure_accepts(a: Any, b: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tree.assert_same_structure(a, b)
        tree.assert_same_structure(b, a)


# id, a, b, message (every one a ValueError)
DIFFERENT_STRUCTURE_CASES = [
    ("list-vs-tuple", [0, 1], (2, 3), "Expected an instance of list, got (2, 3)."),
    ("empty-tuple-vs-list", (), [], "Expected an instance of tuple, got []."),
    ("leaf-vs-list", [0, 1], [[2], 3], MISMATCH),
    ("list-vs-leaf", [[2], 3], [0, 1], "Expected an instance of list, got 0."),
    ("top-leaf-vs-empty-list", 1, [], MISMATCH),
    ("none-vs-empty-list", None, [], MISMATCH),
    ("empty-list-vs-none", [], None, "Expected an instance of list, got None."),
    ("list-lengths", [0, 1], [0], "list arity mismatch; expected: 2, got: 1; list: [0]."),
    (
        "deque-lengths",
        deque([1]),
        deque([1, 2]),
        "deque arity mismatch; expected: 1, got: 2; deque: deque([1, 2]).",
    ),
    (
        "namedtuple-lookalike",
        Point(0, 1),
        LookalikePoint(0, 1),
        "namedtuple type mismatch; expected type: <class 'fixtures.Point'>, "
        "got type: <class 'fixtures.Point'>; tuple: Point(x=0, y=1).",
    ),
    (
        "dict-keys",
        {"a": 1},
        {"b": 1},
        "dictionary key mismatch; expected key(s): ['a'], got key(s): ['b'], missing key(s): ['a'], "
        "extra key(s): ['b']; dict: {'b': 1}.",
    ),
    (
        "registered-vs-list",
        Box(1, 2),
        [1, 2],
        "Custom node type mismatch; expected type: <class 'fixtures.Box'>, got type: <class 'list'>; "
        "value: [1, 2].",
    ),
]


@pytest.mark.parametrize(("a", "b", "message"), rows(DIFFERENT_STRUCTURE_CASES))
def test_assert_same_structure_rejects(a: Any, b: Any, message: str) -> None:
    with pytest.raises(ValueError, match=exactly(message)):
        tree.assert_same_structure(a, b)


CHECK_TYPES_CASES = [
    (True, "The `check_types` argument is deprecated and no longer has any effect, please remove."),
    (
        False,
        "The `check_types` argument is deprecated and no longer has any effect. For a looser check, use "
        "`keras.tree.assert_same_paths()`, which considers `list`, `tuple`, `namedtuple` and `deque` as matching",
    ),
]


@pytest.mark.parametrize(("check_types", "message"), CHECK_TYPES_CASES, ids=["true", "false"])
def test_assert_same_structure_check_types_only_warns(check_types: bool, message: str) -> None:
    with pytest.warns(DeprecationWarning, match=exactly(message)):
        tree.assert_same_structure([1], [2], check_types=check_types)
    with (
        pytest.warns(DeprecationWarning, match=exactly(message)),
        pytest.raises(ValueError, match=exactly("Expected an instance of list, got (2,).")),
    ):
        tree.assert_same_structure([1], (2,), check_types=check_types)


# id, a, b: pairs with the same paths
SAME_PATHS_CASES = [
    ("list-vs-tuple", [0, 1], (2, 3)),
    ("namedtuples-of-other-classes", Point(0, 1), OtherPoint(2, 3)),
    ("none-vs-leaf", [None], [1]),
    ("int-keyed-dict-vs-list", {0: 1}, [1]),
    ("nested", {"a": [1, 2]}, {"a": (3, 4)}),
    ("defaultdict-vs-dict", defaultdict_of_lists(("b", 1), ("a", 2)), {"a": 10, "b": 20}),
]


@pytest.mark.parametrize(("a", "b"), rows(SAME_PATHS_CASES))
def test_assert_same_paths_accepts(a: Any, b: Any) -> None:
    tree.assert_same_paths(a, b)
    tree.assert_same_paths(b, a)


PATHS_DIFFER = "`a` and `b` don't have the same paths."

# id, a, b, message (every one a ValueError)
DIFFERENT_PATHS_CASES = [
    ("extra-in-a", [0, 1, 2], (2, 3), PATHS_DIFFER + "\nPaths in `a` missing in `b`:\n{(2,)}"),
    ("extra-in-b", [0], (2, 3), PATHS_DIFFER + "\nPaths in `b` missing in `a`:\n{(1,)}"),
    (
        "other-keys",
        {"a": 1},
        {"b": 1},
        PATHS_DIFFER + "\nPaths in `a` missing in `b`:\n{('a',)}\nPaths in `b` missing in `a`:\n{('b',)}",
    ),
    (
        "leaf-vs-list",
        1,
        [1],
        PATHS_DIFFER + "\nPaths in `a` missing in `b`:\n{()}\nPaths in `b` missing in `a`:\n{(0,)}",
    ),
    (
        "deeper-in-b",
        {"a": [1, 2]},
        {"a": (3, (4,))},
        PATHS_DIFFER
        + "\nPaths in `a` missing in `b`:\n{('a', 1)}\nPaths in `b` missing in `a`:\n{('a', 1, 0)}",
    ),
    # Keras prints a Python set, in hash order; we list several paths in flatten order instead.
    (
        "several-paths",
        Box(1, 2),
        [1, 2],
        PATHS_DIFFER
        + "\nPaths in `a` missing in `b`:\n{('y',), ('x',)}\nPaths in `b` missing in `a`:\n{(0,), (1,)}",
    ),
]


@pytest.mark.parametrize(("a", "b", "message"), rows(DIFFERENT_PATHS_CASES))
def test_assert_same_paths_rejects(a: Any, b: Any, message: str) -> None:
    with pytest.raises(ValueError, match=exactly(message)):
        tree.assert_same_paths(a, b)


# id, structure, flat_sequence, expected
PACK_CASES = [
    ("leaf", 0, [5], 5),
    ("leaf-from-tuple", 0, (5,), 5),
    ("none-is-a-leaf", None, [5], 5),
    ("none-in-list", [None, 0], [1, 2], [1, 2]),
    (
        "dict-keeps-key-order",
        {"key3": "", "key1": "", "key2": ""},
        ["v1", "v2", "v3"],
        {"key3": "v3", "key1": "v1", "key2": "v2"},
    ),
    (
        "nested-tuples",
        (("a", "b"), ("c", "d", "e"), "f"),
        [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        ((1.0, 2.0), (3.0, 4.0, 5.0), 6.0),
    ),
    (
        "nested-dicts",
        {"key3": {"c": ("alpha", "beta"), "a": "gamma"}, "key1": {"e": "val1", "d": "val2"}},
        ["val2", "val1", 3.0, 1.0, 2.0],
        {"key3": {"c": (1.0, 2.0), "a": 3.0}, "key1": {"e": "val1", "d": "val2"}},
    ),
    ("ordered-dict", OrderedDict([("b", 0), ("a", 0)]), [1, 2], OrderedDict([("b", 1), ("a", 2)])),
    (
        "defaultdict",
        defaultdict_of_lists(("z", 0), ("a", 0)),
        [1, 2],
        defaultdict_of_lists(("z", 2), ("a", 1)),
    ),
    ("mixed-keys", {"b": 0, 1: 0}, ["x", "y"], {"b": "y", 1: "x"}),
    ("namedtuple", Point(0, 0), [1, 2], Point(1, 2)),
    ("deque-keeps-maxlen", deque([0, 0], maxlen=3), [1, 2], deque([1, 2], maxlen=3)),
    ("registered-class", [Box(0, [0, 0])], [2, 3, 1], [Box(1, [2, 3])]),
    ("empty", [], [], []),
    ("empty-containers", [[], {}, 0], [1], [[], {}, 1]),
    ("generator", [0, 0], (i for i in range(2)), [0, 1]),
    ("string-is-iterable", [0, 0], "ab", ["a", "b"]),
    ("dict-gives-its-keys", {"b": 0, "a": 0}, {"x": 1, "y": 2}, {"b": "y", "a": "x"}),
    ("array-leaf", ["a"], [ARRAY], [ARRAY]),
]


@pytest.mark.parametrize(("structure", "flat_sequence", "expected"), rows(PACK_CASES))
def test_pack_sequence_as(structure: Any, flat_sequence: Any, expected: Any) -> None:
    assert_strictly_equal(tree.pack_sequence_as(structure, flat_sequence), expected)


@pytest.mark.parametrize(("structure", "expected"), rows(FLATTEN_CASES, 1, 2))
def test_pack_sequence_as_undoes_flatten(structure: Any, expected: list[Any]) -> None:
    assert_strictly_equal(tree.pack_sequence_as(structure, tree.flatten(structure)), structure)
    assert_strictly_equal(tree.flatten(tree.pack_sequence_as(structure, expected)), expected)


# id, structure, flat_sequence, error type, message
PACK_ERROR_CASES = [
    ("leaf-too-many", 0, [5, 6], ValueError, "Too many leaves for PyTreeSpec; expected: 1."),
    ("leaf-too-few", 0, [], ValueError, "Too few leaves for PyTreeSpec; expected: 1, got: 0."),
    ("too-few", [0, [0, 0]], [1, 2], ValueError, "Too few leaves for PyTreeSpec; expected: 3, got: 2."),
    ("too-many", [0, [0, 0]], [1, 2, 3, 4], ValueError, "Too many leaves for PyTreeSpec; expected: 3."),
    # Keras lets optree's binding complain ("unflatten(): incompatible function arguments..."); we say what is wrong.
    (
        "not-iterable",
        [0],
        5,
        TypeError,
        "`flat_sequence` must be an iterable of leaves. Received: flat_sequence=5 of type int",
    ),
]


@pytest.mark.parametrize(("structure", "flat_sequence", "error", "message"), rows(PACK_ERROR_CASES))
def test_pack_sequence_as_rejects(
    structure: Any, flat_sequence: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=exactly(message)):
        tree.pack_sequence_as(structure, flat_sequence)


def keep(_: Any) -> None:
    return None


def stop_at_tuples(node: Any) -> Any:
    return "T" if isinstance(node, tuple) else None


def tuples_to_none(node: Any) -> Any:
    return tree.MAP_TO_NONE if isinstance(node, tuple) else None


def ints_times_ten(node: Any) -> Any:
    return node * 10 if isinstance(node, int) else None


def list_lengths(node: Any) -> Any:
    return len(node) if isinstance(node, list) else None


def ints_to_zero(node: Any) -> Any:
    return 0 if isinstance(node, int) else None


def always_map_to_none(_: Any) -> Any:
    return tree.MAP_TO_NONE


def a_map_to_none_instance(_: Any) -> Any:
    return INSTANCE


INSTANCE = tree.MAP_TO_NONE()
SAMPLE = [(1, 2), [3], {"a": 4}]

# id, func, structure, top_down, expected result, expected visits
TRAVERSE_CASES = [
    ("top-down", keep, SAMPLE, True, SAMPLE, [SAMPLE, (1, 2), 1, 2, [3], 3, {"a": 4}, 4]),
    ("bottom-up", keep, SAMPLE, False, SAMPLE, [1, 2, (1, 2), 3, [3], 4, {"a": 4}, SAMPLE]),
    (
        "top-down-stops",
        stop_at_tuples,
        SAMPLE,
        True,
        ["T", [3], {"a": 4}],
        [SAMPLE, (1, 2), [3], 3, {"a": 4}, 4],
    ),
    (
        "top-down-map-to-none",
        tuples_to_none,
        SAMPLE,
        True,
        [None, [3], {"a": 4}],
        [SAMPLE, (1, 2), [3], 3, {"a": 4}, 4],
    ),
    (
        "bottom-up-map-to-none",
        tuples_to_none,
        SAMPLE,
        False,
        [None, [3], {"a": 4}],
        [1, 2, (1, 2), 3, [3], 4, {"a": 4}, [None, [3], {"a": 4}]],
    ),
    (
        "bottom-up-sees-replacements",
        ints_times_ten,
        SAMPLE,
        False,
        [(10, 20), [30], {"a": 40}],
        [1, 2, (10, 20), 3, [30], 4, {"a": 40}, [(10, 20), [30], {"a": 40}]],
    ),
    (
        "bottom-up-replaces-root",
        list_lengths,
        SAMPLE,
        False,
        3,
        [1, 2, (1, 2), 3, [3], 4, {"a": 4}, [(1, 2), 1, {"a": 4}]],
    ),
    ("falsy-replacement", ints_to_zero, [1, (2,)], True, [0, (0,)], [[1, (2,)], 1, (2,), 2]),
    ("leaf", keep, 5, True, 5, [5]),
    ("none", keep, None, True, None, [None]),
    ("none-in-list", keep, [None, 1], False, [None, 1], [None, 1, [None, 1]]),
    ("namedtuple", keep, Point(1, [2]), False, Point(1, [2]), [1, 2, [2], Point(1, [2])]),
    ("dict-children-in-key-order", keep, {"b": 1, "a": 2}, True, {"b": 1, "a": 2}, [{"b": 1, "a": 2}, 2, 1]),
    ("registered-class", keep, Box(1, [2]), True, Box(1, [2]), [Box(1, [2]), [2], 2, 1]),
    ("empty-containers", keep, [[], {}], True, [[], {}], [[[], {}], [], {}]),
    ("root-map-to-none", always_map_to_none, [1], True, None, [[1]]),
    # Only the class itself means None; an instance is an ordinary replacement.
    ("map-to-none-instance", a_map_to_none_instance, [1], True, INSTANCE, [[1]]),
]


@pytest.mark.parametrize(
    ("func", "structure", "top_down", "expected", "expected_visits"), rows(TRAVERSE_CASES)
)
def test_traverse(
    func: Callable[[Any], Any], structure: Any, top_down: bool, expected: Any, expected_visits: list[Any]
) -> None:
    visits: list[Any] = []

    def recording(node: Any) -> Any:
        visits.append(node)
        return func(node)

    assert_strictly_equal(tree.traverse(recording, structure, top_down=top_down), expected)
    assert_strictly_equal(visits, expected_visits)


@pytest.mark.parametrize("top_down", [True, False])
@pytest.mark.parametrize("structure", [[1], []], ids=["list", "empty"])
def test_traverse_rejects_a_non_callable(structure: Any, top_down: bool) -> None:
    with pytest.raises(TypeError, match=exactly("'int' object is not callable")):
        tree.traverse(3, structure, top_down=top_down)  # type: ignore[arg-type]


# id, structure, expected
LISTS_TO_TUPLES_CASES = [
    ("nested", [1, [2, [3]], {"a": [4]}, (5, [6])], (1, (2, (3,)), {"a": (4,)}, (5, (6,)))),
    ("namedtuple-kept", Point([1], 2), Point((1,), 2)),
    ("leaf", 1, 1),
    ("none", [None], (None,)),
    ("empty", [[]], ((),)),
    ("dict-keeps-key-order", {"b": [1], "a": 2}, {"b": (1,), "a": 2}),
]


@pytest.mark.parametrize(("structure", "expected"), rows(LISTS_TO_TUPLES_CASES))
def test_lists_to_tuples(structure: Any, expected: Any) -> None:
    assert_strictly_equal(tree.lists_to_tuples(structure), expected)


def tag(shape: Any) -> tuple[str, Any]:
    return ("S", shape)


# id, structure, expected
SHAPE_CASES = [
    ("tuple-shape", (1, 2), ("S", (1, 2))),
    ("list-shape-with-none", [None, 3], ("S", [None, 3])),
    ("empty-shape", (), ("S", ())),
    ("dict-of-shapes", {"b": (4,), "a": [2, 2]}, {"b": ("S", (4,)), "a": ("S", [2, 2])}),
    ("tuple-of-shapes", ((1, 2), (3,)), (("S", (1, 2)), ("S", (3,)))),
    ("bools-count-as-ints", [(True,)], [("S", (True,))]),
    ("floats-are-not-shapes", [(1.0,)], [(("S", 1.0),)]),
    ("numpy-ints-are-not-shapes", (np.int64(1), 2), (("S", np.int64(1)), ("S", 2))),
    ("namedtuple-of-ints-is-a-shape", Point(1, 2), ("S", Point(1, 2))),
    ("loose-leaves", [5, None, {"a": 1}], [("S", 5), ("S", None), {"a": ("S", 1)}]),
]


@pytest.mark.parametrize(("structure", "expected"), rows(SHAPE_CASES))
def test_map_shape_structure(structure: Any, expected: Any) -> None:
    assert_strictly_equal(tree.map_shape_structure(tag, structure), expected)


def test_map_to_none_is_a_plain_class() -> None:
    assert inspect.isclass(tree.MAP_TO_NONE)
    assert tree.MAP_TO_NONE.__name__ == "MAP_TO_NONE"
    assert isinstance(tree.MAP_TO_NONE(), tree.MAP_TO_NONE)


def test_classes_registered_elsewhere_are_leaves() -> None:
    import optree

    class ForeignBox(Box):
        pass

    foreign_class: Any = ForeignBox  # optree's static protocol wants its newer dunder method names
    optree.register_pytree_node_class(foreign_class, namespace="not-keras")
    value = ForeignBox(1, 2)
    assert tree.flatten([value]) == [value]
    assert tree.is_nested(value) is False


POSITIONAL = "POSITIONAL_OR_KEYWORD"

# The parameters shared/reference/keras-3.15-api.jsonl lists: (name, kind, default repr).
# MAP_TO_NONE is listed by the __init__ it inherits from object.
SIGNATURES: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    ("MAP_TO_NONE", [("args", "VAR_POSITIONAL", None), ("kwargs", "VAR_KEYWORD", None)]),
    ("assert_same_paths", [("a", POSITIONAL, None), ("b", POSITIONAL, None)]),
    (
        "assert_same_structure",
        [("a", POSITIONAL, None), ("b", POSITIONAL, None), ("check_types", POSITIONAL, "None")],
    ),
    ("flatten", [("structure", POSITIONAL, None)]),
    ("flatten_with_path", [("structure", POSITIONAL, None)]),
    ("is_nested", [("structure", POSITIONAL, None)]),
    ("lists_to_tuples", [("structure", POSITIONAL, None)]),
    ("map_shape_structure", [("func", POSITIONAL, None), ("structure", POSITIONAL, None)]),
    (
        "map_structure",
        [
            ("func", POSITIONAL, None),
            ("structures", "VAR_POSITIONAL", None),
            ("none_is_leaf", "KEYWORD_ONLY", "True"),
        ],
    ),
    (
        "map_structure_up_to",
        [
            ("shallow_structure", POSITIONAL, None),
            ("func", POSITIONAL, None),
            ("structures", "VAR_POSITIONAL", None),
        ],
    ),
    ("pack_sequence_as", [("structure", POSITIONAL, None), ("flat_sequence", POSITIONAL, None)]),
    (
        "traverse",
        [("func", POSITIONAL, None), ("structure", POSITIONAL, None), ("top_down", POSITIONAL, "True")],
    ),
]


def test_public_names_are_the_reference_ones() -> None:
    assert sorted(tree.__all__) == [name for name, _ in SIGNATURES]


@pytest.mark.parametrize(("name", "expected"), SIGNATURES, ids=[name for name, _ in SIGNATURES])
def test_signature_matches_the_reference(name: str, expected: list[tuple[str, str, str | None]]) -> None:
    obj = getattr(tree, name)
    parameters = inspect.signature(obj.__init__ if inspect.isclass(obj) else obj).parameters.values()
    got = [
        (p.name, p.kind.name, None if p.default is inspect.Parameter.empty else repr(p.default))
        for p in parameters
        if p.name != "self"
    ]
    assert got == expected


FUNCTIONS = [name for name, _ in SIGNATURES if name != "MAP_TO_NONE"]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_docstring_examples_pass(name: str) -> None:
    examples = doctest.DocTestFinder().find(getattr(tree, name), name, globs={"keras": keras})
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for example in examples:
        runner.run(example)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0


def test_imports_only_optree_and_the_standard_library() -> None:
    # keras.tree sits at the bottom of the stack: no backend, and nothing from the rest of keras.
    allowed = {"__future__", "collections", "optree", "typing", "warnings", "keras.tree"}
    imported: set[str] = set()
    for module in (keras.tree, _tree):
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module is not None:
                imported.add(node.module)
    assert {"keras.tree" if name.startswith("keras.") else name.split(".")[0] for name in imported} <= allowed
    assert all(name.startswith("keras.tree") for name in imported if name.startswith("keras"))
