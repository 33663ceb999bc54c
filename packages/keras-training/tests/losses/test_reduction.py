"""`Loss.__call__`'s reductions, sample weights and masks, against hand-computed numpy."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import losses, ops
from keras.backend import standardize_dtype
from keras.backend._masking import set_keras_mask
from keras.losses._reduction import reduce_weighted_values, squeeze_or_expand_to_same_rank

Y_TRUE = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], "float32")
Y_PRED = np.array([[1.5, 2.0], [2.0, 4.5], [5.0, 8.0]], "float32")
PER_SAMPLE = np.mean((Y_TRUE - Y_PRED) ** 2, axis=-1)  # [0.125, 0.625, 2.0]
WEIGHTS = np.array([1.0, 0.0, 2.0], "float32")
MASK = np.array([True, False, True])


def numpy_reduce(
    values: np.ndarray, weights: np.ndarray | None, mask: np.ndarray | None, reduction: Any
) -> Any:
    """Keras 3's reduction, written out: masks average over the unmasked entries."""
    w = np.ones_like(values) if weights is None else weights.astype(values.dtype)
    if mask is not None:
        if reduction in ("sum_over_batch_size", "mean"):
            valid = mask.sum()
            w = w * np.where(mask, mask.size / valid if valid else 0.0, 0.0)
        else:
            w = w * mask
    weighted = values * w
    if reduction in (None, "none"):
        return weighted
    if reduction == "sum":
        return weighted.sum()
    if reduction == "mean_with_sample_weight" and (weights is not None or mask is not None):
        return weighted.sum() / w.sum() if w.sum() else 0.0
    return weighted.sum() / values.size


REDUCTIONS = ["sum_over_batch_size", "sum", "mean", "mean_with_sample_weight", None, "none"]


def masked(x: np.ndarray, mask: np.ndarray) -> Any:
    tensor = ops.convert_to_tensor(x)
    set_keras_mask(tensor, ops.convert_to_tensor(mask))
    return tensor


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize(
    "weights", [None, WEIGHTS, np.zeros(3, "float32"), WEIGHTS[:, None]], ids=["none", "w", "zeros", "w-col"]
)
def test_reduction_with_sample_weights(reduction: Any, weights: np.ndarray | None) -> None:
    got = losses.MeanSquaredError(reduction=reduction)(Y_TRUE, Y_PRED, sample_weight=weights)
    flat = None if weights is None else weights.reshape(-1)
    expected = numpy_reduce(PER_SAMPLE, flat, None, reduction)
    if weights is not None and weights.ndim == 2 and reduction in (None, "none"):
        expected = expected[:, None]  # as in Keras 3: (batch,) losses meet (batch, 1) weights as (batch, 1)
    np.testing.assert_array_equal(np.shape(ops.convert_to_numpy(got)), np.shape(expected))
    np.testing.assert_allclose(ops.convert_to_numpy(got), expected, rtol=1e-6)
    assert standardize_dtype(got.dtype) == "float32"


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weights", [None, np.array([1.0, 3.0, 2.0], "float32")], ids=["none", "w"])
@pytest.mark.parametrize(
    "mask", [MASK, np.zeros(3, bool), np.ones(3, bool)], ids=["partial", "all-masked", "no-masked"]
)
def test_reduction_with_mask_on_y_pred(reduction: Any, weights: np.ndarray | None, mask: np.ndarray) -> None:
    got = losses.MeanSquaredError(reduction=reduction)(Y_TRUE, masked(Y_PRED, mask), sample_weight=weights)
    np.testing.assert_allclose(
        ops.convert_to_numpy(got), numpy_reduce(PER_SAMPLE, weights, mask, reduction), rtol=1e-6
    )


