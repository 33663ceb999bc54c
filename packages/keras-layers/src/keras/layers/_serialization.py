"""The object registry and Keras 3's config format (`serialize_keras_object` and back).

A serialized object is a dict `{"module", "class_name", "config", "registered_name"}` (plus
`build_config`/`compile_config` for layers and models), exactly as Keras 3 writes it, so
that `.keras` files move both ways. Lookup on the way back is safe by default: a class is
found among the objects passed in, the registered ones, or the suite's own public
namespaces; no module named by a file is imported and no code stored in a file runs unless
the user turns `safe_mode` off. keras-saving re-exports these functions as `keras.saving`.
"""

from __future__ import annotations

import base64
import importlib
import inspect
import marshal
import threading
import types
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, TypeVar

import numpy as np

T = TypeVar("T")

# registered name ("package>Name") -> object, and the reverse
_REGISTERED: dict[str, Any] = {}
_REGISTERED_NAMES: dict[Any, str] = {}

# Namespaces whose public names are "built in": resolvable from a file in safe mode.
BUILTIN_NAMESPACES = (
    "keras.layers",
    "keras.trainers",
    "keras.initializers",
    "keras.activations",
    "keras.regularizers",
    "keras.constraints",
    "keras.dtype_policies",
    "keras.quantizers",
    "keras.losses",
    "keras.metrics",
    "keras.optimizers",
    "keras.optimizers.schedules",
    "keras.callbacks",
    "keras.distillation",
    "keras.utils",  # FeatureSpace; lives in the meta-package, imported only when asked for
)
# Classes Keras 3 files name under the top-level `keras` module.
_TOP_LEVEL_CLASSES = frozenset({"DTypePolicy", "FloatDTypePolicy"})

_STATE = threading.local()
_GLOBAL_SAFE_MODE: list[bool | None] = [None]


def _scopes() -> list[dict[str, Any]]:
    stack: list[dict[str, Any]] | None = getattr(_STATE, "custom_objects", None)
    if stack is None:
        stack = _STATE.custom_objects = []
    return stack


# --- registry ---------------------------------------------------------------------------


def register_keras_serializable(package: str = "Custom", name: str | None = None) -> Callable[[T], T]:
    """Register a class or function so that configs can name it as `"package>name"`.

    Args:
        package: The package part of the registered name.
        name: The name part; the class or function name by default.

    Returns:
        A decorator that registers its argument and returns it unchanged.

    Raises:
        ValueError: If `package` contains `>`, or the object is a class without `get_config`.

    Example:

    >>> @keras.saving.register_keras_serializable(package="docs")
    ... def scale(x):
    ...     return 2 * x
    >>> keras.saving.get_registered_name(scale)
    'docs>scale'
    """
    if ">" in str(package):
        raise ValueError(f"Argument `package` must be a string without '>'. Received: package={package!r}")

    def decorator(obj: T) -> T:
        object_name = name if name is not None else getattr(obj, "__name__", None)
        if not isinstance(object_name, str):
            raise ValueError(f"Cannot register {obj!r}: it has no `__name__`; pass `name=`.")
        if inspect.isclass(obj) and not hasattr(obj, "get_config"):
            raise ValueError(
                f"Cannot register class {object_name}: a serializable class must implement `get_config()`."
            )
        registered = f"{package}>{object_name}"
        _REGISTERED[registered] = obj
        _REGISTERED_NAMES[obj] = registered
        return obj

    return decorator


def get_registered_name(obj: Any) -> str:
    """Return the name `obj` is registered under, else its `__name__`.

    Args:
        obj: A class or function.

    Returns:
        `"package>name"` for registered objects, otherwise the object's name.
    """
    try:
        if obj in _REGISTERED_NAMES:
            return _REGISTERED_NAMES[obj]
    except TypeError:  # unhashable
        pass
    return str(getattr(obj, "__name__", type(obj).__name__))


