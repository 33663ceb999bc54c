"""Utilities for nested structures (lists, tuples, dicts, namedtuples, ...): `keras.tree`."""

from keras.tree._tree import MAP_TO_NONE as MAP_TO_NONE
from keras.tree._tree import assert_same_paths as assert_same_paths
from keras.tree._tree import assert_same_structure as assert_same_structure
from keras.tree._tree import flatten as flatten
from keras.tree._tree import flatten_with_path as flatten_with_path
from keras.tree._tree import is_nested as is_nested
from keras.tree._tree import lists_to_tuples as lists_to_tuples
from keras.tree._tree import map_shape_structure as map_shape_structure
from keras.tree._tree import map_structure as map_structure
from keras.tree._tree import map_structure_up_to as map_structure_up_to
from keras.tree._tree import pack_sequence_as as pack_sequence_as
from keras.tree._tree import traverse as traverse

__all__ = [
    "MAP_TO_NONE",
    "assert_same_paths",
    "assert_same_structure",
    "flatten",
    "flatten_with_path",
    "is_nested",
    "lists_to_tuples",
    "map_shape_structure",
    "map_structure",
    "map_structure_up_to",
    "pack_sequence_as",
    "traverse",
]
