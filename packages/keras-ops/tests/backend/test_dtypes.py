"""Dtype names, standardizing and promotion, compared with answers recorded from Keras 3.

`data/result_type_keras3.json` was written by `data/make_result_type_fixture.py` with the
real Keras 3.15 on its numpy and tensorflow backends (jax and torch answer as numpy does).
Each table is checked under every floatx, by switching the process settings that the
module reads, so the caches are exercised across setting changes too.
"""

from __future__ import annotations

import builtins
import doctest
import importlib
import importlib.util
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ml_dtypes
import numpy as np
import pytest

import keras.backend
from keras.backend import _dtypes
from keras.backend._config import SETTINGS
from keras.backend._dtypes import (
    ALLOWED_DTYPES,
    float_result,
    is_complex_dtype,
    is_float_dtype,
    is_int_dtype,
    result_type,
    standardize_dtype,
)

FIXTURE: dict[str, Any] = json.loads((Path(__file__).parent / "data" / "result_type_keras3.json").read_text())
BACKENDS: dict[str, Any] = FIXTURE["backends"]
FLOATX = ("float32", "float16", "bfloat16", "float64")
PYTHON_TYPES: dict[str, Any] = {
    "py:int": int,
    "py:float": float,
    "py:bool": bool,
    "py:complex": complex,
    "None": None,
}
# Where a standardize_dtype input of each kind comes from, and which package it needs.
FRAMEWORK_OF_KIND = {"torch": "torch", "jnp": "jax", "tf": "tensorflow"}


@pytest.fixture
def use_settings(monkeypatch: pytest.MonkeyPatch) -> Callable[[str, str], None]:
    """Return a setter of (backend, floatx) for this test; both are restored afterwards."""

    def set_settings(backend: str, floatx: str) -> None:
        monkeypatch.setattr(_dtypes, "TABLE", backend)
        monkeypatch.setattr(SETTINGS, "floatx", floatx)

    return set_settings


def answer(fn: Callable[..., Any], *args: Any) -> str:
    """Return `fn(*args)` as text, or "!" and the exception's class, as the fixture spells it."""
    try:
        return str(fn(*args))
    except Exception as error:
        return "!" + type(error).__name__


def argument(key: str) -> Any:
    """Return the input a fixture key names: a Python type, `None`, or the dtype name itself."""
    return PYTHON_TYPES.get(key, key)


def arguments(key: str) -> list[Any]:
    return [argument(part) for part in key.split(",")] if key else []


def standardize_input(key: str) -> Any:
    """Rebuild the object a standardize_dtype key like "np.dtype:int8" or "torch:half" names."""
    if key == "None":
        return None
    kind, name = key.split(":", 1)
    if kind == "str":
        return name
    if kind == "py":
        return getattr(builtins, name)
    if kind == "np.type":
        return getattr(np, name)
    if kind == "np.dtype":
        return np.dtype(getattr(ml_dtypes, name, None) or getattr(np, name))
    if kind == "ml_dtypes":
        return getattr(ml_dtypes, name)
    module = importlib.import_module({"torch": "torch", "jnp": "jax.numpy", "tf": "tensorflow"}[kind])
    return getattr(module, name)


def exactly(message: str) -> str:
    """Return a `match` pattern that accepts `message` and nothing else."""
    return f"^{re.escape(message)}$"


def test_one_table_whatever_the_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    # Keras 3's tensorflow backend promotes differently; this suite does not.
    answers = []
    for backend in ("numpy", "jax", "torch", "tensorflow"):
        monkeypatch.setattr(SETTINGS, "backend", backend)
        answers.append((result_type("int64", "float64"), result_type(int), result_type("uint32", "int32")))
    assert answers == [("float32", "int32", "int32")] * 4
    assert _dtypes.TABLE == "numpy"


def sections() -> Iterator[tuple[str, str]]:
    for backend in BACKENDS:
        for floatx in FLOATX:
            yield backend, floatx


def rows_by_first_argument(table: dict[str, str]) -> dict[str, dict[str, str]]:
    """Split a result_type table into rows sharing their first argument (one test each)."""
    rows: dict[str, dict[str, str]] = {}
    for key, expected in table.items():
        rows.setdefault(key.split(",")[0], {})[key] = expected
    return rows


RESULT_TYPE_ROWS = [
    pytest.param(backend, floatx, row, id=f"{backend}-{floatx}-{first or 'no-args'}")
    for backend, floatx in sections()
    for first, row in rows_by_first_argument(BACKENDS[backend]["floatx"][floatx]["result_type"]).items()
]