def get_registered_object(
    name: str,
    custom_objects: Mapping[str, Any] | None = None,
    module_objects: Mapping[str, Any] | None = None,
) -> Any:
    """Return the object registered or passed in under `name`, or None.

    Looks in the active `custom_object_scope`s, then the registry, then `custom_objects`,
    then `module_objects`.

    Args:
        name: A class or function name, or a registered `"package>name"`.
        custom_objects: Extra name-to-object mapping.
        module_objects: A namespace's own name-to-object mapping.

    Returns:
        The object, or None when nothing has that name.
    """
    for scope in reversed(_scopes()):
        if name in scope:
            return scope[name]
    if name in _REGISTERED:
        return _REGISTERED[name]
    if custom_objects and name in custom_objects:
        return custom_objects[name]
    if module_objects and name in module_objects:
        return module_objects[name]
    return None


class CustomObjectScope:
    """Make custom classes and functions resolvable by name inside a `with` block.

    Args:
        custom_objects: A dict from name to class or function.

    Example:

    >>> def double(x):
    ...     return 2 * x
    >>> with keras.saving.CustomObjectScope({"double": double}):
    ...     keras.saving.get_registered_object("double") is double
    True
    """

    def __init__(self, custom_objects: Mapping[str, Any] | None = None) -> None:
        self.custom_objects: dict[str, Any] = dict(custom_objects or {})

    def __enter__(self) -> CustomObjectScope:
        _scopes().append(self.custom_objects)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        stack = _scopes()
        if stack and stack[-1] is self.custom_objects:
            stack.pop()


custom_object_scope = CustomObjectScope


# --- safe mode --------------------------------------------------------------------------


class SafeModeScope:
    """Set whether deserialization may run code stored in a config, inside a `with` block."""

    def __init__(self, safe_mode: bool | None = True) -> None:
        self.safe_mode = safe_mode

    def __enter__(self) -> SafeModeScope:
        stack: list[bool | None] = getattr(_STATE, "safe_mode", None) or []
        stack.append(self.safe_mode)
        _STATE.safe_mode = stack
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        _STATE.safe_mode.pop()


def in_safe_mode() -> bool | None:
    """Return the safe mode in force: the global switch, else the innermost scope, else None."""
    if _GLOBAL_SAFE_MODE[0] is not None:
        return _GLOBAL_SAFE_MODE[0]
    stack: list[bool | None] = getattr(_STATE, "safe_mode", None) or []
    return stack[-1] if stack else None


def enable_unsafe_deserialization() -> None:
    """Allow deserialization to run code stored in configs (Lambda layers), process-wide.

    Only do this for files you trust: a `.keras` file can then execute arbitrary code.
    """
    _GLOBAL_SAFE_MODE[0] = False


# --- functions stored as code (Lambda layers) ------------------------------------------


def serialize_function_code(fn: types.FunctionType) -> list[Any]:
    """Encode a function's bytecode, defaults and closure as JSON-compatible values."""
    code = base64.b64encode(marshal.dumps(fn.__code__)).decode("ascii")
    closure = [cell.cell_contents for cell in fn.__closure__] if fn.__closure__ else None
    return [code, list(fn.__defaults__) if fn.__defaults__ else None, closure]


def deserialize_function_code(value: Any, safe_mode: bool | None = True) -> types.FunctionType:
    """Rebuild a function from `serialize_function_code`; refused in safe mode."""
    if safe_mode is not False:
        raise ValueError(
            "Requested the deserialization of a Python lambda function (its bytecode is stored in the "
            "config), which can run arbitrary code, so it is refused in safe mode. If you trust the "
            "source of this file, pass `safe_mode=False` to the loading function, or call "
            "`keras.config.enable_unsafe_deserialization()`."
        )
    if not isinstance(value, (list, tuple)) or not value or not isinstance(value[0], str):
        raise ValueError(
            f"Invalid serialized function: expected [code, defaults, closure]. Received: {value!r}"
        )
    code = marshal.loads(base64.b64decode(value[0].encode("ascii")))
    defaults = tuple(value[1]) if len(value) > 1 and value[1] else None
    closure_values = value[2] if len(value) > 2 and value[2] else None
    closure = tuple(types.CellType(item) for item in closure_values) if closure_values else None
    return types.FunctionType(code, globals(), code.co_name, defaults, closure)


# --- serialize --------------------------------------------------------------------------


# Built-in classes no public namespace exports, which Keras 3 files name by its internal
# module: class name -> (the module Keras writes, our module that defines the class).
INTERNAL_CLASSES: dict[str, tuple[str, str]] = {
    "CustomScaleLayer": ("keras.src.applications.inception_resnet_v2", "keras.applications._inception"),
}


