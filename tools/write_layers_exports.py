"""Rewrite `keras.layers`' re-export list from the `__all__` of its private modules.

`keras/layers/__init__.py` stays a hand-readable, sorted re-export list; this script saves
typing it when a family gains layers. Modules are read with `ast` (nothing is imported);
only names of the Keras 3.15 reference become public.

    python tools/write_layers_exports.py
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from write_ops_exports import module_all, reference_names, write

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ROOT / "packages" / "keras-layers" / "src" / "keras" / "layers"


def main() -> None:
    public = reference_names("keras.layers")
    names: dict[str, str] = {}
    for path in sorted(LAYERS.rglob("*.py")):
        relative = path.relative_to(LAYERS.parent.parent).with_suffix("")
        private = any(part.startswith("_") and part != "__init__" for part in relative.parts)
        if path.name == "__init__.py" or not private or "__pycache__" in relative.parts:
            continue
        module = ".".join(relative.parts)
        for name in module_all(path):
            if name in public:
                names.setdefault(name, module)
    header = ("from keras.layers._version import __version__ as __version__",)
    write(LAYERS / "__init__.py", "keras.layers: the layers of the Keras 3 API.", names, header)
    ruff = shutil.which("ruff")
    if ruff:
        target = str(LAYERS / "__init__.py")
        subprocess.run([ruff, "check", "-q", "--fix", "--select", "I", target], check=False)
        subprocess.run([ruff, "format", "-q", target], check=False)
    missing = sorted(public - set(names))
    print(f"{len(names)} of {len(public)} keras.layers names exported; missing: {missing}")


if __name__ == "__main__":
    main()
