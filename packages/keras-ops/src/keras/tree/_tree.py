"""Nested-structure utilities behind `keras.tree`, built on optree.

This module owns every function of `keras.tree`. A structure is any nesting of lists,
tuples, namedtuples, dicts (`OrderedDict` and `defaultdict` included), deques and the
classes registered in optree's `"keras"` namespace (or optree's global one). Everything
else is a leaf: numbers, strings, sets, numpy arrays, backend tensors and `None`.

Dicts are read in sorted key order and rebuilt with their own type and key order;
`OrderedDict` keeps its insertion order. Mismatched structures raise `ValueError` with
the messages Keras 3 gives, most of which come from optree itself.

optree is imported on the first call of any function here, not with `keras.ops`: the
name `optree` stands for a placeholder that swaps the module in on its first use.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Hashable, Iterable
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

if TYPE_CHECKING:
    import optree
else:

    class _OptreeOnFirstUse:
        """Stand for the optree module until an attribute is read, then become it."""

        def __getattr__(self, name: str) -> Any:
            global optree
            import optree as module

            optree = module
            return getattr(module, name)

    optree = _OptreeOnFirstUse()

# Keras registers its own containers (tracked lists and dicts) under this optree
# namespace; optree's global registrations are seen from every namespace.
NAMESPACE = "keras"

# Any nesting of containers and leaves: a structure's type says nothing about its leaves.
Structure: TypeAlias = Any
Path: TypeAlias = tuple[Hashable, ...]
_ClassT = TypeVar("_ClassT", bound=type)

_MISMATCH = "Structures don't have the same nested structure."


class MAP_TO_NONE:  # noqa: N801 -- the public Keras name
    """Mark a sub-tree for replacement by `None` in the output of `traverse`.

    `traverse` reads a `None` returned by its function as "keep going", so a function
    that wants `None` in the result returns this class (not an instance) instead.
    """


def register_tree_node_class(cls: _ClassT) -> _ClassT:
    """Register a class as a keras.tree node, so that every function here looks inside it.

    For the suite's own containers (tracked lists and dicts in keras-layers); like in
    Keras 3, it is not part of the public `keras.tree` API.

    Args:
        cls: A class with a method `tree_flatten(self)` returning `(children, metadata)` or
            `(children, metadata, path_entries)`, and a classmethod
            `tree_unflatten(cls, metadata, children)` that rebuilds an instance.

    Returns:
        `cls`, so that this works as a class decorator.
    """
    # optree's protocol renamed these methods in 0.18 (it still reads the old names), so
    # no single static type fits every supported optree: check the class at run time only.
    node_class: Any = cls
    optree.register_pytree_node_class(node_class, path_entry_type=None, namespace=NAMESPACE)
    return cls


def _is_leaf(value: Any, none_is_leaf: bool = True) -> bool:
    return optree.tree_is_leaf(value, none_is_leaf=none_is_leaf, namespace=NAMESPACE)


def is_nested(structure: Structure) -> bool:
    """Tell whether `structure` is a container that keras.tree looks into.

    Args:
        structure: Any value.

    Returns:
        `True` for lists, tuples, namedtuples, dicts, deques and registered node classes
        (empty ones included), `False` for leaves such as numbers, strings, sets, arrays
        and `None`.

    Example:

    >>> keras.tree.is_nested({"a": 1})
    True
    >>> keras.tree.is_nested([])
    True
    >>> keras.tree.is_nested(None)
    False
    """
    return not _is_leaf(structure)


def flatten(structure: Structure) -> list[Any]:
    """Return the leaves of a nested structure as a flat list.

    Dict values come in sorted key order; `OrderedDict` values in insertion order.
    `pack_sequence_as` reads leaves in the same order, so the two undo each other.

    Args:
        structure: An arbitrarily nested structure.

    Returns:
        A list of the leaves. A leaf, `None` included, gives a one-item list; empty
        containers contribute nothing.

    Example:

    >>> keras.tree.flatten([[1, 2], (3, [4, None])])
    [1, 2, 3, 4, None]
    >>> keras.tree.flatten({"b": 2, "a": 1})
    [1, 2]
    >>> keras.tree.flatten(5)
    [5]
    """
    leaves, _ = optree.tree_flatten(structure, none_is_leaf=True, namespace=NAMESPACE)
    return leaves


def flatten_with_path(structure: Structure) -> list[tuple[Path, Any]]:
    """Return the leaves of a nested structure, each with the path that reaches it.

    Args:
        structure: An arbitrarily nested structure.

    Returns:
        A list of `(path, leaf)` pairs in `flatten` order. A path is a tuple of the
        indices (sequences and namedtuples) and keys (mappings) that lead from the top of
        `structure` to the leaf; a bare leaf has the path `()`.

    Example:

    >>> keras.tree.flatten_with_path([{"b": 2, "a": 1}, 3])
    [((0, 'a'), 1), ((0, 'b'), 2), ((1,), 3)]
    """
    paths, leaves, _ = optree.tree_flatten_with_path(structure, none_is_leaf=True, namespace=NAMESPACE)
    return list(zip(paths, leaves, strict=True))


def map_structure(func: Callable[..., Any], *structures: Structure, none_is_leaf: bool = True) -> Any:
    """Apply `func` to the matching leaves of one or more structures.

    Args:
        func: A callable taking one argument per structure.
        *structures: Nested structures of the same layout.
        none_is_leaf: If `True`, `func` is called on `None` leaves too. If `False`,
            each `None` is kept as is in the output and `func` never sees it.

    Returns:
        A structure laid out like `structures[0]`, with `func`'s results as leaves.

    Raises:
        ValueError: If no structure is given, or if the structures are not nested
            alike (see `assert_same_structure`).

    Example:

    >>> keras.tree.map_structure(lambda x: x * 2, {"a": [1, 2], "b": 3})
    {'a': [2, 4], 'b': 6}
    >>> keras.tree.map_structure(lambda x, y: x + y, (1, [2]), (10, [20]))
    (11, [22])
    >>> keras.tree.map_structure(lambda x: 0, [None, 1], none_is_leaf=False)
    [None, 0]
    """
    if not structures:
        raise ValueError("Must provide at least one structure")
    if len(structures) == 1:
        return optree.tree_map(func, structures[0], none_is_leaf=none_is_leaf, namespace=NAMESPACE)

    # optree maps over the first structure's leaves and hands over whatever the others
    # hold there, sub-trees included; a sub-tree where a leaf was expected is a mismatch.
    def call_on_leaves(*leaves: Any) -> Any:
        if not all(_is_leaf(leaf, none_is_leaf) for leaf in leaves):
            raise ValueError(_MISMATCH)
        return func(*leaves)

    return optree.tree_map(call_on_leaves, *structures, none_is_leaf=none_is_leaf, namespace=NAMESPACE)


def map_structure_up_to(
    shallow_structure: Structure, func: Callable[..., Any], *structures: Structure
) -> Any:
    """Apply `func` to the sub-trees of `structures` found at the leaves of `shallow_structure`.

    Like `map_structure`, but the walk stops at the depth of `shallow_structure`: what
    `structures` hold below that depth reaches `func` whole. The values in
    `shallow_structure` serve only as markers and are not passed to `func`.

    Args:
        shallow_structure: A structure whose layout is a prefix of every one of `structures`.
        func: A callable taking one argument per structure in `structures`.
        *structures: Nested structures, each at least as deep as `shallow_structure`.

    Returns:
        A structure laid out like `shallow_structure`, with `func`'s results as leaves.

    Raises:
        ValueError: If no structure is given, or if one of `structures` is shallower
            than, or laid out differently from, `shallow_structure`.

    Example:

    >>> keras.tree.map_structure_up_to([None, None], len, [[1, 1], [2, 2, 2]])
    [2, 3]
    >>> keras.tree.map_structure_up_to([None, [None, None]], str, [[1, 1], [2, 2]])
    ['[1, 1]', ['2', '2']]
    """
    if not structures:
        raise ValueError("Must provide at least one structure")

    # Here None is a leaf of the shallow structure, as the Keras docs (and Keras on torch)
    # have it; Keras 3.15's optree code rejects it by mistake.
    def call_without_shallow(_: Any, *subtrees: Any) -> Any:
        return func(*subtrees)

    return optree.tree_map(
        call_without_shallow, shallow_structure, *structures, none_is_leaf=True, namespace=NAMESPACE
    )


def assert_same_structure(a: Structure, b: Structure, check_types: bool | None = None) -> None:
    """Check that two structures are nested the same way.

    At every level both structures must hold the same kind of container with the same
    number of items: a list never matches a tuple, nor a namedtuple a different
    namedtuple class of the same name. `dict`, `OrderedDict` and `defaultdict` match each
    other when their keys are the same. Leaves may differ in anything.

    Args:
        a: An arbitrarily nested structure.
        b: An arbitrarily nested structure.
        check_types: Deprecated and ignored; passing it warns. For a check that lets
            lists, tuples, namedtuples and deques match, use `assert_same_paths`.

    Raises:
        ValueError: If `a` and `b` are not nested the same way.

    Example:

    >>> keras.tree.assert_same_structure([(0, 1)], [(2, 3)])
    >>> keras.tree.assert_same_structure([0, 1], (2, 3))
    Traceback (most recent call last):
        ...
    ValueError: Expected an instance of list, got (2, 3).
    """
    if check_types is not None:
        message = "The `check_types` argument is deprecated and no longer has any effect"
        if check_types:
            message += ", please remove."
        else:
            message += (
                ". For a looser check, use `keras.tree.assert_same_paths()`, which considers "
                "`list`, `tuple`, `namedtuple` and `deque` as matching"
            )
        warnings.warn(message, DeprecationWarning, stacklevel=2)

    def check_leaves(a_leaf: Any, b_leaf: Any) -> None:
        if not (_is_leaf(a_leaf) and _is_leaf(b_leaf)):
            raise ValueError(_MISMATCH)

    optree.tree_map(check_leaves, a, b, none_is_leaf=True, namespace=NAMESPACE)


def assert_same_paths(a: Structure, b: Structure) -> None:
    """Check that two structures reach their leaves by the same paths.

    Looser than `assert_same_structure`: container types are ignored, only the paths of
    `flatten_with_path` count. A sequence's path items are indices (namedtuples included)
    and a mapping's are keys, so `[1, 2]` matches `(3, 4)` and `{0: 1}` matches `[1]`.

    Args:
        a: An arbitrarily nested structure.
        b: An arbitrarily nested structure.

    Raises:
        ValueError: If the paths differ; the message lists the paths found only in
            `a` and those found only in `b`.

    Example:

    >>> keras.tree.assert_same_paths([0, 1], (2, 3))
    >>> keras.tree.assert_same_paths({"a": 1}, {"b": 1})
    Traceback (most recent call last):
        ...
    ValueError: `a` and `b` don't have the same paths.
    Paths in `a` missing in `b`:
    {('a',)}
    Paths in `b` missing in `a`:
    {('b',)}
    """
    a_paths = optree.tree_paths(a, none_is_leaf=True, namespace=NAMESPACE)
    b_paths = optree.tree_paths(b, none_is_leaf=True, namespace=NAMESPACE)
    only_in_a = _missing_from(a_paths, b_paths)
    only_in_b = _missing_from(b_paths, a_paths)
    if not (only_in_a or only_in_b):
        return
    message = "`a` and `b` don't have the same paths."
    if only_in_a:
        message += f"\nPaths in `a` missing in `b`:\n{_as_set(only_in_a)}"
    if only_in_b:
        message += f"\nPaths in `b` missing in `a`:\n{_as_set(only_in_b)}"
    raise ValueError(message)


def _missing_from(paths: list[Path], others: list[Path]) -> list[Path]:
    known = set(others)
    return [path for path in paths if path not in known]


def _as_set(paths: list[Path]) -> str:
    # Written like Keras's set, but in flatten order so that the message is reproducible.
    return "{" + ", ".join(repr(path) for path in paths) + "}"


def pack_sequence_as(structure: Structure, flat_sequence: Iterable[Any]) -> Any:
    """Build a structure laid out like `structure` from a flat sequence of leaves.

    Leaves are taken in `flatten` order: dicts in sorted key order, `OrderedDict`s in
    insertion order. Containers are rebuilt with their own type, so a dict keeps its key
    order and a `defaultdict` its default factory.

    Args:
        structure: An arbitrarily nested structure; only its layout is used.
        flat_sequence: An iterable with exactly as many items as `structure` has leaves.

    Returns:
        A new structure laid out like `structure`. If `structure` is a leaf, the only
        item of `flat_sequence`.

    Raises:
        TypeError: If `flat_sequence` is not iterable.
        ValueError: If `flat_sequence` has too few or too many items.

    Example:

    >>> keras.tree.pack_sequence_as({"b": 0, "a": 0}, [1, 2])
    {'b': 2, 'a': 1}
    >>> keras.tree.pack_sequence_as((("a", "b"), "c"), [1.0, 2.0, 3.0])
    ((1.0, 2.0), 3.0)
    """
    try:
        leaves = iter(flat_sequence)
    except TypeError:
        raise TypeError(
            "`flat_sequence` must be an iterable of leaves. "
            f"Received: flat_sequence={flat_sequence!r} of type {type(flat_sequence).__name__}"
        ) from None
    _, treespec = optree.tree_flatten(structure, none_is_leaf=True, namespace=NAMESPACE)
    return optree.tree_unflatten(treespec, leaves)


def traverse(func: Callable[[Any], Any], structure: Structure, top_down: bool = True) -> Any:
    """Walk a nested structure depth-first, calling `func` on every sub-tree and leaf.

    Top-down (the default), `func` sees each node before its children. If it returns
    `None`, the walk goes on into the children; any other value replaces the node in the
    output, and its children are not visited.

    Bottom-up, `func` sees each node after its children, already rebuilt from their
    results. Returning `None` keeps that node; any other value replaces it.

    Either way, return the class `MAP_TO_NONE` to put `None` in the output. Children of a
    dict are visited in sorted key order.

    Args:
        func: A callable taking one sub-tree or leaf.
        structure: The structure to walk.
        top_down: Whether parents are visited before (`True`) or after their children.

    Returns:
        The structure rebuilt from `func`'s replacements.

    Raises:
        TypeError: If `func` is not callable.

    Example:

    >>> visited = []
    >>> keras.tree.traverse(visited.append, [(1, 2), 3])
    [(1, 2), 3]
    >>> visited
    [[(1, 2), 3], (1, 2), 1, 2, 3]
    >>> keras.tree.traverse(lambda x: x * 10 if isinstance(x, int) else None, [(1, 2), 3], top_down=False)
    [(10, 20), 30]
    >>> keras.tree.traverse(lambda x: keras.tree.MAP_TO_NONE if isinstance(x, tuple) else None, [(1, 2), 3])
    [None, 3]
    """

    def visit(node: Any) -> Any:
        if top_down:
            result = func(node)
            if result is None:
                return _map_children(visit, node)
        else:
            node = _map_children(visit, node)
            result = func(node)
            if result is None:
                return node
        return None if result is MAP_TO_NONE else result

    return visit(structure)


def _map_children(func: Callable[[Any], Any], node: Any) -> Any:
    """Rebuild `node` from `func` applied to each of its direct children; leaves stay as they are."""
    if _is_leaf(node):
        return node
    children, metadata, _, unflatten = optree.tree_flatten_one_level(
        node, none_is_leaf=True, namespace=NAMESPACE
    )
    return unflatten(metadata, [func(child) for child in children])


def lists_to_tuples(structure: Structure) -> Any:
    """Return `structure` with every list, at any depth, turned into a tuple.

    Args:
        structure: An arbitrarily nested structure.

    Returns:
        The same structure with tuples in place of lists; other containers keep their type.

    Example:

    >>> keras.tree.lists_to_tuples([1, {"a": [2, [3]]}, (4, [])])
    (1, {'a': (2, (3,))}, (4, ()))
    """
    return traverse(lambda node: tuple(node) if isinstance(node, list) else None, structure, top_down=False)


def map_shape_structure(func: Callable[[Any], Any], structure: Structure) -> Any:
    """Apply `func` to every shape in a nested structure of shapes.

    A shape is a list or tuple whose items are all `int` or `None`, such as `(None, 3)`,
    `[2, 2]` or `()`; it reaches `func` whole. Anything else nests as in `map_structure`.

    Args:
        func: A callable taking one shape (or one leaf that is not inside a shape).
        structure: A nested structure of shapes.

    Returns:
        The same structure with each shape replaced by `func(shape)`.

    Example:

    >>> keras.tree.map_shape_structure(len, {"x": (None, 3), "y": [(2, 2, 2), ()]})
    {'x': 2, 'y': [3, 0]}
    """
    return optree.tree_map(func, structure, is_leaf=_is_shape, none_is_leaf=True, namespace=NAMESPACE)


def _is_shape(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(item is None or isinstance(item, int) for item in value)
