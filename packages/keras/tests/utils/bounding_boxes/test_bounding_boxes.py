"""keras.utils.bounding_boxes against hand computations and Keras 3.15's outputs: format
conversions both ways, IoU/CIoU, box coding round trips, geometry, and errors."""

from __future__ import annotations

import doctest
import math
from typing import Any

import numpy as np
import pytest

import keras
from keras import ops
from keras.backend import backend
from keras.utils import bounding_boxes as bb


def np_(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


H, W = 200.0, 300.0
XYXY = np.array([[10.0, 20.0, 30.0, 60.0], [50.0, 60.0, 150.0, 80.0]], dtype="float32")
# the same boxes written by hand in every format
BY_FORMAT = {
    "xyxy": XYXY,
    "yxyx": XYXY[:, [1, 0, 3, 2]],
    "xywh": np.array([[10, 20, 20, 40], [50, 60, 100, 20]], "float32"),
    "center_xywh": np.array([[20, 40, 20, 40], [100, 70, 100, 20]], "float32"),
    "center_yxhw": np.array([[40, 20, 40, 20], [70, 100, 20, 100]], "float32"),
    "rel_xyxy": XYXY / [W, H, W, H],
    "rel_yxyx": XYXY[:, [1, 0, 3, 2]] / [H, W, H, W],
    "rel_xywh": np.array([[10, 20, 20, 40], [50, 60, 100, 20]], "float32") / [W, H, W, H],
    "rel_center_xywh": np.array([[20, 40, 20, 40], [100, 70, 100, 20]], "float32") / [W, H, W, H],
}
PAIRS = [(s, t) for s in BY_FORMAT for t in BY_FORMAT]


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_convert_format_every_pair(source: str, target: str) -> None:
    out = bb.convert_format(BY_FORMAT[source], source, target, height=H, width=W)
    np.testing.assert_allclose(np_(out), BY_FORMAT[target], rtol=1e-5, atol=1e-5)
    assert keras.backend.standardize_dtype(out.dtype) == "float32"


def test_convert_format_batched_dict_and_case() -> None:
    batched = np.stack([XYXY, XYXY + 1])
    out = bb.convert_format({"boxes": batched, "labels": np.array([[1, 2], [3, 4]])}, "XYXY", "XYWH")
    np.testing.assert_allclose(np_(out["boxes"])[1], BY_FORMAT["xywh"] + [1, 1, 0, 0])
    np.testing.assert_array_equal(out["labels"], [[1, 2], [3, 4]])
    # Keras 3.15's docstring example
    rel = bb.convert_format(
        np.array([[10, 20, 30, 40], [50, 60, 70, 80]]), "xyxy", "rel_xyxy", height=200, width=300
    )
    np.testing.assert_allclose(np_(rel)[0], [0.03333334, 0.1, 0.1, 0.2], rtol=1e-6)


CONVERT_ERRORS = [
    ({"source": "xyz", "target": "xyxy"}, "Invalid `source` format"),
    ({"source": "xyxy", "target": "rel_xyxy"}, "must receive `height` and `width`"),
    (
        {"boxes": np.zeros((2, 3)), "source": "xyxy", "target": "xywh"},
        r"last dimension of 4. Received: boxes.shape=\(2, 3\)",
    ),
]


@pytest.mark.parametrize(("kwargs", "match"), CONVERT_ERRORS)
def test_convert_format_errors(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        bb.convert_format(**{"boxes": XYXY, **kwargs})


def iou_ref(a: np.ndarray, b: np.ndarray) -> float:
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / (union + 1e-7)


BOXES1 = np.array([[0, 0, 2, 2], [1, 1, 4, 5], [10, 10, 11, 11]], "float32")
BOXES2 = np.array([[1, 1, 3, 3], [0, 0, 2, 2], [2, 0, 3, 6], [5, 5, 6, 6]], "float32")


def test_compute_iou_matches_hand_computation() -> None:
    out = np_(bb.compute_iou(BOXES1, BOXES2, "xyxy"))
    expected = [[iou_ref(a, b) for b in BOXES2] for a in BOXES1]
    np.testing.assert_allclose(out, expected, rtol=1e-5)
    assert out[0, 0] == pytest.approx(1 / 7, rel=1e-5) and out[0, 1] == pytest.approx(1.0, rel=1e-5)
    # another format gives the same IoUs
    out_yxyx = bb.compute_iou(BOXES1[:, [1, 0, 3, 2]], BOXES2[:, [1, 0, 3, 2]], "yxyx")
    np.testing.assert_allclose(np_(out_yxyx), expected, rtol=1e-5)
    out_rel = bb.compute_iou(BOXES1 / 20, BOXES2 / 20, "rel_xyxy", image_shape=(20, 20, 3))
    np.testing.assert_allclose(np_(out_rel), expected, rtol=1e-4)


@pytest.mark.parametrize(("rank1", "rank2"), [(3, 3), (3, 2), (2, 3)])
def test_compute_iou_batched(rank1: int, rank2: int) -> None:
    b1 = np.stack([BOXES1, BOXES1 + 1]) if rank1 == 3 else BOXES1
    b2 = np.stack([BOXES2, BOXES2]) if rank2 == 3 else BOXES2
    out = np_(bb.compute_iou(b1, b2, "xyxy"))
    assert out.shape == (2, 3, 4)
    first = b1[1] if rank1 == 3 else b1
    np.testing.assert_allclose(out[1], [[iou_ref(a, b) for b in BOXES2] for a in first], rtol=1e-5)


def test_compute_iou_masking() -> None:
    b2 = np.concatenate([BOXES2, -np.ones((1, 4), "float32")])
    out = np_(bb.compute_iou(BOXES1, b2, "xyxy", use_masking=True, mask_val=-5))
    np.testing.assert_array_equal(out[:, -1], [-5, -5, -5])
    np.testing.assert_allclose(out[:, :-1], np_(bb.compute_iou(BOXES1, BOXES2, "xyxy")))


def ciou_ref(a: np.ndarray, b: np.ndarray) -> float:
    eps = 1e-7
    w1, h1 = a[2] - a[0], a[3] - a[1] + eps
    w2, h2 = b[2] - b[0], b[3] - b[1] + eps
    inter = max(min(a[2], b[2]) - max(a[0], b[0]), 0) * max(min(a[3], b[3]) - max(a[1], b[1]), 0)
    iou = inter / (w1 * h1 + w2 * h2 - inter + 2 * eps)
    c2 = (max(a[2], b[2]) - min(a[0], b[0])) ** 2 + (max(a[3], b[3]) - min(a[1], b[1])) ** 2 + eps
    d2 = ((a[0] + a[2]) / 2 - (b[0] + b[2]) / 2) ** 2 + ((a[1] + a[3]) / 2 - (b[1] + b[3]) / 2) ** 2
    v = 4 / math.pi**2 * (math.atan(w2 / h2) - math.atan(w1 / h1)) ** 2
    alpha = v / (v - iou + 1 + eps)
    return float(iou - (d2 / c2 + v * alpha))


def test_compute_ciou_matches_hand_computation() -> None:
    b2 = BOXES2[:3]
    out = np_(bb.compute_ciou(BOXES1, b2, "xyxy"))
    np.testing.assert_allclose(
        out, [ciou_ref(a, b) for a, b in zip(BOXES1, b2, strict=True)], rtol=1e-5, atol=1e-6
    )
    # Keras 3.15: identical boxes give 1; [0,0,2,2] vs [1,0,4,1] gives 0.03342018
    assert float(
        np_(bb.compute_ciou(np.array([0, 0, 2, 2]), np.array([0, 0, 2, 2]), "xyxy"))
    ) == pytest.approx(1.0)
    keras_value = bb.compute_ciou(np.array([[0, 0, 2, 2.0]]), np.array([[1, 0, 4, 1.0]]), "xyxy")
    np.testing.assert_allclose(np_(keras_value), [0.03342018], rtol=1e-5)


def test_iou_errors() -> None:
    with pytest.raises(ValueError, match=r"expects boxes1 to be batched.*len\(boxes1.shape\)=1"):
        bb.compute_iou(np.zeros(4), BOXES2, "xyxy")
    with pytest.raises(ValueError, match="the `image_shape` argument must be provided"):
        bb.compute_iou(BOXES1, BOXES2, "rel_xyxy")
    with pytest.raises(ValueError, match="the `image_shape` argument must be provided"):
        bb.compute_ciou(BOXES1, BOXES1, "rel_xyxy")


ANCHORS = np.array([[0, 0, 10, 10], [5, 5, 25, 45], [100, 50, 140, 60]], "float32")
TARGETS = np.array([[2, 0, 12, 20], [0, 10, 30, 40], [90, 55, 150, 58]], "float32")


@pytest.mark.parametrize("encoding", ["center_yxhw", "center_xywh"])
@pytest.mark.parametrize("variance", [None, [0.1, 0.1, 0.2, 0.2]])
def test_encode_matches_closed_form_and_decodes_back(encoding: str, variance: Any) -> None:
    deltas = np_(bb.encode_box_to_deltas(ANCHORS, TARGETS, "xyxy", "xyxy", encoding, variance))
    acx, acy = (ANCHORS[:, 0] + ANCHORS[:, 2]) / 2, (ANCHORS[:, 1] + ANCHORS[:, 3]) / 2
    aw, ah = ANCHORS[:, 2] - ANCHORS[:, 0], ANCHORS[:, 3] - ANCHORS[:, 1]
    bcx, bcy = (TARGETS[:, 0] + TARGETS[:, 2]) / 2, (TARGETS[:, 1] + TARGETS[:, 3]) / 2
    bw, bh = TARGETS[:, 2] - TARGETS[:, 0], TARGETS[:, 3] - TARGETS[:, 1]
    dx, dy, dw, dh = (bcx - acx) / aw, (bcy - acy) / ah, np.log(bw / aw), np.log(bh / ah)
    expected = np.stack([dy, dx, dh, dw] if encoding == "center_yxhw" else [dx, dy, dw, dh], axis=-1)
    if variance is not None:
        expected = expected / np.array(variance)
    np.testing.assert_allclose(deltas, expected, rtol=1e-5, atol=1e-6)
    decoded = bb.decode_deltas_to_boxes(ANCHORS, deltas, "xyxy", "xywh", encoding, variance)
    np.testing.assert_allclose(
        np_(decoded), np_(bb.convert_format(TARGETS, "xyxy", "xywh")), rtol=1e-5, atol=1e-4
    )


def test_decode_levels_and_batches() -> None:
    deltas = np_(bb.encode_box_to_deltas(ANCHORS, np.stack([TARGETS, TARGETS]), "xyxy", "xyxy"))
    assert deltas.shape == (2, 3, 4)
    decoded = bb.decode_deltas_to_boxes({"p3": ANCHORS}, {"p3": deltas}, "xyxy", "xyxy")
    np.testing.assert_allclose(np_(decoded["p3"])[1], TARGETS, rtol=1e-5, atol=1e-4)
    rel = bb.encode_box_to_deltas(ANCHORS, TARGETS / 200, "xyxy", "rel_xyxy", image_shape=(200, 200, 3))
    np.testing.assert_allclose(
        np_(rel), np_(bb.encode_box_to_deltas(ANCHORS, TARGETS, "xyxy", "xyxy")), atol=1e-5
    )


def test_delta_errors() -> None:
    with pytest.raises(ValueError, match="`variance` must be length 4"):
        bb.encode_box_to_deltas(ANCHORS, TARGETS, "xyxy", "xyxy", variance=[1.0, 1.0])
    with pytest.raises(ValueError, match="`encoding_format` should be one of"):
        bb.encode_box_to_deltas(ANCHORS, TARGETS, "xyxy", "xyxy", encoding_format="xyxy")
    with pytest.raises(
        ValueError, match="`encoded_format` should be 'center_xywh' or 'center_yxhw', but got 'xyxy'"
    ):
        bb.decode_deltas_to_boxes(ANCHORS, TARGETS, "xyxy", "xyxy", encoded_format="xyxy")


def test_clip_crop_pad() -> None:
    boxes = {
        "boxes": np.array([[-10.0, -20.0, 150.0, 160.0], [130.0, 40.0, 170.0, 80.0]]),
        "labels": np.array([0, 1]),
    }
    out = bb.clip_to_image_size(boxes, height=100, width=120)
    np.testing.assert_array_equal(np_(out["boxes"]), [[0, 0, 120, 100], [120, 40, 120, 80]])
    np.testing.assert_array_equal(np_(out["labels"]), [0, -1])  # the second box has no area left
    rel = bb.clip_to_image_size({"boxes": np.array([[-0.5, 0.2, 0.5, 1.5]])}, bounding_box_format="rel_xyxy")
    np.testing.assert_allclose(np_(rel["boxes"]), [[0.0, 0.2, 0.5, 1.0]])
    cropped = bb.crop(np.array([[10, 20, 50, 60], [70, 80, 100, 120]]), top=10, left=20, height=40, width=30)
    np.testing.assert_array_equal(np_(cropped), [[0, 10, 30, 40], [30, 40, 30, 40]])
    np.testing.assert_array_equal(
        np_(bb.pad(np.array([[[10, 20, 50, 60]]]), top=5, left=3)), [[[13, 25, 53, 65]]]
    )


def test_geometry_errors() -> None:
    with pytest.raises(ValueError, match="`height` and `width` must be set"):
        bb.clip_to_image_size({"boxes": XYXY})
    for call in (
        lambda: bb.crop(XYXY, 0, 0, 10, 10, bounding_box_format="xywh"),
        lambda: bb.pad(XYXY, 0, 0, bounding_box_format="yxyx"),
        lambda: bb.clip_to_image_size({"boxes": XYXY}, 1, 1, bounding_box_format="xywh"),
        lambda: bb.affine_transform(XYXY, 0, 0, 0, 1, 0, 0, 10, 10, bounding_box_format="xywh"),
    ):
        with pytest.raises(NotImplementedError, match="Received: bounding_box_format="):
            call()


def affine_ref(
    box: np.ndarray, angle: float, tx: float, ty: float, scale: float, h: float, w: float
) -> np.ndarray:
    """Translate, then rotate by `angle` degrees (image coordinates) and scale about the center."""
    cx, cy = 0.5 * (w - 1), 0.5 * (h - 1)
    corners = np.array([[box[0], box[1]], [box[2], box[1]], [box[2], box[3]], [box[0], box[3]]])
    t = math.radians(angle)
    rotation = np.array([[math.cos(t), math.sin(t)], [-math.sin(t), math.cos(t)]]) * scale
    moved = (corners - [cx, cy] + [tx * (w - 1), ty * (h - 1)]) @ rotation.T + [cx, cy]
    return np.concatenate([moved.min(axis=0), moved.max(axis=0)])


@pytest.mark.parametrize(
    ("angle", "tx", "ty", "scale"),
    [(0, 0.1, -0.2, 1.0), (90, 0, 0, 1.0), (30, 0.05, 0.1, 1.5), (-45, 0, 0, 0.5)],
)
def test_affine_transform_without_shear(angle: float, tx: float, ty: float, scale: float) -> None:
    boxes = np.array([[[10.0, 10.0, 20.0, 30.0], [40.0, 5.0, 90.0, 60.0]]], "float32")
    out = bb.affine_transform(
        boxes,
        np.array([angle]),
        np.array([tx]),
        np.array([ty]),
        np.array([scale]),
        np.zeros(1),
        np.zeros(1),
        101,
        101,
    )
    expected = [affine_ref(b, angle, tx, ty, scale, 101, 101) for b in boxes[0]]
    np.testing.assert_allclose(np_(out)[0], expected, rtol=1e-4, atol=1e-3)


def test_affine_transform_keras_values() -> None:
    boxes = np.array([[[10.0, 10.0, 20.0, 30.0]]])
    params = [np.array([v]) for v in (30.0, 0.1, 0.05, 1.2, 10.0, 5.0)]
    out = bb.affine_transform(boxes, *params, 101, 101)
    np.testing.assert_allclose(np_(out), [[[-11.607361, 21.971252, 15.532597, 48.896515]]], rtol=1e-5)
    unbatched = bb.affine_transform(boxes[0], 30.0, 0.1, 0.05, 1.2, 10.0, 5.0, 101, 101)
    np.testing.assert_allclose(np_(unbatched), np_(out)[0], rtol=1e-6)


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
@pytest.mark.parametrize("name", sorted(bb.__all__))
def test_docstring_example(name: str) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    tests = doctest.DocTestFinder().find(getattr(bb, name), name, globs={"keras": keras, "np": np})
    assert sum(len(t.examples) for t in tests) > 0
    for test in tests:
        assert runner.run(test).failed == 0, name
