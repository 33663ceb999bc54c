"""Augmentations that mix pairs of images and their labels: `CutMix` and `MixUp`.

Both take a batch of images, or a dict `{"images": ..., "labels": ...}` (other keys
pass through), pair every sample with another one of the same batch (a random
permutation), and mix images and labels with per-sample weights.
"""

from __future__ import annotations

from typing import Any

from keras import ops, random
from keras.layers._preprocessing._augmentation import RandomImageLayer, standardize_factor
from keras.ops._typing import Tensor

__all__ = ["CutMix", "MixUp"]


class _MixingLayer(RandomImageLayer):
    """Base of the mixing layers: dict or plain inputs, batching, the label mix.

    Subclasses implement `_mix(images) -> (mixed_images, permutation, label_weight)`.
    """

    # Whether a call at inference still casts the images to the compute dtype.
    _cast_at_inference = True

    def call(self, inputs: Any, training: bool = True) -> Any:
        if isinstance(inputs, dict):
            images, labels = inputs["images"], inputs.get("labels")
        else:
            images, labels = inputs, None
        self._check_rank(len(images.shape))
        if training:
            images, labels = self._mix_batch(images, labels)
        elif self._cast_at_inference:
            images = ops.cast(images, self.compute_dtype)
        if not isinstance(inputs, dict):
            return images
        outputs = dict(inputs)
        outputs["images"] = images
        if labels is not None:
            outputs["labels"] = labels
        return outputs

    def _mix_batch(self, images: Tensor, labels: Tensor | None) -> tuple[Tensor, Tensor | None]:
        images = ops.cast(images, self.compute_dtype)
        batch, added = self._as_batch(images)
        mixed, permutation, weight = self._mix(batch)
        if added:
            mixed = mixed[0]
        if labels is None or permutation is None:
            return mixed, labels
        labels = ops.cast(labels, self.compute_dtype)
        batched_labels = ops.expand_dims(labels, 0) if added else labels
        weight = ops.cast(
            ops.reshape(weight, (-1,) + (1,) * (len(batched_labels.shape) - 1)), self.compute_dtype
        )
        partners = ops.take(batched_labels, permutation, axis=0)
        mixed_labels = ops.add(ops.multiply(weight, batched_labels), ops.multiply(1.0 - weight, partners))
        return mixed, mixed_labels[0] if added else mixed_labels

    def _mix(self, images: Tensor) -> tuple[Tensor, Tensor | None, Tensor | None]:
        raise NotImplementedError

    def _permutation(self, batch: Any) -> Tensor:
        return random.shuffle(ops.arange(batch, dtype="int32"), seed=self.generator)

    def compute_output_shape(self, input_shape: Any) -> Any:
        if isinstance(input_shape, dict):
            return dict(input_shape)
        return tuple(input_shape)


