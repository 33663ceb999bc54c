"""Pipeline: applies its layers in order, passes `training`, serializes its layers."""

from __future__ import annotations

import numpy as np

from keras import ops
from keras.layers import Input
from keras.layers._preprocessing.pipeline import Pipeline
from keras.layers._preprocessing.random_geometry import RandomFlip
from keras.layers._preprocessing.rescaling import Rescaling
from keras.layers._serialization import serialize_keras_object

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}


def test_applies_layers_in_order() -> None:
    pipeline = Pipeline([Rescaling(2.0), Rescaling(1.0, offset=1.0)])
    out = pipeline(np.array([1.0, 2.0], dtype="float32"))
    np.testing.assert_allclose(ops.convert_to_numpy(out), [3.0, 5.0])
    assert pipeline(Input(shape=(3,))).shape == (None, 3)
    assert pipeline.compute_output_shape((None, 3)) == (None, 3)
    assert len(pipeline.layers) == 2


def test_training_is_passed_on() -> None:
    x = np.arange(8, dtype="float32").reshape(2, 2, 2, 1)
    pipeline = Pipeline([RandomFlip(seed=1), Rescaling(2.0)])
    np.testing.assert_allclose(ops.convert_to_numpy(pipeline(x, training=False)), x * 2.0)


def test_config_matches_keras_and_round_trips() -> None:
    pipeline = Pipeline([Rescaling(2.0, name="rescaling_1")], name="pipeline")
    config = pipeline.get_config()
    assert config == {
        "layers": [
            {
                "module": "keras.layers",
                "class_name": "Rescaling",
                "config": {
                    "name": "rescaling_1",
                    "trainable": True,
                    "dtype": DTYPE,
                    "scale": 2.0,
                    "offset": 0.0,
                },
                "registered_name": None,
            }
        ],
        "name": "pipeline",
    }
    clone = Pipeline.from_config(config, custom_objects={"Rescaling": Rescaling})
    np.testing.assert_allclose(ops.convert_to_numpy(clone(np.ones(2, "float32"))), [2.0, 2.0])
    assert serialize_keras_object(pipeline)["class_name"] == "Pipeline"
