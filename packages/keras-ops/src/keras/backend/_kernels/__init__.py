"""Kernel families written once against the numpy API, shared by every backend.

Each family is a class whose constructor takes the backend's numpy-like module
(`numpy`, `jax.numpy`, `torch`, `tensorflow.experimental.numpy`). A backend subclasses
a family only to override the kernels where its library differs. Kernels take canonical
arguments (tensors already converted and promoted, axes as tuples) and hold no dtype policy.
"""
