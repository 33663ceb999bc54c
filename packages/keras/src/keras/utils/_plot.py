"""`model_to_dot` and `plot_model`: a model's layer graph as a pydot graph or an image (pydot optional)."""

from __future__ import annotations

import importlib
import itertools
import os
from typing import Any


def _pydot(what: str) -> Any:
    try:
        pydot = importlib.import_module("pydot")
    except ImportError as error:
        raise ImportError(
            f"`{what}` needs pydot and graphviz, which are not installed: `pip install pydot` and install "
            "graphviz (https://graphviz.org/download/)."
        ) from error
    return pydot


def _shape_text(spec: Any) -> str:
    shapes = [
        tuple(t.shape) for t in (spec if isinstance(spec, (list, tuple)) else [spec]) if hasattr(t, "shape")
    ]
    return ", ".join(str(s) for s in shapes) or "?"


def _label(layer: Any, options: dict[str, bool]) -> str:
    title = f"{layer.name} ({type(layer).__name__})" if options["show_layer_names"] else type(layer).__name__
    rows = [title]
    activation = getattr(layer, "activation", None)
    if options["show_layer_activations"] and activation is not None:
        rows.append(f"Activation: {getattr(activation, '__name__', type(activation).__name__)}")
    if options["show_shapes"]:
        rows.append(f"Output shape: {_shape_text(getattr(layer, 'output', None))}")
    if options["show_dtype"]:
        rows.append(f"Output dtype: {getattr(getattr(layer, 'output', None), 'dtype', '?')}")
    if options["show_trainable"]:
        rows.append(f"Trainable: {'yes' if layer.trainable else 'no'}")
    return "\\n".join(rows)


def _edges(model: Any) -> list[tuple[Any, Any]]:
    layers = list(model.layers)
    ids = {id(layer) for layer in layers}
    edges = []
    for layer in layers:
        for node in getattr(layer, "_inbound_nodes", []):
            for parent in getattr(node, "parent_nodes", []):
                if id(parent.operation) in ids and (parent.operation, layer) not in edges:
                    edges.append((parent.operation, layer))
    if not edges and len(layers) > 1:  # a Sequential model without a recorded graph: a chain
        edges = list(itertools.pairwise(layers))
    return edges


def model_to_dot(
    model: Any,
    show_shapes: bool = False,
    show_dtype: bool = False,
    show_layer_names: bool = True,
    rankdir: str = "TB",
    expand_nested: bool = False,
    dpi: int = 200,
    subgraph: bool = False,
    show_layer_activations: bool = False,
    show_trainable: bool = False,
    splines: str = "ortho",
    **kwargs: Any,
) -> Any:
    """Return a `pydot.Dot` graph of the model's layers and their connections.

    Args:
        model: A built `keras.Model`.
        show_shapes: Whether to show each layer's output shape.
        show_dtype: Whether to show each layer's output dtype.
        show_layer_names: Whether to show layer names beside their classes.
        rankdir: Graphviz's direction: `"TB"` (top to bottom) or `"LR"` (left to right).
        expand_nested: Accepted for compatibility; nested models are drawn as one node.
        dpi: The image resolution.
        subgraph: Whether to return a `pydot.Cluster` rather than a `pydot.Dot`.
        show_layer_activations: Whether to show the activations of layers that have one.
        show_trainable: Whether to show whether each layer is trainable.
        splines: Graphviz's edge style.
        **kwargs: Ignored (accepted for compatibility).

    Returns:
        A `pydot.Dot` (or `pydot.Cluster`).

    Raises:
        ImportError: When pydot is not installed.
        ValueError: When the model is not built.
    """
    pydot = _pydot("model_to_dot")
    if not getattr(model, "built", False):
        raise ValueError(
            "This model has not yet been built. Build the model first by calling `build()` or by calling the model "
            "on a batch of data."
        )
    options = {
        "show_shapes": show_shapes,
        "show_dtype": show_dtype,
        "show_layer_names": show_layer_names,
        "show_layer_activations": show_layer_activations,
        "show_trainable": show_trainable,
    }
    if subgraph:
        dot = pydot.Cluster(style="dashed", graph_name=model.name, label=model.name)
    else:
        dot = pydot.Dot()
        dot.set("rankdir", rankdir)
        dot.set("concentrate", True)
        dot.set("dpi", dpi)
        dot.set("splines", splines)
        dot.set_node_defaults(shape="record")
    for layer in model.layers:
        dot.add_node(pydot.Node(str(id(layer)), label=_label(layer, options)))
    for source, target in _edges(model):
        dot.add_edge(pydot.Edge(str(id(source)), str(id(target))))
    return dot


def plot_model(
    model: Any,
    to_file: str = "model.png",
    show_shapes: bool = False,
    show_dtype: bool = False,
    show_layer_names: bool = False,
    rankdir: str = "TB",
    expand_nested: bool = False,
    dpi: int = 200,
    show_layer_activations: bool = False,
    show_trainable: bool = False,
    splines: str = "ortho",
    **kwargs: Any,
) -> Any:
    """Draw the model's layer graph into an image file (through pydot and graphviz).

    Args:
        model: A built `keras.Model`.
        to_file: The output file; its extension picks the format (`.png`, `.svg`, `.pdf`, `.dot`).
        show_shapes: Whether to show each layer's output shape.
        show_dtype: Whether to show each layer's output dtype.
        show_layer_names: Whether to show layer names.
        rankdir: `"TB"` or `"LR"`.
        expand_nested: Accepted for compatibility.
        dpi: The image resolution.
        show_layer_activations: Whether to show activations.
        show_trainable: Whether to show trainability.
        splines: Graphviz's edge style.
        **kwargs: Ignored (accepted for compatibility).

    Returns:
        An `IPython.display.Image` of a `.png` when running in IPython, else None.

    Raises:
        ImportError: When pydot is not installed.
    """
    dot = model_to_dot(
        model,
        show_shapes=show_shapes,
        show_dtype=show_dtype,
        show_layer_names=show_layer_names,
        rankdir=rankdir,
        expand_nested=expand_nested,
        dpi=dpi,
        show_layer_activations=show_layer_activations,
        show_trainable=show_trainable,
        splines=splines,
    )
    extension = os.path.splitext(str(to_file))[1][1:] or "png"
    dot.write(str(to_file), format="raw" if extension == "dot" else extension)
    if extension == "png":
        try:
            display = importlib.import_module("IPython.display")
            return display.Image(filename=str(to_file))
        except ImportError:
            return None
    return None
