"""`keras.applications`: ready-made image classification models (ResNet, VGG, MobileNet, ...).

Each builder returns a functional `keras.Model` with Keras 3's exact layers and layer names,
so Keras's ImageNet weight files load into it; each family's submodule adds its
`preprocess_input` and `decode_predictions`.
"""

from keras.applications import convnext as convnext
from keras.applications import densenet as densenet
from keras.applications import efficientnet as efficientnet
from keras.applications import efficientnet_v2 as efficientnet_v2
from keras.applications import imagenet_utils as imagenet_utils
from keras.applications import inception_resnet_v2 as inception_resnet_v2
from keras.applications import inception_v3 as inception_v3
from keras.applications import mobilenet as mobilenet
from keras.applications import mobilenet_v2 as mobilenet_v2
from keras.applications import mobilenet_v3 as mobilenet_v3
from keras.applications import nasnet as nasnet
from keras.applications import resnet as resnet
from keras.applications import resnet50 as resnet50
from keras.applications import resnet_v2 as resnet_v2
from keras.applications import vgg16 as vgg16
from keras.applications import vgg19 as vgg19
from keras.applications import xception as xception
from keras.applications._convnext import ConvNeXtBase as ConvNeXtBase
from keras.applications._convnext import ConvNeXtLarge as ConvNeXtLarge
from keras.applications._convnext import ConvNeXtSmall as ConvNeXtSmall
from keras.applications._convnext import ConvNeXtTiny as ConvNeXtTiny
from keras.applications._convnext import ConvNeXtXLarge as ConvNeXtXLarge
from keras.applications._densenet import DenseNet121 as DenseNet121
from keras.applications._densenet import DenseNet169 as DenseNet169
from keras.applications._densenet import DenseNet201 as DenseNet201
from keras.applications._efficientnet import EfficientNetB0 as EfficientNetB0
from keras.applications._efficientnet import EfficientNetB1 as EfficientNetB1
from keras.applications._efficientnet import EfficientNetB2 as EfficientNetB2
from keras.applications._efficientnet import EfficientNetB3 as EfficientNetB3
from keras.applications._efficientnet import EfficientNetB4 as EfficientNetB4
from keras.applications._efficientnet import EfficientNetB5 as EfficientNetB5
from keras.applications._efficientnet import EfficientNetB6 as EfficientNetB6
from keras.applications._efficientnet import EfficientNetB7 as EfficientNetB7
from keras.applications._efficientnet_v2 import EfficientNetV2B0 as EfficientNetV2B0
from keras.applications._efficientnet_v2 import EfficientNetV2B1 as EfficientNetV2B1
from keras.applications._efficientnet_v2 import EfficientNetV2B2 as EfficientNetV2B2
from keras.applications._efficientnet_v2 import EfficientNetV2B3 as EfficientNetV2B3
from keras.applications._efficientnet_v2 import EfficientNetV2L as EfficientNetV2L
from keras.applications._efficientnet_v2 import EfficientNetV2M as EfficientNetV2M
from keras.applications._efficientnet_v2 import EfficientNetV2S as EfficientNetV2S
from keras.applications._inception import InceptionResNetV2 as InceptionResNetV2
from keras.applications._inception import InceptionV3 as InceptionV3
from keras.applications._mobilenet import MobileNet as MobileNet
from keras.applications._mobilenet import MobileNetV2 as MobileNetV2
from keras.applications._mobilenet_v3 import MobileNetV3Large as MobileNetV3Large
from keras.applications._mobilenet_v3 import MobileNetV3Small as MobileNetV3Small
from keras.applications._nasnet import NASNetLarge as NASNetLarge
from keras.applications._nasnet import NASNetMobile as NASNetMobile
from keras.applications._resnet import ResNet50 as ResNet50
from keras.applications._resnet import ResNet50V2 as ResNet50V2
from keras.applications._resnet import ResNet101 as ResNet101
from keras.applications._resnet import ResNet101V2 as ResNet101V2
from keras.applications._resnet import ResNet152 as ResNet152
from keras.applications._resnet import ResNet152V2 as ResNet152V2
from keras.applications._vgg import VGG16 as VGG16
from keras.applications._vgg import VGG19 as VGG19
from keras.applications._xception import Xception as Xception

__all__ = [
    "ConvNeXtBase",
    "ConvNeXtLarge",
    "ConvNeXtSmall",
    "ConvNeXtTiny",
    "ConvNeXtXLarge",
    "DenseNet121",
    "DenseNet169",
    "DenseNet201",
    "EfficientNetB0",
    "EfficientNetB1",
    "EfficientNetB2",
    "EfficientNetB3",
    "EfficientNetB4",
    "EfficientNetB5",
    "EfficientNetB6",
    "EfficientNetB7",
    "EfficientNetV2B0",
    "EfficientNetV2B1",
    "EfficientNetV2B2",
    "EfficientNetV2B3",
    "EfficientNetV2L",
    "EfficientNetV2M",
    "EfficientNetV2S",
    "InceptionResNetV2",
    "InceptionV3",
    "MobileNet",
    "MobileNetV2",
    "MobileNetV3Large",
    "MobileNetV3Small",
    "NASNetLarge",
    "NASNetMobile",
    "ResNet101",
    "ResNet101V2",
    "ResNet152",
    "ResNet152V2",
    "ResNet50",
    "ResNet50V2",
    "VGG16",
    "VGG19",
    "Xception",
]