class CutMix(_MixingLayer):
    """Paste a random rectangle of another image of the batch into each image.

    For each image, a weight `lam` is drawn from `Beta(a, a)` (with `a` drawn
    from `factor`, once per batch); a rectangle of `sqrt(1 - lam)` times the image's
    height and width, at a random place, is copied from the image's partner (a
    random permutation of the batch). The labels mix as `w * labels + (1 - w) *
    partner_labels`, `w` being the fraction of the image left untouched. Single
    images (rank 3) have no partner and are returned unchanged.

    Args:
        factor: The range of `a`: a float `f` in `[0, 1]` (meaning `(0, f)`) or a
            pair `(low, high)`.
        seed: A seed for the random draws.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        inputs: A batch of images, or a dict with `"images"` and `"labels"` (one
            row of label values per image, e.g. one-hot).
        training: Whether to mix (default `True`); `False` returns the inputs.

    Returns:
        The mixed images, or a dict with the mixed `"images"` and `"labels"`.

    Raises:
        ValueError: If `factor` is outside `[0, 1]`.

    Example:

    >>> layer = keras.layers.CutMix(seed=1)
    >>> images = np.zeros((2, 4, 4, 3), dtype="float32")
    >>> labels = np.eye(2, dtype="float32")
    >>> out = layer({"images": images, "labels": labels})
    >>> out["images"].shape, out["labels"].shape
    ((2, 4, 4, 3), (2, 2))
    """

    def __init__(
        self, factor: Any = 1.0, seed: int | None = None, data_format: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        self.factor = standardize_factor(factor, (0, 1))

    def _concentration(self) -> float:
        low, high = self.factor
        if low == high:
            return float(low) + 1e-6
        # `keras.random.beta` takes a Python concentration: the drawn one is read eagerly.
        return float(ops.convert_to_numpy(self._uniform((), low, high))) + 1e-6

    def _mix(self, images: Tensor) -> tuple[Tensor, Tensor | None, Tensor | None]:
        batch, height, width = self._size(images)
        concentration = self._concentration()
        lam = random.beta((batch,), concentration, concentration, seed=self.generator, dtype="float32")
        ratio = ops.sqrt(1.0 - lam)
        x0, x1 = self._span(batch, width, ratio)
        y0, y1 = self._span(batch, height, ratio)
        rows = ops.reshape(ops.arange(height, dtype="float32"), (1, height, 1))
        cols = ops.reshape(ops.arange(width, dtype="float32"), (1, 1, width))

        def inside(grid: Tensor, start: Tensor, end: Tensor) -> Tensor:
            start, end = ops.reshape(start, (-1, 1, 1)), ops.reshape(end, (-1, 1, 1))
            return ops.logical_and(ops.greater_equal(grid, start), ops.less(grid, end))

        box = ops.logical_and(inside(rows, y0, y1), inside(cols, x0, x1))
        box = ops.expand_dims(box, 1 if self.data_format == "channels_first" else -1)
        permutation = self._permutation(batch)
        mixed = ops.where(box, ops.take(images, permutation, axis=0), images)
        area = ops.divide(ops.multiply(x1 - x0, y1 - y0), ops.cast(height * width, "float32"))
        return mixed, permutation, 1.0 - area

    def _span(self, batch: Any, length: Any, ratio: Tensor) -> tuple[Tensor, Tensor]:
        """Return the start and end of each image's rectangle along an axis of `length`."""
        crop = ops.multiply(ratio, ops.cast(length, "float32"))
        start = ops.multiply(self._uniform((batch,), 0.0, 1.0), ops.cast(length, "float32") - crop)
        return start, start + crop

    def _mix_batch(self, images: Tensor, labels: Tensor | None) -> tuple[Tensor, Tensor | None]:
        if len(images.shape) == 3:
            return ops.cast(images, self.compute_dtype), labels
        return super()._mix_batch(images, labels)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "factor": self.factor, "seed": self.seed}


class MixUp(_MixingLayer):
    """Blend each image (and its labels) with another one of the batch.

    For each image, a weight `w` is drawn from `Beta(alpha, alpha)`; the image
    becomes `w * image + (1 - w) * partner` and its labels `w * labels + (1 - w) *
    partner_labels`, the partners being a random permutation of the batch.

    Args:
        alpha: The concentration of the Beta distribution: small values keep most
            samples close to one of the pair, values near 1 blend more.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: A seed for the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        inputs: A batch of images, or a dict with `"images"` and `"labels"`.
        training: Whether to mix (default `True`); `False` returns the inputs.

    Returns:
        The mixed images, or a dict with the mixed `"images"` and `"labels"`.

    Raises:
        ValueError: If `alpha` is not a positive number.

    Example:

    >>> layer = keras.layers.MixUp(alpha=0.2, seed=1)
    >>> images = np.ones((2, 4, 4, 3), dtype="float32")
    >>> out = layer({"images": images, "labels": np.eye(2, dtype="float32")})
    >>> bool(np.allclose(out["images"], 1.0)), float(np.sum(out["labels"]))
    (True, 2.0)
    """

    _cast_at_inference = False

    def __init__(
        self, alpha: Any = 0.2, data_format: str | None = None, seed: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        if not isinstance(alpha, (int, float)) or isinstance(alpha, bool) or alpha <= 0:
            raise ValueError(f"The `alpha` argument should be a positive number. Received: alpha={alpha}")
        self.alpha = alpha

    def _mix(self, images: Tensor) -> tuple[Tensor, Tensor | None, Tensor | None]:
        batch = ops.shape(images)[0]
        permutation = self._permutation(batch)
        weight = random.beta((batch,), self.alpha, self.alpha, seed=self.generator, dtype="float32")
        blend = ops.cast(ops.reshape(weight, (-1, 1, 1, 1)), images.dtype)
        partners = ops.take(images, permutation, axis=0)
        mixed = ops.add(ops.multiply(blend, images), ops.multiply(1.0 - blend, partners))
        return mixed, permutation, weight

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "alpha": self.alpha, "seed": self.seed}
