"""BatchNormalization: training/inference formulas, moving statistics, masks, renorm, mixed precision, errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from keras import initializers, ops
from keras.backend import backend
from keras.layers import Input
from keras.layers._normalization.batch_normalization import BatchNormalization

RNG = np.random.default_rng(0)
RTOL = ATOL = 1e-5


def numpy_of(x: Any) -> np.ndarray[Any, Any]:
    return np.asarray(ops.convert_to_numpy(x))


def reduction_axes(ndim: int, axis: int) -> tuple[int, ...]:
    return tuple(a for a in range(ndim) if a != axis % ndim)


def broadcast(v: np.ndarray[Any, Any], ndim: int, axis: int) -> np.ndarray[Any, Any]:
    shape = [1] * ndim
    shape[axis % ndim] = -1
    return v.reshape(shape)


def normalize_ref(
    x: np.ndarray[Any, Any],
    mean: np.ndarray[Any, Any],
    var: np.ndarray[Any, Any],
    gamma: np.ndarray[Any, Any] | None,
    beta: np.ndarray[Any, Any] | None,
    axis: int,
    eps: float,
) -> np.ndarray[Any, Any]:
    """gamma * (x - mean) / sqrt(var + eps) + beta, per channel on `axis`."""
    n = x.ndim
    y = (x - broadcast(mean, n, axis)) / np.sqrt(broadcast(var, n, axis) + eps)
    if gamma is not None:
        y = y * broadcast(gamma, n, axis)
    if beta is not None:
        y = y + broadcast(beta, n, axis)
    return y


@dataclass(frozen=True)
class Case:
    shape: tuple[int, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)
    id: str = ""

    @property
    def axis(self) -> int:
        return int(self.kwargs.get("axis", -1))


CASES = [
    Case((6, 3), id="rank2-last"),
    Case((4, 5, 3), id="rank3-last"),
    Case((3, 2, 4, 4), {"axis": 1}, id="rank4-channels-first"),
    Case((3, 4, 4, 2), {"axis": 3, "epsilon": 1e-5}, id="rank4-positive-last"),
    Case((5, 3), {"center": False}, id="no-center"),
    Case((5, 3), {"scale": False}, id="no-scale"),
    Case((5, 3), {"center": False, "scale": False}, id="no-center-no-scale"),
]


def built_layer(case: Case) -> tuple[BatchNormalization, dict[str, np.ndarray[Any, Any]]]:
    """A layer with random weights set, and the weights by name."""
    layer = BatchNormalization(**case.kwargs)
    layer.build(case.shape)
    channels = case.shape[case.axis]
    values = {
        "gamma": RNG.uniform(0.5, 2.0, channels).astype("float32"),
        "beta": RNG.standard_normal(channels).astype("float32"),
        "moving_mean": RNG.standard_normal(channels).astype("float32"),
        "moving_variance": RNG.uniform(0.5, 2.0, channels).astype("float32"),
    }
    layer.set_weights([values[w.name] for w in layer.weights])
    return layer, {w.name: values[w.name] for w in layer.weights}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_training_uses_batch_statistics(case: Case) -> None:
    layer, w = built_layer(case)
    x = RNG.standard_normal(case.shape).astype("float32") * 3 + 1
    axes = reduction_axes(x.ndim, case.axis)
    expected = normalize_ref(
        x, x.mean(axes), x.var(axes), w.get("gamma"), w.get("beta"), case.axis, layer.epsilon
    )
    out = layer(x, training=True)
    np.testing.assert_allclose(numpy_of(out), expected, rtol=RTOL, atol=ATOL)
    assert tuple(out.shape) == layer.compute_output_shape(case.shape) == case.shape


@pytest.mark.parametrize("training", [False, None])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_inference_uses_moving_statistics_and_updates_nothing(case: Case, training: Any) -> None:
    layer, w = built_layer(case)
    x = RNG.standard_normal(case.shape).astype("float32")
    expected = normalize_ref(
        x, w["moving_mean"], w["moving_variance"], w.get("gamma"), w.get("beta"), case.axis, layer.epsilon
    )
    out = layer(x) if training is None else layer(x, training=training)
    np.testing.assert_allclose(numpy_of(out), expected, rtol=RTOL, atol=ATOL)
    np.testing.assert_array_equal(numpy_of(layer.moving_mean), w["moving_mean"])
    np.testing.assert_array_equal(numpy_of(layer.moving_variance), w["moving_variance"])


@pytest.mark.parametrize("axis", [-1, 1])
def test_moving_statistics_follow_the_momentum_recurrence(axis: int) -> None:
    momentum = 0.8
    layer = BatchNormalization(axis=axis, momentum=momentum)
    mean, var = np.zeros(3), np.ones(3)
    for step in range(4):
        x = (RNG.standard_normal((6, 3, 5)) * (step + 1) + step).astype("float32")
        if axis == -1:
            x = x.transpose(0, 2, 1)
        axes = reduction_axes(3, axis)
        layer(x, training=True)
        mean = mean * momentum + x.mean(axes) * (1 - momentum)
        var = var * momentum + x.var(axes) * (1 - momentum)
        np.testing.assert_allclose(numpy_of(layer.moving_mean), mean, rtol=RTOL, atol=ATOL)
        np.testing.assert_allclose(numpy_of(layer.moving_variance), var, rtol=RTOL, atol=ATOL)
    # After training, inference normalizes with the accumulated statistics.
    x = RNG.standard_normal((2, 3, 5) if axis == 1 else (2, 5, 3)).astype("float32")
    np.testing.assert_allclose(
        numpy_of(layer(x)),
        normalize_ref(x, mean, var, np.ones(3), np.zeros(3), axis, 1e-3),
        rtol=1e-4,
        atol=1e-5,
    )


def test_frozen_layer_runs_in_inference_mode() -> None:
    layer = BatchNormalization(trainable=False)
    x = RNG.standard_normal((4, 3)).astype("float32") + 5
    out = layer(x, training=True)
    np.testing.assert_allclose(numpy_of(out), x / np.sqrt(1 + 1e-3), rtol=RTOL)
    np.testing.assert_array_equal(numpy_of(layer.moving_mean), np.zeros(3))


def test_masked_positions_are_left_out_of_the_statistics() -> None:
    layer = BatchNormalization(momentum=0.5)
    x = RNG.standard_normal((2, 5, 3)).astype("float32")
    mask = np.array([[True, True, False, True, False], [True, False, True, True, True]])
    x[~mask] = 100.0  # would dominate the statistics if counted
    kept = x[mask]  # (count, channels)
    mean, var = kept.mean(0), kept.var(0)
    out = layer(x, training=True, mask=mask)
    expected = normalize_ref(x, mean, var, None, None, -1, 1e-3)
    np.testing.assert_allclose(numpy_of(out)[mask], expected[mask], rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(numpy_of(layer.moving_mean), 0.5 * mean, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(numpy_of(layer.moving_variance), 0.5 + 0.5 * var, rtol=1e-4, atol=1e-5)


def test_a_mask_must_have_one_dimension_less() -> None:
    layer = BatchNormalization(name="bn")
    with pytest.raises(
        ValueError, match=r"Layer 'bn': the mask must have one dimension less than the inputs"
    ):
        layer(np.ones((2, 3), dtype="float32"), mask=np.ones((2, 3), dtype=bool))


def test_mixed_precision_computes_statistics_in_float32() -> None:
    layer = BatchNormalization(dtype="mixed_float16")
    x = (RNG.standard_normal((8, 3)) * 4 + 2).astype("float32")
    out = layer(x, training=True)
    assert str(ops.convert_to_numpy(out).dtype) == "float16"
    assert [w.dtype for w in layer.weights] == ["float32"] * 4
    x16 = x.astype("float16").astype("float32")
    expected = normalize_ref(x16, x16.mean(0), x16.var(0), None, None, -1, 1e-3)
    np.testing.assert_allclose(numpy_of(out).astype("float32"), expected, rtol=2e-3, atol=2e-3)
    np.testing.assert_allclose(numpy_of(layer.moving_mean), 0.01 * x16.mean(0), rtol=1e-4)


def test_stateless_call_returns_updated_statistics_without_changing_the_layer() -> None:
    layer = BatchNormalization(momentum=0.5)
    x = RNG.standard_normal((4, 2)).astype("float32")
    layer.build(x.shape)
    trainable = [v.value for v in layer.trainable_variables]
    non_trainable = [v.value for v in layer.non_trainable_variables]
    out, new_non_trainable = layer.stateless_call(trainable, non_trainable, x, training=True)
    np.testing.assert_allclose(numpy_of(new_non_trainable[0]), 0.5 * x.mean(0), rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(numpy_of(new_non_trainable[1]), 0.5 + 0.5 * x.var(0), rtol=RTOL, atol=ATOL)
    np.testing.assert_array_equal(numpy_of(layer.moving_mean), np.zeros(2))
    assert tuple(out.shape) == (4, 2)


def test_renorm_matches_the_recurrence() -> None:
    momentum, renorm_momentum, eps = 0.9, 0.5, 1e-3
    clipping = {"rmax": 1.5, "rmin": 0.8, "dmax": 0.3}
    layer = BatchNormalization(
        momentum=momentum, renorm=True, renorm_clipping=clipping, renorm_momentum=renorm_momentum
    )
    assert [w.name for w in layer.weights] == []
    moving_mean, moving_std = np.zeros(3), np.ones(3)
    renorm_mean, renorm_std = np.zeros(3), np.ones(3)
    for step in range(3):
        x = (RNG.standard_normal((16, 3)) * (step + 2) + step).astype("float32")
        mean, std = x.mean(0), np.sqrt(x.var(0) + eps)
        r = np.clip(std / np.maximum(renorm_std, np.sqrt(eps)), clipping["rmin"], clipping["rmax"])
        d = np.clip((mean - renorm_mean) / np.maximum(renorm_std, np.sqrt(eps)), -0.3, 0.3)
        expected = (x - mean) / std * r + d
        out = layer(x, training=True)
        np.testing.assert_allclose(numpy_of(out), expected, rtol=1e-4, atol=1e-5)
        renorm_mean = renorm_mean * renorm_momentum + mean * (1 - renorm_momentum)
        renorm_std = renorm_std * renorm_momentum + std * (1 - renorm_momentum)
        moving_mean = moving_mean * momentum + mean * (1 - momentum)
        moving_std = moving_std * momentum + std * (1 - momentum)
    weights = {w.name: numpy_of(w) for w in layer.weights}
    assert list(weights) == [
        "gamma", "beta", "moving_mean", "moving_variance", "moving_stddev", "renorm_mean", "renorm_stddev"
    ]  # fmt: skip
    for name, value in [
        ("moving_mean", moving_mean),
        ("moving_stddev", moving_std),
        ("moving_variance", np.maximum(moving_std**2 - eps, 0)),
        ("renorm_mean", renorm_mean),
        ("renorm_stddev", renorm_std),
    ]:
        np.testing.assert_allclose(weights[name], value, rtol=1e-4, atol=1e-5, err_msg=name)


def test_renorm_stddev_weights_start_at_the_square_root_of_the_variance_initializer() -> None:
    layer = BatchNormalization(renorm=True, moving_variance_initializer=initializers.Constant(4.0))
    layer.build((2, 3))
    weights = {w.name: numpy_of(w) for w in layer.weights}
    np.testing.assert_allclose(weights["moving_stddev"], [2.0] * 3)
    np.testing.assert_allclose(weights["renorm_stddev"], [2.0] * 3)


def test_gamma_and_beta_regularizers_add_losses() -> None:
    layer = BatchNormalization(gamma_regularizer="l2", beta_regularizer="l1")
    layer.build((2, 3))
    layer.set_weights([np.full(3, 2.0), np.full(3, -1.0), np.zeros(3), np.ones(3)])
    losses = sorted(float(numpy_of(loss)) for loss in layer.losses)
    np.testing.assert_allclose(losses, [0.03, 0.12], rtol=1e-5)


@pytest.mark.parametrize(
    ("shape", "axis"), [((None, 3), -1), ((None, 4, 5, 3), -1), ((None, 3, 5, 5), 1)], ids=["2d", "4d", "cf"]
)
def test_symbolic_shape_matches_eager(shape: tuple[Any, ...], axis: int) -> None:
    layer = BatchNormalization(axis=axis)
    symbolic = layer(Input(batch_shape=shape))
    eager = layer(np.ones((2, *shape[1:]), dtype="float32"))
    assert symbolic.shape == shape and tuple(eager.shape) == (2, *shape[1:])
    assert layer.compute_output_shape(shape) == shape


def test_weights_are_named_and_ordered_as_keras() -> None:
    layer = BatchNormalization(name="bn")
    layer(np.ones((2, 4), dtype="float32"))
    assert [w.path for w in layer.weights] == ["bn/gamma", "bn/beta", "bn/moving_mean", "bn/moving_variance"]
    assert [w.trainable for w in layer.weights] == [True, True, False, False]
    assert [w.path for w in layer.trainable_weights] == ["bn/gamma", "bn/beta"]
    plain = BatchNormalization(center=False, name="bn2")
    plain.build((2, 4))
    assert [w.path for w in plain.weights] == ["bn2/gamma", "bn2/moving_mean", "bn2/moving_variance"]


def test_default_name_follows_keras() -> None:
    assert BatchNormalization().name.startswith("batch_normalization")


@pytest.mark.parametrize("axis", [2, -3, 5])
def test_an_axis_outside_the_rank_is_rejected(axis: int) -> None:
    message = rf"Axis {axis} is out of bounds for input shape \(2, 3\). Received: axis={axis}"
    with pytest.raises(ValueError, match=message):
        BatchNormalization(axis=axis)(np.ones((2, 3), dtype="float32"))
    with pytest.raises(ValueError, match=message):
        BatchNormalization(axis=axis).compute_output_shape((2, 3))


def test_an_undefined_channel_size_is_rejected() -> None:
    with pytest.raises(ValueError, match=r"Layer 'bn': axis -1 of the input must have a defined size"):
        BatchNormalization(name="bn").build((None, None))


def test_input_rank_and_channels_are_fixed_after_build() -> None:
    layer = BatchNormalization(name="bn")
    layer(np.ones((2, 3), dtype="float32"))
    with pytest.raises(ValueError, match="bn"):
        layer(np.ones((2, 4), dtype="float32"))
    with pytest.raises(ValueError, match="bn"):
        layer(np.ones((2, 2, 3), dtype="float32"))


@pytest.mark.skipif(backend() == "tensorflow", reason="TensorFlow accepts synchronized=True")
def test_synchronized_needs_tensorflow() -> None:
    with pytest.raises(ValueError, match=r"synchronized=True is only supported with the TensorFlow backend"):
        BatchNormalization(synchronized=True)


@pytest.mark.skipif(backend() != "tensorflow", reason="only TensorFlow accepts synchronized=True")
def test_synchronized_on_one_replica_uses_the_local_statistics() -> None:
    x = RNG.standard_normal((6, 2)).astype("float32")
    out = BatchNormalization(synchronized=True)(x, training=True)
    np.testing.assert_allclose(
        numpy_of(out), (x - x.mean(0)) / np.sqrt(x.var(0) + 1e-3), rtol=RTOL, atol=ATOL
    )


@pytest.mark.parametrize(
    ("clipping", "match"),
    [
        ({"rmax": 1.0, "x": 2.0}, r"Received invalid keys for `renorm_clipping` argument"),
        ({"rmax": 1.0, "rmin": 2.0}, r"`renorm_clipping\['rmax'\]` must be at least .* rmax=1.0, rmin=2.0"),
        ({"dmax": -1.0}, r"`renorm_clipping\['dmax'\]` must be non-negative. Received: dmax=-1.0"),
    ],
)
def test_bad_renorm_clipping_is_rejected(clipping: dict[str, float], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        BatchNormalization(renorm=True, renorm_clipping=clipping)
