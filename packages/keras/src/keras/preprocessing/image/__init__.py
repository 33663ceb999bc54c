"""`keras.preprocessing.image`: image array helpers (Keras 2 names kept by Keras 3)."""

from keras.preprocessing.image._smart_resize import smart_resize as smart_resize
from keras.utils._image import array_to_img as array_to_img
from keras.utils._image import img_to_array as img_to_array
from keras.utils._image import load_img as load_img
from keras.utils._image import save_img as save_img

__all__ = ["array_to_img", "img_to_array", "load_img", "save_img", "smart_resize"]