def test_sum_over_batch_size_counts_zero_weights_but_not_masked_entries() -> None:
    # Zero weights still count in the divisor (3 samples); masked entries do not (2 samples).
    weighted = losses.MeanSquaredError()(Y_TRUE, Y_PRED, sample_weight=[1.0, 0.0, 1.0])
    masked_loss = losses.MeanSquaredError()(Y_TRUE, masked(Y_PRED, MASK))
    np.testing.assert_allclose(ops.convert_to_numpy(weighted), (0.125 + 2.0) / 3, rtol=1e-6)
    np.testing.assert_allclose(ops.convert_to_numpy(masked_loss), (0.125 + 2.0) / 2, rtol=1e-6)


def test_three_d_losses_with_time_mask_and_matching_weights() -> None:
    rng = np.random.default_rng(0)
    y_true = rng.normal(size=(3, 4, 2)).astype("float32")
    y_pred = rng.normal(size=(3, 4, 2)).astype("float32")
    mask = np.array([[1, 1, 0, 0], [1, 0, 0, 0], [1, 1, 1, 1]], bool)
    weights = rng.uniform(size=(3, 4)).astype("float32")
    values = np.mean((y_true - y_pred) ** 2, axis=-1)
    for reduction in REDUCTIONS:
        for w in (weights, weights[..., None]):
            got = losses.MeanSquaredError(reduction=reduction)(y_true, masked(y_pred, mask), sample_weight=w)
            expected = numpy_reduce(values, weights, mask, reduction)
            np.testing.assert_allclose(ops.convert_to_numpy(got), expected, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize(
    ("shape1", "shape2", "expected1", "expected2"),
    [
        ((3, 1), (3,), (3, 1), (3, 1)),
        ((3,), (3, 1), (3, 1), (3, 1)),
        ((3, 4, 1), (3, 4), (3, 4), (3, 4)),
        ((3, 4), (3, 4, 1), (3, 4), (3, 4)),
        ((3, 4), (3,), (3, 4), (3,)),
        ((3, 4), (3, 4), (3, 4), (3, 4)),
    ],
)
def test_squeeze_or_expand_to_same_rank(
    shape1: tuple[int, ...], shape2: tuple[int, ...], expected1: tuple[int, ...], expected2: tuple[int, ...]
) -> None:
    a, b = squeeze_or_expand_to_same_rank(ops.zeros(shape1), ops.zeros(shape2))
    assert (tuple(a.shape), tuple(b.shape)) == (expected1, expected2)


def test_scalar_and_empty_values_are_returned_unreduced() -> None:
    assert float(ops.convert_to_numpy(reduce_weighted_values(np.float32(2.5), reduction="sum"))) == 2.5
    empty = reduce_weighted_values(np.zeros((0,), "float32"), reduction="sum_over_batch_size")
    assert tuple(empty.shape) == (0,)


def test_float16_dtype_and_integer_inputs() -> None:
    got = losses.MeanSquaredError(dtype="float16")(np.array([[1.0, 2.0]]), np.array([[1.0, 3.0]]))
    assert standardize_dtype(got.dtype) == "float16"
    got = losses.MeanSquaredError()(np.array([[1, 2]]), np.array([[1, 4]]))
    assert standardize_dtype(got.dtype) == "float32"
    np.testing.assert_allclose(ops.convert_to_numpy(got), 2.0)
    fn = losses.mean_squared_error(np.array([[1, 2]]), np.array([[1, 4]]))
    assert standardize_dtype(fn.dtype) == "float32"


@pytest.mark.parametrize("reduction", ["foo", "auto", 1])
def test_bad_reduction_raises(reduction: Any) -> None:
    with pytest.raises(ValueError, match=r"Invalid value for argument `reduction`.*Received: reduction="):
        losses.MeanSquaredError(reduction=reduction)


def test_sample_weight_that_cannot_broadcast_raises() -> None:
    with pytest.raises(ValueError, match=r"sample_weight.shape=\(4,\) for losses of shape \(3,\)"):
        losses.MeanSquaredError()(Y_TRUE, Y_PRED, sample_weight=np.ones(4, "float32"))


def test_mismatched_shapes_raise() -> None:
    with pytest.raises(ValueError, match=r"Cannot broadcast shape \(2, 3\) with shape \(2, 4\)"):
        losses.MeanSquaredError()(np.ones((2, 3)), np.ones((2, 4)))
