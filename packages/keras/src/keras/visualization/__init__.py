"""`keras.visualization`: draw boxes and masks on images (numpy) and plot galleries
(matplotlib, imported when a gallery is drawn)."""

from keras.visualization._draw import draw_bounding_boxes as draw_bounding_boxes
from keras.visualization._draw import draw_segmentation_masks as draw_segmentation_masks
from keras.visualization._gallery import plot_bounding_box_gallery as plot_bounding_box_gallery
from keras.visualization._gallery import plot_image_gallery as plot_image_gallery
from keras.visualization._gallery import plot_segmentation_mask_gallery as plot_segmentation_mask_gallery

__all__ = [
    "draw_bounding_boxes",
    "draw_segmentation_masks",
    "plot_bounding_box_gallery",
    "plot_image_gallery",
    "plot_segmentation_mask_gallery",
]
