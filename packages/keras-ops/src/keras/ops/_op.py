"""The `op(rule)` decorator: one function is both the eager op and a graph node.

An op is a plain function plus a *rule* that maps argument specs to output specs.
With no `KerasTensor` among its arguments the function runs at once (the cost is one
scan of the arguments). Otherwise the arguments are bound to the signature, tensors
are replaced by `Spec`s, the rule computes the outputs' shapes and dtypes, and an
`OpCall` operation records the node, so `keras.Function` can replay it.

Nothing here inspects a function when it is decorated: the signature is read on the
op's first symbolic call, so importing the 600-odd ops stays cheap.

An op may also name its kernel (`fast="elementwise.add"`): then a call whose arguments
are all eager tensors of the backend's own class and of one dtype that the rule keeps
(float32 in, float32 out) goes straight to the kernel, with no argument scan and no
promotion. On tiny tensors that Python is most of the cost of an op. The author of
the op vouches that, for such arguments, the op's body is exactly that kernel call;
the rule decides which dtypes qualify, once per dtype. If the kernel raises, the call
is redone on the general path, which raises the op's own error: kernels are pure.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from keras import tree
from keras.backend._active import RESET_HOOKS, K
from keras.backend._dtypes import standardize_dtype
from keras.ops._keras_tensor import KerasTensor
from keras.ops._operation import LEAF_TYPES, Operation, any_symbolic, keras_tensors_from_specs
from keras.ops._spec import Spec, as_spec

P = ParamSpec("P")
R = TypeVar("R")

Rule = Callable[..., Any]

# Every public op by name, so tests can enumerate them and files can name them.
OPS: dict[str, Callable[..., Any]] = {}


def _to_specs(value: Any) -> Any:
    """Replace each KerasTensor or array in `value` with its Spec; keep other leaves."""

    def convert(leaf: Any) -> Any:
        if isinstance(leaf, KerasTensor):
            return leaf.spec
        if hasattr(leaf, "shape") and hasattr(leaf, "dtype"):
            return as_spec(leaf)
        return leaf

    return tree.map_structure(convert, value)


class OpCall(Operation):
    """One symbolic call of an op function: the node's operation in the graph."""

    def __init__(self, function: Callable[..., Any], rule: Rule, signature: inspect.Signature) -> None:
        super().__init__(name=None)
        self.function = function
        self.rule = rule
        self.signature = signature

    def call(self, *args: Any, **kwargs: Any) -> Any:
        return self.function(*args, **kwargs)

    def compute_output_spec(self, *args: Any, **kwargs: Any) -> Any:
        try:
            bound = self.signature.bind(*args, **kwargs)
        except TypeError as error:
            raise TypeError(f"{self.function.__name__}(): {error}") from None
        bound.apply_defaults()
        arguments = {name: _to_specs(value) for name, value in bound.arguments.items()}
        specs = _call_rule(self.rule, arguments)
        return keras_tensors_from_specs(specs)


# The signature of an op function, read on its first symbolic call.
_signature = functools.cache(inspect.signature)


@functools.cache
def _rule_parameters(rule: Rule) -> tuple[frozenset[str], bool]:
    parameters = inspect.signature(rule).parameters.values()
    takes_kwargs = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)
    return frozenset(p.name for p in parameters), takes_kwargs


def _call_rule(rule: Rule, arguments: dict[str, Any]) -> Any:
    names, takes_kwargs = _rule_parameters(rule)
    if takes_kwargs:
        return rule(**arguments)
    return rule(**{name: value for name, value in arguments.items() if name in names})


class _Unresolved:
    """The class no tensor has: a fast path's class before its first call."""


