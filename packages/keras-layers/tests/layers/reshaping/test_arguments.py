"""The argument normalization shared by the 1D/2D/3D reshaping layers."""

from __future__ import annotations

from typing import Any

import pytest

from keras.backend import image_data_format
from keras.layers._reshaping._arguments import (
    int_pair,
    int_pairs,
    is_int,
    spatial_axes,
    standardize_data_format,
)


def test_int_pair_allows_zero() -> None:
    assert int_pair(0, "padding") == (0, 0)
    assert int_pair((2, 0), "padding") == (2, 0)
    assert int_pair([1, 3], "padding") == (1, 3)
    with pytest.raises(
        ValueError, match=r"The `padding` argument must be a tuple of 2 integers. Received padding=-1"
    ):
        int_pair(-1, "padding")
    with pytest.raises(ValueError, match=r"The `padding` argument must be a tuple of 2 integers"):
        int_pair((1, 2, 3), "padding")


def test_is_int() -> None:
    assert is_int(3) and is_int(-1)
    assert not is_int(True) and not is_int(2.0) and not is_int("2")


@pytest.mark.parametrize(
    ("value", "rank", "expected"),
    [
        (1, 2, ((1, 1), (1, 1))),
        (0, 3, ((0, 0), (0, 0), (0, 0))),
        ((1, 2), 2, ((1, 1), (2, 2))),
        (((1, 2), (3, 4)), 2, ((1, 2), (3, 4))),
        ([[1, 2], 3], 2, ((1, 2), (3, 3))),
        ((1, (0, 2), 3), 3, ((1, 1), (0, 2), (3, 3))),
    ],
)
def test_int_pairs(value: Any, rank: int, expected: tuple[tuple[int, int], ...]) -> None:
    assert int_pairs(value, rank, "padding") == expected


@pytest.mark.parametrize(
    ("value", "rank", "match"),
    [
        (-1, 2, r"`padding` cannot be negative. Received: padding=-1."),
        ((1, 2, 3), 2, r"`padding` should have 2 elements. Received: padding=\(1, 2, 3\)."),
        ((1, 2), 3, r"`padding` should have 3 elements. Received: padding=\(1, 2\)."),
        (1.5, 2, r"`padding` should be either an int, a tuple of 2 ints, or a tuple of 2 tuples of 2 ints"),
        ("ab", 2, r"`padding` should be either an int"),
        (((1, 2, 3), 1), 2, r"The `1st entry of padding` argument must be a tuple of 2 integers"),
        ((1, (1, -2)), 2, r"The `2nd entry of padding` argument .* including values [\[{]-2[\]}]"),
        ((1, 1, (1, 2, 3)), 3, r"The `3rd entry of padding` argument"),
    ],
)
def test_int_pairs_errors(value: Any, rank: int, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        int_pairs(value, rank, "padding")


def test_standardize_data_format() -> None:
    assert standardize_data_format(None) == image_data_format()
    assert standardize_data_format("channels_first") == "channels_first"
    assert standardize_data_format("Channels_Last") == "channels_last"
    with pytest.raises(
        ValueError, match=r"The `data_format` argument must be one of .* Received: data_format='?nchw"
    ):
        standardize_data_format("nchw")


def test_spatial_axes() -> None:
    assert spatial_axes("channels_last", 2) == (1, 2)
    assert spatial_axes("channels_first", 2) == (2, 3)
    assert spatial_axes("channels_first", 3) == (2, 3, 4)
    assert spatial_axes("channels_last", 1) == (1,)
