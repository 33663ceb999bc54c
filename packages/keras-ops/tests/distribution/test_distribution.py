"""keras.distribution: meshes, layouts, layout maps, distributions, the active one, placement."""

from __future__ import annotations

import re
import threading
from typing import Any

import numpy as np
import pytest

from keras import distribution, ops
from keras.backend import backend

REFERENCE_NAMES = [
    "DataParallel",
    "DeviceMesh",
    "LayoutMap",
    "ModelParallel",
    "TensorLayout",
    "distribute_tensor",
    "distribution",
    "get_device_count",
    "initialize",
    "list_devices",
    "set_distribution",
]


@pytest.fixture(autouse=True)
def _no_active_distribution() -> Any:
    distribution.set_distribution(None)
    yield
    distribution.set_distribution(None)


def _mesh(shape: tuple[int, ...] = (1, 1), names: tuple[str, ...] = ("batch", "model")) -> Any:
    return distribution.DeviceMesh(shape, list(names), devices=["cpu:0"] * int(np.prod(shape)))


class _FakeVariable:
    """What the distributions read of a `keras.Variable`: path, shape and its own `layout`."""

    def __init__(self, path: str, shape: tuple[int, ...], layout: Any = None) -> None:
        self.path, self.shape, self.layout = path, shape, layout


def test_namespace_matches_reference() -> None:
    assert distribution.__all__ == REFERENCE_NAMES


def test_list_devices_on_a_cpu_machine() -> None:
    assert distribution.list_devices("cpu") == ["cpu:0"]
    assert distribution.list_devices("CPU") == ["cpu:0"]
    assert distribution.get_device_count("cpu") == 1
    devices = distribution.list_devices()
    assert devices and all(re.fullmatch(r"[a-z]+:\d+", name) for name in devices)
    assert distribution.get_device_count() == len(devices)


def test_device_mesh() -> None:
    devices = [f"cpu:{i}" for i in range(8)]
    mesh = distribution.DeviceMesh((2, 4), ["batch", "model"], devices)
    assert mesh.shape == (2, 4) and mesh.axis_names == ["batch", "model"]
    assert mesh.devices.shape == (2, 4)
    assert mesh.devices[1, 0] == "cpu:4"
    assert repr(mesh) == "<DeviceMesh shape=(2, 4), axis_names=['batch', 'model']>"
    default = distribution.DeviceMesh((len(distribution.list_devices()),), ["batch"])
    assert default.devices.tolist() == distribution.list_devices()


