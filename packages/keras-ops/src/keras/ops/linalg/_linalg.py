"""Linear-algebra ops (`keras.ops.linalg`): decompositions, solvers, norms and `jvp`.

Every op works on the last two axes and maps over any leading batch axes. Integer and
boolean inputs compute in `floatx()`; float16 and bfloat16 inputs compute in float32 (no
backend factors half-precision matrices everywhere) and come back in their own dtype.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

import numpy as np

from keras import tree
from keras.backend._active import K
from keras.backend._dtypes import float_result, result_type
from keras.ops._convert import convert, default_dtype, promotion_type
from keras.ops._keras_tensor import KerasTensor
from keras.ops._op import op
from keras.ops._rules import broadcast_shapes, canonical_axes, reduced_shape
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Axis, Shape, Tensor

__all__ = [
    "cholesky",
    "cholesky_inverse",
    "det",
    "eig",
    "eigh",
    "inv",
    "jvp",
    "lstsq",
    "lu_factor",
    "matrix_rank",
    "norm",
    "pinv",
    "qr",
    "solve",
    "solve_triangular",
    "svd",
]

_HALF = ("float16", "bfloat16")
_INF = float("inf")
_MATRIX_ORDS: tuple[Any, ...] = (None, "fro", "nuc", _INF, -_INF, 1, -1, 2, -2)


# --- dtypes and shapes --------------------------------------------------------------------


def _float_dtype(*xs: Any) -> str:
    """The float dtype of the result: the promoted input dtype, ints and bool as `floatx()`."""
    return float_result(result_type(*(promotion_type(x) for x in xs)))


def _compute_dtype(dtype: str) -> str:
    return "float32" if dtype in _HALF else dtype


def _prepare(*xs: Any) -> tuple[str, list[Tensor]]:
    """Return the result dtype and the arguments as tensors of the dtype they compute in."""
    dtype = _float_dtype(*xs)
    compute = _compute_dtype(dtype)
    return dtype, [convert(x, compute) for x in xs]


def _finish(result: Tensor, dtype: str) -> Tensor:
    return result if dtype not in _HALF else convert(result, dtype)


def _eps(dtype: str) -> float:
    return float(np.finfo(_compute_dtype(dtype)).eps)


def _matrices(name: str, shape: Shape, square: bool = False, arg: str = "x") -> None:
    """Check that `shape` holds (square) matrices in its last two axes."""
    if len(shape) < 2:
        raise ValueError(
            f"{name}: expected `{arg}` to have rank >= 2 (a matrix or a batch of matrices). "
            f"Received: {arg}.shape={shape}"
        )
    m, n = shape[-2:]
    if square and m is not None and n is not None and m != n:
        raise ValueError(f"{name}: expected square matrices. Received: {arg}.shape={shape}")


def _square_rule(name: str) -> Callable[..., Spec]:
    def rule(x: Any) -> Spec:
        spec = as_spec(x)
        _matrices(name, spec.shape, square=True)
        return Spec(spec.shape, _float_dtype(spec))

    return rule


def _square_input(name: str, x: ArrayLike) -> tuple[str, Tensor]:
    dtype, (t,) = _prepare(x)
    _matrices(name, tuple(t.shape), square=True)
    return dtype, t


# --- decompositions -----------------------------------------------------------------------


@op(_square_rule("cholesky"))
def cholesky(x: ArrayLike, upper: bool = False) -> Tensor:
    """Return the Cholesky factor of symmetric positive-definite matrices.

    Args:
        x: Input tensor of shape `(..., M, M)`.
        upper: Whether to return the upper factor `U` (`x = U^T U`) instead of the
            lower factor `L` (`x = L L^T`). Defaults to `False`.

    Returns:
        A float tensor of shape `(..., M, M)`.

    Raises:
        ValueError: If `x` is not a batch of square matrices, or the factorization
            fails because `x` is not positive-definite.

    Example:

    >>> keras.ops.linalg.cholesky(np.array([[4.0, 2.0], [2.0, 5.0]], dtype="float32"))
    array([[2., 0.],
           [1., 2.]], dtype=float32)
    """
    dtype, t = _square_input("cholesky", x)
    try:
        factor = K.linalg.cholesky(t, upper)
    except Exception as error:
        raise ValueError(
            f"cholesky: the factorization failed; the input must be symmetric positive-definite. {error}"
        ) from error
    return _finish(factor, dtype)


@op(_square_rule("cholesky_inverse"))
def cholesky_inverse(x: ArrayLike, upper: bool = False) -> Tensor:
    """Return the inverse of a matrix `A` given its Cholesky factor `x`.

    Args:
        x: The Cholesky factor of `A`, of shape `(..., M, M)`: lower triangular
            (`A = x x^T`), or upper triangular when `upper` (`A = x^T x`).
        upper: Whether `x` is the upper factor. Defaults to `False`.

    Returns:
        A float tensor of shape `(..., M, M)`: the inverse of `A`.

    Raises:
        ValueError: If `x` is not a batch of square matrices.

    Example:

    >>> factor = np.array([[2.0, 0.0], [1.0, 2.0]], dtype="float32")
    >>> keras.ops.linalg.cholesky_inverse(factor)
    array([[ 0.3125, -0.125 ],
           [-0.125 ,  0.25  ]], dtype=float32)
    """
    dtype, t = _square_input("cholesky_inverse", x)
    return _finish(K.linalg.cholesky_inverse(t, upper), dtype)


def _det_rule(x: Any) -> Spec:
    spec = as_spec(x)
    _matrices("det", spec.shape, square=True)
    return Spec(spec.shape[:-2], _float_dtype(spec))


@op(_det_rule)
def det(x: ArrayLike) -> Tensor:
    """Return the determinants of square matrices.

    Args:
        x: Input tensor of shape `(..., M, M)`.

    Returns:
        A float tensor of shape `(...)`.

    Raises:
        ValueError: If `x` is not a batch of square matrices.

    Example:

    >>> keras.ops.linalg.det(np.array([[1.0, 2.0], [3.0, 4.0]], dtype="float32"))
    np.float32(-2.0)
    """
    dtype, t = _square_input("det", x)
    return _finish(K.linalg.det(t), dtype)


def _complex_dtype(dtype: str) -> str:
    return "complex128" if dtype == "float64" else "complex64"


def _eig_rule(x: Any) -> tuple[Spec, Spec]:
    spec = as_spec(x)
    _matrices("eig", spec.shape, square=True)
    dtype = _complex_dtype(_float_dtype(spec))
    return Spec(spec.shape[:-1], dtype), Spec(spec.shape, dtype)


@op(_eig_rule)
def eig(x: ArrayLike) -> tuple[Tensor, Tensor]:
    """Return the eigenvalues and right eigenvectors of general square matrices.

    Args:
        x: Input tensor of shape `(..., M, M)`.

    Returns:
        A tuple `(values, vectors)` of complex tensors (complex64, or complex128 for
        float64 under a float64 `floatx()`) of shapes `(..., M)` and `(..., M, M)`;
        column `vectors[..., :, i]` belongs to `values[..., i]`.

    Raises:
        ValueError: If `x` is not a batch of square matrices.

    Example:

    >>> values, vectors = keras.ops.linalg.eig(np.diag([2.0, 3.0]).astype("float32"))
    >>> values
    array([2.+0.j, 3.+0.j], dtype=complex64)
    """
    dtype, t = _square_input("eig", x)
    values, vectors = K.linalg.eig(t)
    complex_dtype = _complex_dtype(dtype)
    return convert(values, complex_dtype), convert(vectors, complex_dtype)


def _eigh_rule(x: Any) -> tuple[Spec, Spec]:
    spec = as_spec(x)
    _matrices("eigh", spec.shape, square=True)
    dtype = _float_dtype(spec)
    return Spec(spec.shape[:-1], dtype), Spec(spec.shape, dtype)


@op(_eigh_rule)
def eigh(x: ArrayLike) -> tuple[Tensor, Tensor]:
    """Return the eigenvalues and eigenvectors of symmetric matrices.

    Only the lower triangle of `x` is read.

    Args:
        x: Input tensor of shape `(..., M, M)`.

    Returns:
        A tuple `(values, vectors)` of float tensors of shapes `(..., M)` (in ascending
        order) and `(..., M, M)` (orthonormal columns).

    Raises:
        ValueError: If `x` is not a batch of square matrices.

    Example:

    >>> values, vectors = keras.ops.linalg.eigh(np.array([[2.0, 1.0], [1.0, 2.0]], dtype="float32"))
    >>> values
    array([1., 3.], dtype=float32)
    """
    dtype, t = _square_input("eigh", x)
    values, vectors = K.linalg.eigh(t)
    return _finish(values, dtype), _finish(vectors, dtype)


@op(_square_rule("inv"))
def inv(x: ArrayLike) -> Tensor:
    """Return the inverses of square matrices.

    Args:
        x: Input tensor of shape `(..., M, M)`.

    Returns:
        A float tensor of shape `(..., M, M)`.

    Raises:
        ValueError: If `x` is not a batch of square matrices.

    Example:

    >>> keras.ops.linalg.inv(np.array([[2.0, 0.0], [0.0, 4.0]], dtype="float32"))
    array([[0.5 , 0.  ],
           [0.  , 0.25]], dtype=float32)
    """
    dtype, t = _square_input("inv", x)
    return _finish(K.linalg.inv(t), dtype)


def _min_dim(m: int | None, n: int | None) -> int | None:
    return None if m is None or n is None else min(m, n)


def _lu_factor_rule(x: Any) -> tuple[Spec, Spec]:
    spec = as_spec(x)
    _matrices("lu_factor", spec.shape)
    m, n = spec.shape[-2:]
    return Spec(spec.shape, _float_dtype(spec)), Spec((*spec.shape[:-2], _min_dim(m, n)), "int32")


@op(_lu_factor_rule)
def lu_factor(x: ArrayLike) -> tuple[Tensor, Tensor]:
    """Return the LU factorization of matrices, with partial pivoting.

    Args:
        x: Input tensor of shape `(..., M, N)` (square on the tensorflow backend).

    Returns:
        A tuple `(lu, pivots)`: `lu` of shape `(..., M, N)` holds `U` in its upper
        triangle and the strictly lower part of the unit-diagonal `L` below it;
        `pivots` (int32, shape `(..., min(M, N))`) says that row `i` was swapped with
        row `pivots[..., i]`, in order, as LAPACK's `getrf` (0-based).

    Raises:
        ValueError: If `x` has rank below 2.

    Example:

    >>> lu, pivots = keras.ops.linalg.lu_factor(np.array([[1.0, 2.0], [4.0, 2.0]], dtype="float32"))
    >>> pivots
    array([1, 1], dtype=int32)
    """
    dtype, (t,) = _prepare(x)
    _matrices("lu_factor", tuple(t.shape))
    lu, pivots = K.linalg.lu_factor(t)
    return _finish(lu, dtype), convert(pivots, "int32")


def _qr_layout(shape: Shape, mode: str) -> tuple[Shape, Shape]:
    if mode not in ("reduced", "complete"):
        raise ValueError(f"qr: `mode` must be 'reduced' or 'complete'. Received: mode={mode!r}")
    _matrices("qr", shape)
    m, n = shape[-2:]
    batch = shape[:-2]
    if mode == "complete":
        return (*batch, m, m), (*batch, m, n)
    k = _min_dim(m, n)
    return (*batch, m, k), (*batch, k, n)


def _qr_rule(x: Any, mode: str = "reduced") -> tuple[Spec, Spec]:
    spec = as_spec(x)
    q_shape, r_shape = _qr_layout(spec.shape, mode)
    dtype = _float_dtype(spec)
    return Spec(q_shape, dtype), Spec(r_shape, dtype)


@op(_qr_rule)
def qr(x: ArrayLike, mode: Literal["reduced", "complete"] = "reduced") -> tuple[Tensor, Tensor]:
    """Return the QR decomposition `x = q @ r` of matrices.

    Args:
        x: Input tensor of shape `(..., M, N)`.
        mode: `"reduced"` gives `q` of shape `(..., M, K)` and `r` of shape
            `(..., K, N)` with `K = min(M, N)`; `"complete"` gives `q` of shape
            `(..., M, M)` and `r` of shape `(..., M, N)`. Defaults to `"reduced"`.

    Returns:
        A tuple `(q, r)`: `q` has orthonormal columns, `r` is upper triangular.

    Raises:
        ValueError: If `mode` is unknown or `x` has rank below 2.

    Example:

    >>> q, r = keras.ops.linalg.qr(np.array([[3.0, 1.0], [4.0, 2.0]], dtype="float32"))
    >>> np.allclose(q @ r, [[3.0, 1.0], [4.0, 2.0]], atol=1e-6)
    True
    """
    dtype, (t,) = _prepare(x)
    _qr_layout(tuple(t.shape), mode)
    q, r = K.linalg.qr(t, mode)
    return _finish(q, dtype), _finish(r, dtype)


def _svd_layout(shape: Shape, full_matrices: bool) -> tuple[Shape, Shape, Shape]:
    _matrices("svd", shape)
    m, n = shape[-2:]
    batch = shape[:-2]
    k = _min_dim(m, n)
    if full_matrices:
        return (*batch, m, m), (*batch, k), (*batch, n, n)
    return (*batch, m, k), (*batch, k), (*batch, k, n)


def _svd_rule(x: Any, full_matrices: bool = True, compute_uv: bool = True) -> Any:
    spec = as_spec(x)
    u, s, vh = _svd_layout(spec.shape, full_matrices)
    dtype = _float_dtype(spec)
    if not compute_uv:
        return Spec(s, dtype)
    return Spec(u, dtype), Spec(s, dtype), Spec(vh, dtype)


@op(_svd_rule)
def svd(x: ArrayLike, full_matrices: bool = True, compute_uv: bool = True) -> Any:
    """Return the singular value decomposition `x = u @ diag(s) @ vh` of matrices.

    Args:
        x: Input tensor of shape `(..., M, N)`.
        full_matrices: Whether `u` and `vh` are square (`(..., M, M)` and
            `(..., N, N)`) rather than `(..., M, K)` and `(..., K, N)`, with
            `K = min(M, N)`. Defaults to `True`.
        compute_uv: Whether to return `u` and `vh` as well as `s`. Defaults to `True`.

    Returns:
        The tuple `(u, s, vh)`, or `s` alone without `compute_uv`; `s` (shape
        `(..., K)`) is in descending order.

    Raises:
        ValueError: If `x` has rank below 2.

    Example:

    >>> keras.ops.linalg.svd(np.diag([1.0, 3.0]).astype("float32"), compute_uv=False)
    array([3., 1.], dtype=float32)
    """
    dtype, (t,) = _prepare(x)
    _svd_layout(tuple(t.shape), full_matrices)
    if not compute_uv:
        return _finish(K.linalg.svd(t, full_matrices, False), dtype)
    u, s, vh = K.linalg.svd(t, full_matrices, True)
    return _finish(u, dtype), _finish(s, dtype), _finish(vh, dtype)


# --- solvers ------------------------------------------------------------------------------


def _system_shape(name: str, a: Shape, b: Shape) -> tuple[Shape, bool]:
    """Check `a @ x = b` and return the shape of `x` and whether `b` is a (batch of) vector(s)."""
    _matrices(name, a, square=True, arg="a")
    if not b:
        raise ValueError(f"{name}: expected `b` to have rank >= 1. Received: b.shape={b}")
    vector = len(b) == 1 or len(b) == len(a) - 1
    rows = b[-1] if vector else b[-2]
    if a[-1] is not None and rows is not None and a[-1] != rows:
        raise ValueError(
            f"{name}: the rows of `b` ({rows}) must match the size of `a` ({a[-1]}). "
            f"Received: a.shape={a}, b.shape={b}"
        )
    try:
        batch = broadcast_shapes(a[:-2], b[:-1] if vector else b[:-2])
    except ValueError:
        raise ValueError(
            f"{name}: the batch axes of `a` and `b` do not broadcast. Received: a.shape={a}, b.shape={b}"
        ) from None
    return ((*batch, rows) if vector else (*batch, *b[-2:])), vector


def _system_rule(name: str) -> Callable[..., Spec]:
    def rule(a: Any, b: Any) -> Spec:
        sa, sb = as_spec(a), as_spec(b)
        shape, _ = _system_shape(name, sa.shape, sb.shape)
        return Spec(shape, _float_dtype(sa, sb))

    return rule


def _solve_with(name: str, a: ArrayLike, b: ArrayLike, kernel: Callable[[Tensor, Tensor], Tensor]) -> Tensor:
    dtype, (ta, tb) = _prepare(a, b)
    _, vector = _system_shape(name, tuple(ta.shape), tuple(tb.shape))
    result = kernel(ta, tb[..., None] if vector else tb)
    return _finish(result[..., 0] if vector else result, dtype)


@op(_system_rule("solve"))
def solve(a: ArrayLike, b: ArrayLike) -> Tensor:
    """Solve the linear systems `a @ x = b` for `x`.

    Args:
        a: Coefficient matrices, of shape `(..., M, M)`.
        b: Right-hand sides: vectors of shape `(..., M)` (when `b` is 1-D or has one
            axis fewer than `a`) or matrices of shape `(..., M, N)`. Batch axes broadcast.

    Returns:
        A float tensor `x` of `b`'s shape (with broadcast batch axes).

    Raises:
        ValueError: If `a` is not a batch of square matrices or `b` does not match it.

    Example:

    >>> a = np.array([[2.0, 0.0], [0.0, 4.0]], dtype="float32")
    >>> keras.ops.linalg.solve(a, np.array([2.0, 2.0], dtype="float32"))
    array([1. , 0.5], dtype=float32)
    """
    return _solve_with("solve", a, b, K.linalg.solve)


@op(_system_rule("solve_triangular"))
def solve_triangular(a: ArrayLike, b: ArrayLike, lower: bool = False) -> Tensor:
    """Solve `a @ x = b` for `x`, reading only one triangle of `a`.

    Args:
        a: Triangular coefficient matrices, of shape `(..., M, M)`.
        b: Right-hand sides, vectors `(..., M)` or matrices `(..., M, N)` (as `solve`).
        lower: Whether to use the lower triangle of `a` (otherwise the upper one).
            Defaults to `False`.

    Returns:
        A float tensor `x` of `b`'s shape (with broadcast batch axes).

    Raises:
        ValueError: If `a` is not a batch of square matrices or `b` does not match it.

    Example:

    >>> a = np.array([[1.0, 0.0], [2.0, 1.0]], dtype="float32")
    >>> keras.ops.linalg.solve_triangular(a, np.array([1.0, 4.0], dtype="float32"), lower=True)
    array([1., 2.], dtype=float32)
    """
    return _solve_with("solve_triangular", a, b, lambda ta, tb: K.linalg.solve_triangular(ta, tb, lower))


def _lstsq_shape(a: Shape, b: Shape) -> Shape:
    if len(a) != 2:
        raise ValueError(f"lstsq: expected `a` to have rank 2. Received: a.shape={a}")
    if len(b) not in (1, 2):
        raise ValueError(f"lstsq: expected `b` to have rank 1 or 2. Received: b.shape={b}")
    if a[0] is not None and b[0] is not None and a[0] != b[0]:
        raise ValueError(f"lstsq: `b.shape[0]` must equal `a.shape[0]`. Received: a.shape={a}, b.shape={b}")
    return (a[1], *b[1:])


def _lstsq_rule(a: Any, b: Any) -> Spec:
    sa, sb = as_spec(a), as_spec(b)
    return Spec(_lstsq_shape(sa.shape, sb.shape), _float_dtype(sa, sb))


@op(_lstsq_rule)
def lstsq(a: ArrayLike, b: ArrayLike, rcond: float | None = None) -> Tensor:
    """Return the least-squares solution `x` minimizing `|a @ x - b|`.

    Args:
        a: Coefficient matrix of shape `(M, N)`.
        b: Right-hand side, of shape `(M,)` or `(M, K)`.
        rcond: Singular values of `a` at most `rcond` times the largest count as zero.
            Defaults to `None`: machine epsilon times `max(M, N)`.

    Returns:
        A float tensor of shape `(N,)` or `(N, K)`; the minimum-norm solution when `a`
        is rank-deficient.

    Raises:
        ValueError: If the ranks or the row counts of `a` and `b` do not fit.

    Example:

    >>> a = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], dtype="float32")
    >>> keras.ops.linalg.lstsq(a, np.array([1.0, 1.0, 2.0], dtype="float32"))
    array([1., 1.], dtype=float32)
    """
    dtype, (ta, tb) = _prepare(a, b)
    shape_a = tuple(ta.shape)
    _lstsq_shape(shape_a, tuple(tb.shape))
    cutoff = _eps(dtype) * max(shape_a) if rcond is None else float(rcond)
    vector = tb.ndim == 1
    result = K.linalg.lstsq(ta, tb[:, None] if vector else tb, cutoff)
    return _finish(result[:, 0] if vector else result, dtype)


def _matrix_rank_rule(x: Any) -> Spec:
    spec = as_spec(x)
    _matrices("matrix_rank", spec.shape)
    return Spec(spec.shape[:-2], "int32")


@op(_matrix_rank_rule)
def matrix_rank(x: ArrayLike, tol: float | None = None) -> Tensor:
    """Return the ranks of matrices: how many singular values exceed a tolerance.

    Args:
        x: Input tensor of shape `(..., M, N)`.
        tol: The absolute threshold. Defaults to `None`: the largest singular value
            times `max(M, N)` times machine epsilon.

    Returns:
        An int32 tensor of shape `(...)`.

    Raises:
        ValueError: If `x` has rank below 2.

    Example:

    >>> keras.ops.linalg.matrix_rank(np.array([[1.0, 2.0], [2.0, 4.0]], dtype="float32"))
    array(1, dtype=int32)
    """
    dtype, (t,) = _prepare(x)
    shape = tuple(t.shape)
    _matrices("matrix_rank", shape)
    rank = K.linalg.matrix_rank(t, None if tol is None else float(tol), _eps(dtype) * max(shape[-2:]))
    return convert(rank, "int32")


def _pinv_rule(x: Any) -> Spec:
    spec = as_spec(x)
    _matrices("pinv", spec.shape)
    m, n = spec.shape[-2:]
    return Spec((*spec.shape[:-2], n, m), _float_dtype(spec))


@op(_pinv_rule)
def pinv(x: ArrayLike, rcond: float | None = None) -> Tensor:
    """Return the Moore-Penrose pseudo-inverses of matrices.

    Args:
        x: Input tensor of shape `(..., M, N)`.
        rcond: Singular values at most `rcond` times the largest count as zero.
            Defaults to `None`: `10 * max(M, N)` times machine epsilon.

    Returns:
        A float tensor of shape `(..., N, M)`.

    Raises:
        ValueError: If `x` has rank below 2.

    Example:

    >>> keras.ops.linalg.pinv(np.array([[2.0, 0.0], [0.0, 0.0]], dtype="float32"))
    array([[0.5, 0. ],
           [0. , 0. ]], dtype=float32)
    """
    dtype, (t,) = _prepare(x)
    shape = tuple(t.shape)
    _matrices("pinv", shape)
    cutoff = 10 * _eps(dtype) * max(shape[-2:]) if rcond is None else float(rcond)
    return _finish(K.linalg.pinv(t, cutoff), dtype)


# --- norms --------------------------------------------------------------------------------


def _norm_axes(ord: Any, axis: Axis, ndim: int) -> tuple[int, ...] | None:
    """Check `ord` against `axis`; return the canonical axes (None: a flat 2-norm of all)."""
    if isinstance(ord, str) and ord not in ("fro", "nuc"):
        raise ValueError(f"norm: a string `ord` must be 'fro' or 'nuc'. Received: ord={ord!r}")
    axes = canonical_axes(axis, ndim, "norm")
    if axes is None:
        if ord is None:
            return None
        if ndim not in (1, 2):
            raise ValueError(
                f"norm: with `ord` set and `axis=None`, the input must have rank 1 or 2. "
                f"Received: ord={ord!r}, rank {ndim}"
            )
        axes = tuple(range(ndim))
    if len(axes) == 1 and isinstance(ord, str):
        raise ValueError(
            f"norm: ord={ord!r} is a matrix norm, but one axis was given. Received: axis={axis!r}"
        )
    if len(axes) == 2 and ord not in _MATRIX_ORDS:
        raise ValueError(f"norm: matrix norms take `ord` in {_MATRIX_ORDS}. Received: ord={ord!r}")
    if len(axes) > 2:
        raise ValueError(f"norm: `axis` must name one or two axes. Received: axis={axis!r}")
    if len(axes) == 2 and isinstance(axis, Sequence) and canonical_axes(axis[0], ndim, "norm") != axes[:1]:
        return axes[1], axes[0]  # keep the caller's (rows, columns) order
    return axes


def _norm_rule(x: Any, ord: Any = None, axis: Axis = None, keepdims: bool = False) -> Spec:
    spec = as_spec(x)
    _norm_axes(ord, axis, spec.ndim)
    return Spec(reduced_shape(spec.shape, axis, keepdims, "norm"), _float_dtype(spec))


@op(_norm_rule)
def norm(x: ArrayLike, ord: float | str | None = None, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return vector or matrix norms of `x`.

    With one axis (or a 1-D `x` and `axis=None`), `ord` picks a vector norm: `None`
    or 2 (Euclidean), `inf` / `-inf` (largest / smallest magnitude), 0 (count of
    non-zeros), or any other number `p` (`sum(|x|**p) ** (1/p)`). With two axes (or a
    2-D `x`), a matrix norm: `None` or `"fro"` (Frobenius), `"nuc"` (sum of singular
    values), 1 / -1 (largest / smallest column sum of magnitudes), `inf` / `-inf`
    (largest / smallest row sum), 2 / -2 (largest / smallest singular value). With
    `ord=None` and `axis=None`, the Euclidean norm of all elements.

    Args:
        x: Input tensor.
        ord: The order of the norm, as above. Defaults to `None`.
        axis: An axis (vector norms) or a pair of axes (rows, columns: matrix norms).
            Defaults to `None`.
        keepdims: Whether to keep the reduced axes with length 1. Defaults to `False`.

    Returns:
        A float tensor; integer inputs give `floatx()`.

    Raises:
        ValueError: If `ord` does not fit the number of axes, or an axis is out of range.

    Example:

    >>> x = np.array([[3.0, -4.0], [0.0, 0.0]], dtype="float32")
    >>> keras.ops.linalg.norm(x)
    np.float32(5.0)
    >>> keras.ops.linalg.norm(x, ord=1, axis=1)
    array([7., 0.], dtype=float32)
    """
    dtype, (t,) = _prepare(x)
    axes = _norm_axes(ord, axis, t.ndim)
    if axes is None or len(axes) == 1:
        result = K.linalg.vector_norm(t, ord, axes, keepdims)
    else:
        result = K.linalg.matrix_norm(t, ord, (axes[0], axes[1]), keepdims)
    return _finish(result, dtype)


