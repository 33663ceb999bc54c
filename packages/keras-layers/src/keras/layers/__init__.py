"""keras.layers: the layers of the Keras 3 API."""

from keras.layers._activations.activation_layers import ELU as ELU
from keras.layers._activations.activation_layers import Activation as Activation
from keras.layers._activations.activation_layers import LeakyReLU as LeakyReLU
from keras.layers._activations.activation_layers import PReLU as PReLU
from keras.layers._activations.activation_layers import ReLU as ReLU
from keras.layers._activations.activation_layers import Softmax as Softmax
from keras.layers._attention.additive_attention import AdditiveAttention as AdditiveAttention
from keras.layers._attention.attention import Attention as Attention
from keras.layers._attention.grouped_query_attention import GroupQueryAttention as GroupQueryAttention
from keras.layers._attention.multi_head_attention import MultiHeadAttention as MultiHeadAttention
from keras.layers._convolutional.conv import Conv1D as Conv1D
from keras.layers._convolutional.conv import Conv2D as Conv2D
from keras.layers._convolutional.conv import Conv3D as Conv3D
from keras.layers._convolutional.conv import Convolution1D as Convolution1D
from keras.layers._convolutional.conv import Convolution2D as Convolution2D
from keras.layers._convolutional.conv import Convolution3D as Convolution3D
from keras.layers._convolutional.conv_transpose import Conv1DTranspose as Conv1DTranspose
from keras.layers._convolutional.conv_transpose import Conv2DTranspose as Conv2DTranspose
from keras.layers._convolutional.conv_transpose import Conv3DTranspose as Conv3DTranspose
from keras.layers._convolutional.conv_transpose import Convolution1DTranspose as Convolution1DTranspose
from keras.layers._convolutional.conv_transpose import Convolution2DTranspose as Convolution2DTranspose
from keras.layers._convolutional.conv_transpose import Convolution3DTranspose as Convolution3DTranspose
from keras.layers._convolutional.depthwise_conv import DepthwiseConv1D as DepthwiseConv1D
from keras.layers._convolutional.depthwise_conv import DepthwiseConv2D as DepthwiseConv2D
from keras.layers._convolutional.separable_conv import SeparableConv1D as SeparableConv1D
from keras.layers._convolutional.separable_conv import SeparableConv2D as SeparableConv2D
from keras.layers._convolutional.separable_conv import SeparableConvolution1D as SeparableConvolution1D
from keras.layers._convolutional.separable_conv import SeparableConvolution2D as SeparableConvolution2D
from keras.layers._core.dense import Dense as Dense
from keras.layers._core.einsum_dense import EinsumDense as EinsumDense
from keras.layers._core.embedding import Embedding as Embedding
from keras.layers._core.identity import Identity as Identity
from keras.layers._core.lambda_layer import Lambda as Lambda
from keras.layers._core.masking import Masking as Masking
from keras.layers._core.wrapper import Wrapper as Wrapper
from keras.layers._input_layer import Input as Input
from keras.layers._input_layer import InputLayer as InputLayer
from keras.layers._input_spec import InputSpec as InputSpec
from keras.layers._layer import Layer as Layer
from keras.layers._layer_serialization import deserialize as deserialize
from keras.layers._layer_serialization import serialize as serialize
from keras.layers._merging.concatenate import Concatenate as Concatenate
from keras.layers._merging.concatenate import concatenate as concatenate
from keras.layers._merging.dot import Dot as Dot
from keras.layers._merging.dot import dot as dot
from keras.layers._merging.elementwise import Add as Add
from keras.layers._merging.elementwise import Average as Average
from keras.layers._merging.elementwise import Maximum as Maximum
from keras.layers._merging.elementwise import Minimum as Minimum
from keras.layers._merging.elementwise import Multiply as Multiply
from keras.layers._merging.elementwise import Subtract as Subtract
from keras.layers._merging.elementwise import add as add
from keras.layers._merging.elementwise import average as average
from keras.layers._merging.elementwise import maximum as maximum
from keras.layers._merging.elementwise import minimum as minimum
from keras.layers._merging.elementwise import multiply as multiply
from keras.layers._merging.elementwise import subtract as subtract
from keras.layers._normalization.batch_normalization import BatchNormalization as BatchNormalization
from keras.layers._normalization.group_normalization import GroupNormalization as GroupNormalization
from keras.layers._normalization.layer_normalization import LayerNormalization as LayerNormalization
from keras.layers._normalization.rms_normalization import RMSNormalization as RMSNormalization
from keras.layers._normalization.spectral_normalization import SpectralNormalization as SpectralNormalization
from keras.layers._normalization.unit_normalization import UnitNormalization as UnitNormalization
from keras.layers._pooling.adaptive_pooling import AdaptiveAveragePooling1D as AdaptiveAveragePooling1D
from keras.layers._pooling.adaptive_pooling import AdaptiveAveragePooling2D as AdaptiveAveragePooling2D
from keras.layers._pooling.adaptive_pooling import AdaptiveAveragePooling3D as AdaptiveAveragePooling3D
from keras.layers._pooling.adaptive_pooling import AdaptiveMaxPooling1D as AdaptiveMaxPooling1D
from keras.layers._pooling.adaptive_pooling import AdaptiveMaxPooling2D as AdaptiveMaxPooling2D
from keras.layers._pooling.adaptive_pooling import AdaptiveMaxPooling3D as AdaptiveMaxPooling3D
from keras.layers._pooling.global_pooling import GlobalAveragePooling1D as GlobalAveragePooling1D
from keras.layers._pooling.global_pooling import GlobalAveragePooling2D as GlobalAveragePooling2D
from keras.layers._pooling.global_pooling import GlobalAveragePooling3D as GlobalAveragePooling3D
from keras.layers._pooling.global_pooling import GlobalAvgPool1D as GlobalAvgPool1D
from keras.layers._pooling.global_pooling import GlobalAvgPool2D as GlobalAvgPool2D
from keras.layers._pooling.global_pooling import GlobalAvgPool3D as GlobalAvgPool3D
from keras.layers._pooling.global_pooling import GlobalMaxPool1D as GlobalMaxPool1D
from keras.layers._pooling.global_pooling import GlobalMaxPool2D as GlobalMaxPool2D
from keras.layers._pooling.global_pooling import GlobalMaxPool3D as GlobalMaxPool3D
from keras.layers._pooling.global_pooling import GlobalMaxPooling1D as GlobalMaxPooling1D
from keras.layers._pooling.global_pooling import GlobalMaxPooling2D as GlobalMaxPooling2D
from keras.layers._pooling.global_pooling import GlobalMaxPooling3D as GlobalMaxPooling3D
from keras.layers._pooling.pooling import AveragePooling1D as AveragePooling1D
from keras.layers._pooling.pooling import AveragePooling2D as AveragePooling2D
from keras.layers._pooling.pooling import AveragePooling3D as AveragePooling3D
from keras.layers._pooling.pooling import AvgPool1D as AvgPool1D
from keras.layers._pooling.pooling import AvgPool2D as AvgPool2D
from keras.layers._pooling.pooling import AvgPool3D as AvgPool3D
from keras.layers._pooling.pooling import MaxPool1D as MaxPool1D
from keras.layers._pooling.pooling import MaxPool2D as MaxPool2D
from keras.layers._pooling.pooling import MaxPool3D as MaxPool3D
from keras.layers._pooling.pooling import MaxPooling1D as MaxPooling1D
from keras.layers._pooling.pooling import MaxPooling2D as MaxPooling2D
from keras.layers._pooling.pooling import MaxPooling3D as MaxPooling3D
from keras.layers._preprocessing.audio_spectrogram import MelSpectrogram as MelSpectrogram
from keras.layers._preprocessing.audio_spectrogram import STFTSpectrogram as STFTSpectrogram
from keras.layers._preprocessing.augment_policies import AugMix as AugMix
from keras.layers._preprocessing.augment_policies import RandAugment as RandAugment
from keras.layers._preprocessing.backend_bridges import FlaxLayer as FlaxLayer
from keras.layers._preprocessing.backend_bridges import JaxLayer as JaxLayer
from keras.layers._preprocessing.backend_bridges import TFSMLayer as TFSMLayer
from keras.layers._preprocessing.backend_bridges import TorchModuleWrapper as TorchModuleWrapper
from keras.layers._preprocessing.category_encoding import CategoryEncoding as CategoryEncoding
from keras.layers._preprocessing.clahe import (
    ContrastLimitedAdaptiveHistogramEqualization as ContrastLimitedAdaptiveHistogramEqualization,
)
from keras.layers._preprocessing.color_adjust import RandomColorDegeneration as RandomColorDegeneration
from keras.layers._preprocessing.color_adjust import RandomColorJitter as RandomColorJitter
from keras.layers._preprocessing.color_adjust import RandomGrayscale as RandomGrayscale
from keras.layers._preprocessing.color_adjust import RandomHue as RandomHue
from keras.layers._preprocessing.color_adjust import RandomSaturation as RandomSaturation
from keras.layers._preprocessing.discretization import Discretization as Discretization
from keras.layers._preprocessing.hashing import HashedCrossing as HashedCrossing
from keras.layers._preprocessing.hashing import Hashing as Hashing
from keras.layers._preprocessing.lookup import IntegerLookup as IntegerLookup
from keras.layers._preprocessing.lookup import StringLookup as StringLookup
from keras.layers._preprocessing.max_num_bounding_boxes import MaxNumBoundingBoxes as MaxNumBoundingBoxes
from keras.layers._preprocessing.mixing import CutMix as CutMix
from keras.layers._preprocessing.mixing import MixUp as MixUp
from keras.layers._preprocessing.normalization import Normalization as Normalization
from keras.layers._preprocessing.perspective_elastic import RandomElasticTransform as RandomElasticTransform
from keras.layers._preprocessing.perspective_elastic import RandomPerspective as RandomPerspective
from keras.layers._preprocessing.pipeline import Pipeline as Pipeline
from keras.layers._preprocessing.pixel_transforms import AutoContrast as AutoContrast
from keras.layers._preprocessing.pixel_transforms import Equalization as Equalization
from keras.layers._preprocessing.pixel_transforms import RandomInvert as RandomInvert
from keras.layers._preprocessing.pixel_transforms import RandomPosterization as RandomPosterization
from keras.layers._preprocessing.pixel_transforms import RandomSharpness as RandomSharpness
from keras.layers._preprocessing.pixel_transforms import Solarization as Solarization
from keras.layers._preprocessing.random_color import RandomBrightness as RandomBrightness
from keras.layers._preprocessing.random_color import RandomContrast as RandomContrast
from keras.layers._preprocessing.random_erase_blur import RandomErasing as RandomErasing
from keras.layers._preprocessing.random_erase_blur import RandomGaussianBlur as RandomGaussianBlur
from keras.layers._preprocessing.random_geometry import RandomCrop as RandomCrop
from keras.layers._preprocessing.random_geometry import RandomFlip as RandomFlip
from keras.layers._preprocessing.random_geometry import RandomRotation as RandomRotation
from keras.layers._preprocessing.random_geometry import RandomTranslation as RandomTranslation
from keras.layers._preprocessing.random_geometry import RandomZoom as RandomZoom
from keras.layers._preprocessing.random_shear import RandomShear as RandomShear
from keras.layers._preprocessing.rescaling import Rescaling as Rescaling
from keras.layers._preprocessing.resizing import CenterCrop as CenterCrop
from keras.layers._preprocessing.resizing import Resizing as Resizing
from keras.layers._preprocessing.reversible_embedding import ReversibleEmbedding as ReversibleEmbedding
from keras.layers._preprocessing.text_vectorization import TextVectorization as TextVectorization
from keras.layers._recurrent.bidirectional import Bidirectional as Bidirectional
from keras.layers._recurrent.conv_lstm import ConvLSTM1D as ConvLSTM1D
from keras.layers._recurrent.conv_lstm import ConvLSTM2D as ConvLSTM2D
from keras.layers._recurrent.conv_lstm import ConvLSTM3D as ConvLSTM3D
from keras.layers._recurrent.gru import GRU as GRU
from keras.layers._recurrent.gru import GRUCell as GRUCell
from keras.layers._recurrent.lstm import LSTM as LSTM
from keras.layers._recurrent.lstm import LSTMCell as LSTMCell
from keras.layers._recurrent.rnn import RNN as RNN
from keras.layers._recurrent.simple_rnn import SimpleRNN as SimpleRNN
from keras.layers._recurrent.simple_rnn import SimpleRNNCell as SimpleRNNCell
from keras.layers._recurrent.stacked_rnn_cells import StackedRNNCells as StackedRNNCells
from keras.layers._recurrent.time_distributed import TimeDistributed as TimeDistributed
from keras.layers._regularization.activity_regularization import (
    ActivityRegularization as ActivityRegularization,
)
from keras.layers._regularization.alpha_dropout import AlphaDropout as AlphaDropout
from keras.layers._regularization.dropout import Dropout as Dropout
from keras.layers._regularization.gaussian import GaussianDropout as GaussianDropout
from keras.layers._regularization.gaussian import GaussianNoise as GaussianNoise
from keras.layers._regularization.spatial_dropout import SpatialDropout1D as SpatialDropout1D
from keras.layers._regularization.spatial_dropout import SpatialDropout2D as SpatialDropout2D
from keras.layers._regularization.spatial_dropout import SpatialDropout3D as SpatialDropout3D
from keras.layers._reshaping.cropping import Cropping1D as Cropping1D
from keras.layers._reshaping.cropping import Cropping2D as Cropping2D
from keras.layers._reshaping.cropping import Cropping3D as Cropping3D
from keras.layers._reshaping.flatten import Flatten as Flatten
from keras.layers._reshaping.permute import Permute as Permute
from keras.layers._reshaping.repeat_vector import RepeatVector as RepeatVector
from keras.layers._reshaping.reshape import Reshape as Reshape
from keras.layers._reshaping.up_sampling import UpSampling1D as UpSampling1D
from keras.layers._reshaping.up_sampling import UpSampling2D as UpSampling2D
from keras.layers._reshaping.up_sampling import UpSampling3D as UpSampling3D
from keras.layers._reshaping.zero_padding import ZeroPadding1D as ZeroPadding1D
from keras.layers._reshaping.zero_padding import ZeroPadding2D as ZeroPadding2D
from keras.layers._reshaping.zero_padding import ZeroPadding3D as ZeroPadding3D
from keras.layers._version import __version__ as __version__

