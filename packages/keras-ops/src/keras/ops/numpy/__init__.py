"""`keras.ops.numpy`: numpy-style ops on every backend."""

from keras.ops.numpy._correlation import corrcoef as corrcoef
from keras.ops.numpy._creation import arange as arange
from keras.ops.numpy._creation import array as array
from keras.ops.numpy._creation import bartlett as bartlett
from keras.ops.numpy._creation import blackman as blackman
from keras.ops.numpy._creation import diag as diag
from keras.ops.numpy._creation import diagflat as diagflat
from keras.ops.numpy._creation import diagonal as diagonal
from keras.ops.numpy._creation import empty as empty
from keras.ops.numpy._creation import empty_like as empty_like
from keras.ops.numpy._creation import eye as eye
from keras.ops.numpy._creation import full as full
from keras.ops.numpy._creation import full_like as full_like
from keras.ops.numpy._creation import geomspace as geomspace
from keras.ops.numpy._creation import hamming as hamming
from keras.ops.numpy._creation import hanning as hanning
from keras.ops.numpy._creation import identity as identity
from keras.ops.numpy._creation import kaiser as kaiser
from keras.ops.numpy._creation import linspace as linspace
from keras.ops.numpy._creation import logspace as logspace
from keras.ops.numpy._creation import ones as ones
from keras.ops.numpy._creation import ones_like as ones_like
from keras.ops.numpy._creation import tri as tri
from keras.ops.numpy._creation import tril as tril
from keras.ops.numpy._creation import triu as triu
from keras.ops.numpy._creation import vander as vander
from keras.ops.numpy._creation import zeros as zeros
from keras.ops.numpy._creation import zeros_like as zeros_like
from keras.ops.numpy._elementwise import abs as abs
from keras.ops.numpy._elementwise import absolute as absolute
from keras.ops.numpy._elementwise import add as add
from keras.ops.numpy._elementwise import arctan2 as arctan2
from keras.ops.numpy._elementwise import bitwise_and as bitwise_and
from keras.ops.numpy._elementwise import bitwise_invert as bitwise_invert
from keras.ops.numpy._elementwise import bitwise_left_shift as bitwise_left_shift
from keras.ops.numpy._elementwise import bitwise_not as bitwise_not
from keras.ops.numpy._elementwise import bitwise_or as bitwise_or
from keras.ops.numpy._elementwise import bitwise_right_shift as bitwise_right_shift
from keras.ops.numpy._elementwise import bitwise_xor as bitwise_xor
from keras.ops.numpy._elementwise import ceil as ceil
from keras.ops.numpy._elementwise import clip as clip
from keras.ops.numpy._elementwise import divide as divide
from keras.ops.numpy._elementwise import divide_no_nan as divide_no_nan
from keras.ops.numpy._elementwise import fabs as fabs
from keras.ops.numpy._elementwise import floor as floor
from keras.ops.numpy._elementwise import floor_divide as floor_divide
from keras.ops.numpy._elementwise import fmax as fmax
from keras.ops.numpy._elementwise import fmin as fmin
from keras.ops.numpy._elementwise import fmod as fmod
from keras.ops.numpy._elementwise import gcd as gcd
from keras.ops.numpy._elementwise import heaviside as heaviside
from keras.ops.numpy._elementwise import hypot as hypot
from keras.ops.numpy._elementwise import lcm as lcm
from keras.ops.numpy._elementwise import ldexp as ldexp
from keras.ops.numpy._elementwise import left_shift as left_shift
from keras.ops.numpy._elementwise import logaddexp as logaddexp
from keras.ops.numpy._elementwise import logaddexp2 as logaddexp2
from keras.ops.numpy._elementwise import maximum as maximum
from keras.ops.numpy._elementwise import minimum as minimum
from keras.ops.numpy._elementwise import mod as mod
from keras.ops.numpy._elementwise import multiply as multiply
from keras.ops.numpy._elementwise import negative as negative
from keras.ops.numpy._elementwise import nextafter as nextafter
from keras.ops.numpy._elementwise import power as power
from keras.ops.numpy._elementwise import reciprocal as reciprocal
from keras.ops.numpy._elementwise import right_shift as right_shift
from keras.ops.numpy._elementwise import round as round
from keras.ops.numpy._elementwise import sign as sign
from keras.ops.numpy._elementwise import square as square
from keras.ops.numpy._elementwise import subtract as subtract
from keras.ops.numpy._elementwise import true_divide as true_divide
from keras.ops.numpy._elementwise import trunc as trunc
from keras.ops.numpy._indexing import bincount as bincount
from keras.ops.numpy._indexing import diff as diff
from keras.ops.numpy._indexing import digitize as digitize
from keras.ops.numpy._indexing import get_item as get_item
from keras.ops.numpy._indexing import histogram as histogram
from keras.ops.numpy._indexing import isin as isin
from keras.ops.numpy._indexing import nonzero as nonzero
from keras.ops.numpy._indexing import searchsorted as searchsorted
from keras.ops.numpy._indexing import select as select
from keras.ops.numpy._indexing import take as take
from keras.ops.numpy._indexing import take_along_axis as take_along_axis
from keras.ops.numpy._indexing import unravel_index as unravel_index
from keras.ops.numpy._indexing import where as where
from keras.ops.numpy._linear import correlate as correlate
from keras.ops.numpy._linear import cross as cross
from keras.ops.numpy._linear import dot as dot
from keras.ops.numpy._linear import einsum as einsum
from keras.ops.numpy._linear import inner as inner
from keras.ops.numpy._linear import kron as kron
from keras.ops.numpy._linear import matmul as matmul
from keras.ops.numpy._linear import outer as outer
from keras.ops.numpy._linear import slogdet as slogdet
from keras.ops.numpy._linear import tensordot as tensordot
from keras.ops.numpy._linear import trace as trace
from keras.ops.numpy._linear import trapezoid as trapezoid
from keras.ops.numpy._linear import vdot as vdot
from keras.ops.numpy._logic import allclose as allclose
from keras.ops.numpy._logic import equal as equal
from keras.ops.numpy._logic import greater as greater
from keras.ops.numpy._logic import greater_equal as greater_equal
from keras.ops.numpy._logic import isclose as isclose
from keras.ops.numpy._logic import isfinite as isfinite
from keras.ops.numpy._logic import isinf as isinf
from keras.ops.numpy._logic import isnan as isnan
from keras.ops.numpy._logic import isneginf as isneginf
from keras.ops.numpy._logic import isposinf as isposinf
from keras.ops.numpy._logic import isreal as isreal
from keras.ops.numpy._logic import less as less
from keras.ops.numpy._logic import less_equal as less_equal
from keras.ops.numpy._logic import logical_and as logical_and
from keras.ops.numpy._logic import logical_not as logical_not
from keras.ops.numpy._logic import logical_or as logical_or
from keras.ops.numpy._logic import logical_xor as logical_xor
from keras.ops.numpy._logic import not_equal as not_equal
from keras.ops.numpy._logic import signbit as signbit
from keras.ops.numpy._math import angle as angle
from keras.ops.numpy._math import arccos as arccos
from keras.ops.numpy._math import arccosh as arccosh
from keras.ops.numpy._math import arcsin as arcsin
from keras.ops.numpy._math import arcsinh as arcsinh
from keras.ops.numpy._math import arctan as arctan
from keras.ops.numpy._math import arctanh as arctanh
from keras.ops.numpy._math import cbrt as cbrt
from keras.ops.numpy._math import conj as conj
from keras.ops.numpy._math import conjugate as conjugate
from keras.ops.numpy._math import copy as copy
from keras.ops.numpy._math import cos as cos
from keras.ops.numpy._math import cosh as cosh
from keras.ops.numpy._math import deg2rad as deg2rad
from keras.ops.numpy._math import exp as exp
from keras.ops.numpy._math import exp2 as exp2
from keras.ops.numpy._math import expm1 as expm1
from keras.ops.numpy._math import i0 as i0
from keras.ops.numpy._math import imag as imag
from keras.ops.numpy._math import log as log
from keras.ops.numpy._math import log1p as log1p
from keras.ops.numpy._math import log2 as log2
from keras.ops.numpy._math import log10 as log10
from keras.ops.numpy._math import nan_to_num as nan_to_num
from keras.ops.numpy._math import rad2deg as rad2deg
from keras.ops.numpy._math import real as real
from keras.ops.numpy._math import sin as sin
from keras.ops.numpy._math import sinc as sinc
from keras.ops.numpy._math import sinh as sinh
from keras.ops.numpy._math import sqrt as sqrt
from keras.ops.numpy._math import tan as tan
from keras.ops.numpy._math import tanh as tanh
from keras.ops.numpy._reductions import all as all
from keras.ops.numpy._reductions import amax as amax
from keras.ops.numpy._reductions import amin as amin
from keras.ops.numpy._reductions import any as any
from keras.ops.numpy._reductions import argmax as argmax
from keras.ops.numpy._reductions import argmin as argmin
from keras.ops.numpy._reductions import average as average
from keras.ops.numpy._reductions import count_nonzero as count_nonzero
from keras.ops.numpy._reductions import cumprod as cumprod
from keras.ops.numpy._reductions import cumsum as cumsum
from keras.ops.numpy._reductions import max as max
from keras.ops.numpy._reductions import mean as mean
from keras.ops.numpy._reductions import median as median
from keras.ops.numpy._reductions import min as min
from keras.ops.numpy._reductions import nanargmax as nanargmax
from keras.ops.numpy._reductions import nanargmin as nanargmin
from keras.ops.numpy._reductions import nancumprod as nancumprod
from keras.ops.numpy._reductions import nancumsum as nancumsum
from keras.ops.numpy._reductions import nanmax as nanmax
from keras.ops.numpy._reductions import nanmean as nanmean
from keras.ops.numpy._reductions import nanmedian as nanmedian
from keras.ops.numpy._reductions import nanmin as nanmin
from keras.ops.numpy._reductions import nanpercentile as nanpercentile
from keras.ops.numpy._reductions import nanprod as nanprod
from keras.ops.numpy._reductions import nanquantile as nanquantile
from keras.ops.numpy._reductions import nanstd as nanstd
from keras.ops.numpy._reductions import nansum as nansum
from keras.ops.numpy._reductions import nanvar as nanvar
from keras.ops.numpy._reductions import percentile as percentile
from keras.ops.numpy._reductions import prod as prod
from keras.ops.numpy._reductions import ptp as ptp
from keras.ops.numpy._reductions import quantile as quantile
from keras.ops.numpy._reductions import std as std
from keras.ops.numpy._reductions import sum as sum
from keras.ops.numpy._reductions import var as var
from keras.ops.numpy._shape import append as append
from keras.ops.numpy._shape import array_split as array_split
from keras.ops.numpy._shape import broadcast_to as broadcast_to
from keras.ops.numpy._shape import concatenate as concatenate
from keras.ops.numpy._shape import dsplit as dsplit
from keras.ops.numpy._shape import dstack as dstack
from keras.ops.numpy._shape import expand_dims as expand_dims
from keras.ops.numpy._shape import flip as flip
from keras.ops.numpy._shape import fliplr as fliplr
from keras.ops.numpy._shape import flipud as flipud
from keras.ops.numpy._shape import hsplit as hsplit
from keras.ops.numpy._shape import hstack as hstack
from keras.ops.numpy._shape import meshgrid as meshgrid
from keras.ops.numpy._shape import moveaxis as moveaxis
from keras.ops.numpy._shape import ndim as ndim
from keras.ops.numpy._shape import pad as pad
from keras.ops.numpy._shape import ravel as ravel
from keras.ops.numpy._shape import repeat as repeat
from keras.ops.numpy._shape import reshape as reshape
from keras.ops.numpy._shape import roll as roll
from keras.ops.numpy._shape import rot90 as rot90
from keras.ops.numpy._shape import size as size
from keras.ops.numpy._shape import split as split
from keras.ops.numpy._shape import squeeze as squeeze
from keras.ops.numpy._shape import stack as stack
from keras.ops.numpy._shape import swapaxes as swapaxes
from keras.ops.numpy._shape import tile as tile
from keras.ops.numpy._shape import transpose as transpose
from keras.ops.numpy._shape import view as view
from keras.ops.numpy._shape import vsplit as vsplit
from keras.ops.numpy._shape import vstack as vstack
from keras.ops.numpy._sorting import argpartition as argpartition
from keras.ops.numpy._sorting import argsort as argsort
from keras.ops.numpy._sorting import sort as sort
from keras.ops.numpy._sorting import unique as unique
from keras.ops.numpy._vectorize import vectorize as vectorize