class FastPath:
    """An op's shortcut to its kernel, for eager tensors of one dtype the rule keeps.

    `state` is `(cls, dtypes, kernel)`, one tuple so the entry point reads it at once:
    the backend's eager tensor class and the op's kernel, both read on the op's first
    call (and again after a backend switch), and the native dtype objects found to
    qualify. `decided` holds every dtype already judged.
    """

    __slots__ = (
        "decided",
        "dtypes",
        "kernel_name",
        "only",
        "op_name",
        "parameters",
        "rule",
        "state",
    )

    def __init__(
        self,
        op_name: str,
        kernel_name: str,
        rule: Rule,
        parameters: tuple[str, ...],
        only: frozenset[str] | None,
    ) -> None:
        self.op_name = op_name
        self.kernel_name = kernel_name
        self.rule = rule
        self.parameters = parameters
        self.only = only
        self.reset()
        _FAST_PATHS.append(self)

    def reset(self) -> None:
        self.dtypes: set[Any] = set()
        self.decided: set[Any] = set()
        self.state: tuple[Any, set[Any], Any] = (_Unresolved, self.dtypes, None)

    def resolve(self) -> None:
        """Read the active backend's eager tensor class and this op's kernel."""
        family, name = self.kernel_name.split(".")
        kernels = getattr(K, family)
        # A family may offer a cheaper `fast_<name>` that raises on inputs it leaves to the full kernel.
        kernel = getattr(kernels, f"fast_{name}", None) or getattr(kernels, name)
        self.state = (K.core.eager_type(), self.dtypes, kernel)

    def decide(self, dtype: Any, *tensors: Any) -> None:
        """Judge whether tensors of native `dtype` may take the shortcut: the rule keeps it.

        The rule sees the specs of this call's `tensors`; if it rejects them (shapes that
        do not fit...), the dtype stays undecided and the general path raises the error.
        The kernel runs once on `tensors` to check that it returns `dtype` as well.
        """
        name = standardize_dtype(dtype)
        try:
            out = _call_rule(
                self.rule, {p: as_spec(t) for p, t in zip(self.parameters, tensors, strict=True)}
            )
        except Exception:
            return
        self.decided.add(dtype)
        if not (isinstance(out, Spec) and out.dtype == name and (self.only is None or name in self.only)):
            return
        # The kernel itself must keep the dtype too (numpy's matmul turns bfloat16 into float32).
        try:
            kept = getattr(self.state[2](*tensors), "dtype", None) == dtype
        except Exception:
            kept = False
        if kept:
            self.dtypes.add(dtype)


_FAST_PATHS: list[FastPath] = []


def _reset_fast_paths() -> None:
    for fast in _FAST_PATHS:
        fast.reset()


RESET_HOOKS.append(_reset_fast_paths)


def _unary_shortcut(general: Callable[..., Any], fast: FastPath) -> Callable[..., Any]:
    def dispatch(x: Any) -> Any:
        cls, dtypes, kernel = fast.state
        if type(x) is cls:
            dtype = x.dtype
            if dtype in dtypes:
                try:
                    return kernel(x)
                except Exception:  # the general path raises the op's own error, or handles it
                    pass
            elif dtype not in fast.decided:
                fast.decide(dtype, x)
        elif cls is _Unresolved:
            fast.resolve()
        return general(x)

    return dispatch


def _binary_shortcut(general: Callable[..., Any], fast: FastPath) -> Callable[..., Any]:
    def dispatch(x1: Any, x2: Any) -> Any:
        cls, dtypes, kernel = fast.state
        if type(x1) is cls and type(x2) is cls:
            dtype = x1.dtype
            if x2.dtype is dtype:
                if dtype in dtypes:
                    try:
                        return kernel(x1, x2)
                    except Exception:  # the general path raises the op's own error, or handles it
                        pass
                elif dtype not in fast.decided:
                    fast.decide(dtype, x1, x2)
        elif cls is _Unresolved:
            fast.resolve()
        return general(x1, x2)

    return dispatch


_SHORTCUTS = {("x",): _unary_shortcut, ("x1", "x2"): _binary_shortcut}


def op(
    rule: Rule, name: str | None = None, fast: str | None = None, fast_dtypes: frozenset[str] | None = None
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Make `function` an op whose symbolic outputs `rule` computes.

    The rule takes the op's arguments by name (any subset of them), with tensors
    replaced by `Spec`s, and returns a `Spec` or a structure of `Spec`s.

    `fast` names the op's kernel (`"family.name"`) for the shortcut the module
    docstring describes; only ops of `(x)` or `(x1, x2)` can have one, and
    `fast_dtypes`, when given, limits it to those dtypes.
    """

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        def dispatch(*args: P.args, **kwargs: P.kwargs) -> R:
            # `any_symbolic`, with its common case (leaf-type positional arguments) inlined.
            for value in args:
                if type(value) not in LEAF_TYPES:
                    break
            else:
                if not kwargs:
                    return function(*args, **kwargs)
            if any_symbolic(args, kwargs):
                result: R = OpCall(function, rule, _signature(function)).symbolic_call(*args, **kwargs)
                return result
            return function(*args, **kwargs)

        entry: Callable[..., Any] = dispatch
        if fast is not None:
            code = function.__code__
            parameters = code.co_varnames[: code.co_argcount]
            if code.co_kwonlyargcount or code.co_flags & (inspect.CO_VARARGS | inspect.CO_VARKEYWORDS):
                parameters = ()
            shortcut = _SHORTCUTS.get(parameters)
            if shortcut is None:
                raise TypeError(f"op {function.__name__}: a fast path needs parameters (x) or (x1, x2)")
            entry = shortcut(dispatch, FastPath(function.__name__, fast, rule, parameters, fast_dtypes))
        entry = functools.wraps(function)(entry)
        OPS[name or function.__name__] = entry
        return entry

    return decorate


__all__ = ["OPS", "FastPath", "OpCall", "Spec", "op"]
