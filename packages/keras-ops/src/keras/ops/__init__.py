"""`keras.ops`: every op, on the active backend."""

from keras.ops._version import __version__ as __version__
from keras.ops._conversion import cast as cast
from keras.ops._conversion import convert_to_numpy as convert_to_numpy
from keras.ops._conversion import convert_to_tensor as convert_to_tensor
from keras.ops._conversion import dtype as dtype
from keras.ops._conversion import is_tensor as is_tensor
from keras.ops._conversion import shape as shape
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
from keras.ops.numpy import log10 as log10
from keras.ops.numpy import log1p as log1p
from keras.ops.numpy import log2 as log2
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
from keras.ops.numpy import view as view
from keras.ops.numpy import vsplit as vsplit
from keras.ops.numpy import vstack as vstack
from keras.ops.numpy import where as where
from keras.ops.numpy import zeros as zeros
from keras.ops.numpy import zeros_like as zeros_like

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
    "cast",
    "cbrt",
    "ceil",
    "clip",
    "concatenate",
    "conj",
    "conjugate",
    "convert_to_numpy",
    "convert_to_tensor",
    "copy",
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
    "dtype",
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
    "is_tensor",
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
    "shape",
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
    "view",
    "vsplit",
    "vstack",
    "where",
    "zeros",
    "zeros_like",
]
