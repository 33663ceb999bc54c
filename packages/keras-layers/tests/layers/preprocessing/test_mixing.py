"""CutMix and MixUp: images and labels mixed consistently with the same partner and
weight, identity at inference, seeded determinism, dict and plain inputs, configs."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import backend, ops
from keras.layers import Input
from keras.layers._preprocessing.mixing import CutMix, MixUp

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
BATCH = 6
IMAGES = np.random.default_rng(0).uniform(0, 255, size=(BATCH, 8, 10, 3)).astype("float32")
LABELS = np.eye(BATCH, dtype="float32")


def as_np(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


def partners(labels: np.ndarray) -> list[tuple[int, float]]:
    """(partner, own weight) of each sample, read from mixed one-hot labels."""
    np.testing.assert_allclose(labels.sum(axis=1), np.ones(BATCH), rtol=1e-5)
    result = []
    for i, row in enumerate(labels):
        others = np.delete(np.arange(BATCH), i)
        j = int(others[np.argmax(row[others])])
        assert np.count_nonzero(row > 1e-6) <= 2
        result.append((j if row[j] > 1e-6 else i, float(row[i])))
    return result


def test_mixup_images_and_labels_use_the_same_partner_and_weight() -> None:
    out = MixUp(alpha=0.8, seed=3)({"images": IMAGES, "labels": LABELS})
    labels, images = as_np(out["labels"]), as_np(out["images"])
    assert set(out) == {"images", "labels"}
    for i, (j, weight) in enumerate(partners(labels)):
        expected = weight * IMAGES[i] + (1.0 - weight) * IMAGES[j]
        np.testing.assert_allclose(images[i], expected, rtol=1e-5, atol=1e-3)
    assert not np.allclose(images, IMAGES)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_cutmix_pastes_one_rectangle_from_the_partner(data_format: str) -> None:
    x = IMAGES if data_format == "channels_last" else np.transpose(IMAGES, (0, 3, 1, 2))
    out = CutMix(seed=5, data_format=data_format)({"images": x, "labels": LABELS})
    images = as_np(out["images"])
    if data_format == "channels_first":
        images = np.transpose(images, (0, 2, 3, 1))
    height, width = IMAGES.shape[1:3]
    changed_any = False
    for i, (j, weight) in enumerate(partners(as_np(out["labels"]))):
        from_partner = np.all(images[i] == IMAGES[j], axis=-1)
        from_self = np.all(images[i] == IMAGES[i], axis=-1)
        assert np.all(from_partner | from_self)  # every pixel is one of the pair's
        pasted = from_partner & ~from_self
        if j == i or not pasted.any():
            continue
        changed_any = True
        rows, cols = np.nonzero(pasted)
        box = np.zeros_like(pasted)
        box[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1] = True
        assert np.array_equal(pasted, box)  # one axis-aligned rectangle
        # The label weight is the untouched area, up to the box's pixel rounding.
        slack = (height + width + 1) / (height * width)
        assert abs((1.0 - weight) - pasted.mean()) <= slack
    assert changed_any


@pytest.mark.parametrize("cls", [CutMix, MixUp])
def test_inference_seeds_plain_inputs_and_shapes(cls: Any) -> None:
    layer = cls(seed=7)
    np.testing.assert_array_equal(as_np(layer(IMAGES, training=False)), IMAGES)
    inference = layer({"images": IMAGES, "labels": LABELS}, training=False)
    np.testing.assert_array_equal(as_np(inference["labels"]), LABELS)
    first, second = as_np(cls(seed=7)(IMAGES)), as_np(cls(seed=7)(IMAGES))
    np.testing.assert_array_equal(first, second)
    assert first.shape == IMAGES.shape and first.dtype == np.float32
    assert not np.array_equal(first, IMAGES)
    # A single image has no partner: it comes back unchanged.
    np.testing.assert_allclose(as_np(layer(IMAGES[0])), IMAGES[0], rtol=1e-5, atol=1e-3)
    symbolic = layer({"images": Input((8, 10, 3)), "labels": Input((BATCH,))})
    assert symbolic["images"].shape == (None, 8, 10, 3) and symbolic["labels"].shape == (None, BATCH)
    assert layer(Input((8, 10, 3))).shape == (None, 8, 10, 3)


def test_inference_dtypes_follow_keras() -> None:
    as_uint8 = IMAGES.astype("uint8")
    assert backend.standardize_dtype(MixUp()(as_uint8, training=False).dtype) == "uint8"
    assert backend.standardize_dtype(CutMix()(as_uint8, training=False).dtype) == "float32"
    assert backend.standardize_dtype(MixUp(seed=1)(as_uint8).dtype) == "float32"


def test_integer_class_labels_mix_per_sample() -> None:
    out = MixUp(alpha=1.0, seed=2)({"images": IMAGES, "labels": np.arange(BATCH)})
    assert as_np(out["labels"]).shape == (BATCH,)


@pytest.mark.parametrize(
    ("layer", "expected"),
    [
        (CutMix(name="cut_mix"), {"factor": (0, 1.0), "seed": None}),
        (CutMix((0.2, 0.5), seed=4, name="cut_mix"), {"factor": (0.2, 0.5), "seed": 4}),
        (MixUp(name="mix_up"), {"alpha": 0.2, "seed": None}),
    ],
)
def test_configs_match_keras_and_round_trip(layer: Any, expected: dict[str, Any]) -> None:
    config = layer.get_config()
    assert config == {
        "name": layer.name,
        "trainable": True,
        "dtype": DTYPE,
        "data_format": "channels_last",
        **expected,
    }
    assert type(layer).from_config(config).get_config() == config


def test_bad_arguments() -> None:
    message = r"The `factor` argument should be a number \(or a list of two numbers\) in the range \[0, 1\]. Received: factor=2"
    with pytest.raises(ValueError, match=message):
        CutMix(factor=2)
    with pytest.raises(ValueError, match="Received: alpha=0"):
        MixUp(alpha=0)
    with pytest.raises(ValueError, match=r"rank 3 .* or 4"):
        MixUp()(np.zeros((4, 4), "float32"))
