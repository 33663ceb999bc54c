"""corrcoef against numpy, vectorize against numpy.vectorize, on the active backend."""

from __future__ import annotations

import numpy as np
import pytest
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras import ops
from keras.backend import floatx
from keras.ops._convert import to_numpy
from keras.ops.numpy import _correlation, _vectorize

X = rand(3, 6)
CORRCOEF_CASES = [
    Case("corrcoef", np.corrcoef, (X,), dtype="float32", rtol=1e-5, atol=1e-6, id="rows"),
    Case(
        "corrcoef",
        np.corrcoef,
        (rand(4, 5, dtype="int32", low=-5, high=5),),
        dtype=floatx(),
        rtol=1e-5,
        atol=1e-6,
        id="int",
    ),
    Case(
        "corrcoef",
        lambda x: np.corrcoef(x.astype("float32")),
        (X.astype("float16"),),
        dtype="float16",
        rtol=1e-2,
        atol=1e-2,
        id="float16",
    ),
    Case("corrcoef", lambda x: np.float32(1.0), (rand(5),), dtype="float32", id="one-variable"),
]


@pytest.mark.parametrize("case", CORRCOEF_CASES, ids=case_id)
def test_corrcoef_values(case: Case) -> None:
    check_values(_correlation, case)


@pytest.mark.parametrize("case", CORRCOEF_CASES, ids=case_id)
def test_corrcoef_symbolic(case: Case) -> None:
    check_symbolic(_correlation, case)


def test_corrcoef_rejects_rank_3() -> None:
    with pytest.raises(ValueError, match=r"corrcoef: `x` must be 1-D or 2-D. Received: x.shape=\(2, 2, 2\)"):
        _correlation.corrcoef(np.zeros((2, 2, 2), dtype="float32"))


def test_vectorize_elementwise_broadcasts() -> None:
    add = _vectorize.vectorize(lambda a, b: ops.add(a, b))
    a, b = rand(2, 3), rand(3)
    np.testing.assert_allclose(to_numpy(add(a, b)), a + b, rtol=1e-6)


def test_vectorize_with_core_dimensions() -> None:
    dot = _vectorize.vectorize(lambda u, v: ops.sum(ops.multiply(u, v)), signature="(n),(n)->()")
    u, v = rand(4, 3), rand(4, 3)
    expected = np.vectorize(lambda p, q: (p * q).sum(), signature="(n),(n)->()")(u, v)
    result = dot(u, v)
    assert tuple(result.shape) == (4,)
    np.testing.assert_allclose(to_numpy(result), expected, rtol=1e-5)


def test_vectorize_passes_excluded_arguments_through() -> None:
    scale = _vectorize.vectorize(lambda x, factor: ops.multiply(x, factor), excluded={1})
    np.testing.assert_allclose(to_numpy(scale(np.array([1.0, 2.0], dtype="float32"), 3.0)), [3.0, 6.0])


@pytest.mark.parametrize(
    ("signature", "message"),
    [("(n)->", "invalid signature"), ("n->()", "invalid signature")],
)
def test_vectorize_rejects_bad_signatures(signature: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        _vectorize.vectorize(lambda x: x, signature=signature)


def test_vectorize_checks_core_rank() -> None:
    f = _vectorize.vectorize(lambda m: ops.sum(m), signature="(n,m)->()")
    with pytest.raises(ValueError, match="has fewer dimensions than its core dimensions"):
        f(np.ones(3, dtype="float32"))
