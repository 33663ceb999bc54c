"""Random kernels for TensorFlow: `tf.random.stateless_*`, so draws work in tf.function."""

from __future__ import annotations

from typing import Any

import tensorflow as tf

from keras.backend._kernels.random import Random, Shape
from keras.ops._typing import Tensor


def _seed(seed: Tensor) -> Tensor:
    return tf.cast(seed, tf.int64)


class TensorflowRandom(Random):
    def normal(self, shape: Shape, mean: float, stddev: float, dtype: str, seed: Tensor, /) -> Tensor:
        return tf.random.stateless_normal(shape, _seed(seed), mean=mean, stddev=stddev, dtype=dtype)

    def uniform(self, shape: Shape, minval: float, maxval: float, dtype: str, seed: Tensor, /) -> Tensor:
        return tf.random.stateless_uniform(shape, _seed(seed), minval=minval, maxval=maxval, dtype=dtype)

    def randint(self, shape: Shape, minval: int, maxval: int, dtype: str, seed: Tensor, /) -> Tensor:
        draws = tf.random.stateless_uniform(shape, _seed(seed), minval=minval, maxval=maxval, dtype=tf.int64)
        return tf.cast(draws, dtype)

    def truncated_normal(
        self, shape: Shape, mean: float, stddev: float, dtype: str, seed: Tensor, /
    ) -> Tensor:
        return tf.random.stateless_truncated_normal(shape, _seed(seed), mean=mean, stddev=stddev, dtype=dtype)

    def categorical(self, logits: Tensor, num_samples: int, dtype: str, seed: Tensor, /) -> Tensor:
        return tf.random.stateless_categorical(logits, num_samples, _seed(seed), dtype=dtype)

    def shuffle(self, x: Tensor, axis: int, seed: Tensor, /) -> Tensor:
        order = tf.argsort(tf.random.stateless_uniform((tf.shape(x)[axis],), _seed(seed)))
        return tf.gather(x, order, axis=axis)

    def gamma(self, shape: Shape, alpha: Any, dtype: str, seed: Tensor, /) -> Tensor:
        return tf.random.stateless_gamma(shape, _seed(seed), alpha=tf.cast(alpha, dtype), dtype=dtype)

    def binomial(
        self, shape: Shape, counts: float, probabilities: float, dtype: str, seed: Tensor, /
    ) -> Tensor:
        draws = tf.random.stateless_binomial(
            shape, _seed(seed), counts, probabilities, output_dtype=tf.float64
        )
        return tf.cast(draws, dtype)

    def beta(self, shape: Shape, alpha: Any, beta: Any, dtype: str, seed: Tensor, /) -> Tensor:
        seeds = tf.random.experimental.stateless_split(_seed(seed), num=2)
        first = tf.random.stateless_gamma(shape, seeds[0], alpha=tf.cast(alpha, tf.float64), dtype=tf.float64)
        second = tf.random.stateless_gamma(shape, seeds[1], alpha=tf.cast(beta, tf.float64), dtype=tf.float64)
        return tf.cast(first / (first + second), dtype)


KERNELS = TensorflowRandom()
