"""The backend-bridge layer that still cannot run here (FlaxLayer: flax is not installed): its signature and error."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import pytest

from keras.layers._preprocessing import backend_bridges

REFERENCE = Path(__file__).resolve().parents[6] / "shared" / "reference" / "keras-3.15-api.jsonl"
CLASSES = [("FlaxLayer", backend_bridges.FlaxLayer)]


def reference_params() -> dict[str, list[tuple[str, str, Any]]]:
    if not REFERENCE.exists():
        pytest.skip("the reference API file is not available")
    out = {}
    for line in REFERENCE.read_text().splitlines():
        entry = json.loads(line)
        if entry["name"].startswith("keras.layers."):
            out[entry["name"].rsplit(".", 1)[1]] = [tuple(p) for p in entry["params"]]
    return out


@pytest.mark.parametrize(("name", "cls"), CLASSES, ids=[n for n, _ in CLASSES])
def test_signature_matches_reference(name: str, cls: Any) -> None:
    params = list(inspect.signature(cls).parameters.values())
    got = [
        (p.name, p.kind.name, None if p.default is inspect.Parameter.empty else repr(p.default))
        for p in params
    ]
    assert got == [(n, k, d) for n, k, d in reference_params()[name]]


def test_flax_layer_says_flax_is_required() -> None:
    try:
        import flax  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("flax is installed")
    with pytest.raises(ImportError, match=r"keras\.layers\.FlaxLayer requires the `flax` package"):
        backend_bridges.FlaxLayer(module=None)
