"""Linear-algebra kernels for tensorflow: tnp has no `linalg`, so the decompositions and
solvers call `tf.linalg`. `tf.linalg.svd` returns `(s, u, v)`, and `tf.linalg.lu` a row
permutation, which is replayed as LAPACK row swaps. `jvp` uses a ForwardAccumulator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras import tree
from keras.backend._kernels.linalg import Linalg
from keras.ops._typing import Tensor


class TensorflowLinalg(Linalg):
    def cholesky(self, x: Tensor, upper: bool, /) -> Tensor:
        factor = tf.linalg.cholesky(x)  # NaNs where it fails: report that when eager
        if tf.executing_eagerly() and bool(tf.reduce_any(tf.math.is_nan(factor))):
            raise ValueError("the factor has NaN entries.")
        return self._transpose(factor) if upper else factor

    def det(self, x: Tensor, /) -> Tensor:
        return tf.linalg.det(x)

    def eig(self, x: Tensor, /) -> tuple[Tensor, Tensor]:
        values, vectors = tf.linalg.eig(x)
        return values, vectors

    def eigh(self, x: Tensor, /) -> tuple[Tensor, Tensor]:
        values, vectors = tf.linalg.eigh(x)
        return values, vectors

    def inv(self, x: Tensor, /) -> Tensor:
        return tf.linalg.inv(x)

    def lu_factor(self, x: Tensor, /) -> tuple[Tensor, Tensor]:
        if x.shape[-1] != x.shape[-2]:
            raise ValueError(
                f"lu_factor: the tensorflow backend factors square matrices only. Received: x.shape={tuple(x.shape)}"
            )
        lu, permutation = tf.linalg.lu(x, output_idx_type=tf.int32)
        m = int(x.shape[-1])
        positions = tf.range(m, dtype=tf.int32)
        arrangement = tf.broadcast_to(positions, tf.shape(permutation))
        pivots = []
        for i in range(m):
            wanted = permutation[..., i : i + 1]
            j = tf.argmax(tf.cast(tf.equal(arrangement, wanted), tf.int32), axis=-1, output_type=tf.int32)
            pivots.append(j)
            at_i = arrangement[..., i : i + 1]
            arrangement = tf.where(
                tf.equal(positions, j[..., None]), at_i, tf.where(tf.equal(positions, i), wanted, arrangement)
            )
        return lu, tf.stack(pivots, axis=-1)

    def qr(self, x: Tensor, mode: str, /) -> tuple[Tensor, Tensor]:
        q, r = tf.linalg.qr(x, full_matrices=mode == "complete")
        return q, r

    def svd(self, x: Tensor, full_matrices: bool, compute_uv: bool, /) -> Any:
        if not compute_uv:
            return tf.linalg.svd(x, compute_uv=False)
        s, u, v = tf.linalg.svd(x, full_matrices=full_matrices)
        return u, s, self._transpose(v)

    def _solve(self, a: Tensor, b: Tensor) -> Tensor:
        return tf.linalg.solve(a, b)

    def _solve_triangular(self, a: Tensor, b: Tensor, lower: bool) -> Tensor:
        return tf.linalg.triangular_solve(a, b, lower=lower)

    def jvp(
        self,
        fun: Callable[..., Any],
        primals: tuple[Tensor, ...],
        tangents: tuple[Tensor, ...],
        has_aux: bool,
        /,
    ) -> tuple[Any, ...]:
        with tf.autodiff.ForwardAccumulator(list(primals), list(tangents)) as accumulator:
            outputs = fun(*primals)
            primals_out, aux = outputs if has_aux else (outputs, None)
            tangents_out = tree.map_structure(
                lambda y: accumulator.jvp(y, unconnected_gradients=tf.UnconnectedGradients.ZERO), primals_out
            )
        return (primals_out, tangents_out, aux) if has_aux else (primals_out, tangents_out)


KERNELS = TensorflowLinalg(tnp)
