"""Keras 3's dtype rules: the dtype names, how inputs are read as names, and promotion.

This module owns everything the suite knows about dtypes as *names*: the set Keras 3
allows, `standardize_dtype` (numpy, ml_dtypes, jax, torch and tensorflow dtype objects and
Python types to a name, without importing any of those frameworks), `result_type` (the one
promotion table that every op uses, whatever the backend) and `float_result` (the dtype of ops that always compute in float, like
`sin`). Nothing here touches an array.

Promotion is a least upper bound on a small lattice, in the manner JAX documents for its
own type promotion, with Keras 3's changes:

- Python `int` and `float` are *weak*: they have lattice nodes of their own just above
  `bool`, so they never widen a tensor (`int8` with `int` stays `int8`). A result that is
  still weak takes the bit width of `floatx()`: `int` alone gives `int32` under float32
  and `int16` under float16 or bfloat16.
- `float8_*` dtypes never promote, not even with themselves.
- Results are narrowed to 32 bits like JAX without x64: `int64`, `float64`, `uint64` and
  `complex128` come out as `int32`, `float32`, `uint32` and `complex64`.

Keras 3 itself answers differently on its tensorflow backend (64-bit results kept, Python
`int` read as `int64`). This suite uses one table on every backend, the one Keras 3 uses
on numpy, jax and torch, so that the same program gives the same dtypes on all four; the
tensorflow rules stay in the code (`table="tensorflow"`) for comparison tests only.
"""

from __future__ import annotations

import functools
from typing import Any

from keras.backend._config import SETTINGS

# The promotion table every backend uses (see the module docstring).
TABLE = "numpy"

BOOL_TYPES: tuple[str, ...] = ("bool",)
INT_TYPES: tuple[str, ...] = ("uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64")
FLOAT_TYPES: tuple[str, ...] = ("bfloat16", "float16", "float32", "float64")
FLOAT8_TYPES: tuple[str, ...] = ("float8_e4m3fn", "float8_e5m2")
COMPLEX_TYPES: tuple[str, ...] = ("complex64", "complex128")
ALLOWED_DTYPES: tuple[str, ...] = (
    BOOL_TYPES + INT_TYPES + FLOAT_TYPES + FLOAT8_TYPES + COMPLEX_TYPES + ("string",)
)

# Lattice nodes of the weak Python scalars; not dtypes, so they never leave this module.
_WEAK_INT = "int"
_WEAK_FLOAT = "float"

# Each node's immediate successors: the nodes directly above it, which it promotes to.
# Everything reaches complex128, so every set of nodes has a least upper bound. uint64 and
# int64 have no common integer above them and meet at the weak float node, which resolves
# to a float of floatx's width.
_LATTICE: dict[str, tuple[str, ...]] = {
    "bool": (_WEAK_INT,),
    _WEAK_INT: ("uint8", "int8", "complex64"),
    "uint8": ("uint16", "int16"),
    "uint16": ("uint32", "int32"),
    "uint32": ("uint64", "int64"),
    "uint64": (_WEAK_FLOAT,),
    "int8": ("int16",),
    "int16": ("int32",),
    "int32": ("int64",),
    "int64": (_WEAK_FLOAT,),
    _WEAK_FLOAT: ("bfloat16", "float16"),
    "bfloat16": ("float32",),
    "float16": ("float32",),
    "float32": ("float64", "complex64"),
    "float64": ("complex128",),
    "complex64": ("complex128",),
    "complex128": (),
}


def _reachable(node: str) -> frozenset[str]:
    """Return `node` and every node above it."""
    above = {node}
    for successor in _LATTICE[node]:
        above |= _reachable(successor)
    return frozenset(above)


_UPPER_BOUNDS: dict[str, frozenset[str]] = {node: _reachable(node) for node in _LATTICE}
_ALLOWED_SET = frozenset(ALLOWED_DTYPES)

# Python types that name a dtype. `int` and `complex` depend on the backend (below).
_PYTHON_TYPE_NAMES: dict[type, str] = {bool: "bool", float: "float32", str: "string"}
# What a result that is a 64-bit dtype becomes, outside the tensorflow backend...
_NARROW_64_BIT = {"int64": "int32", "uint64": "uint32", "float64": "float32", "complex128": "complex64"}
# ...and on it, where Keras 3 keeps int64 and float64 (TF places int64 variables on GPUs).
_NARROW_64_BIT_TF = {"uint64": "uint32", "complex128": "complex64"}


def _default_int(backend: str) -> str:
    return "int64" if backend == "tensorflow" else "int32"


