"""`keras.utils.bounding_boxes`: box formats, overlaps, box coding and box geometry, on keras.ops."""

from keras.utils.bounding_boxes._deltas import decode_deltas_to_boxes as decode_deltas_to_boxes
from keras.utils.bounding_boxes._deltas import encode_box_to_deltas as encode_box_to_deltas
from keras.utils.bounding_boxes._formats import convert_format as convert_format
from keras.utils.bounding_boxes._geometry import affine_transform as affine_transform
from keras.utils.bounding_boxes._geometry import clip_to_image_size as clip_to_image_size
from keras.utils.bounding_boxes._geometry import crop as crop
from keras.utils.bounding_boxes._geometry import pad as pad
from keras.utils.bounding_boxes._iou import compute_ciou as compute_ciou
from keras.utils.bounding_boxes._iou import compute_iou as compute_iou

__all__ = [
    "affine_transform",
    "clip_to_image_size",
    "compute_ciou",
    "compute_iou",
    "convert_format",
    "crop",
    "decode_deltas_to_boxes",
    "encode_box_to_deltas",
    "pad",
]
