"""Tests of the loss ops: cross-entropies and PSNR against closed forms, CTC against brute-force
enumeration of alignments, dtypes against Keras 3 (JAX backend), symbolic specs, errors, gradients."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from op_testing import (
    RNG,
    Case,
    backend_gradient,
    case_id,
    check_symbolic,
    check_values,
    numeric_gradient,
    rand,
)

from keras.backend import backend, standardize_dtype
from keras.ops._convert import convert, to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops.nn import _losses as ops_module

EPS = 1e-7
LOGITS = rand(3, 4, low=-3.0, high=3.0)
PROBS = (np.exp(LOGITS) / np.exp(LOGITS).sum(-1, keepdims=True)).astype("float32")
ONE_HOT = np.eye(4, dtype="float32")[[0, 3, 1]]
LABELS = np.array([0, 3, 1], dtype="int32")
BINARY = (rand(3, 4) > 0).astype("float32")
SIGMOID = (1 / (1 + np.exp(-LOGITS))).astype("float32")


def _clip(p: Any) -> Any:
    """Clip as Keras does, in the input's precision (in float32, 1 - 1e-7 rounds to 1 - 1.19e-7)."""
    p = np.asarray(p)
    return np.clip(p, p.dtype.type(EPS), p.dtype.type(1 - EPS)).astype("float64")


def np_binary_crossentropy(target: Any, output: Any, from_logits: bool = False) -> Any:
    t, o = np.asarray(target, "float64"), np.asarray(output, "float64")
    if from_logits:
        return t * np.logaddexp(0, -o) + (1 - t) * np.logaddexp(0, o)
    p = _clip(output)
    return -(t * np.log(p) + (1 - t) * np.log(1 - p))


def _log_probs(output: Any, from_logits: bool, axis: int) -> Any:
    o = np.asarray(output, "float64")
    if from_logits:
        return o - np.log(np.sum(np.exp(o), axis=axis, keepdims=True))
    return np.log(_clip(output / np.sum(output, axis=axis, keepdims=True)))


def np_categorical_crossentropy(target: Any, output: Any, from_logits: bool = False, axis: int = -1) -> Any:
    return -np.sum(np.asarray(target, "float64") * _log_probs(output, from_logits, axis), axis=axis)


def np_sparse_categorical_crossentropy(
    target: Any, output: Any, from_logits: bool = False, axis: int = -1
) -> Any:
    target = np.asarray(target)
    if target.ndim == np.ndim(output):
        target = target[..., 0]
    one_hot = np.moveaxis(
        np.eye(np.shape(output)[axis] + 1)[target][..., :-1], -1, axis
    )  # out of range: zeros
    return -np.sum(one_hot * _log_probs(output, from_logits, axis), axis=axis)


def np_psnr(x1: Any, x2: Any, max_val: float) -> Any:
    mse = np.mean((np.asarray(x1, "float64") - np.asarray(x2, "float64")) ** 2)
    return 20 * np.log10(max_val) - 10 * np.log10(mse)


def _case(
    name: str, ref: Callable[..., Any], *args: Any, id: str = "", dtype: str = "float32", **kwargs: Any
) -> Case:
    return Case(name, ref, args, kwargs, dtype=dtype, rtol=1e-5, atol=1e-5, id=id)


