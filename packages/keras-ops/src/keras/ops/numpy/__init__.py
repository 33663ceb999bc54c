"""`keras.ops.numpy`: numpy-style ops on every backend."""

from keras.ops.numpy._elementwise import add as add
from keras.ops.numpy._elementwise import multiply as multiply
from keras.ops.numpy._elementwise import sin as sin
from keras.ops.numpy._elementwise import subtract as subtract
from keras.ops.numpy._reductions import sum as sum

__all__ = ["add", "multiply", "sin", "subtract", "sum"]
