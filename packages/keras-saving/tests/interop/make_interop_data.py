"""Write the files in tests/data/ours/ with this suite (run with the dev environment).

    KERAS_BACKEND=jax python packages/keras-saving/tests/interop/make_interop_data.py

Each case saves `NAME.keras` (compiled, trained one epoch where training is possible),
`NAME.weights.h5`, `NAME.safetensors`, and `NAME.io.npz` (inputs `x`, our predictions
`y`). `check_with_keras3.py` loads them in the real Keras 3.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from saving.conftest import layer_class

import keras.saving
from keras.trainers import Model, Sequential

OUT = Path(__file__).resolve().parents[1] / "data" / "ours"


def mlp() -> tuple[Any, np.ndarray, np.ndarray]:
    dense = layer_class("Dense")
    model = Sequential(
        [keras.layers.Input((6,)), dense(16, activation="relu"), dense(3, activation="softmax")],
        name="ours_mlp",
    )
    rng = np.random.default_rng(0)
    return model, rng.normal(size=(16, 6)).astype("float32"), rng.integers(0, 3, size=(16,))


def cnn() -> tuple[Any, np.ndarray, np.ndarray]:
    inputs = keras.layers.Input((8, 8, 2))
    x = layer_class("Conv2D")(4, 3, padding="same", activation="relu")(inputs)
    x = layer_class("MaxPooling2D")(2)(x)
    x = layer_class("Flatten")()(x)
    outputs = layer_class("Dense")(2)(x)
    model = Model(inputs, outputs, name="ours_cnn")
    rng = np.random.default_rng(1)
    return model, rng.normal(size=(8, 8, 8, 2)).astype("float32"), rng.integers(0, 2, size=(8,))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in (("ours_mlp", mlp), ("ours_cnn", cnn)):
        model, x, labels = build()
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        if keras.backend.backend() != "numpy":
            model.fit(x, labels, epochs=1, batch_size=4, verbose=0)
        keras.saving.save_model(model, OUT / f"{name}.keras")
        keras.saving.save_weights(model, OUT / f"{name}.weights.h5")
        keras.saving.save_weights(model, OUT / f"{name}.safetensors")
        np.savez(OUT / f"{name}.io.npz", x=x, y=model.predict(x, verbose=0))
        print("wrote", name)


if __name__ == "__main__":
    main()
