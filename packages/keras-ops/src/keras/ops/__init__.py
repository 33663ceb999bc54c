"""`keras.ops`: every op, on the active backend."""

from keras.ops.numpy import add as add
from keras.ops.numpy import multiply as multiply
from keras.ops.numpy import sin as sin
from keras.ops.numpy import subtract as subtract
from keras.ops.numpy import sum as sum

__all__ = ["add", "multiply", "sin", "subtract", "sum"]
