"""Rewrite the re-export lists of `keras.ops` and its namespaces from the family modules.

The public modules stay hand-readable re-export lists (`from M import name as name`,
sorted, with `__all__`); this script only saves typing them when a family gains ops.
Each private module's `__all__` is read with `ast`, so nothing is imported.

    python tools/write_ops_exports.py
"""

from __future__ import annotations

import ast
from pathlib import Path

OPS = Path(__file__).resolve().parents[1] / "packages" / "keras-ops" / "src" / "keras" / "ops"
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


def namespace_names(namespace: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for path in sorted((OPS / namespace).glob("_*.py")):
        for name in module_all(path):
            names[name] = f"keras.ops.{namespace}.{path.stem}"
    return names


def main() -> None:
    top: dict[str, str] = {}
    for namespace, docstring in NAMESPACES.items():
        names = namespace_names(namespace)
        if names:
            write(OPS / namespace / "__init__.py", docstring, names)
            for name in names:
                top.setdefault(name, f"keras.ops.{namespace}")
    for stem in TOP_LEVEL_ONLY:
        path = OPS / f"{stem}.py"
        if path.exists():
            for name in module_all(path):
                top[name] = f"keras.ops.{stem}"
    write(
        OPS / "__init__.py",
        "`keras.ops`: every op, on the active backend.",
        top,
        ("from keras.ops._version import __version__ as __version__",),
    )


if __name__ == "__main__":
    main()
