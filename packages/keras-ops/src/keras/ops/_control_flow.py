"""Control-flow ops: branches, loops, scans and maps that also run inside `jax.jit` / `tf.function`.

Each op converts the tensors it is given (loop carries, `xs`, operands: any nesting that
`keras.tree` reads), then hands the user's functions to one kernel. On jax and tensorflow
the kernels use the library's own primitives, so the ops trace; on numpy and torch they
are Python loops. With `KerasTensor` arguments, the rule runs the user's functions on
`KerasTensor`s to learn the output specs, and checks that carries and branches agree.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from keras import tree
from keras.backend._active import K
from keras.backend._variable import Variable
from keras.ops._convert import promote
from keras.ops._keras_tensor import KerasTensor
from keras.ops._op import op
from keras.ops._operation import any_symbolic
from keras.ops._rules import canonical_axis
from keras.ops._spec import Spec, as_spec, spec_result_type
from keras.ops._typing import ArrayLike, Tensor

__all__ = [
    "associative_scan",
    "cond",
    "custom_gradient",
    "fori_loop",
    "map",
    "scan",
    "stop_gradient",
    "switch",
    "vectorized_map",
    "while_loop",
]


# --- shared helpers -------------------------------------------------------------------------


def _tensors(structure: Any) -> Any:
    """Convert every leaf of `structure` (but `None`) to a tensor of its default dtype."""
    return tree.map_structure(lambda leaf: None if leaf is None else promote(leaf)[0], structure)


def _check_callable(op_name: str, name: str, value: Any) -> None:
    if not callable(value):
        raise TypeError(f"{op_name}: `{name}` must be callable. Received: {name}={value!r}")


def _keras_tensors(structure: Any) -> Any:
    """Replace each tensor-like leaf (a `Spec` in a rule) by a fresh `KerasTensor`."""

    def leaf(value: Any) -> Any:
        if value is None or isinstance(value, KerasTensor):
            return value
        spec = as_spec(value)
        # The dtype the eager op converts this leaf to (64-bit narrows, weak scalars default).
        return KerasTensor(spec.shape, spec_result_type(spec))

    return tree.map_structure(leaf, structure)


def _specs(structure: Any) -> Any:
    """Return the `Spec`s of what a user function returned on `KerasTensor`s."""

    def leaf(value: Any) -> Any:
        if value is None:
            return None
        spec = value.spec if isinstance(value, KerasTensor) else as_spec(value)
        return Spec(spec.shape, spec.dtype)

    return tree.map_structure(leaf, structure)


def _merge_dims(a: int | None, b: int | None) -> int | bool | None:
    """Return the dimension both `a` and `b` can be (`None` if unknown), or False if none."""
    if a is None or b is None:
        return b if a is None else a
    return a if a == b else False


def _agree(op_name: str, first: str, a: Any, second: str, b: Any) -> Any:
    """Return the specs common to the structures `a` and `b`, or raise naming both."""
    flat_a, flat_b = tree.flatten(a), tree.flatten(b)
    message = (
        f"{op_name}: {first} and {second} must have the same structure, shapes and dtypes. "
        f"Received: {first}={_describe(a)}, {second}={_describe(b)}"
    )
    try:
        tree.assert_same_structure(a, b)
    except (ValueError, TypeError):
        raise ValueError(message) from None
    merged: list[Spec | None] = []
    for sa, sb in zip(flat_a, flat_b, strict=True):
        if sa is None or sb is None:
            if sa is not sb:
                raise ValueError(message)
            merged.append(None)
            continue
        dims = [_merge_dims(x, y) for x, y in zip(sa.shape, sb.shape, strict=False)]
        if sa.dtype != sb.dtype or len(sa.shape) != len(sb.shape) or any(d is False for d in dims):
            raise ValueError(message)
        merged.append(Spec(tuple(d for d in dims if d is not False), sa.dtype))
    return tree.pack_sequence_as(a, merged)


def _describe(specs: Any) -> Any:
    return tree.map_structure(lambda s: s if s is None else f"{s.dtype}{list(s.shape)}", specs)


def _leading(op_name: str, name: str, specs: Any, length: int | None = None) -> tuple[int | None, Any]:
    """Return the common leading dimension of the `specs` leaves and their per-step specs."""
    flat = [s for s in tree.flatten(specs) if s is not None]
    if not flat or any(s.ndim == 0 for s in flat):
        raise ValueError(
            f"{op_name}: every leaf of `{name}` must have a leading axis to loop over. "
            f"Received: {name}={_describe(specs)}"
        )
    known = {s.shape[0] for s in flat if s.shape[0] is not None}
    if length is not None:
        known.add(length)
    if len(known) > 1:
        raise ValueError(
            f"{op_name}: every leaf of `{name}` must have the same leading dimension"
            f"{' as `length`' if length is not None else ''}. Received: {name}={_describe(specs)}"
            + (f", length={length}" if length is not None else "")
        )
    n = next(iter(known)) if known else None
    steps = tree.map_structure(lambda s: None if s is None else Spec(s.shape[1:], s.dtype), specs)
    return n, steps


def _stacked(n: int | None, specs: Any) -> Any:
    return tree.map_structure(lambda s: None if s is None else Spec((n, *s.shape), s.dtype), specs)


# --- branches -------------------------------------------------------------------------------


def _cond_rule(pred: Any, true_fn: Any, false_fn: Any) -> Any:
    _check_pred(as_spec(pred).shape)
    true_specs = _specs(true_fn())
    false_specs = _specs(false_fn())
    return _agree("cond", "the output of `true_fn`", true_specs, "the output of `false_fn`", false_specs)


def _check_pred(shape: Any) -> None:
    if len(shape) != 0:
        raise ValueError(f"cond: `pred` must be a scalar boolean. Received: pred.shape={tuple(shape)}")


@op(_cond_rule)
def cond(pred: ArrayLike, true_fn: Callable[[], Any], false_fn: Callable[[], Any]) -> Any:
    """Return `true_fn()` if `pred` is true, else `false_fn()`.

    Inside `jax.jit` or `tf.function` both branches are traced and must return the same
    structure of tensors with the same shapes and dtypes; eagerly only one branch runs.

    Args:
        pred: A scalar boolean (a Python bool or a tensor).
        true_fn: A function of no arguments, called when `pred` is true.
        false_fn: A function of no arguments, called when `pred` is false.

    Returns:
        The output of the branch that ran.

    Raises:
        ValueError: If `pred` is not a scalar, or (symbolically) if the branches return
            different structures, shapes or dtypes.

    Example:

    >>> keras.ops.cond(np.array(2.0) > 1.0, lambda: np.int32(1), lambda: np.int32(0))
    np.int32(1)
    """
    _check_callable("cond", "true_fn", true_fn)
    _check_callable("cond", "false_fn", false_fn)
    if isinstance(pred, Variable):
        pred = pred.value
    shape = getattr(pred, "shape", ())
    if shape is None or len(shape) != 0:
        _check_pred(shape)
    return K.control_flow.cond(pred, true_fn, false_fn)


def _switch_rule(index: Any, branches: Any, operands: tuple[Any, ...]) -> Any:
    _check_branches(branches)
    symbolic = _keras_tensors(operands)
    results = [_specs(branch(*symbolic)) for branch in branches]
    merged = results[0]
    for i, result in enumerate(results[1:], start=1):
        merged = _agree(
            "switch", "the output of `branches[0]`", merged, f"the output of `branches[{i}]`", result
        )
    return merged


def _check_branches(branches: Any) -> None:
    if not isinstance(branches, Sequence) or not branches or not all(callable(b) for b in branches):
        raise ValueError(
            f"switch: `branches` must be a non-empty list of functions. Received: branches={branches!r}"
        )


@op(_switch_rule)
def switch(index: ArrayLike, branches: Sequence[Callable[..., Any]], *operands: Any) -> Any:
    """Call `branches[index](*operands)`, with `index` clamped to the valid range.

    Args:
        index: A scalar integer. Values below 0 pick the first branch, values past the
            end the last one.
        branches: A non-empty list of functions, each taking `*operands`.
        *operands: The arguments passed to the chosen branch.

    Returns:
        The output of the chosen branch.

    Raises:
        ValueError: If `branches` is empty or holds a non-callable, or (symbolically) if
            the branches return different structures, shapes or dtypes.

    Example:

    >>> branches = [lambda x: x + 1, lambda x: x * 10]
    >>> keras.ops.switch(1, branches, np.float32(2.0))
    np.float32(20.0)
    """
    _check_branches(branches)
    return K.control_flow.switch(index, branches, _tensors(operands))


# --- scans ----------------------------------------------------------------------------------


def _check_scan_arguments(xs: Any, length: Any, unroll: Any) -> None:
    if xs is None and length is None:
        raise ValueError(
            "scan: there is nothing to scan over: pass `xs` or `length`. Received: xs=None, length=None"
        )
    if not isinstance(unroll, bool) and (not isinstance(unroll, int) or unroll < 1):
        raise ValueError(f"scan: `unroll` must be a positive integer or a bool. Received: unroll={unroll!r}")
    if length is not None and (not isinstance(length, int) or isinstance(length, bool) or length < 0):
        raise ValueError(f"scan: `length` must be a non-negative integer. Received: length={length!r}")


def _scan_rule(
    f: Any, init: Any, xs: Any = None, length: Any = None, reverse: Any = False, unroll: Any = 1
) -> Any:
    _check_scan_arguments(xs, length, unroll)
    init_specs = _specs(_keras_tensors(init))
    if xs is None:
        n, x_specs = length, None
    else:
        n, x_specs = _leading("scan", "xs", _specs(_keras_tensors(xs)), length)
    carry, y = f(_keras_tensors(init_specs), _keras_tensors(x_specs))
    carry_specs = _agree("scan", "`init`", init_specs, "the carry returned by `f`", _specs(carry))
    return carry_specs, _stacked(n, _specs(y))


@op(_scan_rule)
def scan(
    f: Callable[[Any, Any], tuple[Any, Any]],
    init: Any,
    xs: Any = None,
    length: int | None = None,
    reverse: bool = False,
    unroll: int | bool = 1,
) -> tuple[Any, Any]:
    """Loop `f` over the leading axis of `xs`, threading a carry and stacking the outputs.

    Equivalent to, with `ys` stacked along a new leading axis:

    ```python
    carry = init
    for x in xs:
        carry, y = f(carry, x)
        ys.append(y)
    ```

    Args:
        f: A function `(carry, x) -> (carry, y)`. The carry it returns must have the
            structure, shapes and dtypes of `init`.
        init: The initial carry: a tensor or a nested structure of tensors.
        xs: A tensor or nested structure of tensors to loop over along their leading
            axis, or `None` to call `f(carry, None)` `length` times.
        length: The number of steps; by default the leading dimension of `xs`.
        reverse: Whether to loop from the last step to the first (the outputs keep their
            positions).
        unroll: How many steps to unroll into one loop iteration (a compilation hint;
            `True` unrolls everything).

    Returns:
        A pair `(carry, ys)`: the final carry and the stacked outputs `y`.

    Raises:
        ValueError: If neither `xs` nor `length` is given, if `unroll` is not a positive
            integer or bool, or if the leaves of `xs` disagree on their leading dimension.

    Example:

    >>> cumulative = lambda carry, x: (carry + x, carry + x)
    >>> keras.ops.scan(cumulative, np.float32(0.0), np.array([1.0, 2.0, 3.0], dtype="float32"))
    (np.float32(6.0), array([1., 3., 6.], dtype=float32))
    """
    _check_callable("scan", "f", f)
    _check_scan_arguments(xs, length, unroll)
    xs = _tensors(xs)
    if xs is not None:
        _leading("scan", "xs", tree.map_structure(lambda t: None if t is None else as_spec(t), xs), length)
    return K.control_flow.scan(f, _tensors(init), xs, length, reverse, unroll)


def _associative_scan_rule(f: Any, elems: Any, reverse: Any = False, axis: Any = 0) -> Any:
    specs = _specs(_keras_tensors(elems))
    axis, n = _check_elems(specs, axis)
    one = tree.map_structure(lambda s: Spec((*s.shape[:axis], 1, *s.shape[axis + 1 :]), s.dtype), specs)
    out = _specs(f(_keras_tensors(one), _keras_tensors(one)))
    return tree.map_structure(lambda s: Spec((*s.shape[:axis], n, *s.shape[axis + 1 :]), s.dtype), out)


def _check_elems(specs: Any, axis: int) -> tuple[int, int | None]:
    flat = tree.flatten(specs)
    if not flat or any(s is None for s in flat):
        raise ValueError(
            f"associative_scan: `elems` must hold at least one tensor. Received: elems={specs!r}"
        )
    ndim = flat[0].ndim
    if any(s.ndim != ndim for s in flat):
        raise ValueError(
            f"associative_scan: every leaf of `elems` must have the same rank. Received: elems={_describe(specs)}"
        )
    axis = canonical_axis(axis, ndim, "associative_scan")
    known = {s.shape[axis] for s in flat if s.shape[axis] is not None}
    if len(known) > 1:
        raise ValueError(
            f"associative_scan: every leaf of `elems` must have the same size along axis {axis}. "
            f"Received: elems={_describe(specs)}"
        )
    return axis, next(iter(known)) if known else None


@op(_associative_scan_rule)
def associative_scan(f: Callable[[Any, Any], Any], elems: Any, reverse: bool = False, axis: int = 0) -> Any:
    """Compute all prefix combinations of `elems` along `axis` with an associative `f`.

    Position `i` of the result is `f(...f(f(e[0], e[1]), e[2])..., e[i])`, computed in
    O(log n) parallel rounds, which is only correct if `f` is associative:
    `f(a, f(b, c)) == f(f(a, b), c)`. `f` must work element-wise on slices along `axis`.

    Args:
        f: An associative function of two arguments, each laid out like `elems`.
        elems: A tensor or nested structure of tensors, all of the same size along `axis`.
        reverse: Whether to combine from the end (suffix combinations).
        axis: The axis to scan along.

    Returns:
        A structure like `f`'s output, with the size of `elems` along `axis`.

    Raises:
        ValueError: If the leaves of `elems` differ in rank or in size along `axis`, or
            if `axis` is out of bounds.

    Example:

    >>> keras.ops.associative_scan(lambda a, b: a + b, np.array([1, 2, 3, 4], dtype="int32"))
    array([ 1,  3,  6, 10], dtype=int32)
    """
    _check_callable("associative_scan", "f", f)
    elems = _tensors(elems)
    specs = tree.map_structure(as_spec, elems)
    axis, _ = _check_elems(specs, axis)
    return K.control_flow.associative_scan(f, elems, reverse, axis)


# --- loops ----------------------------------------------------------------------------------


def _fori_loop_rule(lower: Any, upper: Any, body_fun: Any, init_val: Any) -> Any:
    init_specs = _specs(_keras_tensors(init_val))
    out = _specs(body_fun(KerasTensor((), "int32"), _keras_tensors(init_specs)))
    return _agree("fori_loop", "`init_val`", init_specs, "the output of `body_fun`", out)


@op(_fori_loop_rule)
def fori_loop(lower: ArrayLike, upper: ArrayLike, body_fun: Callable[[Any, Any], Any], init_val: Any) -> Any:
    """Return `body_fun(upper - 1, ... body_fun(lower + 1, body_fun(lower, init_val)))`.

    Args:
        lower: The first loop index (an integer).
        upper: One past the last loop index (an integer).
        body_fun: A function `(i, value) -> value` whose output has the structure,
            shapes and dtypes of `init_val`.
        init_val: The initial value: a tensor or nested structure of tensors.

    Returns:
        The value after the last iteration (`init_val` if `upper <= lower`).

    Example:

    >>> keras.ops.fori_loop(0, 5, lambda i, total: total + i, np.int32(0))
    np.int32(10)
    """
    _check_callable("fori_loop", "body_fun", body_fun)
    return K.control_flow.fori_loop(lower, upper, body_fun, _tensors(init_val))


def _while_loop_rule(cond: Any, body: Any, loop_vars: Any, maximum_iterations: Any = None) -> Any:
    is_sequence = isinstance(loop_vars, (list, tuple))
    specs = _specs(_keras_tensors(tuple(loop_vars) if is_sequence else (loop_vars,)))
    predicate = _specs(cond(*_keras_tensors(specs)))
    if not isinstance(predicate, Spec) or predicate.shape != ():
        raise ValueError(f"while_loop: `cond` must return a scalar boolean. Received: {_describe(predicate)}")
    out = _as_vars(body(*_keras_tensors(specs)), is_sequence, len(specs))
    merged = _agree("while_loop", "`loop_vars`", specs, "the output of `body`", _specs(out))
    return merged if is_sequence else merged[0]


def _as_vars(output: Any, is_sequence: bool, count: int) -> tuple[Any, ...]:
    """Return `body`'s output as the tuple of loop variables, or raise if its length differs."""
    values = tuple(output) if is_sequence and isinstance(output, (list, tuple)) else (output,)
    if len(values) != count:
        raise ValueError(
            f"while_loop: `body` must return as many values as there are loop variables ({count}). "
            f"Received {len(values)} values."
        )
    return values


