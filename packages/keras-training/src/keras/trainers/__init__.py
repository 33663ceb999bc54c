"""keras.trainers: models and their fit/evaluate/predict loops (the meta-package lifts them).

Not a public Keras namespace: `keras.Model`, `keras.Sequential` and `keras.models` reach
these through the meta-package; `keras.layers._serialization` resolves `Functional`,
`Model` and `Sequential` here when loading files.
"""

from keras.trainers._functional import Functional as Functional
from keras.trainers._model import Model as Model
from keras.trainers._sequential import Sequential as Sequential
from keras.trainers._version import __version__ as __version__

__all__ = ["Functional", "Model", "Sequential"]
