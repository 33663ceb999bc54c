"""Multi-tensor update steps for eager torch: every variable updated by one call per term.

On torch an eager optimizer step costs a Python-level op call per variable and per
term of the update rule (about ten for Adam), which dominates the step of a small model.
`torch._foreach_*` kernels apply one term to every variable at once, as `torch.optim`
does. `fused_step` returns such a step for SGD, Adam and AdamW (weight decay is applied
before, by the optimizer, as for every backend) when it computes the same update: eager
torch, outside any `StatelessScope`, the class's own `update_step` not overridden, and
every variable and slot a float torch tensor of one dtype. Anything else takes the
per-variable `update_step`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keras.backend import backend
from keras.backend._scopes import current

Step = Callable[[Any, list[Any], list[Any], Any], None]


def fused_step(optimizer: Any, grads: list[Any], variables: list[Any]) -> Step | None:
    """The multi-tensor step for `optimizer` on these variables, or None to update one by one."""
    if backend() != "torch" or current("stateless") is not None:
        return None
    from keras.optimizers._adam import Adam
    from keras.optimizers._sgd import SGD

    cls = type(optimizer)
    if isinstance(optimizer, Adam) and cls.update_step is Adam.update_step and not optimizer.amsgrad:
        step: Step = _adam
    elif isinstance(optimizer, SGD) and cls.update_step is SGD.update_step:
        step = _sgd
    else:
        return None
    import torch

    dtype = variables[0].dtype
    if not all(v.dtype == dtype and v.value.is_floating_point() for v in variables):
        return None
    if not all(isinstance(g, torch.Tensor) for g in grads):
        return None

    def without_grad(optimizer: Any, grads: list[Any], variables: list[Any], learning_rate: Any) -> None:
        # In place on the parameters, which autograd may not record (apply() may run outside no_grad).
        with torch.no_grad():
            step(optimizer, grads, variables, learning_rate)

    return without_grad


def _values(variables: list[Any]) -> list[Any]:
    return [v.value for v in variables]


def _rate(learning_rate: Any, dtype: Any) -> Any:
    """The learning rate (a Variable, tensor or number) as a torch scalar of `dtype`."""
    import torch

    return torch.as_tensor(getattr(learning_rate, "value", learning_rate), dtype=dtype)


def _cast(grads: list[Any], like: Any) -> list[Any]:
    return [g if g.dtype == like.dtype else g.to(like.dtype) for g in grads]


def _adam(optimizer: Any, grads: list[Any], variables: list[Any], learning_rate: Any) -> None:
    import torch

    params = _values(variables)
    grads = _cast(grads, params[0])
    indices = [optimizer._get_variable_index(v) for v in variables]
    m = _values([optimizer._momentums[i] for i in indices])
    v = _values([optimizer._velocities[i] for i in indices])
    dtype = params[0].dtype
    step = optimizer.iterations.value.to(dtype) + 1
    lr = _rate(learning_rate, dtype)
    alpha = lr * torch.sqrt(1 - optimizer.beta_2**step) / (1 - optimizer.beta_1**step)
    torch._foreach_mul_(m, optimizer.beta_1)
    torch._foreach_add_(m, grads, alpha=1 - optimizer.beta_1)
    torch._foreach_mul_(v, optimizer.beta_2)
    torch._foreach_addcmul_(v, grads, grads, value=1 - optimizer.beta_2)
    denominators = torch._foreach_sqrt(v)
    torch._foreach_add_(denominators, optimizer.epsilon)
    steps = torch._foreach_mul(m, alpha)
    torch._foreach_div_(steps, denominators)
    torch._foreach_sub_(params, steps)


def _sgd(optimizer: Any, grads: list[Any], variables: list[Any], learning_rate: Any) -> None:
    import torch

    params = _values(variables)
    dtype = params[0].dtype
    lr = _rate(learning_rate, dtype)
    steps = torch._foreach_mul(_cast(grads, params[0]), lr)
    if optimizer.momentum == 0:
        torch._foreach_sub_(params, steps)
        return
    velocities = _values([optimizer.momentums[optimizer._get_variable_index(v)] for v in variables])
    torch._foreach_mul_(velocities, optimizer.momentum)
    torch._foreach_sub_(velocities, steps)
    if optimizer.nesterov:
        updates = torch._foreach_mul(velocities, optimizer.momentum)
        torch._foreach_sub_(updates, steps)
        torch._foreach_add_(params, updates)
    else:
        torch._foreach_add_(params, velocities)
