"""Every loss function and class against its numpy closed form (`references.py`)."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from keras import losses, ops
from keras.backend import standardize_dtype

sys.path.insert(0, str(Path(__file__).parent))
import references as ref

rng = np.random.default_rng(0)
B, C = 4, 3
REG_T = rng.normal(size=(B, C)).astype("float32")
REG_P = rng.normal(size=(B, C)).astype("float32")
POS_T = rng.uniform(0, 2, size=(B, C)).astype("float32")
POS_P = rng.uniform(0.1, 2, size=(B, C)).astype("float32")
BIN_T = rng.integers(0, 2, size=(B, C)).astype("float32")
SIG_P = rng.uniform(0.05, 0.95, size=(B, C)).astype("float32")
PROBS = rng.dirichlet(np.ones(C), size=B).astype("float32")
PROBS_2 = rng.dirichlet(np.ones(C), size=B).astype("float32")
ONE_HOT = np.eye(C, dtype="float32")[[0, 2, 1, 2]]
LABELS = np.array([0, 2, 1, 2])
LOGITS = rng.normal(size=(B, C)).astype("float32")
SEG_T = rng.integers(0, 2, size=(2, 4, 4, 1)).astype("float32")
SEG_P = rng.uniform(0, 1, size=(2, 4, 4, 1)).astype("float32")
EMB = rng.normal(size=(6, 4)).astype("float32")
EMB /= np.linalg.norm(EMB, axis=1, keepdims=True)
EMB_LABELS = np.array([0, 1, 0, 2, 1, 3])  # label 3 has no positive pair: loss 0, masked
SEQ_T = np.array([[1, 2, 0], [2, 2, 1], [1, 0, 0]])
SEQ_P = rng.normal(size=(3, 6, 4)).astype("float32")


@dataclass(frozen=True)
class Case:
    name: str  # the class in keras.losses
    function: Callable[..., Any]  # its function in keras.losses
    ref: Callable[..., Any]
    y_true: np.ndarray
    y_pred: np.ndarray
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    rtol: float = 1e-5
    id: str = ""


def ctc_ref(t: np.ndarray, p: np.ndarray) -> np.ndarray:
    return np.array(
        [ref.ctc_single([int(v) for v in row if v != 0], logits) for row, logits in zip(t, p, strict=True)]
    )


CASES = [
    Case("MeanSquaredError", losses.mean_squared_error, ref.mse, REG_T, REG_P),
    Case("MeanAbsoluteError", losses.mean_absolute_error, ref.mae, REG_T, REG_P),
    Case("MeanAbsolutePercentageError", losses.mean_absolute_percentage_error, ref.mape, REG_T, REG_P),
    Case("MeanSquaredLogarithmicError", losses.mean_squared_logarithmic_error, ref.msle, POS_T, POS_P),
    Case("CosineSimilarity", losses.cosine_similarity, ref.cosine, REG_T, REG_P),
    Case("CosineSimilarity", losses.cosine_similarity, ref.cosine, REG_T, REG_P, {"axis": 0}, id="axis0"),
    Case("Huber", losses.huber, ref.huber, REG_T, REG_P),
    Case("Huber", losses.huber, ref.huber, REG_T, REG_P, {"delta": 0.3}, id="delta"),
    Case("LogCosh", losses.log_cosh, ref.log_cosh, REG_T, REG_P),
    Case("Hinge", losses.hinge, ref.hinge, BIN_T, REG_P, id="01-labels"),
    Case("Hinge", losses.hinge, ref.hinge, 2 * BIN_T - 1, REG_P, id="signed-labels"),
    Case("SquaredHinge", losses.squared_hinge, ref.squared_hinge, BIN_T, REG_P),
    Case("CategoricalHinge", losses.categorical_hinge, ref.categorical_hinge, ONE_HOT, REG_P),
    Case("KLDivergence", losses.kl_divergence, ref.kl, PROBS, PROBS_2),
    Case("Poisson", losses.poisson, ref.poisson, POS_T, POS_P),
    Case("BinaryCrossentropy", losses.binary_crossentropy, ref.bce, BIN_T, SIG_P),
    Case(
        "BinaryCrossentropy",
        losses.binary_crossentropy,
        ref.bce,
        BIN_T,
        REG_P,
        {"from_logits": True, "label_smoothing": 0.2},
        id="logits-smoothing",
    ),
    Case("BinaryCrossentropy", losses.binary_crossentropy, ref.bce, BIN_T, SIG_P, {"axis": 0}, id="axis0"),
    Case("BinaryFocalCrossentropy", losses.binary_focal_crossentropy, ref.binary_focal, BIN_T, SIG_P),
    Case(
        "BinaryFocalCrossentropy",
        losses.binary_focal_crossentropy,
        ref.binary_focal,
        BIN_T,
        REG_P,
        {
            "apply_class_balancing": True,
            "alpha": 0.4,
            "gamma": 1.5,
            "from_logits": True,
            "label_smoothing": 0.1,
        },
        id="balanced-logits-smoothing",
    ),
    Case("CategoricalCrossentropy", losses.categorical_crossentropy, ref.cce, ONE_HOT, PROBS),
    Case(
        "CategoricalCrossentropy",
        losses.categorical_crossentropy,
        ref.cce,
        ONE_HOT,
        LOGITS,
        {"from_logits": True, "label_smoothing": 0.3},
        id="logits-smoothing",
    ),
    Case(
        "CategoricalCrossentropy",
        losses.categorical_crossentropy,
        ref.cce,
        ONE_HOT,
        PROBS,
        {"axis": 0},
        id="axis0",
    ),
    Case(
        "CategoricalFocalCrossentropy",
        losses.categorical_focal_crossentropy,
        ref.categorical_focal,
        ONE_HOT,
        PROBS,
    ),
    Case(
        "CategoricalFocalCrossentropy",
        losses.categorical_focal_crossentropy,
        ref.categorical_focal,
        ONE_HOT,
        LOGITS,
        {"alpha": 0.5, "gamma": 3.0, "from_logits": True, "label_smoothing": 0.2},
        id="logits-smoothing",
    ),
    Case("SparseCategoricalCrossentropy", losses.sparse_categorical_crossentropy, ref.scce, LABELS, PROBS),
    Case(
        "SparseCategoricalCrossentropy",
        losses.sparse_categorical_crossentropy,
        ref.scce,
        LABELS[:, None],
        LOGITS,
        {"from_logits": True},
        id="logits-column-labels",
    ),
    Case(
        "CategoricalGeneralizedCrossEntropy",
        losses.categorical_generalized_cross_entropy,
        ref.gce,
        LABELS,
        PROBS,
        {"q": 0.8},
    ),
    Case("Dice", losses.dice, ref.dice, SEG_T, SEG_P),
    Case("Dice", losses.dice, ref.dice, SEG_T, SEG_P, {"axis": (1, 2, 3)}, id="per-image"),
    Case("Tversky", losses.tversky, ref.tversky, SEG_T, SEG_P),
    Case(
        "Tversky",
        losses.tversky,
        ref.tversky,
        SEG_T,
        SEG_P,
        {"alpha": 0.7, "beta": 0.3, "axis": (1, 2, 3)},
        id="per-image",
    ),
    Case("Circle", losses.circle, ref.circle, EMB_LABELS, EMB, {"gamma": 2.0}, rtol=1e-4),
    Case(
        "Circle",
        losses.circle,
        ref.circle,
        EMB_LABELS,
        EMB,
        {"gamma": 3.0, "margin": 0.25, "remove_diagonal": False},
        rtol=1e-4,
        id="keep-diagonal",
    ),
    Case("CTC", losses.ctc, ctc_ref, SEQ_T, SEQ_P, rtol=1e-4),
]


def case_id(case: Case) -> str:
    return f"{case.name}-{case.id}" if case.id else case.name


def to_numpy(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_function_matches_closed_form(case: Case) -> None:
    got = case.function(case.y_true, case.y_pred, **case.kwargs)
    expected = case.ref(case.y_true.astype("float64"), case.y_pred.astype("float64"), **case.kwargs)
    np.testing.assert_allclose(to_numpy(got), expected, rtol=case.rtol, atol=1e-5)
    assert standardize_dtype(got.dtype) == "float32"


@pytest.mark.parametrize("case", CASES, ids=case_id)
@pytest.mark.parametrize("reduction", ["sum_over_batch_size", "sum", "mean_with_sample_weight", None])
def test_class_reduces_closed_form_with_sample_weights(case: Case, reduction: str | None) -> None:
    per_sample = np.asarray(
        case.ref(case.y_true.astype("float64"), case.y_pred.astype("float64"), **case.kwargs)
    )
    weights = (
        np.linspace(0.0, 2.0, per_sample.shape[0]).astype("float32") if per_sample.ndim else np.float32(1.5)
    )
    weighted = per_sample * weights.reshape(weights.shape + (1,) * (per_sample.ndim - weights.ndim))
    mask = np.ones_like(per_sample, bool)
    if case.name == "Circle":
        mask = per_sample > 0  # rows without positives carry a mask
    expected: Any
    if reduction is None or per_sample.ndim == 0:  # scalars come back unreduced
        expected = weighted
    elif reduction == "sum":
        expected = weighted.sum()
    elif reduction == "mean_with_sample_weight":
        expected = weighted.sum() / (np.broadcast_to(weights, per_sample.shape) * mask).sum()
    else:
        expected = weighted.sum() / mask.sum()
    loss = getattr(losses, case.name)(reduction=reduction, **case.kwargs)
    got = loss(case.y_true, case.y_pred, sample_weight=weights)
    np.testing.assert_allclose(to_numpy(got), expected, rtol=case.rtol, atol=1e-5)
    assert standardize_dtype(got.dtype) == "float32"


def test_sparse_categorical_ignore_class_masks_entries() -> None:
    labels = np.array([[0, 1, -1, 2], [1, -1, -1, 0]])
    probs = rng.dirichlet(np.ones(C), size=(2, 4)).astype("float32")
    valid = labels != -1
    per_entry = np.where(valid, ref.scce(np.where(valid, labels, 0), probs.astype("float64")), 0.0)
    fn = losses.sparse_categorical_crossentropy(labels, probs, ignore_class=-1)
    np.testing.assert_allclose(to_numpy(fn), per_entry, rtol=1e-5)
    got = losses.SparseCategoricalCrossentropy(ignore_class=-1)(labels, probs)
    np.testing.assert_allclose(to_numpy(got), per_entry.sum() / valid.sum(), rtol=1e-5)
    got = losses.SparseCategoricalCrossentropy(ignore_class=-1, reduction="sum")(labels, probs)
    np.testing.assert_allclose(to_numpy(got), per_entry.sum(), rtol=1e-5)


def test_circle_with_reference_embeddings() -> None:
    queries, refs = EMB[:2], EMB[2:]
    got = losses.circle(
        EMB_LABELS[:2],
        queries,
        ref_labels=EMB_LABELS[2:],
        ref_embeddings=refs,
        gamma=2.0,
        remove_diagonal=False,
    )
    d = np.maximum(1 - queries.astype("float64") @ refs.T, 0.0)
    pos = EMB_LABELS[:2, None] == EMB_LABELS[None, 2:]
    sp = -2.0 * np.maximum(0.4 + d, 0) * (0.4 - d)
    sn = 2.0 * np.maximum(1.4 - d, 0) * (0.6 - d)
    lp = np.array([np.logaddexp.reduce(sp[i][pos[i]]) for i in range(2)])
    ln = np.array([np.logaddexp.reduce(sn[i][~pos[i]]) for i in range(2)])
    np.testing.assert_allclose(to_numpy(got), np.logaddexp(0.0, lp + ln), rtol=1e-4)


@pytest.mark.parametrize(
    ("loss", "y_true"),
    [
        (losses.BinaryCrossentropy(label_smoothing=0.2), BIN_T),
        (losses.CategoricalCrossentropy(label_smoothing=0.2), ONE_HOT),
    ],
    ids=["binary", "categorical"],
)
def test_label_smoothing_equals_smoothed_targets(loss: Any, y_true: np.ndarray) -> None:
    pred = SIG_P if isinstance(loss, losses.BinaryCrossentropy) else PROBS
    smooth = 0.5 if isinstance(loss, losses.BinaryCrossentropy) else 1.0 / C
    plain = type(loss)()(y_true * 0.8 + 0.2 * smooth, pred)
    np.testing.assert_allclose(to_numpy(loss(y_true, pred)), to_numpy(plain), rtol=1e-6)


@pytest.mark.parametrize("from_logits", [False, True])
def test_from_logits_equals_probabilities(from_logits: bool) -> None:
    probs = ref.softmax(LOGITS.astype("float64")).astype("float32")
    pred = LOGITS if from_logits else probs
    for loss in (
        losses.CategoricalCrossentropy(from_logits=from_logits),
        losses.CategoricalFocalCrossentropy(from_logits=from_logits),
    ):
        np.testing.assert_allclose(
            to_numpy(loss(ONE_HOT, pred)), to_numpy(type(loss)()(ONE_HOT, probs)), rtol=1e-5, atol=1e-6
        )
    sparse = losses.SparseCategoricalCrossentropy(from_logits=from_logits)(LABELS, pred)
    np.testing.assert_allclose(to_numpy(sparse), ref.scce(LABELS, probs.astype("float64")).mean(), rtol=1e-5)


def test_categorical_crossentropy_warns_on_single_class() -> None:
    with pytest.warns(SyntaxWarning, match=r"y_pred.shape=\(2, 1\)"):
        losses.categorical_crossentropy(np.ones((2, 1)), np.ones((2, 1)))


def test_errors() -> None:
    with pytest.raises(ValueError, match=r"Argument `axis` must be of type `int`. Received: axis=True"):
        losses.categorical_crossentropy(ONE_HOT, PROBS, axis=True)
    with pytest.raises(ValueError, match=r"Argument `q` must be in the interval \(0, 1\). Received: q=1.5"):
        losses.CategoricalGeneralizedCrossEntropy(q=1.5)
    with pytest.raises(ValueError, match=r"Received: y_true.shape=\(3,\)"):
        losses.ctc(np.ones(3), SEQ_P)
    with pytest.raises(ValueError, match=r"Received: y_pred.shape=\(3, 6\)"):
        losses.ctc(SEQ_T, SEQ_P[..., 0])
    with pytest.raises(NotImplementedError, match="must implement `call"):
        losses.Loss()(REG_T, REG_P)


def test_custom_subclass() -> None:
    class MeanCubedError(losses.Loss):
        def call(self, y_true: Any, y_pred: Any) -> Any:
            return ops.mean(ops.abs(ops.subtract(y_pred, y_true)) ** 3, axis=-1)

    loss = MeanCubedError()
    assert loss.name.startswith("mean_cubed_error")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = loss(REG_T, REG_P, sample_weight=[1.0, 0.0, 1.0, 1.0])
    expected = np.mean(np.abs(REG_P - REG_T) ** 3, axis=-1) * [1.0, 0.0, 1.0, 1.0]
    np.testing.assert_allclose(to_numpy(got), expected.sum() / 4, rtol=1e-5)
