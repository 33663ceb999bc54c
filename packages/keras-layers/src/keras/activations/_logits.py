"""Tag the outputs of `sigmoid` and `softmax` with the logits they came from.

Keras 3 losses look for a `_keras_logits` attribute on their `y_pred`: when it is there,
they compute from the logits instead of the probabilities, which is more accurate. Native
tensors that take no attributes (numpy and JAX arrays) are left untagged.
"""

from __future__ import annotations

import contextlib

from keras.ops._typing import ArrayLike, Tensor


def remember_logits(output: Tensor, logits: ArrayLike) -> Tensor:
    """Attach `logits` to `output` as `_keras_logits` where the tensor type allows it."""
    with contextlib.suppress(AttributeError, TypeError):
        output._keras_logits = logits
    return output
