"""`keras/__init__.py` lifts names lazily: its three lists must agree, and every name resolves."""

from __future__ import annotations

import ast
from pathlib import Path

import keras

INIT = Path(keras.__file__)


def _type_checking_names() -> set[str]:
    tree = ast.parse(INIT.read_text())
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            return {
                alias.asname or alias.name
                for stmt in node.body
                if isinstance(stmt, ast.ImportFrom)
                for alias in stmt.names
            }
    raise AssertionError("keras/__init__.py has no `if TYPE_CHECKING:` block")


def test_lazy_table_type_checking_imports_and_all_agree() -> None:
    from keras import _LAZY  # type: ignore[attr-defined]

    lifted = _type_checking_names()
    assert set(_LAZY) == lifted
    assert set(keras.__all__) - {"version", "__version__"} == lifted


def test_every_exported_name_resolves() -> None:
    for name in keras.__all__:
        assert getattr(keras, name) is not None, name
