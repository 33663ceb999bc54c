"""Model builders: signatures, weight loading, argument errors and one forward pass."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import keras
from keras import applications
from keras.applications import _imagenet_utils

numpy_only = pytest.mark.skipif(
    keras.backend.backend() != "numpy",
    reason="model plumbing is backend-independent; the forward pass test covers every backend",
)

DATA = Path(__file__).parent / "data"
REFERENCE = Path(__file__).parents[4] / "shared" / "reference" / "keras-3.15-api.jsonl"
if not REFERENCE.exists():
    REFERENCE = Path("/work/shared/reference/keras-3.15-api.jsonl")


def _reference() -> dict[str, list[list[Any]]]:
    entries = {}
    for line in REFERENCE.read_text().splitlines():
        entry = json.loads(line)
        if entry["name"].startswith("keras.applications."):
            entries[entry["name"]] = entry["params"]
    return entries


@pytest.mark.skipif(not REFERENCE.exists(), reason="the reference API listing is not available")
def test_names_and_signatures_match_reference() -> None:
    reference = _reference()
    assert len(reference) == 113
    for full_name, params in reference.items():
        module_name, _, attr = full_name.rpartition(".")
        module = (
            applications
            if module_name == "keras.applications"
            else getattr(applications, module_name.split(".")[-1])
        )
        fn = getattr(module, attr)
        got = [
            [p.name, p.kind.name, None if p.default is inspect.Parameter.empty else repr(p.default)]
            for p in inspect.signature(fn).parameters.values()
        ]
        assert got == params, full_name
    publics = {name for name in reference if name.count(".") == 2}
    assert {f"keras.applications.{n}" for n in applications.__all__} == publics


def _forward_model(weights: Any) -> keras.Model:
    return applications.MobileNet(weights=weights, alpha=0.25, input_shape=(32, 32, 3), classes=10)


def test_forward_pass_matches_keras_with_same_weights() -> None:
    """Keras 3.15.1 saved random weights and its own output for two preprocessed images."""
    model = _forward_model(str(DATA / "mobilenet_025_32.weights.h5"))
    io = np.load(DATA / "mobilenet_025_32_io.npz")
    out = keras.ops.convert_to_numpy(model(io["x"]))
    np.testing.assert_allclose(out, io["y"], rtol=1e-4, atol=1e-5)
    assert model.name == "mobilenet_0.25_32"


@numpy_only
def test_weights_path_round_trip(tmp_path: Path) -> None:
    model = applications.MobileNetV3Small(
        weights=None, input_shape=(32, 32, 3), alpha=0.75, minimalistic=True, include_top=False, pooling="avg"
    )
    path = tmp_path / "small.weights.h5"
    model.save_weights(str(path))
    loaded = applications.MobileNetV3Small(
        weights=str(path),
        input_shape=(32, 32, 3),
        alpha=0.75,
        minimalistic=True,
        include_top=False,
        pooling="avg",
    )
    x = np.random.default_rng(0).uniform(0, 255, (1, 32, 32, 3)).astype("float32")
    np.testing.assert_allclose(
        keras.ops.convert_to_numpy(loaded(x)), keras.ops.convert_to_numpy(model(x)), rtol=1e-5, atol=1e-6
    )
    assert tuple(loaded.output.shape) == (None, 432)


class _OfflineError(OSError):
    pass


@pytest.mark.parametrize(
    ("builder", "kwargs", "file_name", "origin"),
    [
        (
            "ResNet50",
            dict(include_top=False),
            "resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5",
            "https://storage.googleapis.com/tensorflow/keras-applications/resnet/resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5",
        ),
        (
            "VGG16",
            dict(include_top=False),
            "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
            "https://storage.googleapis.com/tensorflow/keras-applications/vgg16/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
        ),
        (
            "MobileNet",
            dict(alpha=0.25, input_shape=(128, 128, 3), include_top=False),
            "mobilenet_2_5_128_tf_no_top.h5",
            "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet/mobilenet_2_5_128_tf_no_top.h5",
        ),
        (
            "MobileNetV2",
            dict(alpha=0.35, input_shape=(96, 96, 3), include_top=False),
            "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_96_no_top.h5",
            "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet_v2/mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_96_no_top.h5",
        ),
        (
            "MobileNetV3Small",
            dict(input_shape=(224, 224, 3), include_top=False),
            "weights_mobilenet_v3_small_224_1.0_float_no_top_v2.h5",
            "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet_v3/weights_mobilenet_v3_small_224_1.0_float_no_top_v2.h5",
        ),
        (
            "EfficientNetB0",
            dict(include_top=False),
            "efficientnetb0_notop.h5",
            "https://storage.googleapis.com/keras-applications/efficientnetb0_notop.h5",
        ),
    ],
)
def test_imagenet_weights_are_fetched_with_get_file(
    builder: str, kwargs: dict[str, Any], file_name: str, origin: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, str]] = []

    def offline(fname: str, url: str, **_: Any) -> str:
        seen.append((fname, url))
        raise _OfflineError(f"URL fetch failure on {url}")

    monkeypatch.setattr(_imagenet_utils, "get_file", offline)
    if keras.backend.backend() != "numpy" and builder != "MobileNet":
        pytest.skip("weight fetching is backend-independent (model building is slow off numpy)")
    with pytest.raises(_OfflineError, match="URL fetch failure"):
        getattr(applications, builder)(weights="imagenet", **kwargs)
    assert seen == [(file_name, origin)]


def test_weights_argument_errors() -> None:
    with pytest.raises(
        ValueError, match=r"The `weights` argument should be either .* Received: weights=nope\.h5"
    ):
        applications.VGG16(weights="nope.h5")
    with pytest.raises(ValueError, match=r"`classes` should be 1000.  Received classes=10"):
        applications.ResNet50(weights="imagenet", classes=10)


def test_input_shape_errors() -> None:
    with pytest.raises(
        ValueError, match=r"Input size must be at least 32x32; Received: input_shape=\(16, 16, 3\)"
    ):
        applications.VGG16(weights=None, include_top=False, input_shape=(16, 16, 3))
    with pytest.raises(ValueError, match=r"`input_shape` should be \(224, 224, 3\)"):
        applications.ResNet50(weights="imagenet", input_shape=(100, 100, 3))
    with pytest.raises(ValueError, match=r"`input_shape` must be a tuple of three integers"):
        applications.VGG16(weights=None, include_top=False, input_shape=(64, 64))
    with pytest.raises(ValueError, match=r"Input size must be at least 71x71"):
        applications.Xception(weights=None, include_top=False, input_shape=(64, 64, 3))
    with pytest.raises(ValueError, match=r"Input size must be at least 32x32"):
        applications.MobileNetV3Small(weights=None, input_shape=(16, 16, 3))


def test_classifier_activation_with_pretrained_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match=r"Only `None` and `softmax` activations are allowed"):
        applications.MobileNet(
            weights="imagenet", alpha=0.25, input_shape=(128, 128, 3), classifier_activation="relu"
        )


def test_mobilenet_imagenet_argument_errors() -> None:
    with pytest.raises(ValueError, match=r"depth multiplier must be 1.  Received depth_multiplier=2"):
        applications.MobileNet(weights="imagenet", depth_multiplier=2)
    with pytest.raises(ValueError, match=r"alpha can be one of`0.25`"):
        applications.MobileNet(weights="imagenet", alpha=0.3)
    with pytest.raises(ValueError, match=r"Received `alpha=0.3`"):
        applications.MobileNetV2(weights="imagenet", alpha=0.3)
    with pytest.raises(ValueError, match=r"alpha can be one of `0.75`, `1.0` for non minimalistic"):
        applications.MobileNetV3Large(weights="imagenet", alpha=0.5)


@numpy_only
def test_input_tensor_is_used_as_model_input() -> None:
    inputs = keras.Input((32, 32, 3))
    model = applications.MobileNet(
        weights=None, alpha=0.25, input_tensor=inputs, include_top=False, pooling="max"
    )
    assert model.inputs[0] is inputs
    assert tuple(model.output.shape) == (None, 256)


@numpy_only
def test_classes_and_logits() -> None:
    model = applications.MobileNetV2(
        weights=None, alpha=0.35, input_shape=(32, 32, 3), classes=7, classifier_activation=None
    )
    x = np.random.default_rng(0).uniform(-1, 1, (2, 32, 32, 3)).astype("float32")
    out = keras.ops.convert_to_numpy(model(x))
    assert out.shape == (2, 7)
    assert not np.allclose(out.sum(axis=-1), 1.0)  # logits, not probabilities
