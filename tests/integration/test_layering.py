"""The stack: a package imports only itself and the packages below it.

Scans every module of every distribution for `keras.<subpackage>` imports (at any depth
of the module, lazily or not) and checks them against the stack. DESIGN's one exception,
deferred imports of keras.saving from keras-training, must sit inside a function.
import-linter (`hatch run lint:imports`) checks the same contract on the import graph.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# Lowest first. Each distribution may import the subpackages of its own level and below.
STACK: list[tuple[str, frozenset[str]]] = [
    ("keras-ops", frozenset({"ops", "backend", "tree", "random", "distribution"})),
    (
        "keras-layers",
        frozenset(
            {
                "layers",
                "initializers",
                "activations",
                "regularizers",
                "constraints",
                "dtype_policies",
                "quantizers",
            }
        ),
    ),
    ("keras-training", frozenset({"trainers", "models", "optimizers", "losses", "metrics", "callbacks"})),
    ("keras-saving", frozenset({"saving"})),
    (
        "keras",
        frozenset(
            {
                "config",
                "utils",
                "models",
                "_version",
                "mixed_precision",
                "preprocessing",
                "legacy",
                "wrappers",
                "visualization",
                "applications",
                "datasets",
                "export",
                "distillation",
            }
        ),
    ),
]


def allowed_subpackages(distribution: str) -> frozenset[str]:
    allowed: set[str] = set()
    for name, subpackages in STACK:
        allowed |= subpackages
        if name == distribution:
            return frozenset(allowed)
    raise KeyError(distribution)


def keras_imports(source: str) -> list[tuple[str, int, bool]]:
    """Return (subpackage, line, inside_function) for each `keras.X` import in `source`."""
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            names: list[str] = []
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                names = [child.module]
                if child.module == "keras":
                    names = [f"keras.{alias.name}" for alias in child.names]
            for name in names:
                parts = name.split(".")
                if parts[0] == "keras" and len(parts) > 1:
                    found.append((parts[1], child.lineno, nested))
            visit(child, nested)

    visit(ast.parse(source), False)
    return found


def violations(distribution: str, source_root: Path) -> list[str]:
    allowed = allowed_subpackages(distribution)
    problems = []
    for path in sorted(source_root.rglob("*.py")):
        for subpackage, line, in_function in keras_imports(path.read_text()):
            if subpackage in allowed:
                continue
            if distribution == "keras-training" and subpackage == "saving" and in_function:
                continue  # DESIGN's exception: Model.save & co. import keras.saving lazily.
            problems.append(f"{path.relative_to(source_root)}:{line} imports keras.{subpackage}")
    return problems


@pytest.mark.parametrize("distribution", [name for name, _ in STACK if name != "keras"])
def test_package_imports_only_itself_and_below(distribution: str) -> None:
    assert violations(distribution, REPO / "packages" / distribution / "src") == []


def test_an_upward_import_is_caught(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text("from keras.layers import Dense\n")
    problems = violations("keras-ops", tmp_path)
    assert problems == ["bad.py:1 imports keras.layers"]


def test_lazy_saving_import_is_the_only_exception(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text(
        "import keras.saving\n\ndef save(self):\n    from keras.saving import save_model\n"
    )
    assert violations("keras-training", tmp_path) == ["model.py:1 imports keras.saving"]


def test_suite_comes_from_this_repository() -> None:
    # A shadowing install of the other Keras (pulled in by tensorflow) must fail loudly.
    import keras
    import keras.ops

    assert Path(keras.ops.__file__).resolve().is_relative_to(REPO)
    assert Path(keras.__file__).resolve().is_relative_to(REPO / "packages" / "keras")
