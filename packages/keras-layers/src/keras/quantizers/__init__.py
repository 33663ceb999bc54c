"""`keras.quantizers`: quantizers, quantization configs and the quantization arithmetic."""

from keras.quantizers._abs_max import abs_max_quantize as abs_max_quantize
from keras.quantizers._abs_max import (
    abs_max_quantize_grouped_with_zero_point as abs_max_quantize_grouped_with_zero_point,
)
from keras.quantizers._calibrated import AWQConfig as AWQConfig
from keras.quantizers._calibrated import GPTQConfig as GPTQConfig
from keras.quantizers._config import Float8QuantizationConfig as Float8QuantizationConfig
from keras.quantizers._config import Int4QuantizationConfig as Int4QuantizationConfig
from keras.quantizers._config import Int8QuantizationConfig as Int8QuantizationConfig
from keras.quantizers._config import QuantizationConfig as QuantizationConfig
from keras.quantizers._fake_quant import fake_quant_with_min_max_vars as fake_quant_with_min_max_vars
from keras.quantizers._float8 import compute_float8_amax_history as compute_float8_amax_history
from keras.quantizers._float8 import compute_float8_scale as compute_float8_scale
from keras.quantizers._float8 import quantize_and_dequantize as quantize_and_dequantize
from keras.quantizers._int4 import pack_int4 as pack_int4
from keras.quantizers._int4 import unpack_int4 as unpack_int4
from keras.quantizers._lookup import deserialize as deserialize
from keras.quantizers._lookup import get as get
from keras.quantizers._lookup import serialize as serialize
from keras.quantizers._quantizer import AbsMaxQuantizer as AbsMaxQuantizer
from keras.quantizers._quantizer import Quantizer as Quantizer

__all__ = [
    "AWQConfig",
    "AbsMaxQuantizer",
    "Float8QuantizationConfig",
    "GPTQConfig",
    "Int4QuantizationConfig",
    "Int8QuantizationConfig",
    "QuantizationConfig",
    "Quantizer",
    "abs_max_quantize",
    "abs_max_quantize_grouped_with_zero_point",
    "compute_float8_amax_history",
    "compute_float8_scale",
    "deserialize",
    "fake_quant_with_min_max_vars",
    "get",
    "pack_int4",
    "quantize_and_dequantize",
    "serialize",
    "unpack_int4",
]
