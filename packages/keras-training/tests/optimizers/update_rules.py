"""Each optimizer's update rule written out in numpy (float64), for the tests to compare with.

A rule takes the initial weights, a list of gradients and the optimizer's keyword arguments,
and returns the weights after each step. These are the papers'/Keras 3's formulas, written
independently of the suite's code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

Array = np.ndarray[Any, Any]
Rule = Callable[..., list[Array]]


def sgd(
    w: Array, grads: list[Array], learning_rate: float = 0.01, momentum: float = 0.0, nesterov: bool = False
) -> list[Array]:
    velocity, out = np.zeros_like(w), []
    for g in grads:
        if momentum == 0:
            w = w - learning_rate * g
        else:
            velocity = momentum * velocity - learning_rate * g
            w = w + (momentum * velocity - learning_rate * g if nesterov else velocity)
        out.append(w)
    return out


def adam(
    w: Array,
    grads: list[Array],
    learning_rate: float = 0.001,
    beta_1: float = 0.9,
    beta_2: float = 0.999,
    epsilon: float = 1e-7,
    amsgrad: bool = False,
    weight_decay: float | None = None,
) -> list[Array]:
    m, v, v_max, out = np.zeros_like(w), np.zeros_like(w), np.zeros_like(w), []
    for t, g in enumerate(grads, start=1):
        if weight_decay is not None:
            w = w - w * weight_decay * learning_rate
        m = beta_1 * m + (1 - beta_1) * g
        v = beta_2 * v + (1 - beta_2) * g * g
        v_max = np.maximum(v_max, v)
        alpha = learning_rate * np.sqrt(1 - beta_2**t) / (1 - beta_1**t)
        w = w - alpha * m / (np.sqrt(v_max if amsgrad else v) + epsilon)
        out.append(w)
    return out


def adamw(w: Array, grads: list[Array], weight_decay: float = 0.004, **kwargs: Any) -> list[Array]:
    return adam(w, grads, weight_decay=weight_decay, **kwargs)


def adamax(
    w: Array,
    grads: list[Array],
    learning_rate: float = 0.001,
    beta_1: float = 0.9,
    beta_2: float = 0.999,
    epsilon: float = 1e-7,
) -> list[Array]:
    m, u, out = np.zeros_like(w), np.zeros_like(w), []
    for t, g in enumerate(grads, start=1):
        m = beta_1 * m + (1 - beta_1) * g
        u = np.maximum(beta_2 * u, np.abs(g))
        w = w - learning_rate * m / ((1 - beta_1**t) * (u + epsilon))
        out.append(w)
    return out


def nadam(
    w: Array,
    grads: list[Array],
    learning_rate: float = 0.001,
    beta_1: float = 0.9,
    beta_2: float = 0.999,
    epsilon: float = 1e-7,
) -> list[Array]:
    m, v, product, out = np.zeros_like(w), np.zeros_like(w), 1.0, []
    for t, g in enumerate(grads, start=1):
        mu_t = beta_1 * (1 - 0.5 * 0.96**t)
        mu_next = beta_1 * (1 - 0.5 * 0.96 ** (t + 1))
        product = product * mu_t
        m = beta_1 * m + (1 - beta_1) * g
        v = beta_2 * v + (1 - beta_2) * g * g
        m_hat = mu_next * m / (1 - product * mu_next) + (1 - mu_t) * g / (1 - product)
        v_hat = v / (1 - beta_2**t)
        w = w - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon)
        out.append(w)
    return out


def lamb(
    w: Array,
    grads: list[Array],
    learning_rate: float = 0.001,
    beta_1: float = 0.9,
    beta_2: float = 0.999,
    epsilon: float = 1e-7,
) -> list[Array]:
    m, v, out = np.zeros_like(w), np.zeros_like(w), []
    for t, g in enumerate(grads, start=1):
        m = beta_1 * m + (1 - beta_1) * g
        v = beta_2 * v + (1 - beta_2) * g * g
        update = (m / (1 - beta_1**t)) / (np.sqrt(v / (1 - beta_2**t)) + epsilon)
        ratio = np.linalg.norm(w) / np.linalg.norm(update)
        w = w - ratio * learning_rate * update
        out.append(w)
    return out


def lion(
    w: Array, grads: list[Array], learning_rate: float = 0.001, beta_1: float = 0.9, beta_2: float = 0.99
) -> list[Array]:
    m, out = np.zeros_like(w), []
    for g in grads:
        w = w - learning_rate * np.sign(beta_1 * m + (1 - beta_1) * g)
        m = beta_2 * m + (1 - beta_2) * g
        out.append(w)
    return out


def adagrad(
    w: Array,
    grads: list[Array],
    learning_rate: float = 0.001,
    initial_accumulator_value: float = 0.1,
    epsilon: float = 1e-7,
) -> list[Array]:
    accumulator, out = np.full_like(w, initial_accumulator_value), []
    for g in grads:
        accumulator = accumulator + g * g
        w = w - learning_rate * g / np.sqrt(accumulator + epsilon)
        out.append(w)
    return out


def adadelta(
    w: Array, grads: list[Array], learning_rate: float = 0.001, rho: float = 0.95, epsilon: float = 1e-7
) -> list[Array]:
    grad_average, delta_average, out = np.zeros_like(w), np.zeros_like(w), []
    for g in grads:
        grad_average = rho * grad_average + (1 - rho) * g * g
        delta = -np.sqrt(delta_average + epsilon) / np.sqrt(grad_average + epsilon) * g
        delta_average = rho * delta_average + (1 - rho) * delta * delta
        w = w + learning_rate * delta
        out.append(w)
    return out


def rmsprop(
    w: Array,
    grads: list[Array],
    learning_rate: float = 0.001,
    rho: float = 0.9,
    momentum: float = 0.0,
    epsilon: float = 1e-7,
    centered: bool = False,
) -> list[Array]:
    v, mean_grad, velocity, out = np.zeros_like(w), np.zeros_like(w), np.zeros_like(w), []
    for g in grads:
        v = rho * v + (1 - rho) * g * g
        mean_grad = rho * mean_grad + (1 - rho) * g
        denominator = v - mean_grad**2 + epsilon if centered else v + epsilon
        increment = learning_rate * g / np.sqrt(denominator)
        velocity = momentum * velocity + increment
        w = w - (velocity if momentum > 0 else increment)
        out.append(w)
    return out


def ftrl(
    w: Array,
    grads: list[Array],
    learning_rate: float = 0.001,
    learning_rate_power: float = -0.5,
    initial_accumulator_value: float = 0.1,
    l1_regularization_strength: float = 0.0,
    l2_regularization_strength: float = 0.0,
    l2_shrinkage_regularization_strength: float = 0.0,
    beta: float = 0.0,
) -> list[Array]:
    n, z, out = np.full_like(w, initial_accumulator_value), np.zeros_like(w), []
    p, lr, l1 = -learning_rate_power, learning_rate, l1_regularization_strength
    l2 = l2_regularization_strength + beta / (2 * lr)
    for g in grads:
        n_new = n + g * g
        z = z + g + 2 * l2_shrinkage_regularization_strength * w - (n_new**p - n**p) / lr * w
        quadratic = n_new**p / lr + 2 * l2
        w = (np.clip(z, -l1, l1) - z) / quadratic
        n = n_new
        out.append(w)
    return out


def adafactor(
    w: Array,
    grads: list[Array],
    learning_rate: float = 0.001,
    beta_2_decay: float = -0.8,
    epsilon_1: float = 1e-30,
    epsilon_2: float = 1e-3,
    clip_threshold: float = 1.0,
    relative_step: bool = True,
) -> list[Array]:
    def rms(x: Array) -> float:
        return float(np.sqrt(np.mean(x * x)))

    r, c, v, out = np.zeros(w.shape[:-1]), np.zeros(w.shape[-1:]), np.zeros_like(w), []
    for t, g in enumerate(grads, start=1):
        lr = min(learning_rate, 1 / np.sqrt(t)) if relative_step else learning_rate
        alpha = max(epsilon_2, rms(w)) * min(lr, 1 / np.sqrt(t))
        squared = g * g + epsilon_1
        beta = 1 - t**beta_2_decay
        if w.ndim >= 2:
            r = beta * r + (1 - beta) * squared.mean(axis=-1)
            c = beta * c + (1 - beta) * squared.mean(axis=-2)
            v = (r / r.mean(axis=-1, keepdims=True))[..., None] * c[..., None, :]
        else:
            v = beta * v + (1 - beta) * squared
        u = g / np.sqrt(v)
        u = u / max(1.0, rms(u) / clip_threshold)
        w = w - alpha * u
        out.append(w)
    return out


def newton_schulz(x: Array, steps: int, a: float = 3.4445, b: float = -4.775, c: float = 2.0315) -> Array:
    tall = x.shape[0] > x.shape[1]
    x = x.T if tall else x
    x = x / (np.linalg.norm(x) + 1e-7)
    for _ in range(steps):
        gram = x @ x.T
        x = a * x + (b * gram + c * gram @ gram) @ x
    return x.T if tall else x


def muon(
    w: Array,
    grads: list[Array],
    learning_rate: float = 0.001,
    weight_decay: float = 0.004,
    momentum: float = 0.95,
    ns_steps: int = 5,
    nesterov: bool = True,
    rms_rate: float = 0.2,
) -> list[Array]:
    """Muon's rule for a 2-D variable (the orthogonalized path)."""
    m, out = np.zeros_like(w), []
    for g in grads:
        w = w - w * weight_decay * learning_rate
        m = momentum * m + g
        direction = g + momentum * m if nesterov else m
        update = learning_rate * newton_schulz(direction, ns_steps)
        w = w - update * np.sqrt(max(w.shape)) * rms_rate
        out.append(w)
    return out


def schedule_free_adamw(
    w: Array,
    grads: list[Array],
    learning_rate: float = 0.0025,
    beta_1: float = 0.9,
    beta_2: float = 0.999,
    epsilon: float = 1e-8,
    warmup_steps: int = 0,
) -> list[Array]:
    z, v, y, out = w.copy(), np.zeros_like(w), w, []
    for t, g in enumerate(grads, start=1):
        lr = learning_rate * min(t / warmup_steps, 1.0) if warmup_steps else learning_rate
        v = beta_2 * v + (1 - beta_2) * g * g
        z_new = z - lr * g / (np.sqrt(v / (1 - beta_2**t)) + epsilon)
        x = (y - (1 - beta_1) * z) / beta_1
        x = (1 - 1 / t) * x + z_new / t
        y = (1 - beta_1) * z_new + beta_1 * x
        z = z_new
        out.append(y)
    return out