def public_module(cls: type) -> str:
    """The public module Keras 3 files name for a built-in class (`keras.layers`, ...)."""
    internal = INTERNAL_CLASSES.get(cls.__name__)
    if internal is not None and cls.__module__ == internal[1]:
        return internal[0]
    parts = cls.__module__.split(".")
    kept: list[str] = []
    for part in parts:
        if part.startswith("_"):
            break
        kept.append(part)
    module = ".".join(kept)
    if module == "keras.dtype_policies" and cls.__name__ in _TOP_LEVEL_CLASSES:
        return "keras"
    if module == "keras.trainers":
        # Keras 3 files name models this way; keras.trainers is this suite's private home.
        return "keras.src.models.functional" if cls.__name__ == "Functional" else "keras"
    return module


def _is_builtin_class(cls: type) -> bool:
    return cls.__module__ == "keras" or cls.__module__.startswith("keras.")


def serialize_keras_object(obj: Any) -> Any:
    """Return a JSON-compatible config for `obj` in Keras 3's format.

    Plain values (None, bool, int, float, str) are returned as they are; lists, tuples
    and dicts element-wise; tensors and arrays as `__tensor__` entries; objects with
    `get_config` as `{"module", "class_name", "config", "registered_name"}`; functions by
    name.

    Args:
        obj: The object to serialize.

    Returns:
        The config.

    Raises:
        TypeError: If `obj` has no `get_config` and no other known form.

    Example:

    >>> keras.saving.serialize_keras_object((1, "a", None))
    (1, 'a', None)
    """
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, bytes):
        return {"class_name": "__bytes__", "config": {"value": obj.decode("utf-8")}}
    if isinstance(obj, list):
        return [serialize_keras_object(item) for item in obj]
    if isinstance(obj, tuple) and not hasattr(obj, "_fields"):
        return tuple(serialize_keras_object(item) for item in obj)
    if isinstance(obj, dict):
        return {key: serialize_keras_object(value) for key, value in obj.items()}
    if isinstance(obj, slice):
        return {"class_name": "__slice__", "config": {"start": obj.start, "stop": obj.stop, "step": obj.step}}
    if obj is Ellipsis:
        return {"class_name": "__ellipsis__", "config": {}}
    if isinstance(obj, np.dtype):
        return obj.name
    tensor = _serialize_tensor(obj)
    if tensor is not None:
        return tensor
    if isinstance(obj, types.FunctionType) and obj.__name__ == "<lambda>":
        return {"class_name": "__lambda__", "config": {"value": serialize_function_code(obj)}}
    if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType)) or (
        callable(obj)
        and not hasattr(obj, "get_config")
        and hasattr(obj, "__name__")
        and not inspect.isclass(obj)
    ):
        return {
            "module": "builtins",
            "class_name": "function",
            "config": get_registered_name(obj),
            "registered_name": "function",
        }
    if inspect.isclass(obj):
        raise TypeError(f"Cannot serialize the class {obj!r} itself; serialize an instance of it.")
    get_config = getattr(obj, "get_config", None)
    if get_config is None:
        raise TypeError(
            f"Cannot serialize object {obj!r} of type {type(obj)}. To be serializable, a class must "
            "implement the `get_config()` method."
        )
    config = {key: serialize_keras_object(value) for key, value in get_config().items()}
    cls = type(obj)
    registered = _REGISTERED_NAMES.get(cls)
    result: dict[str, Any] = {
        "module": None if registered else (public_module(cls) if _is_builtin_class(cls) else cls.__module__),
        "class_name": cls.__name__,
        "config": config,
        "registered_name": registered
        if registered
        else (None if _is_builtin_class(cls) and cls.__name__ not in INTERNAL_CLASSES else cls.__name__),
    }
    for key, method in (("build_config", "get_build_config"), ("compile_config", "get_compile_config")):
        getter = getattr(obj, method, None)
        extra = getter() if getter is not None else None
        if extra is not None:
            result[key] = serialize_keras_object(extra)
    return result