CASES = [
    _case("binary_crossentropy", np_binary_crossentropy, BINARY, SIGMOID),
    _case("binary_crossentropy", np_binary_crossentropy, BINARY, LOGITS, id="logits", from_logits=True),
    _case(
        "binary_crossentropy",
        np_binary_crossentropy,
        np.array([1.0, 0.0, 1.0], "float32"),
        np.array([0.0, 1.0, 1.0], "float32"),
        id="clipped",
    ),
    _case(
        "binary_crossentropy",
        np_binary_crossentropy,
        BINARY,
        LOGITS * 30,
        id="large-logits",
        from_logits=True,
    ),
    _case("categorical_crossentropy", np_categorical_crossentropy, ONE_HOT, PROBS),
    _case("categorical_crossentropy", np_categorical_crossentropy, ONE_HOT, PROBS * 3, id="unnormalized"),
    _case(
        "categorical_crossentropy",
        np_categorical_crossentropy,
        ONE_HOT,
        LOGITS,
        id="logits",
        from_logits=True,
    ),
    _case(
        "categorical_crossentropy",
        np_categorical_crossentropy,
        ONE_HOT.T,
        PROBS.T,
        id="axis0",
        from_logits=False,
        axis=0,
    ),
    _case("sparse_categorical_crossentropy", np_sparse_categorical_crossentropy, LABELS, PROBS),
    _case(
        "sparse_categorical_crossentropy",
        np_sparse_categorical_crossentropy,
        LABELS,
        LOGITS,
        id="logits",
        from_logits=True,
    ),
    _case(
        "sparse_categorical_crossentropy",
        np_sparse_categorical_crossentropy,
        LABELS[:, None],
        PROBS,
        id="trailing-one",
    ),
    _case(
        "sparse_categorical_crossentropy",
        np_sparse_categorical_crossentropy,
        np.array([0, 4, -1], "int32"),
        PROBS,
        id="out-of-range-is-zero",
    ),
    _case(
        "sparse_categorical_crossentropy",
        np_sparse_categorical_crossentropy,
        np.array([[0, 2, 1], [3, 3, 0]], "int64"),
        rand(2, 3, 4, low=0.1, high=1.0),
        id="rank3-int64",
    ),
    _case("psnr", np_psnr, PROBS, SIGMOID, 1.0),
    _case("psnr", np_psnr, PROBS * 255, SIGMOID * 255, 255.0, id="max255"),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_matches_numpy(case: Case) -> None:
    check_values(ops_module, case)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_symbolic_matches_eager(case: Case) -> None:
    check_symbolic(ops_module, case)


# --- CTC against brute force -------------------------------------------------------------


def _collapse(path: tuple[int, ...], blank: int) -> tuple[int, ...]:
    return tuple(c for i, c in enumerate(path) if c != blank and (i == 0 or path[i - 1] != c))


def _sequence_probabilities(log_probs: np.ndarray, blank: int) -> dict[tuple[int, ...], float]:
    """Probability of every label sequence: the sum over all the alignments that collapse to it."""
    totals: dict[tuple[int, ...], float] = {}
    steps, classes = log_probs.shape
    for path in itertools.product(range(classes), repeat=steps):
        p = float(np.exp(sum(log_probs[t, c] for t, c in enumerate(path))))
        key = _collapse(path, blank)
        totals[key] = totals.get(key, 0.0) + p
    return totals


def _log_softmax(x: np.ndarray) -> np.ndarray:
    x = x.astype("float64")
    return x - np.log(np.exp(x).sum(-1, keepdims=True))


CTC_LOGITS = rand(3, 5, 3, low=-2.0, high=2.0)
CTC_TARGET = np.array([[1, 2, 0], [2, 2, 0], [1, 0, 0]], dtype="int32")
CTC_TARGET_LENGTH = np.array([2, 2, 1], dtype="int32")
CTC_OUTPUT_LENGTH = np.array([5, 4, 3], dtype="int32")


def np_ctc_loss(target: Any, output: Any, target_length: Any, output_length: Any, mask_index: int = 0) -> Any:
    losses = []
    for b in range(len(target)):
        totals = _sequence_probabilities(_log_softmax(output[b, : output_length[b]]), mask_index)
        losses.append(-np.log(totals.get(tuple(target[b, : target_length[b]]), 0.0)))
    return np.array(losses)


CTC_CASES = [
    Case(
        "ctc_loss",
        np_ctc_loss,
        (CTC_TARGET, CTC_LOGITS, CTC_TARGET_LENGTH, CTC_OUTPUT_LENGTH),
        dtype="float32",
        rtol=1e-5,
    ),
    Case(
        "ctc_loss",
        np_ctc_loss,
        (CTC_TARGET % 2, CTC_LOGITS, CTC_TARGET_LENGTH, CTC_OUTPUT_LENGTH),
        {"mask_index": 2},
        dtype="float32",
        rtol=1e-5,
        id="last-blank",
    ),
    Case(
        "ctc_loss",
        np_ctc_loss,
        (CTC_TARGET, CTC_LOGITS.astype("float16"), CTC_TARGET_LENGTH, CTC_OUTPUT_LENGTH),
        dtype="float32",
        rtol=1e-2,
        id="float16",
    ),
]


@pytest.mark.parametrize("case", CTC_CASES, ids=case_id)
def test_ctc_loss_matches_brute_force(case: Case) -> None:
    check_values(ops_module, case)
    check_symbolic(ops_module, case)


def test_ctc_loss_impossible_target_is_huge() -> None:
    """Three labels cannot fit in two steps: the loss is huge (its value differs per backend)."""
    loss = to_numpy(
        ops_module.ctc_loss(np.array([[1, 2, 1]]), CTC_LOGITS[:1, :2], np.array([3]), np.array([2]))
    )
    assert loss[0] > 100


def np_greedy(inputs: np.ndarray, lengths: np.ndarray, merge_repeated: bool = True, blank: int = 0) -> Any:
    batch, steps, _ = inputs.shape
    decoded = np.full((1, batch, steps), -1, dtype="int32")
    scores = np.zeros((batch, 1), dtype="float64")
    for b in range(batch):
        best = inputs[b, : lengths[b]].argmax(-1)
        scores[b, 0] = -inputs[b, : lengths[b]].max(-1).sum()
        kept = [
            c
            for i, c in enumerate(best)
            if c != blank and not (merge_repeated and i > 0 and best[i - 1] == c)
        ]
        decoded[0, b, : len(kept)] = kept
    return decoded, scores


def np_beam_search(inputs: np.ndarray, lengths: np.ndarray, top_paths: int, blank: int = 0) -> Any:
    """The exact best sequences, by enumeration (what a wide enough beam search finds)."""
    batch, steps, _ = inputs.shape
    decoded = np.full((top_paths, batch, steps), -1, dtype="int32")
    scores = np.zeros((batch, top_paths))
    for b in range(batch):
        totals = _sequence_probabilities(_log_softmax(inputs[b, : lengths[b]]), blank)
        best = sorted(totals.items(), key=lambda item: -item[1])[:top_paths]
        for k, (sequence, p) in enumerate(best):
            decoded[k, b, : len(sequence)] = sequence
            scores[b, k] = np.log(p)
    return decoded, scores


DECODE_LOGITS = rand(3, 6, 3, low=-2.0, high=2.0)
DECODE_LENGTHS = np.array([6, 4, 1], dtype="int32")
DECODE_CASES = [
    Case(
        "ctc_decode",
        lambda x, lengths: np_greedy(x, lengths),
        (DECODE_LOGITS, DECODE_LENGTHS),
        id="greedy",
        rtol=1e-5,
    ),
    Case(
        "ctc_decode",
        lambda x, lengths, merge_repeated, mask_index: np_greedy(x, lengths, merge_repeated, mask_index),
        (DECODE_LOGITS, DECODE_LENGTHS),
        {"merge_repeated": False, "mask_index": 2},
        id="greedy-no-merge",
        rtol=1e-5,
    ),
    Case(
        "ctc_decode",
        lambda x, lengths, mask_index: np_greedy(x, lengths, True, 2),
        (DECODE_LOGITS, DECODE_LENGTHS),
        {"mask_index": None},
        id="greedy-last-blank",
        rtol=1e-5,
    ),
    Case(
        "ctc_decode",
        lambda x, lengths, **_: np_beam_search(x, lengths, 3),
        (DECODE_LOGITS, DECODE_LENGTHS),
        {"strategy": "beam_search", "beam_width": 100, "top_paths": 3},
        id="beam-search",
        rtol=1e-5,
        atol=1e-5,
    ),
    Case(
        "ctc_decode",
        lambda x, lengths, **_: np_beam_search(x, lengths, 2, blank=1),
        (DECODE_LOGITS, DECODE_LENGTHS),
        {"strategy": "beam_search", "top_paths": 2, "mask_index": 1},
        id="beam-search-blank1",
        rtol=1e-5,
        atol=1e-5,
    ),
]


@pytest.mark.parametrize("case", DECODE_CASES, ids=case_id)
def test_ctc_decode(case: Case) -> None:
    got = ops_module.ctc_decode(*case.args, **case.kwargs)
    expected = case.ref(*case.args, **case.kwargs)
    np.testing.assert_array_equal(to_numpy(got[0]), expected[0])
    np.testing.assert_allclose(to_numpy(got[1]), expected[1], rtol=case.rtol, atol=case.atol)
    assert standardize_dtype(got[0].dtype) == "int32"
    assert standardize_dtype(got[1].dtype) == "float32"
    check_symbolic(ops_module, case)


def test_ctc_beam_search_matches_keras_with_a_narrow_beam() -> None:
    """A beam of 2 prunes; these values were recorded from Keras 3.15.1 (JAX backend)."""
    logits = np.log(np.array([[[0.5, 0.3, 0.2], [0.35, 0.15, 0.5], [0.2, 0.6, 0.2]]], "float32"))
    paths, scores = ops_module.ctc_decode(
        logits, np.array([3]), strategy="beam_search", beam_width=2, top_paths=2
    )
    np.testing.assert_array_equal(to_numpy(paths)[:, 0], [[2, 1, -1], [1, -1, -1]])
    np.testing.assert_allclose(to_numpy(scores), [[np.log(0.15), np.log(0.117)]], rtol=1e-5)


# --- dtypes: expected values recorded from Keras 3.15.1 on its JAX backend ---------------------


def _input(dtype: str, shape: tuple[int, ...] = (2, 3)) -> Any:
    values = (np.arange(int(np.prod(shape))).reshape(shape) % 3 + 1).astype("float32") / 4
    if dtype in ("int8", "int32", "bool"):
        values = values > 0.5
    return convert(values, dtype) if dtype == "bfloat16" else values.astype(dtype)


FLOAT_LOSS = {
    "int8": "float32",
    "int32": "float32",
    "bool": "float32",
    "float16": "float16",
    "bfloat16": "bfloat16",
    "float64": "float32",
}
DTYPE_ROWS: list[tuple[str, Callable[[str], Any], dict[str, str]]] = [
    ("binary_crossentropy", lambda d: ops_module.binary_crossentropy(_input(d), _input(d)), FLOAT_LOSS),
    (
        "categorical_crossentropy",
        lambda d: ops_module.categorical_crossentropy(_input(d), _input(d)),
        FLOAT_LOSS,
    ),
    (
        "sparse_categorical_crossentropy",
        lambda d: ops_module.sparse_categorical_crossentropy(np.array([0, 1]), _input(d)),
        {"int8": "float32", "float16": "float32", "bfloat16": "float32", "float64": "float32"},
    ),
    # Keras's JAX backend cannot subtract booleans here; we give floatx().
    ("psnr", lambda d: ops_module.psnr(_input(d), _input(d, (3, 2)).T, 1.0), FLOAT_LOSS),
    (
        "ctc_loss",
        lambda d: ops_module.ctc_loss(np.array([[1]]), _input(d, (1, 2, 3)), np.array([1]), np.array([2])),
        {"float16": "float32", "bfloat16": "float32", "float64": "float32"},
    ),
]
FLAT_DTYPE_ROWS = [(name, fn, d, e) for name, fn, table in DTYPE_ROWS for d, e in table.items()]


@pytest.mark.parametrize(
    ("function", "dtype", "expected"),
    [r[1:] for r in FLAT_DTYPE_ROWS],
    ids=[f"{r[0]}-{r[2]}" for r in FLAT_DTYPE_ROWS],
)
def test_output_dtype(function: Callable[[str], Any], dtype: str, expected: str) -> None:
    assert standardize_dtype(function(dtype).dtype) == expected


MIXED_ROWS: list[tuple[str, Callable[[], Any], str]] = [
    ("bce-f16-f32", lambda: ops_module.binary_crossentropy(_input("float16"), _input("float32")), "float32"),
    ("bce-int32-f16", lambda: ops_module.binary_crossentropy(_input("int32"), _input("float16")), "float16"),
    (
        "cce-f32-f16",
        lambda: ops_module.categorical_crossentropy(_input("float32"), _input("float16")),
        "float32",
    ),
    ("psnr-f16-f32", lambda: ops_module.psnr(_input("float16"), _input("float32") * 2, 1.0), "float32"),
]


@pytest.mark.parametrize(
    ("function", "expected"), [r[1:] for r in MIXED_ROWS], ids=[r[0] for r in MIXED_ROWS]
)
def test_mixed_dtypes(function: Callable[[], Any], expected: str) -> None:
    assert standardize_dtype(function().dtype) == expected


# --- errors ------------------------------------------------------------------------------------

ERROR_ROWS: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    (
        "bce-shapes",
        lambda: ops_module.binary_crossentropy(BINARY, SIGMOID[:, :2]),
        ValueError,
        r"binary_crossentropy: `target` and `output` must have the same shape. "
        r"Received: target.shape=\(3, 4\), output.shape=\(3, 2\)",
    ),
    (
        "cce-shapes",
        lambda: ops_module.categorical_crossentropy(ONE_HOT, PROBS[:2]),
        ValueError,
        r"same shape",
    ),
    (
        "cce-scalar",
        lambda: ops_module.categorical_crossentropy(np.float32(1), np.float32(1)),
        ValueError,
        r"`output` must have rank 1 or more",
    ),
    (
        "cce-axis",
        lambda: ops_module.categorical_crossentropy(ONE_HOT, PROBS, axis=2),
        ValueError,
        r"axis 2 is out",
    ),
    (
        "scce-shapes",
        lambda: ops_module.sparse_categorical_crossentropy(LABELS[:2], PROBS),
        ValueError,
        r"sparse_categorical_crossentropy: `target` must have the shape of `output` without the class axis",
    ),
    (
        "psnr-shapes",
        lambda: ops_module.psnr(PROBS, PROBS[0], 1.0),
        ValueError,
        r"psnr: `x1` and `x2` must have the same shape",
    ),
    (
        "ctc-rank",
        lambda: ops_module.ctc_loss(CTC_TARGET, CTC_LOGITS[0], CTC_TARGET_LENGTH, CTC_OUTPUT_LENGTH),
        ValueError,
        r"`output` must have shape \(batch, steps, classes\)",
    ),
    (
        "ctc-batch",
        lambda: ops_module.ctc_loss(CTC_TARGET[:2], CTC_LOGITS, CTC_TARGET_LENGTH, CTC_OUTPUT_LENGTH),
        ValueError,
        r"same batch size",
    ),
    (
        "decode-strategy",
        lambda: ops_module.ctc_decode(DECODE_LOGITS, DECODE_LENGTHS, strategy="best"),
        ValueError,
        r"`strategy` must be 'greedy' or 'beam_search'. Received: strategy='best'",
    ),
    (
        "decode-top-paths",
        lambda: ops_module.ctc_decode(
            DECODE_LOGITS, DECODE_LENGTHS, strategy="beam_search", beam_width=2, top_paths=3
        ),
        ValueError,
        r"`top_paths` must be between 1 and `beam_width`",
    ),
    (
        "decode-rank",
        lambda: ops_module.ctc_decode(DECODE_LOGITS[0], DECODE_LENGTHS),
        ValueError,
        r"ctc_decode: `inputs` must have shape",
    ),
]