@op(_while_loop_rule)
def while_loop(
    cond: Callable[..., Any],
    body: Callable[..., Any],
    loop_vars: Any,
    maximum_iterations: int | None = None,
) -> Any:
    """Repeat `loop_vars = body(*loop_vars)` while `cond(*loop_vars)` is true.

    Args:
        cond: A function of the loop variables returning a scalar boolean.
        body: A function of the loop variables returning new ones, with the same
            structure, shapes and dtypes.
        loop_vars: A tensor, or a tuple or list of tensors (each may be nested). With a
            tuple or list, `cond` and `body` receive its items as separate arguments.
        maximum_iterations: An optional limit on the number of iterations.

    Returns:
        The final loop variables: a tuple if `loop_vars` is a tuple or list, else a
        single value.

    Raises:
        ValueError: If `body` returns the wrong number of values, or if
            `maximum_iterations` is negative.

    Example:

    >>> keras.ops.while_loop(lambda i, total: i < 4, lambda i, total: (i + 1, total + i), (0, 0))
    (np.int32(4), np.int32(6))
    """
    _check_callable("while_loop", "cond", cond)
    _check_callable("while_loop", "body", body)
    limit: Any = maximum_iterations
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        raise ValueError(
            f"while_loop: `maximum_iterations` must be a non-negative integer or None. "
            f"Received: maximum_iterations={maximum_iterations!r}"
        )
    is_sequence = isinstance(loop_vars, (list, tuple))
    values = _tensors(tuple(loop_vars) if is_sequence else (loop_vars,))
    count = len(values)

    def step(*current: Any) -> tuple[Any, ...]:
        return _as_vars(body(*current), is_sequence, count)

    result = K.control_flow.while_loop(cond, step, values, maximum_iterations)
    return tuple(result) if is_sequence else result[0]


