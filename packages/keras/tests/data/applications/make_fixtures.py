"""Record the architectures and preprocessing of real Keras 3.15 applications as JSON fixtures.

Run with the reference environment (real Keras installed), from anywhere:

    KERAS_BACKEND=jax /tmp/allenv/bin/python packages/keras/tests/data/applications/make_fixtures.py

Each `<case>.json` holds, for one builder call with `weights=None`: the model name, the
parameter count and, per layer in model order, its name, class, output shape, weights
(name and shape) and the md5 of its `get_config()` without the name; the distinct configs
themselves are kept in a table keyed by that md5, so a mismatch shows what differs.
`preprocess.json` holds each family's `preprocess_input` of a fixed array.

With `--weights DIR` it instead writes, for one small model per family (`ROUND_TRIPS`),
`DIR/<stem>.weights.h5` (random weights, batch norm statistics randomized too) and
`DIR/<stem>_io.npz` (a fixed input `x` and Keras's output `y`): too big to keep in the
repository, the tests make them in a temporary folder when this environment exists.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

import keras

HERE = Path(__file__).parent

# (file stem, builder, kwargs): every builder with its defaults, plus the head and input variants.
CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("inception_resnet_v2", "InceptionResNetV2", {}),
    (
        "inception_resnet_v2_notop_75_avg",
        "InceptionResNetV2",
        {"include_top": False, "input_shape": [75, 75, 3], "pooling": "avg"},
    ),
    ("nasnet_mobile", "NASNetMobile", {}),
    ("nasnet_mobile_notop_max", "NASNetMobile", {"include_top": False, "pooling": "max"}),
    ("nasnet_mobile_notop_64", "NASNetMobile", {"include_top": False, "input_shape": [64, 64, 3]}),
    ("nasnet_large", "NASNetLarge", {}),
    ("efficientnetv2_b0", "EfficientNetV2B0", {}),
    ("efficientnetv2_b1", "EfficientNetV2B1", {}),
    ("efficientnetv2_b2", "EfficientNetV2B2", {}),
    ("efficientnetv2_b3", "EfficientNetV2B3", {}),
    ("efficientnetv2_s", "EfficientNetV2S", {}),
    ("efficientnetv2_m", "EfficientNetV2M", {}),
    ("efficientnetv2_l", "EfficientNetV2L", {}),
    (
        "efficientnetv2_b0_notop_64_max_nopre",
        "EfficientNetV2B0",
        {"include_top": False, "input_shape": [64, 64, 3], "pooling": "max", "include_preprocessing": False},
    ),
    (
        "efficientnetv2_b0_gray_avg",
        "EfficientNetV2B0",
        {"include_top": False, "input_shape": [64, 64, 1], "pooling": "avg"},
    ),
    (
        "efficientnetv2_s_classes7_logits",
        "EfficientNetV2S",
        {"classes": 7, "classifier_activation": None, "input_shape": [64, 64, 3]},
    ),
]

# (file stem, builder, kwargs, whether the input is in [0, 255] rather than [-1, 1])
ROUND_TRIPS: list[tuple[str, str, dict[str, Any], bool]] = [
    (
        "inception_resnet_v2_rt",
        "InceptionResNetV2",
        {"include_top": False, "input_shape": [75, 75, 3], "pooling": "avg"},
        False,
    ),
    (
        "nasnet_mobile_rt",
        "NASNetMobile",
        {"include_top": False, "input_shape": [64, 64, 3], "pooling": "avg"},
        False,
    ),
    (
        "efficientnetv2_b0_rt",
        "EfficientNetV2B0",
        {"input_shape": [64, 64, 3], "classes": 10, "classifier_activation": None},
        True,
    ),
]

PREPROCESS_FAMILIES = ("inception_resnet_v2", "nasnet", "efficientnet_v2")


def _shape(tensor: Any) -> Any:
    return list(tensor.shape)


def config_digest(config: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The md5 of a layer config's canonical JSON, name left out (the name is checked apart)."""
    kept = json.loads(json.dumps({k: v for k, v in config.items() if k != "name"}, sort_keys=True))
    text = json.dumps(kept, sort_keys=True)
    return hashlib.md5(text.encode()).hexdigest(), kept


def describe(model: Any) -> dict[str, Any]:
    """What the tests compare: names, classes, shapes, weights and configs of every layer."""
    configs: dict[str, Any] = {}
    rows = []
    for layer in model.layers:
        digest, config = config_digest(layer.get_config())
        configs[digest] = config
        rows.append(
            [
                layer.name,
                type(layer).__name__,
                _shape(layer.output),
                [[w.name, list(w.shape)] for w in layer.weights],
                digest,
            ]
        )
    return {
        "name": model.name,
        "params": int(model.count_params()),
        "input_shape": _shape(model.inputs[0]),
        "output_shape": _shape(model.outputs[0]),
        "layers": rows,
        "configs": configs,
    }


def round_trip_input(shape: list[int], raw: bool) -> Any:
    """The fixed batch of two images fed to the round-trip models."""
    x = np.random.default_rng(7).uniform(0.0, 255.0, (2, *shape)).astype("float32")
    return x if raw else x / 127.5 - 1.0


def write_round_trips(out: Path) -> None:
    """Save random Keras weights of each `ROUND_TRIPS` model and its output on a fixed input."""
    rng = np.random.default_rng(0)
    ranges = {
        "gamma": (0.8, 1.2),
        "beta": (-0.1, 0.1),
        "moving_mean": (-0.1, 0.1),
        "moving_variance": (0.5, 1.5),
    }
    for stem, builder, kwargs, raw in ROUND_TRIPS:
        keras.utils.set_random_seed(1)
        model = getattr(keras.applications, builder)(weights=None, **kwargs)
        for layer in model.layers:
            if isinstance(layer, keras.layers.BatchNormalization):
                for weight in layer.weights:
                    low, high = ranges[weight.name]
                    weight.assign(rng.uniform(low, high, weight.shape).astype("float32"))
        x = round_trip_input(kwargs["input_shape"], raw)
        model.save_weights(str(out / f"{stem}.weights.h5"))
        np.savez(out / f"{stem}_io.npz", x=x, y=np.asarray(model.predict(x, verbose=0)))
        keras.backend.clear_session()


def main() -> None:
    if sys.argv[1:2] == ["--weights"]:
        write_round_trips(Path(sys.argv[2]))
        return
    only = set(sys.argv[1:])
    for stem, builder, kwargs in CASES:
        if only and stem not in only:
            continue
        model = getattr(keras.applications, builder)(weights=None, **kwargs)
        record = {"builder": builder, "kwargs": kwargs, **describe(model)}
        (HERE / f"{stem}.json").write_text(json.dumps(record, separators=(",", ":")) + "\n")
        print(stem, record["params"], len(record["layers"]), len(record["configs"]))
        keras.backend.clear_session()
    x = np.linspace(0.0, 255.0, 2 * 3 * 4 * 3).reshape(2, 3, 4, 3).astype("float32")
    preprocess = {"x": x.tolist()}
    for family in PREPROCESS_FAMILIES:
        module = getattr(keras.applications, family)
        for data_format in ("channels_last", "channels_first"):
            out = module.preprocess_input(x.copy(), data_format=data_format)
            preprocess[f"{family}/{data_format}"] = np.asarray(out).tolist()
    (HERE / "preprocess.json").write_text(json.dumps(preprocess) + "\n")


if __name__ == "__main__":
    main()
