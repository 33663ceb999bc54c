"""`keras.datasets.california_housing`: the California house-price regression table."""

from __future__ import annotations

from typing import Any

from keras.datasets._files import ORIGIN, check_test_split, fetch, load_npz, shuffled, split


def load_data(
    version: str = "large", path: str = "california_housing.npz", test_split: float = 0.2, seed: int = 113
) -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    """Load the California housing dataset: 20,640 block groups, 8 features, median value in $.

    Args:
        version: `"large"` (every sample) or `"small"` (the first 600).
        path: The file's name in the cache (`$KERAS_HOME/datasets`).
        test_split: The fraction of the (shuffled) samples kept for testing, in [0, 1).
        seed: The seed of the shuffle.

    Returns:
        `(x_train, y_train), (x_test, y_test)` as numpy arrays (`x` of shape `(n, 8)`).

    Raises:
        ValueError: When `test_split` is not in [0, 1) or `version` is unknown.

    Example:

    >>> (x_train, y_train), _ = keras.datasets.california_housing.load_data("small")  # doctest: +SKIP
    """
    check_test_split(test_split)
    local = fetch(
        path,
        f"{ORIGIN}california_housing.npz",
        "1a2e3a52e0398de6463aebe6f4a8da34fb21fbb6b934cf88c3425e766f2a1a6f",
    )
    arrays = load_npz(local)
    x, y = arrays["x"], arrays["y"]
    if version == "small":
        x, y = x[:600], y[:600]
    elif version != "large":
        raise ValueError(f"Argument `version` must be one of 'small', 'large'. Received: version={version}")
    x, y = shuffled(seed, x, y)
    return split(x, y, test_split)
