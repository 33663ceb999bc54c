"""keras.visualization: box outlines and mask painting against hand-drawn arrays (numpy),
input errors, and the galleries' clear ImportError without matplotlib."""

from __future__ import annotations

import doctest
import importlib.util
from typing import Any

import numpy as np
import pytest

import keras
from keras import ops, visualization
from keras.backend import backend

HAS_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None


def one_box(box: list[float], fmt: str = "xyxy", **kwargs: Any) -> np.ndarray:
    images = np.zeros((1, 8, 8, 1), "uint8")
    boxes = {"boxes": np.array([[box]], "float32"), "labels": np.array([[0]])}
    return visualization.draw_bounding_boxes(images, boxes, fmt, color=(7,), **kwargs)[0, ..., 0]


def outline(x1: int, y1: int, x2: int, y2: int, size: int = 8) -> np.ndarray:
    expected = np.zeros((size, size), "uint8")
    expected[y1, x1 : x2 + 1] = expected[y2, x1 : x2 + 1] = 7
    expected[y1 : y2 + 1, x1] = expected[y1 : y2 + 1, x2] = 7
    return expected


@pytest.mark.parametrize(
    ("box", "fmt"),
    [([1, 2, 5, 6], "xyxy"), ([2, 1, 6, 5], "yxyx"), ([1, 2, 4, 4], "xywh"), ([3, 4, 4, 4], "center_xywh")],
)
def test_draw_outline_in_any_format(box: list[float], fmt: str) -> None:
    np.testing.assert_array_equal(one_box(box, fmt, line_thickness=1), outline(1, 2, 5, 6))


def test_draw_thickness_labels_and_dtypes() -> None:
    thick = one_box([2, 2, 5, 5], line_thickness=2)  # each side covers its edge and the next pixel
    expected = np.zeros((8, 8), "uint8")
    expected[2:7, 2:7] = 7
    expected[4, 4] = 0
    np.testing.assert_array_equal(thick, expected)
    images = np.ones((2, 6, 6, 3), "float32") * 0.5  # floats in [0, 1] are scaled
    boxes = {"boxes": np.array([[[0, 0, 2, 2]], [[1, 1, 3, 3]]], "float32"), "labels": np.array([[0], [-1]])}
    out = visualization.draw_bounding_boxes(images, boxes, "xyxy", color=(255, 0, 0), line_thickness=1)
    assert out.dtype == np.uint8 and out.shape == (2, 6, 6, 3)
    np.testing.assert_array_equal(out[0, 0, 0], [255, 0, 0])
    np.testing.assert_array_equal(out[1], np.full((6, 6, 3), 127))  # label -1: nothing drawn


def test_draw_channels_first_and_relative_boxes() -> None:
    images = np.zeros((1, 1, 8, 8), "uint8")
    boxes = {"boxes": np.array([[[1 / 8, 2 / 8, 5 / 8, 6 / 8]]]), "labels": np.array([[1]])}
    out = visualization.draw_bounding_boxes(
        images, boxes, "rel_xyxy", color=(7,), line_thickness=1, data_format="channels_first"
    )
    assert out.shape == (1, 1, 8, 8)
    np.testing.assert_array_equal(out[0, 0], outline(1, 2, 5, 6))


def test_draw_bounding_boxes_errors() -> None:
    with pytest.raises(ValueError, match=r"must be batched 4D tensor. Received: images.shape=\(8, 8, 3\)"):
        visualization.draw_bounding_boxes(np.zeros((8, 8, 3)), {"boxes": [], "labels": []}, "xyxy")
    with pytest.raises(TypeError, match="`bounding_boxes` should be a dict"):
        visualization.draw_bounding_boxes(np.zeros((1, 8, 8, 3)), np.zeros((1, 1, 4)), "xyxy")
    with pytest.raises(ValueError, match="containing 'boxes' and 'labels' keys"):
        visualization.draw_bounding_boxes(np.zeros((1, 8, 8, 3)), {"boxes": np.zeros((1, 1, 4))}, "xyxy")


