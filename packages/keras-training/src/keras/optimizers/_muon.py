"""`Muon`: momentum orthogonalized by Newton-Schulz for matrices, AdamW for the rest."""

from __future__ import annotations

import re
from typing import Any

from keras import ops
from keras.backend._variable import Variable
from keras.ops._typing import Tensor
from keras.optimizers._optimizer import Optimizer


def _swap_last_axes(x: Tensor) -> Tensor:
    order = list(range(len(x.shape)))
    order[-2], order[-1] = order[-1], order[-2]
    return ops.transpose(x, order)


class Muon(Optimizer):
    """Muon: SGD-momentum whose update for each 2-D variable is orthogonalized.

    For a 2-D variable (not excluded): `m = momentum * m + g`; the direction is
    `g + momentum * m` (Nesterov) or `m`; it is orthogonalized by `ns_steps` quintic
    Newton-Schulz iterations with coefficients `(muon_a, muon_b, muon_c)`, scaled by
    `sqrt(max(rows, columns)) * rms_rate` (unless `rms_rate` is None) and subtracted
    times the learning rate. Every other variable (not 2-D, an embedding when
    `exclude_embeddings`, or a path matching `exclude_layers`) gets an AdamW step with
    rate `learning_rate * adam_lr_ratio`. Weight decay is `weight_decay` for Muon
    variables and `adam_weight_decay` for the others.

    Args:
        learning_rate: A float, a schedule, or a callable returning the rate.
        adam_beta_1: Adam's first-moment decay (non-Muon variables).
        adam_beta_2: Adam's second-moment decay (non-Muon variables).
        adam_weight_decay: Weight decay of the non-Muon variables.
        epsilon: Adam's epsilon.
        weight_decay: Weight decay of the Muon variables.
        exclude_layers: Regular expressions; variables whose path matches one use Adam.
        exclude_embeddings: Whether variables with "embedding" in their path use Adam.
        muon_a: First Newton-Schulz coefficient.
        muon_b: Second Newton-Schulz coefficient.
        muon_c: Third Newton-Schulz coefficient.
        adam_lr_ratio: Learning-rate multiplier of the Adam steps.
        momentum: Muon's momentum.
        ns_steps: Number of Newton-Schulz iterations.
        nesterov: Whether to use Nesterov momentum.
        rms_rate: Scale matching the update's RMS to Adam's; None for no scaling.
        clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum,
            ema_overwrite_frequency, loss_scale_factor, gradient_accumulation_steps,
            name, **kwargs: As in `keras.optimizers.Optimizer`.

    Example:

    >>> keras.optimizers.Muon().get_config()["ns_steps"]
    5
    """

    def __init__(
        self,
        learning_rate: Any = 0.001,
        adam_beta_1: float = 0.9,
        adam_beta_2: float = 0.999,
        adam_weight_decay: float | None = 0.004,
        epsilon: float = 1e-07,
        weight_decay: float | None = 0.004,
        clipnorm: float | None = None,
        clipvalue: float | None = None,
        global_clipnorm: float | None = None,
        use_ema: bool = False,
        ema_momentum: float = 0.99,
        ema_overwrite_frequency: int | None = None,
        loss_scale_factor: float | None = None,
        gradient_accumulation_steps: int | None = None,
        name: str | None = None,
        exclude_layers: list[str] | None = None,
        exclude_embeddings: bool = True,
        muon_a: float = 3.4445,
        muon_b: float = -4.775,
        muon_c: float = 2.0315,
        adam_lr_ratio: float = 1,
        momentum: float = 0.95,
        ns_steps: int = 5,
        nesterov: bool = True,
        rms_rate: float | None = 0.2,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            learning_rate=learning_rate,
            weight_decay=weight_decay,
            clipnorm=clipnorm,
            clipvalue=clipvalue,
            global_clipnorm=global_clipnorm,
            use_ema=use_ema,
            ema_momentum=ema_momentum,
            ema_overwrite_frequency=ema_overwrite_frequency,
            loss_scale_factor=loss_scale_factor,
            gradient_accumulation_steps=gradient_accumulation_steps,
            name=name,
            **kwargs,
        )
        self.adam_beta_1 = adam_beta_1
        self.adam_beta_2 = adam_beta_2
        self.epsilon = epsilon
        self.muon_a = muon_a
        self.muon_b = muon_b
        self.muon_c = muon_c
        self.adam_lr_ratio = adam_lr_ratio
        self.momentum = momentum
        self.ns_steps = ns_steps
        self.nesterov = nesterov
        self.exclude_embeddings = exclude_embeddings
        self.exclude_layers = exclude_layers or []
        self.adam_weight_decay = adam_weight_decay
        self.rms_rate = rms_rate
        self.momentums: list[Variable | None] = []
        self.adam_velocities: list[Variable | None] = []

    def _should_use_adamw(self, variable: Variable) -> bool:
        if len(variable.shape) != 2:
            return True
        if self.exclude_embeddings and "embedding" in variable.path.lower():
            return True
        return any(re.search(pattern, variable.path) for pattern in self.exclude_layers)

    def build(self, var_list: Any) -> None:
        if self.built:
            return
        var_list = list(var_list)
        super().build(var_list)
        self.momentums = [None] * len(var_list)
        self.adam_velocities = [None] * len(var_list)
        for index, variable in enumerate(var_list):
            if getattr(variable, "overwrite_with_gradient", False):
                continue
            self.momentums[index] = self.add_variable_from_reference(variable, "momentum")
            if self._should_use_adamw(variable):
                self.adam_velocities[index] = self.add_variable_from_reference(variable, "velocity")

    def update_step(self, gradient: Tensor, variable: Variable, learning_rate: Any) -> None:
        index = self._get_variable_index(variable)
        m, v = self.momentums[index], self.adam_velocities[index]
        assert m is not None
        if v is not None:
            self._adamw_update_step(gradient, variable, ops.multiply(learning_rate, self.adam_lr_ratio), m, v)
        else:
            self._muon_update_step(gradient, variable, learning_rate, m)

    def _muon_update_step(self, gradient: Tensor, variable: Variable, lr: Any, m: Variable) -> None:
        dtype = variable.dtype
        gradient = ops.cast(gradient, dtype)
        self.assign_add(m, ops.add(gradient, ops.multiply(m, self.momentum - 1)))
        direction = ops.add(gradient, ops.multiply(self.momentum, m)) if self.nesterov else m.value
        update = ops.multiply(ops.cast(lr, dtype), self.zeropower_via_newtonschulz5(direction, self.ns_steps))
        self.assign_sub(variable, self.lr_adjust(update))

    def _adamw_update_step(
        self, gradient: Tensor, variable: Variable, learning_rate: Any, m: Variable, v: Variable
    ) -> None:
        dtype = variable.dtype
        lr = ops.cast(learning_rate, dtype)
        gradient = ops.cast(gradient, dtype)
        step = ops.cast(ops.add(self.iterations, 1), dtype)
        beta_1_power = ops.power(ops.cast(self.adam_beta_1, dtype), step)
        beta_2_power = ops.power(ops.cast(self.adam_beta_2, dtype), step)
        alpha = ops.divide(
            ops.multiply(lr, ops.sqrt(ops.subtract(1, beta_2_power))), ops.subtract(1, beta_1_power)
        )
        self.assign_add(m, ops.multiply(ops.subtract(gradient, m), 1 - self.adam_beta_1))
        self.assign_add(v, ops.multiply(ops.subtract(ops.square(gradient), v), 1 - self.adam_beta_2))
        self.assign_sub(variable, ops.divide(ops.multiply(m, alpha), ops.add(ops.sqrt(v), self.epsilon)))

    def transpose_last_axis(self, X: Tensor) -> Tensor:  # noqa: N803 - Keras's parameter name
        """Swap the last two axes of `X`."""
        return _swap_last_axes(X)

    def lr_adjust(self, x: Tensor) -> Tensor:
        """Scale an orthogonalized update by `sqrt(max(rows, columns)) * rms_rate`."""
        if self.rms_rate is None:
            return x
        return ops.multiply(x, float(max(x.shape[0], x.shape[1])) ** 0.5 * self.rms_rate)

    def zeropower_via_newtonschulz5(self, x: Tensor, steps: int) -> Tensor:
        """Approximately orthogonalize `x` (map its singular values near 1) by Newton-Schulz.

        Args:
            x: A tensor of rank >= 2 (the last two axes are the matrix).
            steps: The number of quintic iterations.

        Returns:
            The orthogonalized tensor, of `x`'s shape.

        Raises:
            ValueError: If `x` has rank < 2.
        """
        shape = tuple(x.shape)
        if len(shape) < 2:
            raise ValueError(
                f"Expected gradient or momentum to have at least 2 dimensions. Received: shape={shape}"
            )
        tall = shape[-2] > shape[-1]
        if tall:
            x = _swap_last_axes(x)
        x = ops.divide(x, ops.add(ops.norm(x, axis=(-2, -1), keepdims=True), 1e-7))
        for _ in range(steps):
            gram = ops.matmul(x, _swap_last_axes(x))
            polynomial = ops.add(
                ops.multiply(self.muon_b, gram), ops.multiply(self.muon_c, ops.matmul(gram, gram))
            )
            x = ops.add(ops.multiply(self.muon_a, x), ops.matmul(polynomial, x))
        return _swap_last_axes(x) if tall else x

    def _apply_weight_decay(self, variables: list[Variable]) -> None:
        for variable in variables:
            if not self._use_weight_decay(variable):
                continue
            rate = self.adam_weight_decay if self._should_use_adamw(variable) else self.weight_decay
            if rate is not None:
                self._decay(variable, rate)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "adam_beta_1": self.adam_beta_1,
            "adam_beta_2": self.adam_beta_2,
            "epsilon": self.epsilon,
            "exclude_layers": self.exclude_layers,
            "muon_a": self.muon_a,
            "muon_b": self.muon_b,
            "muon_c": self.muon_c,
            "adam_lr_ratio": self.adam_lr_ratio,
            "momentum": self.momentum,
            "ns_steps": self.ns_steps,
            "nesterov": self.nesterov,
            "exclude_embeddings": self.exclude_embeddings,
            "adam_weight_decay": self.adam_weight_decay,
            "rms_rate": self.rms_rate,
        }