# --- maps -----------------------------------------------------------------------------------


def _map_rule(f: Any, xs: Any) -> Any:
    n, steps = _leading("map", "xs", _specs(_keras_tensors(xs)))
    return _stacked(n, _specs(f(_keras_tensors(steps))))


@op(_map_rule)
def map(f: Callable[[Any], Any], xs: Any) -> Any:
    """Apply `f` to each slice of `xs` along its leading axis and stack the results.

    One slice at a time (a loop), which saves memory compared with `vectorized_map`.

    Args:
        f: A function of one slice of `xs` (laid out like `xs`).
        xs: A tensor or nested structure of tensors with a common leading dimension.

    Returns:
        `f`'s outputs stacked along a new leading axis (nested like `f`'s output).

    Raises:
        ValueError: If the leaves of `xs` have no leading axis or disagree on its size.

    Example:

    >>> keras.ops.map(lambda x: x * x, np.array([1, 2, 3], dtype="int32"))
    array([1, 4, 9], dtype=int32)
    """
    _check_callable("map", "f", f)
    xs = _tensors(xs)
    _leading("map", "xs", tree.map_structure(as_spec, xs))
    return K.control_flow.map(f, xs)


def _vectorized_map_rule(function: Any, elements: Any) -> Any:
    n, steps = _leading("vectorized_map", "elements", _specs(_keras_tensors(elements)))
    return _stacked(n, _specs(function(_keras_tensors(steps))))


