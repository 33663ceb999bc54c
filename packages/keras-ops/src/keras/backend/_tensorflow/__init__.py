"""The TensorFlow backend.

Importing it turns on numpy behaviour for `tf.Tensor` (`.T`, `.reshape`, `.astype`),
which Keras 3 users expect of tensors.
"""

import tensorflow.experimental.numpy as tnp

tnp.experimental_enable_numpy_behavior(dtype_conversion_mode="off")