def _serialize_tensor(obj: Any) -> dict[str, Any] | None:
    from keras.ops._keras_tensor import KerasTensor

    if isinstance(obj, KerasTensor):
        history = getattr(obj, "_keras_history", None)
        config: dict[str, Any] = {"shape": list(obj.shape), "dtype": obj.dtype}
        if history is not None:
            config["keras_history"] = [history.operation.name, history.node_index, history.tensor_index]
        return {"class_name": "__keras_tensor__", "config": config}
    if isinstance(obj, (np.ndarray, np.generic)):
        return {"class_name": "__tensor__", "config": {"value": obj.tolist(), "dtype": str(obj.dtype)}}
    from keras.ops._conversion import is_tensor

    if is_tensor(obj):
        from keras.backend._dtypes import standardize_dtype
        from keras.ops._convert import to_numpy

        value = to_numpy(obj)
        return {
            "class_name": "__tensor__",
            "config": {"value": value.tolist(), "dtype": standardize_dtype(obj.dtype)},
        }
    return None


# --- deserialize ------------------------------------------------------------------------


def _builtin_lookup(module: str | None, name: str) -> Any:
    """Find a built-in object: in `module` when it is one of ours, else in every namespace."""
    internal = INTERNAL_CLASSES.get(name)
    if internal is not None and module in (internal[0], None):
        try:
            return getattr(importlib.import_module(internal[1]), name)
        except (ImportError, AttributeError):
            return None
    candidates = [module] if module in BUILTIN_NAMESPACES else []
    candidates += [ns for ns in BUILTIN_NAMESPACES if ns != module]
    for namespace in candidates:
        try:
            found = importlib.import_module(namespace)
        except ImportError:
            continue
        obj = getattr(found, name, None)
        if obj is not None:
            return obj
    return None


def _locate(
    name: str,
    module: str | None,
    custom_objects: Mapping[str, Any] | None,
    module_objects: Mapping[str, Any] | None,
    safe_mode: bool,
    what: str,
    config: Any,
) -> Any:
    found = get_registered_object(name, custom_objects, module_objects)
    if found is None and (module is None or module == "builtins" or module.split(".")[0] == "keras"):
        found = _builtin_lookup(module if module != "builtins" else None, name.split(">")[-1])
    if found is None and module and module.split(".")[0] not in ("keras", "builtins") and not safe_mode:
        try:
            found = getattr(importlib.import_module(module), name.split(">")[-1], None)
        except ImportError:
            found = None
    if found is None:
        hint = (
            f" Loading in safe mode does not import the module {module!r} that the config names."
            if module and module.split(".")[0] not in ("keras", "builtins")
            else ""
        )
        raise TypeError(
            f"Could not locate {what} '{name}'. Make sure custom classes and functions are decorated with "
            "`@keras.saving.register_keras_serializable()` or passed in `custom_objects`." + hint + f" "
            f"Full object config: {config}"
        )
    return found


def _shared_objects() -> dict[Any, Any] | None:
    return getattr(_STATE, "shared", None)


def deserialize_keras_object(
    config: Any,
    custom_objects: Mapping[str, Any] | None = None,
    safe_mode: bool = True,
    **kwargs: Any,
) -> Any:
    """Rebuild an object from a config that `serialize_keras_object` (or Keras 3) wrote.

    Args:
        config: The config: a plain value, a list/dict of configs, or an object dict.
        custom_objects: A dict from name to class or function, for custom objects.
        safe_mode: Whether to refuse configs that would run stored code (Lambda bytecode)
            or import a module the config names. `keras.config.enable_unsafe_deserialization()`
            turns it off for the whole process.
        **kwargs: `module_objects`, a namespace's own name-to-object mapping, searched for
            class and function names.

    Returns:
        The object.

    Raises:
        TypeError: If a class or function cannot be located.
        ValueError: If the config is malformed, or needs code execution in safe mode.

    Example:

    >>> keras.saving.deserialize_keras_object({"class_name": "__slice__", "config": {"start": 1, "stop": 3, "step": None}})
    slice(1, 3, None)
    """
    module_objects = kwargs.pop("module_objects", None)
    scoped = in_safe_mode()
    safe = bool(safe_mode) if scoped is None else scoped
    top_level = _shared_objects() is None
    if top_level:
        _STATE.shared = {}
    try:
        with SafeModeScope(safe), CustomObjectScope(custom_objects):
            return _deserialize(config, module_objects, safe)
    finally:
        if top_level:
            _STATE.shared = None


