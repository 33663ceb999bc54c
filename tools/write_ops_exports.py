"""Rewrite the re-export lists of `keras.ops` and its namespaces from the family modules.

The public modules stay hand-readable re-export lists (`from M import name as name`,
sorted, with `__all__`); this script only saves typing them when a family gains ops.
Each private module's `__all__` is read with `ast`, so nothing is imported.

    python tools/write_ops_exports.py
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OPS = ROOT / "packages" / "keras-ops" / "src" / "keras" / "ops"
# Only names of the Keras 3.15 reference become public, whatever a module's __all__ lists.
REFERENCE = ROOT.parent / "shared" / "reference" / "keras-3.15-api.jsonl"
NAMESPACES = {
    "numpy": "`keras.ops.numpy`: numpy-style ops on every backend.",
    "nn": "`keras.ops.nn`: neural-network ops: activations, convolutions, pooling, attention, losses.",
    "linalg": "`keras.ops.linalg`: linear algebra on every backend.",
    "image": "`keras.ops.image`: image ops: resizing, geometric transforms, color, patches.",
}
# Private modules of keras/ops/ whose ops live at `keras.ops` only.
TOP_LEVEL_ONLY = ["_conversion", "_control_flow", "_core", "_math"]


def module_all(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            assert isinstance(node.value, (ast.List, ast.Tuple))
            return [ast.literal_eval(element) for element in node.value.elts]
    return []


def write(path: Path, docstring: str, names: dict[str, str], header: tuple[str, ...] = ()) -> None:
    lines = [f'"""{docstring}"""', "", *header]
    for name in sorted(names, key=lambda n: (names[n], n)):
        lines.append(f"from {names[name]} import {name} as {name}")
    lines += ["", "__all__ = [", *(f'    "{name}",' for name in sorted(names)), "]", ""]
    path.write_text("\n".join(lines))


def reference_names(namespace: str) -> set[str]:
    prefix = f"{namespace}."
    names = set()
    for line in REFERENCE.read_text().splitlines():
        full = json.loads(line)["name"]
        if full.startswith(prefix) and "." not in full[len(prefix) :]:
            names.add(full[len(prefix) :])
    return names


def namespace_names(namespace: str) -> dict[str, str]:
    public = reference_names(f"keras.ops.{namespace}")
    names: dict[str, str] = {}
    for path in sorted((OPS / namespace).glob("_*.py")):
        for name in module_all(path):
            if name in public:
                names[name] = f"keras.ops.{namespace}.{path.stem}"
    return names


def main() -> None:
    top: dict[str, str] = {}
    public = reference_names("keras.ops")
    for namespace, docstring in NAMESPACES.items():
        names = namespace_names(namespace)
        if names:
            write(OPS / namespace / "__init__.py", docstring, names)
            for name in names:
                if name in public:
                    top.setdefault(name, f"keras.ops.{namespace}")
    for stem in TOP_LEVEL_ONLY:
        path = OPS / f"{stem}.py"
        if path.exists():
            for name in module_all(path):
                if name in public:
                    top[name] = f"keras.ops.{stem}"
    write(
        OPS / "__init__.py",
        "`keras.ops`: every op, on the active backend.",
        top,
        (
            "from keras.ops import image as image",
            "from keras.ops import linalg as linalg",
            "from keras.ops import nn as nn",
            "from keras.ops import numpy as numpy",
            "from keras.ops._version import __version__ as __version__",
        ),
    )
    written = [str(OPS / "__init__.py"), *(str(OPS / n / "__init__.py") for n in NAMESPACES)]
    ruff = shutil.which("ruff")
    if ruff:  # sort the imports as the linter wants them
        subprocess.run([ruff, "check", "--fix", "--select", "I", "-q", *written], check=False)
        subprocess.run([ruff, "format", "-q", *written], check=False)
    else:
        print("ruff not found: run `ruff check --fix` on the __init__.py files")


if __name__ == "__main__":
    main()
