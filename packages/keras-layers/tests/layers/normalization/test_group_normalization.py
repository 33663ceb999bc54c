"""GroupNormalization: per-group statistics against numpy, both channel axes, instance norm, errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._normalization.group_normalization import GroupNormalization

RNG = np.random.default_rng(2)
RTOL = ATOL = 1e-5


def numpy_of(x: Any) -> np.ndarray[Any, Any]:
    return np.asarray(ops.convert_to_numpy(x))


def group_norm_ref(
    x: np.ndarray[Any, Any],
    groups: int,
    axis: int,
    eps: float,
    gamma: np.ndarray[Any, Any] | None,
    beta: np.ndarray[Any, Any] | None,
) -> np.ndarray[Any, Any]:
    """Move channels last, split them into groups, normalize each (example, group) block."""
    moved = np.moveaxis(x, axis, -1).astype("float64")
    channels = moved.shape[-1]
    blocks = moved.reshape(moved.shape[0], -1, groups, channels // groups)
    mean = blocks.mean(axis=(1, 3), keepdims=True)
    var = blocks.var(axis=(1, 3), keepdims=True)
    y = ((blocks - mean) / np.sqrt(var + eps)).reshape(moved.shape)
    if gamma is not None:
        y = y * gamma
    if beta is not None:
        y = y + beta
    return np.moveaxis(y, -1, axis)


@dataclass(frozen=True)
class Case:
    shape: tuple[int, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)
    id: str = ""


CASES = [
    Case((2, 6), {"groups": 3}, id="rank2"),
    Case((2, 5, 6), {"groups": 2}, id="rank3-last"),
    Case((2, 4, 3, 8), {"groups": 4}, id="rank4-last"),
    Case((2, 8, 3, 4), {"groups": 2, "axis": 1}, id="rank4-channels-first"),
    Case((2, 3, 4, 5), {"groups": 2, "axis": -2}, id="rank4-middle-axis"),
    Case((3, 4, 6), {"groups": 1}, id="one-group-is-layer-norm"),
    Case((3, 4, 6), {"groups": -1}, id="instance-norm"),
    Case((3, 4, 6), {"groups": 3, "center": False, "epsilon": 1e-5}, id="no-center"),
    Case((3, 4, 6), {"groups": 3, "scale": False}, id="no-scale"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_matches_numpy(case: Case) -> None:
    layer = GroupNormalization(**case.kwargs)
    axis = layer.axis
    layer.build(case.shape)
    channels = case.shape[axis]
    values = {
        "gamma": RNG.uniform(0.5, 2, channels).astype("float32"),
        "beta": RNG.standard_normal(channels).astype("float32"),
    }
    layer.set_weights([values[w.name] for w in layer.weights])
    x = (RNG.standard_normal(case.shape) * 2 + 1).astype("float32")
    groups = channels if case.kwargs["groups"] == -1 else case.kwargs["groups"]
    assert layer.groups == groups
    expected = group_norm_ref(
        x,
        groups,
        axis % x.ndim,
        layer.epsilon,
        values["gamma"] if layer.scale else None,
        values["beta"] if layer.center else None,
    )
    out = layer(x)
    np.testing.assert_allclose(numpy_of(out), expected, rtol=RTOL, atol=ATOL)


def test_mixed_precision_outputs_the_compute_dtype() -> None:
    layer = GroupNormalization(groups=2, dtype="mixed_float16")
    x = RNG.standard_normal((2, 3, 4)).astype("float32") * 50
    out = layer(x)
    assert str(numpy_of(out).dtype) == "float16"
    assert [w.dtype for w in layer.weights] == ["float32", "float32"]
    expected = group_norm_ref(x, 2, 2, 1e-3, None, None)
    np.testing.assert_allclose(numpy_of(out).astype("float32"), expected, rtol=2e-3, atol=2e-3)


@pytest.mark.parametrize(("shape", "axis"), [((None, 5, 4), -1), ((None, 4, 5, 5), 1)], ids=["last", "first"])
def test_symbolic_shape_matches_eager(shape: tuple[Any, ...], axis: int) -> None:
    layer = GroupNormalization(groups=2, axis=axis)
    symbolic = layer(Input(batch_shape=shape))
    eager = layer(np.ones((2, *shape[1:]), dtype="float32"))
    assert symbolic.shape == shape and tuple(eager.shape) == (2, *shape[1:])


def test_weights_are_named_and_ordered_as_keras() -> None:
    layer = GroupNormalization(groups=2, name="gn")
    layer(np.ones((2, 4), dtype="float32"))
    assert [w.path for w in layer.weights] == ["gn/gamma", "gn/beta"]
    assert GroupNormalization().name.startswith("group_normalization")


@pytest.mark.parametrize("groups", [0, -2, 2.0, "2", True])
def test_bad_groups_are_rejected(groups: Any) -> None:
    with pytest.raises(
        ValueError, match=rf"expected a positive integer \(or `-1` .*Received: groups={groups}"
    ):
        GroupNormalization(groups=groups)


@pytest.mark.parametrize("groups", [4, 5])
def test_groups_must_divide_the_channels(groups: int) -> None:
    with pytest.raises(
        ValueError, match=r"the number of channels \(6\) on axis -1 must be a multiple of the number"
    ):
        GroupNormalization(groups=groups, name="gn")(np.ones((2, 6), dtype="float32"))


def test_axis_errors() -> None:
    with pytest.raises(ValueError, match=r"Axis 3 is out of bounds for input shape \(2, 3, 4\)"):
        GroupNormalization(groups=1, axis=3)(np.ones((2, 3, 4), dtype="float32"))
    with pytest.raises(ValueError, match=r"`axis` must not be the batch axis. Received: axis=0"):
        GroupNormalization(groups=1, axis=0)(np.ones((2, 3, 4), dtype="float32"))
    with pytest.raises(ValueError, match=r"axis -1 of the input must have a defined size"):
        GroupNormalization(groups=1).build((None, 3, None))