def _deserialize(config: Any, module_objects: Mapping[str, Any] | None, safe_mode: bool) -> Any:
    if config is None or isinstance(config, (bool, int, float, str)):
        return config
    if isinstance(config, (list, tuple)):
        return type(config)(_deserialize(item, module_objects, safe_mode) for item in config)
    if not isinstance(config, Mapping):
        raise ValueError(f"Cannot deserialize {config!r}: expected a config dict, list or plain value.")
    if "class_name" not in config or "config" not in config:
        return {key: _deserialize(value, module_objects, safe_mode) for key, value in config.items()}
    class_name = config["class_name"]
    inner = config["config"]
    special = _deserialize_special(class_name, inner, safe_mode)
    if special is not _NOT_SPECIAL:
        return special
    shared = _shared_objects()
    shared_id = config.get("shared_object_id")
    if shared is not None and shared_id is not None and shared_id in shared:
        return shared[shared_id]
    module = config.get("module")
    if class_name == "function":
        if not isinstance(inner, str):
            raise ValueError(f"Invalid function config: expected a name. Received: {config!r}")
        return _locate(inner, module, None, module_objects, safe_mode, "function", config)
    registered_name = config.get("registered_name") or class_name
    cls = get_registered_object(registered_name, None, module_objects)
    if cls is None:
        cls = _locate(class_name, module, None, module_objects, safe_mode, "class", config)
    if not inspect.isclass(cls):
        return cls  # a function registered under a class-style name
    if not isinstance(inner, Mapping):
        raise ValueError(f"Invalid config for class {class_name}: expected a dict. Received: {inner!r}")
    from_config = getattr(cls, "from_config", None)
    if from_config is None:
        raise TypeError(f"Class {class_name} has no `from_config`; cannot rebuild it from {config!r}.")
    obj = from_config(dict(inner))
    build_config = config.get("build_config")
    if build_config and hasattr(obj, "build_from_config"):
        obj.build_from_config(build_config)
    compile_config = config.get("compile_config")
    if compile_config and hasattr(obj, "compile_from_config"):
        obj.compile_from_config(compile_config)
    if shared is not None and shared_id is not None:
        shared[shared_id] = obj
    return obj


_NOT_SPECIAL = object()


def _deserialize_special(class_name: str, inner: Any, safe_mode: bool) -> Any:
    if class_name == "__tensor__" or class_name == "__numpy__":
        from keras.ops._conversion import convert_to_tensor

        array = np.array(inner["value"], dtype=inner.get("dtype"))
        return array if class_name == "__numpy__" else convert_to_tensor(array)
    if class_name == "__bytes__":
        return str(inner["value"]).encode("utf-8")
    if class_name == "__tuple__":
        return tuple(_deserialize(item, None, safe_mode) for item in inner["value"])
    if class_name == "__slice__":
        return slice(inner["start"], inner["stop"], inner["step"])
    if class_name == "__ellipsis__":
        return Ellipsis
    if class_name == "__lambda__":
        return deserialize_function_code(inner["value"], safe_mode)
    if class_name == "__keras_tensor__":
        from keras.ops._keras_tensor import KerasTensor

        return KerasTensor(tuple(inner["shape"]), inner["dtype"])
    return _NOT_SPECIAL


def get_object(
    identifier: Any,
    module_objects: Mapping[str, Any],
    kind: str,
    custom_objects: Mapping[str, Any] | None = None,
    instantiate: bool = True,
) -> Any:
    """Resolve a namespace identifier (what `keras.<namespace>.get` does).

    None gives None; a dict is deserialized; a string names a class (instantiated with no
    arguments when `instantiate`) or a function; a callable or instance is returned as is.
    """
    if identifier is None:
        return None
    if isinstance(identifier, Mapping):
        return deserialize_keras_object(identifier, custom_objects, module_objects=module_objects)
    if isinstance(identifier, str):
        found = get_registered_object(identifier, custom_objects, module_objects)
        if found is not None:
            return found() if instantiate and inspect.isclass(found) else found
    elif callable(identifier):
        return identifier
    raise ValueError(f"Could not interpret {kind} identifier: {identifier!r}")
