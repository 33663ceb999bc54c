"""`time_loop`: run a step function over the time axis, once, on `keras.ops`.

Every recurrent layer runs through here. Without `unroll` the loop is `ops.scan`, which
is `lax.scan` on jax and a `tf.while_loop` on tensorflow (so it compiles), and a Python
loop on numpy and torch. With `unroll` it is a Python loop over a static time axis.

Masks (`(batch, time)`, true = keep) freeze the state at a masked step; the output of a
masked step is zero (`zero_output_for_mask=True`) or the previous output, read from the
carried state (the first state, or the first state of the last cell of a stack), as
Keras's own jax loop does, so the unrolled and scanned loops agree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keras import ops, tree
from keras.ops._typing import Tensor

__all__: list[str] = []

StepFunction = Callable[[Any, list[Any]], tuple[Tensor, list[Any]]]
LoopBody = Callable[[list[Any], Any], tuple[list[Any], Tensor]]


def _time_major(x: Tensor) -> Tensor:
    return ops.swapaxes(x, 0, 1)


def _broadcastable(step_mask: Tensor, like: Tensor) -> Tensor:
    """`step_mask` `(batch,)` reshaped to broadcast against `like` `(batch, ...)`."""
    return ops.reshape(step_mask, (-1,) + (1,) * (len(like.shape) - 1))


def previous_output(states: list[Any]) -> Tensor:
    """The output of the previous step, as the carried state holds it."""
    first = states[0]
    if tree.is_nested(first):
        return tree.flatten(states[-1])[0]
    return first


def _masked_step(step: StepFunction, zero_output_for_mask: bool) -> LoopBody:
    def body(states: list[Any], step_inputs: Any) -> tuple[list[Any], Tensor]:
        inputs, step_mask = step_inputs
        output, new_states = step(inputs, states)
        keep = _broadcastable(step_mask, output)
        fallback = ops.zeros_like(output) if zero_output_for_mask else previous_output(states)
        output = ops.where(keep, output, fallback)
        new_states = tree.map_structure(
            lambda new, old: ops.where(_broadcastable(step_mask, old), new, old), new_states, states
        )
        return new_states, output

    return body


def time_loop(
    step: StepFunction,
    sequences: Any,
    initial_states: list[Any],
    mask: Tensor | None = None,
    go_backwards: bool = False,
    unroll: bool = False,
    zero_output_for_mask: bool = False,
) -> tuple[Tensor, Tensor, list[Any]]:
    """Apply `step(inputs_t, states) -> (output_t, new_states)` along axis 1 of `sequences`.

    Args:
        step: The step function; `new_states` must have the structure of `states`.
        sequences: A tensor (or structure of tensors) `(batch, time, ...)`.
        initial_states: The states before the first step (a list).
        mask: Optional boolean `(batch, time)`: false steps leave the state unchanged.
        go_backwards: Whether to read the sequence from its last step to its first.
        unroll: Whether to unroll the loop in Python (the time axis must be static).
        zero_output_for_mask: Whether masked steps output zeros instead of the previous output.

    Returns:
        `(last_output, outputs, final_states)`: `outputs` is `(batch, time, ...)` in the
        order the steps ran (reversed input order when `go_backwards`).
    """
    inputs = tree.map_structure(_time_major, sequences)
    body: LoopBody
    if mask is None:

        def body(states: list[Any], x: Any) -> tuple[list[Any], Tensor]:
            output, new_states = step(x, states)
            return new_states, output

        xs: Any = inputs
    else:
        body = _masked_step(step, zero_output_for_mask)
        xs = (inputs, _time_major(ops.cast(mask, "bool")))

    if unroll:
        flat = tree.flatten(xs)
        steps = range(int(flat[0].shape[0]))
        states = initial_states
        collected = []
        for t in reversed(steps) if go_backwards else steps:
            states, output = body(states, tree.pack_sequence_as(xs, [leaf[t] for leaf in flat]))
            collected.append(output)
        outputs = ops.stack(collected, axis=0)
    else:
        states, outputs = ops.scan(body, initial_states, xs, reverse=go_backwards)
        if go_backwards:
            outputs = ops.flip(outputs, axis=0)
    return outputs[-1], _time_major(outputs), list(states)
