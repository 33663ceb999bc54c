"""keras.distribution: device meshes, tensor layouts, and data/model parallel distributions."""

from keras.distribution._devices import get_device_count as get_device_count
from keras.distribution._devices import initialize as initialize
from keras.distribution._devices import list_devices as list_devices
from keras.distribution._distribution import DataParallel as DataParallel
from keras.distribution._distribution import ModelParallel as ModelParallel
from keras.distribution._distribution import distribute_tensor as distribute_tensor
from keras.distribution._distribution import distribution as distribution
from keras.distribution._distribution import set_distribution as set_distribution
from keras.distribution._layout import DeviceMesh as DeviceMesh
from keras.distribution._layout import LayoutMap as LayoutMap
from keras.distribution._layout import TensorLayout as TensorLayout

__all__ = [
    "DataParallel",
    "DeviceMesh",
    "LayoutMap",
    "ModelParallel",
    "TensorLayout",
    "distribute_tensor",
    "distribution",
    "get_device_count",
    "initialize",
    "list_devices",
    "set_distribution",
]
