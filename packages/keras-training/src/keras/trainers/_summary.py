"""`Model.summary()`: the table of layers, output shapes and parameter counts.

Drawn with the same box characters and layout as Keras 3's (which uses `rich`), without
depending on `rich`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

_SEQUENTIAL_WIDTHS = (33, 24, 15)
_FUNCTIONAL_WIDTHS = (21, 19, 12, 19)


def readable_memory_size(num_bytes: float) -> str:
    """`1536` -> `"1.50 KB"`, as Keras prints parameter memory."""
    units = ["B", "KB", "MB", "GB", "TB", "PB"]
    size = float(num_bytes)
    for unit in units:
        if size < 1024 or unit == units[-1]:
            return f"{size:.2f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")


def _weights_bytes(variables: Sequence[Any]) -> tuple[int, int]:
    count = 0
    size = 0
    for variable in variables:
        n = int(np.prod(variable.shape))
        count += n
        size += n * np.dtype(_numpy_dtype(variable.dtype)).itemsize
    return count, size


def _numpy_dtype(dtype: str) -> str:
    return {"bfloat16": "float16"}.get(dtype, dtype) if not dtype.startswith("float8") else "uint8"


def _output_shape(layer: Any) -> str:
    nodes = getattr(layer, "_inbound_nodes", [])
    if not nodes:
        return "?"
    outputs = nodes[-1].outputs
    shapes = [tuple(t.shape) for t in outputs]
    if len(shapes) == 1:
        return str(shapes[0])
    return ", ".join(str(s) for s in shapes)


def _param_count(layer: Any) -> str:
    if not layer.built and not layer.weights:
        return "0 (unbuilt)"
    return f"{sum(int(np.prod(v.shape)) for v in layer.weights):,}"


def _connections(layer: Any, model_nodes: set[int]) -> str:
    parts = []
    for node in layer._inbound_nodes:
        if model_nodes and id(node) not in model_nodes:
            continue
        for tensor in node.input_tensors:
            history = tensor._keras_history
            if history is not None:
                parts.append(f"{history.operation.name}[{history.node_index}][{history.tensor_index}]")
    return ", ".join(parts) if parts else "-"


def _cells(text: str, width: int) -> list[str]:
    lines = textwrap.wrap(text, width=max(width - 2, 1), break_long_words=True) or [""]
    return lines


def _row(values: Sequence[str], widths: Sequence[int], right: Sequence[bool]) -> list[str]:
    wrapped = [_cells(v, w) for v, w in zip(values, widths, strict=True)]
    height = max(len(cell) for cell in wrapped)
    lines = []
    for i in range(height):
        parts = []
        for cell, width, align_right in zip(wrapped, widths, right, strict=True):
            text = cell[i] if i < len(cell) else ""
            parts.append(" " + (text.rjust(width - 2) if align_right else text.ljust(width - 2)) + " ")
        lines.append("│" + "│".join(parts) + "│")
    return lines


def _border(left: str, fill: str, middle: str, right: str, widths: Sequence[int]) -> str:
    return left + middle.join(fill * w for w in widths) + right


def print_summary(
    model: Any,
    line_length: int | None = None,
    positions: Sequence[float] | None = None,
    print_fn: Callable[[str], Any] | None = None,
    expand_nested: bool = False,
    show_trainable: bool = False,
    layer_range: Sequence[str] | None = None,
) -> None:
    """Print `model`'s summary table (see `Model.summary`)."""
    from keras.trainers._functional import Functional

    functional = isinstance(model, Functional)
    sequential_like = not functional or _is_chain(model)
    headers = ["Layer (type)", "Output Shape", "Param #"]
    widths = list(_SEQUENTIAL_WIDTHS)
    right = [False, False, True]
    layers = list(model.layers)
    model_nodes: set[int] = set()
    if functional and not sequential_like:
        headers.append("Connected to")
        widths = list(_FUNCTIONAL_WIDTHS)
        right.append(False)
        model_nodes = {id(node) for node in model._function._nodes}
    if show_trainable:
        headers.append("Trainable")
        widths.append(11)
        right.append(False)
    if line_length is not None:
        total = sum(widths)
        fractions = positions or np.cumsum(widths) / total
        bounds = [round(f * (line_length - len(widths) - 1)) for f in fractions]
        widths = [b - a for a, b in zip([0, *bounds[:-1]], bounds, strict=True)]
    if layer_range is not None:
        names = [layer.name for layer in layers]
        start, end = names.index(layer_range[0]), names.index(layer_range[1])
        layers = layers[start : end + 1]

    lines = [f'Model: "{model.name}"']
    lines.append(_border("┏", "━", "┳", "┓", widths))
    cells = (
        " " + (h.rjust(w - 2) if r else h.ljust(w - 2)) + " "
        for h, w, r in zip(headers, widths, right, strict=True)
    )
    lines.append("┃" + "┃".join(cells) + "┃")
    lines.append(_border("┡", "━", "╇", "┩", widths))
    rows: list[tuple[Any, int]] = []

    def add_rows(items: Sequence[Any], depth: int) -> None:
        for item in items:
            rows.append((item, depth))
            if expand_nested and hasattr(item, "layers") and item is not model:
                add_rows(list(item.layers), depth + 1)

    add_rows(layers, 0)
    for index, (layer, depth) in enumerate(rows):
        name = "  " * depth + f"{layer.name} ({type(layer).__name__})"
        values = [name, _output_shape(layer), _param_count(layer)]
        if len(headers) > 3 and headers[3] == "Connected to":
            values.append(_connections(layer, model_nodes))
        if show_trainable:
            values.append("Y" if layer.trainable else "N")
        lines.extend(_row(values, widths, right))
        if index < len(rows) - 1:
            lines.append(_border("├", "─", "┼", "┤", widths))
    lines.append(_border("└", "─", "┴", "┘", widths))
    total_count, total_size = _weights_bytes(model.weights)
    trainable_count, trainable_size = _weights_bytes(model.trainable_weights)
    non_trainable_count, non_trainable_size = _weights_bytes(model.non_trainable_weights)
    lines.append(f" Total params: {total_count:,} ({readable_memory_size(total_size)})")
    lines.append(f" Trainable params: {trainable_count:,} ({readable_memory_size(trainable_size)})")
    lines.append(
        f" Non-trainable params: {non_trainable_count:,} ({readable_memory_size(non_trainable_size)})"
    )
    optimizer = getattr(model, "optimizer", None)
    if optimizer is not None and getattr(optimizer, "built", False) and optimizer.variables:
        count, size = _weights_bytes(optimizer.variables)
        lines.append(f" Optimizer params: {count:,} ({readable_memory_size(size)})")
    emit = print_fn or print
    for line in lines:
        emit(line)


def _is_chain(model: Any) -> bool:
    """Whether a functional model is a plain chain (one input, each layer feeding the next)."""
    function = model._function
    if len(function.inputs) != 1 or len(function.outputs) != 1:
        return False
    return all(len(node.input_tensors) == 1 for node in function._nodes)
