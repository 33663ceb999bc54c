"""keras.device, keras.remat and keras.RematScope on the active backend."""

from __future__ import annotations

import numpy as np
import pytest

from keras.backend import backend
from keras.backend._device import RematScope, current_remat_scope, device, remat
from keras.backend._kernels.device import parse_device
from keras.ops._convert import convert, to_numpy


@pytest.mark.parametrize(
    ("name", "parsed"),
    [
        ("cpu", ("cpu", 0)),
        ("gpu:1", ("gpu", 1)),
        ("/device:GPU:0", ("gpu", 0)),
        ("cuda:2", ("gpu", 2)),
        ("TPU", ("tpu", 0)),
    ],
)
def test_parse_device(name: str, parsed: tuple[str, int]) -> None:
    assert parse_device(name) == parsed


@pytest.mark.parametrize("name", ["fpga", "gpu:x", "cpu:1:2"])
def test_parse_device_rejects_bad_names(name: str) -> None:
    with pytest.raises(ValueError, match="Invalid device name"):
        parse_device(name)


def test_cpu_scope_places_tensors_on_the_cpu() -> None:
    with device("cpu:0"):
        x = convert(np.ones(2, dtype="float32"))
    np.testing.assert_array_equal(to_numpy(x), [1.0, 1.0])
    if backend() == "torch":
        assert x.device.type == "cpu"
    if backend() == "jax":
        assert next(iter(x.devices())).platform == "cpu"


@pytest.mark.skipif(backend() != "numpy", reason="the CPU-only refusal is the numpy backend's")
def test_numpy_backend_refuses_gpus() -> None:
    with pytest.raises(ValueError, match="The numpy backend runs on the CPU only"):
        device("gpu:0")


def test_remat_keeps_values() -> None:
    def f(x):  # type: ignore[no-untyped-def]
        return x * x + 1.0

    x = convert(np.array([1.0, 2.0], dtype="float32"))
    np.testing.assert_allclose(to_numpy(remat(f)(x)), [2.0, 5.0])


@pytest.mark.skipif(backend() != "jax", reason="checks jax.grad through jax.checkpoint")
def test_remat_gradient_on_jax() -> None:
    import jax

    grad = jax.grad(lambda x: remat(lambda y: (y**3).sum())(x))(np.array([2.0], dtype="float32"))
    np.testing.assert_allclose(np.asarray(grad), [12.0])


def test_remat_scope_records_the_mode() -> None:
    assert current_remat_scope() is None
    with RematScope(mode="larger_than", output_size_threshold=10) as scope:
        assert current_remat_scope() is scope
        assert (scope.mode, scope.output_size_threshold) == ("larger_than", 10)
    assert current_remat_scope() is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"mode": "some"}, "Invalid mode"), ({"mode": "list_of_layers"}, "needs the names of the layers")],
)
def test_remat_scope_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        RematScope(**kwargs)  # type: ignore[arg-type]
