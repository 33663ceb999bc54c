"""Rewrite `keras/ops/numpy/__init__.py` and `keras/ops/__init__.py` from the family modules.

The public modules stay hand-readable re-export lists (`from M import name as name`,
sorted, with `__all__`); this script only saves typing them when a family gains ops.
Each family module's `__all__` is read with `ast`, so nothing is imported.

    python tools/write_ops_exports.py
"""

from __future__ import annotations

import ast
from pathlib import Path

OPS = Path(__file__).resolve().parents[1] / "packages" / "keras-ops" / "src" / "keras" / "ops"
NUMPY_FAMILIES = [
    "_creation",
    "_elementwise",
    "_indexing",
    "_linear",
    "_logic",
    "_math",
    "_reductions",
    "_shape",
    "_sorting",
]
# Modules whose ops are exported at `keras.ops` only (not under `keras.ops.numpy`).
TOP_LEVEL_ONLY = ["keras.ops._conversion"]
NAMESPACES = {"nn": "keras.ops.nn", "linalg": "keras.ops.linalg", "image": "keras.ops.image"}


def module_all(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return [ast.literal_eval(e) for e in node.value.elts]  # type: ignore[attr-defined]
    raise ValueError(f"{path} has no __all__")


def write(path: Path, docstring: str, names: dict[str, str], extra_lines: list[str] = ()) -> None:  # type: ignore[assignment]
    lines = [f'"""{docstring}"""', ""]
    lines += list(extra_lines)
    for name in sorted(names, key=lambda n: (names[n], n)):
        lines.append(f"from {names[name]} import {name} as {name}")
    lines += ["", "__all__ = ["]
    lines += [f'    "{name}",' for name in sorted(names)]
    lines += ["]", ""]
    path.write_text("\n".join(lines))


def main() -> None:
    numpy_names: dict[str, str] = {}
    for family in NUMPY_FAMILIES:
        path = OPS / "numpy" / f"{family}.py"
        if path.exists():
            try:
                names = module_all(path)
            except ValueError as error:
                print(f"skipped: {error}")
                continue
            for name in names:
                numpy_names[name] = f"keras.ops.numpy.{family}"
    write(OPS / "numpy" / "__init__.py", "`keras.ops.numpy`: numpy-style ops on every backend.", numpy_names)

    top: dict[str, str] = {name: "keras.ops.numpy" for name in numpy_names}
    for module in TOP_LEVEL_ONLY:
        for name in module_all(OPS / f"{module.rsplit('.', 1)[1]}.py"):
            top[name] = module
    for namespace, module in NAMESPACES.items():
        init = OPS / namespace / "__init__.py"
        if init.exists():
            for name in module_all(init):
                top.setdefault(name, module)
    write(
        OPS / "__init__.py",
        "`keras.ops`: every op, on the active backend.",
        top,
        ["from keras.ops._version import __version__ as __version__"],
    )


if __name__ == "__main__":
    main()
