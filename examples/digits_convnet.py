"""Train a small convnet on scikit-learn's 8x8 digits, save it, reload it, report accuracy.

Run with `hatch run demo` (the default backend) or, for another backend,
`KERAS_BACKEND=torch hatch run demo`.
"""

from __future__ import annotations

import os

import numpy as np
from sklearn.datasets import load_digits

import keras


def load_data() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    digits = load_digits()
    images = (digits.images / 16.0).astype("float32")[..., None]  # (1797, 8, 8, 1) in [0, 1]
    labels = digits.target.astype("int32")
    order = np.random.default_rng(0).permutation(len(images))
    images, labels = images[order], labels[order]
    split = int(0.8 * len(images))
    return (images[:split], labels[:split]), (images[split:], labels[split:])


def build_model() -> keras.Model:
    return keras.Sequential(
        [
            keras.Input(shape=(8, 8, 1)),
            keras.layers.Conv2D(16, 3, padding="same", activation="relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
            keras.layers.Flatten(),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ],
        name="digits_convnet",
    )


def main() -> None:
    keras.utils.set_random_seed(0)
    (x_train, y_train), (x_test, y_test) = load_data()
    print(f"backend: {keras.backend.backend()}, {len(x_train)} training and {len(x_test)} test images")
    model = build_model()
    model.summary()
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"]
    )
    model.fit(x_train, y_train, batch_size=32, epochs=12, validation_split=0.1, verbose=1)
    _, accuracy = model.evaluate(x_test, y_test, verbose=0)
    print(f"test accuracy: {accuracy:.4f}")

    path = "digits.keras"
    model.save(path)
    print(f"saved {os.path.abspath(path)} ({os.path.getsize(path) / 1024:.1f} KiB)")
    reloaded = keras.models.load_model(path)
    same = np.allclose(
        reloaded.predict(x_test, verbose=0), model.predict(x_test, verbose=0), rtol=1e-6, atol=1e-6
    )
    _, reloaded_accuracy = reloaded.evaluate(x_test, y_test, verbose=0)
    print(
        f"reloaded {path}: test accuracy {reloaded_accuracy:.4f}, predictions equal to the original's: {same}"
    )
    if not same or accuracy < 0.95:
        raise SystemExit(
            "the demo missed its targets (test accuracy >= 0.95, identical reloaded predictions)"
        )


if __name__ == "__main__":
    main()
