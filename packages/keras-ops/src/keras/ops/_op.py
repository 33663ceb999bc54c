"""The `op(rule)` decorator: one function is both the eager op and a graph node.

An op is a plain function plus a *rule* that maps argument specs to output specs.
With no `KerasTensor` among its arguments the function runs at once (the cost is one
scan of the arguments). Otherwise the arguments are bound to the signature, tensors
are replaced by `Spec`s, the rule computes the outputs' shapes and dtypes, and an
`OpCall` operation records the node, so `keras.Function` can replay it.

Nothing here inspects a function when it is decorated: the signature is read on the
op's first symbolic call, so importing the 600-odd ops stays cheap.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from keras import tree
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


def op(rule: Rule, name: str | None = None) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Make `function` an op whose symbolic outputs `rule` computes.

    The rule takes the op's arguments by name (any subset of them), with tensors
    replaced by `Spec`s, and returns a `Spec` or a structure of `Spec`s.
    """

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(function)
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

        OPS[name or function.__name__] = dispatch
        return dispatch

    return decorate


__all__ = ["OPS", "OpCall", "Spec", "op"]
