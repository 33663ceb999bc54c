"""Neural-network kernels (activations, softmax, normalization, losses) for numpy-like modules.

Inputs arrive converted to the dtype the op computes in; every kernel keeps that dtype.
Most kernels are element-wise compositions written once against the numpy API; a backend
overrides the few where its library has a fused or numerically careful native kernel.
Constants are made with `_const` so that no backend widens a 16-bit float.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from keras.ops._typing import Tensor

Axes = tuple[int, ...] | None

_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946
_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
# The log-probability CTC uses for "impossible"; finite, so that gradients stay finite.
_CTC_LOG_ZERO = -1e5


class NN:
    """Neural-network kernels written once against the numpy API (`self.xnp`)."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp

    # --- helpers a backend may override ----------------------------------------------

    def _const(self, value: float, like: Tensor) -> Tensor:
        """Return `value` as a 0-d tensor of `like`'s dtype."""
        return self.xnp.asarray(value, dtype=like.dtype)

    def _max(self, x: Tensor, axes: Axes, keepdims: bool) -> Tensor:
        return self.xnp.max(x, axis=axes, keepdims=keepdims)

    def _permute(self, x: Tensor, order: tuple[int, ...]) -> Tensor:
        return self.xnp.transpose(x, order)

    def _sort_descending(self, x: Tensor, axis: int) -> Tensor:
        return -self.xnp.sort(-x, axis=axis)

    def _erf(self, x: Tensor) -> Tensor:
        return self.xnp.erf(x)

    def _complex(self, real: Tensor, imag: Tensor) -> Tensor:
        return real + 1j * imag

    def _scan(self, step: Callable[[Tensor, Tensor, Tensor], Tensor], carry: Tensor, *xs: Tensor) -> Tensor:
        """Fold `step(carry, *x_t)` over the leading axis of `xs`; return the last carry."""
        for t in range(xs[0].shape[0]):
            carry = step(carry, *(x[t] for x in xs))
        return carry

    # --- activations ------------------------------------------------------------------

    def relu(self, x: Tensor, /) -> Tensor:
        return self.xnp.maximum(x, self._const(0, x))

    def relu6(self, x: Tensor, /) -> Tensor:
        return self.xnp.minimum(self.xnp.maximum(x, self._const(0, x)), self._const(6, x))

    def sigmoid(self, x: Tensor, /) -> Tensor:
        # exp of -|x| never overflows; both branches are exact where they are used.
        xnp = self.xnp
        e = xnp.exp(-xnp.abs(x))
        one = self._const(1, x)
        return xnp.where(x >= 0, one / (one + e), e / (one + e))

    def sparse_sigmoid(self, x: Tensor, /) -> Tensor:
        half = self._const(0.5, x)
        return self.xnp.minimum(self.xnp.maximum(half * x + half, self._const(0, x)), self._const(1, x))

    def softplus(self, x: Tensor, /) -> Tensor:
        xnp = self.xnp
        return xnp.maximum(x, self._const(0, x)) + xnp.log1p(xnp.exp(-xnp.abs(x)))

    def softsign(self, x: Tensor, /) -> Tensor:
        return x / (self._const(1, x) + self.xnp.abs(x))

    def soft_shrink(self, x: Tensor, threshold: Tensor, /) -> Tensor:
        xnp = self.xnp
        return xnp.where(
            x > threshold, x - threshold, xnp.where(x < -threshold, x + threshold, self._const(0, x))
        )

    def sparse_plus(self, x: Tensor, /) -> Tensor:
        xnp = self.xnp
        one = self._const(1, x)
        quadratic = self._const(0.25, x) * xnp.square(x + one)
        return xnp.where(x <= -one, self._const(0, x), xnp.where(x >= one, x, quadratic))

    def silu(self, x: Tensor, /) -> Tensor:
        return x * self.sigmoid(x)

    def log_sigmoid(self, x: Tensor, /) -> Tensor:
        return -self.softplus(-x)

    def leaky_relu(self, x: Tensor, negative_slope: Tensor, /) -> Tensor:
        return self.xnp.where(x >= self._const(0, x), x, negative_slope * x)

    def hard_sigmoid(self, x: Tensor, /) -> Tensor:
        return self.relu6(x + self._const(3, x)) / self._const(6, x)

    def hard_silu(self, x: Tensor, /) -> Tensor:
        return x * self.hard_sigmoid(x)

    def hard_shrink(self, x: Tensor, threshold: Tensor, /) -> Tensor:
        return self.xnp.where(self.xnp.abs(x) > threshold, x, self._const(0, x))

    def tanh_shrink(self, x: Tensor, /) -> Tensor:
        return x - self.xnp.tanh(x)

    def threshold(self, x: Tensor, threshold: Tensor, default_value: Tensor, /) -> Tensor:
        return self.xnp.where(x > threshold, x, default_value)

    def elu(self, x: Tensor, alpha: float, /) -> Tensor:
        # expm1 of the clamped input: the unused branch never overflows (finite gradients).
        xnp = self.xnp
        negative = self._const(alpha, x) * xnp.expm1(xnp.minimum(x, self._const(0, x)))
        return xnp.where(x > 0, x, negative)

    def selu(self, x: Tensor, /) -> Tensor:
        return self._const(_SELU_SCALE, x) * self.elu(x, _SELU_ALPHA)

    def celu(self, x: Tensor, alpha: float, /) -> Tensor:
        xnp = self.xnp
        zero = self._const(0, x)
        a = self._const(alpha, x)
        return xnp.maximum(x, zero) + a * xnp.expm1(xnp.minimum(x, zero) / a)

    def gelu(self, x: Tensor, approximate: bool, /) -> Tensor:
        xnp = self.xnp
        half = self._const(0.5, x)
        one = self._const(1, x)
        if approximate:
            inner = self._const(_SQRT_2_OVER_PI, x) * (x + self._const(0.044715, x) * x * x * x)
            return half * x * (one + xnp.tanh(inner))
        return half * x * (one + self._erf(x / self._const(math.sqrt(2.0), x)))

    def glu(self, x: Tensor, axis: int, /) -> Tensor:
        half = x.shape[axis] // 2
        head = (slice(None),) * axis
        return x[(*head, slice(0, half))] * self.sigmoid(x[(*head, slice(half, None))])

    def squareplus(self, x: Tensor, b: Tensor, /) -> Tensor:
        return (x + self.xnp.sqrt(self.xnp.square(x) + b)) / self._const(2, x)

    def sparsemax(self, x: Tensor, axis: int, /) -> Tensor:
        xnp = self.xnp
        ordered = self._sort_descending(x, axis)
        cumulative = xnp.cumsum(ordered, axis=axis)
        shape = [1] * x.ndim
        shape[axis] = x.shape[axis]
        ranks = xnp.reshape(xnp.arange(1, x.shape[axis] + 1, dtype=x.dtype), tuple(shape))
        one = self._const(1, x)
        support = ordered - (cumulative - one) / ranks > 0
        count = xnp.sum(xnp.where(support, one, self._const(0, x)), axis=axis, keepdims=True)
        # The support is a prefix of the sorted values: its sum is the cumulative sum at k.
        total = xnp.sum(xnp.where(support, ordered, self._const(0, x)), axis=axis, keepdims=True)
        tau = (total - one) / count
        return xnp.maximum(x - tau, self._const(0, x))

    # --- softmax family ------------------------------------------------------------------

    def softmax(self, x: Tensor, axes: Axes, /) -> Tensor:
        xnp = self.xnp
        e = xnp.exp(x - self._max(x, axes, True))
        return e / xnp.sum(e, axis=axes, keepdims=True)

    def log_softmax(self, x: Tensor, axes: Axes, /) -> Tensor:
        xnp = self.xnp
        shifted = x - self._max(x, axes, True)
        return shifted - xnp.log(xnp.sum(xnp.exp(shifted), axis=axes, keepdims=True))

    # --- normalization ----------------------------------------------------------------

    def moments(self, x: Tensor, axes: Axes, keepdims: bool, /) -> tuple[Tensor, Tensor]:
        """Return the mean and the (biased) variance, from centred values."""
        xnp = self.xnp
        mean = xnp.mean(x, axis=axes, keepdims=True)
        variance = xnp.mean(xnp.square(x - mean), axis=axes, keepdims=True)
        if keepdims:
            return mean, variance
        shape = tuple(d for i, d in enumerate(x.shape) if axes is not None and i not in axes)
        return xnp.reshape(mean, shape), xnp.reshape(variance, shape)

    def batch_normalization(
        self,
        x: Tensor,
        mean: Tensor,
        variance: Tensor,
        axis: int,
        offset: Tensor | None,
        scale: Tensor | None,
        epsilon: float,
        /,
    ) -> Tensor:
        xnp = self.xnp
        shape = tuple(-1 if i == axis else 1 for i in range(x.ndim))
        inv = self._const(1, x) / xnp.sqrt(xnp.reshape(variance, shape) + self._const(epsilon, x))
        if scale is not None:
            inv = inv * xnp.reshape(scale, shape)
        shift = -xnp.reshape(mean, shape) * inv
        if offset is not None:
            shift = shift + xnp.reshape(offset, shape)
        return x * inv + shift

    def normalize(self, x: Tensor, axes: Axes, order: int, epsilon: float, /) -> Tensor:
        """Divide by the Lp norm over `axes`; a scalar `x` is read as a vector of length 1."""
        xnp = self.xnp
        if x.ndim == 0:
            x = xnp.reshape(x, (1,))
        if order == 2:
            norm = xnp.sqrt(xnp.sum(xnp.square(x), axis=axes, keepdims=True))
        elif order == 1:
            norm = xnp.sum(xnp.abs(x), axis=axes, keepdims=True)
        else:
            p = self._const(order, x)
            norm = xnp.sum(xnp.abs(x) ** p, axis=axes, keepdims=True) ** (self._const(1, x) / p)
        return x / xnp.maximum(norm, self._const(epsilon, x))

    def _along(self, value: Tensor | None, x: Tensor, axes: tuple[int, ...]) -> Tensor | None:
        """Lay a parameter shaped like the normalized axes along them (one of `x`'s rank stays)."""
        if value is None or value.ndim == x.ndim or axes == (x.ndim - 1,):
            return value
        return self.xnp.reshape(value, tuple(d if i in axes else 1 for i, d in enumerate(x.shape)))

    def layer_normalization(
        self, x: Tensor, gamma: Tensor | None, beta: Tensor | None, axes: tuple[int, ...], epsilon: float, /
    ) -> Tensor:
        mean, variance = self.moments(x, axes, True)
        inv = self._const(1, x) / self.xnp.sqrt(variance + self._const(epsilon, x))
        gamma, beta = self._along(gamma, x, axes), self._along(beta, x, axes)
        if gamma is not None:
            inv = inv * gamma
        out = (x - mean) * inv
        return out if beta is None else out + beta

    def layer_normalization_rms_scaling(
        self, x: Tensor, gamma: Tensor | None, axes: tuple[int, ...], epsilon: float, /
    ) -> Tensor:
        """Keras's deprecated `rms_scaling=True`: divide by the standard deviation, no centring."""
        _, variance = self.moments(x, axes, True)
        out = x / self.xnp.sqrt(variance + self._const(epsilon, x))
        gamma = self._along(gamma, x, axes)
        return out if gamma is None else out * gamma

    def rms_normalization(
        self, x: Tensor, scale: Tensor | None, axes: tuple[int, ...], epsilon: float, /
    ) -> Tensor:
        xnp = self.xnp
        mean_square = xnp.mean(xnp.square(x), axis=axes, keepdims=True)
        out = x / xnp.sqrt(mean_square + self._const(epsilon, x))
        return out if scale is None else out * scale

    # --- one-hot ------------------------------------------------------------------------

    def one_hot(self, x: Tensor, num_classes: int, axis: int, /) -> Tensor:
        """Return the boolean one-hot mask of `x` with the class axis at `axis` (non-negative)."""
        xnp = self.xnp
        shape = [1] * (x.ndim + 1)
        shape[axis] = num_classes
        classes = xnp.reshape(xnp.arange(num_classes, dtype=x.dtype), tuple(shape))
        expanded = xnp.reshape(x, (*x.shape[:axis], 1, *x.shape[axis:]))
        return expanded == classes

    # --- losses --------------------------------------------------------------------------

    def binary_crossentropy(
        self, target: Tensor, output: Tensor, from_logits: bool, epsilon: float, /
    ) -> Tensor:
        xnp = self.xnp
        one = self._const(1, output)
        if from_logits:
            return -target * self.log_sigmoid(output) - (one - target) * self.log_sigmoid(-output)
        output = xnp.minimum(
            xnp.maximum(output, self._const(epsilon, output)), self._const(1 - epsilon, output)
        )
        return -(target * xnp.log(output) + (one - target) * xnp.log(one - output))

    def _log_probabilities(self, output: Tensor, axis: int, from_logits: bool, epsilon: float) -> Tensor:
        xnp = self.xnp
        if from_logits:
            return self.log_softmax(output, (axis,))
        output = output / xnp.sum(output, axis=axis, keepdims=True)
        output = xnp.minimum(
            xnp.maximum(output, self._const(epsilon, output)), self._const(1 - epsilon, output)
        )
        return xnp.log(output)

    def categorical_crossentropy(
        self, target: Tensor, output: Tensor, from_logits: bool, axis: int, epsilon: float, /
    ) -> Tensor:
        log_prob = self._log_probabilities(output, axis, from_logits, epsilon)
        return -self.xnp.sum(target * log_prob, axis=axis)

    def sparse_categorical_crossentropy(
        self, target: Tensor, output: Tensor, from_logits: bool, axis: int, epsilon: float, /
    ) -> Tensor:
        """`target` holds int32 classes, shaped like `output` without `axis`."""
        log_prob = self._log_probabilities(output, axis, from_logits, epsilon)
        mask = self.one_hot(target, output.shape[axis], axis)
        return -self.xnp.sum(self.xnp.where(mask, log_prob, self._const(0, log_prob)), axis=axis)

    def psnr(self, x1: Tensor, x2: Tensor, max_val: Tensor, /) -> Tensor:
        xnp = self.xnp
        mse = xnp.mean(xnp.square(x1 - x2))
        ten = self._const(10, mse)
        return (ten + ten) * xnp.log10(max_val) - ten * xnp.log10(mse)

    # --- CTC -----------------------------------------------------------------------------

    def ctc_loss(
        self, target: Tensor, output: Tensor, target_length: Tensor, output_length: Tensor, mask_index: int, /
    ) -> Tensor:
        """Negative log-likelihood of each `target` under `output` logits, by the forward algorithm.

        `target` (B, S) and the lengths are int32, `output` (B, T, C) float. The recursion
        runs over the extended label sequence `blank, l1, blank, l2, ..., blank` in log
        space, with a finite log-zero so that impossible paths keep finite gradients.
        """
        xnp = self.xnp
        batch, steps, num_classes = output.shape
        labels = target.shape[1]
        log_probs = self.log_softmax(output, (2,))
        # ext[b, s]: blank at even s, label (s - 1) / 2 at odd s.
        blanks = xnp.full((batch, labels), mask_index, dtype=target.dtype)
        pairs = xnp.concatenate([blanks[:, :, None], target[:, :, None]], axis=2)
        ext = xnp.reshape(pairs, (batch, 2 * labels))
        ext = xnp.concatenate([ext, blanks[:, :1]], axis=1)
        one_hot = self._to_float(self.one_hot(ext, num_classes, 2), output)
        emit = xnp.matmul(log_probs, xnp.swapaxes(one_hot, 1, 2))  # (B, T, 2S + 1)
        # A label may follow the label two places before it, unless the two are equal.
        previous = xnp.concatenate([ext[:, :2], ext[:, :-2]], axis=1)
        skip = (ext != mask_index) & (ext != previous)
        zero = self._const(_CTC_LOG_ZERO, output)
        position = xnp.arange(2 * labels + 1, dtype=target.dtype)
        alpha = xnp.where(position < 2, emit[:, 0], zero)
        active = xnp.arange(steps, dtype=output_length.dtype) < xnp.reshape(output_length, (batch, 1))
        pad = xnp.full((batch, 1), _CTC_LOG_ZERO, dtype=output.dtype)

        def step(alpha: Tensor, emit_t: Tensor, active_t: Tensor) -> Tensor:
            one_back = xnp.concatenate([pad, alpha[:, :-1]], axis=1)
            two_back = xnp.where(skip, xnp.concatenate([pad, pad, alpha[:, :-2]], axis=1), zero)
            top = xnp.maximum(xnp.maximum(alpha, one_back), two_back)
            summed = xnp.exp(alpha - top) + xnp.exp(one_back - top) + xnp.exp(two_back - top)
            return xnp.where(active_t[:, None], top + xnp.log(summed) + emit_t, alpha)

        alpha = self._scan(step, alpha, xnp.swapaxes(emit, 0, 1)[1:], xnp.swapaxes(active, 0, 1)[1:])
        end = xnp.reshape(2 * target_length, (batch, 1))
        last = self._max(xnp.where(position == end, alpha, zero), (1,), False)
        before_last = self._max(xnp.where(position == end - 1, alpha, zero), (1,), False)
        return -xnp.logaddexp(last, before_last)

    def _to_float(self, mask: Tensor, like: Tensor) -> Tensor:
        return self.xnp.where(mask, self._const(1, like), self._const(0, like))

    def ctc_greedy_decode(
        self, inputs: Tensor, sequence_lengths: Tensor, merge_repeated: bool, mask_index: int, /
    ) -> tuple[Tensor, Tensor]:
        """Best class per step, repeats merged, blanks dropped and the rest moved left (-1 pads).

        Returns int32 paths (1, B, T) and the negated sum of the chosen logits (B, 1).
        """
        xnp = self.xnp
        batch, steps, _ = inputs.shape
        classes = xnp.asarray(xnp.argmax(inputs, axis=-1), dtype=sequence_lengths.dtype)
        position = xnp.arange(steps, dtype=sequence_lengths.dtype)
        in_sequence = position < xnp.reshape(sequence_lengths, (batch, 1))
        scores = xnp.where(in_sequence, self._max(inputs, (2,), False), self._const(0, inputs))
        valid = in_sequence & (classes != mask_index)
        if merge_repeated:
            first = xnp.zeros_like(valid[:, :1])
            valid = valid & ~xnp.concatenate([first, classes[:, 1:] == classes[:, :-1]], axis=1)
        # Compact the kept classes to the left: slot[b, t] is where step t's class lands.
        kept = xnp.where(valid, xnp.ones_like(position), xnp.zeros_like(position))
        slot = xnp.cumsum(kept, axis=1, dtype=kept.dtype) - 1
        lands = valid[:, :, None] & (slot[:, :, None] == position)  # (B, T step, T slot)
        chosen = xnp.where(lands, xnp.reshape(classes, (batch, steps, 1)) + 1, 0)
        decoded = xnp.sum(chosen, axis=1) - 1
        return xnp.reshape(decoded, (1, batch, steps)), -xnp.sum(scores, axis=1, keepdims=True)

    def ctc_beam_search_decode(
        self,
        log_probs: np.ndarray[Any, Any],
        sequence_lengths: np.ndarray[Any, Any],
        beam_width: int,
        top_paths: int,
        mask_index: int,
        /,
    ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        """Prefix beam search on the host (numpy in, numpy out; no gradient flows here).

        Each beam is a collapsed label sequence with two log-scores: ending in a label or
        in a blank. Returns int32 paths (top_paths, B, T), -1 padded, and their log
        probabilities (B, top_paths), best first.
        """
        batch, steps, _ = log_probs.shape
        paths = np.full((top_paths, batch, steps), -1, dtype="int32")
        scores = np.full((batch, top_paths), -np.inf, dtype=log_probs.dtype)
        for b in range(batch):
            ranked = _beam_search_one(log_probs[b, : int(sequence_lengths[b])], beam_width, mask_index)
            for k, (path, score) in enumerate(ranked[:top_paths]):
                paths[k, b, : len(path)] = path
                scores[b, k] = score
        return paths, scores

    # --- layout ---------------------------------------------------------------------------

    def depth_to_space(self, x: Tensor, block_size: int, channels_last: bool, /) -> Tensor:
        xnp = self.xnp
        r = block_size
        if channels_last:
            n, h, w, c = x.shape
            x = self._permute(xnp.reshape(x, (n, h, w, r, r, c // r**2)), (0, 1, 3, 2, 4, 5))
            return xnp.reshape(x, (n, h * r, w * r, c // r**2))
        n, c, h, w = x.shape
        x = self._permute(xnp.reshape(x, (n, c // r**2, r, r, h, w)), (0, 1, 4, 2, 5, 3))
        return xnp.reshape(x, (n, c // r**2, h * r, w * r))

    def space_to_depth(self, x: Tensor, block_size: int, channels_last: bool, /) -> Tensor:
        xnp = self.xnp
        r = block_size
        if channels_last:
            n, h, w, c = x.shape
            x = self._permute(xnp.reshape(x, (n, h // r, r, w // r, r, c)), (0, 1, 3, 2, 4, 5))
            return xnp.reshape(x, (n, h // r, w // r, c * r**2))
        n, c, h, w = x.shape
        x = self._permute(xnp.reshape(x, (n, c, h // r, r, w // r, r)), (0, 1, 3, 5, 2, 4))
        return xnp.reshape(x, (n, c * r**2, h // r, w // r))

    def polar(self, abs_: Tensor, angle: Tensor, /) -> Tensor:
        return self._complex(abs_ * self.xnp.cos(angle), abs_ * self.xnp.sin(angle))


Beams = dict[tuple[int, ...], tuple[float, float]]


def _add_to_beam(beams: Beams, path: tuple[int, ...], label_score: float, blank_score: float) -> None:
    old_label, old_blank = beams.get(path, (-np.inf, -np.inf))
    beams[path] = (np.logaddexp(old_label, label_score), np.logaddexp(old_blank, blank_score))


def _beam_search_one(
    log_probs: np.ndarray[Any, Any], beam_width: int, blank: int
) -> list[tuple[tuple[int, ...], float]]:
    """Return (path, log probability) pairs for one sequence, best first."""
    # beams[path] = (log p of ending in a label, log p of ending in a blank)
    beams: Beams = {(): (-np.inf, 0.0)}
    for step in log_probs:
        grown: Beams = {}
        for path, (label_score, blank_score) in beams.items():
            total = np.logaddexp(label_score, blank_score)
            _add_to_beam(grown, path, -np.inf, total + step[blank])
            for c, p in enumerate(step):
                if c == blank:
                    continue
                if path and path[-1] == c:
                    _add_to_beam(
                        grown, path, label_score + p, -np.inf
                    )  # the repeat merges into the same label
                    _add_to_beam(grown, (*path, c), blank_score + p, -np.inf)  # a blank separated the two
                else:
                    _add_to_beam(grown, (*path, c), total + p, -np.inf)
        ranked = sorted(grown.items(), key=lambda item: -np.logaddexp(*item[1]))
        beams = dict(ranked[:beam_width])
    return [(path, float(np.logaddexp(*scores))) for path, scores in beams.items()]