# --- forward-mode differentiation ---------------------------------------------------------


def _jvp_rule(fun: Callable[..., Any], primals: Any, tangents: Any, has_aux: bool = False) -> Any:
    inputs = [KerasTensor(p.shape, p.dtype) if isinstance(p, Spec) else p for p in primals]
    outputs = fun(*inputs)
    primals_out, aux = outputs if has_aux else (outputs, None)
    as_specs = tree.map_structure(lambda t: t.spec if isinstance(t, KerasTensor) else as_spec(t), primals_out)
    tangents_out = tree.map_structure(lambda s: Spec(s.shape, s.dtype), as_specs)
    if has_aux:
        aux_specs = tree.map_structure(lambda t: t.spec if isinstance(t, KerasTensor) else t, aux)
        return as_specs, tangents_out, aux_specs
    return as_specs, tangents_out


@op(_jvp_rule)
def jvp(
    fun: Callable[..., Any],
    primals: Sequence[ArrayLike],
    tangents: Sequence[ArrayLike],
    has_aux: bool = False,
) -> Any:
    """Evaluate `fun` at `primals` and its Jacobian-vector product along `tangents`.

    Forward-mode differentiation: one pass gives the directional derivative of every
    output of `fun` in the direction `tangents`.

    Args:
        fun: A function of `len(primals)` tensors, written with `keras.ops`; it returns a
            tensor or a structure of tensors (with `has_aux`: a pair `(outputs, aux)`).
        primals: A tuple or list of the points to evaluate `fun` at.
        tangents: A tuple or list of tensors of the same shapes as `primals`.
        has_aux: Whether `fun` returns auxiliary data beside its outputs, which is passed
            through without differentiation. Defaults to `False`.

    Returns:
        `(outputs, output_tangents)`, or `(outputs, output_tangents, aux)` with `has_aux`.

    Raises:
        ValueError: If `primals` and `tangents` are not sequences of matching length
            and shapes.
        NotImplementedError: On the numpy backend, which has no automatic differentiation.

    Example:

    >>> def cube(x):
    ...     return x * x * x
    >>> keras.ops.linalg.jvp(cube, (np.array(2.0),), (np.array(1.0),))  # doctest: +SKIP
    (Array(8., dtype=float32), Array(12., dtype=float32))
    """
    if not isinstance(primals, (tuple, list)) or not isinstance(tangents, (tuple, list)):
        raise ValueError(
            f"jvp: `primals` and `tangents` must be tuples or lists. "
            f"Received: primals={type(primals).__name__}, tangents={type(tangents).__name__}"
        )
    if len(primals) != len(tangents):
        raise ValueError(
            f"jvp: `primals` and `tangents` must have the same length. "
            f"Received: {len(primals)} primals and {len(tangents)} tangents"
        )
    inputs = tuple(convert(p, default_dtype(p)) for p in primals)
    directions = tuple(convert(t, K.core.dtype_of(p)) for t, p in zip(tangents, inputs, strict=True))
    for p, t in zip(inputs, directions, strict=True):
        if tuple(p.shape) != tuple(t.shape):
            raise ValueError(
                f"jvp: each tangent must have its primal's shape. "
                f"Received: primal shape {tuple(p.shape)}, tangent shape {tuple(t.shape)}"
            )
    return K.linalg.jvp(fun, inputs, directions, has_aux)