def _name_of(dtype: Any, backend: str) -> Any:
    """Return the name a dtype-like object spells, not yet checked against ALLOWED_DTYPES."""
    if dtype is int or (isinstance(dtype, str) and dtype == "int"):
        return _default_int(backend)
    if dtype is complex:
        return "complex128" if backend == "tensorflow" else "complex64"
    if isinstance(dtype, type) and dtype in _PYTHON_TYPE_NAMES:
        return _PYTHON_TYPE_NAMES[dtype]
    # np.dtype and tf.DType carry `.name`; numpy, ml_dtypes and jax scalar types carry
    # `__name__`; torch dtypes carry neither and print as "torch.float32". Keras 3 also
    # reads the strings "torch.float32" and "jax.numpy.float32" that way.
    if hasattr(dtype, "name"):
        return dtype.name
    if hasattr(dtype, "__name__"):
        return dtype.__name__
    text = str(dtype)
    if "torch" in text or "jax.numpy" in text:
        return text.rsplit(".", 1)[-1]
    return dtype


def _standardize(dtype: Any, floatx: str, backend: str) -> str:
    if dtype is None:
        return floatx
    name = _name_of(dtype, backend)
    if not isinstance(name, str) or name not in ALLOWED_DTYPES:
        raise ValueError(
            f"Invalid dtype: {dtype!r}. Expected a Python type (bool, int, float, complex, str) "
            f"or a dtype named one of {ALLOWED_DTYPES}."
        )
    return name


# The caches key on each argument's type too (`typed=True`): dtype objects compare equal
# to things that mean something else, with equal hashes (`tf.float32 == 1`), and numpy's
# `np.dtype("float64") == float` although the Python type is weak and the dtype is not.
@functools.lru_cache(maxsize=4096, typed=True)
def _standardize_cached(dtype: Any, floatx: str, backend: str) -> str:
    return _standardize(dtype, floatx, backend)


def standardize_dtype(dtype: Any) -> str:
    """Return the Keras name of a dtype given in any of the forms users pass.

    Args:
        dtype: A dtype name (`"float32"`), `None` (meaning `floatx()`), a Python type
            (`bool`, `int`, `float`, `complex`, `str`), or a numpy, ml_dtypes, jax, torch or
            tensorflow dtype. Python `int` means `int32` (`int64` on tensorflow) and
            `float` means `float32` whatever `floatx()` is.

    Returns:
        One of `ALLOWED_DTYPES`.

    Raises:
        ValueError: If `dtype` names no dtype Keras 3 allows (for example `"float"`).

    Example:

    >>> keras.backend.standardize_dtype(np.dtype("int8"))
    'int8'
    >>> keras.backend.standardize_dtype(None)
    'float32'
    """
    # Most callers pass a name already: answer those without building a cache key.
    if dtype.__class__ is str and dtype in _ALLOWED_SET:
        return dtype
    if dtype is None:
        return SETTINGS.floatx
    try:
        return _standardize_cached(dtype, SETTINGS.floatx, TABLE)
    except TypeError:  # unhashable: read it without the cache
        return _standardize(dtype, SETTINGS.floatx, TABLE)


def _least_upper_bound(nodes: set[str], dtypes: tuple[Any, ...]) -> str:
    for node in nodes:
        if node not in _UPPER_BOUNDS:
            raise ValueError(
                f"Cannot promote {node!r} with other dtypes: it has no implicit promotion to any "
                f"other dtype. Cast the inputs to one dtype first. Received: dtypes={dtypes!r}"
            )
    common = frozenset.intersection(*(_UPPER_BOUNDS[node] for node in nodes))
    # The least common bound is the one every other common bound lies above.
    return next(node for node in common if common <= _UPPER_BOUNDS[node])


def _promote(dtypes: tuple[Any, ...], floatx: str, backend: str) -> str:
    names = [_standardize(dtype, floatx, backend) for dtype in dtypes]
    for name in names:
        if name in FLOAT8_TYPES:
            raise ValueError(
                f"Cannot promote {name!r}: float8 dtypes are never promoted implicitly, not even "
                f"with themselves. Cast the inputs to one dtype first. Received: dtypes={dtypes!r}"
            )
    # Only the exact Python types are weak: `bool` and `complex` read as strong dtypes.
    weak = [dtype is int or dtype is float for dtype in dtypes]
    if len(set(names)) == 1 and not all(weak):
        # Equal strong inputs need no lattice; this also lets "string" through.
        result, result_is_weak = names[0], False
    elif all(weak):
        # Only Python scalars: promote their strong readings, and stay weak.
        result, result_is_weak = _least_upper_bound(set(names), dtypes), True
    else:
        nodes = {
            (_WEAK_INT if name.startswith("int") else _WEAK_FLOAT) if is_weak else name
            for name, is_weak in zip(names, weak, strict=True)
        }
        result = _least_upper_bound(nodes, dtypes)
        result_is_weak = result in (_WEAK_INT, _WEAK_FLOAT)
    if result_is_weak:
        # A weak result takes floatx's bit width ("bfloat16" counts as 16): float16 and
        # bfloat16 both make a weak float "float16".
        kind = "int" if result.startswith("int") else "float"
        result = kind + floatx[-2:]
    narrow = _NARROW_64_BIT_TF if backend == "tensorflow" else _NARROW_64_BIT
    return narrow.get(result, result)