@pytest.mark.parametrize(
    ("function", "error", "match"), [r[1:] for r in ERROR_ROWS], ids=[r[0] for r in ERROR_ROWS]
)
def test_errors(function: Callable[[], Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        function()


def test_symbolic_shapes_with_unknown_dimensions() -> None:
    logits = KerasTensor((None, 7, 5), "float16")
    assert ops_module.ctc_loss(KerasTensor((None, 3), "int32"), logits, LABELS, LABELS).shape == (None,)
    decoded, scores = ops_module.ctc_decode(logits, LABELS, strategy="beam_search", top_paths=2)
    assert (decoded.shape, decoded.dtype, scores.shape, scores.dtype) == (
        (2, None, 7),
        "int32",
        (None, 2),
        "float32",
    )
    loss = ops_module.sparse_categorical_crossentropy(
        KerasTensor((None,), "int32"), KerasTensor((None, 4), "float16")
    )
    assert (loss.shape, loss.dtype) == ((None,), "float32")
    with pytest.raises(ValueError, match=r"same shape"):
        ops_module.binary_crossentropy(KerasTensor((None, 3)), KerasTensor((None, 4)))


# --- gradients against central finite differences --------------------------------------------


L64 = LOGITS.astype("float64")
P64 = RNG.uniform(0.1, 0.9, size=(3, 4))
GRADIENT_ROWS: list[tuple[str, Callable[..., Any], Callable[..., Any], tuple[np.ndarray, ...]]] = [
    (
        "bce-logits",
        lambda o: ops_module.binary_crossentropy(BINARY, o, from_logits=True),
        lambda o: np_binary_crossentropy(BINARY, o, True),
        (L64,),
    ),
    (
        "bce-probs",
        lambda o: ops_module.binary_crossentropy(BINARY, o),
        lambda o: np_binary_crossentropy(BINARY, o),
        (P64,),
    ),
    (
        "cce-logits",
        lambda o: ops_module.categorical_crossentropy(ONE_HOT, o, from_logits=True),
        lambda o: np_categorical_crossentropy(ONE_HOT, o, True),
        (L64,),
    ),
    (
        "cce-probs",
        lambda o: ops_module.categorical_crossentropy(ONE_HOT, o),
        lambda o: np_categorical_crossentropy(ONE_HOT, o),
        (P64,),
    ),
    (
        "cce-target",
        lambda t: ops_module.categorical_crossentropy(t, LOGITS, from_logits=True),
        lambda t: np_categorical_crossentropy(t, LOGITS, True),
        (P64,),
    ),
    (
        "scce-logits",
        lambda o: ops_module.sparse_categorical_crossentropy(LABELS, o, from_logits=True),
        lambda o: np_sparse_categorical_crossentropy(LABELS, o, True),
        (L64,),
    ),
    (
        "scce-probs",
        lambda o: ops_module.sparse_categorical_crossentropy(LABELS, o),
        lambda o: np_sparse_categorical_crossentropy(LABELS, o),
        (P64,),
    ),
    (
        "ctc_loss",
        lambda o: ops_module.ctc_loss(CTC_TARGET, o, CTC_TARGET_LENGTH, CTC_OUTPUT_LENGTH),
        lambda o: np_ctc_loss(CTC_TARGET, o, CTC_TARGET_LENGTH, CTC_OUTPUT_LENGTH),
        (CTC_LOGITS.astype("float64"),),
    ),
    (
        "psnr",
        lambda x: ops_module.psnr(x, P64.T, 1.0),
        lambda x: np_psnr(x, P64.T, 1.0),
        (PROBS.T.astype("float64"),),
    ),
]


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize(
    ("function", "reference", "xs"), [r[1:] for r in GRADIENT_ROWS], ids=[r[0] for r in GRADIENT_ROWS]
)
def test_gradient(
    function: Callable[..., Any], reference: Callable[..., Any], xs: tuple[np.ndarray, ...]
) -> None:
    for got, expected in zip(backend_gradient(function, *xs), numeric_gradient(reference, xs), strict=True):
        np.testing.assert_allclose(got, expected, rtol=2e-4, atol=2e-5)
