"""`keras.models`: the model classes, cloning, and whole-model saving and loading."""

from keras.saving import load_model as load_model
from keras.saving import save_model as save_model
from keras.trainers import Model as Model
from keras.trainers import Sequential as Sequential
from keras.trainers._cloning import clone_model as clone_model
from keras.trainers._cloning import model_from_json as model_from_json

__all__ = [
    "Model",
    "Sequential",
    "clone_model",
    "load_model",
    "model_from_json",
    "save_model",
]