__all__ = [
    "Activation",
    "ActivityRegularization",
    "AdaptiveAveragePooling1D",
    "AdaptiveAveragePooling2D",
    "AdaptiveAveragePooling3D",
    "AdaptiveMaxPooling1D",
    "AdaptiveMaxPooling2D",
    "AdaptiveMaxPooling3D",
    "Add",
    "AdditiveAttention",
    "AlphaDropout",
    "Attention",
    "AugMix",
    "AutoContrast",
    "Average",
    "AveragePooling1D",
    "AveragePooling2D",
    "AveragePooling3D",
    "AvgPool1D",
    "AvgPool2D",
    "AvgPool3D",
    "BatchNormalization",
    "Bidirectional",
    "CategoryEncoding",
    "CenterCrop",
    "Concatenate",
    "ContrastLimitedAdaptiveHistogramEqualization",
    "Conv1D",
    "Conv1DTranspose",
    "Conv2D",
    "Conv2DTranspose",
    "Conv3D",
    "Conv3DTranspose",
    "ConvLSTM1D",
    "ConvLSTM2D",
    "ConvLSTM3D",
    "Convolution1D",
    "Convolution1DTranspose",
    "Convolution2D",
    "Convolution2DTranspose",
    "Convolution3D",
    "Convolution3DTranspose",
    "Cropping1D",
    "Cropping2D",
    "Cropping3D",
    "CutMix",
    "Dense",
    "DepthwiseConv1D",
    "DepthwiseConv2D",
    "Discretization",
    "Dot",
    "Dropout",
    "ELU",
    "EinsumDense",
    "Embedding",
    "Equalization",
    "Flatten",
    "FlaxLayer",
    "GRU",
    "GRUCell",
    "GaussianDropout",
    "GaussianNoise",
    "GlobalAveragePooling1D",
    "GlobalAveragePooling2D",
    "GlobalAveragePooling3D",
    "GlobalAvgPool1D",
    "GlobalAvgPool2D",
    "GlobalAvgPool3D",
    "GlobalMaxPool1D",
    "GlobalMaxPool2D",
    "GlobalMaxPool3D",
    "GlobalMaxPooling1D",
    "GlobalMaxPooling2D",
    "GlobalMaxPooling3D",
    "GroupNormalization",
    "GroupQueryAttention",
    "HashedCrossing",
    "Hashing",
    "Identity",
    "Input",
    "InputLayer",
    "InputSpec",
    "IntegerLookup",
    "JaxLayer",
    "LSTM",
    "LSTMCell",
    "Lambda",
    "Layer",
    "LayerNormalization",
    "LeakyReLU",
    "Masking",
    "MaxNumBoundingBoxes",
    "MaxPool1D",
    "MaxPool2D",
    "MaxPool3D",
    "MaxPooling1D",
    "MaxPooling2D",
    "MaxPooling3D",
    "Maximum",
    "MelSpectrogram",
    "Minimum",
    "MixUp",
    "MultiHeadAttention",
    "Multiply",
    "Normalization",
    "PReLU",
    "Permute",
    "Pipeline",
    "RMSNormalization",
    "RNN",
    "RandAugment",
    "RandomBrightness",
    "RandomColorDegeneration",
    "RandomColorJitter",
    "RandomContrast",
    "RandomCrop",
    "RandomElasticTransform",
    "RandomErasing",
    "RandomFlip",
    "RandomGaussianBlur",
    "RandomGrayscale",
    "RandomHue",
    "RandomInvert",
    "RandomPerspective",
    "RandomPosterization",
    "RandomRotation",
    "RandomSaturation",
    "RandomSharpness",
    "RandomShear",
    "RandomTranslation",
    "RandomZoom",
    "ReLU",
    "RepeatVector",
    "Rescaling",
    "Reshape",
    "Resizing",
    "ReversibleEmbedding",
    "STFTSpectrogram",
    "SeparableConv1D",
    "SeparableConv2D",
    "SeparableConvolution1D",
    "SeparableConvolution2D",
    "SimpleRNN",
    "SimpleRNNCell",
    "Softmax",
    "Solarization",
    "SpatialDropout1D",
    "SpatialDropout2D",
    "SpatialDropout3D",
    "SpectralNormalization",
    "StackedRNNCells",
    "StringLookup",
    "Subtract",
    "TFSMLayer",
    "TextVectorization",
    "TimeDistributed",
    "TorchModuleWrapper",
    "UnitNormalization",
    "UpSampling1D",
    "UpSampling2D",
    "UpSampling3D",
    "Wrapper",
    "ZeroPadding1D",
    "ZeroPadding2D",
    "ZeroPadding3D",
    "add",
    "average",
    "concatenate",
    "deserialize",
    "dot",
    "maximum",
    "minimum",
    "multiply",
    "serialize",
    "subtract",
]
