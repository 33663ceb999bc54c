"""keras.activations: element-wise activation functions and their lookup by name."""

from keras.activations._rectifiers import celu as celu
from keras.activations._rectifiers import elu as elu
from keras.activations._rectifiers import exponential as exponential
from keras.activations._rectifiers import gelu as gelu
from keras.activations._rectifiers import hard_silu as hard_silu
from keras.activations._rectifiers import hard_silu as hard_swish
from keras.activations._rectifiers import leaky_relu as leaky_relu
from keras.activations._rectifiers import linear as linear
from keras.activations._rectifiers import mish as mish
from keras.activations._rectifiers import relu as relu
from keras.activations._rectifiers import relu6 as relu6
from keras.activations._rectifiers import selu as selu
from keras.activations._rectifiers import silu as silu
from keras.activations._rectifiers import silu as swish
from keras.activations._rectifiers import softplus as softplus
from keras.activations._rectifiers import sparse_plus as sparse_plus
from keras.activations._rectifiers import squareplus as squareplus
from keras.activations._registry import deserialize as deserialize
from keras.activations._registry import get as get
from keras.activations._registry import serialize as serialize
from keras.activations._shrinkage import hard_shrink as hard_shrink
from keras.activations._shrinkage import soft_shrink as soft_shrink
from keras.activations._shrinkage import tanh_shrink as tanh_shrink
from keras.activations._shrinkage import threshold as threshold
from keras.activations._softmax import log_softmax as log_softmax
from keras.activations._softmax import softmax as softmax
from keras.activations._softmax import sparsemax as sparsemax
from keras.activations._squashing import glu as glu
from keras.activations._squashing import hard_sigmoid as hard_sigmoid
from keras.activations._squashing import hard_tanh as hard_tanh
from keras.activations._squashing import log_sigmoid as log_sigmoid
from keras.activations._squashing import sigmoid as sigmoid
from keras.activations._squashing import softsign as softsign
from keras.activations._squashing import sparse_sigmoid as sparse_sigmoid
from keras.activations._squashing import tanh as tanh

__all__ = [
    "celu",
    "deserialize",
    "elu",
    "exponential",
    "gelu",
    "get",
    "glu",
    "hard_shrink",
    "hard_sigmoid",
    "hard_silu",
    "hard_swish",
    "hard_tanh",
    "leaky_relu",
    "linear",
    "log_sigmoid",
    "log_softmax",
    "mish",
    "relu",
    "relu6",
    "selu",
    "serialize",
    "sigmoid",
    "silu",
    "soft_shrink",
    "softmax",
    "softplus",
    "softsign",
    "sparse_plus",
    "sparse_sigmoid",
    "sparsemax",
    "squareplus",
    "swish",
    "tanh",
    "tanh_shrink",
    "threshold",
]
