"""Write keras315_float8_model.keras (+ input/output .npy) with real Keras 3.15 (not this suite).

Run from this directory with the reference environment:
    KERAS_BACKEND=jax /tmp/allenv/bin/python make_keras315_float8_model.py

The model (EinsumDense -> Flatten -> Dense) is float8-quantized two ways: the EinsumDense
is built under a float8 dtype policy with an amax history of 8 (its statistics are created
before its kernel), the Dense is quantized after building (history of 1024). It is then
trained for two steps so that the scales and amax histories hold non-trivial values.
"""

from __future__ import annotations

import numpy as np

import keras
from keras.dtype_policies import QuantizedFloat8DTypePolicy

keras.utils.set_random_seed(5)
inputs = keras.Input((5, 3))
x = keras.layers.EinsumDense(
    "abc,cd->abd",
    (5, 4),
    bias_axes="d",
    dtype=QuantizedFloat8DTypePolicy("float8", "float32", amax_history_length=8),
    name="ein",
)(inputs)
x = keras.layers.Flatten(name="flatten")(x)
model = keras.Model(inputs, keras.layers.Dense(3, name="head")(x))
model.get_layer("head").quantize("float8")

rng = np.random.default_rng(0)
data = rng.standard_normal((4, 5, 3)).astype("float32")
model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
model.fit(data, rng.standard_normal((4, 3)).astype("float32"), epochs=2, verbose=0)
model.save("keras315_float8_model.keras")

loaded = keras.saving.load_model("keras315_float8_model.keras")
np.save("keras315_float8_model_input.npy", data)
np.save("keras315_float8_model_output.npy", np.asarray(loaded(data)))
print([(w.path, w.shape, str(w.dtype)) for w in loaded.weights])
print(
    {
        w.path: np.asarray(w).ravel()[:3].tolist()
        for w in loaded.weights
        if "scale" in w.path or "history" in w.path
    }
)
