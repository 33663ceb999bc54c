"""Test settings for every package: one torch thread (2-core machines), numpy doctests."""

from __future__ import annotations

import os

if os.environ.get("KERAS_BACKEND") == "torch":
    import torch

    # At 2 threads on 2-core CI machines torch runs many times slower than at 1.
    torch.set_num_threads(1)
