"""The backend-bridge layers not written yet: Keras's exact signatures, and a clear NotImplementedError."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import pytest

from keras.layers._preprocessing import backend_bridges

REFERENCE = Path(__file__).resolve().parents[6] / "shared" / "reference" / "keras-3.15-api.jsonl"
CLASSES = sorted(
    {
        (name, getattr(module, name))
        for module in (backend_bridges,)
        for name in module.__all__
        if name[0].isupper()
    },
    key=lambda item: item[0],
)


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


@pytest.mark.parametrize(("name", "cls"), CLASSES, ids=[n for n, _ in CLASSES])
def test_construction_raises_naming_the_layer(name: str, cls: Any) -> None:
    required = [
        p.name
        for p in inspect.signature(cls).parameters.values()
        if p.default is inspect.Parameter.empty and p.kind is p.POSITIONAL_OR_KEYWORD
    ]
    with pytest.raises(
        NotImplementedError, match=rf"keras\.layers\.{name}\(.*\) is not implemented in this Keras"
    ):
        cls(**dict.fromkeys(required, 1))