def test_segmentation_masks_blend_closed_form() -> None:
    rng = np.random.default_rng(0)
    images = rng.uniform(0, 255, size=(2, 4, 5, 3)).astype("float32")
    masks = rng.integers(-1, 3, size=(2, 4, 5, 1))
    colors = {0: (255, 0, 0), 1: (0, 255, 0), 2: (0, 0, 255)}
    out = visualization.draw_segmentation_masks(
        images, ops.convert_to_tensor(masks), color_mapping=colors, alpha=0.25
    )
    palette = np.array([colors[i] for i in range(3)], "float32")
    painted = np.where(masks >= 0, palette[np.clip(masks[..., 0], 0, 2)], images)
    expected = np.where(masks >= 0, images * 0.75 + painted * 0.25, images).astype("uint8")
    np.testing.assert_array_equal(out, expected)
    raw = visualization.draw_segmentation_masks(images, masks, color_mapping=colors, blend=False)
    np.testing.assert_allclose(raw, painted)
    assert raw.dtype == np.float32 and out.dtype == np.uint8


def test_segmentation_default_palette_and_channels_first() -> None:
    images = np.zeros((1, 3, 1, 3), "float32")
    masks = np.array([[[0], [1], [2]]]).reshape(1, 3, 1, 1)
    out = visualization.draw_segmentation_masks(images, masks, alpha=1.0)
    palette = [(i * np.array([2**25 - 1, 2**15 - 1, 2**21 - 1]) % 255) for i in range(3)]
    np.testing.assert_array_equal(out[0, :, 0], np.array(palette, "uint8"))  # every class, the last included
    first = visualization.draw_segmentation_masks(
        images.transpose(0, 3, 1, 2), masks.transpose(0, 3, 1, 2), alpha=1.0, data_format="channels_first"
    )
    np.testing.assert_array_equal(first, out)


def test_segmentation_errors() -> None:
    with pytest.raises(
        TypeError, match=r"must be in integer dtype\. Received: segmentation_masks\.dtype=float32"
    ):
        visualization.draw_segmentation_masks(np.zeros((1, 2, 2, 3)), np.zeros((1, 2, 2, 1), "float32"))
    with pytest.raises(ValueError, match="must be batched 4D tensor"):
        visualization.draw_segmentation_masks(np.zeros((2, 2, 3)), np.zeros((2, 2, 1), "int32"))


@pytest.mark.skipif(HAS_MATPLOTLIB, reason="matplotlib is installed: the missing-package error cannot show")
@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("plot_image_gallery", (np.zeros((1, 2, 2, 3)),)),
        ("plot_bounding_box_gallery", (np.zeros((1, 2, 2, 3)), "xyxy")),
        ("plot_segmentation_mask_gallery", (np.zeros((1, 2, 2, 3)), 2)),
    ],
)
def test_galleries_need_matplotlib(name: str, args: tuple[Any, ...]) -> None:
    with pytest.raises(ImportError, match=f"The `{name}` function requires the `matplotlib` package"):
        getattr(visualization, name)(*args)


@pytest.mark.skipif(not HAS_MATPLOTLIB, reason="matplotlib is not installed")
def test_galleries_save_figures(tmp_path: Any) -> None:
    import matplotlib

    matplotlib.use("Agg")
    images = np.random.default_rng(0).uniform(0, 255, size=(4, 8, 8, 3))
    boxes = {"boxes": np.array([[[1, 1, 5, 5]]] * 4, "float32"), "labels": np.zeros((4, 1), "int32")}
    masks = np.zeros((4, 8, 8, 1), "int32")
    visualization.plot_image_gallery(images, path=str(tmp_path / "a.png"))
    visualization.plot_bounding_box_gallery(
        images, "xyxy", y_true=boxes, legend=True, path=str(tmp_path / "b.png")
    )
    visualization.plot_segmentation_mask_gallery(
        images, 2, y_true=masks, y_pred=masks, path=str(tmp_path / "c.png")
    )
    assert all((tmp_path / f"{n}.png").stat().st_size > 0 for n in "abc")
    with pytest.raises(ValueError, match="a `label_map` must also be provided"):
        visualization.plot_image_gallery(images, y_true=np.zeros(4))


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
@pytest.mark.parametrize("name", ["draw_bounding_boxes", "draw_segmentation_masks"])
def test_docstring_example(name: str) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for test in doctest.DocTestFinder().find(
        getattr(visualization, name), name, globs={"keras": keras, "np": np}
    ):
        assert runner.run(test).failed == 0
