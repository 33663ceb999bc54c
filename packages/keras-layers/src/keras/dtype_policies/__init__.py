"""keras.dtype_policies: the dtypes layers compute and store variables in."""

from keras.dtype_policies._map import DTypePolicyMap as DTypePolicyMap
from keras.dtype_policies._policy import DTypePolicy as DTypePolicy
from keras.dtype_policies._policy import FloatDTypePolicy as FloatDTypePolicy
from keras.dtype_policies._quantized import AWQDTypePolicy as AWQDTypePolicy
from keras.dtype_policies._quantized import GPTQDTypePolicy as GPTQDTypePolicy
from keras.dtype_policies._quantized import Int4DTypePolicy as Int4DTypePolicy
from keras.dtype_policies._quantized import QuantizedDTypePolicy as QuantizedDTypePolicy
from keras.dtype_policies._quantized import QuantizedFloat8DTypePolicy as QuantizedFloat8DTypePolicy
from keras.dtype_policies._registry import deserialize as deserialize
from keras.dtype_policies._registry import get as get
from keras.dtype_policies._registry import serialize as serialize

__all__ = [
    "AWQDTypePolicy",
    "DTypePolicy",
    "DTypePolicyMap",
    "FloatDTypePolicy",
    "GPTQDTypePolicy",
    "Int4DTypePolicy",
    "QuantizedDTypePolicy",
    "QuantizedFloat8DTypePolicy",
    "deserialize",
    "get",
    "serialize",
]
