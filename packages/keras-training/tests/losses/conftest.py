"""Shared settings for the loss tests: one torch thread (many times faster on small CPUs)."""

from __future__ import annotations

from keras.backend import backend

if backend() == "torch":
    import torch

    torch.set_num_threads(1)
