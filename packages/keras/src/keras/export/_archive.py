"""`ExportArchive`: write a model's inference functions as a TensorFlow SavedModel.

A SavedModel holds TensorFlow graphs and `tf.Variable`s, so the archive is built on the
tensorflow backend, where `keras.Variable`s wrap `tf.Variable`s and layers run as
TensorFlow ops inside `tf.function`. tensorflow is imported only when an archive is made.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from keras.backend import backend


def _require_tensorflow() -> Any:
    if backend() != "tensorflow":
        raise NotImplementedError(
            "keras.export.ExportArchive writes TensorFlow SavedModels and needs the tensorflow backend "
            f"(set KERAS_BACKEND=tensorflow). Received: backend={backend()!r}"
        )
    import tensorflow as tf

    return tf


def _native(variable: Any) -> Any:
    """The `tf.Variable` behind a `keras.Variable` (or the variable itself)."""
    value = getattr(variable, "_value", None)
    return value if value is not None and hasattr(value, "handle") else variable


class ExportArchive:
    """Collect a model's variables and inference functions, then save them as a SavedModel.

    The result reloads with `tf.saved_model.load(path)` (and serves in TF-Serving)
    without Keras: each endpoint becomes a method and a serving signature of the
    reloaded object. Build archives on the tensorflow backend.

    Raises:
        NotImplementedError: On a backend other than tensorflow.

    Example:

    >>> archive = keras.export.ExportArchive()  # doctest: +SKIP
    >>> archive.track(model)  # doctest: +SKIP
    >>> archive.add_endpoint(
    ...     "serve", lambda x: model(x, training=False),
    ...     input_signature=[keras.InputSpec(shape=(None, 3), dtype="float32")])  # doctest: +SKIP
    >>> archive.write_out("path/to/saved_model")  # doctest: +SKIP
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            raise TypeError(f"ExportArchive() takes no arguments. Received: args={args}, kwargs={kwargs}")
        tf = _require_tensorflow()
        self._module = tf.Module()
        self._module._variables = []
        self._endpoints: dict[str, Any] = {}
        self._collections: dict[str, list[Any]] = {}
        self._tracked: list[Any] = []

    def track(self, resource: Any) -> None:
        """Track the variables of a layer or model (needed before adding its endpoints).

        Args:
            resource: A built `keras.Layer`/`keras.Model`, or a `tf.Module`.

        Raises:
            ValueError: When `resource` is a layer that is not built yet, or not a layer.
        """
        if hasattr(resource, "built") and hasattr(resource, "variables"):
            if not resource.built:
                raise ValueError(
                    "The layer provided has not yet been built. It must be built before export. "
                    f"Received: {resource}"
                )
            self._module._variables.extend(_native(v) for v in resource.variables)
            self._tracked.append(resource)
            return
        tf = _require_tensorflow()
        if isinstance(resource, tf.Module):
            self._tracked.append(resource)
            setattr(self._module, f"_tracked_{len(self._tracked)}", resource)
            return
        raise ValueError(
            f"Invalid resource type: expected a Keras layer or a tf.Module. Received: {resource!r}"
        )

    def _tensor_spec(self, spec: Any) -> Any:
        tf = _require_tensorflow()
        if isinstance(spec, tf.TensorSpec) or spec is None:
            return spec
        if isinstance(spec, dict):
            return {key: self._tensor_spec(value) for key, value in spec.items()}
        if isinstance(spec, list | tuple):
            return type(spec)(self._tensor_spec(value) for value in spec)
        shape = getattr(spec, "shape", None)
        dtype = getattr(spec, "dtype", None) or "float32"
        name = getattr(spec, "name", None)
        return tf.TensorSpec(shape=shape, dtype=dtype, name=name)

    def add_endpoint(
        self, name: str, fn: Callable[..., Any], input_signature: Sequence[Any] | None = None, **kwargs: Any
    ) -> Any:
        """Add an inference function under `name` (a method of the reloaded SavedModel).

        Args:
            name: The endpoint's name, e.g. `"serve"`.
            fn: The function (it may call tracked models), or a `tf.function`.
            input_signature: The inputs' specs (`tf.TensorSpec`, `keras.InputSpec`,
                `keras.KerasTensor`), one per positional argument; may be omitted when
                `fn` is a `tf.function` with its own.
            **kwargs: Accepted for compatibility (e.g. `jax2tf_kwargs`) and ignored.

        Returns:
            The `tf.function` stored as the endpoint.

        Raises:
            ValueError: When the name is taken, or no input signature is known.
        """
        tf = _require_tensorflow()
        if name in self._endpoints:
            raise ValueError(f"Endpoint name '{name}' is already taken.")
        if input_signature is not None:
            decorated = tf.function(
                fn, input_signature=self._tensor_spec(list(input_signature)), autograph=False
            )
        elif getattr(fn, "input_signature", None):
            decorated = fn
        else:
            raise ValueError(
                "If the `fn` argument provided is not a `tf.function`, you must provide an `input_signature` "
                f"argument to specify the shape and dtype of the function inputs. Received: input_signature=None "
                f"for endpoint '{name}'"
            )
        setattr(self._module, name, decorated)
        self._endpoints[name] = decorated
        return decorated

    def track_and_add_endpoint(
        self, name: str, resource: Any, input_signature: Sequence[Any], **kwargs: Any
    ) -> Any:
        """Track `resource` and add its call (in inference mode) as the endpoint `name`.

        Args:
            name: The endpoint's name.
            resource: A built layer or model.
            input_signature: The inputs' specs, one per positional argument.
            **kwargs: Passed to `add_endpoint`.

        Returns:
            The endpoint's `tf.function`.
        """
        self.track(resource)
        return self.add_endpoint(
            name, lambda *args: resource(*args, training=False), input_signature, **kwargs
        )

    def add_variable_collection(self, name: str, variables: Sequence[Any]) -> None:
        """Save a list of variables as the attribute `name` of the reloaded SavedModel.

        Raises:
            ValueError: When `variables` is not a list or tuple.
        """
        if not isinstance(variables, list | tuple):
            raise ValueError(f"Expected `variables` to be a list/tuple. Received: variables={variables!r}")
        collection = [_native(v) for v in variables]
        self._collections[name] = collection
        setattr(self._module, name, collection)

    def write_out(self, filepath: Any, options: Any = None, verbose: bool = True) -> None:
        """Write the SavedModel to the folder `filepath`.

        Args:
            filepath: The folder to write.
            options: A `tf.saved_model.SaveOptions`.
            verbose: Whether to print the endpoints written.

        Raises:
            ValueError: When no endpoint was added.
        """
        tf = _require_tensorflow()
        if not self._endpoints:
            raise ValueError("No endpoints have been set yet. Call add_endpoint().")
        signatures = {name: fn.get_concrete_function() for name, fn in self._endpoints.items()}
        tf.saved_model.save(self._module, str(filepath), signatures=signatures, options=options)
        if verbose:
            lines = [f"Saved artifact at '{filepath}'. The following endpoints are available:"]
            lines += [f"* Endpoint '{name}'" for name in self._endpoints]
            print("\n".join(lines))