def test_fixture_comes_from_keras_3_15() -> None:
    assert FIXTURE["keras_version"].startswith("3.15."), FIXTURE["keras_version"]
    assert sorted(BACKENDS) == ["numpy", "tensorflow"]
    assert FIXTURE["same_as_numpy"] == ["jax", "torch"]


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_allowed_dtypes_match_keras(backend: str) -> None:
    assert sorted(ALLOWED_DTYPES) == sorted(BACKENDS[backend]["allowed_dtypes"])
    assert len(set(ALLOWED_DTYPES)) == len(ALLOWED_DTYPES) == 18


@pytest.mark.parametrize(("backend", "floatx", "row"), RESULT_TYPE_ROWS)
def test_result_type_matches_keras(
    use_settings: Callable[[str, str], None], backend: str, floatx: str, row: dict[str, str]
) -> None:
    use_settings(backend, floatx)
    got = {key: answer(result_type, *arguments(key)) for key in row}
    assert got == row


STANDARDIZE_CASES = [
    pytest.param(backend, floatx, kind, id=f"{backend}-{floatx}-{kind}")
    for backend, floatx in sections()
    for kind in sorted(
        {key.split(":")[0] for key in BACKENDS[backend]["floatx"][floatx]["standardize_dtype"]}
    )
]


@pytest.mark.parametrize(("backend", "floatx", "kind"), STANDARDIZE_CASES)
def test_standardize_dtype_matches_keras(
    use_settings: Callable[[str, str], None], backend: str, floatx: str, kind: str
) -> None:
    framework = FRAMEWORK_OF_KIND.get(kind)
    if framework is not None and importlib.util.find_spec(framework) is None:
        pytest.skip(f"{framework} is not installed, so its dtype objects cannot be built")
    use_settings(backend, floatx)
    table = BACKENDS[backend]["floatx"][floatx]["standardize_dtype"]
    expected = {key: value for key, value in table.items() if key.split(":")[0] == kind}
    got = {key: answer(standardize_dtype, standardize_input(key)) for key in expected}
    assert got == expected


@pytest.mark.parametrize(("backend", "floatx"), list(sections()))
@pytest.mark.parametrize("predicate", [is_float_dtype, is_int_dtype], ids=lambda f: f.__name__)
def test_dtype_predicates_match_keras(
    use_settings: Callable[[str, str], None], backend: str, floatx: str, predicate: Callable[[Any], bool]
) -> None:
    use_settings(backend, floatx)
    expected = BACKENDS[backend]["floatx"][floatx][predicate.__name__]
    assert {key: answer(predicate, argument(key)) for key in expected} == expected


@pytest.mark.parametrize(("backend", "floatx"), list(sections()))
@pytest.mark.parametrize("op", ["sin", "sqrt"])
def test_float_result_matches_symbolic_float_ops(
    use_settings: Callable[[str, str], None], backend: str, floatx: str, op: str
) -> None:
    use_settings(backend, floatx)
    expected = BACKENDS[backend]["floatx"][floatx][f"{op}_symbolic"]
    assert {dtype: answer(float_result, dtype) for dtype in expected} == expected


@pytest.mark.parametrize("floatx", FLOATX)
@pytest.mark.parametrize("op", ["sin", "sqrt"])
def test_eager_float_ops_first_narrow_the_input_on_numpy(
    use_settings: Callable[[str, str], None], floatx: str, op: str
) -> None:
    # Keras's numpy backend converts its input with result_type of its dtype alone, which
    # narrows int64 to int32 before sin sees it; so eager and symbolic dtypes can differ.
    use_settings("numpy", floatx)
    expected = BACKENDS["numpy"]["floatx"][floatx][f"{op}_eager"]
    got = {dtype: answer(lambda d: float_result(result_type(d)), dtype) for dtype in expected}
    assert got == expected


def mean_dtype(dtype: str) -> str:
    """The rule Keras's `mean` follows: integers and bool promote with a strong float32."""
    # Keras promotes every input with float32, keeping the answer only for integers and
    # bool; so float8 is refused while float64 stays float64.
    promoted = result_type(dtype, "float32")
    return promoted if is_int_dtype(dtype) or dtype == "bool" else dtype


@pytest.mark.parametrize(("backend", "floatx"), list(sections()))
def test_mean_dtype_is_result_type_with_float32(
    use_settings: Callable[[str, str], None], backend: str, floatx: str
) -> None:
    use_settings(backend, floatx)
    expected = BACKENDS[backend]["floatx"][floatx]["mean_symbolic"]
    assert {dtype: answer(mean_dtype, dtype) for dtype in expected} == expected


