"""Write keras315_int4_model.keras (+ input/output .npy) with real Keras 3.15 (not this suite).

Run from this directory with the reference environment:
    KERAS_BACKEND=jax /tmp/allenv/bin/python make_keras315_int4_model.py

The model (Embedding -> EinsumDense -> Flatten -> Dense) is int4-quantized three ways:
the Embedding with the default config (blocks of 128, so one block per row here), the
EinsumDense in blocks of 4 with LoRA enabled and trained a little (saving merges and
re-quantizes it), and the Dense per channel (block_size=None).
"""

from __future__ import annotations

import numpy as np

import keras
from keras.quantizers import Int4QuantizationConfig

keras.utils.set_random_seed(3)
tokens = keras.Input((5,), dtype="int32")
x = keras.layers.Embedding(10, 6, name="emb")(tokens)
x = keras.layers.EinsumDense("abc,cd->abd", (5, 9), bias_axes="d", name="ein")(x)
x = keras.layers.Flatten(name="flatten")(x)
model = keras.Model(tokens, keras.layers.Dense(3, name="head")(x))

model.get_layer("emb").quantize("int4")
model.get_layer("ein").quantize("int4", config=Int4QuantizationConfig(block_size=4))
model.get_layer("head").quantize("int4", config=Int4QuantizationConfig(block_size=None))
model.get_layer("ein").enable_lora(2)

rng = np.random.default_rng(0)
inputs = rng.integers(0, 10, size=(4, 5)).astype("int32")
model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
model.fit(inputs, rng.standard_normal((4, 3)).astype("float32"), epochs=2, verbose=0)
model.save("keras315_int4_model.keras")

# The saved (merged, re-quantized) model's outputs are the reference.
loaded = keras.saving.load_model("keras315_int4_model.keras")
np.save("keras315_int4_model_input.npy", inputs)
np.save("keras315_int4_model_output.npy", np.asarray(loaded(inputs)))
print([(w.path, w.shape, str(w.dtype)) for w in loaded.weights])
