"""The numpy backend: inference only, no gradients."""
