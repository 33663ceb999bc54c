"""The object tree walk that gives every layer and optimizer its path in a weights file.

Keras 3 names weights by where an object sits, not by its (auto-generated) name: the
walk starts at the model (path `""`), visits `layers` first for Sequential and
functional models, then every attribute in `dir()` order (public names before private
ones), skipping what every base layer, model or optimizer has. An attribute holding a
layer or optimizer gives the path `<parent>/<attribute>`; a list, tuple or dict gives
`<parent>/<attribute>/<snake_case class name>` (`dense`, `dense_1`, ...; nested
containers are `container`, `container_1`, ...). An object is visited once, at its
first path. The same paths serve `.weights.h5`, the `.keras` archive's weights and
`.safetensors` files.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Iterator
from typing import Any

# Graph bookkeeping of functional and Sequential models: the layers they hold are
# already visited through `layers`.
_GRAPH_INTERNALS = frozenset(
    {
        "operations",
        "_operations",
        "_function",
        "_graph_layers",
        "_inputs_struct",
        "_outputs_struct",
        "_functional",
    }
)


def to_snake_case(name: str) -> str:
    """Return `name` in snake case as Keras 3 spells class names in paths (`Conv2D` -> `conv2d`)."""
    name = re.sub(r"\W+", "", name)
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()


def is_saveable(value: Any) -> bool:
    """Whether `value` is an object with its own weights entry (a layer or optimizer)."""
    return (
        not inspect.isclass(value)
        and callable(getattr(value, "save_own_variables", None))
        and callable(getattr(value, "load_own_variables", None))
    )


@functools.cache
def _layer_skipset() -> frozenset[str]:
    from keras.layers import Layer

    return frozenset(dir(Layer(name="_walk_reference")))  # named: uses no auto-name counter


@functools.cache
def _sequential_skipset() -> frozenset[str]:
    from keras.trainers import Sequential

    return (frozenset(dir(Sequential(name="_walk_reference"))) - {"optimizer"}) | _GRAPH_INTERNALS


@functools.cache
def _optimizer_skipset() -> frozenset[str]:
    from keras.optimizers import SGD

    return frozenset(dir(SGD(learning_rate=1.0, name="_walk_reference"))) - {"variables"}


def _is_graph_model(obj: Any) -> bool:
    from keras.trainers import Functional, Sequential

    return isinstance(obj, (Functional, Sequential))


def _skipset(obj: Any) -> frozenset[str]:
    from keras.layers import Layer

    if isinstance(obj, Layer):
        return _layer_skipset() | _sequential_skipset() if _is_graph_model(obj) else _layer_skipset()
    return _optimizer_skipset()


def _attribute_order(name: str) -> str:
    return f"~{name}" if name.startswith("_") else name


def _children(obj: Any) -> Iterator[tuple[str, Any]]:
    if _is_graph_model(obj):
        yield "layers", obj.layers
    skip = _skipset(obj)
    for name in sorted(dir(obj), key=_attribute_order):
        if name.startswith("__") or name in skip:
            continue
        try:
            value = getattr(obj, name)
        except Exception:
            continue
        yield name, value


def _join(path: str, name: str) -> str:
    return f"{path}/{name}" if path else name


def _unique(name: str, used: dict[str, int]) -> str:
    if name in used:
        used[name] += 1
        return f"{name}_{used[name]}"
    used[name] = 0
    return name


def walk(root: Any) -> list[tuple[str, Any]]:
    """Return `(path, object)` for every layer and optimizer reachable from `root`.

    Args:
        root: A model, layer or optimizer.

    Returns:
        The objects in visiting order, `root` first with path `""`.

    Example:

    >>> model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2), keras.layers.Dense(1)])
    >>> [path for path, _ in walk(model)]
    ['', 'layers/dense', 'layers/dense_1']
    """
    found: list[tuple[str, Any]] = []
    visited: set[int] = set()

    def visit(obj: Any, path: str) -> None:
        if id(obj) in visited:
            return
        visited.add(id(obj))
        found.append((path, obj))
        for name, child in _children(obj):
            if is_saveable(child):
                visit(child, _join(path, name))
            elif isinstance(child, (list, tuple, dict)):
                visit_container(child, _join(path, name), set())

    def visit_container(container: Any, path: str, seen: set[int]) -> None:
        if id(container) in seen:
            return
        seen.add(id(container))
        items = list(container.values()) if isinstance(container, dict) else list(container)
        used: dict[str, int] = {}
        for item in items:
            if is_saveable(item):
                visit(item, _join(path, _unique(to_snake_case(type(item).__name__), used)))
            elif isinstance(item, (list, tuple, dict)):
                visit_container(item, _join(path, _unique("container", used)), seen)

    visit(root, "")
    return found