@functools.lru_cache(maxsize=4096, typed=True)
def _promote_cached(floatx: str, backend: str, *dtypes: Any) -> str:
    return _promote(dtypes, floatx, backend)


def result_type(*dtypes: Any) -> str:
    """Return the dtype Keras 3 gives an op on inputs of these dtypes.

    Args:
        *dtypes: Anything `standardize_dtype` reads. The Python types `int` and `float`
            stand for Python scalars and are weak: they do not widen a tensor's dtype.
            `None` means `floatx()`.

    Returns:
        The promoted dtype name; `floatx()` when no dtype is given.

    Raises:
        ValueError: If an input is no dtype, is a float8 dtype, or is `"string"` beside
            another dtype.

    Example:

    >>> keras.backend.result_type("int8", int)
    'int8'
    >>> keras.backend.result_type("int32", float)
    'float32'
    >>> keras.backend.result_type("bfloat16", "float16")
    'float32'
    >>> keras.backend.result_type("uint64", "int64")
    'float32'
    """
    if not dtypes:
        return SETTINGS.floatx
    try:
        return _promote_cached(SETTINGS.floatx, TABLE, *dtypes)
    except TypeError:  # unhashable: promote without the cache
        return _promote(dtypes, SETTINGS.floatx, TABLE)


def float_result(dtype: Any) -> str:
    """Return the dtype of an op that always computes in float (`sin`, `sqrt`, `exp`, ...).

    Args:
        dtype: The input's dtype, in any form `standardize_dtype` reads.

    Returns:
        Float and complex dtypes promoted with a weak float (so `bfloat16` stays
        `bfloat16` and `float64` narrows as `result_type` does); `int64` gives `floatx()`;
        other integers and `bool` give a float of `floatx()`'s width.

    Raises:
        ValueError: If `dtype` is no dtype, a float8 dtype or `"string"`.

    Example:

    >>> from keras.backend._dtypes import float_result
    >>> float_result("int8")
    'float32'
    >>> float_result("float16")
    'float16'
    """
    try:
        return _float_result_cached(dtype, SETTINGS.floatx, TABLE)
    except TypeError:  # unhashable: standardize_dtype will refuse it
        return _float_result(dtype, SETTINGS.floatx, TABLE)


def _float_result(dtype: Any, floatx: str, backend: str) -> str:
    name = _standardize(dtype, floatx, backend)
    # Keras 3 sends int64 to floatx itself, and every other integer through a weak float
    # (which takes floatx's width): under bfloat16, int64 gives bfloat16 but int32 float16.
    if name == "int64":
        return floatx
    return _promote((name, float), floatx, backend)


@functools.lru_cache(maxsize=1024, typed=True)
def _float_result_cached(dtype: Any, floatx: str, backend: str) -> str:
    return _float_result(dtype, floatx, backend)


def is_float_dtype(dtype: Any) -> bool:
    """Return whether `dtype` is a float dtype, bfloat16 and float8 included.

    Args:
        dtype: Anything `standardize_dtype` reads; `None` means `floatx()`.

    Returns:
        `True` for `bfloat16`, `float16`, `float32`, `float64` and the float8 dtypes.

    Raises:
        ValueError: If `dtype` is no dtype.

    Example:

    >>> keras.backend.is_float_dtype("bfloat16")
    True
    >>> keras.backend.is_float_dtype(int)
    False
    """
    name = standardize_dtype(dtype)
    return name.startswith(("float", "bfloat"))


def is_int_dtype(dtype: Any) -> bool:
    """Return whether `dtype` is a signed or unsigned integer dtype (`bool` is not).

    Args:
        dtype: Anything `standardize_dtype` reads.

    Returns:
        `True` for `int8` to `int64` and `uint8` to `uint64`.

    Raises:
        ValueError: If `dtype` is no dtype.

    Example:

    >>> keras.backend.is_int_dtype("uint8")
    True
    >>> keras.backend.is_int_dtype("bool")
    False
    """
    return standardize_dtype(dtype) in INT_TYPES


def is_complex_dtype(dtype: Any) -> bool:
    """Return whether `dtype` is `complex64` or `complex128`.

    Args:
        dtype: Anything `standardize_dtype` reads.

    Returns:
        `True` for the complex dtypes.

    Raises:
        ValueError: If `dtype` is no dtype.

    Example:

    >>> from keras.backend._dtypes import is_complex_dtype
    >>> is_complex_dtype(complex)
    True
    """
    return standardize_dtype(dtype) in COMPLEX_TYPES