__all__ = [
    "abs",
    "absolute",
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
    "average",
    "bartlett",
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
    "cbrt",
    "ceil",
    "clip",
    "concatenate",
    "conj",
    "conjugate",
    "copy",
    "corrcoef",
    "correlate",
    "cos",
    "cosh",
    "count_nonzero",
    "cross",
    "cumprod",
    "cumsum",
    "deg2rad",
    "diag",
    "diagflat",
    "diagonal",
    "diff",
    "digitize",
    "divide",
    "divide_no_nan",
    "dot",
    "dsplit",
    "dstack",
    "einsum",
    "empty",
    "empty_like",
    "equal",
    "exp",
    "exp2",
    "expand_dims",
    "expm1",
    "eye",
    "fabs",
    "flip",
    "fliplr",
    "flipud",
    "floor",
    "floor_divide",
    "fmax",
    "fmin",
    "fmod",
    "full",
    "full_like",
    "gcd",
    "geomspace",
    "get_item",
    "greater",
    "greater_equal",
    "hamming",
    "hanning",
    "heaviside",
    "histogram",
    "hsplit",
    "hstack",
    "hypot",
    "i0",
    "identity",
    "imag",
    "inner",
    "isclose",
    "isfinite",
    "isin",
    "isinf",
    "isnan",
    "isneginf",
    "isposinf",
    "isreal",
    "kaiser",
    "kron",
    "lcm",
    "ldexp",
    "left_shift",
    "less",
    "less_equal",
    "linspace",
    "log",
    "log10",
    "log1p",
    "log2",
    "logaddexp",
    "logaddexp2",
    "logical_and",
    "logical_not",
    "logical_or",
    "logical_xor",
    "logspace",
    "matmul",
    "max",
    "maximum",
    "mean",
    "median",
    "meshgrid",
    "min",
    "minimum",
    "mod",
    "moveaxis",
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
    "not_equal",
    "ones",
    "ones_like",
    "outer",
    "pad",
    "percentile",
    "power",
    "prod",
    "ptp",
    "quantile",
    "rad2deg",
    "ravel",
    "real",
    "reciprocal",
    "repeat",
    "reshape",
    "right_shift",
    "roll",
    "rot90",
    "round",
    "searchsorted",
    "select",
    "sign",
    "signbit",
    "sin",
    "sinc",
    "sinh",
    "size",
    "slogdet",
    "sort",
    "split",
    "sqrt",
    "square",
    "squeeze",
    "stack",
    "std",
    "subtract",
    "sum",
    "swapaxes",
    "take",
    "take_along_axis",
    "tan",
    "tanh",
    "tensordot",
    "tile",
    "trace",
    "transpose",
    "trapezoid",
    "tri",
    "tril",
    "triu",
    "true_divide",
    "trunc",
    "unique",
    "unravel_index",
    "vander",
    "var",
    "vdot",
    "vectorize",
    "view",
    "vsplit",
    "vstack",
    "where",
    "zeros",
    "zeros_like",
]