@op(_vectorized_map_rule)
def vectorized_map(function: Callable[[Any], Any], elements: Any) -> Any:
    """Apply `function` to every slice of `elements` along the leading axis, in parallel.

    jax uses `jax.vmap`, tensorflow `tf.vectorized_map`, torch `torch.func.vmap`; numpy
    loops. `function` must therefore be written with `keras.ops` and must not branch in
    Python on tensor values.

    Args:
        function: A function of one slice of `elements` (laid out like `elements`).
        elements: A tensor or nested structure of tensors with a common leading dimension.

    Returns:
        `function`'s outputs stacked along a new leading axis.

    Raises:
        ValueError: If the leaves of `elements` have no leading axis or disagree on its size.

    Example:

    >>> keras.ops.vectorized_map(lambda x: x * 2, np.array([[1, 2], [3, 4]], dtype="int32"))
    array([[2, 4],
           [6, 8]], dtype=int32)
    """
    _check_callable("vectorized_map", "function", function)
    elements = _tensors(elements)
    _leading("vectorized_map", "elements", tree.map_structure(as_spec, elements))
    return K.control_flow.vectorized_map(function, elements)


# --- gradients ------------------------------------------------------------------------------


def _same(variable: Any) -> Spec:
    spec = as_spec(variable)
    return Spec(spec.shape, spec_result_type(spec))


