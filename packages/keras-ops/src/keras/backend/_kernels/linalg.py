"""Linear-algebra kernels (`keras.ops.linalg`) for numpy-like modules.

Matrices arrive as float tensors of one dtype, already checked for rank and shape by
the ops; right-hand sides arrive as matrices (a vector `b` is given a trailing axis by
the op). `pinv`, `lstsq`, `matrix_rank` and the matrix norms are written once on top of
the singular value decomposition, so their tolerances mean the same on every backend.
LU pivots follow LAPACK: `pivots[..., i]` is the 0-based row swapped with row `i`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from keras.ops._typing import Tensor

Norm = float | str | None


class Linalg:
    """Decompositions, solvers and norms of (batches of) matrices."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp

    # --- helpers a backend may override ------------------------------------------------

    def _transpose(self, x: Tensor) -> Tensor:
        """Swap the last two axes."""
        return self.xnp.swapaxes(x, -1, -2)

    def _broadcast_batch(self, a: Tensor, b: Tensor) -> tuple[Tensor, Tensor]:
        """Broadcast the batch axes of a matrix `a` and a right-hand side matrix `b`."""
        batch = np.broadcast_shapes(tuple(a.shape[:-2]), tuple(b.shape[:-2]))
        xnp = self.xnp
        return xnp.broadcast_to(a, batch + tuple(a.shape[-2:])), xnp.broadcast_to(
            b, batch + tuple(b.shape[-2:])
        )

    def _identity_like(self, x: Tensor) -> Tensor:
        eye = self.xnp.eye(int(x.shape[-1]), dtype=x.dtype)
        return self.xnp.broadcast_to(eye, tuple(x.shape))

    # --- decompositions ------------------------------------------------------------------

    def cholesky(self, x: Tensor, upper: bool, /) -> Tensor:
        factor = self.xnp.linalg.cholesky(x)
        return self._transpose(factor) if upper else factor

    def cholesky_inverse(self, x: Tensor, upper: bool, /) -> Tensor:
        """Return the inverse of `A` from its Cholesky factor `x` (`A = x x^T`, or `x^T x` if `upper`)."""
        inverse_factor = self.solve_triangular(x, self._identity_like(x), not upper)
        if upper:
            return self.xnp.matmul(inverse_factor, self._transpose(inverse_factor))
        return self.xnp.matmul(self._transpose(inverse_factor), inverse_factor)

    def det(self, x: Tensor, /) -> Tensor:
        return self.xnp.linalg.det(x)

    def eig(self, x: Tensor, /) -> tuple[Tensor, Tensor]:
        values, vectors = self.xnp.linalg.eig(x)
        return values, vectors

    def eigh(self, x: Tensor, /) -> tuple[Tensor, Tensor]:
        values, vectors = self.xnp.linalg.eigh(x)
        return values, vectors

    def inv(self, x: Tensor, /) -> Tensor:
        return self.xnp.linalg.inv(x)

    def lu_factor(self, x: Tensor, /) -> tuple[Tensor, Tensor]:
        """LU with partial pivoting, by row operations on a copy (numpy arrays only)."""
        lu = np.array(x, copy=True)
        m, n = lu.shape[-2:]
        batch = lu.reshape((-1, m, n))
        rows = np.arange(batch.shape[0])
        pivots = np.zeros((batch.shape[0], min(m, n)), dtype=np.int32)
        for i in range(min(m, n)):
            pivot = i + np.argmax(np.abs(batch[:, i:, i]), axis=1)
            pivots[:, i] = pivot
            swapped = batch[rows, pivot].copy()
            batch[rows, pivot] = batch[:, i]
            batch[:, i] = swapped
            head = batch[:, i, i : i + 1]
            safe = np.where(head == 0, 1, head)
            batch[:, i + 1 :, i] = np.where(head == 0, 0, batch[:, i + 1 :, i] / safe)
            batch[:, i + 1 :, i + 1 :] -= batch[:, i + 1 :, i, None] * batch[:, i, None, i + 1 :]
        return batch.reshape(lu.shape), pivots.reshape((*lu.shape[:-2], min(m, n)))

    def qr(self, x: Tensor, mode: str, /) -> tuple[Tensor, Tensor]:
        q, r = self.xnp.linalg.qr(x, mode=mode)
        return q, r

    def svd(self, x: Tensor, full_matrices: bool, compute_uv: bool, /) -> Any:
        """Return `(u, s, vh)` with `x = u @ diag(s) @ vh`, or only `s` without `compute_uv`."""
        return self.xnp.linalg.svd(x, full_matrices=full_matrices, compute_uv=compute_uv)

    # --- solvers -------------------------------------------------------------------------

    def solve(self, a: Tensor, b: Tensor, /) -> Tensor:
        """Solve `a @ x = b` for `x`; `b` is a matrix whose batch axes broadcast with `a`'s."""
        return self._solve(*self._broadcast_batch(a, b))

    def _solve(self, a: Tensor, b: Tensor) -> Tensor:
        return self.xnp.linalg.solve(a, b)

    def solve_triangular(self, a: Tensor, b: Tensor, lower: bool, /) -> Tensor:
        """Solve `a @ x = b` reading only the lower (or upper) triangle of `a`."""
        return self._solve_triangular(*self._broadcast_batch(a, b), lower)

    def _solve_triangular(self, a: Tensor, b: Tensor, lower: bool) -> Tensor:
        triangle = self.xnp.tril(a) if lower else self.xnp.triu(a)
        return self.xnp.linalg.solve(triangle, b)

    def pinv(self, x: Tensor, rcond: float, /) -> Tensor:
        """Pseudo-inverse; singular values at most `rcond * max(s)` count as zero."""
        xnp = self.xnp
        u, s, vh = self.svd(x, False, True)
        keep = s > rcond * xnp.amax(s, axis=-1, keepdims=True)
        inverse = xnp.where(keep, 1 / xnp.where(keep, s, xnp.ones_like(s)), xnp.zeros_like(s))
        return xnp.matmul(self._transpose(vh) * inverse[..., None, :], self._transpose(u))

    def lstsq(self, a: Tensor, b: Tensor, rcond: float, /) -> Tensor:
        return self.xnp.matmul(self.pinv(a, rcond), b)

    def matrix_rank(self, x: Tensor, tol: float | None, rtol: float, /) -> Tensor:
        """Count singular values above `tol`, or above `rtol * max(s)` when `tol` is None."""
        xnp = self.xnp
        s = self.svd(x, False, False)
        threshold = rtol * xnp.amax(s, axis=-1, keepdims=True) if tol is None else tol
        return xnp.sum(xnp.where(s > threshold, xnp.ones_like(s), xnp.zeros_like(s)), axis=-1)

    # --- norms ---------------------------------------------------------------------------

    def vector_norm(self, x: Tensor, ord: Norm, axes: tuple[int, ...] | None, keepdims: bool, /) -> Tensor:
        """The `ord`-norm over `axes` (all axes when None) taken as one flat vector."""
        xnp = self.xnp
        if ord is None or ord == 2:
            return xnp.sqrt(xnp.sum(x * x, axis=axes, keepdims=keepdims))
        magnitude = xnp.abs(x)
        if ord == float("inf"):
            return xnp.amax(magnitude, axis=axes, keepdims=keepdims)
        if ord == float("-inf"):
            return xnp.amin(magnitude, axis=axes, keepdims=keepdims)
        if ord == 0:
            nonzero = xnp.where(x != 0, xnp.ones_like(x), xnp.zeros_like(x))
            return xnp.sum(nonzero, axis=axes, keepdims=keepdims)
        if ord == 1:
            return xnp.sum(magnitude, axis=axes, keepdims=keepdims)
        power = float(ord)
        return xnp.sum(magnitude**power, axis=axes, keepdims=keepdims) ** (1.0 / power)

    def matrix_norm(self, x: Tensor, ord: Norm, axes: tuple[int, int], keepdims: bool, /) -> Tensor:
        """The `ord` matrix norm of the matrices spanning `axes` (rows axis, columns axis)."""
        xnp = self.xnp
        rows, cols = axes
        kept = tuple(1 if i in axes else int(d) for i, d in enumerate(x.shape))
        if ord in (None, "fro"):
            result = xnp.sqrt(xnp.sum(x * x, axis=axes, keepdims=True))
        elif ord in (1, -1, float("inf"), float("-inf")):
            summed, other = (rows, cols) if ord in (1, -1) else (cols, rows)
            sums = xnp.sum(xnp.abs(x), axis=summed, keepdims=True)
            extremum = xnp.amax if ord in (1, float("inf")) else xnp.amin
            result = extremum(sums, axis=other, keepdims=True)
        else:
            s = self.svd(xnp.moveaxis(x, axes, (-2, -1)), False, False)
            reduce: Callable[..., Tensor] = {"nuc": xnp.sum, 2: xnp.amax, -2: xnp.amin}[ord]
            result = reduce(s, axis=-1)
        if keepdims:
            return xnp.reshape(result, kept)
        return xnp.reshape(result, tuple(d for i, d in enumerate(kept) if i not in axes))

    # --- forward-mode differentiation ----------------------------------------------------

    def jvp(
        self,
        fun: Callable[..., Any],
        primals: tuple[Tensor, ...],
        tangents: tuple[Tensor, ...],
        has_aux: bool,
        /,
    ) -> tuple[Any, ...]:
        raise NotImplementedError(
            "jvp: the numpy backend has no automatic differentiation. "
            "Use the jax, torch or tensorflow backend to compute Jacobian-vector products."
        )
