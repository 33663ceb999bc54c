"""`Loss` machinery: symbolic shapes, gradients, jit, nested inputs and docstring examples."""

from __future__ import annotations

import doctest
import inspect
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import keras
from keras import losses, ops
from keras.backend import backend
from keras.losses._loss import LossFunctionWrapper
from keras.ops._keras_tensor import KerasTensor

BATCH_FUNCTIONS = [
    losses.mean_squared_error,
    losses.mean_absolute_error,
    losses.mean_absolute_percentage_error,
    losses.mean_squared_logarithmic_error,
    losses.cosine_similarity,
    losses.huber,
    losses.log_cosh,
    losses.hinge,
    losses.squared_hinge,
    losses.categorical_hinge,
    losses.kl_divergence,
    losses.poisson,
    losses.binary_crossentropy,
    losses.binary_focal_crossentropy,
    losses.categorical_crossentropy,
    losses.categorical_focal_crossentropy,
]


@pytest.mark.parametrize("fn", BATCH_FUNCTIONS, ids=lambda fn: fn.__name__)
def test_symbolic_function_drops_the_last_axis(fn: Callable[..., Any]) -> None:
    out = fn(KerasTensor((None, 7, 5)), KerasTensor((None, 7, 5)))
    assert (tuple(out.shape), out.dtype) == ((None, 7), "float32")


@pytest.mark.parametrize(
    ("fn", "y_true", "y_pred", "expected"),
    [
        (losses.dice, (None, 8, 8, 1), (None, 8, 8, 1), ()),
        (losses.tversky, (None, 8, 8, 1), (None, 8, 8, 1), ()),
        (losses.sparse_categorical_crossentropy, (None, 7), (None, 7, 5), (None, 7)),
        (losses.sparse_categorical_crossentropy, (None, 7, 1), (None, 7, 5), (None, 7)),
        (losses.circle, (None,), (None, 4), (None,)),
        (losses.ctc, (None, 3), (None, 6, 4), (None,)),
    ],
    ids=["dice", "tversky", "sparse", "sparse-column", "circle", "ctc"],
)
def test_symbolic_shapes(
    fn: Callable[..., Any], y_true: tuple[Any, ...], y_pred: tuple[Any, ...], expected: tuple[Any, ...]
) -> None:
    out = fn(KerasTensor(y_true, "int32"), KerasTensor(y_pred))
    assert tuple(out.shape) == expected


@pytest.mark.parametrize("reduction", ["sum_over_batch_size", "sum", "mean_with_sample_weight", None])
def test_symbolic_loss_object(reduction: str | None) -> None:
    out = losses.SparseCategoricalCrossentropy(ignore_class=0, reduction=reduction)(
        KerasTensor((None, 7)), KerasTensor((None, 7, 5)), sample_weight=KerasTensor((None, 7))
    )
    assert tuple(out.shape) == ((None, 7) if reduction is None else ())
    assert out.dtype == "float32"


def test_nested_structures_in_a_wrapper() -> None:
    wrapper = LossFunctionWrapper(
        lambda t, p: ops.add(
            losses.mean_squared_error(t["a"], p["a"]), losses.mean_absolute_error(t["b"], p["b"])
        )
    )
    y_true = {"a": np.zeros((2, 1), "float32"), "b": np.zeros((2, 3), "float32")}
    y_pred = {"a": np.array([1.0, 2.0], "float32"), "b": np.ones((2, 3), "float32")}
    # "a": (2, 1) meets (2,) as (2, 1) -> squared errors [1, 4]; "b": mean abs 1 per sample.
    np.testing.assert_allclose(ops.convert_to_numpy(wrapper(y_true, y_pred)), (2.0 + 5.0) / 2)


def gradient(fn: Callable[[Any], Any], x: np.ndarray) -> np.ndarray:
    """d fn / d x on the active backend's own autodiff."""
    if backend() == "jax":
        import jax

        return np.asarray(jax.grad(fn)(x))
    if backend() == "torch":
        import torch

        t = torch.tensor(x, requires_grad=True)
        fn(t).backward()
        assert t.grad is not None
        return t.grad.numpy()
    import tensorflow as tf

    t = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(t)
        value = fn(t)
    return np.asarray(tape.gradient(value, t))


GRADIENT_CASES = [
    (
        losses.MeanSquaredError(),
        np.array([[0.0, 1.0], [2.0, 3.0]], "float32"),
        np.array([[0.5, 1.0], [2.0, 2.0]], "float32"),
    ),
    (
        losses.SparseCategoricalCrossentropy(ignore_class=-1),
        np.array([[1, -1], [0, 2]]),
        np.full((2, 2, 3), 1 / 3, "float32"),
    ),
    (
        losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1),
        np.eye(3, dtype="float32")[:2],
        np.zeros((2, 3), "float32"),
    ),
    (losses.Circle(gamma=2.0), np.array([0, 0, 1, 1]), np.eye(4, dtype="float32")),
    (losses.Dice(), np.array([[1.0, 0.0, 1.0]], "float32"), np.array([[0.5, 0.5, 0.5]], "float32")),
]


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize(
    ("loss", "y_true", "y_pred"),
    GRADIENT_CASES,
    ids=lambda v: type(v).__name__ if isinstance(v, losses.Loss) else "",
)
def test_gradients_are_finite(loss: losses.Loss, y_true: np.ndarray, y_pred: np.ndarray) -> None:
    grad = gradient(lambda p: loss(y_true, p), y_pred)
    assert grad.shape == y_pred.shape
    assert np.all(np.isfinite(grad))
    if isinstance(loss, losses.MeanSquaredError):  # d/dp mean((p - t)^2) = 2 (p - t) / 4
        np.testing.assert_allclose(grad, (y_pred - y_true) / 2, rtol=1e-6)
    if isinstance(loss, losses.SparseCategoricalCrossentropy):
        np.testing.assert_array_equal(grad[0, 1], 0.0)  # the ignored entry gets no gradient


@pytest.mark.skipif(backend() != "jax", reason="jax.jit")
def test_masked_losses_under_jax_jit() -> None:
    import jax

    labels = np.array([[0, 1, -1, 2], [1, -1, -1, 0]])
    probs = np.random.default_rng(0).dirichlet(np.ones(3), size=(2, 4)).astype("float32")
    loss = losses.SparseCategoricalCrossentropy(ignore_class=-1)
    np.testing.assert_allclose(
        jax.jit(lambda t, p: loss(t, p))(labels, probs), loss(labels, probs), rtol=1e-6
    )


def public_objects() -> list[tuple[str, Any]]:
    objects = [(name, getattr(losses, name)) for name in losses.__all__] + [
        ("LossFunctionWrapper", LossFunctionWrapper)
    ]
    return [(name, obj) for name, obj in objects if ">>>" in (inspect.getdoc(obj) or "")]


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
@pytest.mark.parametrize(("name", "obj"), public_objects(), ids=[name for name, _ in public_objects()])
def test_docstring_example(name: str, obj: Any) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in doctest.DocTestFinder(recurse=False).find(obj, name, globs={"keras": keras, "np": np}):
        result = runner.run(test, out=lambda text: None)
        assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"


def test_every_public_name_has_an_example() -> None:
    missing = [name for name in losses.__all__ if ">>>" not in (inspect.getdoc(getattr(losses, name)) or "")]
    assert missing == []
