"""`keras.ops.linalg`: linear algebra on every backend."""

from keras.ops.linalg._linalg import cholesky as cholesky
from keras.ops.linalg._linalg import cholesky_inverse as cholesky_inverse
from keras.ops.linalg._linalg import det as det
from keras.ops.linalg._linalg import eig as eig
from keras.ops.linalg._linalg import eigh as eigh
from keras.ops.linalg._linalg import inv as inv
from keras.ops.linalg._linalg import jvp as jvp
from keras.ops.linalg._linalg import lstsq as lstsq
from keras.ops.linalg._linalg import lu_factor as lu_factor
from keras.ops.linalg._linalg import matrix_rank as matrix_rank
from keras.ops.linalg._linalg import norm as norm
from keras.ops.linalg._linalg import pinv as pinv
from keras.ops.linalg._linalg import qr as qr
from keras.ops.linalg._linalg import solve as solve
from keras.ops.linalg._linalg import solve_triangular as solve_triangular
from keras.ops.linalg._linalg import svd as svd

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
