"""`keras.ops`: every op, on the active backend."""

from keras.ops import image as image
from keras.ops import linalg as linalg
from keras.ops import nn as nn
from keras.ops import numpy as numpy
from keras.ops._control_flow import associative_scan as associative_scan
from keras.ops._control_flow import cond as cond
from keras.ops._control_flow import custom_gradient as custom_gradient
from keras.ops._control_flow import fori_loop as fori_loop
from keras.ops._control_flow import map as map
from keras.ops._control_flow import scan as scan
from keras.ops._control_flow import stop_gradient as stop_gradient
from keras.ops._control_flow import switch as switch
from keras.ops._control_flow import vectorized_map as vectorized_map
from keras.ops._control_flow import while_loop as while_loop
from keras.ops._conversion import cast as cast
from keras.ops._conversion import convert_to_numpy as convert_to_numpy
from keras.ops._conversion import convert_to_tensor as convert_to_tensor
from keras.ops._conversion import dtype as dtype
from keras.ops._conversion import is_tensor as is_tensor
from keras.ops._conversion import shape as shape
from keras.ops._core import rearrange as rearrange
from keras.ops._core import saturate_cast as saturate_cast
from keras.ops._core import scatter as scatter
from keras.ops._core import scatter_update as scatter_update
from keras.ops._core import slice as slice
from keras.ops._core import slice_update as slice_update
from keras.ops._core import unstack as unstack
from keras.ops._core import view_as_complex as view_as_complex
from keras.ops._core import view_as_real as view_as_real
from keras.ops._math import cdist as cdist
from keras.ops._math import erf as erf
from keras.ops._math import erfc as erfc
from keras.ops._math import erfinv as erfinv
from keras.ops._math import extract_sequences as extract_sequences
from keras.ops._math import fft as fft
from keras.ops._math import fft2 as fft2
from keras.ops._math import ifft2 as ifft2
from keras.ops._math import in_top_k as in_top_k
from keras.ops._math import irfft as irfft
from keras.ops._math import istft as istft
from keras.ops._math import logdet as logdet
from keras.ops._math import logsumexp as logsumexp
from keras.ops._math import rfft as rfft
from keras.ops._math import rsqrt as rsqrt
from keras.ops._math import segment_max as segment_max
from keras.ops._math import segment_min as segment_min
from keras.ops._math import segment_prod as segment_prod
from keras.ops._math import segment_sum as segment_sum
from keras.ops._math import stft as stft
from keras.ops._math import top_k as top_k
from keras.ops._version import __version__ as __version__
from keras.ops.linalg import cholesky as cholesky
from keras.ops.linalg import cholesky_inverse as cholesky_inverse
from keras.ops.linalg import det as det
from keras.ops.linalg import eig as eig
from keras.ops.linalg import eigh as eigh
from keras.ops.linalg import inv as inv
from keras.ops.linalg import jvp as jvp
from keras.ops.linalg import lstsq as lstsq
from keras.ops.linalg import lu_factor as lu_factor
from keras.ops.linalg import matrix_rank as matrix_rank
from keras.ops.linalg import norm as norm
from keras.ops.linalg import pinv as pinv
from keras.ops.linalg import qr as qr
from keras.ops.linalg import solve as solve
from keras.ops.linalg import solve_triangular as solve_triangular
from keras.ops.linalg import svd as svd
from keras.ops.nn import adaptive_average_pool as adaptive_average_pool
from keras.ops.nn import adaptive_max_pool as adaptive_max_pool
from keras.ops.nn import average_pool as average_pool
from keras.ops.nn import batch_normalization as batch_normalization
from keras.ops.nn import binary_crossentropy as binary_crossentropy
from keras.ops.nn import categorical_crossentropy as categorical_crossentropy
from keras.ops.nn import celu as celu
from keras.ops.nn import conv as conv
from keras.ops.nn import conv_transpose as conv_transpose
from keras.ops.nn import ctc_decode as ctc_decode
from keras.ops.nn import ctc_loss as ctc_loss
from keras.ops.nn import depth_to_space as depth_to_space
from keras.ops.nn import depthwise_conv as depthwise_conv
from keras.ops.nn import dot_product_attention as dot_product_attention
from keras.ops.nn import elu as elu
from keras.ops.nn import fold as fold
from keras.ops.nn import gelu as gelu
from keras.ops.nn import glu as glu
from keras.ops.nn import hard_shrink as hard_shrink
from keras.ops.nn import hard_sigmoid as hard_sigmoid
from keras.ops.nn import hard_silu as hard_silu
from keras.ops.nn import hard_swish as hard_swish
from keras.ops.nn import hard_tanh as hard_tanh
from keras.ops.nn import layer_normalization as layer_normalization
from keras.ops.nn import leaky_relu as leaky_relu
from keras.ops.nn import log_sigmoid as log_sigmoid
from keras.ops.nn import log_softmax as log_softmax
from keras.ops.nn import max_pool as max_pool
from keras.ops.nn import moments as moments
from keras.ops.nn import multi_hot as multi_hot
from keras.ops.nn import normalize as normalize
from keras.ops.nn import one_hot as one_hot
from keras.ops.nn import polar as polar
from keras.ops.nn import psnr as psnr
from keras.ops.nn import relu as relu
from keras.ops.nn import relu6 as relu6
from keras.ops.nn import rms_normalization as rms_normalization
from keras.ops.nn import selu as selu
from keras.ops.nn import separable_conv as separable_conv
from keras.ops.nn import sigmoid as sigmoid
from keras.ops.nn import silu as silu
from keras.ops.nn import soft_shrink as soft_shrink
from keras.ops.nn import softmax as softmax
from keras.ops.nn import softplus as softplus
from keras.ops.nn import softsign as softsign
from keras.ops.nn import space_to_depth as space_to_depth
from keras.ops.nn import sparse_categorical_crossentropy as sparse_categorical_crossentropy
from keras.ops.nn import sparse_plus as sparse_plus
from keras.ops.nn import sparse_sigmoid as sparse_sigmoid
from keras.ops.nn import sparsemax as sparsemax
from keras.ops.nn import squareplus as squareplus
from keras.ops.nn import swish as swish
from keras.ops.nn import tanh_shrink as tanh_shrink
from keras.ops.nn import threshold as threshold
from keras.ops.nn import unfold as unfold
from keras.ops.numpy import abs as abs
from keras.ops.numpy import absolute as absolute
from keras.ops.numpy import add as add
from keras.ops.numpy import all as all
from keras.ops.numpy import allclose as allclose
from keras.ops.numpy import amax as amax
from keras.ops.numpy import amin as amin
from keras.ops.numpy import angle as angle
from keras.ops.numpy import any as any
from keras.ops.numpy import append as append
from keras.ops.numpy import arange as arange
from keras.ops.numpy import arccos as arccos
from keras.ops.numpy import arccosh as arccosh
from keras.ops.numpy import arcsin as arcsin
from keras.ops.numpy import arcsinh as arcsinh
from keras.ops.numpy import arctan as arctan
from keras.ops.numpy import arctan2 as arctan2
from keras.ops.numpy import arctanh as arctanh
from keras.ops.numpy import argmax as argmax
from keras.ops.numpy import argmin as argmin
from keras.ops.numpy import argpartition as argpartition
from keras.ops.numpy import argsort as argsort
from keras.ops.numpy import array as array
from keras.ops.numpy import array_split as array_split
from keras.ops.numpy import average as average
from keras.ops.numpy import bartlett as bartlett
from keras.ops.numpy import bincount as bincount
from keras.ops.numpy import bitwise_and as bitwise_and
from keras.ops.numpy import bitwise_invert as bitwise_invert
from keras.ops.numpy import bitwise_left_shift as bitwise_left_shift
from keras.ops.numpy import bitwise_not as bitwise_not
from keras.ops.numpy import bitwise_or as bitwise_or
from keras.ops.numpy import bitwise_right_shift as bitwise_right_shift
from keras.ops.numpy import bitwise_xor as bitwise_xor
from keras.ops.numpy import blackman as blackman
from keras.ops.numpy import broadcast_to as broadcast_to
from keras.ops.numpy import cbrt as cbrt
from keras.ops.numpy import ceil as ceil
from keras.ops.numpy import clip as clip
from keras.ops.numpy import concatenate as concatenate
from keras.ops.numpy import conj as conj
from keras.ops.numpy import conjugate as conjugate
from keras.ops.numpy import copy as copy
from keras.ops.numpy import corrcoef as corrcoef
from keras.ops.numpy import correlate as correlate
from keras.ops.numpy import cos as cos
from keras.ops.numpy import cosh as cosh
from keras.ops.numpy import count_nonzero as count_nonzero
from keras.ops.numpy import cross as cross
from keras.ops.numpy import cumprod as cumprod
from keras.ops.numpy import cumsum as cumsum
from keras.ops.numpy import deg2rad as deg2rad
from keras.ops.numpy import diag as diag
from keras.ops.numpy import diagflat as diagflat
from keras.ops.numpy import diagonal as diagonal
from keras.ops.numpy import diff as diff
from keras.ops.numpy import digitize as digitize
from keras.ops.numpy import divide as divide
from keras.ops.numpy import divide_no_nan as divide_no_nan
from keras.ops.numpy import dot as dot
from keras.ops.numpy import dsplit as dsplit
from keras.ops.numpy import dstack as dstack
from keras.ops.numpy import einsum as einsum
from keras.ops.numpy import empty as empty
from keras.ops.numpy import empty_like as empty_like
from keras.ops.numpy import equal as equal
from keras.ops.numpy import exp as exp
from keras.ops.numpy import exp2 as exp2
from keras.ops.numpy import expand_dims as expand_dims
from keras.ops.numpy import expm1 as expm1
from keras.ops.numpy import eye as eye
from keras.ops.numpy import fabs as fabs
from keras.ops.numpy import flip as flip
from keras.ops.numpy import fliplr as fliplr
from keras.ops.numpy import flipud as flipud
from keras.ops.numpy import floor as floor
from keras.ops.numpy import floor_divide as floor_divide
from keras.ops.numpy import fmax as fmax
from keras.ops.numpy import fmin as fmin
from keras.ops.numpy import fmod as fmod
from keras.ops.numpy import full as full
from keras.ops.numpy import full_like as full_like
from keras.ops.numpy import gcd as gcd
from keras.ops.numpy import geomspace as geomspace
from keras.ops.numpy import get_item as get_item
from keras.ops.numpy import greater as greater
from keras.ops.numpy import greater_equal as greater_equal
from keras.ops.numpy import hamming as hamming
from keras.ops.numpy import hanning as hanning
from keras.ops.numpy import heaviside as heaviside
from keras.ops.numpy import histogram as histogram
from keras.ops.numpy import hsplit as hsplit
from keras.ops.numpy import hstack as hstack
from keras.ops.numpy import hypot as hypot
from keras.ops.numpy import i0 as i0
from keras.ops.numpy import identity as identity
from keras.ops.numpy import imag as imag
from keras.ops.numpy import inner as inner
from keras.ops.numpy import isclose as isclose
from keras.ops.numpy import isfinite as isfinite
from keras.ops.numpy import isin as isin
from keras.ops.numpy import isinf as isinf
from keras.ops.numpy import isnan as isnan
from keras.ops.numpy import isneginf as isneginf
from keras.ops.numpy import isposinf as isposinf
from keras.ops.numpy import isreal as isreal
from keras.ops.numpy import kaiser as kaiser
from keras.ops.numpy import kron as kron
from keras.ops.numpy import lcm as lcm
from keras.ops.numpy import ldexp as ldexp
from keras.ops.numpy import left_shift as left_shift
from keras.ops.numpy import less as less
from keras.ops.numpy import less_equal as less_equal
from keras.ops.numpy import linspace as linspace
from keras.ops.numpy import log as log
from keras.ops.numpy import log1p as log1p
from keras.ops.numpy import log2 as log2
from keras.ops.numpy import log10 as log10
from keras.ops.numpy import logaddexp as logaddexp
from keras.ops.numpy import logaddexp2 as logaddexp2
from keras.ops.numpy import logical_and as logical_and
from keras.ops.numpy import logical_not as logical_not
from keras.ops.numpy import logical_or as logical_or
from keras.ops.numpy import logical_xor as logical_xor
from keras.ops.numpy import logspace as logspace
from keras.ops.numpy import matmul as matmul
from keras.ops.numpy import max as max
from keras.ops.numpy import maximum as maximum
from keras.ops.numpy import mean as mean
from keras.ops.numpy import median as median
from keras.ops.numpy import meshgrid as meshgrid
from keras.ops.numpy import min as min
from keras.ops.numpy import minimum as minimum
from keras.ops.numpy import mod as mod
from keras.ops.numpy import moveaxis as moveaxis
from keras.ops.numpy import multiply as multiply
from keras.ops.numpy import nan_to_num as nan_to_num
from keras.ops.numpy import nanargmax as nanargmax
from keras.ops.numpy import nanargmin as nanargmin
from keras.ops.numpy import nancumprod as nancumprod
from keras.ops.numpy import nancumsum as nancumsum
from keras.ops.numpy import nanmax as nanmax
from keras.ops.numpy import nanmean as nanmean
from keras.ops.numpy import nanmedian as nanmedian
from keras.ops.numpy import nanmin as nanmin
from keras.ops.numpy import nanpercentile as nanpercentile
from keras.ops.numpy import nanprod as nanprod
from keras.ops.numpy import nanquantile as nanquantile
from keras.ops.numpy import nanstd as nanstd
from keras.ops.numpy import nansum as nansum
from keras.ops.numpy import nanvar as nanvar
from keras.ops.numpy import ndim as ndim
from keras.ops.numpy import negative as negative
from keras.ops.numpy import nextafter as nextafter
from keras.ops.numpy import nonzero as nonzero
from keras.ops.numpy import not_equal as not_equal
from keras.ops.numpy import ones as ones
from keras.ops.numpy import ones_like as ones_like
from keras.ops.numpy import outer as outer
from keras.ops.numpy import pad as pad
from keras.ops.numpy import percentile as percentile
from keras.ops.numpy import power as power
from keras.ops.numpy import prod as prod
from keras.ops.numpy import ptp as ptp
from keras.ops.numpy import quantile as quantile
from keras.ops.numpy import rad2deg as rad2deg
from keras.ops.numpy import ravel as ravel
from keras.ops.numpy import real as real
from keras.ops.numpy import reciprocal as reciprocal
from keras.ops.numpy import repeat as repeat
from keras.ops.numpy import reshape as reshape
from keras.ops.numpy import right_shift as right_shift
from keras.ops.numpy import roll as roll
from keras.ops.numpy import rot90 as rot90
from keras.ops.numpy import round as round
from keras.ops.numpy import searchsorted as searchsorted
from keras.ops.numpy import select as select
from keras.ops.numpy import sign as sign
from keras.ops.numpy import signbit as signbit
from keras.ops.numpy import sin as sin
from keras.ops.numpy import sinc as sinc
from keras.ops.numpy import sinh as sinh
from keras.ops.numpy import size as size
from keras.ops.numpy import slogdet as slogdet
from keras.ops.numpy import sort as sort
from keras.ops.numpy import split as split
from keras.ops.numpy import sqrt as sqrt
from keras.ops.numpy import square as square
from keras.ops.numpy import squeeze as squeeze
from keras.ops.numpy import stack as stack
from keras.ops.numpy import std as std
from keras.ops.numpy import subtract as subtract
from keras.ops.numpy import sum as sum
from keras.ops.numpy import swapaxes as swapaxes
from keras.ops.numpy import take as take
from keras.ops.numpy import take_along_axis as take_along_axis
from keras.ops.numpy import tan as tan
from keras.ops.numpy import tanh as tanh
from keras.ops.numpy import tensordot as tensordot
from keras.ops.numpy import tile as tile
from keras.ops.numpy import trace as trace
from keras.ops.numpy import transpose as transpose
from keras.ops.numpy import trapezoid as trapezoid
from keras.ops.numpy import tri as tri
from keras.ops.numpy import tril as tril
from keras.ops.numpy import triu as triu
from keras.ops.numpy import true_divide as true_divide
from keras.ops.numpy import trunc as trunc
from keras.ops.numpy import unique as unique
from keras.ops.numpy import unravel_index as unravel_index
from keras.ops.numpy import vander as vander
from keras.ops.numpy import var as var
from keras.ops.numpy import vdot as vdot
from keras.ops.numpy import vectorize as vectorize
from keras.ops.numpy import view as view
from keras.ops.numpy import vsplit as vsplit
from keras.ops.numpy import vstack as vstack
from keras.ops.numpy import where as where
from keras.ops.numpy import zeros as zeros
from keras.ops.numpy import zeros_like as zeros_like