@op(_same)
def stop_gradient(variable: ArrayLike) -> Tensor:
    """Return `variable` as a tensor through which no gradient flows.

    Args:
        variable: A tensor, `keras.Variable`, array or scalar.

    Returns:
        A tensor with the same values, shape and dtype, treated as a constant by
        automatic differentiation.

    Example:

    >>> keras.ops.stop_gradient(np.array([1.0, 2.0], dtype="float32"))
    array([1., 2.], dtype=float32)
    """
    (t,) = promote(variable)
    return K.control_flow.stop_gradient(t)


def custom_gradient(f: Callable[..., tuple[Any, Callable[..., Any]]]) -> Callable[..., Any]:
    """Decorate `f` so that automatic differentiation uses the gradient `f` provides.

    `f(*args)` returns `(output, grad_fn)`; `grad_fn(upstream)` receives the gradient of
    the loss with respect to `output` and returns the gradients with respect to `args`
    (one tensor, or a tuple with one entry per argument). jax uses
    `jax.custom_gradient`, tensorflow `tf.custom_gradient` and torch an
    `autograd.Function`; numpy, which has no gradients, returns `output` only, and so does
    a call on `KerasTensor`s.

    Args:
        f: A function returning `(output, grad_fn)`.

    Returns:
        A function with `f`'s arguments that returns `output`.

    Example:

    >>> @keras.ops.custom_gradient
    ... def half_gradient_identity(x):
    ...     def grad_fn(upstream):
    ...         return upstream * 0.5
    ...     return x, grad_fn
    >>> half_gradient_identity(np.array([3.0], dtype="float32"))
    array([3.], dtype=float32)
    """
    _check_callable("custom_gradient", "f", f)
    with_gradient = K.control_flow.custom_gradient(f)

    @functools.wraps(f)
    def call(*args: Any, **kwargs: Any) -> Any:
        if any_symbolic(args, kwargs):
            return f(*args, **kwargs)[0]
        args = tuple(a.value if isinstance(a, Variable) else a for a in args)
        return with_gradient(*args, **kwargs)

    return call
