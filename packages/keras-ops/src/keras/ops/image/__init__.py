"""`keras.ops.image`: image ops: resizing, geometric transforms, color, patches."""

from keras.ops.image._color import hsv_to_rgb as hsv_to_rgb
from keras.ops.image._color import rgb_to_grayscale as rgb_to_grayscale
from keras.ops.image._color import rgb_to_hsv as rgb_to_hsv
from keras.ops.image._filters import gaussian_blur as gaussian_blur
from keras.ops.image._filters import sobel_edges as sobel_edges
from keras.ops.image._filters import ssim as ssim
from keras.ops.image._geometry import crop_images as crop_images
from keras.ops.image._geometry import extract_patches as extract_patches
from keras.ops.image._geometry import extract_patches_3d as extract_patches_3d
from keras.ops.image._geometry import pad_images as pad_images
from keras.ops.image._resize import resize as resize
from keras.ops.image._resize import scale_and_translate as scale_and_translate
from keras.ops.image._transform import affine_transform as affine_transform
from keras.ops.image._transform import elastic_transform as elastic_transform
from keras.ops.image._transform import map_coordinates as map_coordinates
from keras.ops.image._transform import perspective_transform as perspective_transform

__all__ = [
    "affine_transform",
    "crop_images",
    "elastic_transform",
    "extract_patches",
    "extract_patches_3d",
    "gaussian_blur",
    "hsv_to_rgb",
    "map_coordinates",
    "pad_images",
    "perspective_transform",
    "resize",
    "rgb_to_grayscale",
    "rgb_to_hsv",
    "scale_and_translate",
    "sobel_edges",
    "ssim",
]