__all__ = [
    "abs",
    "absolute",
    "adaptive_average_pool",
    "adaptive_max_pool",
    "add",
    "all",
    "allclose",
    "amax",
    "amin",
    "angle",
    "any",
    "append",
    "arange",
    "arccos",
    "arccosh",
    "arcsin",
    "arcsinh",
    "arctan",
    "arctan2",
    "arctanh",
    "argmax",
    "argmin",
    "argpartition",
    "argsort",
    "array",
    "array_split",
    "associative_scan",
    "average",
    "average_pool",
    "bartlett",
    "batch_normalization",
    "binary_crossentropy",
    "bincount",
    "bitwise_and",
    "bitwise_invert",
    "bitwise_left_shift",
    "bitwise_not",
    "bitwise_or",
    "bitwise_right_shift",
    "bitwise_xor",
    "blackman",
    "broadcast_to",
    "cast",
    "categorical_crossentropy",
    "cbrt",
    "cdist",
    "ceil",
    "celu",
    "cholesky",
    "cholesky_inverse",
    "clip",
    "concatenate",
    "cond",
    "conj",
    "conjugate",
    "conv",
    "conv_transpose",
    "convert_to_numpy",
    "convert_to_tensor",
    "copy",
    "corrcoef",
    "correlate",
    "cos",
    "cosh",
    "count_nonzero",
    "cross",
    "ctc_decode",
    "ctc_loss",
    "cumprod",
    "cumsum",
    "custom_gradient",
    "deg2rad",
    "depth_to_space",
    "depthwise_conv",
    "det",
    "diag",
    "diagflat",
    "diagonal",
    "diff",
    "digitize",
    "divide",
    "divide_no_nan",
    "dot",
    "dot_product_attention",
    "dsplit",
    "dstack",
    "dtype",
    "eig",
    "eigh",
    "einsum",
    "elu",
    "empty",
    "empty_like",
    "equal",
    "erf",
    "erfc",
    "erfinv",
    "exp",
    "exp2",
    "expand_dims",
    "expm1",
    "extract_sequences",
    "eye",
    "fabs",
    "fft",
    "fft2",
    "flip",
    "fliplr",
    "flipud",
    "floor",
    "floor_divide",
    "fmax",
    "fmin",
    "fmod",
    "fold",
    "fori_loop",
    "full",
    "full_like",
    "gcd",
    "gelu",
    "geomspace",
    "get_item",
    "glu",
    "greater",
    "greater_equal",
    "hamming",
    "hanning",
    "hard_shrink",
    "hard_sigmoid",
    "hard_silu",
    "hard_swish",
    "hard_tanh",
    "heaviside",
    "histogram",
    "hsplit",
    "hstack",
    "hypot",
    "i0",
    "identity",
    "ifft2",
    "imag",
    "in_top_k",
    "inner",
    "inv",
    "irfft",
    "is_tensor",
    "isclose",
    "isfinite",
    "isin",
    "isinf",
    "isnan",
    "isneginf",
    "isposinf",
    "isreal",
    "istft",
    "jvp",
    "kaiser",
    "kron",
    "layer_normalization",
    "lcm",
    "ldexp",
    "leaky_relu",
    "left_shift",
    "less",
    "less_equal",
    "linspace",
    "log",
    "log10",
    "log1p",
    "log2",
    "log_sigmoid",
    "log_softmax",
    "logaddexp",
    "logaddexp2",
    "logdet",
    "logical_and",
    "logical_not",
    "logical_or",
    "logical_xor",
    "logspace",
    "logsumexp",
    "lstsq",
    "lu_factor",
    "map",
    "matmul",
    "matrix_rank",
    "max",
    "max_pool",
    "maximum",
    "mean",
    "median",
    "meshgrid",
    "min",
    "minimum",
    "mod",
    "moments",
    "moveaxis",
    "multi_hot",
    "multiply",
    "nan_to_num",
    "nanargmax",
    "nanargmin",
    "nancumprod",
    "nancumsum",
    "nanmax",
    "nanmean",
    "nanmedian",
    "nanmin",
    "nanpercentile",
    "nanprod",
    "nanquantile",
    "nanstd",
    "nansum",
    "nanvar",
    "ndim",
    "negative",
    "nextafter",
    "nonzero",
    "norm",
    "normalize",
    "not_equal",
    "one_hot",
    "ones",
    "ones_like",
    "outer",
    "pad",
    "percentile",
    "pinv",
    "polar",
    "power",
    "prod",
    "psnr",
    "ptp",
    "qr",
    "quantile",
    "rad2deg",
    "ravel",
    "real",
    "rearrange",
    "reciprocal",
    "relu",
    "relu6",
    "repeat",
    "reshape",
    "rfft",
    "right_shift",
    "rms_normalization",
    "roll",
    "rot90",
    "round",
    "rsqrt",
    "saturate_cast",
    "scan",
    "scatter",
    "scatter_update",
    "searchsorted",
    "segment_max",
    "segment_min",
    "segment_prod",
    "segment_sum",
    "select",
    "selu",
    "separable_conv",
    "shape",
    "sigmoid",
    "sign",
    "signbit",
    "silu",
    "sin",
    "sinc",
    "sinh",
    "size",
    "slice",
    "slice_update",
    "slogdet",
    "soft_shrink",
    "softmax",
    "softplus",
    "softsign",
    "solve",
    "solve_triangular",
    "sort",
    "space_to_depth",
    "sparse_categorical_crossentropy",
    "sparse_plus",
    "sparse_sigmoid",
    "sparsemax",
    "split",
    "sqrt",
    "square",
    "squareplus",
    "squeeze",
    "stack",
    "std",
    "stft",
    "stop_gradient",
    "subtract",
    "sum",
    "svd",
    "swapaxes",
    "swish",
    "switch",
    "take",
    "take_along_axis",
    "tan",
    "tanh",
    "tanh_shrink",
    "tensordot",
    "threshold",
    "tile",
    "top_k",
    "trace",
    "transpose",
    "trapezoid",
    "tri",
    "tril",
    "triu",
    "true_divide",
    "trunc",
    "unfold",
    "unique",
    "unravel_index",
    "unstack",
    "vander",
    "var",
    "vdot",
    "vectorize",
    "vectorized_map",
    "view",
    "view_as_complex",
    "view_as_real",
    "vsplit",
    "vstack",
    "where",
    "while_loop",
    "zeros",
    "zeros_like",
]
