"""`keras.datasets.boston_housing`: the Boston house-price regression table."""

from __future__ import annotations

from typing import Any

from keras.datasets._files import ORIGIN, check_test_split, fetch, load_npz, shuffled, split


def load_data(
    path: str = "boston_housing.npz", test_split: float = 0.2, seed: int = 113
) -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    """Load the Boston housing dataset: 506 towns, 13 features, median value in k$.

    Args:
        path: The file's name in the cache (`$KERAS_HOME/datasets`).
        test_split: The fraction of the (shuffled) samples kept for testing, in [0, 1).
        seed: The seed of the shuffle.

    Returns:
        `(x_train, y_train), (x_test, y_test)` as numpy arrays (`x` of shape `(n, 13)`).

    Raises:
        ValueError: When `test_split` is not in [0, 1).

    Example:

    >>> (x_train, y_train), _ = keras.datasets.boston_housing.load_data()  # doctest: +SKIP
    """
    check_test_split(test_split)
    local = fetch(
        path,
        f"{ORIGIN}boston_housing.npz",
        "f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5",
    )
    arrays = load_npz(local)
    x, y = shuffled(seed, arrays["x"], arrays["y"])
    return split(x, y, test_split)
