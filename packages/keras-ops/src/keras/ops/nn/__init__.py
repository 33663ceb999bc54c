"""`keras.ops.nn`: neural-network ops: activations, convolutions, pooling, attention, losses."""

from keras.ops.nn._activations import celu as celu
from keras.ops.nn._activations import elu as elu
from keras.ops.nn._activations import gelu as gelu
from keras.ops.nn._activations import glu as glu
from keras.ops.nn._activations import hard_shrink as hard_shrink
from keras.ops.nn._activations import hard_sigmoid as hard_sigmoid
from keras.ops.nn._activations import hard_silu as hard_silu
from keras.ops.nn._activations import hard_swish as hard_swish
from keras.ops.nn._activations import hard_tanh as hard_tanh
from keras.ops.nn._activations import leaky_relu as leaky_relu
from keras.ops.nn._activations import log_sigmoid as log_sigmoid
from keras.ops.nn._activations import log_softmax as log_softmax
from keras.ops.nn._activations import relu as relu
from keras.ops.nn._activations import relu6 as relu6
from keras.ops.nn._activations import selu as selu
from keras.ops.nn._activations import sigmoid as sigmoid
from keras.ops.nn._activations import silu as silu
from keras.ops.nn._activations import soft_shrink as soft_shrink
from keras.ops.nn._activations import softmax as softmax
from keras.ops.nn._activations import softplus as softplus
from keras.ops.nn._activations import softsign as softsign
from keras.ops.nn._activations import sparse_plus as sparse_plus
from keras.ops.nn._activations import sparse_sigmoid as sparse_sigmoid
from keras.ops.nn._activations import sparsemax as sparsemax
from keras.ops.nn._activations import squareplus as squareplus
from keras.ops.nn._activations import swish as swish
from keras.ops.nn._activations import tanh_shrink as tanh_shrink
from keras.ops.nn._activations import threshold as threshold
from keras.ops.nn._attention import dot_product_attention as dot_product_attention
from keras.ops.nn._conv import conv as conv
from keras.ops.nn._conv import conv_transpose as conv_transpose
from keras.ops.nn._conv import depthwise_conv as depthwise_conv
from keras.ops.nn._conv import separable_conv as separable_conv
from keras.ops.nn._fold import fold as fold
from keras.ops.nn._fold import unfold as unfold
from keras.ops.nn._losses import binary_crossentropy as binary_crossentropy
from keras.ops.nn._losses import categorical_crossentropy as categorical_crossentropy
from keras.ops.nn._losses import ctc_decode as ctc_decode
from keras.ops.nn._losses import ctc_loss as ctc_loss
from keras.ops.nn._losses import psnr as psnr
from keras.ops.nn._losses import sparse_categorical_crossentropy as sparse_categorical_crossentropy
from keras.ops.nn._misc import depth_to_space as depth_to_space
from keras.ops.nn._misc import multi_hot as multi_hot
from keras.ops.nn._misc import one_hot as one_hot
from keras.ops.nn._misc import polar as polar
from keras.ops.nn._misc import space_to_depth as space_to_depth
from keras.ops.nn._normalization import batch_normalization as batch_normalization
from keras.ops.nn._normalization import layer_normalization as layer_normalization
from keras.ops.nn._normalization import moments as moments
from keras.ops.nn._normalization import normalize as normalize
from keras.ops.nn._normalization import rms_normalization as rms_normalization
from keras.ops.nn._pooling import adaptive_average_pool as adaptive_average_pool
from keras.ops.nn._pooling import adaptive_max_pool as adaptive_max_pool
from keras.ops.nn._pooling import average_pool as average_pool
from keras.ops.nn._pooling import max_pool as max_pool

__all__ = [
    "adaptive_average_pool",
    "adaptive_max_pool",
    "average_pool",
    "batch_normalization",
    "binary_crossentropy",
    "categorical_crossentropy",
    "celu",
    "conv",
    "conv_transpose",
    "ctc_decode",
    "ctc_loss",
    "depth_to_space",
    "depthwise_conv",
    "dot_product_attention",
    "elu",
    "fold",
    "gelu",
    "glu",
    "hard_shrink",
    "hard_sigmoid",
    "hard_silu",
    "hard_swish",
    "hard_tanh",
    "layer_normalization",
    "leaky_relu",
    "log_sigmoid",
    "log_softmax",
    "max_pool",
    "moments",
    "multi_hot",
    "normalize",
    "one_hot",
    "polar",
    "psnr",
    "relu",
    "relu6",
    "rms_normalization",
    "selu",
    "separable_conv",
    "sigmoid",
    "silu",
    "soft_shrink",
    "softmax",
    "softplus",
    "softsign",
    "space_to_depth",
    "sparse_categorical_crossentropy",
    "sparse_plus",
    "sparse_sigmoid",
    "sparsemax",
    "squareplus",
    "swish",
    "tanh_shrink",
    "threshold",
    "unfold",
]
