"""tf.data.Dataset and torch DataLoader adapters: values, order, native tensors, errors."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from data_fixtures import N, X, Y, batches_to_numpy

from keras.backend import backend
from keras.trainers._data.epoch_iterator import get_data_adapter
from keras.trainers._data.tf_dataset_adapter import TFDatasetAdapter, is_tf_dataset
from keras.trainers._data.torch_adapter import TorchDataLoaderAdapter, is_torch_dataloader


def _tf() -> Any:
    return pytest.importorskip("tensorflow", reason="this test needs tensorflow installed")


def _torch() -> Any:
    return pytest.importorskip("torch", reason="this test needs torch installed")


def tf_dataset(*parts: Any, batch_size: int = 4) -> Any:
    tf = _tf()
    return tf.data.Dataset.from_tensor_slices(parts if len(parts) > 1 else parts[0]).batch(batch_size)


def torch_loader(*parts: Any, batch_size: int = 4, shuffle: bool = False) -> Any:
    torch = _torch()
    tensors = [torch.from_numpy(p) for p in parts]
    return torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(*tensors), batch_size=batch_size, shuffle=shuffle
    )


def test_detection_does_not_mistake_other_objects() -> None:
    assert is_tf_dataset(tf_dataset(X)) and not is_tf_dataset(X)
    assert is_torch_dataloader(torch_loader(X)) and not is_torch_dataloader(tf_dataset(X))
    assert isinstance(get_data_adapter(tf_dataset(X, Y)), TFDatasetAdapter)
    assert isinstance(get_data_adapter(torch_loader(X, Y)), TorchDataLoaderAdapter)


@pytest.mark.parametrize("make", [tf_dataset, torch_loader], ids=["tf.data", "torch"])
def test_batches_in_order_with_a_partial_last_batch(make: Any) -> None:
    adapter = get_data_adapter(make(X, Y))
    batches = batches_to_numpy(list(adapter))
    assert adapter.num_batches == 3
    assert [b[0].shape for b in batches] == [(4, 3), (4, 3), (2, 3)]
    np.testing.assert_array_equal(np.concatenate([b[0] for b in batches]), X)
    np.testing.assert_array_equal(np.concatenate([b[1] for b in batches]), Y)
    assert all(b[2] is None for b in batches)
    # a second pass starts over
    np.testing.assert_array_equal(batches_to_numpy(list(adapter))[0][0], X[:4])


@pytest.mark.parametrize(
    ("make", "native"), [(tf_dataset, "tensorflow"), (torch_loader, "torch")], ids=["tf.data", "torch"]
)
def test_leaves_are_native_on_their_backend_and_numpy_elsewhere(make: Any, native: str) -> None:
    x, _, _ = next(iter(get_data_adapter(make(X, Y))))
    if backend() == native:
        assert type(x).__module__.split(".")[0] == native
    else:
        assert isinstance(x, np.ndarray)


def test_tf_dataset_of_x_alone_and_of_three_parts() -> None:
    (_x, y, sw), *_ = list(get_data_adapter(tf_dataset(X)))
    assert y is None and sw is None
    weights = np.linspace(0, 1, N).astype("float32")
    batches = batches_to_numpy(list(get_data_adapter(tf_dataset(X, Y, weights))))
    np.testing.assert_array_equal(batches[2][2], weights[8:])


def test_tf_dataset_dict_inputs_keep_their_structure() -> None:
    tf = _tf()
    dataset = tf.data.Dataset.from_tensor_slices(({"a": X, "b": X[:, :1]}, Y)).batch(5)
    x, _y, _ = next(iter(get_data_adapter(dataset)))
    assert sorted(x) == ["a", "b"]
    np.testing.assert_array_equal(np.asarray(x["b"]), X[:5, :1])


def test_tf_dataset_class_weight() -> None:
    tf = _tf()
    labels = np.array([0, 1, 1, 2], dtype="int64")
    dataset = tf.data.Dataset.from_tensor_slices((np.zeros((4, 1), "float32"), labels)).batch(4)
    (_, _, sw), *_ = list(get_data_adapter(dataset, class_weight={1: 5.0, 2: 0.5}))
    np.testing.assert_allclose(np.asarray(sw), [1.0, 5.0, 5.0, 0.5])


def test_unknown_and_infinite_cardinality_is_none() -> None:
    assert get_data_adapter(tf_dataset(X).repeat()).num_batches is None
    assert get_data_adapter(tf_dataset(X).filter(lambda x: True)).num_batches is None


def test_torch_loader_shuffle_is_a_permutation() -> None:
    torch = _torch()
    torch.manual_seed(0)
    batches = batches_to_numpy(list(get_data_adapter(torch_loader(X, Y, shuffle=True))))
    ys = np.concatenate([b[1] for b in batches])[:, 0]
    assert sorted(ys.tolist()) == list(range(N))
    np.testing.assert_array_equal(np.concatenate([b[0] for b in batches])[:, 0] / 3, ys)


@pytest.mark.parametrize(
    ("make", "name"),
    [(tf_dataset, "tf.data.Dataset"), (torch_loader, "torch DataLoader")],
    ids=["tf.data", "torch"],
)
def test_y_or_sample_weight_beside_a_dataset_is_refused(make: Any, name: str) -> None:
    with pytest.raises(
        ValueError,
        match=rf"When providing `x` as a {name}, `y` should not be passed\. Instead, the targets should be included "
        rf"as part of the {name}\.",
    ):
        get_data_adapter(make(X, Y), y=Y)
    with pytest.raises(
        ValueError, match=r"`sample_weights` should not be passed\. Instead, the sample weights"
    ):
        get_data_adapter(make(X, Y), sample_weight=np.ones(N))


def test_torch_loader_refuses_class_weight() -> None:
    with pytest.raises(
        ValueError, match="Argument `class_weight` is not supported for torch DataLoader inputs"
    ):
        get_data_adapter(torch_loader(X, Y), class_weight={0: 1.0})


@pytest.mark.parametrize("make", [tf_dataset, torch_loader], ids=["tf.data", "torch"])
def test_shuffle_is_ignored_with_keras_warning(make: Any) -> None:
    with pytest.warns(
        UserWarning,
        match=r"`shuffle=True` was passed, but will be ignored since the data `x` was provided as a",
    ):
        adapter = get_data_adapter(make(X, Y), shuffle=True)
    np.testing.assert_array_equal(batches_to_numpy(list(adapter))[0][0], X[:4])