@pytest.mark.parametrize(
    ("shape", "names", "devices", "message"),
    [
        (
            (),
            ["batch"],
            ["cpu:0"],
            "Shape and axis_names cannot be empty. Received: shape=(), axis_names=['batch']",
        ),
        ((1,), [], ["cpu:0"], "Shape and axis_names cannot be empty. Received: shape=(1,), axis_names=[]"),
        (
            (1, 1),
            ["batch"],
            ["cpu:0"],
            "Shape and axis_names should have same size. Received: shape=(1, 1), axis_names=['batch']",
        ),
        (
            (2, 2),
            ["batch", "model"],
            ["cpu:0"] * 3,
            "Shape does not match the number of devices. Received: shape=(2, 2); devices.shape=(3,)",
        ),
    ],
)
def test_device_mesh_errors(shape: Any, names: Any, devices: Any, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        distribution.DeviceMesh(shape, names, devices)


def test_tensor_layout() -> None:
    mesh = _mesh()
    layout = distribution.TensorLayout([None, "model"], mesh)
    assert layout.axes == (None, "model") and layout.device_mesh is mesh
    assert repr(layout) == (
        "<TensorLayout axes=(None, 'model'), device_mesh=<DeviceMesh shape=(1, 1), axis_names=['batch', 'model']>>"
    )
    later = distribution.TensorLayout(("batch",))
    assert later.device_mesh is None
    later.device_mesh = mesh
    assert later.device_mesh is mesh
    with pytest.raises(ValueError, match="Cannot override device mesh value"):
        later.device_mesh = mesh


def test_tensor_layout_rejects_unknown_axes() -> None:
    with pytest.raises(
        ValueError,
        match=re.escape("Invalid axis names for Layout. Valid axis names: ['batch', 'model'], Got ['data']"),
    ):
        distribution.TensorLayout(["data", None], _mesh())
    layout = distribution.TensorLayout(["data"])
    with pytest.raises(ValueError, match="Invalid axis names for Layout"):
        layout.device_mesh = _mesh()


def test_layout_map_lookups() -> None:
    mesh = _mesh()
    layout_map = distribution.LayoutMap(mesh)
    layout_map["dense.*kernel"] = (None, "model")
    layout_map["dense.*bias"] = distribution.TensorLayout(["model"])
    layout_map["conv/kernel"] = distribution.TensorLayout([None, None, None, "model"], mesh)
    assert len(layout_map) == 3 and list(layout_map) == ["dense.*kernel", "dense.*bias", "conv/kernel"]
    kernel = layout_map["dense_1/kernel"]
    assert kernel.axes == (None, "model") and kernel.device_mesh is mesh
    assert layout_map["dense/bias"].axes == ("model",) and layout_map["dense/bias"].device_mesh is mesh
    assert layout_map["conv/kernel"].axes == (None, None, None, "model")
    assert layout_map["conv/bias"] is None
    assert layout_map["my_dense/kernel"] is None  # the pattern must match the whole path
    assert layout_map.get("nothing") is None
    del layout_map["conv/kernel"]
    assert "conv/kernel" not in layout_map and len(layout_map) == 2
    assert "dense_2/kernel" in layout_map and "conv/bias" not in layout_map


def test_layout_map_exact_key_wins_over_patterns() -> None:
    layout_map = distribution.LayoutMap(_mesh())
    layout_map["d.*"] = ("model",)
    layout_map["d.+"] = ("batch",)
    layout_map["dense"] = (None,)
    assert layout_map["dense"].axes == (None,)
    with pytest.raises(
        ValueError, match=re.escape("Path 'dx' matches multiple layout specification keys: ['d.*', 'd.+']")
    ):
        layout_map["dx"]


def test_layout_map_errors() -> None:
    layout_map = distribution.LayoutMap(_mesh())
    layout_map["a"] = (None,)
    with pytest.raises(ValueError, match="a already exist in the LayoutMap"):
        layout_map["a"] = (None,)
    with pytest.raises(ValueError, match="should be a TensorLayout type, got <class 'list'>"):
        layout_map["b"] = [None]  # type: ignore[assignment]


def test_data_parallel_from_devices() -> None:
    dp = distribution.DataParallel(devices=["cpu:0"])
    assert dp.batch_dim_name == "batch" and dp.device_mesh.axis_names == ["batch"]
    assert dp.device_mesh.shape == (1,)
    assert dp.num_model_replicas == 1 and dp.num_processes == 1 and dp.data_shard_id == 0
    assert dp.get_data_layout((16, 3, 4)).axes == ("batch", None, None)
    assert dp.get_variable_layout(_FakeVariable("dense/kernel", (3, 4))).axes == (None, None)
    assert dp.get_tensor_layout("dense/output") is None
    assert dp.auto_shard_dataset
    data = [1, 2, 3]
    assert dp.distribute_dataset(data) is data  # one process: nothing to shard
    assert repr(dp) == "<DataParallel device_mesh=<DeviceMesh shape=(1,), axis_names=['batch']>>"


def test_data_parallel_defaults_and_mesh() -> None:
    dp = distribution.DataParallel()
    assert dp.device_mesh.devices.tolist() == distribution.list_devices()
    mesh = distribution.DeviceMesh((2,), ["data"], ["cpu:0", "cpu:1"])
    dp = distribution.DataParallel(device_mesh=mesh, auto_shard_dataset=False)
    assert dp.device_mesh is mesh and dp.batch_dim_name == "data" and dp.num_model_replicas == 2
    assert not dp.auto_shard_dataset
    own = distribution.TensorLayout(["data", None], mesh)
    assert dp.get_variable_layout(_FakeVariable("v", (2, 2), layout=own)) is own
    with pytest.warns(UserWarning, match="Expect the input mesh to be 1D"):
        distribution.DataParallel(device_mesh=_mesh((2, 2)))
    with pytest.raises(ValueError, match="Expect `mesh` to be an instance of `DeviceMesh`"):
        distribution.DataParallel(device_mesh="mesh")  # type: ignore[arg-type]


def test_model_parallel() -> None:
    mesh = distribution.DeviceMesh((2, 4), ["batch", "model"], [f"cpu:{i}" for i in range(8)])
    layout_map = distribution.LayoutMap(mesh)
    layout_map["dense.*kernel"] = (None, "model")
    layout_map["dense.*output"] = ("batch", None)
    mp = distribution.ModelParallel(layout_map=layout_map)
    assert mp.batch_dim_name == "batch" and mp.num_model_replicas == 2 and mp.device_mesh is mesh
    assert mp.get_variable_layout(_FakeVariable("dense/kernel", (3, 8))).axes == (None, "model")
    assert mp.get_variable_layout(_FakeVariable("dense/bias", (8,))).axes == (None,)
    assert mp.get_tensor_layout("dense/output").axes == ("batch", None)
    assert mp.get_tensor_layout("conv/output") is None
    assert mp.get_data_layout((32, 5)).axes == ("batch", None)
    by_model = distribution.ModelParallel(layout_map=layout_map, batch_dim_name="model", device_mesh=mesh)
    assert by_model.num_model_replicas == 4


def test_model_parallel_errors() -> None:
    with pytest.raises(ValueError, match=re.escape("You must specify a layout_map argument.")):
        distribution.ModelParallel()
    with pytest.raises(
        ValueError,
        match=re.escape("Argument `layout_map` must be a `LayoutMap` instance. Received: layout_map=x"),
    ):
        distribution.ModelParallel(layout_map="x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=re.escape("unexpected keyword arguments: ['devices']")):
        distribution.ModelParallel(layout_map=distribution.LayoutMap(_mesh()), devices=["cpu:0"])


def test_active_distribution_and_scope() -> None:
    assert distribution.distribution() is None
    first, second = distribution.DataParallel(devices=["cpu:0"]), distribution.DataParallel(devices=["cpu:0"])
    distribution.set_distribution(first)
    assert distribution.distribution() is first
    with second.scope():
        assert distribution.distribution() is second
        seen: list[Any] = []
        thread = threading.Thread(target=lambda: seen.append(distribution.distribution()))
        thread.start()
        thread.join()
        assert seen == [None]  # the active distribution is per thread
    assert distribution.distribution() is first
    with pytest.raises(RuntimeError), second.scope():
        raise RuntimeError
    assert distribution.distribution() is first


def test_distribute_tensor_on_one_device() -> None:
    mesh = distribution.DeviceMesh((1,), ["batch"], distribution.list_devices("cpu"))
    layout = distribution.TensorLayout(["batch", None], mesh)
    x = ops.reshape(ops.arange(6, dtype="float32"), (2, 3))
    y = distribution.distribute_tensor(x, layout)
    np.testing.assert_array_equal(ops.convert_to_numpy(y), np.arange(6, dtype="float32").reshape(2, 3))
    if backend() == "jax":
        import jax

        sharding = layout.backend_layout
        assert isinstance(sharding, jax.sharding.NamedSharding)
        assert sharding.spec == jax.sharding.PartitionSpec("batch", None)
        assert y.sharding.is_equivalent_to(sharding, 2)
        assert layout.device_mesh is not None and layout.device_mesh.backend_mesh.axis_names == ("batch",)
        jitted = jax.jit(lambda t: distribution.distribute_tensor(t * 2, layout))(x)
        np.testing.assert_array_equal(np.asarray(jitted), 2 * np.arange(6).reshape(2, 3))
    else:
        assert y is x


def test_distribute_tensor_leaves_symbolic_tensors() -> None:
    from keras.ops._keras_tensor import KerasTensor

    symbolic = KerasTensor((None, 3))
    assert distribution.distribute_tensor(symbolic, distribution.TensorLayout(["batch", None])) is symbolic


@pytest.mark.skipif(backend() != "jax", reason="layouts without a mesh are only resolved on jax")
def test_distribute_tensor_needs_a_mesh_on_jax() -> None:
    with pytest.raises(
        ValueError, match=re.escape("Cannot create sharding when device mesh is not set for TensorLayout.")
    ):
        distribution.distribute_tensor(ops.ones((2,)), distribution.TensorLayout(["batch"]))


@pytest.mark.skipif(backend() == "jax", reason="jax shards over several devices")
def test_distribute_tensor_over_several_devices_needs_jax() -> None:
    layout = distribution.TensorLayout(
        ["batch"], distribution.DeviceMesh((2,), ["batch"], ["cpu:0", "cpu:1"])
    )
    with pytest.raises(NotImplementedError, match="implemented on the jax backend only"):
        distribution.distribute_tensor(ops.ones((2,)), layout)


def test_initialize_checks_the_addresses(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="`job_addresses` lists 2 processes but `num_processes` is 3"):
        distribution.initialize("10.0.0.1:1234,10.0.0.2:1234", num_processes=3, process_id=0)
    monkeypatch.setenv("KERAS_DISTRIBUTION_JOB_ADDRESSES", "a:1,b:1,c:1")
    monkeypatch.setenv("KERAS_DISTRIBUTION_NUM_PROCESSES", "2")
    with pytest.raises(ValueError, match="lists 3 processes but `num_processes` is 2"):
        distribution.initialize()


@pytest.mark.skipif(backend() == "jax", reason="jax starts a real multi-process runtime")
def test_initialize_needs_jax() -> None:
    with pytest.raises(NotImplementedError, match="jax backend only"):
        distribution.initialize("localhost:1234", 1, 0)
