"""`keras.mixed_precision`: the dtype-policy names Keras 2 users know, kept by Keras 3."""

from keras.dtype_policies import DTypePolicy as DTypePolicy
from keras.dtype_policies import DTypePolicy as Policy
from keras.dtype_policies._global import dtype_policy as dtype_policy
from keras.dtype_policies._global import dtype_policy as global_policy
from keras.dtype_policies._global import set_dtype_policy as set_dtype_policy
from keras.dtype_policies._global import set_dtype_policy as set_global_policy
from keras.optimizers import LossScaleOptimizer as LossScaleOptimizer

__all__ = [
    "DTypePolicy",
    "LossScaleOptimizer",
    "Policy",
    "dtype_policy",
    "global_policy",
    "set_dtype_policy",
    "set_global_policy",
]
