"""keras.trainers: models and the fit/evaluate/predict loops of each backend (filled by the keras-training issues)."""

from keras.trainers._version import __version__ as __version__

__all__: list[str] = []
