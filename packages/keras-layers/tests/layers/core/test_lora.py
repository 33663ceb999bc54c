"""LoRA on Dense, EinsumDense and Embedding: weights, effective kernel, config, saving, training."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import backend
from keras.layers._core.dense import Dense
from keras.layers._core.einsum_dense import EinsumDense
from keras.layers._core.embedding import Embedding

RNG = np.random.default_rng(3)
NO_GRADIENTS = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")


def np_of(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


def randomize(layer: Any) -> None:
    """Give every float weight (LoRA ones included) random values, so the update is nonzero."""
    for weight in layer.weights:
        if "float" in str(weight.dtype):
            weight.assign(RNG.standard_normal(tuple(weight.shape)).astype("float32"))


def dense() -> Dense:
    layer = Dense(4, name="d")
    layer.build((None, 3))
    return layer


def einsum() -> EinsumDense:
    layer = EinsumDense("abc,cde->abde", (5, 2, 3), bias_axes="de", name="e")
    layer.build((None, 5, 4))
    return layer


def embedding() -> Embedding:
    layer = Embedding(6, 4, name="m")
    layer.build()
    return layer


# (factory, rank, expected [(path, shape, trainable)] copied from real Keras 3.15)
WEIGHT_TABLE = [
    (
        dense,
        2,
        [
            ("d/kernel", (3, 4), False),
            ("d/bias", (4,), True),
            ("d/lora_kernel_a", (3, 2), True),
            ("d/lora_kernel_b", (2, 4), True),
        ],
    ),
    (
        einsum,
        3,
        [
            ("e/kernel", (4, 2, 3), False),
            ("e/bias", (2, 3), True),
            ("e/lora_kernel_a", (4, 2, 3), True),
            ("e/lora_kernel_b", (3, 3), True),
        ],
    ),
    (
        embedding,
        3,
        [
            ("m/embeddings", (6, 4), False),
            ("m/lora_embeddings_a", (6, 3), True),
            ("m/lora_embeddings_b", (3, 4), True),
        ],
    ),
]


@pytest.mark.parametrize(("factory", "rank", "expected"), WEIGHT_TABLE)
def test_enable_lora_weights_match_keras(factory: Callable[[], Any], rank: int, expected: list[Any]) -> None:
    layer = factory()
    layer.enable_lora(rank)
    assert [(w.path, tuple(w.shape), w.trainable) for w in layer.weights] == expected
    assert [w.path for w in layer.trainable_weights] == [p for p, _, t in expected if t]
    assert all(str(w.dtype) == "float32" for w in layer.weights if "lora" in w.path)
    assert layer.lora_enabled and layer.lora_rank == rank and layer.lora_alpha == rank


def test_lora_b_starts_at_zero_so_outputs_are_unchanged() -> None:
    layer = dense()
    x = RNG.standard_normal((2, 3)).astype("float32")
    before = np_of(layer(x))
    layer.enable_lora(2)
    np.testing.assert_allclose(np_of(layer(x)), before, rtol=1e-6)
    assert np.any(np_of(layer.lora_kernel_a) != 0)
    np.testing.assert_array_equal(np_of(layer.lora_kernel_b), 0)


@pytest.mark.parametrize("alpha", [None, 8.0])
def test_dense_effective_kernel(alpha: float | None) -> None:
    layer = dense()
    layer.enable_lora(2, lora_alpha=alpha)
    randomize(layer)
    kernel, bias, a, b = (np_of(w) for w in layer.weights)
    effective = kernel + ((alpha or 2) / 2) * a @ b
    np.testing.assert_allclose(np_of(layer.kernel), effective, rtol=1e-5, atol=1e-6)
    x = RNG.standard_normal((2, 5, 3)).astype("float32")
    np.testing.assert_allclose(np_of(layer(x)), x @ effective + bias, rtol=1e-5, atol=1e-5)


def test_einsum_dense_effective_kernel() -> None:
    layer = einsum()
    layer.enable_lora(3, lora_alpha=1.5)
    randomize(layer)
    kernel, bias, a, b = (np_of(w) for w in layer.weights)
    effective = kernel + 0.5 * a @ b  # (4, 2, 3) @ (3, 3) broadcasts over the leading axes
    x = RNG.standard_normal((2, 5, 4)).astype("float32")
    expected = np.einsum("abc,cde->abde", x, effective) + bias
    np.testing.assert_allclose(np_of(layer(x)), expected, rtol=1e-5, atol=1e-5)


def test_embedding_effective_table() -> None:
    layer = embedding()
    layer.enable_lora(3, lora_alpha=6)
    randomize(layer)
    table, a, b = (np_of(w) for w in layer.weights)
    effective = table + 2.0 * a @ b
    tokens = np.array([[0, 5, 2], [1, 1, 3]], dtype="int32")
    np.testing.assert_allclose(np_of(layer(tokens)), effective[tokens], rtol=1e-5, atol=1e-5)


def test_constructor_rank_and_keras_alpha_quirk() -> None:
    # Real Keras 3.15: Dense and Embedding build with `enable_lora(lora_rank)`, so alpha
    # becomes the rank; EinsumDense passes `lora_alpha` on.
    d = Dense(4, lora_rank=2, lora_alpha=8)
    d.build((None, 3))
    e = EinsumDense("ab,bc->ac", 4, lora_rank=2, lora_alpha=8)
    e.build((None, 3))
    m = Embedding(5, 4, lora_rank=2, lora_alpha=8)
    m.build()
    assert [(x.lora_enabled, x.lora_rank, x.lora_alpha) for x in (d, e, m)] == [
        (True, 2, 2),
        (True, 2, 8),
        (True, 2, 2),
    ]


def test_config_writes_lora_entries_as_keras() -> None:
    layer = dense()
    assert "lora_rank" not in layer.get_config()
    layer.enable_lora(2)
    config = layer.get_config()
    # Key order of real Keras 3.15: ..., 'quantization_config', 'lora_rank', 'lora_alpha'.
    assert list(config)[-3:] == ["quantization_config", "lora_rank", "lora_alpha"]
    assert (config["quantization_config"], config["lora_rank"], config["lora_alpha"]) == (None, 2, 2)
    clone = Dense.from_config(config)
    clone.build((None, 3))
    assert clone.lora_enabled
    assert [w.path.split("/")[-1] for w in clone.trainable_weights] == [
        "bias",
        "lora_kernel_a",
        "lora_kernel_b",
    ]
    assert clone.get_config() == config | {"name": clone.name}


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Dense(4).enable_lora(2), "Cannot enable lora on a layer that isn't yet built."),
        (lambda: Embedding(4, 2).enable_lora(2), "Cannot enable lora on a layer that isn't yet built."),
    ],
)
def test_enable_lora_before_build_raises(make: Callable[[], None], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()


def test_enable_lora_twice_raises() -> None:
    layer = dense()
    layer.enable_lora(2)
    with pytest.raises(ValueError, match=r"lora is already enabled. This can only be done once per layer."):
        layer.enable_lora(2)


def test_enable_lora_with_constraint_raises() -> None:
    layer = Dense(4, kernel_constraint="non_neg")
    layer.build((None, 3))
    with pytest.raises(
        ValueError, match=r"Lora is incompatible with kernel constraints.*`kernel_constraint`"
    ):
        layer.enable_lora(2)
    table = Embedding(4, 2, embeddings_constraint="non_neg")
    table.build()
    with pytest.raises(
        ValueError, match=r"Lora is incompatible with embedding constraints.*`embeddings_constraint`"
    ):
        table.enable_lora(2)


def test_kernel_before_build_raises() -> None:
    with pytest.raises(AttributeError, match=r"You must build the layer before accessing `kernel`."):
        _ = Dense(2).kernel


@pytest.mark.parametrize(("factory", "rank"), [(dense, 2), (einsum, 3), (embedding, 2)])
def test_saving_merges_lora_into_the_main_weight(factory: Callable[[], Any], rank: int) -> None:
    layer = factory()
    layer.enable_lora(rank)
    randomize(layer)
    weight = layer.kernel if hasattr(layer, "units") or hasattr(layer, "equation") else layer.embeddings
    store: dict[str, Any] = {}
    layer.save_own_variables(store)
    # Keras 3.15 saves the merged weight (and the bias) only: no LoRA entries.
    assert len(store) == len(layer.weights) - 2
    np.testing.assert_allclose(store["0"], np_of(weight), rtol=1e-6)
    plain = factory()
    plain.load_own_variables(store)
    np.testing.assert_allclose(np_of(plain.weights[0]), np_of(weight), rtol=1e-6)
    # Loading into a LoRA layer sets the base weight and restarts LoRA at zero.
    target = factory()
    target.enable_lora(rank)
    target.load_own_variables(store)
    np.testing.assert_allclose(np_of(target.weights[0]), np_of(weight), rtol=1e-6)
    for w in target.weights:
        if "lora" in w.path:
            np.testing.assert_array_equal(np_of(w), 0)


def test_load_count_mismatch_raises_without_lora() -> None:
    with pytest.raises(ValueError, match=r"Layer 'd' expected 2 variables, but received 1 variables"):
        dense().load_own_variables({"0": np.zeros((3, 4), "float32")})


def mse_gradients(layer: Any, x: np.ndarray, y: np.ndarray) -> list[np.ndarray]:
    """Gradients of mean((layer(x) - y)**2) for `layer.trainable_variables`, by the backend's autodiff."""
    name = backend()
    trainable = layer.trainable_variables
    if name == "jax":
        import jax

        non_trainable = [v.value for v in layer.non_trainable_variables]

        def loss(values: list[Any]) -> Any:
            return ((layer.stateless_call(values, non_trainable, x)[0] - y) ** 2).mean()

        return [np.asarray(g) for g in jax.grad(loss)([v.value for v in trainable])]
    if name == "torch":
        import torch

        out = ((layer(x) - torch.as_tensor(y)) ** 2).mean()
        grads = torch.autograd.grad(out, [v.value for v in trainable])
        return [g.detach().cpu().numpy() for g in grads]
    import tensorflow as tf

    with tf.GradientTape() as tape:
        out = tf.reduce_mean((layer(x) - y) ** 2)
    return [g.numpy() for g in tape.gradient(out, [v.value for v in trainable])]


@NO_GRADIENTS
def test_lora_fine_tune_changes_only_lora_weights() -> None:
    layer = Dense(2, name="ft")
    layer.build((None, 3))
    layer.enable_lora(2)
    x = RNG.standard_normal((16, 3)).astype("float32")
    y = RNG.standard_normal((16, 2)).astype("float32")
    before = {w.path: np_of(w).copy() for w in layer.weights}
    losses = []
    for _ in range(5):
        losses.append(float(((np_of(layer(x)) - y) ** 2).mean()))
        for variable, grad in zip(layer.trainable_variables, mse_gradients(layer, x, y), strict=True):
            variable.assign(np_of(variable) - 0.1 * grad)
    assert losses[-1] < losses[0]
    changed = {w.path for w in layer.weights if np.any(np_of(w) != before[w.path])}
    assert changed == {"ft/bias", "ft/lora_kernel_a", "ft/lora_kernel_b"}
    # The kernel gradient never reaches the frozen kernel; its update is the LoRA product.
    delta = np_of(layer.lora_kernel_a) @ np_of(layer.lora_kernel_b)
    np.testing.assert_allclose(np_of(layer.kernel), before["ft/kernel"] + delta, rtol=1e-5, atol=1e-6)