@pytest.mark.parametrize(
    ("dtype", "expected"),
    [
        ("complex64", True),
        ("complex128", True),
        (complex, True),
        (np.complex64, True),
        ("float64", False),
        ("int32", False),
        ("bool", False),
        ("string", False),
        (None, False),
    ],
)
def test_is_complex_dtype(dtype: Any, expected: bool) -> None:
    assert is_complex_dtype(dtype) is expected


STANDARDIZE_ERRORS = [
    ("float", "'float'"),
    ("Float32", "'Float32'"),
    (object, "<class 'object'>"),
    (np.dtype("U3"), "dtype('<U3')"),
    ([1, 2], "[1, 2]"),
    (ml_dtypes.int4, "<class 'ml_dtypes.int4'>"),
]


@pytest.mark.parametrize(
    ("dtype", "shown"), STANDARDIZE_ERRORS, ids=[shown for _, shown in STANDARDIZE_ERRORS]
)
def test_standardize_dtype_rejects_what_keras_rejects(dtype: Any, shown: str) -> None:
    message = (
        f"Invalid dtype: {shown}. Expected a Python type (bool, int, float, complex, str) "
        f"or a dtype named one of {ALLOWED_DTYPES}."
    )
    with pytest.raises(ValueError, match=exactly(message)):
        standardize_dtype(dtype)


def test_result_type_refuses_float8_even_alone() -> None:
    message = (
        "Cannot promote 'float8_e4m3fn': float8 dtypes are never promoted implicitly, not even "
        "with themselves. Cast the inputs to one dtype first. Received: dtypes=('float8_e4m3fn',)"
    )
    with pytest.raises(ValueError, match=exactly(message)):
        result_type("float8_e4m3fn")


def test_result_type_refuses_float8_as_any_object() -> None:
    # Keras checks float8 by string comparison before standardizing; reading the name
    # first refuses ml_dtypes' type object too, instead of passing it through unchecked.
    with pytest.raises(ValueError, match="float8 dtypes are never promoted"):
        result_type(ml_dtypes.float8_e5m2)


def test_result_type_refuses_string_beside_another_dtype() -> None:
    message = (
        "Cannot promote 'string' with other dtypes: it has no implicit promotion to any other "
        "dtype. Cast the inputs to one dtype first. Received: dtypes=('string', 'int32')"
    )
    with pytest.raises(ValueError, match=exactly(message)):
        result_type("string", "int32")


def test_result_type_names_an_unhashable_input() -> None:
    with pytest.raises(ValueError, match=r"^Invalid dtype: \['int8'\]\. "):
        result_type(["int8"], "int8")


def test_weak_python_float_is_not_confused_with_an_equal_numpy_dtype(
    use_settings: Callable[[str, str], None],
) -> None:
    # numpy says np.dtype("float64") == float; the cache must still keep them apart.
    use_settings("numpy", "float16")
    assert np.dtype("float64") == float
    assert result_type(float, "int8") == "float16"
    assert result_type(np.dtype("float64"), "int8") == "float32"
    assert result_type(float) == "float16"
    assert result_type(np.dtype("float64")) == "float32"


def test_result_type_follows_floatx_changes(use_settings: Callable[[str, str], None]) -> None:
    use_settings("numpy", "float32")
    assert (result_type(int), result_type(float), result_type()) == ("int32", "float32", "float32")
    keras.backend.set_floatx("float16")
    assert (result_type(int), result_type(float), result_type()) == ("int16", "float16", "float16")
    keras.backend.set_floatx("bfloat16")
    assert (result_type(int), result_type(float), result_type()) == ("int16", "float16", "bfloat16")


def test_no_framework_is_imported() -> None:
    source = Path(_dtypes.__file__).read_text()
    imports = {line.split()[1] for line in source.splitlines() if line.startswith(("import ", "from "))}
    assert imports == {"__future__", "functools", "typing", "keras.backend._config"}


DOCUMENTED = [standardize_dtype, result_type, float_result, is_float_dtype, is_int_dtype, is_complex_dtype]


@pytest.mark.parametrize("function", DOCUMENTED, ids=lambda f: f.__name__)
def test_docstring_examples_pass(use_settings: Callable[[str, str], None], function: Any) -> None:
    use_settings("numpy", "float32")
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner()
    for example in finder.find(function, function.__name__, globs={"keras": keras, "np": np}):
        runner.run(example)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0
