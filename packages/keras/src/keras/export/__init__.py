"""keras.export: save a model's inference functions as a TensorFlow SavedModel."""

from keras.export._archive import ExportArchive as ExportArchive

__all__ = ["ExportArchive"]
